import Foundation

/// Where a remediation's amount goes in the budget: what `RuleVerifier` (ClusterKitTesting) applies to an example to
/// prove that the fix clears the rule, and what a what-if tool applies to show it.
///
/// Line ids name resource lines first, then expense lines. Money added to or taken from several lines is shared pro
/// rata to their amounts, the last line taking the rounding cent. A new line is written as a template: its amount is
/// the option's ``RemediationOption/amount``, its id `remediation` (numbered if taken).
///
/// On a year of a history published as a summary (a total and a private share), an added resource is private
/// revenue: the total and the private resources grow by the amount.
///
/// An option without a move (``RemediationOption/move`` is `nil`) says it with its diagnostic: when the measured value
/// is above the threshold the amount is removed from the diagnostic's lines, below it the amount is added to them.
public enum RemediationMove: Hashable, Sendable {
    /// Add the amount to these lines: a floor's part grows, and the whole with it.
    case add(to: [String])
    /// Remove the amount from these lines: a ceiling's part shrinks, and the whole with it.
    case remove(from: [String])
    /// Add the amount as a new resource line like this one (the budget grows; its expenses are not changed).
    case addResource(ResourceLine)
    /// Add the amount as a new expense line like this one.
    case addExpense(ExpenseLine)
    /// Take the amount from these lines and put it in a new resource line like this one: the total is unchanged
    /// (public money replaced by private money, one funder by another).
    case move(from: [String], to: ResourceLine)
    /// Take the amount from the first lines and add it to the second: the total is unchanged.
    case transfer(from: [String], to: [String])
    /// Several moves, each of the amount (public funding moved off an action, private funding moved onto it).
    case all([RemediationMove])
    /// The first move with `amount`, part of the option's amount, then the second with the rest (earmarked public
    /// funding replaced by private funding, then the rest of an action's cost covered by private funding).
    indirect case split(RemediationMove, amount: Money, then: RemediationMove)
    /// The fix changes no line of the budget (the fixed fee of an engagement): `RuleVerifier` leaves it unapplied
    /// and counts it apart.
    case elsewhere
}

extension RemediationOption {
    /// The option's move, or the one its diagnostic implies: the amount removed from the diagnostic's lines when its
    /// measured value is above its threshold, added to them below it; `nil` when the diagnostic cannot say (no
    /// lines, or no measure against a threshold of the same kind).
    package func move(in diagnostic: Diagnostic) -> RemediationMove? {
        if let move { return move }
        guard !diagnostic.lines.isEmpty, let measured = diagnostic.measured, let threshold = diagnostic.threshold else {
            return nil
        }
        let above: Bool
        switch (measured, threshold) {
        case (.share(let m), .share(let t)) where m != t: above = m > t
        case (.money(let m), .money(let t)) where m != t && m.currency == t.currency: above = m > t
        case (.count(let m), .count(let t)) where m != t: above = m > t
        default: return nil
        }
        return above ? .remove(from: diagnostic.lines) : .add(to: diagnostic.lines)
    }
}

/// A fix in money: the amount and what to do with it.
public struct RemediationOption: Hashable, Sendable {
    /// The amount that fixes the diagnostic.
    public var amount: Money
    /// Where the amount goes (``RemediationMove``); `nil` when the diagnostic says it (removed from its lines above a
    /// ceiling, added to them under a floor).
    public var move: RemediationMove?
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

    /// Creates an option; `move` says where the amount goes when the diagnostic's lines and measure do not.
    public init(amount: Money, summary: Message, move: RemediationMove? = nil) {
        self.init(amount: amount, template: summary.template, arguments: summary.arguments, move: move)
    }

    /// An option whose summary says `template` with `arguments` and the amount.
    init(amount: Money, template: MessageTemplate, arguments: MessageArguments, move: RemediationMove? = nil) {
        self.amount = amount
        self.move = move
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
