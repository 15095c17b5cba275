import ClusterKitCore

/// The rules ClusterKit ships, encoding the memento's guidance.
public enum BuiltInRules {
    /// Every built-in rule, opt-in ones included, in catalogue order.
    public static let all: [any Rule] = [
        BudgetBalanceRule(),
        OperatingResultRule(),
        ForecastVarianceRule(),
        PublicPrivateBalanceRule(),
        TransitionTrajectoryRule(),
        AnimationCostCoverageRule(),
        DeclaredFiguresRule(),
        MembershipFeeFloorRule(),
        BilledRevenueFloorRule(),
        ValuedTimeCeilingRule(),
        FunderDependencyRule(),
        ERDFWorkingCapitalRule(),
        EventRiskRule(),
        SponsorshipConflictRule(),
        SatelliteEntityRule(),
        ServiceCriticalMassRule(),
        CollectiveActionBalanceRule(),
        SuccessFeeRelianceRule(),
        SuccessFeeRequalificationRule(),
        SuccessFeeProportionRule(),
        SuccessFeeFrameworkRule(),
        ClusterProfileMapRule(),
        ConsolidationFactorsRule(),
        PoleBenchmarkRule(),
        MissionCategoryCapRule(),
        CategoryABudgetShareRule(),
        PublicFundingCeilingRule(),
        UncategorizedActionRule(),
    ]

    /// The built-in rule with this id.
    public static func rule(_ id: RuleID) -> (any Rule)? { all.first { $0.ruleDescription.id == id } }
}

/// A marker for rules that belong to the pôles' own guidance (mission categories, the pôles' benchmark): in the
/// `pole` and `all` presets only.
public protocol PoleRule: Rule {}

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
        return try! set.settingParameter("errorFromTargetYear", to: .boolean(true), for: PublicPrivateBalanceRule.description.id)
    }
}

extension RuleSet {
    /// Integrity, the 50/50 target and its transition, success fees, revenue mix, profile.
    public static var recommended: RuleSet { Preset.recommended.ruleSet }
    /// For pôles de compétitivité.
    public static var pole: RuleSet { Preset.pole.ruleSet }
    /// For grappes d'entreprises.
    public static var grappe: RuleSet { Preset.grappe.ruleSet }
    /// For regional clusters.
    public static var regional: RuleSet { Preset.regional.ruleSet }
    /// Every built-in rule, opt-in ones included.
    public static var all: RuleSet { Preset.all.ruleSet }
}
