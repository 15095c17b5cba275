import ClusterKitCore
import ClusterRules
import Foundation
import Testing
import TestSupport

/// The memento's case studies with figures — EMC2, Atlanpack, PLAB — and what the rules must and must not say of
/// them, asserting the memento's own figures.
@Suite("Case studies: EMC2, Atlanpack, PLAB")
struct CaseStudyGuidanceTests {
    @Test("EMC2 2013: the listed resources sum to 1,470 k€ of a 1,560 k€ budget; the file covers the listed ones")
    func emc2Figures() throws {
        let budget = try exampleBudget("emc2-2013")
        let metrics = try CheckedBudget(budget).metrics
        #expect(metrics.totalResources == Money(major: 1_470_000), "700 + 180 + 130 + 250 + 210 k€")
        #expect(metrics.totalExpenses == Money(major: 1_470_000), "the memento does not say what the other 90 k€ are")
        #expect(budget.provenance?.notes?.contains("1,560 k€") == true, "the budget the memento gives, in the notes")
        #expect(budget.cluster.declared == nil, "the « 55 % » is a share of the 1,560 k€, not of the listed resources")
        #expect(budget.cluster.targets == FundingTargets(
            privateShare: Share(percent: 55), basis: .gross, source: budget.cluster.targets?.source), "« 55 % visé à moyen terme », no date")
        #expect(metrics.privateResources.amount == Money(major: 770_000))
        #expect(metrics.inKindResources.amount == Money(major: 310_000), "secondment and time")
        #expect(metrics.total(of: .memberTime).amount == Money(major: 130_000))
        #expect(metrics.selfFinancingGross == Share(770, over: 1_470), "52.4%")
        #expect(metrics.selfFinancingNet == Share(460, over: 1_160), "39.7% in cash")
    }

    @Test("EMC2 2013: no finding the memento does not support; valued time silent by default, 21.1% with secondments")
    func emc2Diagnostics() throws {
        let budget = try exampleBudget("emc2-2013")
        let report = try check(budget, with: .pole)
        for silent in [
            "budget-balance", "declared-figures", "valued-time-ceiling", "funder-dependency", "event-risk",
            "success-fee-reliance", "success-fee-framework",
        ] {
            #expect(!ruleIDs(report).contains(silent), "\(silent) on EMC2")
        }
        #expect(try diagnostics(of: "valued-time-ceiling", on: budget).isEmpty, "130 of 1,470 k€ of members' time, 8.8%")
        let time = try #require(
            try diagnostics(of: "valued-time-ceiling", on: budget, parameters: ["includeSecondments": .boolean(true)]).first)
        #expect(time.measuredShare == Share(310, over: 1_470), "21.1% of valued time and secondment")
        #expect(time.message.rendered(in: .english).contains("21.1%"))
        let fees = try #require(report.diagnostics.first { $0.ruleID == "membership-fee-floor" })
        #expect(fees.message.rendered(in: .english).contains("14.3%"), "210 of 1,470 k€")
        let billed = try #require(report.diagnostics.first { $0.ruleID == "billed-revenue-floor" })
        #expect(billed.measuredShare == Share(250, over: 1_470))
        let profile = try #require(report.diagnostics.first { $0.ruleID == "cluster-profile" })
        #expect(profile.message.id == ClusterProfileMapRule.Placement.buzzingHive.messageID, "250 members, 52.4% gross")
        #expect(ruleIDs(report).contains("pole-benchmark"))
        // Its own 55% « à moyen terme », undated, comes before the pôles' 50% by 2016: 52.4% is under it.
        let balance = try #require(report.diagnostics.first { $0.ruleID == "public-private-balance" })
        #expect(balance.message.id == "public-private-balance.under-undated")
        #expect(balance.threshold == .share(Share(percent: 55)))
        #expect(balance.severity == .note, "« à moyen terme », no date: a note, never a shortfall")
        #expect(!balance.message.rendered(in: .english).contains("2016"))
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
