import ClusterKit

/// Table 4: the planner with `engine`'s rule set on the typical budget and on budgets of 10 to 10,000 lines, as a
/// ratio to one check of the same budget (Documentation/Planning.md).
func planningTable(_ harness: Harness, engine: Engine, typical: Budget) -> Table {
    let planner = Planner(engine: engine)
    var table = Table(
        title: "4. Planning: Planner.plan (constraints, exact solve, the planned budget checked again) against one "
            + "check of the same budget, \(engine.ruleSet.name)",
        header: ["budget", "plan", "check", "plan / check"])
    let sizes = harness.quick ? [10, 100] : [10, 100, 1_000, 10_000]
    let lines = typical.resources.count + typical.expenses.count
    for (name, budget) in [("typical (\(lines) lines)", typical)]
        + sizes.map({ ("\($0) lines", Workloads.scaled(typical.cluster, lines: $0)) })
    {
        guard (try? planner.plan(budget)) != nil else { fail("the \(name) budget does not plan") }
        let pair = harness.compare({ try? planner.plan(budget) }, { (try? CheckedBudget(budget, catalog: engine.catalog)).map { engine.check($0) } })
        table.add([name, formatTime(pair.a.median), formatTime(pair.b.median), formatRatio(pair.ratio)])
    }
    return table
}

/// Table 4b: a year-by-year plan of 1 to 20 years from the typical budget (a history of one full year), against one
/// check of the typical budget per year planned.
func yearlyPlanningTable(_ harness: Harness, engine: Engine, typical: Budget, catalog: Catalog) -> Table {
    let planner = Planner(engine: engine)
    var table = Table(
        title: "4b. Year-by-year planning: Planner.plan(history, through:) for 1 to 20 years from the typical budget, "
            + "against one check of the typical budget per year, \(engine.ruleSet.name)",
        header: ["years", "plan", "per year", "per year / check"])
    let history = Workloads.history(of: typical, years: 1, catalog: catalog)
    let relaxed: Set<RuleID> = [PublicPrivateBalanceRule.description.id, TransitionTrajectoryRule.description.id]
    let check = harness.measure { (try? CheckedBudget(typical, catalog: engine.catalog)).map { engine.check($0) } }
    for years in harness.quick ? [1, 2] : [1, 5, 10, 20] {
        let through = typical.year + years
        guard (try? planner.plan(history, through: through, relaxedBeforeTarget: relaxed)) != nil else {
            fail("the typical history does not plan through \(through)")
        }
        let timing = harness.measure { try? planner.plan(history, through: through, relaxedBeforeTarget: relaxed) }
        let perYear = timing.median / Double(years)
        table.add([String(years), formatTime(timing.median), formatTime(perYear), formatRatio(perYear / check.median)])
    }
    return table
}

