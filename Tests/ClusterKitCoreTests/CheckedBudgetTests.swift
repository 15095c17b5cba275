import ClusterKitCore
import Foundation
import Testing
import TestSupport

@Suite("Checked once: CheckedBudget and CheckedHistory")
struct CheckedBudgetTests {
    static let mecabourg = repositoryFile("Examples/mecabourg-2013.json")

    @Test("A decoded budget carries the figures the engine judges; an input built in code gives the same report")
    func decodedEqualsBuiltInCode() throws {
        let decoded = try BudgetDecoder().decode(Data(contentsOf: Self.mecabourg), file: "m.json")
        // Mecabourg 2013 (memento p. 31): 290,000 of resources.
        #expect(decoded.metrics.totalResources == Money(major: 290_000))
        let engine = Engine(ruleSet: try RuleSet(name: "probe", rules: [FeesProbeRule()]))
        let direct = engine.check(decoded, file: "m.json")
        let throughInput = try engine.check([BudgetInput(decoded.budget, file: "m.json")]).budgets[0]
        #expect(direct.diagnostics == throughInput.diagnostics && !direct.diagnostics.isEmpty)
        #expect(direct.metrics?.totalResources == throughInput.metrics?.totalResources)
    }

    @Test("A checked budget is judged with the catalogue it was checked against, not the engine's")
    func judgedWithItsCatalogue() throws {
        let catalog = try Catalog.builtIn.adding(RegionalVoucher())
        var budget = try BudgetDecoder().decode(Data(contentsOf: Self.mecabourg)).budget
        budget.resources.append(ResourceLine(id: "voucher", source: "regionalVoucher", amount: Money(major: 100)))
        budget.expenses[0].amount = try budget.expenses[0].amount + Money(major: 100)
        // The engine's own catalogue lacks the voucher: an input built in code is refused, naming the line…
        let engine = Engine(ruleSet: try RuleSet(name: "probe", rules: [FeesProbeRule()]))
        let error = #expect(throws: InputError.self) { try engine.check([BudgetInput(budget, file: "v.json")]) }
        #expect(error?.path == "resources[\(budget.resources.count - 1)].source")
        // …while the budget checked against the catalogue that has it is judged as it is.
        let checked = try CheckedBudget(budget, catalog: catalog)
        // Mecabourg's public 160,000 (290,000 less its 130,000 private, memento p. 31) and the voucher.
        #expect(engine.check(checked).metrics?.publicResources.amount == Money(major: 160_100))
    }

    @Test("A history's own report is about the history: no budget, no metrics, its cluster and latest year")
    func historyEntry() throws {
        let data = try Data(contentsOf: repositoryFile("Examples/soliage-2012-2013.json"))
        guard case .history(let history) = try BudgetDocument(decoding: data, file: "s.json") else {
            Issue.record("soliage-2012-2013.json is a history")
            return
        }
        let reports = try Engine(ruleSet: RuleSet(name: "none")).check([BudgetInput(.history(history), file: "s.json")]).budgets
        let whole = try #require(reports.last)
        guard case .history(let judged, let trajectory) = whole.subject else {
            Issue.record("the last report is the history's")
            return
        }
        #expect(judged.years.count == history.years.count && whole.budget == nil && whole.metrics == nil)
        #expect(whole.cluster == history.cluster && whole.year == 2013)
        #expect(trajectory.points.map { $0.year } == [2012, 2013])
    }
}

/// A public source of a host's own, outside the built-in catalogue.
private struct RegionalVoucher: RevenueSource {
    var id: RevenueSourceID { "regionalVoucher" }
    var sector: Sector { .public }
    var nature: ResourceNature { .cash }
    var kind: RevenueKind { .subsidy }
    func name(in language: Language) -> String { language == .french ? "Chèque régional" : "Regional voucher" }
}
