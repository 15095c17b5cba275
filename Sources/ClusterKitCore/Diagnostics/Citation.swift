import Foundation

/// Where a rule's guidance comes from: a document and the slide or page in it.
public struct Citation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The memento's short title, as reports cite it: the one spelling of the regimes of Core and the rules of
    /// ClusterRules (`Memento.title`).
    package static let mementoTitle = "Modèles économiques des clusters (2013)"

    /// The document (e.g. "Modèles économiques des clusters (2013)").
    public var document: String
    /// The slide or page (e.g. "p. 13", or a slide title in quotes).
    public var location: String?

    /// Creates a citation.
    public init(document: String, location: String? = nil) {
        self.document = document
        self.location = location
    }

    /// `document, location`.
    public var description: String { location.map { "\(document), \($0)" } ?? document }
}
