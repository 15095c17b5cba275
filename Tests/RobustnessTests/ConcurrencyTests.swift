import ClusterKitCore
import ClusterKitReports
import ClusterRules
import Foundation
import Testing
import TestSupport

/// A portfolio checked on every core gives exactly the sequential report. `Scripts/sanitizers.sh` runs this suite
/// under ThreadSanitizer.
@Suite struct ConcurrencyTests {
    /// The memento's case studies (budgets and histories) and generated budgets, in a fixed order.
    static func portfolio() throws -> [BudgetInput] {
        var inputs: [BudgetInput] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Examples").path)
            .filter({ $0.hasSuffix(".json") }).sorted()
        {
            let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("Examples/\(file)"))
            if let input = try? BudgetInput(decoding: data, file: file, catalog: .builtIn) { inputs.append(input) }
        }
        for seed in UInt64(0)..<40 {
            var generator = BudgetGenerator(seed: 1_000 + seed)
            inputs.append(BudgetInput(generator.budget(), file: "generated-\(seed).json"))
        }
        return inputs
    }

    static func rendered(_ report: Report) -> String {
        JSONReportRenderer(options: RenderingOptions(language: .english)).render(report) + TextReportRenderer(options: RenderingOptions(language: .french)).render(report)
    }

    @Test(arguments: [Preset.recommended, .pole, .all])
    func aParallelPortfolioGivesTheSequentialReport(_ preset: Preset) throws {
        let inputs = try Self.portfolio()
        try #require(inputs.count > 45, "the examples should decode")
        let engine = Engine(ruleSet: preset.ruleSet, catalog: .builtIn)
        let sequentialReport = try engine.check(inputs)
        let sequential = Self.rendered(sequentialReport)
        // Input order: a history reports its full years, then itself, right where it stands in the portfolio.
        #expect(sequentialReport.budgets.first?.file == inputs.first?.file)
        #expect(sequentialReport.budgets.last?.file == inputs.last?.file)
        for _ in 0..<3 {
            let parallel = try engine.check(inputs, parallel: true)
            #expect(parallel.budgets.map(\.file) == sequentialReport.budgets.map(\.file))
            #expect(Self.rendered(parallel) == sequential)
        }
    }

    @Test func aParallelPortfolioThrowsTheErrorOfTheFirstInvalidInputInOrder() throws {
        var inputs = try Self.portfolio()
        // Two generated budgets (the last 40 inputs; every one has resource lines) made invalid.
        let (firstIndex, secondIndex) = (inputs.count - 30, inputs.count - 10)
        for (index, source, file) in [(firstIndex, "nothere", "first-bad.json"), (secondIndex, "nowhere", "second-bad.json")] {
            var budget = try #require(inputs[index].budget)
            budget.resources[0].source = RevenueSourceID(rawValue: source)
            inputs[index] = BudgetInput(budget, file: file)
        }
        let engine = Engine(ruleSet: .all, catalog: .builtIn)
        let sequential = #expect(throws: InputError.self) { try engine.check(inputs) }
        let parallel = #expect(throws: InputError.self) { try engine.check(inputs, parallel: true) }
        #expect(sequential?.file == "first-bad.json")
        #expect(parallel == sequential)
    }

    @Test func concurrentCallersShareOneEngine() async throws {
        // An engine is a value that many tasks may use at once (Sendable); each gets the same answer.
        let inputs = try Self.portfolio()
        let engine = Engine(ruleSet: .all, catalog: .builtIn)
        let expected = Self.rendered(try engine.check(inputs))
        let outputs = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<4 {
                group.addTask { Self.rendered(try engine.check(inputs, parallel: index.isMultiple(of: 2))) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outputs.count == 4)
        for output in outputs { #expect(output == expected) }
    }
}
