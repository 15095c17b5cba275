import Foundation

/// The identifier of a message template, such as `billed-revenue-floor.under`.
public struct MessageID: StringIdentifier {
    /// The identifier.
    public let rawValue: String
    /// Creates an identifier.
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A message template in every language: text with `{name}` placeholders for its arguments.
///
/// ```swift
/// MessageTemplate(
///     id: "membership-fee-floor.under",
///     english: "Membership fees are {share} of resources, under {threshold}.",
///     french: "Les cotisations représentent {share} des ressources, sous le seuil de {threshold}.")
/// ```
public struct MessageTemplate: Hashable, Sendable {
    /// The template's identifier.
    public var id: MessageID
    /// The text in each language.
    public var text: LocalizedText

    /// Creates a template.
    public init(id: MessageID, english: String, french: String) {
        self.id = id
        self.text = LocalizedText(english: english, french: french)
    }

    /// The placeholder names the template uses in `language`, in order of appearance.
    package func placeholders(in language: Language) -> [String] {
        var names: [String] = []
        Self.scan(text(language), literal: { _ in }, placeholder: { names.append($0) })
        return names
    }

    /// Reads a template's text once, in order: each character outside braces to `literal`, each `{name}` to
    /// `placeholder`. A `{` opens a name (a second one starts it again); a `{` never closed is dropped. The one
    /// reading of templates: listing placeholders and rendering both go through it.
    static func scan(_ text: String, literal: (Character) -> Void, placeholder: (String) -> Void) {
        var name: String?
        for character in text {
            if character == "{" {
                name = ""
            } else if character == "}", let current = name {
                placeholder(current)
                name = nil
            } else if name != nil {
                name!.append(character)
            } else {
                literal(character)
            }
        }
    }
}
