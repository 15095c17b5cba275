import ClusterKitCore
import ClusterRules
import Foundation
import Testing
import TestSupport

/// The working group's caution on success fees (« Le recours aux success fees »).
@Suite("Success fees")
struct SuccessFeeRulesTests {
    @Test("The done-when grappe gets reliance (8%), proportion (40%), framework, and requalification as an error (45%)")
    func doneWhen() throws {
        let budget = successFeeGrappe()
        let metrics = try CheckedBudget(budget).metrics
        #expect(metrics.totalResources == Money(major: 1_000_000))
        #expect(metrics.selfFinancingGross == Share(percent: 53))

        let report = try check(budget, with: .grappe)
        let reliance = try #require(report.diagnostics.first { $0.ruleID == "success-fee-reliance" })
        #expect(reliance.severity == .warning)
        #expect(reliance.measuredShare == Share(percent: 8))
        #expect(reliance.threshold == .share(Share(percent: 5)))
        #expect(reliance.lines == ["success-fees"])
        #expect(reliance.message.rendered(in: .english).contains("8%"))

        let proportion = try #require(report.diagnostics.first { $0.ruleID == "success-fee-proportion" })
        #expect(proportion.severity == .warning)
        #expect(proportion.measuredShare == Share(percent: 40))
        #expect(proportion.threshold == .share(Share(percent: 25)))
        #expect(proportion.remediation?.amount == Money(major: 30_000), "80,000 − 25% × 200,000")
        #expect(proportion.remediation?.alternatives.first?.amount == Money(major: 120_000), "a fixed fee of 320,000")

        let framework = try #require(report.diagnostics.first { $0.ruleID == "success-fee-framework" })
        #expect(framework.severity == .note)
        #expect(framework.message.rendered(in: .english).contains("DGCIS"))
        #expect(framework.message.id == "success-fee-framework.present", "fees on public calls only: no commission")

        let requalification = try #require(report.diagnostics.first { $0.ruleID == "success-fee-requalification" })
        #expect(requalification.severity == .error, "53% private, 45% with the fees counted as public: the 50/50 result flips")
        #expect(requalification.measuredShare == Share(percent: 45))
        #expect(requalification.threshold == .share(Share(percent: 50)))
        #expect(requalification.lines == ["success-fees"])
        let message = requalification.message.rendered(in: .english)
        #expect(message.contains("53%") && message.contains("45%"))
        #expect(requalification.message.rendered(in: .french).contains("45\u{00A0}%"))
        #expect(requalification.remediation?.amount == Money(major: 100_000), "(50% × 1,000,000 − 450,000) / 50%")
        #expect(requalification.remediation?.alternatives.first?.amount == Money(major: 50_000))
        #expect(!ruleIDs(report).contains("public-private-balance"), "53% as budgeted passes the 50/50 target")
    }

    @Test("Requalification is a warning when the result does not flip, in either direction")
    func requalificationWarning() throws {
        // Still over 50% once the fees count as public.
        let comfortable = try successFeeGrappe().setting("fees", to: Money(major: 400_000))
        let stays = try #require(try diagnostics(of: "success-fee-requalification", on: comfortable).first)
        #expect(stays.severity == .warning)
        #expect(stays.measuredShare == Share(55_000, over: 110_000), "550,000 of 1,100,000")
        #expect(stays.remediation == nil, "nothing to fix in money: the target holds either way")

        // Already under 50% as budgeted: the 50/50 rule reports it; requalification stays a warning.
        let under = try successFeeGrappe().setting("fees", to: Money(major: 200_000))
        let warning = try #require(try diagnostics(of: "success-fee-requalification", on: under).first)
        #expect(warning.severity == .warning)
        #expect(warning.measuredShare == Share(350_000, over: 900_000))
    }

    @Test("The cluster's own target and the net basis are used")
    func targetAndBasis() throws {
        // With a 60% target of its own, a cluster at 60.8% (730,000 of 1,200,000) falling to 54.2% flips.
        var budget = try successFeeGrappe().setting("fees", to: Money(major: 500_000))
        budget.cluster.targets = FundingTargets(privateShare: Share(percent: 60))
        let own = try #require(try diagnostics(of: "success-fee-requalification", on: budget).first)
        #expect(own.severity == .error)
        #expect(own.threshold == .share(Share(percent: 60)))
        // A rule set that names a target overrides the cluster's.
        let named = try diagnostics(of: "success-fee-requalification", on: budget, parameters: ["target": .share(Share(percent: 50))])
        #expect(named.first?.severity == .warning)

        // Where valued time is not allowed, the share is net: in-kind time leaves both sides.
        var net = successFeeGrappe().adding(.line(.memberTime, 100_000, id: "time"))
        net.cluster.valuedTimeAllowed = false
        let found = try #require(try diagnostics(of: "success-fee-requalification", on: net).first)
        #expect(found.measuredShare == Share(percent: 45), "450,000 of 1,000,000 cash")
    }

    @Test("Requalification: adding the private revenue it asks for removes the error; one cent less does not")
    func requalificationRemediation() throws {
        let budget = successFeeGrappe()
        let diagnostic = try #require(try diagnostics(of: "success-fee-requalification", on: budget).first)
        let amount = try #require(diagnostic.remediation?.amount)
        let fixed = budget.adding(ResourceLine(id: "new-services", source: .services, amount: amount))
        let after = try #require(try diagnostics(of: "success-fee-requalification", on: fixed).first)
        #expect(after.severity == .warning, "the risk remains, the 50/50 result no longer rests on the fees")
        #expect(after.measuredShare == Share(percent: 50))
        #expect(after.remediation == nil)
        var oneCentLess = fixed
        oneCentLess.resources[4].amount = Money(minorUnits: amount.minorUnits - 1)
        oneCentLess.expenses[1].amount = Money(minorUnits: amount.minorUnits - 1)
        #expect(try diagnostics(of: "success-fee-requalification", on: oneCentLess).first?.severity == .error)

        // The alternative: replace 50,000 of public funding by private revenue, the total unchanged.
        let replace = try #require(diagnostic.remediation?.alternatives.first?.amount)
        var replaced = try budget.setting("region", to: try Money(major: 470_000).subtracting(replace))
        replaced = try replaced.setting("services", to: try Money(major: 150_000).adding(replace))
        #expect(try diagnostics(of: "success-fee-requalification", on: replaced).first?.severity == .warning)
    }

    @Test("Reliance and proportion: each fix applied makes the rule pass")
    func remediations() throws {
        let budget = successFeeGrappe()
        let reliance = try #require(try diagnostics(of: "success-fee-reliance", on: budget).first)
        let cut = try #require(reliance.remediation?.amount)
        #expect(cut == Money(minorUnits: 3_157_895), "(80,000 − 5% × 1,000,000) / 95%, rounded up to the cent")
        let lower = try budget.setting("success-fees", to: try Money(major: 80_000).subtracting(cut))
        #expect(try diagnostics(of: "success-fee-reliance", on: lower).isEmpty)
        let dilute = try #require(reliance.remediation?.alternatives.first?.amount)
        #expect(dilute == Money(major: 600_000))
        #expect(try diagnostics(of: "success-fee-reliance", on: budget.adding(.line(.region, 600_000, id: "more"))).isEmpty)

        let proportion = try #require(try diagnostics(of: "success-fee-proportion", on: budget).first)
        var capped = try budget.setting("success-fees", to: Money(major: 50_000))
        #expect(try diagnostics(of: "success-fee-proportion", on: capped).isEmpty)
        #expect(proportion.remediation?.amount == Money(major: 30_000))
        capped = budget
        capped.resources[0].successFee?.fixedFee = try Money(major: 200_000).adding(try #require(proportion.remediation?.alternatives.first?.amount))
        #expect(try diagnostics(of: "success-fee-proportion", on: capped).isEmpty)
    }

    @Test("A fee with a zero fixed fee is all variable; the fixed fee it needs is fee / 25%")
    func noFixedFee() throws {
        var budget = successFeeGrappe()
        budget.resources[0].successFee?.fixedFee = .zero()
        let found = try #require(try diagnostics(of: "success-fee-proportion", on: budget).first)
        #expect(found.message.id == "success-fee-proportion.no-fixed-fee")
        let needed = try #require(found.remediation?.amount)
        #expect(needed == Money(major: 320_000))
        budget.resources[0].successFee?.fixedFee = needed
        #expect(try diagnostics(of: "success-fee-proportion", on: budget).isEmpty)
    }

    @Test("Commissions on markets bring Mecabourg's abandoned 2% commission into the framework note")
    func commissions() throws {
        let budget = Budget.balanced(
            ClusterProfile(name: "Neopolia", kind: .grappe),
            resources: [
                .line(.successFees, 10_000, id: "commission", successFee: SuccessFeeTerms(basis: .market)),
                .line(.successFees, 5_000, id: "unknown-basis"),
                .line(.membershipFees, 85_000),
            ])
        let note = try #require(try diagnostics(of: "success-fee-framework", on: budget).first)
        #expect(note.message.id == "success-fee-framework.commissions")
        #expect(note.lines == ["commission", "unknown-basis"])
        let english = note.message.rendered(in: .english)
        #expect(english.contains("2%") && english.contains("commission and unknown-basis"))
        #expect(try diagnostics(of: "success-fee-requalification", on: budget).isEmpty, "no fee on a public call")
    }
}
