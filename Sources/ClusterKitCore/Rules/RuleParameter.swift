import Foundation

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
    @usableFromInline package var typeName: String {
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
    package init(
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
