import Foundation

/// Everything a rule declares about itself — the source of its documentation, its configuration and its tests.
public struct RuleDescription: Sendable {
    /// The rule's stable identifier.
    public var id: RuleID
    /// A short name.
    public var name: LocalizedText
    /// Why the rule exists, in words a cluster manager understands.
    public var rationale: LocalizedText
    /// The slide of the memento (or other source) it encodes.
    public var citation: Citation
    /// The severity of its diagnostics unless a rule set overrides it.
    public var defaultSeverity: Severity
    /// Its parameters, with their defaults.
    public var parameters: [RuleParameter]
    /// The templates of its messages.
    public var messages: [MessageTemplate]
    /// Budgets on which it must report at least one diagnostic.
    public var triggeringExamples: [RuleExample]
    /// Budgets on which it must stay silent.
    public var nonTriggeringExamples: [RuleExample]

    /// Creates a description.
    ///
    /// `parameters` lists the rule's ``Parameter``s (typed: the rule reads them with
    /// ``RuleContext/value(of:)``) or plain ``RuleParameter``s; `messages` its templates, which the rule passes to
    /// ``RuleContext/diagnostic(_:_:severity:measured:threshold:lines:remediation:explanation:)`` as values.
    public init(
        id: RuleID, name: LocalizedText, rationale: LocalizedText, citation: Citation, defaultSeverity: Severity,
        parameters: [any RuleParameterDeclaration] = [], messages: [MessageTemplate],
        triggeringExamples: [RuleExample] = [], nonTriggeringExamples: [RuleExample] = []
    ) {
        self.id = id
        self.name = name
        self.rationale = rationale
        self.citation = citation
        self.defaultSeverity = defaultSeverity
        self.parameters = parameters.map(\.declaration)
        self.messages = messages
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }

    /// The parameter with this name.
    package func parameter(named name: String) -> RuleParameter? {
        parameters.firstIndex { $0.name == name }.map { parameters[$0] }
    }

    /// The default value of the parameter with this name: what a rule reads when its set gives none.
    func defaultValue(of name: String) -> ParameterValue? {
        // Indices rather than elements: only the matching parameter's value is copied.
        for index in parameters.indices where parameters[index].name == name { return parameters[index].defaultValue }
        return nil
    }

    /// The message template with this id.
    package func message(_ id: MessageID) -> MessageTemplate? {
        messages.firstIndex { $0.id == id }.map { messages[$0] }
    }
}
