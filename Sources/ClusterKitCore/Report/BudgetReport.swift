/// What the engine found on one budget, or on a history as a whole.
///
/// A report is a value; its fields live in one shared storage, copied when a copy is changed, so that gathering
/// the reports of a portfolio copies one reference per budget.
public struct BudgetReport: Sendable {
    /// What a report is about.
    public enum Subject: Sendable {
        /// One budget, with its figures.
        case budget(CheckedBudget)
        /// A history as a whole: the trajectory rules' findings, and the trajectory they judged (its full years have
        /// reports of their own).
        case history(CheckedHistory, trajectory: Trajectory)
    }

    private var storage: CopyOnWrite<ReportFields>

    /// What was checked.
    public var subject: Subject { get { storage.fields.subject } _modify { yield &storage.fields.subject } }
    /// The file it came from.
    public var file: String? { get { storage.fields.file } _modify { yield &storage.fields.file } }
    /// The diagnostics, sorted.
    public var diagnostics: [Diagnostic] { get { storage.fields.diagnostics } _modify { yield &storage.fields.diagnostics } }
    /// The diagnostics suppressions hid, in the same order, each with its suppression and justification.
    public var suppressed: [SuppressedDiagnostic] { get { storage.fields.suppressed } _modify { yield &storage.fields.suppressed } }

    /// Creates a report.
    package init(_ subject: Subject, file: String?, diagnostics: [Diagnostic], suppressed: [SuppressedDiagnostic] = []) {
        storage = CopyOnWrite(ReportFields(subject: subject, file: file, diagnostics: diagnostics, suppressed: suppressed))
    }

    /// The budget checked; `nil` for a history.
    public var budget: Budget? {
        if case .budget(let budget) = subject { return budget.budget }
        return nil
    }

    /// The history, for a history's own report; `nil` for a budget.
    public var history: BudgetHistory? {
        if case .history(let history, _) = subject { return history.history }
        return nil
    }

    /// The budget's figures; `nil` for a history.
    public var metrics: BudgetMetrics? {
        if case .budget(let budget) = subject { return budget.metrics }
        return nil
    }

    /// For a history: the private share year by year and the share its glide path requires. `nil` for a budget.
    public var trajectory: Trajectory? {
        if case .history(_, let trajectory) = subject { return trajectory }
        return nil
    }

    /// The cluster: the budget's, or the history's own profile.
    public var cluster: ClusterProfile {
        switch subject {
        case .budget(let budget): budget.cluster
        case .history(let history, _): history.cluster
        }
    }

    /// The budget's year, or the latest year of a history.
    public var year: Int {
        switch subject {
        case .budget(let budget): budget.year
        case .history(let history, _): history.span?.upperBound ?? 0
        }
    }

    /// Where the figures come from: the budget's or the history's own provenance.
    package var provenance: Provenance? { budget?.provenance ?? history?.provenance }

    /// The year as a reader names it (see `Budget.yearLabel`); a history's latest year.
    package var yearLabel: String { budget?.yearLabel ?? String(year) }
}

/// The fields of a ``BudgetReport``.
struct ReportFields: Sendable {
    var subject: BudgetReport.Subject
    var file: String?
    var diagnostics: [Diagnostic]
    var suppressed: [SuppressedDiagnostic]
}
