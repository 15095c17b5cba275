import ClusterKitCore
import ClusterRules
import Foundation
import Testing
import TestSupport

/// The memento's guidance added in the third turn: pôles after 2016, each service's cost and margin, the GBER's end,
/// the words of realised accounts.
@Suite("Guidance added: pôles after 2016, service economics, the GBER's end, realised wording")
struct GuidanceAdditionsTests {
    /// A pôle's budget of `year`, balanced, with `privateAmount` of fees over a total of 1,000,000.
    func pole(_ year: Int, privateAmount: Int64) -> Budget {
        var budget = Budget.balanced(
            ClusterProfile(name: "Pôle test", kind: .pole, founded: 2005, members: 200),
            resources: [.line(.membershipFees, privateAmount), .line(.region, 1_000_000 - privateAmount)])
        budget.year = year
        return budget
    }

    @Test("pole-private-majority: a pôle after 2016 not over half private gets a note; at 50.01% or in 2016, none")
    func poleMajority() throws {
        let found = try #require(try diagnostics(of: "pole-private-majority", on: pole(2020, privateAmount: 480_000)).first)
        #expect(found.severity == .note)
        #expect(found.measuredShare == Share(48, over: 100))
        #expect(found.message.rendered(in: .french).contains("financement privé majoritaire à moyen terme"))
        // Exactly half is balanced, not a majority.
        #expect(!(try diagnostics(of: "pole-private-majority", on: pole(2020, privateAmount: 500_000))).isEmpty)
        #expect(try diagnostics(of: "pole-private-majority", on: pole(2020, privateAmount: 500_100)).isEmpty)
        #expect(try diagnostics(of: "pole-private-majority", on: pole(2016, privateAmount: 400_000)).isEmpty, "2016: the balance's year")
        var grappe = pole(2020, privateAmount: 400_000)
        grappe.cluster.kind = .grappe
        #expect(try diagnostics(of: "pole-private-majority", on: grappe).isEmpty, "pôles only")
    }

    @Test("pole-private-majority: in the pole preset, not in grappe's")
    func poleMajorityPresets() {
        #expect(Preset.pole.ruleIDs.contains("pole-private-majority"))
        #expect(!Preset.grappe.ruleIDs.contains("pole-private-majority"))
    }

    @Test("service-economics: a margin, a net cost, a free service at its real cost, and the services without a cost")
    func serviceEconomics() throws {
        var budget = Budget.balanced(
            ClusterProfile(name: "Grappe test", kind: .grappe, founded: 2005, members: 120),
            resources: [.line(.services, 70_000), .line(.membershipFees, 30_000), .line(.region, 100_000)])
        budget.cluster.services = [
            ServiceOffer(id: "export", label: "Club export", revenue: Money(major: 40_000), cost: Money(major: 31_500)),
            ServiceOffer(id: "watch", label: "Veille", revenue: Money(major: 30_000), cost: Money(major: 42_000)),
            ServiceOffer(id: "helpdesk", label: "Conseil de premier niveau", revenue: Money(major: 0), cost: Money(major: 18_000)),
            ServiceOffer(id: "training", label: "Formation"),
        ]
        let found = try diagnostics(of: "service-economics", on: budget)
        #expect(found.map(\.message.id.rawValue) == [
            "service-economics.margin", "service-economics.net-cost", "service-economics.free", "service-economics.unknown",
        ])
        #expect(found.allSatisfy { $0.severity == .note })
        // 40,000 − 31,500; 42,000 − 30,000; the free one's whole cost.
        #expect(found[0].measured == .money(Money(major: 8_500)))
        #expect(found[1].measured == .money(Money(major: 12_000)))
        #expect(found[2].measured == .money(Money(major: 18_000)))
        #expect(found[3].measured == .count(1))
        #expect(found[1].message.rendered(in: .french).contains("un coût net de 12\u{202F}000,00\u{00A0}€"))
        #expect(found[3].message.rendered(in: .english).contains("« Formation »"))
    }

    @Test("service-economics: the amounts are read from the file, in its currency")
    func serviceAmountsDecoded() throws {
        let json = """
            { "format": "clusterkit.budget/1", "cluster": { "name": "T", "kind": "grappe",
              "services": [ { "id": "s", "label": "Veille", "revenue": 30000, "cost": "42000.50" } ] },
              "year": 2013, "currency": "CHF",
              "resources": [ { "id": "r", "source": "region", "amount": 100 } ],
              "expenses": [ { "id": "e", "amount": 100 } ], "reserves": 5000 }
            """
        let budget = try BudgetDecoder().decode(Data(json.utf8)).budget
        #expect(budget.cluster.services[0].cost == Money(minorUnits: 4_200_050, currency: "CHF"))
        #expect(budget.cluster.services[0].revenue == Money(minorUnits: 3_000_000, currency: "CHF"))
        #expect(budget.reserves == Money(minorUnits: 500_000, currency: "CHF"))
        let again = try BudgetDecoder().decode(try JSONEncoder().encode(budget)).budget
        #expect(again == budget)
    }

    @Test("The GBER (art. 27) applies until 31 December 2026: a 2027 budget gets no ceiling from it, and a note that says so")
    func gberEnd() throws {
        let regime = try #require(Catalog.builtIn.regime(.gberInnovationClusterOperating) as? StateAidRegime)
        var budget = Budget(
            cluster: ClusterProfile(name: "Pôle test", kind: .pole, founded: 2005, members: 200), year: 2026,
            resources: [.line(.region, 50_000), .line(.membershipFees, 50_000)],
            expenses: [ExpenseLine(id: "animation", amount: Money(major: 100_000), nature: .operating, regime: .gberInnovationClusterOperating)])
        #expect(regime.ceiling(for: budget.expenses[0], in: RegimeContext(budget: budget, catalog: .builtIn)) != nil)
        #expect(try diagnostics(of: "uncategorized-action", on: budget).isEmpty)
        budget.year = 2027
        #expect(regime.ceiling(for: budget.expenses[0], in: RegimeContext(budget: budget, catalog: .builtIn)) == nil)
        let ended = try #require(try diagnostics(of: "uncategorized-action", on: budget).first)
        #expect(ended.message.id == "uncategorized-action.ended")
        #expect(ended.message.rendered(in: .french).contains("applicable jusqu'au 31 décembre 2026"))
        #expect(ended.message.rendered(in: .english).contains("applicable until 31 December 2026"))
        // A fiscal year April 2026 – March 2027 starts before the end: still under the GBER.
        budget.period = FiscalPeriod(start: CalendarDate(year: 2026, month: 4, day: 1)!, end: CalendarDate(year: 2027, month: 3, day: 31)!)
        #expect(regime.ceiling(for: budget.expenses[0], in: RegimeContext(budget: budget, catalog: .builtIn)) != nil)
    }

    @Test("Realised accounts in French: « produits » and « charges » in the rules' messages, « ressources » in a forecast")
    func realisedWording() throws {
        let accounts = try exampleBudget("aerospace-valley-2024-2025")
        let coverage = try #require(try diagnostics(of: "animation-cost-coverage", on: accounts).first)
        let french = coverage.message.rendered(in: .french)
        #expect(french.contains("produits privés") && french.contains("charges de fonctionnement"))
        #expect(!french.contains("ressources") && !french.contains("dépenses"))
        #expect(coverage.message.rendered(in: .english).contains("Private cash resources"))
        let forecast = try exampleBudget("mecabourg-2013")
        for diagnostic in try check(forecast, with: .all).diagnostics {
            #expect(!diagnostic.message.rendered(in: .french).contains("produits privés"))
        }
    }

    @Test("A template as a reference prints it: placeholders kept, a word chosen by a number in both forms")
    func readableTemplate() {
        let template = MessageTemplate(id: "t.t", english: "{count} expense {count|line has|lines have} no {what}.", french: "{count} {count|ligne|lignes}.")
        #expect(template.readable(in: .english) == "{count} expense line has/lines have no {what}.")
        #expect(template.readable(in: .french) == "{count} ligne/lignes.")
    }

    @Test("\"passThrough\": \"inferred\" passes the money on, and says so; any other word is an error naming the field")
    func inferredPassThrough() throws {
        let budget = try exampleBudget("aerospace-valley-2024-2025")
        let line = try #require(budget.resources.first { $0.source == .erdf })
        #expect(line.passThrough && line.passThroughInferred)
        let text = String(decoding: try JSONEncoder().encode(budget), as: UTF8.self)
        #expect(text.contains("\"passThrough\":\"inferred\""))
        let bad = """
            { "format": "clusterkit.budget/1", "cluster": { "name": "T" }, "year": 2013,
              "resources": [ { "id": "r", "source": "erdf", "amount": 100, "action": "e", "passThrough": "maybe" } ],
              "expenses": [ { "id": "e", "amount": 100 } ] }
            """
        #expect(throws: (any Error).self) { try BudgetDecoder().decode(Data(bad.utf8)) }
    }
}
