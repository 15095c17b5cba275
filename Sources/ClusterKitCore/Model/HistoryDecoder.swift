import Foundation

/// Reads `clusterkit.history/1` documents and checks every full year against a catalogue.
///
/// Errors read like ``BudgetDecoder``'s, with the year's place in the document in the path:
/// `cra.json: years[3].resources[1].source: unknown revenue source 'regoin' (did you mean 'region'?)`.
///
/// ```swift
/// let history = try HistoryDecoder().decode(data, file: "cra-eco-energies-2010-2013.json")
/// ```
public struct HistoryDecoder: Sendable {
    /// The revenue sources (and regimes) the full years may name.
    public var catalog: Catalog

    /// Creates a decoder for a catalogue.
    public init(catalog: Catalog = .builtIn) { self.catalog = catalog }

    /// Decodes and checks one history.
    /// - Throws: ``InputError`` naming the file, the field path and the reason.
    public func decode(_ data: Data, file: String? = nil) throws(InputError) -> BudgetHistory {
        let history = try JSONInput.decode(BudgetHistory.self, from: data, file: file)
        try validate(history, file: file)
        return history
    }

    /// Checks a history built in code: at least one year, each year once, every full year valid against the catalogue
    /// and in the history's currency.
    /// - Throws: ``InputError`` naming the field path (`years[2].resources[0].source`) and the reason.
    public func validate(_ history: BudgetHistory, file: String? = nil) throws(InputError) {
        _ = try HistoryMetrics(history, catalog: catalog, file: file)
    }
}

extension BudgetDocument {
    /// Decodes a budget or a history, by its `format` field (a document without one is a history when it has
    /// `years`, a budget otherwise), and checks it against the catalogue.
    /// - Throws: ``InputError`` naming the file, the field path and the reason; an unknown format names the two
    ///   ClusterKit reads.
    public init(decoding data: Data, file: String? = nil, catalog: Catalog = .builtIn) throws(InputError) {
        let peek = try JSONInput.decode(FormatPeek.self, from: data, file: file)
        switch peek.format {
        case Budget.format?: self = .budget(try BudgetDecoder(catalog: catalog).decode(data, file: file))
        case BudgetHistory.format?: self = .history(try HistoryDecoder(catalog: catalog).decode(data, file: file))
        case nil where peek.hasYears: self = .history(try HistoryDecoder(catalog: catalog).decode(data, file: file))
        case nil: self = .budget(try BudgetDecoder(catalog: catalog).decode(data, file: file))
        case let format?:
            throw InputError(
                file: file, path: "format",
                reason: "unknown format '\(format)': ClusterKit reads '\(Budget.format)' and '\(BudgetHistory.format)'")
        }
    }

    /// The `format` field, read before the rest to choose the document's type.
    private struct FormatPeek: Decodable {
        let format: String?
        let hasYears: Bool

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyCodingKey.self)
            // A format that is not a string is reported by the full decoding, with its path.
            format = try? container.decodeIfPresent(String.self, forKey: AnyCodingKey("format"))
            hasYears = container.contains(AnyCodingKey("years"))
        }
    }
}
