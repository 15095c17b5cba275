import ClusterKitCore
import ClusterKitFormats
import ClusterKitReports
import ClusterRules
import Foundation
import RegionalFunder
import Testing

/// The snippets of Documentation/WritingACustomRule.md that run a rule, compiled and run here (the main package's
/// GuideSnippetTests checks the guide shows this code).
@Suite("Writing a custom rule: the guide's snippets")
struct GuideSnippetTests {
    /// Cosmetic Valley 2013, in the parent folder `Examples/`.
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("cosmetic-valley-2013.json").path

    @Test("Run it with a built-in preset")
    func withAPreset() throws {
        let path = Self.path
        let input = try BudgetFile.read(contentsOf: path, catalog: RegionalFunder.catalog)
        let rules = try RuleSet.grappe.adding(MatchingFundsRule())
        let engine = Engine(ruleSet: rules, catalog: RegionalFunder.catalog)
        let report = try engine.check([input])
        print(TextReportRenderer(options: RenderingOptions(language: .french, showExplanations: true)).render(report))
        #expect(report.budgets[0].diagnostics.contains { $0.ruleID == MatchingFundsRule.description.id })
    }

    @Test("A configuration file reaches the rule")
    func configured() throws {
        let configurationFile = FileManager.default.temporaryDirectory.appendingPathComponent("regional-\(UUID()).json").path
        try Data(#"{ "rules": { "example-region/matching-funds": { "severity": "error", "parameters": { "matchPercent": 120 } } } }"#.utf8)
            .write(to: URL(fileURLWithPath: configurationFile))
        defer { try? FileManager.default.removeItem(atPath: configurationFile) }
        let configuration = try Configuration(contentsOfFile: configurationFile)
        let engine = Engine(
            ruleSet: try configuration.apply(to: .grappe, available: BuiltInRules.all + [MatchingFundsRule()]),
            suppressions: configuration.suppressions)
        let report = try engine.check([BudgetFile.read(contentsOf: Self.path, catalog: RegionalFunder.catalog)])
        #expect(report.budgets[0].diagnostics.contains { $0.ruleID == MatchingFundsRule.description.id && $0.severity == .error })
    }

    @Test("Sources and regimes of your own, in a catalogue")
    func catalogue() throws {
        let path = Self.path
        let catalog = try Catalog.builtIn.adding(PurchasingRebate()).adding(WorkingConditionsFund())
        let input = try BudgetFile.read(contentsOf: path, catalog: catalog)
        #expect(try Engine(ruleSet: .pole, catalog: catalog).check([input]).budgets.count == 1)
    }
}
