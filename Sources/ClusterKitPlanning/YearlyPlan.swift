import ClusterKitCore
/// A year-by-year plan for a history: from the year after its last full year to a target year, each year's budget
/// planned from the one before and checked.
public struct YearlyPlan: Sendable {
    /// The glide path followed, when the cluster has a dated target.
    public var glidePath: GlidePath?
    /// One plan per year, in order; each year's budget is the year before's planned budget, moved to its year.
    public var years: [Plan]
}

extension Planner {
    /// The rule id of the glide path's constraint in a year-by-year plan.
    public static let glidePathRuleID = RuleID("glide-path", namespace: RuleSet.engineNamespace)

    /// Plans year by year from the year after the history's last full year through `targetYear` (default: the year
    /// of the cluster's target, else the next year). A last full year of realised accounts starts the plan as a
    /// single budget's does: next year's budget, its lines that are not funding dropped.
    ///
    /// Each year's private share (on the target's basis) must reach what the straight glide path from the last full
    /// year to the target requires that year; the constraints of the rules in `relaxedBeforeTarget` (the private
    /// share's own target) apply from the target year only, the glide path standing for them before. Every other
    /// planned rule applies every year.
    /// - Throws: ``PlanningError/noFullYear`` for a history without a full year, and what ``plan(_:terms:file:)``
    ///   throws (the infeasible year's conflict).
    public func plan(
        _ history: BudgetHistory, through targetYear: Int? = nil, terms: PlanTerms = PlanTerms(),
        relaxedBeforeTarget: Set<RuleID> = [], file: String? = nil
    ) throws -> YearlyPlan {
        guard let last = history.chronologicalYears.last(where: \.isFull)?.budget else { throw PlanningError.noFullYear }
        let target = last.cluster.target(judgedIn: last.year + 1)
        let basis = target?.basis ?? .gross
        var glidePath: GlidePath? = nil
        if let share = target?.privateShare, let year = target?.year, year > last.year,
            let baseline = try CheckedBudget(last, catalog: engine.catalog, file: file).metrics.selfFinancing(basis)
        {
            glidePath = GlidePath(baselineYear: last.year, baselineShare: baseline, target: share, targetYear: year)
        }
        let through = max(last.year + 1, targetYear ?? glidePath?.targetYear ?? last.year + 1)
        var budget = last, plans: [Plan] = []
        // Realised accounts: the first year planned starts from next year's budget (see ``plan(_:terms:file:)``).
        let start = try Self.nextYear(
            from: last, metrics: try CheckedBudget(last, catalog: engine.catalog, file: file).metrics)
        budget = start.budget
        for year in (last.year + 1)...through {
            budget.year = year
            var extra: [ShareConstraint] = []
            var relaxed: Set<RuleID> = []
            if let glidePath, year < glidePath.targetYear, let required = glidePath.required(in: year) {
                relaxed = relaxedBeforeTarget
                extra.append(ShareConstraint(
                    ruleID: Self.glidePathRuleID, qualifier: String(year),
                    part: LineSelector(sector: .private, nature: basis == .net ? .cash : nil),
                    whole: basis == .net ? .cashResources : .resources, bound: .floor, threshold: required,
                    severity: terms.clear.max() ?? .warning))
            }
            var plan = try self.plan(budget, terms: terms, file: file, extra: extra, relaxed: relaxed)
            if plans.isEmpty, last.statement == .realised {
                plan.original = last
                plan.dropped = start.dropped
            }
            plans.append(plan)
            budget = plan.budget
        }
        return YearlyPlan(glidePath: glidePath, years: plans)
    }
}
