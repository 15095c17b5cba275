import ClusterKitCore
import ClusterKitTesting
import ClusterRules
import Foundation
import RegionalFunder
import Testing

/// The memento's case studies, in the parent folder `Examples/`.
func memento(_ name: String) throws -> Budget {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("\(name).json")
    return try BudgetDecoder(catalog: RegionalFunder.catalog).decode(Data(contentsOf: url), file: url.path).budget
}

@Suite("The Example Region's matching-funds rule")
struct MatchingFundsTests {
    @Test("It keeps the contract every rule keeps: its examples, messages, parameters and explanations")
    func contract() {
        RuleVerifier.verify(MatchingFundsRule(), catalog: RegionalFunder.catalog)
    }

    @Test("Cosmetic Valley 2013: the regions pay 250,000 against 200,000 of membership fees, 50,000 over")
    func cosmeticValley() throws {
        let budget = try memento("cosmetic-valley-2013")
        let found = try RuleVerifier.diagnostics(of: MatchingFundsRule(), on: budget, catalog: RegionalFunder.catalog)
        let diagnostic = try #require(found.first)
        #expect(found.count == 1)
        #expect(diagnostic.measured == .money(Money(major: 250_000)))
        #expect(diagnostic.threshold == .money(Money(major: 200_000)))
        #expect(diagnostic.remediation?.amount == Money(major: 50_000))
        #expect(diagnostic.lines.sorted() == ["fees", "regions"])
        #expect(diagnostic.message.rendered(in: .french)
            == "La Région verse 250\u{202F}000,00\u{00A0}€, plus de 100\u{00A0}% des 200\u{202F}000,00\u{00A0}€ de cotisations "
            + "(200\u{202F}000,00\u{00A0}€)\u{00A0}: 50\u{202F}000,00\u{00A0}€ de trop.")

        // Applying the fix — 50,000 less from the regions, as much from the State instead — silences the rule.
        var fixed = budget
        let regions = try #require(fixed.resources.firstIndex { $0.id == "regions" })
        fixed.resources[regions].amount = try fixed.resources[regions].amount - Money(major: 50_000)
        fixed.resources.append(.line(.state, 50_000, id: "state-instead"))
        #expect(try RuleVerifier.diagnostics(of: MatchingFundsRule(), on: fixed, catalog: RegionalFunder.catalog).isEmpty)
    }

    @Test("Mecabourg 2013: 50,000 from the region against 95,000 of fees — nothing to report")
    func mecabourg() throws {
        #expect(try RuleVerifier.diagnostics(of: MatchingFundsRule(), on: memento("mecabourg-2013"), catalog: RegionalFunder.catalog).isEmpty)
    }

    @Test("It runs with a built-in preset, whose diagnostics stay as they were")
    func withPreset() throws {
        let budget = try memento("cosmetic-valley-2013")
        let preset = try Engine(ruleSet: .pole, catalog: RegionalFunder.catalog).check(CheckedBudget(budget, catalog: RegionalFunder.catalog)).diagnostics
        let extended = try Engine(ruleSet: RegionalFunder.ruleSet(.pole), catalog: RegionalFunder.catalog).check(CheckedBudget(budget, catalog: RegionalFunder.catalog)).diagnostics
        #expect(extended.filter { $0.ruleID != MatchingFundsRule.description.id } == preset)
        #expect(extended.contains { $0.ruleID == "example-region/matching-funds" })
        #expect(preset.contains { $0.ruleID == "membership-fee-floor" }, "Cosmetic Valley's fees are 9.2% of resources")
    }

    @Test("A configuration file tunes it like a built-in rule")
    func configured() throws {
        let configuration = try Configuration(data: Data("""
            { "rules": { "example-region/matching-funds": { "severity": "error", "parameters": { "matchPercent": 120 } } } }
            """.utf8), file: "regional.json")
        let rules = try configuration.apply(to: RegionalFunder.ruleSet(.pole))
        let found = try Engine(ruleSet: rules, catalog: RegionalFunder.catalog).check(CheckedBudget(memento("cosmetic-valley-2013"), catalog: RegionalFunder.catalog)).diagnostics
        let diagnostic = try #require(found.first { $0.ruleID == "example-region/matching-funds" })
        // 120% of 200,000 is 240,000: the regions' 250,000 are 10,000 over, now an error.
        #expect(diagnostic.severity == .error && diagnostic.remediation?.amount == Money(major: 10_000))
        #expect(throws: InputError.self) {
            try Configuration(data: Data(#"{ "rules": { "example-region/matching-funds": { "parameters": { "matchPercent": "all" } } } }"#.utf8))
                .apply(to: RegionalFunder.ruleSet(.pole))
        }
    }
}

@Suite("The purchasing rebate, a revenue source of this package")
struct PurchasingRebateTests {
    @Test("Built-in rules count it as private cash: Mecabourg's billed revenue rises from 12.1% to 15%")
    func countedAsBilledRevenue() throws {
        var budget = try memento("mecabourg-2013")
        let billed = { (budget: Budget) in
            try Engine(ruleSet: .grappe, catalog: RegionalFunder.catalog).check(CheckedBudget(budget, catalog: RegionalFunder.catalog)).diagnostics
                .first { $0.ruleID == "billed-revenue-floor" }?.measured
        }
        // 35,000 of participations of 290,000.
        #expect(try billed(budget) == .share(Share(35_000, over: 290_000)))
        budget.resources.append(.line(.purchasingRebate, 10_000, id: "rebate"))
        budget.expenses[0].amount = try budget.expenses[0].amount + Money(major: 10_000)
        // 45,000 of 300,000: still under the 20% floor, the rebate counted.
        #expect(try billed(budget) == .share(Share(15, over: 100)))
        let metrics = try CheckedBudget(budget, catalog: RegionalFunder.catalog).metrics
        #expect(metrics.privateCash.amount == Money(major: 140_000))
        #expect(metrics.total(of: .purchasingRebate).amount == Money(major: 10_000))
    }

    @Test("Without this package's catalogue, a budget naming it is an input error")
    func unknownElsewhere() {
        let budget = Budget.balanced(ClusterProfile(name: "x"), resources: [.line(.purchasingRebate, 1)])
        #expect(throws: InputError.self) { try CheckedBudget(budget, catalog: .builtIn) }
        #expect(Catalog.builtIn.source(.purchasingRebate) == nil && Catalog.builtIn.regime(.workingConditionsFund) == nil)
    }
}

@Suite("The working-conditions fund, a funding regime of this package")
struct WorkingConditionsFundTests {
    /// A pôle's budget with one category C action under the fund, `fund` of its 40,000 paid by the fund.
    func budget(fund: Int64) -> Budget {
        Budget(
            cluster: ClusterProfile(name: "Pôle Exemple", kind: .pole), year: 2014,
            resources: [
                .line(.otherPublic, fund, id: "fact", funder: "FACT", action: "working-conditions"),
                .line(.actionParticipation, 40_000 - fund, id: "companies", action: "working-conditions"),
            ],
            expenses: [
                ExpenseLine(id: "working-conditions", amount: Money(major: 40_000), category: .c, regime: .workingConditionsFund)
            ])
    }

    @Test("The built-in mission-category-cap holds an action to the fund's 75%: 32,000 of 40,000 is 2,000 over")
    func heldToItsCeiling() throws {
        let engine = Engine(ruleSet: try RegionalFunder.ruleSet(.pole), catalog: RegionalFunder.catalog)
        let over = try engine.check(CheckedBudget(budget(fund: 32_000), catalog: RegionalFunder.catalog)).diagnostics.filter { $0.ruleID == "mission-category-cap" }
        let diagnostic = try #require(over.first)
        #expect(diagnostic.lines.contains("working-conditions"))
        #expect(diagnostic.remediation?.amount == Money(major: 2_000))
        #expect(try engine.check(CheckedBudget(budget(fund: 30_000), catalog: RegionalFunder.catalog)).diagnostics.filter { $0.ruleID == "mission-category-cap" }.isEmpty)
    }

    @Test("Its ceiling: 75% of the action's cost, no valued time")
    func ceiling() throws {
        let budget = budget(fund: 30_000)
        let context = RegimeContext(budget: budget, catalog: RegionalFunder.catalog)
        let ceiling = try #require(WorkingConditionsFund().ceiling(for: budget.expenses[0], in: context))
        #expect(ceiling.maximum(forCost: Money(major: 40_000)) == Money(major: 30_000))
        #expect(!WorkingConditionsFund().allowsValuedTime)
    }
}

@Suite("The package's catalogue")
struct CatalogTests {
    @Test("It holds the standard catalogue and this package's source and regime, under ids of their own")
    func catalogue() {
        let catalog = RegionalFunder.catalog
        #expect(catalog.sourceIDs == Catalog.builtIn.sourceIDs + [.purchasingRebate])
        #expect(catalog.regimeIDs == Catalog.builtIn.regimeIDs + [.workingConditionsFund])
    }
}
