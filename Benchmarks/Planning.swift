import ClusterKit
import Foundation

/// Table 4: the planner on the typical budget, on every example with real figures (`Examples/*.json`, a history's
/// last full year, each with its kind's preset), on the scaled budgets of 10 to 10,000 lines, and on seeded random
/// shapes of 2 to 500 lines (valued time, lines that are not funding, money passed on, realised accounts, operating
/// and programme expenses), as a ratio to one check of the same budget (Documentation/Planning.md). A budget whose
/// terms conflict is timed to its named conflict: that is the planner's answer too.
func planningTable(_ harness: Harness, engine: Engine, typical: Budget) -> Table {
    var table = Table(
        title: "4. Planning: Planner.plan (constraints, exact solve rounded to the budget's step, the planned budget "
            + "checked again) against one check of the same budget; the examples with their kind's preset, the others "
            + engine.ruleSet.name,
        header: ["budget", "outcome", "plan", "check", "plan / check"])
    // The typical and scaled budgets need their fees up 74% (more than ClusterKit's cap): planned with the cap
    // lifted, the same work as the table measured before the cap; the examples and random shapes with the defaults.
    let lifted = PlanTerms(feeGrowthCap: nil)
    var workloads: [(String, Budget, Engine, PlanTerms)] = []
    let lines = typical.resources.count + typical.expenses.count
    workloads.append(("typical (\(lines) lines), cap lifted", typical, engine, lifted))
    for (name, budget) in Workloads.realExamples() {
        let preset = Engine(ruleSet: Preset(for: budget.cluster.kind).ruleSet, catalog: engine.catalog)
        workloads.append((name, budget, preset, PlanTerms()))
    }
    for size in harness.quick ? [10, 100] : [10, 100, 1_000, 10_000] {
        workloads.append(("\(size) lines, cap lifted", Workloads.scaled(typical.cluster, lines: size), engine, lifted))
    }
    var random = Workloads.Seeded(seed: 28)
    for size in harness.quick ? [2, 50] : [2, 10, 50, 100, 250, 500] {
        let budget = Workloads.randomShape(lines: size, random: &random)
        workloads.append(("random, \(size) lines", budget, engine, PlanTerms()))
    }
    for (name, budget, engine, terms) in workloads {
        let planner = Planner(engine: engine)
        let outcome: String
        do {
            let plan = try planner.plan(budget, terms: terms)
            outcome = "\(plan.changes.count) change(s), step \(plan.step.decimalValue), \(plan.unresolved.count) left"
                + (plan.bindingCaps.isEmpty ? "" : ", cap binds")
        } catch PlanningError.infeasible(let conflict) {
            outcome = "conflict: " + conflict.joined(separator: ", ")
        } catch {
            fail("the \(name) budget neither plans nor names a conflict: \(error)")
        }
        let pair = harness.compare(
            { try? planner.plan(budget, terms: terms) }, { (try? CheckedBudget(budget, catalog: engine.catalog)).map { engine.check($0) } })
        table.add([name, outcome, formatTime(pair.a.median), formatTime(pair.b.median), formatRatio(pair.ratio)])
    }
    return table
}

extension Workloads {
    /// Every example with its own figures: a budget, or a history's last full year (none for a history of summaries).
    static func realExamples() -> [(String, Budget)] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        return files.compactMap { file in
            guard let data = try? example(file) else { return nil }
            if let checked = try? BudgetDecoder().decode(data, file: file) { return (file, checked.budget) }
            guard let history = try? JSONDecoder().decode(BudgetHistory.self, from: data),
                let last = history.years.sorted(by: { $0.year < $1.year }).last(where: { $0.budget != nil })?.budget
            else { return nil }
            return ("\(file) (\(last.year))", last)
        }
    }

    /// A seeded generator (SplitMix64): the same random shapes on every run.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A random budget of `lines` lines shaped like real ones: public funders, fees, billed revenue, events, valued
    /// time, lines that are not funding, money passed on to an action, realised accounts now and then; expenses
    /// operating and programme; balanced (a forecast) or not (realised).
    static func randomShape(lines: Int, random: inout Seeded) -> Budget {
        let sources: [RevenueSourceID] = [
            .region, .state, .department, .intercommunality, .erdf, .membershipFees, .services, .events,
            .actionParticipation, .memberTime, .sponsorship, "financialIncome", "exceptionalIncome",
        ]
        let resourceCount = max(1, lines / 2), expenseCount = max(1, lines - resourceCount)
        var resources: [ResourceLine] = (0..<resourceCount).map { index in
            ResourceLine(
                id: "r\(index)", source: sources.randomElement(using: &random)!,
                amount: Money(major: Int64.random(in: 1_000...200_000, using: &random)))
        }
        var expenses: [ExpenseLine] = (0..<expenseCount).map { index in
            ExpenseLine(
                id: "e\(index)", amount: Money(major: 1), nature: index % 3 == 0 ? .operating : .programme)
        }
        if resourceCount > 2, Bool.random(using: &random) {
            resources[resourceCount - 1].source = .erdf
            resources[resourceCount - 1].passThrough = true
            resources[resourceCount - 1].action = expenses[expenseCount - 1].id
        }
        // Expenses share the resources' total, so that the forecast balances.
        let total = resources.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        let weights = (0..<expenseCount).map { _ in Int64.random(in: 1...10, using: &random) }
        let sum = weights.reduce(0, +)
        var given = Int64(0)
        for index in expenses.indices {
            let share = index == expenseCount - 1 ? total - given : total * weights[index] / sum
            expenses[index].amount = Money(minorUnits: share)
            given += share
        }
        if let passed = resources.last, passed.passThrough, expenses[expenseCount - 1].amount < passed.amount {
            // The action paid on holds at least what is passed on.
            let missing = passed.amount.minorUnits - expenses[expenseCount - 1].amount.minorUnits
            expenses[expenseCount - 1].amount = passed.amount
            expenses[0].amount = Money(minorUnits: expenses[0].amount.minorUnits - missing)
        }
        let cluster = ClusterProfile(
            name: "Random \(lines)", kind: .grappe, founded: 2005, members: Int.random(in: 20...300, using: &random))
        var budget = Budget(cluster: cluster, year: 2024, resources: resources, expenses: expenses)
        if Int.random(in: 0..<4, using: &random) == 0 { budget.statement = .realised }
        return budget
    }
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
        // Cosmetic Valley's fees must rise 74% the first year: ClusterKit's cap lifted, as in table 4.
        let terms = PlanTerms(feeGrowthCap: nil)
        guard (try? planner.plan(history, through: through, terms: terms, relaxedBeforeTarget: relaxed)) != nil else {
            fail("the typical history does not plan through \(through)")
        }
        let timing = harness.measure { try? planner.plan(history, through: through, terms: terms, relaxedBeforeTarget: relaxed) }
        let perYear = timing.median / Double(years)
        table.add([String(years), formatTime(timing.median), formatTime(perYear), formatRatio(perYear / check.median)])
    }
    return table
}

