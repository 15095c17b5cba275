import Foundation

/// A check of a budget against one piece of guidance: a static description, and an evaluation that reports
/// diagnostics.
///
/// A rule reads the ``BudgetMetrics`` in its ``RuleContext`` (never rescanning lines for totals) and its parameters,
/// and returns the diagnostics it finds — none when the budget is fine. A rule that throws does not stop the others:
/// the engine reports the failure as a diagnostic of its own.
///
/// ```swift
/// struct MinimumMembers: Rule {
///     static let minimum = Parameter<Int>("minimum", default: 20, english: "Members required", french: "Adhérents requis")
///     static let under = MessageTemplate(
///         id: "acme/minimum-members.under", english: "{members} members, under {minimum}.",
///         french: "{members} adhérents, sous le minimum de {minimum}.")
///
///     static let description = RuleDescription(
///         id: RuleID("minimum-members", namespace: "acme"),
///         name: LocalizedText(english: "Minimum members", french: "Nombre minimal d'adhérents"),
///         rationale: LocalizedText(english: "…", french: "…"),
///         citation: Citation(document: "Acme funding rules (2026)", location: "art. 3"),
///         defaultSeverity: .warning,
///         parameters: [minimum],
///         messages: [under])
///
///     func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
///         let minimum = try context.value(of: Self.minimum)
///         guard let members = context.budget.cluster.members, members < minimum else { return [] }
///         return [context.diagnostic(Self.under, ["members": .integer(members), "minimum": .integer(minimum)],
///                                    measured: .count(members), threshold: .count(minimum))]
///     }
/// }
/// ```
public protocol Rule: Sendable {
    /// What the rule is: id, name, rationale, source, default severity, parameters, messages and examples.
    static var description: RuleDescription { get }

    /// Evaluates the rule on the budget of `context`.
    func evaluate(_ context: RuleContext) throws -> [Diagnostic]
}

/// A marker for rules that run only when a rule set names them (or in the `all` preset), never by default.
public protocol OptInRule: Rule {}

extension Rule {
    /// The description of this rule's type.
    public var ruleDescription: RuleDescription { Self.description }
    /// Whether the rule is opt-in.
    package var isOptIn: Bool { self is any OptInRule }
}

/// A budget a rule's documentation shows, with the parameters to run the rule with, and whether it must trigger.
public struct RuleExample: Sendable {
    /// The budget (a history's stand-in when ``history`` is set).
    public var budget: Budget
    /// The history, for an example of a trajectory rule (``TrajectoryRule``); `nil` for a budget.
    public var history: BudgetHistory?
    /// Parameter values other than the defaults.
    public var parameters: [String: ParameterValue]
    /// What the example shows, in a sentence.
    public var note: String?
    /// Where the example is written, so that a failing check points at it.
    public var file: String
    /// The line of the example.
    public var line: Int

    /// Creates an example.
    public init(
        _ budget: Budget, parameters: [String: ParameterValue] = [:], note: String? = nil,
        file: String = #filePath, line: Int = #line
    ) {
        self.budget = budget
        self.parameters = parameters
        self.note = note
        self.file = file
        self.line = line
    }

    /// Creates an example on a history, for a trajectory rule.
    public init(
        history: BudgetHistory, parameters: [String: ParameterValue] = [:], note: String? = nil,
        file: String = #filePath, line: Int = #line
    ) {
        self.init(history.standIn, parameters: parameters, note: note, file: file, line: line)
        self.history = history
    }
}

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

/// A value a rule parameter takes.
public enum ParameterValue: Hashable, Sendable, CustomStringConvertible {
    /// A share (a threshold such as 15%), exact.
    case share(Share)
    /// An amount in the budget's currency, in major units, exact.
    case amount(Decimal)
    /// A whole number (a count, a year).
    case integer(Int)
    /// A flag.
    case boolean(Bool)
    /// A word from a fixed set (e.g. `gross` or `net`).
    case text(String)

    /// The name of the value's type, for error messages.
    package var typeName: String {
        switch self {
        case .share: "share"
        case .amount: "amount"
        case .integer: "integer"
        case .boolean: "boolean"
        case .text: "text"
        }
    }

    public var description: String {
        switch self {
        case .share(let share): "\(share.rounded(toPlaces: 6))"
        case .amount(let amount): "\(amount)"
        case .integer(let value): "\(value)"
        case .boolean(let value): "\(value)"
        case .text(let value): value
        }
    }
}

/// A parameter a rule declares: its name, what it means, and its default.
public struct RuleParameter: Sendable {
    /// The parameter's name, as configuration files write it.
    public var name: String
    /// The default value, which also fixes the parameter's type.
    public var defaultValue: ParameterValue
    /// What the parameter means.
    public var summary: LocalizedText
    /// Whether the default is ClusterKit's choice (`true`) rather than a figure the memento gives (`false`).
    public var defaultIsOurs: Bool
    /// The values a `text` parameter accepts; empty for any.
    public var allowedValues: [String]

    /// Creates a parameter.
    public init(
        _ name: String, _ defaultValue: ParameterValue, english: String, french: String, defaultIsOurs: Bool = false,
        allowedValues: [String] = []
    ) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = LocalizedText(english: english, french: french)
        self.defaultIsOurs = defaultIsOurs
        self.allowedValues = allowedValues
    }
}

/// Why a rule could not be evaluated or configured.
public struct RuleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var reason: String
    /// Creates an error.
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
