import ClusterKitCore
import ClusterRules
import Foundation
import Testing
import TestSupport

@testable import clusterkit_bench

/// The benchmark's hand-written baseline must find what the `recommended` rule set finds — the same rules, severities,
/// measured values, thresholds and remediation amounts — or its ratio to the engine means nothing. These tests keep
/// it so as the rules change.
@Suite struct BaselineEquivalenceTests {
    let catalog = Catalog.builtIn
    let engine = Engine(ruleSet: .recommended, catalog: .builtIn)

    /// Every budget of `Examples/` (the memento's case studies), each year of the histories included.
    func exampleBudgets() throws -> [(String, Budget)] {
        let files = try FileManager.default.contentsOfDirectory(atPath: Workloads.examples.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count >= 8)
        return try files.flatMap { file -> [(String, Budget)] in
            let data = try Workloads.example(file)
            switch try BudgetDocument(decoding: data, file: file, catalog: catalog) {
            case .budget(let budget): return [(file, budget.budget)]
            case .history(let history): return history.years.compactMap { year in year.budget.map { ("\(file) \(year.year)", $0) } }
            }
        }
    }

    func expectSameFindings(_ budget: Budget, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = Finding.sorted(try engine.check(budget).diagnostics.map(Finding.init))
        let found = Finding.sorted(try Baseline.check(budget, catalog: catalog))
        #expect(found == expected, "\(name): baseline \(found.map(\.rule)) against engine \(expected.map(\.rule))",
                sourceLocation: sourceLocation)
    }

    @Test func agreesWithTheEngineOnEveryExample() throws {
        let budgets = try exampleBudgets()
        #expect(budgets.count >= 9)
        for (name, budget) in budgets { try expectSameFindings(budget, name) }
    }

    /// The rules' own examples exercise what the case studies lack: sponsors, success fees on fixed fees, services
    /// short of clients, satellites, European funds, valued time forbidden.
    @Test func agreesWithTheEngineOnTheRulesExamples() throws {
        let ids = Set(Preset.recommended.ruleIDs)
        var checked = 0
        for rule in BuiltInRules.all where ids.contains(rule.ruleDescription.id) {
            let description = rule.ruleDescription
            for example in description.triggeringExamples + description.nonTriggeringExamples
            where example.history == nil && example.parameters.isEmpty {
                guard (try? CheckedBudget(example.budget, catalog: catalog).metrics) != nil else { continue }
                try expectSameFindings(example.budget, "\(description.id) example, line \(example.line)")
                checked += 1
            }
        }
        #expect(checked >= 30)
    }

    /// The benchmark's own workloads: budgets of every size, and the variants its histories and portfolios are made
    /// of.
    @Test func agreesWithTheEngineOnTheWorkloads() throws {
        let typical = try BudgetDecoder(catalog: catalog).decode(Workloads.typicalJSON()).budget
        for lines in [10, 100, 1_000] { try expectSameFindings(Workloads.scaled(typical.cluster, lines: lines), "\(lines) lines") }
        for index in 0..<7 {
            try expectSameFindings(Workloads.variant(of: typical, index: index, catalog: catalog), "variant \(index)")
        }
    }

    /// The figures the memento prints: Mecabourg's 44.8% (net: valued time is not allowed) and Neopolia's 51.3% gross,
    /// as the baseline places them on the profile map; Cosmetic Valley's private resources, 1,080,000 of 2,169,500
    /// (49.8%, published as 50%), just under the 50/50 target.
    @Test func measuresTheMementosFigures() throws {
        func share(_ file: String, _ rule: String) throws -> Share? {
            let budget = try BudgetDecoder(catalog: catalog).decode(Workloads.example(file)).budget
            guard case .share(let share) = try Baseline.check(budget, catalog: catalog).first(where: { $0.rule == rule })?.measured
            else { return nil }
            return share
        }
        #expect(try share("mecabourg-2013.json", "cluster-profile")?.rounded(toPlaces: 3) == Decimal(string: "0.448"))
        #expect(try share("neopolia-2013.json", "cluster-profile")?.rounded(toPlaces: 3) == Decimal(string: "0.513"))

        let cosmetic = try BudgetDecoder(catalog: catalog).decode(Workloads.typicalJSON()).budget
        let balance = try #require(try Baseline.check(cosmetic, catalog: catalog).first { $0.rule == "public-private-balance" })
        #expect(balance.measured == .share(Share(1_080_000, over: 2_169_500)))
        // (0.5 × 2,169,500 − 1,080,000) / (1 − 0.5) = 9,500: private revenue to add, the budget growing with it.
        #expect(balance.remediation == Money(major: 9_500))
    }

    /// The baseline refuses what the engine refuses, rather than measuring a budget the engine would not check.
    @Test func refusesWhatTheEngineRefuses() throws {
        let typical = try BudgetDecoder(catalog: catalog).decode(Workloads.typicalJSON()).budget
        var duplicate = typical
        duplicate.resources[1].id = duplicate.resources[0].id
        var unknownSource = typical
        unknownSource.resources[0].source = "lottery"
        var strayEarmark = typical
        strayEarmark.resources[0].action = "no-such-action"
        for budget in [duplicate, unknownSource, strayEarmark] {
            #expect(throws: InputError.self) { try engine.check(budget) }
            #expect(throws: Baseline.Invalid.self) { try Baseline.check(budget, catalog: catalog) }
        }
    }
}
