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
