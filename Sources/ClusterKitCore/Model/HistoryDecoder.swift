import Foundation

/// Reads `clusterkit.history/1` documents and checks every full year against a catalogue.
///
/// Errors read like ``BudgetDecoder``'s, with the year's place in the document in the path:
/// `cra.json: years[3].resources[1].source: unknown revenue source 'regoin' (did you mean 'region'?)`.
///
/// ```swift
/// let history = try HistoryDecoder().decode(data, file: "cra-eco-energies-2010-2013.json")
/// ```
package struct HistoryDecoder: Sendable {
    /// The revenue sources (and regimes) the full years may name.
    package var catalog: Catalog

    /// Creates a decoder for a catalogue.
    package init(catalog: Catalog = .builtIn) { self.catalog = catalog }

    /// Decodes one history and checks it (a history built in code is checked by ``CheckedHistory/init(_:catalog:file:)``).
    /// - Throws: ``InputError`` naming the file, the field path and the reason.
    package func decode(_ data: Data, file: String? = nil) throws(InputError) -> CheckedHistory {
        try CheckedHistory(JSONInput.decode(BudgetHistory.self, from: data, file: file), catalog: catalog, file: file)
    }
}

extension BudgetDocument {
    /// Decodes a budget or a history, by its `format` field (a document without one is a history when it has
    /// `years`, a budget otherwise), and checks it against the catalogue. The document is parsed once.
    /// - Throws: ``InputError`` naming the file, the field path and the reason; an unknown format names the two
    ///   ClusterKit reads.
    package init(decoding data: Data, file: String? = nil, catalog: Catalog = .builtIn) throws(InputError) {
        switch try JSONInput.decode(Envelope.self, from: data, file: file) {
        case .budget(let budget): self = .budget(try CheckedBudget(budget, catalog: catalog, file: file))
        case .history(let history): self = .history(try CheckedHistory(history, catalog: catalog, file: file))
        case .unknown(let format):
            throw InputError(
                file: file, path: "format",
                reason: "unknown format '\(format)': ClusterKit reads '\(Budget.format)' and '\(BudgetHistory.format)'")
        }
    }

    /// A document as parsed: its `format` field (or `years`) read first, then the rest as the type it names, from
    /// the same parse.
    private enum Envelope: Decodable {
        case budget(Budget)
        case history(BudgetHistory)
        case unknown(String)

        init(from decoder: any Decoder) throws {
            let fields = try FieldReader(decoder, allowedAny: true)
            // A format that is not a string is reported by the full decoding, with its path.
            switch try? fields.optional("format", as: String.self) {
            case Budget.format?: self = .budget(try Budget(from: decoder))
            case BudgetHistory.format?: self = .history(try BudgetHistory(from: decoder))
            case nil where fields.has("years"): self = .history(try BudgetHistory(from: decoder))
            case nil: self = .budget(try Budget(from: decoder))
            case let format?: self = .unknown(format)
            }
        }
    }
}
