import ClusterKitCore
import ClusterKitFuzzTargets
import ClusterRules
import Foundation
import Testing
import TestSupport

/// A portfolio checked on every core gives exactly the sequential report. The scenarios are ``ConcurrencyCheck``'s,
/// which CI also runs in a ThreadSanitizer build (`Scripts/sanitizers.sh concurrency`).
@Suite struct ConcurrencyTests {
    /// The memento's case studies (budgets and histories) and generated budgets, in a fixed order.
    static func portfolio() throws -> [BudgetInput] {
        try ConcurrencyCheck.portfolio(examples: repositoryFile("Examples"))
    }

    @Test(arguments: ConcurrencyCheck.presets)
    func aParallelPortfolioGivesTheSequentialReport(_ preset: Preset) throws {
        let inputs = try Self.portfolio()
        try #require(inputs.count > 45, "the examples should decode")
        #expect(try ConcurrencyCheck.parallelDifferences(inputs, preset: preset) == [])
    }

    /// The comparison can fail: a rendering that differs on every call is reported in each round.
    @Test func aReportThatDiffersIsFound() throws {
        let inputs = Array(try Self.portfolio().prefix(5))
        let calls = Counter()
        let differences = try ConcurrencyCheck.parallelDifferences(inputs, preset: .recommended, rounds: 2) { _ in
            "\(calls.next())"
        }
        #expect(differences.count == 2)
        #expect(differences.allSatisfy { $0.contains("differs from the sequential one") })
    }

    @Test func aParallelPortfolioThrowsTheErrorOfTheFirstInvalidInputInOrder() throws {
        let files = try ConcurrencyCheck.firstErrorFiles(try Self.portfolio())
        #expect(files.sequential == "first-bad.json")
        #expect(files.parallel == files.sequential)
    }

    @Test func concurrentCallersShareOneEngine() async throws {
        // An engine is a value that many tasks may use at once (Sendable); each gets the same answer.
        let inputs = try Self.portfolio()
        let expected = ConcurrencyCheck.rendered(try Engine(ruleSet: .all, catalog: .builtIn).check(inputs))
        let outputs = try await ConcurrencyCheck.concurrentCallers(inputs)
        #expect(outputs.count == 4)
        for output in outputs { #expect(output == expected) }
    }
}

/// A count shared by a closure (the test's renderer is called from one thread).
private final class Counter {
    private var value = 0
    func next() -> Int {
        value += 1
        return value
    }
}
