@_spi(Testing) import ClusterKitCore
import ClusterKitPlanning
import ClusterRules
import Foundation
import Testing
import TestSupport

/// The planner on seeded random budgets shaped like real ones (issue #28): 2 to 500 lines; public funders that
/// repeat; valued time and secondments; lines that are not funding (financial and exceptional income, provision
/// reversals, charge transfers); money passed on to partners; a line holding two sources (fees and services); every
/// kind of cluster, of every age, with or without a target on either basis; forecasts and realised accounts; default
/// and random terms. Every budget gets a plan or a named conflict — never another error — and every plan, applied
/// and stated again by the engine's rules, meets every condition it was planned for.
@Suite struct PlanningPropertyTests {
    static let publicSources: [RevenueSourceID] = [
        .region, .state, .department, .intercommunality, .erdf, .otherPublic, .consularChambers,
    ]
    static let privateSources: [RevenueSourceID] = [
        .membershipFees, .services, .events, .actionParticipation, .sponsorship, .otherPrivate, .successFees,
    ]
    static let inKindSources: [RevenueSourceID] = [.memberTime, .secondment]
    static let notFunding: [RevenueSourceID] = [.financialIncome, .exceptionalIncome, .provisionReversals, .chargeTransfers]

    struct Case {
        var budget: Budget
        var terms: PlanTerms
        var preset: Preset
    }

    /// An amount in cents between `low` and `high` euros, whole euros or hundreds most of the time.
    static func amount(_ low: Int64, _ high: Int64, _ random: inout SplitMix64) -> Money {
        let euros = Int64.random(in: low...high, using: &random)
        let cents: Int64 = switch Int.random(in: 0..<4, using: &random) {
        case 0: euros * 100 + Int64.random(in: 0...99, using: &random)
        case 1: euros * 100
        default: (euros / 100) * 10_000
        }
        return Money(minorUnits: max(cents, 0))
    }

    static func randomCase(_ random: inout SplitMix64) -> Case {
        let size: Int = switch Int.random(in: 0..<10, using: &random) {
        case 0..<5: Int.random(in: 2...12, using: &random)
        case 5..<8: Int.random(in: 13...80, using: &random)
        default: Int.random(in: 81...500, using: &random)
        }
        let kind: ClusterKind? = ([ClusterKind.pole, .grappe, .regional, .other] as [ClusterKind?] + [nil])
            .randomElement(using: &random)!
        let year = Int.random(in: 2010...2026, using: &random)
        var cluster = ClusterProfile(name: "Random \(size)", kind: kind)
        if Bool.random(using: &random) { cluster.founded = year - Int.random(in: 0...25, using: &random) }
        if Int.random(in: 0..<4, using: &random) > 0 { cluster.members = Int.random(in: 5...400, using: &random) }
        cluster.valuedTimeAllowed = Int.random(in: 0..<4, using: &random) > 0
        if Bool.random(using: &random) {
            cluster.targets = FundingTargets(
                privateShare: Share(Int64.random(in: 20...70, using: &random), over: 100),
                year: Bool.random(using: &random) ? year + Int.random(in: -2...5, using: &random) : nil,
                basis: [SelfFinancingBasis.gross, .net, nil].randomElement(using: &random)!)
        }
        let scale = Int64([2_000, 20_000, 200_000].randomElement(using: &random)!)
        let funders = (0..<Int.random(in: 1...40, using: &random)).map { "Funder \($0)" }
        var resources: [ResourceLine] = []
        var passedOn: [(action: String, amount: Int64)] = []
        for index in 0..<size {
            let roll = Int.random(in: 0..<20, using: &random)
            let source: RevenueSourceID = switch roll {
            case 0..<8: publicSources.randomElement(using: &random)!
            case 8..<16: privateSources.randomElement(using: &random)!
            case 16..<18: inKindSources.randomElement(using: &random)!
            default: notFunding.randomElement(using: &random)!
            }
            var line = ResourceLine(id: "r\(index)", label: "Line \(index)", source: source, amount: amount(0, scale, &random))
            if publicSources.contains(source) {
                line.funder = funders.randomElement(using: &random)!
                // Money passed on to partners, with the action it pays for.
                if Int.random(in: 0..<8, using: &random) == 0 {
                    line.passThrough = true
                    line.action = "partners-\(index)"
                    passedOn.append((line.action!, line.amount.minorUnits))
                }
            }
            // A line holding two sources: fees and billed services together.
            if source == .membershipFees, Int.random(in: 0..<4, using: &random) == 0 { line.includes = [.services] }
            resources.append(line)
        }
        let total = resources.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        var budget = Budget(cluster: cluster, year: year, resources: resources, expenses: [])
        budget.statement = Bool.random(using: &random) ? .forecast : .realised
        // Expenses that balance the resources: each partners' share as the action it pays for, then a few lines of
        // the rest.
        var expenses = passedOn.map { ExpenseLine(id: $0.action, amount: Money(minorUnits: $0.amount), nature: .programme) }
        let rest = total - passedOn.reduce(0) { $0 + $1.amount }
        let parts = Int.random(in: 1...5, using: &random)
        let weights = (0..<parts).map { _ in Int64.random(in: 1...10, using: &random) }
        let sum = weights.reduce(0, +)
        var given = Int64(0)
        for (index, weight) in weights.enumerated() {
            let share = index == parts - 1 ? rest - given : rest * weight / sum
            given += share
            expenses.append(ExpenseLine(
                id: "e\(index)", amount: Money(minorUnits: share), nature: index == 0 ? .operating : .programme))
        }
        budget.expenses = expenses
        var terms = PlanTerms()
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<6: break
        case 6: terms.budgetFixed = true
        case 7: terms.linesMayFall = true
        case 8: terms.newLines = [.services, .membershipFees]
        default:
            terms.objective = PlanTerms.Objective.allCases.randomElement(using: &random)!
            terms.budgetFixed = Bool.random(using: &random)
        }
        let preset: Preset = kind == .pole ? .pole : [.recommended, .grappe, .regional].randomElement(using: &random)!
        return Case(budget: budget, terms: terms, preset: preset)
    }

    /// Whether the planned budget meets a constraint exactly: `q·part − p·whole` on the right side of zero.
    static func meets(_ constraint: ShareConstraint, _ lines: [ResolvedResource]) -> Bool {
        var part = Int128(0), whole = Int128(0)
        for line in lines where line.funds {
            if constraint.part.contains(line) { part += Int128(line.amount.minorUnits) }
            if constraint.whole.selector.contains(line) { whole += Int128(line.amount.minorUnits) }
        }
        let value = Int128(constraint.threshold.denominator) * part - Int128(constraint.threshold.numerator) * whole
        return constraint.bound == .floor ? value >= 0 : value <= 0
    }

    @Test func everyBudgetGetsAPlanOrANamedConflict() throws {
        var random = SplitMix64(seed: 28)
        var planned = 0, conflicts = 0, largest = 0, capped = 0, capConflicts = 0
        var slowest: (time: Duration, lines: Int) = (.zero, 0)
        let clock = ContinuousClock()
        for round in 0..<300 {
            let instance = Self.randomCase(&random)
            let planner = Planner(engine: Engine(ruleSet: instance.preset.ruleSet))
            largest = max(largest, instance.budget.resources.count)
            // The exact plan (changes to the cent) beside the plan a board adopts (changes rounded to the step).
            var exactTerms = instance.terms
            exactTerms.round = Money(minorUnits: 1)
            let exact = try? planner.plan(instance.budget, terms: exactTerms)
            do {
                let start = clock.now
                defer {
                    let time = clock.now - start
                    if time > slowest.time { slowest = (time, instance.budget.resources.count + instance.budget.expenses.count) }
                }
                let plan = try planner.plan(instance.budget, terms: instance.terms)
                planned += 1
                if !plan.bindingCaps.isEmpty { capped += 1 }
                // Re-checked: the rules state their conditions again on the planned budget, and each one planned
                // for is met there, exactly.
                let metrics = try CheckedBudget(plan.budget).metrics
                let restated = try planner.constraints(for: plan.budget).constraints
                let names = Set(plan.constraints.map(\.name))
                for constraint in restated where names.contains(constraint.name) && instance.terms.clear.contains(constraint.severity) {
                    #expect(Self.meets(constraint, metrics.resources), "round \(round): \(constraint.name) not met")
                }
                // The budget stays balanced.
                let resources = plan.budget.resources.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
                let expenses = plan.budget.expenses.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
                #expect(resources == expenses, "round \(round)")
                // Rounded in the direction that keeps each condition met: the rounded plan clears what the exact
                // one clears, and every change is whole steps (but a line cut to zero).
                if let exact {
                    let left = Set(plan.unresolved.map(\.ruleID)), exactLeft = Set(exact.unresolved.map(\.ruleID))
                    #expect(left.isSubset(of: exactLeft), "round \(round): the rounded plan leaves \(left.subtracting(exactLeft))")
                }
                // (Where a line of a class is cut to zero, its class's other lines take the rest, to the cent.)
                if !plan.changes.contains(where: { $0.after.isZero }) {
                    for change in plan.changes {
                        #expect(change.difference % plan.step.minorUnits == 0, "round \(round): \(change.lineID) \(change.difference)")
                    }
                }
            } catch PlanningError.infeasible(let conflict) {
                #expect(!conflict.isEmpty, "round \(round)")
                // Rounding never loses a plan: where the exact plan exists, so does a rounded one.
                #expect(exact == nil, "round \(round): an exact plan exists, and no rounded one")
                conflicts += 1
                if conflict.contains("caps.feeGrowth") { capConflicts += 1 }
            } catch {
                Issue.record("round \(round) (\(instance.budget.resources.count) lines): \(error)")
            }
        }
        #expect(planned + conflicts == 300)
        // With ClusterKit's cap on fees' growth, some budgets need more than it allows: named conflicts.
        #expect(planned > 100 && conflicts > 50 && capped > 0 && largest > 400)
        print(
            "Planning property run: \(planned) plans, \(conflicts) conflicts (\(capConflicts) naming the fee cap), "
                + "\(capped) plans held by the cap, largest \(largest) resource lines, slowest \(slowest.time) (\(slowest.lines) lines)")
    }
}
