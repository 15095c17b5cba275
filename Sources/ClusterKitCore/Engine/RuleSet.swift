import Foundation

/// A named, ordered set of rules, each with its severity and parameters: a value you compose.
///
/// Start from a preset of `ClusterRules` (`RuleSet.recommended`, `.pole`, `.grappe`, `.regional`, `.all`), or from
/// your own rules, then extend, narrow and tune it. Every step returns a new value; nothing is registered globally.
///
/// ```swift
/// let rules = try RuleSet.grappe
///     .adding(MinimumMembers())                                   // id "acme/minimum-members"
///     .union(RuleSet(name: "acme", rules: [RegionalVoucherCap()]))
///     .removing("funder-dependency")
///     .settingSeverity(.error, for: "membership-fee-floor")
///     .settingParameter("threshold", to: .share(Share(percent: 20)), for: "membership-fee-floor")
///     .settingEnabled(false, for: "event-risk")
/// ```
///
/// What a set guarantees:
/// - **Unique ids.** Adding a rule whose id is taken throws ``RuleSetError/duplicateRule(_:)``, whether the rule is
///   built in or yours — never a silent replacement.
/// - **Namespaces.** A bare id (`membership-fee-floor`) is reserved for ClusterKit's own rules, declared in its
///   modules (`ClusterRules`, `ClusterKitCore`). Your rules take a namespace of your own —
///   `RuleID("minimum-members", namespace: "acme")`, written `acme/minimum-members` — so that a rule ClusterKit adds
///   later can never collide with yours. A rule of another module with a bare id is refused
///   (``RuleSetError/missingNamespace(_:type:)``), and so is the namespace `clusterkit`, which the engine uses for
///   its own diagnostics (``RuleSetError/reservedNamespace(_:)``).
/// - **Checked overrides.** A severity, an on/off switch or a parameter is set on a rule the set has; a parameter
///   must be one the rule declares, with a value of the declared type — so a misspelt name or a wrong type fails
///   where it is written, not silently at evaluation.
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
        /// The rule's description, read once from its type when the rule joins a set.
        var box: DescriptionBox

        /// The rule's id.
        public var id: RuleID { box.value.id }
        /// The rule's description.
        public var description: RuleDescription { box.value }
        /// The severity its diagnostics get: the override, else the rule's default. (A rule may still pick a severity
        /// of its own for one diagnostic when no override is set.)
        package var effectiveSeverity: Severity { severity ?? description.defaultSeverity }
    }

    /// The namespace of the engine's own diagnostics (such as `clusterkit/unused-suppression`); no rule may use it.
    package static let engineNamespace = "clusterkit"

    /// The set's name, reported as `ruleSet` (e.g. `recommended`, `pole`, or your own).
    public var name: String
    /// The rules, in the order they were added.
    public private(set) var entries: [Entry] {
        didSet { idOrder = entries.indices.sorted { entries[$0].id < entries[$1].id } }
    }
    /// The positions of the entries in the order of their ids: the engine runs the rules in this order, so that
    /// their diagnostics come out in rule-id order without comparing ids.
    private(set) var idOrder: [Int] = []

    /// Creates an empty set, to add rules to.
    public init(name: String) {
        self.name = name
        self.entries = []
    }

    /// Creates a set.
    /// - Throws: ``RuleSetError/duplicateRule(_:)`` when two rules share an id;
    ///   ``RuleSetError/missingNamespace(_:type:)`` or ``RuleSetError/reservedNamespace(_:)`` when a rule's id is
    ///   not in a namespace of its own.
    public init(name: String, rules: [any Rule]) throws(RuleSetError) {
        self.init(name: name)
        for rule in rules { try add(rule) }
    }

    /// A copy whose entries hold descriptions of their own rather than shared ones: what one core checks with, so
    /// that the reference counts each check updates (a rule's description, bound to the context for each rule) are
    /// not on memory another core updates too.
    func unshared() -> RuleSet {
        var copy = self
        copy.entries = entries.map { entry in
            var own = entry
            own.box = DescriptionBox(entry.box.value, judgesHistories: entry.box.judgesHistories)
            return own
        }
        return copy
    }

    /// The ids of the rules, in order.
    public var ruleIDs: [RuleID] { entries.map(\.id) }

    /// The ids of the rules that run.
    package var enabledRuleIDs: [RuleID] { entries.filter(\.isEnabled).map(\.id) }

    /// Whether the set has a rule with this id.
    public func contains(_ id: RuleID) -> Bool { index(of: id) != nil }

    /// The entry of the rule with this id.
    public func entry(_ id: RuleID) -> Entry? { index(of: id).map { entries[$0] } }

    /// Adds a rule at the end, enabled, with its default severity and parameters.
    /// - Throws: ``RuleSetError/duplicateRule(_:)`` when its id is taken; ``RuleSetError/missingNamespace(_:type:)``
    ///   or ``RuleSetError/reservedNamespace(_:)`` when its id is not in a namespace of its own.
    public mutating func add(_ rule: any Rule) throws(RuleSetError) {
        let id = type(of: rule).description.id
        try Self.checkNamespace(of: type(of: rule))
        guard !contains(id) else { throw .duplicateRule(id) }
        let box = DescriptionBox(type(of: rule).description, judgesHistories: rule is any TrajectoryRule)
        entries.append(Entry(rule: rule, severity: nil, isEnabled: true, parameters: [:], box: box))
    }

    /// A copy with one more rule.
    /// - Throws: as ``add(_:)``.
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

    /// The rules of both sets: this set's first (with their settings), then those of `other` that this one lacks
    /// (with theirs).
    ///
    /// A rule both sets hold — the same id and the same type, as when two presets share built-in rules — is kept
    /// once, with this set's settings.
    /// - Throws: ``RuleSetError/duplicateRule(_:)`` when the sets hold two different rules under one id.
    public func union(_ other: RuleSet, name: String? = nil) throws(RuleSetError) -> RuleSet {
        var copy = self
        copy.name = name ?? "\(self.name)+\(other.name)"
        for entry in other.entries {
            if let mine = copy.entry(entry.id) {
                guard type(of: mine.rule) == type(of: entry.rule) else { throw .duplicateRule(entry.id) }
            } else {
                copy.entries.append(entry)
            }
        }
        return copy
    }

    /// A copy with a severity override for one rule; `nil` restores the rule's default.
    ///
    /// The override wins over a severity the rule picks itself for one diagnostic (e.g. a 50/50 warning that
    /// becomes an error from the target year).
    /// - Throws: ``RuleSetError/unknownRule(_:suggestions:)``.
    public func settingSeverity(_ severity: Severity?, for id: RuleID) throws(RuleSetError) -> RuleSet {
        var copy = self
        copy.entries[try indexOrThrow(id)].severity = severity
        return copy
    }

    /// A copy with one rule turned on or off. A rule turned off stays in the set with its settings.
    /// - Throws: ``RuleSetError/unknownRule(_:suggestions:)``.
    public func settingEnabled(_ enabled: Bool, for id: RuleID) throws(RuleSetError) -> RuleSet {
        var copy = self
        copy.entries[try indexOrThrow(id)].isEnabled = enabled
        return copy
    }

    /// A copy with a parameter of one rule set, checked against the parameters the rule declares.
    ///
    /// The value must have the type of the declared default; a share must lie between 0 and 1; an amount must be
    /// non-negative with at most two decimals; a text must be one of the parameter's allowed values, if it lists
    /// them.
    /// - Throws: ``RuleSetError/unknownRule(_:suggestions:)``, ``RuleSetError/unknownParameter(rule:name:suggestions:)``,
    ///   ``RuleSetError/wrongParameterType(rule:name:expected:found:)`` or
    ///   ``RuleSetError/invalidParameterValue(rule:name:reason:)``.
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
        if let reason = Self.problem(with: value, for: declared) {
            throw .invalidParameterValue(rule: id, name: name, reason: reason)
        }
        copy.entries[index].parameters[name] = value
        return copy
    }

    /// A copy with a parameter of one rule set, named by the rule's typed declaration: a misspelt name or a value of
    /// the wrong type does not compile.
    ///
    /// ```swift
    /// let strict = try RuleSet.grappe.settingParameter(MinimumMembers.minimum, to: 25, for: MinimumMembers.description.id)
    /// ```
    /// - Throws: what the untyped `settingParameter(_:to:for:)` throws when the rule is not in the set, does not
    ///   declare the parameter, or the value is not acceptable (a share outside 0…1, an amount with more than two
    ///   decimals, a word the parameter does not allow).
    public func settingParameter<Value>(
        _ parameter: Parameter<Value>, to value: Value, for id: RuleID
    ) throws(RuleSetError) -> RuleSet {
        try settingParameter(parameter.name, to: value.parameterValue, for: id)
    }

    /// Why a value of the right type is still not acceptable for a parameter, or `nil` when it is.
    static func problem(with value: ParameterValue, for parameter: RuleParameter) -> String? {
        switch value {
        case .share(let share) where share < .zero || share > .one:
            return "\(value) is not a share: write a fraction from 0 to 1, such as 0.15 for 15%"
        case .amount(let amount) where amount < 0:
            return "\(amount) is negative: amounts are written positive"
        case .amount(let amount) where Money(exactly: amount) == nil:
            return "\(amount) is not an exact amount: at most two decimals"
        case .text(let text) where !parameter.allowedValues.isEmpty && !parameter.allowedValues.contains(text):
            return "'\(text)' is not one of \(parameter.allowedValues.joined(separator: ", "))"
        default:
            return nil
        }
    }

    /// Checks the namespace policy above for a rule type.
    static func checkNamespace(of type: any Rule.Type) throws(RuleSetError) {
        let id = type.description.id
        if id.namespace == engineNamespace { throw .reservedNamespace(id) }
        if id.namespace == nil, !isClusterKitRule(type) { throw .missingNamespace(id, type: String(reflecting: type)) }
    }

    /// Whether a rule type is declared in one of ClusterKit's own modules, the only ones whose rules take bare ids.
    static func isClusterKitRule(_ type: any Rule.Type) -> Bool {
        let module = String(reflecting: type).prefix { $0 != "." }
        return module == "ClusterRules" || module == "ClusterKitCore"
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
    /// A rule declared outside ClusterKit has an id without a namespace; `type` is the rule's type, qualified.
    case missingNamespace(RuleID, type: String)
    /// A rule uses the namespace reserved for the engine's own diagnostics (`clusterkit`).
    case reservedNamespace(RuleID)

    public var description: String {
        switch self {
        case .duplicateRule(let id): return "the rule set already has a rule '\(id)'"
        case .unknownRule(let id, let suggestions): return "no rule '\(id)' in the rule set\(Suggestions.hint(suggestions))"
        case .unknownParameter(let rule, let name, let suggestions):
            return "rule '\(rule)' has no parameter '\(name)'\(Suggestions.hint(suggestions))"
        case .wrongParameterType(let rule, let name, let expected, let found):
            return "parameter '\(name)' of rule '\(rule)' takes a \(expected), not a \(found)"
        case .invalidParameterValue(let rule, let name, let reason):
            return "parameter '\(name)' of rule '\(rule)': \(reason)"
        case .missingNamespace(let id, let type):
            return "rule '\(id)' (\(type)) has no namespace: bare ids are reserved for ClusterKit's built-in rules; "
                + "give it one, e.g. RuleID(\"\(id.name)\", namespace: \"acme\")"
        case .reservedNamespace(let id):
            return "rule '\(id)' uses the namespace '\(RuleSet.engineNamespace)', reserved for ClusterKit's own diagnostics"
        }
    }
}
