/// Evaluates a rule set on budgets and returns reports.
///
/// ```swift
/// let engine = Engine(ruleSet: .recommended)
/// let report = try engine.check([BudgetInput(budget, file: "mecabourg-2013.json")])
/// for diagnostic in report.budgets[0].diagnostics {
///     print(diagnostic.severity, diagnostic.ruleID, diagnostic.message.rendered(in: .english))
/// }
/// ```
///
/// The metrics of a budget are computed once and shared by every rule. A rule that throws becomes an error
/// diagnostic naming it (message ``ruleFailedMessage``) and the other rules still run. Diagnostics come out sorted
/// — severity (errors first), rule id, lines, then the rule's own order — and the line ids and list arguments of
/// each are sorted, so the same input always gives the same output, whatever the order of its lines.
public struct Engine: Sendable {
    /// The rules to run.
    public var ruleSet: RuleSet
    /// The revenue sources (and regimes) budgets may name.
    public var catalog: Catalog
    /// Diagnostics not to report, each with its justification (see ``Suppression``).
    public var suppressions: [Suppression]

    /// Creates an engine.
    public init(ruleSet: RuleSet, catalog: Catalog = .builtIn, suppressions: [Suppression] = []) {
        self.ruleSet = ruleSet
        self.catalog = catalog
        self.suppressions = suppressions
    }

    /// The message of the diagnostic that stands for a rule that threw.
    public static let ruleFailedMessage = MessageTemplate(
        id: "clusterkit.rule-failed",
        english: "The rule could not be evaluated: {error}",
        french: "La règle n'a pas pu être évaluée : {error}")

    /// Checks one budget. Diagnostics the suppressions hide go to ``BudgetReport/suppressed``.
    /// - Throws: ``InputError`` when the budget is not valid against the catalogue; then no rule runs.
    public func check(_ budget: Budget, file: String? = nil) throws(InputError) -> BudgetReport {
        let metrics = try BudgetMetrics(budget, catalog: catalog, file: file)
        return check(budget, metrics: metrics, file: file)
    }

    /// Checks one budget whose metrics are known; with `history`, runs the trajectory rules on it instead (the
    /// budget is then the history's stand-in).
    public func check(
        _ budget: Budget, metrics: BudgetMetrics, file: String? = nil, history: HistoryMetrics? = nil
    ) -> BudgetReport {
        let found = Suppression.apply(suppressions, to: evaluate(budget, metrics: metrics, history: history), of: budget)
        return BudgetReport(
            budget: budget, file: file, metrics: metrics, diagnostics: found.reported, suppressed: found.suppressed)
    }

    /// Checks budgets, in order, into one report; a suppression that hid nothing in any of them is reported as a
    /// note of the report itself (``Report/diagnostics``).
    /// - Throws: the ``InputError`` of the first invalid budget; nothing is half-reported.
    public func check(_ inputs: [BudgetInput]) throws(InputError) -> Report {
        // One implementation for both ways: ParallelEvaluation.swift.
        try check(inputs, parallel: false)
    }

    /// Runs every enabled rule on a budget whose metrics are known, and sorts what they find; with `history`, runs
    /// the trajectory rules (``TrajectoryRule``) on it instead.
    public func evaluate(_ budget: Budget, metrics: BudgetMetrics, history: HistoryMetrics? = nil) -> [Diagnostic] {
        // Each diagnostic with its rule's rank (the rules run in the order of their ids) and its place among the
        // rule's own: sorting these by severity, then rank, then lines compares no rule id.
        var found: [(diagnostic: Diagnostic, severity: Severity, rank: Int, index: Int)] = []
        found.reserveCapacity(ruleSet.entries.count)
        // One context for the budget, bound to each rule in turn: nothing of the budget is copied per rule.
        var context = RuleContext(budget: budget, metrics: metrics, catalog: catalog, history: history)
        let entries = ruleSet.entries
        for (rank, position) in ruleSet.idOrder.enumerated() {
            // With a history, only the trajectory rules run.
            guard entries[position].isEnabled, history == nil || entries[position].box.judgesHistories else { continue }
            context.bind(entries, at: position)
            do {
                var diagnostics = history == nil
                    ? try entries[position].rule.evaluate(context)
                    : try (entries[position].rule as? any TrajectoryRule)?.evaluate(history: context) ?? []
                // Line ids and lists sorted: the order of a budget's lines never changes a report.
                for index in diagnostics.indices {
                    diagnostics[index].canonicalize()
                    found.append((diagnostics[index], diagnostics[index].severity, rank, index))
                }
            } catch {
                let description = entries[position].description
                let failure = Diagnostic(
                    ruleID: description.id, severity: .error,
                    message: Message(Self.ruleFailedMessage, ["error": .text("\(error)")]),
                    citation: description.citation)
                found.append((failure, .error, rank, 0))
            }
        }
        // Severity, rule id (the rank), lines, then the rule's own order.
        found.sort { a, b in
            if a.severity != b.severity { return a.severity > b.severity }
            if a.rank != b.rank { return a.rank < b.rank }
            let x = a.diagnostic.lines, y = b.diagnostic.lines
            if x != y { return x.lexicographicallyPrecedes(y) }
            return a.index < b.index
        }
        return found.map(\.diagnostic)
    }
}
