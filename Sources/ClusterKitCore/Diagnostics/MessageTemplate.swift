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

    /// The placeholder names the template prints in `language`, in order of appearance. A word chosen by a number,
    /// `{count|line|lines}`, prints no value and is not among them (languages agree on a noun's number differently).
    package func placeholders(in language: Language) -> [String] {
        var names: [String] = []
        Self.scan(text(language), literal: { _ in }, placeholder: { if Self.plural($0) == nil { names.append($0) } })
        return names
    }

    /// The names of the arguments the template needs in `language`: its placeholders, and the numbers its words
    /// agree with (`count` in `{count|line|lines}`).
    package func argumentNames(in language: Language) -> Set<String> {
        var names: Set<String> = []
        Self.scan(text(language), literal: { _ in }, placeholder: { names.insert(Self.plural($0)?.name ?? $0) })
        return names
    }

    /// The template's text in `language` as a reference prints it: placeholders kept (`{share}`), a word chosen by a
    /// number shown in both forms (`{count|line|lines}` as `line/lines`).
    package func readable(in language: Language) -> String {
        var out = ""
        Self.scan(text(language), literal: { out += $0 }, placeholder: { name in
            if let forms = Self.plural(name) { out += forms.singular + "/" + forms.plural } else { out += "{" + name + "}" }
        })
        return out
    }

    /// A placeholder that chooses a word by a number, `{count|ligne|lignes}`: the number's placeholder, then the word
    /// for one and the word for more; nil for a plain placeholder.
    static func plural(_ placeholder: String) -> (name: String, singular: String, plural: String)? {
        let parts = placeholder.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        return (String(parts[0]), String(parts[1]), String(parts[2]))
    }

    /// Reads a template's text once, in order: each run of text outside braces to `literal`, each `{name}` to
    /// `placeholder`. A `{` opens a name (a second one starts it again); a `{` never closed is dropped. The one
    /// reading of templates: listing placeholders and rendering both go through it.
    ///
    /// Braces are single bytes of UTF-8, so the text is read as bytes and handed on in runs, not a character at a
    /// time (character by character, rendering messages took a quarter of a fuzzed check: callgrind).
    static func scan(_ text: String, literal: (Substring) -> Void, placeholder: (String) -> Void) {
        let utf8 = text.utf8
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var run = utf8.startIndex
        var name: String.Index?
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == open {
                if name == nil, run < index { literal(text[run..<index]) }
                name = utf8.index(after: index)
            } else if byte == close, let start = name {
                placeholder(String(text[start..<index]))
                name = nil
                run = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if name == nil, run < utf8.endIndex { literal(text[run...]) }
    }
}
