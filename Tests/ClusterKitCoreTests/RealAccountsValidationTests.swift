import ClusterKitCore
import Foundation
import Testing
import TestSupport

@Suite("Real accounts: the fields of budget-format.md « Additions », read and checked")
struct RealAccountsValidationTests {
    /// A realised budget in JSON, its fields given as JSON fragments.
    static func document(
        statement: String = #""realised""#, period: String? = nil, forecast: String? = nil,
        resources: String = #"[{ "id": "fees", "source": "membershipFees", "amount": 100000 }]"#,
        expenses: String = #"[{ "id": "running", "amount": 110000, "nature": "operating" }]"#
    ) -> Data {
        var fields = [
            #""format": "clusterkit.budget/1", "cluster": { "name": "T" }, "year": 2025"#, #""statement": \#(statement)"#,
            #""resources": \#(resources)"#, #""expenses": \#(expenses)"#,
        ]
        if let period { fields.append(#""period": \#(period)"#) }
        if let forecast { fields.append(#""forecast": \#(forecast)"#) }
        return Data(("{ " + fields.joined(separator: ", ") + " }").utf8)
    }

    static func error(_ data: Data) -> InputError? {
        do {
            _ = try BudgetDecoder().decode(data, file: "t.json")
            return nil
        } catch {
            return error
        }
    }

    @Test("A realised budget with a fiscal period and forecast amounts reads, and writes back the same")
    func roundTrip() throws {
        let data = Self.document(
            period: #"{ "start": "2024-04-01", "end": "2025-03-31" }"#, forecast: #"{ "fees": 120000, "running": 110000 }"#)
        let budget = try BudgetDecoder().decode(data).budget
        #expect(budget.statement == .realised)
        #expect(budget.period?.months == 12 && budget.period?.start.description == "2024-04-01")
        #expect(budget.forecast == ["fees": Money(major: 120_000), "running": Money(major: 110_000)])
        let again = try BudgetDecoder().decode(try JSONEncoder().encode(budget)).budget
        #expect(again == budget)
    }

    @Test("A fiscal period of 30 months, one that ends before it starts, or in another year than the budget's: refused")
    func period() {
        let long = Self.error(Self.document(period: #"{ "start": "2023-01-01", "end": "2025-06-30" }"#))
        #expect(long?.path == "period.end" && long?.reason.contains("30 months") == true)
        #expect(long?.description.hasPrefix("t.json: period.end: the period spans 30 months") == true)
        #expect(Self.error(Self.document(period: #"{ "start": "2025-06-01", "end": "2025-03-31" }"#))?.path == "period.end")
        #expect(Self.error(Self.document(period: #"{ "start": "2023-04-01", "end": "2024-03-31" }"#))?.path == "year")
        #expect(Self.error(Self.document(period: #"{ "start": "2024-04-01", "end": "2025-02-30" }"#))?.path == "period.end")
        // 24 months is the most a fiscal year may span.
        #expect(Self.error(Self.document(period: #"{ "start": "2023-04-01", "end": "2025-03-31" }"#)) == nil)
    }

    @Test("A year outside 1800–2200 is refused in a budget built in code, as in JSON")
    func implausibleYear() {
        let budget = Budget.balanced(ClusterProfile(name: "T"), year: 1013, resources: [.line(.membershipFees, 100)])
        let refused = #expect(throws: InputError.self) { try CheckedBudget(budget, file: "t.json") }
        #expect(refused?.description == "t.json: year: 1013 is not a plausible year")
        var json = String(decoding: Self.document(), as: UTF8.self)
        json = json.replacingOccurrences(of: #""year": 2025"#, with: #""year": 1013"#)
        #expect(Self.error(Data(json.utf8))?.reason == "1013 is not a plausible year")
        #expect(throws: Never.self) { try CheckedBudget(Budget.balanced(ClusterProfile(name: "T"), year: 2200, resources: [])) }
    }

    @Test("A pass-through line needs its action; it passes through no more than the expense; an accounting entry is no action")
    func passThrough() {
        let bare = Self.error(Self.document(resources: #"[{ "source": "erdf", "amount": 100, "passThrough": true }]"#))
        #expect(bare?.path == "resources[0].passThrough" && bare?.reason.contains("'action'") == true)
        let over = Self.error(
            Self.document(resources: #"[{ "source": "erdf", "amount": 200000, "passThrough": true, "action": "running" }]"#))
        #expect(over?.path == "resources[0].amount")
        let accounting = Self.error(
            Self.document(
                resources: #"[{ "source": "region", "amount": 100, "action": "provisions" }]"#,
                expenses: #"[{ "id": "provisions", "amount": 100, "nature": "accounting" }]"#))
        #expect(accounting?.path == "resources[0].action" && accounting?.reason.contains("accounting") == true)
    }

    @Test("Forecast amounts: on a realised statement only, for lines the budget has")
    func forecast() {
        let unknown = Self.error(Self.document(forecast: #"{ "feez": 120000 }"#))
        #expect(unknown?.path == "forecast.feez" && unknown?.reason == "no line has the id 'feez' (did you mean 'fees'?)")
        let onForecast = Self.error(Self.document(statement: #""forecast""#, forecast: #"{ "fees": 120000 }"#))
        #expect(onForecast?.path == "forecast")
        #expect(Self.error(Self.document(forecast: #"{ "fees": -5 }"#))?.path == "forecast.fees")
        #expect(Self.error(Self.document(statement: #""actual""#))?.path == "statement")
    }

    @Test("Not funding and passed through: in R and the result, in no share")
    func metrics() throws {
        let data = Self.document(
            resources: #"""
                [{ "id": "fees", "source": "membershipFees", "amount": 60000 }, { "id": "region", "source": "region", "amount": 40000 },
                 { "id": "interest", "source": "financialIncome", "amount": 5000 },
                 { "id": "partners", "source": "erdf", "amount": 30000, "passThrough": true, "action": "project" }]
                """#,
            expenses: #"""
                [{ "id": "running", "amount": 100000, "nature": "operating" }, { "id": "project", "amount": 30000 },
                 { "id": "depreciation", "amount": 8000, "nature": "accounting" }]
                """#)
        let metrics = try BudgetDecoder().decode(data).metrics
        #expect(metrics.totalResources == Money(major: 135_000) && metrics.fundingBase == Money(major: 100_000))
        #expect(metrics.result == Money(major: -3_000))
        #expect(metrics.selfFinancingGross == Share(percent: 60) && metrics.share(of: .membershipFees) == Share(percent: 60))
        #expect(metrics.publicResources.amount == Money(major: 40_000) && metrics.publicResources.lines == ["region"])
        #expect(metrics.total(ofSource: .erdf).amount == .zero() && metrics.total(ofSource: .financialIncome).amount == Money(major: 5_000))
        #expect(metrics.operatingExpenses.amount == Money(major: 100_000) && metrics.programmeExpenses.amount == .zero())
        #expect(metrics.funderTotals.map(\.key) == ["region"])
    }
}
