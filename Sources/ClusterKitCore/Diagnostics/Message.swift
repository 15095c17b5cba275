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
    /// spaces before « : ; ? ! » and inside « » made unbreakable).
    public func rendered(in language: Language) -> String {
        let format = ValueFormatter(language: language)
        var output = ""
        MessageTemplate.scan(
            template.text(language), literal: { output.append($0) },
            placeholder: { output += arguments[$0].map(format.string) ?? "{\($0)}" })
        return language == .french ? FrenchTypography.applied(to: output) : output
    }
}
