import ClusterKitCore
import ClusterRules
import Foundation
import Testing
import TestSupport

/// The committed rule reference is generated from the rules' own descriptions; this test fails when it is stale.
/// Regenerate it with `Scripts/update-rule-reference.sh`.
@Suite("Rule reference")
struct RuleReferenceTests {
    @Test("Documentation/Rules.md matches the rules' descriptions")
    func upToDate() throws {
        let url = repositoryRoot.appendingPathComponent(RuleReference.path)
        let generated = RuleReference.markdown()
        if ProcessInfo.processInfo.environment["CLUSTERKIT_UPDATE_REFERENCE"] == "1" {
            try Data(generated.utf8).write(to: url)
        }
        let committed = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        #expect(committed == generated, "Documentation/Rules.md is stale: run Scripts/update-rule-reference.sh")
    }

    @Test("Every built-in rule has a section whose anchor is its id, citing the memento")
    func sections() {
        let markdown = RuleReference.markdown()
        for rule in BuiltInRules.all {
            let description = rule.ruleDescription
            #expect(markdown.contains("\n## \(description.id.name)\n"))
            #expect(markdown.contains("- Source: \(description.citation)"))
            #expect(RuleReference.anchor(description.id) == "Documentation/Rules.md#\(description.id.name)")
        }
    }
}
