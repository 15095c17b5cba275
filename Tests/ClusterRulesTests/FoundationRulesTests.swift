import ClusterKitCore
import ClusterRules
import Foundation
import Testing
import TestSupport

/// The memento's case studies, checked against its own figures.
@Suite("Mecabourg and Cosmetic Valley 2013")
struct CaseStudyFigureTests {
    @Test("Mecabourg 2013: 290,000 balanced, 45% self-financed (44.83%)")
    func mecabourgFigures() throws {
        let budget = try exampleBudget("mecabourg-2013")
        let metrics = try CheckedBudget(budget).metrics
        #expect(metrics.totalResources == Money(major: 290_000))
        #expect(metrics.totalExpenses == Money(major: 290_000))
        #expect(metrics.privateResources.amount == Money(major: 130_000))
        #expect(metrics.selfFinancingGross?.rounded(toPlaces: 4) == Decimal(string: "0.4483"))
        #expect(metrics.selfFinancingGross?.rounded(toPlaces: 2) == Decimal(string: "0.45"), "the memento's 45%")
        #expect(metrics.selfFinancingNet == metrics.selfFinancingGross, "no valued time: gross equals net")
    }

    @Test("Mecabourg 2013 gets billed-revenue-floor (28,750 to add) and public-private-balance (30,000), not membership-fee-floor")
    func mecabourgDiagnostics() throws {
        let report = try check(try exampleBudget("mecabourg-2013"), with: .grappe)
        let ids = report.diagnostics.map(\.ruleID)
        #expect(!ids.contains("membership-fee-floor"), "fees are 32.8% of resources")
        #expect(!ids.contains("budget-balance"))

        let billed = try #require(report.diagnostics.first { $0.ruleID == "billed-revenue-floor" })
        #expect(billed.severity == .warning)
        #expect(billed.measuredShare == Share(35_000, over: 290_000))
        #expect(billed.threshold == .share(Share(percent: 20)))
        #expect(billed.lines == ["participations"])
        #expect(billed.remediation?.amount == Money(major: 28_750))
        #expect(billed.message.rendered(in: .english).contains("12.1%"))

        let balance = try #require(report.diagnostics.first { $0.ruleID == "public-private-balance" })
        #expect(balance.remediation?.amount == Money(major: 30_000), "R − 2·Priv = 290,000 − 260,000")
        #expect(balance.remediation?.alternatives.first?.amount == Money(major: 15_000), "public to replace by private")
        #expect(balance.message.rendered(in: .english).contains("44.8%"))
    }

    @Test("Cosmetic Valley 2013: private 1,080,000 of 2,169,500 (49.8%), fees 9.2%")
    func cosmeticValleyFigures() throws {
        let budget = try exampleBudget("cosmetic-valley-2013")
        let metrics = try CheckedBudget(budget).metrics
        #expect(metrics.totalResources == Money(major: 2_169_500))
        #expect(metrics.totalExpenses == Money(major: 2_169_500))
        #expect(metrics.privateResources.amount == Money(major: 1_080_000))
        #expect(metrics.publicResources.amount == Money(major: 1_089_500))
        #expect(metrics.selfFinancingGross?.rounded(toPlaces: 3) == Decimal(string: "0.498"))
        #expect(metrics.share(of: .membershipFees)?.rounded(toPlaces: 3) == Decimal(string: "0.092"))
    }

    @Test("Cosmetic Valley 2013 gets membership-fee-floor (9.2%) and public-private-balance with 9,500 to add")
    func cosmeticValleyDiagnostics() throws {
        let report = try check(try exampleBudget("cosmetic-valley-2013"), with: .pole)
        let fees = try #require(report.diagnostics.first { $0.ruleID == "membership-fee-floor" })
        #expect(fees.measuredShare == Share(200_000, over: 2_169_500))
        #expect(fees.message.rendered(in: .english).contains("9.2%"))
        #expect(fees.message.rendered(in: .french).contains("9,2\u{00A0}%"))
        let balance = try #require(report.diagnostics.first { $0.ruleID == "public-private-balance" })
        #expect(balance.remediation?.amount == Money(major: 9_500))
        #expect(!report.diagnostics.contains { $0.ruleID == "budget-balance" })
        #expect(!report.diagnostics.contains { $0.ruleID == "billed-revenue-floor" }, "815,000 billed: 37.6%")
    }

    @Test("A table whose two sides differ gets budget-balance with the difference")
    func unbalanced() throws {
        var budget = try exampleBudget("mecabourg-2013")
        budget.expenses[0].amount = Money(major: 125_000)
        let found = try diagnostics(of: "budget-balance", on: budget)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.measured == .money(Money(major: 10_000)))
        #expect(diagnostic.message.rendered(in: .english).contains("expenses are short"))
        #expect(diagnostic.remediation?.amount == Money(major: 10_000))
    }
}

/// Thresholds are exact at the boundary: at exactly 15% / 20% / 50% a floor passes, one cent under it fails.
@Suite("Exact thresholds")
struct BoundaryTests {
    /// A budget of 100,000.00 whose `source` line holds `cents` and whose region line holds the rest.
    func budget(_ source: RevenueSourceID, cents: Int64, valuedTimeAllowed: Bool = true) -> Budget {
        let total: Int64 = 10_000_000
        return Budget.balanced(
            ClusterProfile(name: "Boundary", valuedTimeAllowed: valuedTimeAllowed),
            resources: [
                ResourceLine(id: "line", source: source, amount: Money(minorUnits: cents)),
                ResourceLine(id: "region", source: .region, amount: Money(minorUnits: total - cents)),
            ])
    }

    @Test("Floors and ceilings, at the threshold and one cent off",
          arguments: [
            ("membership-fee-floor", RevenueSourceID.membershipFees, Int64(1_500_000), Int64(-1)),
            ("billed-revenue-floor", .services, 2_000_000, -1),
            ("public-private-balance", .membershipFees, 5_000_000, -1),
            ("valued-time-ceiling", .memberTime, 1_500_000, 1),
            ("funder-dependency", .otherPublic, 5_000_000, 1),
          ] as [(String, RevenueSourceID, Int64, Int64)])
    func boundary(rule: String, source: RevenueSourceID, atThreshold: Int64, wrongWay: Int64) throws {
        let id = RuleID(stringLiteral: rule)
        // funder-dependency: the region line is a funder too; keep it under half by splitting nothing — at 50/50
        // both funders sit exactly at the threshold.
        #expect(try diagnostics(of: id, on: budget(source, cents: atThreshold)).isEmpty, "\(rule) at exactly the threshold")
        let off = try diagnostics(of: id, on: budget(source, cents: atThreshold + wrongWay))
        #expect(off.count == 1, "\(rule) one cent past the threshold")
        #expect(off.first?.remediation?.amount.minorUnits ?? 0 > 0)
    }
}

/// Every remediation amount, applied to the budget, makes its rule pass.
@Suite("Remediations")
struct RemediationTests {
    @Test("Adding what public-private-balance and billed-revenue-floor ask for makes them pass on Mecabourg")
    func mecabourg() throws {
        let budget = try exampleBudget("mecabourg-2013")
        for (rule, source) in [("public-private-balance", RevenueSourceID.actionParticipation), ("billed-revenue-floor", .services)] {
            let id = RuleID(stringLiteral: rule)
            let amount = try #require(try diagnostics(of: id, on: budget).first?.remediation?.amount)
            var fixed = budget
            fixed.resources.append(ResourceLine(id: "fix", source: source, amount: amount))
            fixed.expenses.append(ExpenseLine(id: "fix-cost", amount: amount))
            #expect(try diagnostics(of: id, on: fixed).isEmpty, "\(rule) after adding \(amount)")
            var short = fixed
            short.resources[short.resources.count - 1].amount = Money(minorUnits: amount.minorUnits - 1)
            short.expenses[short.expenses.count - 1].amount = Money(minorUnits: amount.minorUnits - 1)
            #expect(!(try diagnostics(of: id, on: short).isEmpty), "one cent less is not enough")
        }
    }

    @Test("Replacing public by private as the alternative says makes public-private-balance pass")
    func replace() throws {
        let budget = try exampleBudget("mecabourg-2013")
        let amount = try #require(try diagnostics(of: "public-private-balance", on: budget).first?.remediation?.alternatives.first?.amount)
        var fixed = budget
        fixed.resources[2].amount = try fixed.resources[2].amount.subtracting(amount)
        fixed.resources.append(ResourceLine(id: "fix", source: .services, amount: amount))
        #expect(try diagnostics(of: "public-private-balance", on: fixed).isEmpty)
    }

    @Test("Fees, valued time and funder dependency: each fix applied makes the rule pass")
    func others() throws {
        // Cosmetic Valley's fees.
        let cosmetic = try exampleBudget("cosmetic-valley-2013")
        let fees = try #require(try diagnostics(of: "membership-fee-floor", on: cosmetic).first?.remediation?.amount)
        var fixed = cosmetic
        fixed.resources[6].amount = try fixed.resources[6].amount.adding(fees)
        fixed.expenses[0].amount = try fixed.expenses[0].amount.adding(fees)
        #expect(try diagnostics(of: "membership-fee-floor", on: fixed).isEmpty)

        // Neopolia's valued time: count less of it.
        let neopolia = Budget.balanced(
            ClusterProfile(name: "Neopolia"),
            resources: [.line(.membershipFees, 380_000), .line(.memberTime, 250_000), .line(.region, 597_000)])
        let time = try #require(try diagnostics(of: "valued-time-ceiling", on: neopolia).first)
        #expect(time.measuredShare == Share(250, over: 1_227))
        #expect(time.message.rendered(in: .english).contains("20.4%"))
        var lessTime = neopolia
        lessTime.resources[1].amount = try lessTime.resources[1].amount.subtracting(try #require(time.remediation?.amount))
        #expect(try diagnostics(of: "valued-time-ceiling", on: lessTime).isEmpty)

        // One funder over half: replace, or dilute.
        let dependent = Budget.balanced(
            ClusterProfile(name: "x"), resources: [.line(.region, 70_000, funder: "Région"), .line(.membershipFees, 30_000)])
        let dependency = try #require(try diagnostics(of: "funder-dependency", on: dependent).first)
        #expect(dependency.remediation?.amount == Money(major: 20_000))
        #expect(dependency.remediation?.alternatives.first?.amount == Money(major: 40_000))
        var replaced = dependent
        replaced.resources[0].amount = Money(major: 50_000)
        replaced.resources[1].amount = Money(major: 50_000)
        #expect(try diagnostics(of: "funder-dependency", on: replaced).isEmpty)
        var diluted = dependent
        diluted.resources.append(.line(.services, 40_000))
        #expect(try diagnostics(of: "funder-dependency", on: diluted).isEmpty)
    }

    @Test("Valued time where the funders forbid it is an error, whatever the amount")
    func forbiddenTime() throws {
        let budget = Budget.balanced(
            ClusterProfile(name: "Mecabourg", valuedTimeAllowed: false), resources: [.line(.region, 99_999), .line(.memberTime, 1)])
        let found = try diagnostics(of: "valued-time-ceiling", on: budget)
        #expect(found.first?.severity == .error)
        #expect(found.first?.remediation?.amount == Money(major: 1))
    }
}
