/// The result of a check: a report per budget and a summary — what `clusterkit.report/1` encodes.
public struct Report: Sendable {
    /// The report format identifier.
    package static let format = "clusterkit.report/1"
    /// The name of the rule set that ran.
    public var ruleSet: String
    /// A report per budget, in input order.
    public var budgets: [BudgetReport]
    /// Diagnostics about the check itself rather than one budget, such as a suppression that matched nothing
    /// (rule `clusterkit/unused-suppression`).
    public var diagnostics: [Diagnostic]
    /// The budgets grouped by cluster, when the report was grouped (a report on more than one input); `nil` otherwise.
    package var clusters: [ClusterGroup]?

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

extension Report {
    /// A report of budgets checked with suppressions: its engine-level diagnostics hold a note for each suppression
    /// that matched nothing in any of the budgets.
    ///
    /// `Engine.check(_:)` builds its report this way for a list of budgets; call it when you check budgets one by one (for example
    /// each with the preset of its kind) and assemble the report yourself.
    package init(ruleSet: String, budgets: [BudgetReport], suppressions: [Suppression]) {
        self.init(ruleSet: ruleSet, budgets: budgets, diagnostics: Suppression.unusedNotes(suppressions, in: budgets))
    }
}
