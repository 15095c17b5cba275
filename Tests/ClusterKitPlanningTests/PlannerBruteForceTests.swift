import ClusterKitCore
import Foundation
import Testing
import TestSupport

@testable import ClusterKitPlanning

/// The planner's exact solver against brute force: on 1,000 seeded small budgets with 2 to 4 random share
/// constraints, its optimum equals the best of every cents-exact candidate, and its plan meets every constraint.
@Suite struct PlannerBruteForceTests {
    static let sources: [RevenueSourceID] = [.region, .state, .membershipFees, .services, .events, .memberTime]
    static let kinds: [RevenueKind] = [.subsidy, .membershipFees, .services, .events, .memberTime]

    struct Instance {
        var budget: Budget
        var terms: PlanTerms
        var constraints: [ShareConstraint]
        var ranges: [ClosedRange<Int64>]
    }

    static func instance(_ random: inout SplitMix64) -> Instance {
        let resources = (0..<3).map { index in
            ResourceLine(
                id: "l\(index)", source: sources.randomElement(using: &random)!,
                amount: Money(minorUnits: Int64.random(in: 0...30, using: &random)))
        }
        let budget = Budget.balanced(ClusterProfile(name: "Random", kind: .grappe), resources: resources)
        var terms = PlanTerms(budgetFixed: Bool.random(using: &random), linesMayFall: Bool.random(using: &random))
        terms.objective = PlanTerms.Objective.allCases.randomElement(using: &random)!
        // Against brute force in cents: the exact plan, without ClusterKit's caps.
        terms.round = Money(minorUnits: 1)
        terms.feeGrowthCap = nil
        var ranges: [ClosedRange<Int64>] = []
        for line in resources {
            let amount = line.amount.minorUnits
            let low = terms.unnamedLinesMayFall ? max(0, amount - 4) : amount
            let high = amount + 6
            ranges.append(low...high)
            terms.lines.append(.init(id: line.id, minimum: Money(minorUnits: low), maximum: Money(minorUnits: high)))
        }
        let constraints = (0..<Int.random(in: 2...4, using: &random)).map { index in
            var part = Set<RevenueKind>()
            for kind in kinds where Bool.random(using: &random) { part.insert(kind) }
            let denominator = Int64([2, 3, 4, 5, 10].randomElement(using: &random)!)
            let bound = ShareBound.allCases.randomElement(using: &random)!
            // Floors up to one half, ceilings from one half: mostly plannable, sometimes not.
            let numerator = bound == .floor
                ? Int64.random(in: 0...denominator / 2, using: &random)
                : Int64.random(in: (denominator + 1) / 2...denominator, using: &random)
            return ShareConstraint(
                ruleID: RuleID("c\(index)"), part: LineSelector(kinds: part),
                whole: ShareWhole.allCases.randomElement(using: &random)!, bound: bound,
                threshold: Share(numerator, over: denominator), severity: .warning)
        }
        return Instance(budget: budget, terms: terms, constraints: constraints, ranges: ranges)
    }

    /// Whether amounts (one per line) meet a constraint: `q·part − p·whole` on the right side of zero.
    static func meets(_ constraint: ShareConstraint, _ lines: [ResolvedResource], _ amounts: [Int64]) -> Bool {
        var part: Int64 = 0, whole: Int64 = 0
        for (line, amount) in zip(lines, amounts) {
            if constraint.part.contains(line) { part += amount }
            if constraint.whole.selector.contains(line) { whole += amount }
        }
        let value = constraint.threshold.denominator * part - constraint.threshold.numerator * whole
        return constraint.bound == .floor ? value >= 0 : value <= 0
    }

    static func cost(_ objective: PlanTerms.Objective, _ lines: [ResolvedResource], before: [Int64], after: [Int64]) -> Int64 {
        zip(lines, zip(before, after)).reduce(0) { total, item in
            let change = item.1.1 - item.1.0
            switch objective {
            case .leastNewRevenue: return total + max(0, change)
            case .leastTotalChange: return total + abs(change)
            case .leastPublicReplaced: return total + (item.0.sector == .public ? max(0, -change) : 0)
            }
        }
    }

    @Test func solverOptimumEqualsBruteForce() throws {
        let (solved, infeasible) = try compareWithBruteForce(seed: 18, rounds: 1_000, step: 1)
        // Both outcomes are exercised.
        #expect(solved > 300 && infeasible > 100)
    }

    /// The same in steps of 3 cents (a board's rounding, scaled down): the solver's optimum among the plans whose
    /// changes are whole steps equals brute force's, and meets every constraint.
    @Test func solverOptimumInStepsEqualsBruteForce() throws {
        let (solved, infeasible) = try compareWithBruteForce(seed: 28, rounds: 400, step: 3)
        #expect(solved > 100 && infeasible > 50)
    }

    /// Seeded instances solved by the model in steps of `step` cents and by brute force over every amount whose change
    /// is whole steps: the same optimum, or both without a plan.
    func compareWithBruteForce(seed: UInt64, rounds: Int, step: Int64) throws -> (solved: Int, infeasible: Int) {
        var random = SplitMix64(seed: seed)
        var solved = 0, infeasible = 0
        for round in 0..<rounds {
            let instance = Self.instance(&random)
            let metrics = try CheckedBudget(instance.budget).metrics
            let lines = metrics.resources, before = lines.map(\.amount.minorUnits)
            // Brute force: every amount in whole cents within the lines' bounds.
            var best: Int64? = nil
            for a in instance.ranges[0] {
                for b in instance.ranges[1] {
                    for c in instance.ranges[2] {
                        let after = [a, b, c]
                        if zip(after, before).contains(where: { ($0 - $1) % step != 0 }) { continue }
                        if instance.terms.budgetFixed, a + b + c != before.reduce(0, +) { continue }
                        guard instance.constraints.allSatisfy({ Self.meets($0, lines, after) }) else { continue }
                        let value = Self.cost(instance.terms.objective, lines, before: before, after: after)
                        if best.map({ value < $0 }) ?? true { best = value }
                    }
                }
            }
            var model = try PlanningModel(
                budget: instance.budget, metrics: metrics, catalog: .builtIn, terms: instance.terms,
                constraints: instance.constraints, step: step)
            do {
                let values = try model.solve()
                let changes = model.lineChanges(values)
                let after = zip(before, changes).map { $0 + $1 }
                #expect(best != nil, "round \(round): the solver found a plan brute force did not")
                #expect(Self.cost(instance.terms.objective, lines, before: before, after: after) == best, "round \(round)")
                // The plan re-checked: the planned budget meets every constraint, within the terms.
                let planned = try Planner.apply(model.changes(values), to: instance.budget, newLines: [])
                let plannedLines = try CheckedBudget(planned).metrics.resources
                #expect(instance.constraints.allSatisfy { Self.meets($0, plannedLines, plannedLines.map(\.amount.minorUnits)) })
                #expect(zip(after, instance.ranges).allSatisfy { $1.contains($0) })
                #expect(planned.resources.map(\.amount.minorUnits).reduce(0, +) == planned.expenses.map(\.amount.minorUnits).reduce(0, +))
                solved += 1
            } catch PlanningError.infeasible(let conflict) {
                #expect(best == nil, "round \(round): brute force found a plan the solver did not")
                #expect(!conflict.isEmpty)
                infeasible += 1
            }
        }
        return (solved, infeasible)
    }

    /// Lines the constraints see alike share a variable: on 40 seeded budgets of 5 lines (several of a kind), the
    /// optimum with every line a variable of its own (each named in the terms, with the default bounds) is the
    /// optimum with the lines grouped, and the grouped plan meets every constraint.
    @Test func groupedLinesPlanAsWell() throws {
        var random = SplitMix64(seed: 1_018)
        var compared = 0
        for round in 0..<40 {
            var instance = Self.instance(&random)
            instance.budget.resources = (0..<5).map { index in
                ResourceLine(
                    id: "l\(index)", source: [.region, .state, .membershipFees, .services].randomElement(using: &random)!,
                    amount: Money(minorUnits: Int64.random(in: 1...40, using: &random)))
            }
            instance.budget = Budget.balanced(instance.budget.cluster, resources: instance.budget.resources)
            let metrics = try CheckedBudget(instance.budget).metrics
            var grouped = instance.terms
            grouped.lines = []
            var separate = grouped
            separate.lines = instance.budget.resources.map {
                .init(id: $0.id, minimum: grouped.unnamedLinesMayFall ? .zero() : $0.amount)
            }
            func optimum(_ terms: PlanTerms) throws -> (cost: Int64, after: [Int64])? {
                var model = try PlanningModel(
                    budget: instance.budget, metrics: metrics, catalog: .builtIn, terms: terms, constraints: instance.constraints)
                do {
                    let changes = model.lineChanges(try model.solve())
                    let before = metrics.resources.map(\.amount.minorUnits)
                    let after = zip(before, changes).map { $0 + $1 }
                    return (Self.cost(terms.objective, metrics.resources, before: before, after: after), after)
                } catch PlanningError.infeasible {
                    return nil
                }
            }
            let a = try optimum(grouped), b = try optimum(separate)
            #expect(a?.cost == b?.cost, "round \(round)")
            if let a {
                #expect(instance.constraints.allSatisfy { Self.meets($0, metrics.resources, a.after) }, "round \(round)")
                #expect(a.after.allSatisfy { $0 >= 0 })
                compared += 1
            }
        }
        #expect(compared > 10)
    }

    @Test func distributeAddsUpExactly() {
        #expect(Planner.distribute(10, over: [1, 1, 1]) == [4, 3, 3])
        #expect(Planner.distribute(-10, over: [1, 1, 1]) == [-4, -3, -3])
        #expect(Planner.distribute(7, over: [0, 0]) == [7, 0])
        #expect(Planner.distribute(3_000_000, over: [13_500_000, 3_500_000, 8_000_000, 3_000_000, 1_000_000]).reduce(0, +) == 3_000_000)
    }
}
