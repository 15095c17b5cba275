import ClusterKitCore
import ClusterRules
import Testing
import TestSupport
import WalloniaRegimeExample

/// The example of a regime a host program writes itself: Wallonia's 2007 decree on business clusters.
@Suite("Host regime example: Wallonia's 2007 decree on clusters")
struct WalloniaRegimeExampleTests {
    /// A Walloon cluster founded in 2006, in its year of life `yearOfLife`, with running costs of `costs` euros.
    func budget(yearOfLife: Int, costs: Int64, regional: Int64) -> Budget {
        Budget(
            cluster: ClusterProfile(name: "Cluster wallon (test)", kind: .regional, founded: 2006),
            year: 2006 + yearOfLife - 1,
            resources: [
                .line(.region, regional, id: "wallonia", action: "running"),
                .line(.membershipFees, costs - regional, id: "fees", action: "running"),
            ],
            expenses: [ExpenseLine(id: "running", amount: Money(major: costs), nature: .operating, regime: WalloniaClusterRegime.id)])
    }

    func ceiling(yearOfLife: Int, costs: Int64) throws -> Money? {
        let budget = budget(yearOfLife: yearOfLife, costs: costs, regional: 0)
        let catalog = try Catalog.builtIn.adding(WalloniaClusterRegime())
        let terms = WalloniaClusterRegime().ceiling(for: budget.expenses[0], in: RegimeContext(budget: budget, catalog: catalog))
        return terms?.maximum(forCost: budget.expenses[0].amount)
    }

    @Test("Years 2, 5 and 8: 100%, 80% and 50% of running costs, eligible up to EUR 160,000 a year")
    func ceilings() throws {
        #expect(try ceiling(yearOfLife: 2, costs: 200_000) == Money(major: 160_000))
        #expect(try ceiling(yearOfLife: 5, costs: 200_000) == Money(major: 128_000))
        #expect(try ceiling(yearOfLife: 8, costs: 200_000) == Money(major: 80_000))
        #expect(try ceiling(yearOfLife: 2, costs: 100_000) == Money(major: 100_000))
        #expect(try ceiling(yearOfLife: 5, costs: 100_000) == Money(major: 80_000))
        #expect(try ceiling(yearOfLife: 8, costs: 100_000) == Money(major: 50_000))
        // The transition's edges: year 3 is still 100%, year 4 already 80%, year 7 already 50%.
        #expect(WalloniaClusterRegime.share(inYearOfLife: 3) == .one)
        #expect(WalloniaClusterRegime.share(inYearOfLife: 4) == Share(percent: 80))
        #expect(WalloniaClusterRegime.share(inYearOfLife: 6) == Share(percent: 80))
        #expect(WalloniaClusterRegime.share(inYearOfLife: 7) == Share(percent: 50))
        #expect(WalloniaClusterRegime.share(inYearOfLife: 0) == nil)
    }

    @Test("Through the engine: a year-8 cluster funded 100,000 on 200,000 of running costs is 20,000 over")
    func engine() throws {
        let catalog = try Catalog.builtIn.adding(WalloniaClusterRegime())
        let rules = try RuleSet(name: "wallonia", rules: [MissionCategoryCapRule(), UncategorizedActionRule()])
        let engine = Engine(ruleSet: rules, catalog: catalog)
        let year8 = budget(yearOfLife: 8, costs: 200_000, regional: 100_000)
        let diagnostic = try #require(try engine.check(year8).diagnostics.first)
        #expect(diagnostic.ruleID == "mission-category-cap")
        #expect(diagnostic.threshold == .money(Money(major: 80_000)))
        #expect(diagnostic.message.rendered(in: .english).contains("regime wallonia-clusters-2007"))
        let fix = try #require(diagnostic.remediation)
        #expect(fix.amount == Money(major: 20_000))
        #expect(try engine.check(budget(yearOfLife: 8, costs: 200_000, regional: 80_000)).diagnostics.isEmpty)
        // The same funding in year 2 is within the ceiling.
        #expect(try engine.check(budget(yearOfLife: 2, costs: 200_000, regional: 100_000)).diagnostics.isEmpty)
        // Without a founding year the regime cannot say: a note, not an error.
        var unknownAge = year8
        unknownAge.cluster.founded = nil
        #expect(try engine.check(unknownAge).diagnostics.map(\.message.id) == ["uncategorized-action.no-ceiling"])
        // A catalogue without the host's regime refuses the budget.
        #expect(throws: InputError.self) { try Engine(ruleSet: rules, catalog: .builtIn).check(year8) }
    }

    @Test("The 2007 text only: a budget of 2025, under the decree as amended on 11 April 2024, gets no ceiling from it")
    func amendedText() throws {
        #expect(WalloniaClusterRegime().citation.location?.contains("11 avril 2024") == true)
        var budget = budget(yearOfLife: 8, costs: 200_000, regional: 0)
        budget.year = 2025
        let regime = WalloniaClusterRegime()
        let context = RegimeContext(budget: budget, catalog: try Catalog.builtIn.adding(regime))
        #expect(regime.ceiling(for: budget.expenses[0], in: context) == nil)
        budget.year = 2023
        #expect(regime.ceiling(for: budget.expenses[0], in: RegimeContext(budget: budget, catalog: context.catalog)) != nil)
    }
}
