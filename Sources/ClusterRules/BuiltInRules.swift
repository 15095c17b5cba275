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
        ServiceEconomicsRule(),
        CollectiveActionBalanceRule(),
        SuccessFeeRelianceRule(),
        SuccessFeeRequalificationRule(),
        SuccessFeeProportionRule(),
        SuccessFeeFrameworkRule(),
        ClusterProfileMapRule(),
        ConsolidationFactorsRule(),
        PoleBenchmarkRule(),
        PoleMajorityRule(),
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
