import ClusterKitCore
import ClusterRules
import Foundation
import Testing
import TestSupport

/// The memento's case studies with figures — EMC2, Atlanpack, PLAB — and what the rules must and must not say of
/// them, asserting the memento's own figures.
@Suite("Case studies: EMC2, Atlanpack, PLAB")
struct CaseStudyGuidanceTests {
    @Test("EMC2 2013: 1,560 k€, the 90 k€ the listed resources leave inferred private, so 55.1% gross as the memento's 55 %")
    func emc2Figures() throws {
        let budget = try exampleBudget("emc2-2013")
        let metrics = try CheckedBudget(budget).metrics
        #expect(metrics.totalResources == Money(major: 1_560_000), "« Budget du cluster 2013 : 1,560 M€ »")
        #expect(metrics.totalExpenses == Money(major: 1_560_000))
        #expect(budget.provenance?.notes?.contains("Inferred, not published") == true, "the 90 k€, in the notes")
        #expect(budget.cluster.declared?.selfFinancing == Share(percent: 55), "« Niveau d'autofinancement 2013 : 55 % »")
        #expect(budget.cluster.targets == FundingTargets(
            privateShare: Share(percent: 55), basis: .gross, source: budget.cluster.targets?.source), "« 55 % visé à moyen terme », no date")
        // 180 + 130 + 250 + 210 listed, and the 90 k€ left: 860 k€.
        #expect(metrics.privateResources.amount == Money(major: 860_000))
        #expect(metrics.inKindResources.amount == Money(major: 310_000), "secondment and time")
        #expect(metrics.total(of: .memberTime).amount == Money(major: 130_000))
        #expect(metrics.selfFinancingGross == Share(860, over: 1_560), "55.1%")
        #expect(metrics.selfFinancingGross?.rounded(toPlaces: 3) == Decimal(string: "0.551"))
        #expect(metrics.selfFinancingNet == Share(550, over: 1_250), "44% in cash")
    }

    @Test("EMC2 2013: no finding the memento does not support; valued time silent by default, 19.9% with secondments")
    func emc2Diagnostics() throws {
        let budget = try exampleBudget("emc2-2013")
        let report = try check(budget, with: .pole)
        for silent in [
            "budget-balance", "declared-figures", "valued-time-ceiling", "funder-dependency", "event-risk",
            "success-fee-reliance", "success-fee-framework", "public-private-balance",
        ] {
            #expect(!ruleIDs(report).contains(silent), "\(silent) on EMC2")
        }
        #expect(try diagnostics(of: "valued-time-ceiling", on: budget).isEmpty, "130 of 1,560 k€ of members' time, 8.3%")
        let time = try #require(
            try diagnostics(of: "valued-time-ceiling", on: budget, parameters: ["includeSecondments": .boolean(true)]).first)
        #expect(time.measuredShare == Share(310, over: 1_560), "19.9% of valued time and secondment")
        #expect(time.message.rendered(in: .english).contains("19.9%"))
        let fees = try #require(report.diagnostics.first { $0.ruleID == "membership-fee-floor" })
        #expect(fees.message.rendered(in: .english).contains("13.5%"), "210 of 1,560 k€")
        let profile = try #require(report.diagnostics.first { $0.ruleID == "cluster-profile" })
        #expect(profile.message.id == ClusterProfileMapRule.Placement.buzzingHive.messageID, "250 members, 55.1% gross")
        #expect(ruleIDs(report).contains("pole-benchmark"))
        // Its own 55 % « à moyen terme » is met: 55.1 %, the memento's figure (no 52.4 % < 55 % warning).
        #expect(!ruleIDs(report).contains("public-private-balance"))
    }

    @Test("Atlanpack 2013: 420 k€, fees of about 50 k€ (11.9%) get membership-fee-floor; billed revenue is enough")
    func atlanpack() throws {
        let budget = try exampleBudget("atlanpack-2013")
        let metrics = try CheckedBudget(budget).metrics
        #expect(metrics.totalResources == Money(major: 420_000))
        #expect(metrics.total(of: .services).amount == Money(major: 45_000))
        let report = try check(budget, with: .grappe)
        let fees = try #require(report.diagnostics.first { $0.ruleID == "membership-fee-floor" })
        #expect(fees.measuredShare == Share(50, over: 420))
        #expect(fees.message.rendered(in: .english).contains("11.9%"))
        // Whatever the split of the private half the memento does not itemise, 210 − 50 = 160 k€ is billed: 38.1%.
        #expect(!ruleIDs(report).contains("billed-revenue-floor"))
        let profile = try #require(report.diagnostics.first { $0.ruleID == "cluster-profile" })
        #expect(profile.message.id == ClusterProfileMapRule.Placement.buzzingHive.messageID, "80 members, « proche de 50 % »")
        let factors = try #require(report.diagnostics.first { $0.ruleID == "consolidation-factors" })
        #expect(factors.measured == .count(2), "16 years, 80 members; monitoring not stated")
        for silent in ["budget-balance", "valued-time-ceiling", "success-fee-framework", "collective-action-balance"] {
            #expect(!ruleIDs(report).contains(silent), "\(silent) on Atlanpack")
        }
    }

    @Test("PLAB 2013: 94 members, 54% — a buzzing hive whose favourable variables all hold and whose collective action balances")
    func plab() throws {
        let budget = try exampleBudget("plab-2013")
        let metrics = try CheckedBudget(budget).metrics
        #expect(metrics.selfFinancingGross == Share(percent: 54), "the memento's « 54 % »")
        #expect(budget.cluster.members == 94 && budget.cluster.enterprises == 87 && budget.age == 21)
        let report = try check(budget, with: .all)
        let profile = try #require(report.diagnostics.first { $0.ruleID == "cluster-profile" })
        #expect(profile.message.id == ClusterProfileMapRule.Placement.buzzingHive.messageID)
        for silent in ["consolidation-factors", "collective-action-balance", "budget-balance", "membership-fee-floor", "public-private-balance"] {
            #expect(!ruleIDs(report).contains(silent), "\(silent) on PLAB")
        }
    }
}
