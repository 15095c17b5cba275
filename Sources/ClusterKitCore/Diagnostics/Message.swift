import Foundation

/// What a diagnostic says: a template and its arguments. Rendering is deferred to `rendered(in:)`, in a language or a locale.
public struct Message: Hashable, Sendable {
    /// The template.
    public var template: MessageTemplate
    /// The arguments, by placeholder name.
    public var arguments: MessageArguments

    /// Creates a message.
    public init(_ template: MessageTemplate, _ arguments: MessageArguments = [:]) {
        self.template = template
        self.arguments = arguments
    }

    /// The message's identifier.
    public var id: MessageID { template.id }

    /// The message in `language`, with its arguments formatted for it. A placeholder without an argument is kept
    /// as `{name}`, so that a mistake shows instead of vanishing. French follows French typography (the
    /// spaces before « : ; ? ! » and inside « » made unbreakable). A word chosen by a number, `{count|ligne|lignes}`,
    /// agrees with the number as printed: in English one is singular, in French below two (« 0 erreur, 1 erreur,
    /// 1,5 erreur, 2 erreurs »).
    public func rendered(in language: Language) -> String {
        let format = ValueFormatter(language: language)
        var output = ""
        MessageTemplate.scan(
            template.text(language), literal: { output += $0 },
            placeholder: { placeholder in
                if let plural = MessageTemplate.plural(placeholder) {
                    guard let argument = arguments[plural.name] else { output += "{\(placeholder)}"; return }
                    output += format.isSingular(argument) ? plural.singular : plural.plural
                } else {
                    output += arguments[placeholder].map(format.string) ?? "{\(placeholder)}"
                }
            })
        return language == .french ? FrenchTypography.applied(to: output) : output
    }
}
