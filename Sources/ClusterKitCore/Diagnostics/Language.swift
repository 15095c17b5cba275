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
