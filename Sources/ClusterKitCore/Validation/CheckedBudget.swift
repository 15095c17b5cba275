/// A budget checked against a catalogue, with its figures: what the engine judges.
///
/// A budget is checked once — when it is decoded (``BudgetDecoder/decode(_:file:)``), read from a table, or made
/// here from a budget built in code — and its ``metrics`` are computed in the same step. The engine takes it as it is:
/// it neither checks it nor sums it again.
///
/// ```swift
/// let budget = try CheckedBudget(Budget(cluster: cluster, year: 2026, resources: resources, expenses: expenses))
/// let report = Engine(ruleSet: .recommended).check(budget)
/// ```
///
/// It reads like the budget it holds: `checked.resources` is `checked.budget.resources`.
@dynamicMemberLookup
public struct CheckedBudget: Sendable {
    /// The budget.
    public let budget: Budget
    /// Its figures.
    public let metrics: BudgetMetrics
    /// The catalogue it was checked against: the rules judge it with this one.
    public let catalog: Catalog
    /// What the reader of a table inferred (a line's source from its label, the year from a title…), in the order read;
    /// empty for a budget read from JSON or built in code.
    package var inferred: [InferredValue] = []

    /// Checks a budget against a catalogue and computes its figures.
    /// - Throws: ``InputError`` naming the field path (`resources[2].source`) and the reason.
    public init(_ budget: Budget, catalog: Catalog = .builtIn, file: String? = nil) throws(InputError) {
        let validation = try BudgetValidation(budget, catalog: catalog, file: file)
        let metrics = BudgetMetrics(summing: budget, catalog: catalog, validation: validation)
        if validation.hasNegativeAmount {
            do throws(MoneyError) {
                try metrics.allocateNow()
            } catch {
                throw InputError(
                    file: file, path: "resources", reason: "the public resources add up to more than ClusterKit can hold exactly")
            }
        }
        self.budget = budget
        self.metrics = metrics
        self.catalog = catalog
    }

    /// A field of the budget.
    public subscript<Value>(dynamicMember field: KeyPath<Budget, Value>) -> Value { budget[keyPath: field] }
}
