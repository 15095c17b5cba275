import Foundation

/// Where a budget's or a history's figures come from: `{ "source", "url", "page", "notes" }`, all optional strings.
/// `notes` says what was inferred, corrected or left ambiguous in reading the source.
public struct Provenance: Hashable, Sendable, Codable {
    /// The document the figures come from.
    public var source: String?
    /// Where it can be read.
    public var url: String?
    /// The page or slide.
    public var page: String?
    /// What was inferred, corrected or is ambiguous.
    public var notes: String?

    /// The document, page and address in one line (`Rapport financier, p. 4 (https://…)`); `nil` when none is
    /// given.
    package var citation: String? {
        let parts = [source, page].compactMap { $0 }.filter { !$0.isEmpty }
        let text = parts.joined(separator: ", ") + (url.map { parts.isEmpty ? $0 : " (\($0))" } ?? "")
        return text.isEmpty ? nil : text
    }

    /// Creates a provenance.
    public init(source: String? = nil, url: String? = nil, page: String? = nil, notes: String? = nil) {
        self.source = source
        self.url = url
        self.page = page
        self.notes = notes
    }

    public init(from decoder: any Decoder) throws {
        let fields = try FieldReader(decoder, allowed: ["source", "url", "page", "notes"])
        source = try fields.optional("source")
        url = try fields.optional("url")
        page = try fields.optional("page")
        notes = try fields.optional("notes")
    }

    public func encode(to encoder: any Encoder) throws {
        var out = FieldWriter(encoder)
        try out.write(source, "source")
        try out.write(url, "url")
        try out.write(page, "page")
        try out.write(notes, "notes")
    }
}
