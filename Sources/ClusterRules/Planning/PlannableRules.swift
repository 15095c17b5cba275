import ClusterKitCore
import ClusterKitPlanning

// The built-in rules whose condition is a share of the budget, stated for the planner. Each reads the same
// parameters its evaluation reads, so a threshold is defined once; the whole of every share is the planner's
// (``ShareWhole/selector``).

extension ShareConstraint {
    /// A constraint of the rule of `context`, at the severity it would report (`chosen`, unless the set overrides it).
    init(
        _ context: RuleContext, qualifier: String? = nil, part: LineSelector, whole: ShareWhole = .resources,
        bound: ShareBound, threshold: Share, severity chosen: Severity? = nil
    ) {
        self.init(
            ruleID: context.description.id, qualifier: qualifier, part: part, whole: whole, bound: bound,
            threshold: threshold, severity: context.plannedSeverity(chosen))
    }
}

extension LineSelector {
    /// Private cash other than membership fees: billed revenue.
    static let billedRevenue = LineSelector(excludedKinds: [.membershipFees], sector: .private, nature: .cash)
}

extension BudgetBalanceRule: PlannableRule {
    /// None while the budget balances: the plan keeps it balanced (expenses follow the resources); not planned
    /// otherwise.
    public func planningConstraints(_ context: RuleContext) throws -> [ShareConstraint]? {
        try evaluate(context).isEmpty ? [] : nil
    }
}

extension OperatingResultRule: PlannableRule {
    /// None on a forecast, which the plan keeps balanced; a realised year's result is not planned.
    public func planningConstraints(_ context: RuleContext) throws -> [ShareConstraint]? {
        context.metrics.statement == .forecast ? [] : nil
    }
}

extension ForecastVarianceRule: PlannableRule {
    /// None on a forecast: the gaps to a forecast are a realised year's; not planned on realised accounts.
    public func planningConstraints(_ context: RuleContext) throws -> [ShareConstraint]? {
        context.metrics.statement == .forecast ? [] : nil
    }
}

extension DeclaredFiguresRule: PlannableRule {
    /// None: the planned budget leaves out the figures the cluster declared for the budget before the plan.
    public func planningConstraints(_ context: RuleContext) throws -> [ShareConstraint]? { [] }
}

extension PublicPrivateBalanceRule: PlannableRule {
    /// Private resources at least the target share of the budget (gross), or of its cash (net).
    public func planningConstraints(_ context: RuleContext) throws -> [ShareConstraint]? {
        let budget = context.budget
        let target = try FundingTarget(context, cluster: budget.cluster, year: budget.year)
        let net = try target.basis(context, cluster: budget.cluster) == .net
        let severity = try Self.missSeverity(
            context, target: target, share: try target.measure(context, cluster: budget.cluster).share,
            otherShare: try target.totalIncomeMeasure(context, cluster: budget.cluster)?.share)
        return [
            ShareConstraint(
                context, part: LineSelector(sector: .private, nature: net ? .cash : nil),
                whole: net ? .cashResources : .resources, bound: .floor, threshold: target.share, severity: severity)
        ]
    }
}

extension BilledRevenueFloorRule: PlannableRule {
    /// Billed revenue at least its threshold of the budget; not planned where fees and services share a line.
    public func planningConstraints(_ context: RuleContext) throws -> [ShareConstraint]? {
        guard try MixedFeeLines(context).isEmpty else { return nil }
        return [
            ShareConstraint(
                context, part: .billedRevenue, bound: .floor, threshold: try context.value(of: Self.threshold),
                severity: try YoungCluster.age(context) == nil ? nil : .note)
        ]
    }
}

extension MembershipFeeFloorRule: PlannableRule {
    /// Membership fees at least their threshold of the budget; not planned where fees and services share a line.
    public func planningConstraints(_ context: RuleContext) throws -> [ShareConstraint]? {
        guard try MixedFeeLines(context).isEmpty else { return nil }
        return [
            ShareConstraint(
                context, part: LineSelector(kinds: [.membershipFees]), bound: .floor,
                threshold: try context.value(of: Self.threshold), severity: try YoungCluster.age(context) == nil ? nil : .note)
        ]
    }
}

extension EventRiskRule: PlannableRule {
    /// Events at most their threshold of the budget.
    public func planningConstraints(_ context: RuleContext) throws -> [ShareConstraint]? {
        [ShareConstraint(context, part: LineSelector(kinds: [.events]), bound: .ceiling, threshold: try context.value(of: Self.threshold))]
    }
}

extension ValuedTimeCeilingRule: PlannableRule {
    /// Valued time (with secondments where asked) at most its threshold of the budget — none at all, an error,
    /// where the funders forbid it.
    public func planningConstraints(_ context: RuleContext) throws -> [ShareConstraint]? {
        let part = try context.value(of: Self.includeSecondments)
            ? LineSelector(nature: .inKind) : LineSelector(kinds: [.memberTime])
        guard context.budget.cluster.valuedTimeAllowed else {
            return [ShareConstraint(context, part: part, bound: .ceiling, threshold: .zero, severity: .error)]
        }
        return [ShareConstraint(context, part: part, bound: .ceiling, threshold: try context.value(of: Self.threshold))]
    }
}

extension FunderDependencyRule: PlannableRule {
    /// Each funder's lines at most the threshold of the budget (a line a plan adds counts for no funder of today).
    public func planningConstraints(_ context: RuleContext) throws -> [ShareConstraint]? {
        let threshold = try context.value(of: Self.threshold)
        let severity: Severity? = try YoungCluster.age(context) == nil ? nil : .note
        return context.metrics.funderTotals.map { entry in
            ShareConstraint(
                context, qualifier: entry.key, part: LineSelector(lineIDs: Set(entry.total.lines)), bound: .ceiling,
                threshold: threshold, severity: severity)
        }
    }
}

extension SuccessFeeRelianceRule: PlannableRule {
    /// Success fees at most their threshold of the budget.
    public func planningConstraints(_ context: RuleContext) throws -> [ShareConstraint]? {
        [
            ShareConstraint(
                context, part: LineSelector(kinds: [.successFees]), bound: .ceiling,
                threshold: try context.value(of: Self.threshold))
        ]
    }
}
