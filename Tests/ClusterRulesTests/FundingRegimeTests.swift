import ClusterKitCore
import ClusterRules
import Foundation
import Testing
import TestSupport

/// A host regime that delegates to itself: a cycle the delegation depth must break.
private struct SelfDelegatingRegime: FundingRegime {
    var id: FundingRegimeID { "test-self-delegating" }
    var name: LocalizedText { LocalizedText(english: "Loop", french: "Boucle") }
    var summary: LocalizedText { LocalizedText(english: "Delegates to itself.", french: "Se délègue à lui-même.") }
    var citation: Citation { Citation(document: "Test") }
    func ceiling(for action: ExpenseLine, in context: RegimeContext) -> PublicFundingCeiling? {
        context.ceiling(under: id, for: action)
    }
}

@Suite("Funding regimes")
struct FundingRegimeTests {
    let cost = Money(major: 500_000)

    func maximum(_ id: FundingRegimeID, category: MissionCategory? = nil, budget: Budget? = nil) throws -> Money? {
        let line = ExpenseLine(id: "action", amount: cost, category: category, regime: id)
        let budget = budget ?? categoryBudget(resources: [], expenses: [line])
        let regime = try #require(Catalog.builtIn.regime(id))
        return regime.ceiling(for: line, in: RegimeContext(budget: budget, catalog: .builtIn))?.maximum(forCost: cost)
    }

    @Test("The mission categories' ceilings are the guide's: A 100%, B 50%, C its regime's, D 0%")
    func missionCategories() throws {
        #expect(MissionCategoryRegime.all.map(\.id.rawValue) == ["pole-category-A", "pole-category-B", "pole-category-C", "pole-category-D"])
        #expect(try maximum("pole-category-A") == cost)
        #expect(try maximum("pole-category-B") == Money(major: 250_000))
        #expect(try maximum("pole-category-D") == Money(major: 0))
        // Category C delegates to the action's regime; without one it sets no ceiling.
        let context = RegimeContext(budget: categoryBudget(resources: [], expenses: []), catalog: .builtIn)
        let underNN = ExpenseLine(id: "c", amount: cost, category: .c, regime: .nn120_90)
        let ceiling = try #require(MissionCategoryRegime(.c).ceiling(for: underNN, in: context))
        #expect(ceiling.regime == .nn120_90)
        #expect(ceiling.maximum(forCost: cost) == Money(major: 250_000))
        #expect(MissionCategoryRegime(.c).ceiling(for: ExpenseLine(id: "c", amount: cost, category: .c), in: context) == nil)
    }

    @Test("NN120/90-E1/90 and GBER article 27 allow 50%; de minimis EUR 200,000 (2013) and EUR 300,000 (2023)")
    func stateAid() throws {
        #expect(try maximum(.nn120_90) == Money(major: 250_000))
        #expect(try maximum(.gberInnovationClusterInvestment) == Money(major: 250_000))
        #expect(try maximum(.gberInnovationClusterOperating) == Money(major: 250_000))
        #expect(try maximum(.deMinimis2013) == Money(major: 200_000))
        #expect(try maximum(.deMinimis2023) == Money(major: 300_000))
        // De minimis amounts are in euros: a budget in Swiss francs gets no ceiling rather than a wrong one.
        var francs = categoryBudget(resources: [], expenses: [])
        francs.currency = "CHF"
        #expect(try maximum(.deMinimis2013, budget: francs) == nil)
        for regime in BuiltInRegimes.all {
            #expect(!regime.summary.english.isEmpty && !regime.summary.french.isEmpty && !regime.citation.document.isEmpty)
        }
    }

    @Test("A ceiling rounds down to the cent and applies its limits")
    func ceilingArithmetic() {
        let third = PublicFundingCeiling(regime: "x", share: Share(1, over: 3))
        #expect(third.maximum(forCost: Money(minorUnits: 100)) == Money(minorUnits: 33))
        let limited = PublicFundingCeiling(
            regime: "x", share: Share(percent: 80), eligibleCostLimit: Money(major: 160_000), amountLimit: Money(major: 100_000))
        #expect(limited.maximum(forCost: Money(major: 100_000)) == Money(major: 80_000))
        #expect(limited.maximum(forCost: Money(major: 200_000)) == Money(major: 100_000))
        #expect(limited.maximum(forCost: Money(major: 10, currency: "CHF")) == nil)
    }

    @Test("Catalog.builtIn holds every built-in regime once; adding one whose id is taken is an error")
    func catalogue() throws {
        let ids = BuiltInRegimes.all.map(\.id)
        #expect(Catalog.builtIn.regimeIDs == ids)
        #expect(Set(ids).count == ids.count)
        #expect(Catalog.builtIn.sourceIDs == BuiltInRevenueSource.all.map(\.id))
        #expect(Memento.missionCategories == MissionCategoryRegime.guideCitation)
        #expect(throws: CatalogError.duplicateRegime(.nn120_90)) { try Catalog.builtIn.adding(BuiltInRegimes.nn120_90) }
        let extended = try Catalog.builtIn.adding(SelfDelegatingRegime())
        #expect(extended.regime("test-self-delegating") != nil)
    }

    @Test("A regime that delegates to itself sets no ceiling instead of looping")
    func delegationCycle() throws {
        let catalog = try Catalog.builtIn.adding(SelfDelegatingRegime())
        let line = ExpenseLine(id: "loop", amount: cost, category: .c, regime: "test-self-delegating")
        let budget = categoryBudget(resources: [.line(.region, 500_000)], expenses: [line])
        #expect(SelfDelegatingRegime().ceiling(for: line, in: RegimeContext(budget: budget, catalog: catalog)) == nil)
        let notes = try diagnostics(of: "uncategorized-action", on: budget, catalog: catalog)
        #expect(notes.map(\.message.id) == ["uncategorized-action.no-ceiling"])
    }

    @Test("An unknown regime id is an input error naming the field and the nearest ids")
    func unknownRegime() throws {
        let data = Data(
            """
            {"format": "clusterkit.budget/1", "cluster": {"name": "P", "kind": "pole"}, "year": 2013,
             "resources": [{"source": "region", "amount": 100}],
             "expenses": [{"id": "a", "amount": 50, "category": "A"},
                          {"id": "c", "amount": 50, "category": "C", "regime": "NN120/90-E1/91"}]}
            """.utf8)
        #expect {
            try BudgetDecoder(catalog: .builtIn).decode(data, file: "pole.json")
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.file == "pole.json" && error.path == "expenses[1].regime"
                && error.reason == "unknown funding regime 'NN120/90-E1/91' (did you mean 'NN120/90-E1/90'?)"
        }
        let category = Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "NN120/90-E1/91", with: "pole-category-E").utf8)
        #expect {
            try BudgetDecoder(catalog: .builtIn).decode(category)
        } throws: { error in
            (error as? InputError)?.reason
                == "unknown funding regime 'pole-category-E' (did you mean 'pole-category-A', 'pole-category-B', 'pole-category-C'?)"
        }
        // The default catalogue holds the built-in regimes: the simple path reads a budget that names one.
        #expect(throws: Never.self) { try BudgetDecoder().decode(Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "E1/91", with: "E1/90").utf8)).budget }
    }
}
