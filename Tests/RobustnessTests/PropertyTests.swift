import ClusterKitCore
import ClusterKitReports
import ClusterRules
import ClusterKitFuzzTargets
import Foundation
import Testing
import TestSupport

/// Properties every answer of ClusterKit keeps, checked over budgets a seeded generator makes (see
/// ``BudgetGenerator``): the same seeds on every run, so a failure names the seed that reproduces it.
@Suite struct PropertyTests {
    /// How many budgets each property sees.
    static let seeds: Range<UInt64> = 0..<150

    static func report(_ budget: Budget, _ ruleSet: RuleSet) throws -> Report {
        try Engine(ruleSet: ruleSet, catalog: .builtIn).check([BudgetInput(budget, file: "generated.json")])
    }

    static func bytes(_ report: Report) -> String {
        JSONReportRenderer(options: RenderingOptions(language: .english)).render(report)
            + TextReportRenderer(options: RenderingOptions(language: .french, showExplanations: true)).render(report)
    }

    /// A diagnostic as far as the share it measured goes: which rule, how serious, what it measured against what.
    struct ShareFinding: Hashable, CustomStringConvertible {
        let rule: RuleID
        let severity: Severity
        let message: MessageID
        let measured: Share
        let threshold: Share
        let lines: [String]
        var description: String { "\(rule) \(severity) \(message) \(measured) vs \(threshold) \(lines)" }
    }

    static func shareFindings(_ report: Report) -> [ShareFinding] {
        report.budgets.flatMap(\.diagnostics).compactMap { diagnostic in
            guard case .share(let measured)? = diagnostic.measured, case .share(let threshold)? = diagnostic.threshold,
                !scaleDependent.contains(diagnostic.ruleID)
            else { return nil }
            return ShareFinding(
                rule: diagnostic.ruleID, severity: diagnostic.severity, message: diagnostic.message.id,
                // A share of money shared pro rata is a share of amounts rounded to the cent: its last digits move
                // with the scale, its verdict does not.
                measured: roundedToTheCent.contains(diagnostic.ruleID) ? threshold : measured, threshold: threshold,
                lines: diagnostic.lines)
        }
    }

    /// The rules whose verdict depends on amounts themselves, not only on their ratios: a scale changes them by
    /// design.
    static let scaleDependent: Set<RuleID> = [
        "pole-benchmark",  // compares the budget with the pôles' average budget, €1,090,000 (p. 22)
    ]

    /// The rules that measure a share of the public funding allocated to actions, which is shared pro rata of
    /// uncovered costs and rounded to the cent (`PublicFundingAllocation`).
    static let roundedToTheCent: Set<RuleID> = ["category-a-budget-share"]

    @Test func scalingEveryAmountChangesNoShareBasedDiagnostic() throws {
        let outcome = try Self.scalingCounterexamples { try Self.report($0, $1) }
        #expect(outcome.counterexamples.isEmpty, "\(outcome.counterexamples.prefix(5).joined(separator: "\n"))")
        #expect(outcome.compared > Self.seeds.count * 3)
        #expect(outcome.findings > Self.seeds.count, "too few share-based diagnostics to compare")
    }

    /// Where scaling every amount of a generated budget by the same factor changes the share-based diagnostics that
    /// `check` reports (one line per seed and factor), how many scalings were compared and how many findings.
    static func scalingCounterexamples(
        _ check: (Budget, RuleSet) throws -> Report
    ) throws -> (counterexamples: [String], compared: Int, findings: Int) {
        var counterexamples: [String] = [], compared = 0, findings = 0
        for seed in seeds {
            var generator = BudgetGenerator(seed: seed)
            let budget = generator.budget()
            let rules = generator.ruleSet()
            let before = shareFindings(try check(budget, rules))
            findings += before.count
            // Small factors, and large odd ones that carry amounts far past 2^53 cents, where a Double no longer
            // holds them exactly: a share compared in floating point then flips at its threshold.
            let largest = max(budget.largestSide, 1)
            let largestFactor = Int64.max / largest
            let factors: [Int64] = [3, 7, 100, 1_000_003, 33_333_333_331, (largestFactor / 3) | 1, (largestFactor - 1) | 1]
                .filter { $0 <= largestFactor }
            for factor in factors {
                guard let scaled = budget.scaled(by: factor) else { continue }
                let after = shareFindings(try check(scaled, rules))
                if before != after { counterexamples.append("seed \(seed), factor \(factor): \(before) became \(after)") }
                compared += 1
            }
        }
        return (counterexamples, compared, findings)
    }

    @Test func reorderingLinesChangesNoOutputByte() throws {
        let outcome = try Self.reorderingCounterexamples { try Self.report($0, $1) }
        #expect(outcome.counterexamples.isEmpty, "\(outcome.counterexamples.prefix(3).joined(separator: "\n"))")
        // The property is about the order of diagnostics too: most budgets must have several.
        #expect(outcome.withSeveral > Self.seeds.count / 2)
    }

    /// Where shuffling the lines of a generated budget changes a byte of what `check` reports (one line per seed and
    /// shuffle, with the first difference), and how many budgets got several diagnostics.
    static func reorderingCounterexamples(
        _ check: (Budget, RuleSet) throws -> Report
    ) throws -> (counterexamples: [String], withSeveral: Int) {
        var counterexamples: [String] = [], withSeveral = 0
        for seed in seeds {
            var generator = BudgetGenerator(seed: seed)
            let budget = generator.budget()
            let rules = generator.ruleSet()
            let original = try check(budget, rules)
            let expected = bytes(original)
            if original.budgets[0].diagnostics.count > 1 { withSeveral += 1 }
            for _ in 0..<3 {
                var shuffled = budget
                shuffled.resources.shuffle(using: &generator.random)
                shuffled.expenses.shuffle(using: &generator.random)
                if let difference = firstDifference(expected, bytes(try check(shuffled, rules))) {
                    counterexamples.append("seed \(seed): \(difference)")
                }
            }
        }
        return (counterexamples, withSeveral)
    }

    /// The first line where two outputs differ, with both versions; `nil` when they are the same.
    static func firstDifference(_ expected: String, _ actual: String) -> String? {
        guard expected != actual else { return nil }
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) where index >= a.count || index >= b.count || a[index] != b[index] {
            let was = index < a.count ? String(a[index]) : "<end>", now = index < b.count ? String(b[index]) : "<end>"
            let context = a[max(0, index - 8)..<min(index, a.count)].joined(separator: "\n")
            return "line \(index + 1): expected \(was.debugDescription), got \(now.debugDescription), after:\n\(context)"
        }
        return "same lines, different bytes"
    }

    @Test func theSameInputGivesTheSameBytesRunAfterRun() throws {
        for seed in Self.seeds.prefix(50) {
            var generator = BudgetGenerator(seed: seed)
            let budget = generator.budget()
            let rules = generator.ruleSet()
            let first = Self.bytes(try Self.report(budget, rules))
            for _ in 0..<3 {
                let difference = Self.firstDifference(first, Self.bytes(try Self.report(budget, rules)))
                #expect(difference == nil, "seed \(seed): \(difference ?? "")")
            }
            // Through the document: what a file holds gives the same bytes as the value it was made from.
            let document = try JSONEncoder().encode(budget)
            let decoded = try BudgetDecoder(catalog: .builtIn).decode(document, file: "generated.json")
            let difference = Self.firstDifference(first, Self.bytes(try Self.report(decoded.budget, rules)))
            #expect(difference == nil, "seed \(seed), decoded: \(difference ?? "")")
        }
    }

    @Test func hugeAmountsAreInputErrorsNotTraps() throws {
        var generator = BudgetGenerator(seed: 7)
        for seed in Self.seeds.prefix(60) {
            var source = BudgetGenerator(seed: seed)
            var budget = source.budget()
            // Two lines on one side that each fit but whose sum does not.
            let huge = Money(minorUnits: Int64.max / 2 + Int64.random(in: 1...1_000, using: &generator.random))
            let side = generator.random.chance(50)
            if side {
                budget.resources[0].amount = huge
                budget.resources.append(ResourceLine(id: "huge", source: .region, amount: huge))
            } else {
                budget.expenses[0].amount = huge
                budget.expenses.append(ExpenseLine(id: "huge", amount: huge))
            }
            let error = #expect(throws: InputError.self, "seed \(seed)") { try Self.report(budget, .all) }
            #expect(error?.path == (side ? "resources" : "expenses"), "seed \(seed)")
            #expect(error?.reason.contains("more than ClusterKit can hold exactly") == true, "seed \(seed)")
            // Through a file, the same: an input error, not a trap.
            let document = try JSONEncoder().encode(budget)
            #expect(throws: InputError.self) { try BudgetDecoder(catalog: .builtIn).decode(document) }
        }
    }

    @Test func totalsJustUnderTheLimitAreEvaluatedWithoutTrapping() throws {
        // Every rule on budgets whose totals come within a few euros of the largest amount ClusterKit holds: the
        // remediation arithmetic (t·R − C, 1 − t, …) must not overflow into a trap either.
        for seed in Self.seeds.prefix(40) {
            var generator = BudgetGenerator(seed: seed)
            let budget = generator.budget()
            let largest = max(budget.largestSide, 1)
            guard let scaled = budget.scaled(by: Int64.max / largest) else { continue }
            let report = try Self.report(scaled, generator.ruleSet())
            for diagnostic in report.budgets[0].diagnostics {
                #expect(diagnostic.message.id != Engine.ruleFailedMessage.id, "seed \(seed): \(diagnostic.message.rendered(in: Language.english))")
            }
        }
    }
}
