/// A named, ordered set of rules, each with its severity and parameters: a value you compose.
///
/// Rule ids are unique in a set: adding a rule whose id is taken is an error, whether the rule is built in or
/// yours. Overrides are checked against what the rule declares, so a misspelt parameter or a value of the wrong
/// type fails where it is set, not silently at evaluation.
///
/// ```swift
/// let rules = try RuleSet.recommended
///     .adding(MinimumMembers())
///     .settingSeverity(.error, for: "membership-fee-floor")
///     .settingParameter("threshold", to: .share(Share(percent: 20)), for: "membership-fee-floor")
/// ```
public struct RuleSet: Sendable {
    /// One rule of a set, with how the set configures it.
    public struct Entry: Sendable {
        /// The rule.
        public let rule: any Rule
        /// The severity override; `nil` keeps the rule's default.
        public var severity: Severity?
        /// Whether the rule runs. A rule turned off stays in the set, so that re-enabling it keeps its settings.
        public var isEnabled: Bool
        /// Parameter values other than the defaults.
        public var parameters: [String: ParameterValue]

        /// The rule's id.
        public var id: RuleID { type(of: rule).description.id }
        /// The rule's description.
        public var description: RuleDescription { type(of: rule).description }
    }

    /// The set's name, reported as `ruleSet` (e.g. `recommended`, `pole`, or your own).
    public var name: String
    /// The rules in evaluation order.
    public private(set) var entries: [Entry]

    /// Creates a set.
    /// - Throws: ``RuleSetError/duplicateRule(_:)`` when two rules share an id.
    public init(name: String, rules: [any Rule]) throws(RuleSetError) {
        self.name = name
        self.entries = []
        for rule in rules { try add(rule) }
    }

    /// The ids of the rules, in order.
    public var ruleIDs: [RuleID] { entries.map(\.id) }

    /// The ids of the rules that run.
    public var enabledRuleIDs: [RuleID] { entries.filter(\.isEnabled).map(\.id) }

    /// Whether the set has a rule with this id.
    public func contains(_ id: RuleID) -> Bool { index(of: id) != nil }

    /// The entry of the rule with this id.
    public func entry(_ id: RuleID) -> Entry? { index(of: id).map { entries[$0] } }

    /// Adds a rule at the end.
    /// - Throws: ``RuleSetError/duplicateRule(_:)`` when its id is taken.
    public mutating func add(_ rule: any Rule) throws(RuleSetError) {
        let id = type(of: rule).description.id
        guard !contains(id) else { throw .duplicateRule(id) }
        entries.append(Entry(rule: rule, severity: nil, isEnabled: true, parameters: [:]))
    }

    /// A copy with one more rule.
    /// - Throws: ``RuleSetError/duplicateRule(_:)`` when its id is taken.
    public func adding(_ rule: any Rule) throws(RuleSetError) -> RuleSet {
        var copy = self
        try copy.add(rule)
        return copy
    }

    /// A copy without the rule with this id.
    /// - Throws: ``RuleSetError/unknownRule(_:suggestions:)``.
    public func removing(_ id: RuleID) throws(RuleSetError) -> RuleSet {
        var copy = self
        copy.entries.remove(at: try indexOrThrow(id))
        return copy
    }

    /// The rules of both sets: this set's first, then the other's that this one lacks (with their settings).
    public func union(_ other: RuleSet, name: String? = nil) -> RuleSet {
        var copy = self
        copy.name = name ?? "\(self.name)+\(other.name)"
        for entry in other.entries where !copy.contains(entry.id) { copy.entries.append(entry) }
        return copy
    }

    /// A copy with a severity override for one rule; `nil` restores the rule's default.
    /// - Throws: ``RuleSetError/unknownRule(_:suggestions:)``.
    public func settingSeverity(_ severity: Severity?, for id: RuleID) throws(RuleSetError) -> RuleSet {
        var copy = self
        copy.entries[try indexOrThrow(id)].severity = severity
        return copy
    }

    /// A copy with one rule turned on or off.
    /// - Throws: ``RuleSetError/unknownRule(_:suggestions:)``.
    public func settingEnabled(_ enabled: Bool, for id: RuleID) throws(RuleSetError) -> RuleSet {
        var copy = self
        copy.entries[try indexOrThrow(id)].isEnabled = enabled
        return copy
    }

    /// A copy with a parameter of one rule set, checked against the parameters the rule declares.
    /// - Throws: ``RuleSetError`` when the rule, the parameter or the value's type is wrong.
    public func settingParameter(_ name: String, to value: ParameterValue, for id: RuleID) throws(RuleSetError) -> RuleSet {
        var copy = self
        let index = try indexOrThrow(id)
        let description = entries[index].description
        guard let declared = description.parameter(named: name) else {
            throw .unknownParameter(
                rule: id, name: name,
                suggestions: Suggestions.nearest(to: name, among: description.parameters.map(\.name)))
        }
        guard declared.defaultValue.typeName == value.typeName else {
            throw .wrongParameterType(rule: id, name: name, expected: declared.defaultValue.typeName, found: value.typeName)
        }
        if case .text(let text) = value, !declared.allowedValues.isEmpty, !declared.allowedValues.contains(text) {
            throw .invalidParameterValue(
                rule: id, name: name, reason: "'\(text)' is not one of \(declared.allowedValues.joined(separator: ", "))")
        }
        copy.entries[index].parameters[name] = value
        return copy
    }

    private func index(of id: RuleID) -> Int? { entries.firstIndex { $0.id == id } }

    private func indexOrThrow(_ id: RuleID) throws(RuleSetError) -> Int {
        guard let index = index(of: id) else {
            throw .unknownRule(id, suggestions: Suggestions.nearest(to: id.description, among: ruleIDs.map(\.description)))
        }
        return index
    }
}

/// Why a rule set refused a change.
public enum RuleSetError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Two rules share an id.
    case duplicateRule(RuleID)
    /// No rule of the set has this id.
    case unknownRule(RuleID, suggestions: [String])
    /// The rule declares no parameter of this name.
    case unknownParameter(rule: RuleID, name: String, suggestions: [String])
    /// The value is not of the parameter's type.
    case wrongParameterType(rule: RuleID, name: String, expected: String, found: String)
    /// The value is of the right type but not acceptable.
    case invalidParameterValue(rule: RuleID, name: String, reason: String)

    public var description: String {
        func hint(_ suggestions: [String]) -> String {
            suggestions.isEmpty ? "" : " (did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?)"
        }
        switch self {
        case .duplicateRule(let id): return "the rule set already has a rule '\(id)'"
        case .unknownRule(let id, let suggestions): return "no rule '\(id)' in the rule set\(hint(suggestions))"
        case .unknownParameter(let rule, let name, let suggestions):
            return "rule '\(rule)' has no parameter '\(name)'\(hint(suggestions))"
        case .wrongParameterType(let rule, let name, let expected, let found):
            return "parameter '\(name)' of rule '\(rule)' takes a \(expected), not a \(found)"
        case .invalidParameterValue(let rule, let name, let reason):
            return "parameter '\(name)' of rule '\(rule)': \(reason)"
        }
    }
}
