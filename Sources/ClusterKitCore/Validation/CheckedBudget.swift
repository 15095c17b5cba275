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
        try self.init(budget, catalog: catalog, file: file, known: nil)
    }

    /// Checks a budget whose lines a reader made, with what it knows of them already (``KnownLines``), without finding
    /// again what the reader found: when what the reader says is true, the same checks, the same errors and the same
    /// figures as ``init(_:catalog:file:)``. It is taken as true — a reader says only what it made sure of —, and
    /// debug builds, where the tests run, check it against what the check would find.
    /// - Throws: ``InputError`` naming the field path and the reason.
    package init(_ budget: Budget, catalog: Catalog, file: String?, known: KnownLines?) throws(InputError) {
        let validation = try BudgetValidation(budget, catalog: catalog, file: file, known: known)
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

    /// What a reader that made a budget's lines knows of them already: a table reader gives its lines their ids and
    /// looks each distinct Source cell up once, so the check need not hash every id and every source again.
    package struct KnownLines: Sendable {
        /// Whether the reader made every line's id distinct (ids it gave are claimed against the ones written, and
        /// the ones written are distinct): no table of ids is then built to find a duplicate, only to find the
        /// expense a line's `action` names, or the line a forecast amount names, when there is one.
        package var distinctIDs: Bool
        /// Each resource line's position among the catalogue's sources (``Catalog/sourceIDs``), in budget order; −1,
        /// or no entry, where the reader does not know it.
        package var sourcePositions: [Int32]

        /// What a reader knows.
        package init(distinctIDs: Bool, sourcePositions: [Int32]) {
            self.distinctIDs = distinctIDs
            self.sourcePositions = sourcePositions
        }
    }
}
