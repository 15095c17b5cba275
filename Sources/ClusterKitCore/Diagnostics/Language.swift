import Foundation

/// A language ClusterKit writes its messages, rule names and rationales in.
public enum Language: String, Hashable, Sendable, Codable, CaseIterable {
    /// English, the default.
    case english = "en"
    /// French, the memento's language.
    case french = "fr"

    /// The language for a locale: French for any French locale, English otherwise.
    public init(_ locale: Locale) {
        self = locale.language.languageCode?.identifier == "fr" ? .french : .english
    }
}

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
    public func callAsFunction(_ language: Language) -> String {
        switch language {
        case .english: english
        case .french: french
        }
    }
}
