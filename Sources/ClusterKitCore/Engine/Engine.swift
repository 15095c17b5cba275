/// Evaluates a rule set on budgets and returns reports.
///
/// ```swift
/// let engine = Engine(ruleSet: .recommended)
/// let budget = try BudgetDecoder().decode(data, file: "mecabourg-2013.json")
/// let report = engine.check(budget, file: "mecabourg-2013.json")
/// for diagnostic in report.diagnostics {
///     print(diagnostic.severity, diagnostic.ruleID, diagnostic.message.rendered(in: .english))
/// }
/// ```
///
/// A budget is checked and its metrics computed once, before the engine sees it (``CheckedBudget``); the metrics
/// are shared by every rule. A rule that throws becomes an error
/// diagnostic naming it (message `clusterkit.rule-failed`) and the other rules still run. Diagnostics come out sorted
/// — severity (errors first), rule id, lines, then the rule's own order — and the line ids and list arguments of
/// each are sorted, so the same input always gives the same output, whatever the order of its lines.
public struct Engine: Sendable {
    /// The rules to run.
    public var ruleSet: RuleSet
    /// The revenue sources (and regimes) that budgets and histories built in code (a ``BudgetInput`` made from a ``Budget``)
    /// are checked against. A checked budget is judged with the catalogue it was checked against.
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
    package static let ruleFailedMessage = MessageTemplate(
        id: "clusterkit.rule-failed",
        english: "The rule could not be evaluated: {error}",
        french: "La règle n'a pas pu être évaluée : {error}")

    /// Checks one budget: every enabled rule judges it, with the catalogue it was checked against. Diagnostics the
    /// suppressions hide go to ``BudgetReport/suppressed``.
    ///
    /// The budget is checked already (``CheckedBudget``), so nothing here can fail: it is neither checked nor summed
    /// again.
    public func check(_ budget: CheckedBudget, file: String? = nil) -> BudgetReport {
        let context = RuleContext(budget: budget.budget, metrics: budget.metrics, catalog: budget.catalog, history: nil)
        let found = Suppression.apply(suppressions, to: evaluate(context), of: budget.budget)
        return BudgetReport(
            .budget(budget), file: file, diagnostics: found.reported, suppressed: found.suppressed)
    }

    /// Checks budgets and histories, in order, into one report, spreading them over every core when `parallel` is
    /// true. An input built in code is checked against ``catalog`` first; a budget gives one report, a history its
    /// full years' and then its own (``BudgetReport/Subject/history(_:trajectory:)``). A suppression that hid nothing
    /// in any of them is reported as a note of the report itself (``Report/diagnostics``).
    ///
    /// A portfolio — a funder's clusters, a network's members — gives exactly the report of the sequential check:
    /// the same budget reports, in input order, with the same diagnostics, byte for byte once rendered. Each input
    /// is checked on its own; inputs share nothing but the engine, a value. The call blocks the calling thread until
    /// every input is checked: call it from a thread or task that may block.
    ///
    /// ```swift
    /// let report = try Engine(ruleSet: .recommended).check(inputs, parallel: true)
    /// ```
    ///
    /// - Throws: the ``InputError`` of the first invalid input in input order, and no report: nothing is
    ///   half-reported.
    public func check(_ inputs: [BudgetInput], parallel: Bool = false) throws(InputError) -> Report {
        var budgets: [BudgetReport] = []
        budgets.reserveCapacity(inputs.count)
        if parallel, inputs.count > 1 {
            // ParallelEvaluation.swift.
            for chunk in checkConcurrently(inputs) {
                budgets += chunk.reports
                if let error = chunk.error { throw error }
            }
        } else {
            for input in inputs { budgets += try reports(for: input) }
        }
        return Report(ruleSet: ruleSet.name, budgets: budgets, suppressions: suppressions)
    }

    /// The reports of one input: a budget's, or a history's years and its own.
    /// - Throws: ``InputError`` when the input, built in code, is not valid against ``catalog``.
    func reports(for input: BudgetInput) throws(InputError) -> [BudgetReport] {
        switch try input.checked(against: catalog) {
        case .budget(let budget): [check(budget, file: input.file)]
        case .history(let history): reports(for: history, file: input.file)
        }
    }

    /// Runs every enabled rule in a context, and sorts what they find; in the context of a history, runs the
    /// trajectory rules (``TrajectoryRule``) only.
    func evaluate(_ context: RuleContext) -> [Diagnostic] {
        var context = context
        let history = context.history
        // Each diagnostic with its rule's rank (the rules run in the order of their ids) and its place among the
        // rule's own: sorting these by severity, then rank, then lines compares no rule id.
        var found: [(diagnostic: Diagnostic, severity: Severity, rank: Int, index: Int)] = []
        found.reserveCapacity(ruleSet.entries.count)
        // One context for the budget, bound to each rule in turn: nothing of the budget is copied per rule.
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
