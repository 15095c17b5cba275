import ClusterKitCore
import ClusterRules
import Foundation

/// Generates valid budgets that look like the memento's: a handful of resource lines from every revenue source,
/// operating and programme expenses, earmarks, success-fee and sponsor terms, targets and declared figures.
///
/// Amounts are mostly €5,000 units of a round total, so that shares often land exactly on the rules' thresholds
/// (15%, 20%, 25%, 50%…), where a comparison that is not exact gives itself away; some are arbitrary cents.
///
/// The property tests (Tests/RobustnessTests) and the concurrency check (``ConcurrencyCheck``) draw from it.
public struct BudgetGenerator: Sendable {
    /// The seeded source of every choice: the same seed gives the same budgets.
    public var random: SeededGenerator
    /// The catalogue the budgets are valid against.
    public let catalog = Catalog.builtIn

    /// A generator whose budgets are fixed by `seed`.
    public init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    /// A budget valid against `Catalog.builtIn` (generation retries until one is).
    public mutating func budget() -> Budget {
        while true {
            let candidate = anyBudget()
            if (try? CheckedBudget(candidate, catalog: catalog).metrics) != nil { return candidate }
        }
    }

    private mutating func amount() -> Money {
        if random.chance(15) { return Money(minorUnits: Int64.random(in: 0...10_000_000, using: &random)) }
        return Money(minorUnits: Int64.random(in: 0...20, using: &random) * 500_000)
    }

    /// `count` amounts of €5,000 units that add up to `units` units, some lines empty; then, sometimes, one line
    /// off by arbitrary cents. Every share of a set of lines is then a multiple of 1/`units`: with 20 units, a
    /// multiple of 5%, on the thresholds of the memento (15%, 20%, 25%, 50%) as often as not.
    private mutating func split(_ units: Int64, into count: Int) -> [Money] {
        var parts = [Int64](repeating: 0, count: count)
        for _ in 0..<units { parts[Int.random(in: 0..<count, using: &random)] += 1 }
        var amounts = parts.map { Money(minorUnits: $0 * 500_000) }
        if random.chance(15) { amounts[0] = Money(minorUnits: Int64.random(in: 0...10_000_000, using: &random)) }
        return amounts
    }

    private mutating func share(_ percents: ClosedRange<Int64>) -> Share {
        Share(percent: Int64.random(in: percents, using: &random))
    }

    private mutating func anyBudget() -> Budget {
        let year = random.chance(70) ? 2013 : Int.random(in: 2008...2020, using: &random)
        let expenseCount = Int.random(in: 1...6, using: &random)
        let expenseIDs = (0..<expenseCount).map { "e\($0)" }
        var resources: [ResourceLine] = []
        let resourceCount = Int.random(in: 1...10, using: &random)
        let units = random.pick([Int64(10), 20, 20, 40])
        let resourceAmounts = random.chance(80) ? split(units, into: resourceCount) : (0..<resourceCount).map { _ in amount() }
        for index in 0..<resourceCount {
            let source = random.pick(catalog.sourceIDs)
            let kind = catalog.source(source)?.kind
            resources.append(
                ResourceLine(
                    id: "r\(index)", label: random.chance(50) ? "Line \(index)" : nil, source: source,
                    amount: resourceAmounts[index],
                    funder: random.chance(40) ? random.pick(["Région", "État", "Orange", "CCI", "Métropole"]) : nil,
                    sector: random.chance(10) ? random.pick(Sector.allCases) : nil,
                    inKind: random.chance(10) ? random.chance(50) : nil,
                    action: random.chance(20) ? random.pick(expenseIDs) : nil,
                    successFee: kind == .successFees
                        ? SuccessFeeTerms(
                            basis: random.pick(SuccessFeeBasis.allCases), fixedFee: random.chance(60) ? amount() : nil)
                        : nil,
                    sponsor: kind == .sponsorship
                        ? SponsorTerms(isMember: random.chance(50), directInterest: random.chance(50)) : nil))
        }
        var expenses: [ExpenseLine] = []
        let expenseAmounts = random.chance(80) ? split(units, into: expenseCount) : expenseIDs.map { _ in amount() }
        for (index, id) in expenseIDs.enumerated() {
            let category: MissionCategory? = random.chance(40) ? random.pick(MissionCategory.allCases) : nil
            let regime: FundingRegimeID? = random.chance(20) ? random.pick(catalog.regimeIDs) : nil
            expenses.append(
                ExpenseLine(
                    id: id, label: random.chance(50) ? "Action \(id)" : nil, amount: expenseAmounts[index],
                    nature: random.chance(30) ? .operating : .programme, category: category, regime: regime,
                    collective: random.chance(20)))
        }
        if random.chance(70) {
            // Balance the plan: the first expense takes what the others leave of the resources.
            let resourcesTotal = resources.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
            let others = expenses.dropFirst().reduce(Int64(0)) { $0 + $1.amount.minorUnits }
            if resourcesTotal >= others { expenses[0].amount = Money(minorUnits: resourcesTotal - others) }
        }
        return Budget(cluster: cluster(year: year), year: year, resources: resources, expenses: expenses)
    }

    private mutating func cluster(year: Int) -> ClusterProfile {
        ClusterProfile(
            name: random.pick(["Mecabourg", "Neopolia", "Cosmetic Valley", "Atlanpack"]),
            kind: random.chance(85) ? random.pick(ClusterKind.allCases) : nil,
            founded: random.chance(80) ? year - Int.random(in: 0...25, using: &random) : nil,
            members: random.chance(80) ? Int.random(in: 0...400, using: &random) : nil,
            enterprises: random.chance(50) ? Int.random(in: 0...300, using: &random) : nil,
            staff: random.chance(60) ? Decimal(Int.random(in: 0...12, using: &random)) : nil,
            impactReporting: random.chance(30),
            valuedTimeAllowed: random.chance(70),
            analyticAccounting: random.chance(50) ? random.chance(50) : nil,
            satellites: random.chance(20)
                ? [Satellite(name: "Satellite", form: "SAS", capturesBillableServices: random.chance(50))] : [],
            services: random.chance(30)
                ? [ServiceOffer(id: "offer", uptake: share(1...40), minimumClients: Int.random(in: 0...30, using: &random))]
                : [],
            targets: random.chance(40)
                ? FundingTargets(
                    privateShare: random.chance(80) ? random.pick([30, 40, 50, 60].map { Share(percent: $0) }) : nil,
                    year: random.chance(60) ? year + Int.random(in: -3...5, using: &random) : nil,
                    baselineYear: random.chance(30) ? year - Int.random(in: 1...4, using: &random) : nil)
                : nil,
            declared: random.chance(30) ? DeclaredFigures(selfFinancing: share(10...90)) : nil)
    }

    /// Every built-in rule with some share thresholds moved (so that a rule reports on several lines or funders at
    /// once), or as shipped.
    public mutating func ruleSet() -> RuleSet {
        var rules = RuleSet.all
        guard random.chance(60) else { return rules }
        for entry in RuleSet.all.entries {
            for parameter in entry.description.parameters where random.chance(50) {
                guard case .share = parameter.defaultValue else { continue }
                let threshold = Share(percent: 5 * Int64.random(in: 1...12, using: &random))
                if let changed = try? rules.settingParameter(parameter.name, to: .share(threshold), for: entry.id) {
                    rules = changed
                }
            }
        }
        return rules
    }
}
