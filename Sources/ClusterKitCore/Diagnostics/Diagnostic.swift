import Foundation

/// How serious a diagnostic is.
public enum Severity: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Breaks a funder's rule.
    case error
    /// A vigilance point of the memento.
    case warning
    /// Information that helps a reader.
    case note

    /// Whether `lhs` is less severe than `rhs`: a note is less severe than a warning, a warning than an error, so
    /// that "at least as severe as a warning" reads `severity >= .warning`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }
}

/// The identifier of a rule: kebab-case, stable, never reused.
///
/// Built-in rules have a bare name (`membership-fee-floor`). A host's rules live in a namespace of their own,
/// written `namespace/name` (`acme/regional-voucher`), so that they can never collide with a built-in rule.
public struct RuleID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The namespace of a host's rule; `nil` for a built-in rule.
    public let namespace: String?
    /// The rule's name within its namespace.
    public let name: String

    /// Creates an identifier.
    /// - Precondition: `name` and `namespace` are lower-case kebab-case (`a-z`, `0-9`, `-`).
    public init(_ name: String, namespace: String? = nil) {
        precondition(Self.isKebabCase(name), "rule name '\(name)' is not kebab-case")
        precondition(namespace.map(Self.isKebabCase) ?? true, "rule namespace '\(namespace!)' is not kebab-case")
        self.name = name
        self.namespace = namespace
    }

    /// Parses `name` or `namespace/name`; returns `nil` when either part is not kebab-case.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1 where Self.isKebabCase(parts[0]): self.init(parts[0])
        case 2 where Self.isKebabCase(parts[0]) && Self.isKebabCase(parts[1]): self.init(parts[1], namespace: parts[0])
        default: return nil
        }
    }

    /// Creates an identifier from a literal such as `"membership-fee-floor"` or `"acme/regional-voucher"`.
    public init(stringLiteral value: String) {
        guard let id = RuleID(parsing: value) else { preconditionFailure("'\(value)' is not a rule id") }
        self = id
    }

    /// `name` or `namespace/name`.
    public var description: String { namespace.map { "\($0)/\(name)" } ?? name }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool {
        // Two bare ids compare by name, without writing their descriptions.
        if lhs.namespace == nil, rhs.namespace == nil { return lhs.name < rhs.name }
        return lhs.description < rhs.description
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = RuleID(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a rule id")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func isKebabCase(_ text: String) -> Bool {
        !text.isEmpty && text.first != "-" && text.last != "-"
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

/// Where a rule's guidance comes from: a document and the slide or page in it.
public struct Citation: Hashable, Sendable, Codable, CustomStringConvertible {
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

/// A figure a diagnostic measured or compares with: a share, an amount or a count.
public enum Measure: Hashable, Sendable {
    /// A ratio, such as 12.07% of resources.
    case share(Share)
    /// An amount of money.
    case money(Money)
    /// A count, such as a number of members or clients.
    case count(Int)
}

/// A fix in money: the amount and what to do with it.
public struct RemediationOption: Hashable, Sendable {
    /// The amount that fixes the diagnostic.
    public var amount: Money
    /// What to do with it, and the assumption the amount makes. Its `{amount}` is the option's ``amount``, unless the
    /// message gives an `amount` argument of its own.
    public var summary: Message {
        get { Message(template, arguments.adding("amount", .money(amount))) }
        set {
            template = newValue.template
            arguments = newValue.arguments
        }
    }
    /// The summary's template and arguments (without the amount: an option shares its diagnostic's arguments).
    private var template: MessageTemplate
    private var arguments: MessageArguments

    /// Creates an option.
    public init(amount: Money, summary: Message) {
        self.init(amount: amount, template: summary.template, arguments: summary.arguments)
    }

    /// An option whose summary says `template` with `arguments` and the amount.
    init(amount: Money, template: MessageTemplate, arguments: MessageArguments) {
        self.amount = amount
        self.template = template
        self.arguments = arguments
    }

    /// Whether an argument of the summary is a list.
    var hasList: Bool { arguments.contains { $0.value.isList } }

    /// Sorts the list arguments of the summary (the engine's canonical order).
    mutating func canonicalize() { arguments = arguments.mapValues(\.canonicalized) }
}

/// The primary fix of a diagnostic, and other ways to fix it.
public struct Remediation: Hashable, Sendable {
    /// The primary fix: for a floor, the revenue to add (the budget growing with it); for a ceiling, the amount to
    /// remove or move.
    public var primary: RemediationOption
    /// Other ways to fix it (e.g. public funding to replace by private).
    public var alternatives: [RemediationOption]

    /// Creates a remediation.
    public init(_ primary: RemediationOption, alternatives: [RemediationOption] = []) {
        self.primary = primary
        self.alternatives = alternatives
    }

    /// The primary amount.
    public var amount: Money { primary.amount }
}

/// One finding of a rule on a budget, as data: rendered in a language only when printed.
///
/// A diagnostic is a value; its fields live in one shared storage, copied when a copy is changed, so that passing
/// a diagnostic around (sorting it, reporting it) costs one reference count rather than one per string and list it
/// holds.
public struct Diagnostic: Hashable, Sendable {
    private var storage: CopyOnWrite<DiagnosticFields>

    /// The rule that found it.
    public var ruleID: RuleID { get { storage.fields.ruleID } _modify { yield &storage.fields.ruleID } }
    /// How serious it is.
    public var severity: Severity { get { storage.fields.severity } _modify { yield &storage.fields.severity } }
    /// What it says, as a message id and arguments.
    public var message: Message { get { storage.fields.message } _modify { yield &storage.fields.message } }
    /// The figure measured.
    public var measured: Measure? { get { storage.fields.measured } _modify { yield &storage.fields.measured } }
    /// The threshold it was compared with.
    public var threshold: Measure? { get { storage.fields.threshold } _modify { yield &storage.fields.threshold } }
    /// The ids of the lines concerned.
    public var lines: [String] { get { storage.fields.lines } _modify { yield &storage.fields.lines } }
    /// The amount that would fix it, where a number can.
    public var remediation: Remediation? { get { storage.fields.remediation } _modify { yield &storage.fields.remediation } }
    /// The slide of the memento (or other source) the rule encodes.
    public var citation: Citation? { get { storage.fields.citation } _modify { yield &storage.fields.citation } }
    /// How it was computed: the figures that entered the rule, for a reader to check by hand.
    public var explanation: [ExplanationItem] { get { storage.fields.explanation } _modify { yield &storage.fields.explanation } }

    /// Creates a diagnostic. Rules usually call
    /// ``RuleContext/diagnostic(_:_:severity:measured:threshold:lines:remediation:explanation:)``, which fills in the
    /// rule id, the severity and the citation.
    public init(
        ruleID: RuleID, severity: Severity, message: Message, measured: Measure? = nil, threshold: Measure? = nil,
        lines: [String] = [], remediation: Remediation? = nil, citation: Citation? = nil,
        explanation: [ExplanationItem] = []
    ) {
        storage = CopyOnWrite(
            DiagnosticFields(
                ruleID: ruleID, severity: severity, message: message, measured: measured, threshold: threshold,
                lines: lines, remediation: remediation, citation: citation, explanation: explanation))
    }

    /// Changes the fields in place, in one access (the engine's canonical order: CanonicalOrder.swift).
    mutating func withFields<Result>(_ body: (inout DiagnosticFields) -> Result) -> Result { body(&storage.fields) }

    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        lhs.storage.isShared(with: rhs.storage) || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }
}

/// The fields of a ``Diagnostic``.
struct DiagnosticFields: Hashable, Sendable {
    var ruleID: RuleID
    var severity: Severity
    var message: Message
    var measured: Measure?
    var threshold: Measure?
    var lines: [String]
    var remediation: Remediation?
    var citation: Citation?
    var explanation: [ExplanationItem]
}

/// One figure that entered a rule's computation: a labelled value.
public struct ExplanationItem: Hashable, Sendable {
    /// What the figure is.
    public var label: LocalizedText
    /// Its value.
    public var value: MessageArgument

    /// Creates an item.
    public init(_ label: LocalizedText, _ value: MessageArgument) {
        self.label = label
        self.value = value
    }
}
