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
    package init(_ budgets: [BudgetReport], diagnostics: [Diagnostic] = []) {
        var counts: [Severity: Int] = [:]
        for diagnostic in budgets.flatMap(\.diagnostics) + diagnostics { counts[diagnostic.severity, default: 0] += 1 }
        errors = counts[.error] ?? 0
        warnings = counts[.warning] ?? 0
        notes = counts[.note] ?? 0
        suppressed = budgets.reduce(0) { $0 + $1.suppressed.count }
    }
}
