/// A history checked against a catalogue, with its figures: what the engine judges.
///
/// The history is checked once — at least one year, each year once, every full year valid against the catalogue and
/// in the history's currency — when it is decoded (``BudgetInput/init(decoding:file:catalog:)``) or made here from a history
/// built in code; the figures of every year (``HistoryMetrics``) are computed in the same step.
///
/// It reads like the history it holds: `checked.years` is `checked.history.years`.
@dynamicMemberLookup
public struct CheckedHistory: Sendable {
    /// The figures of every year, with the history.
    public let metrics: HistoryMetrics
    /// The catalogue it was checked against: the rules judge it with this one.
    public let catalog: Catalog

    /// The history.
    public var history: BudgetHistory { metrics.history }

    /// Checks a history against a catalogue and computes its figures.
    /// - Throws: ``InputError`` naming the field path (`years[2].resources[0].source`) and the reason.
    public init(_ history: BudgetHistory, catalog: Catalog = .builtIn, file: String? = nil) throws(InputError) {
        metrics = try HistoryMetrics(history, catalog: catalog, file: file)
        self.catalog = catalog
    }

    /// A field of the history.
    public subscript<Value>(dynamicMember field: KeyPath<BudgetHistory, Value>) -> Value { history[keyPath: field] }
}
