import ClusterKitCore
import ClusterRules
import Foundation
import Testing
import TestSupport

/// The memento's vigilance points on the revenue mix: ERDF, events, sponsoring, satellites, critical mass,
/// collective actions.
@Suite("Revenue mix: vigilance points")
struct RevenueMixGuidanceTests {
    @Test("Cosmetic Valley 2013 gets event-risk, a note: 403,000 of events, 18.6% of 2,169,500")
    func cosmeticValleyEvents() throws {
        let budget = try exampleBudget("cosmetic-valley-2013")
        let report = try check(budget, with: .pole)
        let events = try #require(report.diagnostics.first { $0.ruleID == "event-risk" })
        #expect(events.severity == .note, "« une manne potentielle »; Cosmetic Valley is the memento's « palette complète »")
        #expect(events.measuredShare == Share(403_000, over: 2_169_500))
        #expect(events.threshold == .share(Share(percent: 10)))
        #expect(events.lines == ["events"])
        #expect(events.message.rendered(in: .english).contains("18.6%"))
        #expect(events.message.rendered(in: .french).contains("18,6\u{00A0}%"))
        #expect(events.citation == Memento.events)

        // Outsourcing (the primary fix) takes (403,000 − 216,950) / 90% out of the budget.
        let out = try #require(events.remediation?.amount)
        #expect(out == Money(minorUnits: 20_672_223))
        #expect(try diagnostics(of: "event-risk", on: budget.setting("events", to: try Money(major: 403_000).subtracting(out))).isEmpty)
        var notEnough = try budget.setting("events", to: try Money(major: 403_000).subtracting(out))
        notEnough = try notEnough.setting("events", to: try notEnough.resources[9].amount.adding(Money(minorUnits: 1)))
        #expect(!(try diagnostics(of: "event-risk", on: notEnough)).isEmpty, "one cent more of events is over 10% again")
        // Or keep the events and grow the rest: 403,000 / 10% − 2,169,500.
        let grow = try #require(events.remediation?.alternatives.first?.amount)
        #expect(grow == Money(major: 1_860_500))
        #expect(try diagnostics(of: "event-risk", on: budget.adding(.line(.region, 1_860_500, id: "more"))).isEmpty)

        // Its 40,000 of sponsoring state no sponsor terms: nothing to say about conflicts; no success fee.
        for silent in ["sponsorship-conflict", "success-fee-reliance", "success-fee-framework", "satellite-entity"] {
            #expect(!ruleIDs(report).contains(silent), "\(silent) on Cosmetic Valley")
        }
        // Its events are carried before they are paid (p. 52, « le besoin de fonds de roulement »): 403,000 of 2,169,500.
        let carried = try #require(report.diagnostics.first { $0.ruleID == "erdf-working-capital" })
        #expect(carried.measuredShare == Share(403_000, over: 2_169_500))
        #expect(!carried.message.rendered(in: .english).contains("European"), "no European funds, no word of them")
    }

    @Test("Mecabourg 2013: the SAS AinGIL gets satellite-entity; no event, success fee or sponsor to report")
    func mecabourg() throws {
        let report = try check(try exampleBudget("mecabourg-2013"), with: .grappe)
        let satellite = try #require(report.diagnostics.first { $0.ruleID == "satellite-entity" })
        #expect(satellite.severity == .note)
        #expect(satellite.message.rendered(in: .english).hasPrefix("AinGIL (SAS)"))
        for silent in ["event-risk", "success-fee-framework", "success-fee-reliance", "sponsorship-conflict", "erdf-working-capital"] {
            #expect(!ruleIDs(report).contains(silent), "\(silent) on Mecabourg")
        }
        #expect(!ruleIDs(report).contains("collective-action-balance"), "opt-in: not in the grappe preset")
    }

    @Test("service-critical-mass: 60 members at 10% give 6 clients; it takes 100 members for 10")
    func criticalMass() throws {
        var budget = try exampleBudget("mecabourg-2013")
        budget.cluster.services = [ServiceOffer(id: "veille", label: "Veille spécifique")]
        let found = try #require(try diagnostics(of: "service-critical-mass", on: budget).first)
        #expect(found.measured == .count(6))
        #expect(found.threshold == .count(10))
        let english = found.message.rendered(in: .english)
        #expect(english.contains("6 clients") && english.contains("100 members, 40 more"))
        // Applying it: with the 40 members it asks for, the service reaches its 10 clients.
        budget.cluster.members = 100
        #expect(try diagnostics(of: "service-critical-mass", on: budget).isEmpty)
        budget.cluster.members = 99
        let almost = try #require(try diagnostics(of: "service-critical-mass", on: budget).first)
        #expect(almost.message.rendered(in: .english).contains("9.9 clients"))
        #expect(almost.message.rendered(in: .french).contains("9,9 clients"))
        // Nobody expected to buy it: no number of members is enough.
        budget.cluster.services = [ServiceOffer(id: "niche", uptake: .zero)]
        #expect(try diagnostics(of: "service-critical-mass", on: budget).first?.message.id == "service-critical-mass.no-uptake")
        // Members unknown: nothing to compute.
        budget.cluster.members = nil
        #expect(try diagnostics(of: "service-critical-mass", on: budget).isEmpty)
    }

    @Test("sponsorship-conflict: a member sponsor is reported with the amount to find elsewhere")
    func sponsorship() throws {
        var budget = try exampleBudget("cosmetic-valley-2013")
        budget.resources[10].sponsor = SponsorTerms(isMember: true, directInterest: true)
        let found = try #require(try diagnostics(of: "sponsorship-conflict", on: budget).first)
        #expect(found.lines == ["sponsorship"])
        #expect(found.remediation?.amount == Money(major: 40_000))
        #expect(found.message.rendered(in: .english).contains("is a member and has a direct interest"))
        budget.resources[10].sponsor = SponsorTerms()
        #expect(try diagnostics(of: "sponsorship-conflict", on: budget).isEmpty, "the same 40,000 from a sponsor with no stake")
    }

    @Test("erdf-working-capital: Aerospace Valley 2024–2025's 1,170,000 of EU projects passed on still carried: 22.7% of income, « inféré »")
    func passedOnStillCarried() throws {
        let budget = try exampleBudget("aerospace-valley-2024-2025")
        let found = try #require(try diagnostics(of: "erdf-working-capital", on: budget).first)
        #expect(found.measuredShare == Share(1_170_000, over: 5_151_000))
        #expect(found.measuredShare?.rounded(toPlaces: 3) == Decimal(string: "0.227"))
        #expect(found.message.rendered(in: .french).contains("entièrement reversés aux partenaires (inféré)"))
        #expect(found.message.rendered(in: .french).contains("contraintes administratives"))
    }

    @Test("erdf-working-capital: reserves that cover what is carried, and reserves that cover part of it")
    func reserves() throws {
        var budget = try exampleBudget("mecabourg-2013").adding(.line(.erdf, 110_000, id: "feder"))
        budget.reserves = Money(major: 110_000)
        let covered = try #require(try diagnostics(of: "erdf-working-capital", on: budget).first)
        #expect(covered.message.id == "erdf-working-capital.covered")
        budget.reserves = Money(major: 44_000)
        let short = try #require(try diagnostics(of: "erdf-working-capital", on: budget).first)
        #expect(short.message.id == "erdf-working-capital.short")
        // 44,000 of 110,000: 40%.
        #expect(short.message.rendered(in: .english).contains("cover 40% of it"))
    }

    @Test("erdf-working-capital: services billed beyond their forecast on realised accounts are carried too")
    func servicesGrowth() throws {
        let budget = Budget(
            cluster: exampleClusterForTests(), year: 2013,
            resources: [.line(.services, 60_000, id: "services"), .line(.region, 40_000, id: "region")],
            expenses: [ExpenseLine(id: "operating", amount: Money(major: 100_000), nature: .operating)],
            statement: .realised, forecast: ["services": Money(major: 45_000), "region": Money(major: 40_000)])
        let found = try #require(try diagnostics(of: "erdf-working-capital", on: budget).first)
        #expect(found.measuredShare == Share(15_000, over: 100_000))
        #expect(found.lines == ["services"])
    }

    @Test("erdf-working-capital: a note with the ERDF's share")
    func erdf() throws {
        let budget = try exampleBudget("mecabourg-2013").adding(.line(.erdf, 110_000, id: "feder"))
        let found = try #require(try diagnostics(of: "erdf-working-capital", on: budget).first)
        #expect(found.severity == .note)
        #expect(found.measuredShare == Share(110_000, over: 400_000))
        #expect(found.lines == ["feder"])
        #expect(found.message.rendered(in: .french).contains("fonds de roulement"))
    }

    @Test("collective-action-balance (opt-in): only in `all`; the shortfall, once found, balances the action")
    func collectiveAction() throws {
        #expect(!Preset.grappe.ruleIDs.contains("collective-action-balance"))
        #expect(Preset.all.ruleIDs.contains("collective-action-balance"))

        let plab = try exampleBudget("plab-2013")
        #expect(try check(plab, with: .all).diagnostics.allSatisfy { $0.ruleID != "collective-action-balance" },
                "PLAB seeks the balance of each collective action")
        // Take 15,000 of participations away: the action is short by as much.
        let short = try plab.setting("training-participations", to: Money(major: 50_000))
        let found = try #require(try check(short, with: .all).diagnostics.first { $0.ruleID == "collective-action-balance" })
        #expect(found.severity == .warning)
        #expect(found.measuredShare == Share(105_000, over: 120_000))
        #expect(found.lines == ["training", "training-participations", "training-subsidy"], "the engine sorts line ids")
        let amount = try #require(found.remediation?.amount)
        #expect(amount == Money(major: 15_000))
        let fixed = short.adding(ResourceLine(id: "extra", source: .actionParticipation, amount: amount, action: "training"))
        #expect(try diagnostics(of: "collective-action-balance", on: fixed).isEmpty)
    }
}

/// A grappe founded in 2005 with 80 members, for budgets built in tests.
func exampleClusterForTests() -> ClusterProfile {
    ClusterProfile(name: "Example", kind: .grappe, founded: 2005, members: 80)
}
