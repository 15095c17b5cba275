import Foundation

/// A rule that judges several years of one cluster at once — a trajectory — rather than one budget.
///
/// On a ``BudgetHistory`` the engine runs every other rule on each full year, and a trajectory rule once, on the
/// history as a whole: its ``RuleContext/history`` holds every year's figures, and its `budget` is the history's
/// ``BudgetHistory/standIn`` (the cluster and latest year, no lines). On a single budget a trajectory rule finds
/// nothing unless it implements ``Rule/evaluate(_:)`` itself.
///
/// ```swift
/// struct NoFall: TrajectoryRule {
///     static let fell = MessageTemplate(id: "acme/no-fall.fell", english: "…", french: "…")
///     static let description = RuleDescription(…, messages: [fell])
///     func evaluate(history context: RuleContext) throws -> [Diagnostic] {
///         guard let history = context.history else { return [] }
///         let shares = history.years.compactMap { $0.privateShare(basis: .gross, preferring: .computed)?.share }
///         return zip(shares, shares.dropFirst()).contains { $1 < $0 }
///             ? [context.diagnostic(Self.fell)] : []
///     }
/// }
/// ```
public protocol TrajectoryRule: Rule {
    /// Evaluates the rule across the years of `context.history`, which the engine always sets here.
    func evaluate(history context: RuleContext) throws -> [Diagnostic]

    /// The trajectory the rule judges — each year's private share and the share it requires — for reports to
    /// print; `nil` (the default) when the rule has none to show.
    func trajectory(_ context: RuleContext) throws -> Trajectory?
}

extension TrajectoryRule {
    /// On a single budget there is no trajectory to judge: nothing.
    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] { [] }

    /// No trajectory to show.
    public func trajectory(_ context: RuleContext) throws -> Trajectory? { nil }
}

extension BudgetInput {
    /// An input for a history; its `budget` is the history's ``BudgetHistory/standIn``.
    public init(history: BudgetHistory, file: String? = nil) {
        self.init(history.standIn, file: file)
        self.history = history
    }

    /// An input for a decoded document.
    public init(_ document: BudgetDocument, file: String? = nil) {
        switch document {
        case .budget(let budget): self.init(budget, file: file)
        case .history(let history): self.init(history: history, file: file)
        }
    }

    /// Reads a budget or a history (by its `format`) and checks it against the catalogue.
    /// - Throws: ``InputError`` naming the file, the field path and the reason.
    public init(decoding data: Data, file: String? = nil, catalog: Catalog = .builtIn) throws(InputError) {
        self.init(try BudgetDocument(decoding: data, file: file, catalog: catalog), file: file)
    }
}

extension Engine {
    /// Checks a history: each full year like a budget (every rule but the trajectory rules), oldest first, then one
    /// report for the history as a whole — its ``BudgetHistory/standIn`` — with the diagnostics of the trajectory
    /// rules and the ``BudgetReport/trajectory`` they judged.
    ///
    /// The metrics of each full year are computed once, and serve both its own report and the trajectory.
    /// - Throws: ``InputError`` when the history is not valid (paths name the year: `years[2].resources[0].source`);
    ///   then no rule runs.
    public func check(_ history: BudgetHistory, file: String? = nil) throws(InputError) -> [BudgetReport] {
        let figures = try HistoryMetrics(history, catalog: catalog, file: file)
        var reports: [BudgetReport] = []
        for year in figures.years {
            if let budget = year.budget, let metrics = year.metrics {
                reports.append(check(budget, metrics: metrics, file: file))
            }
        }
        let standIn = history.standIn
        let standInMetrics = try BudgetMetrics(standIn, catalog: catalog, file: file)
        var whole = check(standIn, metrics: standInMetrics, file: file, history: figures)
        whole.trajectory = trajectory(of: figures, standIn: standIn, metrics: standInMetrics)
        reports.append(whole)
        return reports
    }

    /// Checks one input: a budget gives one report, a history its full years' and its own.
    /// - Throws: ``InputError`` when the input is not valid; then no rule runs.
    public func check(_ input: BudgetInput) throws(InputError) -> [BudgetReport] {
        if let history = input.history { return try check(history, file: input.file) }
        return [try check(input.budget, file: input.file)]
    }

    /// The trajectory the first enabled trajectory rule judges; without one, each year's private share (published
    /// first, gross) and no required share.
    func trajectory(of figures: HistoryMetrics, standIn: Budget, metrics: BudgetMetrics) -> Trajectory {
        for entry in ruleSet.entries where entry.isEnabled {
            guard entry.box.judgesHistories, let rule = entry.rule as? any TrajectoryRule else { continue }
            let context = RuleContext(
                budget: standIn, metrics: metrics, catalog: catalog, description: entry.description,
                severity: entry.severity, parameters: entry.parameters, history: figures)
            // A rule that throws here has already been reported as a diagnostic by the evaluation.
            if let trajectory = try? rule.trajectory(context) { return trajectory }
        }
        return figures.trajectory(basis: .gross, preferring: .published)
    }
}
