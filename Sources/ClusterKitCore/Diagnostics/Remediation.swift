import Foundation

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
