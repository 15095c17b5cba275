import ClusterKitCore
import ClusterKitFormats
import ClusterKitTesting
import ClusterRules
import Testing
import TestSupport

/// Every built-in rule's own examples, run by one generic test (as SwiftLint's `verifyRule`): ClusterKitTesting's
/// `RuleVerifier`, the same check a host runs on its own rules. Triggering examples must get a diagnostic of the
/// rule that says how it was computed, non-triggering ones none; a failure points at the example's own line.
@Suite("Built-in rules' examples")
struct RuleExamplesTests {
    @Test("Each rule keeps its contract: triggers on its triggering examples, stays silent on the others",
          arguments: BuiltInRules.all.map(\.ruleDescription.id.description))
    func examples(_ id: String) throws {
        let rule = try #require(BuiltInRules.rule(RuleID(stringLiteral: id)))
        RuleVerifier.verify(rule, catalog: .builtIn)
    }

    @Test("Built-in rule ids are unique, bare, and every rule cites the memento, but the one the subsidy form asks for")
    func catalogue() throws {
        let ids = BuiltInRules.all.map(\.ruleDescription.id)
        #expect(Set(ids).count == ids.count)
        for rule in BuiltInRules.all {
            let description = rule.ruleDescription
            #expect(description.id.namespace == nil, "built-in rules have no namespace")
            if description.id == "forecast-variance" {
                // The memento has no forecast against realisation; the compte rendu financier asks for the gaps.
                #expect(description.citation.document.contains("Cerfa n° 15059"))
            } else {
                #expect(description.citation.document == Memento.title, "\(description.id) must cite the memento")
            }
        }
    }
}

/// The fixes the built-in rules propose, applied to their own triggering examples.
@Suite("Built-in rules' remediations")
struct RuleRemediationTests {
    @Test("Every remediation of every built-in rule, applied to the example that triggered it, clears the finding")
    func remediationsClearTheirRule() {
        var applied = 0, elsewhere = 0, failures: [RuleVerifier.Failure] = []
        for rule in BuiltInRules.all {
            let verification = RuleVerifier.verification(of: rule, catalog: .builtIn)
            applied += verification.remediationsApplied
            elsewhere += verification.remediationsElsewhere
            failures += verification.failures
        }
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
        // 60 applied, each clearing its finding; 2 raise the fixed fee of an engagement, which is in no line.
        #expect(applied == 60 && elsewhere == 2, "applied \(applied), elsewhere \(elsewhere)")
    }
}
