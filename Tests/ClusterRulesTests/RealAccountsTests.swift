import ClusterKitCore
import ClusterKitReports
import ClusterRules
import Foundation
import Testing
import TestSupport

/// Aerospace Valley's published compte de résultat (rapport financier, « Compte de résultat EN K€ »), entered with the
/// EU project money as pass-through and the reversal of provisions and financial income as not funding.
@Suite("Real accounts: Aerospace Valley")
struct RealAccountsTests {
    static func report(_ budget: Budget, preset: Preset = .pole) throws -> BudgetReport {
        Engine(ruleSet: preset.ruleSet).check(try CheckedBudget(budget))
    }

    @Test("2024–2025 realised: funding base 3,811,000, 170,000 not funding, 1,170,000 passed through, 61.0% gross")
    func published2025() throws {
        let budget = try exampleBudget("aerospace-valley-2024-2025")
        let metrics = try CheckedBudget(budget).metrics
        #expect(metrics.statement == .realised)
        #expect(metrics.totalResources == Money(major: 5_151_000) && metrics.totalExpenses == Money(major: 5_257_000))
        #expect(metrics.fundingBase == Money(major: 3_811_000))
        #expect(metrics.nonFunding.amount == Money(major: 170_000))
        #expect(Set(metrics.nonFunding.lines) == ["provision-reversals", "financial-income"])
        #expect(metrics.passThrough.amount == Money(major: 1_170_000) && metrics.passThrough.lines == ["eu-projects"])
        #expect(metrics.result == Money(major: -106_000))
        // Fees 925,000 and services 1,400,000 over the funding base: 2,325,000 / 3,811,000 = 61.0%.
        #expect(metrics.privateResources.amount == Money(major: 2_325_000))
        #expect(metrics.selfFinancingGross == Share(2_325_000, over: 3_811_000))
        #expect(metrics.selfFinancingGross?.rounded(toPlaces: 3) == Decimal(string: "0.61"))
        // The public money of the cluster is its own subsidies only, not the money passed on to partners.
        #expect(metrics.publicResources.amount == Money(major: 1_486_000))
        // Passed-through money is no cost of the cluster's: the EU projects' programme cost is what stays.
        #expect(metrics.programmeExpenses.amount == .zero() && metrics.accountingExpenses.amount == Money(major: 86_000))

        let report = try Self.report(budget)
        #expect(!report.diagnostics.contains { $0.ruleID == "budget-balance" }, "a closed year's deficit is no input error")
        let result = try #require(report.diagnostics.first { $0.ruleID == "operating-result" })
        #expect(result.severity == .warning && result.message.id == "operating-result.deficit")
        #expect(result.measured == .money(Money(major: -106_000)))
        #expect(result.message.rendered(in: .english).contains("€106,000.00 (2.8% of the funding base of €3,811,000.00)"))
    }

    @Test("Reports name closed accounts as such, by their fiscal years: « comptes 2024–2025 », not « budget 2025 »")
    func accountsTitle() throws {
        let closed = try Self.report(try exampleBudget("aerospace-valley-2024-2025"))
        let report = Report(ruleSet: "pole", budgets: [closed])
        let french = RenderingOptions(language: .french)
        #expect(MarkdownReportRenderer(options: french).render(report).contains("## Aerospace Valley, comptes 2024–2025\n"))
        #expect(TextReportRenderer(options: french).render(report).hasPrefix("Aerospace Valley 2024–2025 ("))
        #expect(HTMLReportRenderer(options: RenderingOptions(language: .english)).render(report)
            .contains(">Aerospace Valley, accounts 2024–2025</h2>"))
        // A forecast stays a budget of its year.
        let forecast = Report(ruleSet: "grappe", budgets: [try Self.report(try exampleBudget("mecabourg-2013"), preset: .grappe)])
        #expect(MarkdownReportRenderer(options: french).render(forecast).contains("## Mecabourg, budget 2013\n"))
    }

    @Test("2023–2024 realised: a surplus of 33,000, a note; 282,000 not funding; 55.4% gross")
    func published2024() throws {
        let budget = try exampleBudget("aerospace-valley-2023-2024")
        let metrics = try CheckedBudget(budget).metrics
        #expect(metrics.result == Money(major: 33_000))
        #expect(metrics.nonFunding.amount == Money(major: 282_000) && metrics.passThrough.amount == Money(major: 1_355_000))
        #expect(metrics.fundingBase == Money(major: 3_987_000))
        #expect(metrics.selfFinancingGross == Share(2_207_000, over: 3_987_000))
        let result = try #require(try Self.report(budget).diagnostics.first { $0.ruleID == "operating-result" })
        #expect(result.severity == .note && result.message.id == "operating-result.surplus")
    }

    @Test("The same accounts marked forecast must balance: budget-balance, 106,000, an error (exit status 1)")
    func forecastTwin() throws {
        var budget = try exampleBudget("aerospace-valley-2024-2025")
        budget.statement = .forecast
        let report = try Self.report(budget)
        let balance = try #require(report.diagnostics.first { $0.ruleID == "budget-balance" })
        #expect(balance.severity == .error && balance.remediation?.amount == Money(major: 106_000))
        #expect(!report.diagnostics.contains { $0.ruleID == "operating-result" })

        // What `clusterkit check` turns into exit status 1.
        let whole = try Engine(ruleSet: Preset.pole.ruleSet).check([BudgetInput(budget, file: "forecast.json")])
        #expect(whole.hasDiagnostics(atLeast: .error))

    }

    @Test("Before the additions, the same figures forced into public and private read 48.4% and a 106,000 error")
    func withoutTheAdditions() throws {
        var budget = try exampleBudget("aerospace-valley-2024-2025")
        budget.statement = .forecast
        for index in budget.resources.indices {
            budget.resources[index].passThrough = false
            // As the reader had to: the reversal and the financial income counted as private.
            if budget.resources[index].id == "provision-reversals" || budget.resources[index].id == "financial-income" {
                budget.resources[index].source = .otherPrivate
            }
        }
        for index in budget.expenses.indices where budget.expenses[index].nature == .accounting {
            budget.expenses[index].nature = .programme
        }
        let metrics = try CheckedBudget(budget).metrics
        // 925 + 1,400 + 86 + 84 = 2,495 of 5,151: 48.4%.
        #expect(metrics.selfFinancingGross?.rounded(toPlaces: 3) == Decimal(string: "0.484"))
    }
}
