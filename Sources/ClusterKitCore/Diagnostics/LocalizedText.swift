import Foundation

/// A text in every ``Language`` ClusterKit speaks.
public struct LocalizedText: Hashable, Sendable, Codable {
    /// The English text.
    public var english: String
    /// The French text.
    public var french: String

    /// Creates a text from its English and French versions.
    public init(english: String, french: String) {
        self.english = english
        self.french = french
    }

    /// The text in `language`.
    package func callAsFunction(_ language: Language) -> String {
        switch language {
        case .english: english
        case .french: french
        }
    }
}
