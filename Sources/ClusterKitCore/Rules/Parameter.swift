import Foundation

/// A parameter a rule declares, with the type of its value: the rule reads it through this value, so that a
/// misspelt name or a wrong type does not compile.
///
/// ```swift
/// struct MinimumMembers: Rule {
///     static let minimum = Parameter<Int>(
///         "minimum", default: 20, english: "Members required.", french: "Adhérents requis.", defaultIsOurs: true)
///     static let description = RuleDescription(…, parameters: [minimum], …)
///
///     func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
///         let minimum = try context.value(of: Self.minimum)
///         …
///     }
/// }
/// ```
///
/// The name is what configuration files write (`"parameters": { "minimum": 25 }`); the engine checks a value given
/// there against the parameter's type before any rule runs.
public struct Parameter<Value: ParameterType>: RuleParameterDeclaration {
    /// The parameter as a rule's description lists it: its name, default, meaning, and whose default it is.
    public let declaration: RuleParameter

    /// Declares a parameter.
    /// - Parameters:
    ///   - name: the name configuration files use, unique among the rule's parameters.
    ///   - defaultValue: the value the rule reads unless a rule set gives another.
    ///   - english: what the parameter means, in English.
    ///   - french: what the parameter means, in French.
    ///   - defaultIsOurs: `true` when the default is ClusterKit's choice rather than a figure of the source the rule
    ///     cites — `explain`, `rules` and the rule reference say so.
    ///   - allowedValues: for a text parameter, the words it accepts (empty for any).
    public init(
        _ name: String, default defaultValue: Value, english: String, french: String, defaultIsOurs: Bool = false,
        allowedValues: [String] = []
    ) {
        declaration = RuleParameter(
            name, defaultValue.parameterValue, english: english, french: french, defaultIsOurs: defaultIsOurs,
            allowedValues: allowedValues)
    }

    /// The name configuration files use.
    public var name: String { declaration.name }
}

/// What a rule's description lists as a parameter: a typed ``Parameter`` or an untyped ``RuleParameter``.
public protocol RuleParameterDeclaration: Sendable {
    /// The parameter's name, default, meaning and allowed values.
    var declaration: RuleParameter { get }
}

extension RuleParameter: RuleParameterDeclaration {
    /// The parameter itself.
    public var declaration: RuleParameter { self }
}

/// A type a rule parameter's value can have: a share, an amount, a whole number, a flag or a word.
public protocol ParameterType: Sendable {
    /// The value as a rule set and a configuration file hold it.
    var parameterValue: ParameterValue { get }
    /// The value a rule reads, from what the rule set holds, for a budget in `currency`; `nil` when the value is of
    /// another type or cannot be expressed exactly.
    static func reading(_ value: ParameterValue, currency: CurrencyCode) -> Self?
}

extension Share: ParameterType {
    /// `.share(self)`.
    public var parameterValue: ParameterValue { .share(self) }
    /// The share held, if the value is one.
    public static func reading(_ value: ParameterValue, currency: CurrencyCode) -> Share? {
        if case .share(let share) = value { return share }
        return nil
    }
}

extension Money: ParameterType {
    /// `.amount` of the amount in major units (the currency is the budget's when the rule reads it).
    public var parameterValue: ParameterValue { .amount(decimalValue) }
    /// The amount held, in the budget's currency, if the value is an exact amount.
    public static func reading(_ value: ParameterValue, currency: CurrencyCode) -> Money? {
        if case .amount(let amount) = value { return Money(exactly: amount, currency: currency) }
        return nil
    }
}

extension Int: ParameterType {
    /// `.integer(self)`.
    public var parameterValue: ParameterValue { .integer(self) }
    /// The whole number held, if the value is one.
    public static func reading(_ value: ParameterValue, currency: CurrencyCode) -> Int? {
        if case .integer(let integer) = value { return integer }
        return nil
    }
}

extension Bool: ParameterType {
    /// `.boolean(self)`.
    public var parameterValue: ParameterValue { .boolean(self) }
    /// The flag held, if the value is one.
    public static func reading(_ value: ParameterValue, currency: CurrencyCode) -> Bool? {
        if case .boolean(let flag) = value { return flag }
        return nil
    }
}

extension String: ParameterType {
    /// `.text(self)`.
    public var parameterValue: ParameterValue { .text(self) }
    /// The word held, if the value is one.
    public static func reading(_ value: ParameterValue, currency: CurrencyCode) -> String? {
        if case .text(let text) = value { return text }
        return nil
    }
}

extension ParameterType where Self: RawRepresentable, RawValue == String {
    /// `.text` of the raw value: an enumeration of words (`gross`, `net`) is a text parameter.
    public var parameterValue: ParameterValue { .text(rawValue) }
    /// The case whose raw value the word is.
    public static func reading(_ value: ParameterValue, currency: CurrencyCode) -> Self? {
        if case .text(let text) = value { return Self(rawValue: text) }
        return nil
    }
}

extension RuleContext {
    /// The value of a parameter the rule declares: the rule set's, else the default.
    /// - Throws: ``RuleError`` when the rule's description does not list the parameter, or a rule set gave it a
    ///   value of another type (the engine checks configured values, so this is a rule written wrong).
    ///
    /// Inlinable so that it is specialised for its type in the rule's own module: called generically across the
    /// module boundary, each read looked up the metadata of `Value?` at run time, about 400 instructions, 19 reads
    /// and about 8,000 instructions per check of the typical budget with `recommended` — 6% of the check
    /// (callgrind, Documentation/Performance.md).
    @inlinable
    public func value<Value>(of parameter: Parameter<Value>) throws -> Value {
        let held = try self.parameter(parameter.name)
        guard let value = Value.reading(held, currency: budget.currency) else {
            throw RuleError(
                "parameter '\(parameter.name)' of rule '\(description.id)' holds \(held.typeName) \(held), "
                    + "not a value of type \(Value.self)")
        }
        return value
    }

    /// Whether the rule set gave this parameter a value (rather than the default applying).
    public func isSet<Value>(_ parameter: Parameter<Value>) -> Bool { isSet(parameter.name) }
}

extension SelfFinancingBasis: ParameterType {}
extension FigureSource: ParameterType {}
