import ClusterKitCore
import ClusterKitReports
import Foundation
import Testing
import TestSupport

@Suite("Allocation of public funding to actions")
struct PublicFundingAllocationTests {
    func budget(_ resources: [ResourceLine], _ expenses: [ExpenseLine]) -> Budget {
        Budget(cluster: ClusterProfile(name: "Allocation", kind: .pole), year: 2013, resources: resources, expenses: expenses)
    }

    func line(_ id: String, _ major: Int64, _ category: MissionCategory? = nil) -> ExpenseLine {
        ExpenseLine(id: id, amount: Money(major: major), category: category)
    }

    @Test("Earmarked public money goes to its action; the rest is shared pro rata of the cost earmarks leave uncovered")
    func earmarkedFirst() throws {
        let metrics = try CheckedBudget(budget(
            [
                .line(.state, 30_000, action: "a"),  // public, earmarked: all to a
                .line(.actionParticipation, 20_000, action: "b"),  // private, earmarked: covers half of b
                .line(.region, 60_000),  // public, shared: uncovered a 10,000, b 20,000, c 30,000
                .line(.membershipFees, 40_000),  // private, not earmarked: not allocated
            ],
            [line("a", 40_000, .a), line("b", 40_000, .b), line("c", 30_000)])).metrics
        let allocation = metrics.allocation
        #expect(allocation.actions.map(\.id) == ["a", "b", "c"])
        #expect(allocation.actions.map(\.uncovered) == [Money(major: 10_000), Money(major: 20_000), Money(major: 30_000)])
        #expect(allocation.actions.map(\.sharedPublic) == [Money(major: 10_000), Money(major: 20_000), Money(major: 30_000)])
        #expect(allocation.actions.map(\.publicFunding) == [Money(major: 40_000), Money(major: 20_000), Money(major: 30_000)])
        #expect(allocation.action("a")?.earmarkedPublic.lines == ["state"])
        #expect(allocation.action("b")?.publicShare == Share(1, over: 2))
        #expect(allocation.unearmarkedPublic == LineTotal(amount: Money(major: 60_000), lines: ["region"]))
        #expect(allocation.publicFunding(of: .a) == LineTotal(amount: Money(major: 40_000), lines: ["a"]))
        #expect(allocation.publicFunding(of: .d).amount.isZero)
    }

    @Test("Cents left over go to the largest remainders, the earlier line on a tie: the parts add up exactly")
    func exactRemainders() throws {
        let metrics = try CheckedBudget(budget([.line(.region, 100)], [line("x", 1), line("y", 1), line("z", 1)])).metrics
        #expect(metrics.allocation.actions.map(\.sharedPublic.minorUnits) == [3334, 3333, 3333])

        // 1,000.00 over weights 1, 2 and 4 (of 7): 14,285.71…, 28,571.42…, 57,142.85… cents; the two cents left over
        // go to the remainders .85… (z) and .71… (x).
        let sevenths = try CheckedBudget(budget([.line(.region, 1_000)], [line("x", 1), line("y", 2), line("z", 4)])).metrics
        #expect(sevenths.allocation.actions.map(\.sharedPublic.minorUnits) == [14286, 28571, 57143])
        #expect(sevenths.allocation.actions.reduce(0) { $0 + $1.publicFunding.minorUnits } == 100_000)
    }

    @Test("When earmarks cover every cost, unearmarked public money stays unallocated")
    func unallocated() throws {
        let metrics = try CheckedBudget(budget(
            [.line(.membershipFees, 50_000, action: "x"), .line(.region, 10_000)], [line("x", 50_000)])).metrics
        #expect(metrics.allocation.unallocated == Money(major: 10_000))
        #expect(metrics.allocation.actions[0].publicFunding.isZero)
    }

    @Test("A regime id the catalogue does not hold is an input error naming the nearest; the default catalogue holds the built-in ones")
    func regimeValidation() throws {
        func budget(regime: FundingRegimeID) -> Budget {
            self.budget([.line(.region, 100)], [ExpenseLine(id: "c", amount: Money(major: 100), category: .c, regime: regime)])
        }
        #expect(throws: Never.self) { try CheckedBudget(budget(regime: "NN120/90-E1/90")).metrics }
        #expect(throws: Never.self) { try CheckedBudget(budget(regime: "test/half-cost"), catalog: catalogWithTestRegime).metrics }
        #expect {
            try CheckedBudget(budget(regime: "NN120/91-E1/90"), file: "b.json").metrics
        } throws: { error in
            (error as? InputError)?.description
                == "b.json: expenses[0].regime: unknown funding regime 'NN120/91-E1/90' (did you mean 'NN120/90-E1/90'?)"
        }
        var sourcesOnly = Catalog()
        for source in BuiltInRevenueSource.all { try sourcesOnly.add(source) }
        #expect {
            try CheckedBudget(budget(regime: "NN120/90-E1/90"), catalog: sourcesOnly, file: "b.json").metrics
        } throws: { error in
            (error as? InputError)?.description
                == "b.json: expenses[0].regime: unknown funding regime 'NN120/90-E1/90' (the catalogue holds no funding regime: Catalog.builtIn holds the built-in ones)"
        }
        #expect(throws: CatalogError.duplicateRegime("NN120/90-E1/90")) {
            try Catalog.builtIn.adding(TestRegime(id: "NN120/90-E1/90"))
        }
    }

    @Test("The JSON report states the allocation it used, action by action")
    func report() throws {
        let budget = budget(
            [.line(.state, 30_000, action: "a"), .line(.region, 60_000), .line(.membershipFees, 10_000, action: "b")],
            [line("a", 40_000, .a), line("b", 60_000, .b)])
        let report = try Engine(ruleSet: try RuleSet(name: "none", rules: [])).check([BudgetInput(budget)])
        let json = JSONReportRenderer().render(report)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let budgets = try #require(document["budgets"] as? [[String: Any]])
        let allocation = try #require(budgets.first?["allocation"] as? [String: Any])
        #expect(allocation["unearmarkedPublic"] as? Double == 60_000)
        #expect(allocation["unallocated"] as? Double == 0)
        let actions = try #require(allocation["actions"] as? [[String: Any]])
        #expect(actions.map { $0["action"] as? String } == ["a", "b"])
        #expect(actions.map { $0["category"] as? String } == ["A", "B"])
        // Uncovered: 10,000 (a) and 50,000 (b): the region's 60,000 splits 10,000 / 50,000.
        #expect(actions.map { $0["public"] as? Double } == [40_000, 50_000])
        #expect(actions.map { $0["earmarkedPublic"] as? Double } == [30_000, 0])
        #expect(actions.map { $0["publicShare"] as? Double } == [1, 0.8333])
    }
}
