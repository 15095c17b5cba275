import ClusterKitCore

/// The presets of `RULES.md`.
public enum Preset: String, CaseIterable, Sendable {
    /// Integrity, the 50/50 target and its transition, success fees, revenue mix, profile.
    case recommended
    /// For pôles de compétitivité: `recommended`, mission categories and the pôles' benchmark; 50/50 an error from
    /// its year.
    case pole
    /// For grappes d'entreprises: `recommended`, the 50/50 target a warning.
    case grappe
    /// For regional clusters: as `grappe`.
    case regional
    /// Every rule, opt-in ones included.
    case all

    /// The ids of the rules in the preset.
    public var ruleIDs: [RuleID] {
        BuiltInRules.all.filter { rule in
            switch self {
            case .recommended, .grappe, .regional: !rule.isOptIn && !(rule is any PoleRule)
            case .pole: !rule.isOptIn
            case .all: true
            }
        }.map(\.ruleDescription.id)
    }

    /// The preset for a kind of cluster: `pole` for pôles, `grappe` for grappes, `regional` for regional clusters,
    /// `recommended` otherwise.
    public init(for kind: ClusterKind?) {
        switch kind {
        case .pole: self = .pole
        case .grappe: self = .grappe
        case .regional: self = .regional
        case .other, nil: self = .recommended
        }
    }

    /// The preset as a rule set.
    public var ruleSet: RuleSet {
        let ids = Set(ruleIDs)
        // Built-in ids are unique (a test checks it), so the set cannot refuse them.
        let set = try! RuleSet(name: rawValue, rules: BuiltInRules.all.filter { ids.contains($0.ruleDescription.id) })
        // For pôles the 50/50 target is an error from its year (the 2013–2018 performance contracts).
        guard self == .pole else { return set }
        return try! set.settingParameter(PublicPrivateBalanceRule.errorFromTargetYear, to: true, for: PublicPrivateBalanceRule.description.id)
    }
}
