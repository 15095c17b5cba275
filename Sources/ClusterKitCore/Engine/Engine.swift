/// A budget to check, with the file it came from.
public struct BudgetInput: Sendable {
    /// The budget.
    public var budget: Budget
    /// The file it was read from, if any; reports name it.
    public var file: String?
    /// The history, when the input is one (`clusterkit.history/1`); `budget` is then its stand-in.
    public var history: BudgetHistory?

    /// Creates an input.
    public init(_ budget: Budget, file: String? = nil) {
        self.budget = budget
        self.file = file
    }
}

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

/// What the engine found on one budget.
///
/// A report is a value; its fields live in one shared storage, copied when a copy is changed, so that gathering
/// the reports of a portfolio copies one reference per budget.
public struct BudgetReport: Sendable {
    private var storage: CopyOnWrite<ReportFields>

    /// The budget checked.
    public var budget: Budget { get { storage.fields.budget } _modify { yield &storage.fields.budget } }
    /// The file it came from.
    public var file: String? { get { storage.fields.file } _modify { yield &storage.fields.file } }
    /// Its figures.
    public var metrics: BudgetMetrics { get { storage.fields.metrics } _modify { yield &storage.fields.metrics } }
    /// The diagnostics, sorted.
    public var diagnostics: [Diagnostic] { get { storage.fields.diagnostics } _modify { yield &storage.fields.diagnostics } }
    /// The diagnostics suppressions hid, in the same order, each with its suppression and justification.
    public var suppressed: [SuppressedDiagnostic] { get { storage.fields.suppressed } _modify { yield &storage.fields.suppressed } }
    /// For the report of a history as a whole (its `budget` is the stand-in): the private share year by year and the
    /// share its glide path requires. `nil` for a budget.
    public var trajectory: Trajectory? { get { storage.fields.trajectory } _modify { yield &storage.fields.trajectory } }

    /// Creates a budget report.
    public init(
        budget: Budget, file: String?, metrics: BudgetMetrics, diagnostics: [Diagnostic],
        suppressed: [SuppressedDiagnostic] = []
    ) {
        storage = CopyOnWrite(
            ReportFields(
                budget: budget, file: file, metrics: metrics, diagnostics: diagnostics, suppressed: suppressed,
                trajectory: nil))
    }
}

/// The fields of a ``BudgetReport``.
struct ReportFields: Sendable {
    var budget: Budget
    var file: String?
    var metrics: BudgetMetrics
    var diagnostics: [Diagnostic]
    var suppressed: [SuppressedDiagnostic]
    var trajectory: Trajectory?
}

/// Counts of diagnostics by severity.
public struct ReportSummary: Hashable, Sendable, Codable {
    /// Errors.
    public var errors: Int
    /// Warnings.
    public var warnings: Int
    /// Notes.
    public var notes: Int
    /// Diagnostics suppressions hid (not counted above).
    public var suppressed: Int

    /// Counts the diagnostics of budget reports, and the report's own (``Report/diagnostics``).
    public init(_ budgets: [BudgetReport], diagnostics: [Diagnostic] = []) {
        var counts: [Severity: Int] = [:]
        for diagnostic in budgets.flatMap(\.diagnostics) + diagnostics { counts[diagnostic.severity, default: 0] += 1 }
        errors = counts[.error] ?? 0
        warnings = counts[.warning] ?? 0
        notes = counts[.note] ?? 0
        suppressed = budgets.reduce(0) { $0 + $1.suppressed.count }
    }
}

/// The result of a check: a report per budget and a summary — what `clusterkit.report/1` encodes.
public struct Report: Sendable {
    /// The report format identifier.
    public static let format = "clusterkit.report/1"
    /// The name of the rule set that ran.
    public var ruleSet: String
    /// A report per budget, in input order.
    public var budgets: [BudgetReport]
    /// Diagnostics about the check itself rather than one budget, such as a suppression that matched nothing
    /// (``Suppression/unusedRuleID``).
    public var diagnostics: [Diagnostic]

    /// Creates a report.
    public init(ruleSet: String, budgets: [BudgetReport], diagnostics: [Diagnostic] = []) {
        self.ruleSet = ruleSet
        self.budgets = budgets
        self.diagnostics = diagnostics
    }

    /// The counts by severity, and of suppressed diagnostics.
    public var summary: ReportSummary { ReportSummary(budgets, diagnostics: diagnostics) }

    /// Whether any diagnostic (of a budget or of the report) is at least as severe as `severity`.
    public func hasDiagnostics(atLeast severity: Severity) -> Bool {
        budgets.contains { $0.diagnostics.contains { $0.severity >= severity } } || diagnostics.contains { $0.severity >= severity }
    }
}
