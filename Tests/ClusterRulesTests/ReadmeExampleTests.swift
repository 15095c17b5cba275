import ClusterKitCore
import ClusterKitFormats
import ClusterKitReports
import ClusterRules
import Foundation
import Testing
import TestSupport

/// The README's library example runs, and stays the code this test runs: the lines between the markers below are
/// compared with the README's block (all but its `import`s and the line that makes `path`, which a test makes from the
/// repository's root rather than the working directory).
@Suite struct ReadmeExampleTests {
    @Test func theReadmeExampleRunsAndFindsTheMementosFigure() throws {
        let path = repositoryRoot.appendingPathComponent("Examples/mecabourg-2013.json").path
        // README: begin
        let input = try BudgetFile.read(contentsOf: path)
        let report = try Engine(ruleSet: .grappe).check([input])

        for diagnostic in report.budgets[0].diagnostics {
            print(diagnostic.severity, diagnostic.ruleID, diagnostic.message.rendered(in: .french))
            if let fix = diagnostic.remediation { print("  fix:", fix.amount.formatted(in: .french)) }
        }
        print(TextReportRenderer().render(report))
        // README: end

        // What the README's own output shows: billed revenue 12.1% of Mecabourg's €290,000, €28,750 to add.
        let billed = try #require(report.budgets[0].diagnostics.first { $0.ruleID == "billed-revenue-floor" })
        #expect(billed.remediation?.amount == Money(minorUnits: 28_750_00))
        #expect(billed.remediation?.amount.formatted(in: .english) == "€28,750.00")
    }

    @Test func theReadmeShowsTheCodeThisTestRuns() throws {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "Load a budget, run a preset, print the diagnostics:\n\n```swift\n"))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let shown = readme[start.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("import ") && !$0.hasPrefix("let path = ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .drop { $0.isEmpty }

        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let begin = try #require(source.range(of: "// README: begin\n"))
        let finish = try #require(source.range(of: "// README: end", range: begin.upperBound..<source.endIndex))
        let run = source[begin.upperBound..<finish.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }

        #expect(run.filter { !$0.isEmpty }.count >= 6)
        #expect(Array(shown).filter { !$0.isEmpty } == run.filter { !$0.isEmpty })
    }
}
