import ClusterKitCore

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
        let pair = harness.compare({ try? planner.plan(budget) }, { try? engine.check(budget) })
        table.add([name, formatTime(pair.a.median), formatTime(pair.b.median), formatRatio(pair.ratio)])
    }
    return table
}
