import ClusterKitCore
import ClusterKitFormats
import ClusterKitPlanning
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
        var plannable = 0, examples = 0, fixes = 0, comparisons = 0
        for rule in BuiltInRules.all {
            let verification = RuleVerifier.verification(of: rule, catalog: .builtIn)
            applied += verification.remediationsApplied
            elsewhere += verification.remediationsElsewhere
            failures += verification.failures
            if rule is any PlannableRule { plannable += 1 }
            examples += verification.planningExamples
            fixes += verification.planningFixes
            comparisons += verification.planningComparisons
        }
        print("Planning agreement: \(plannable) plannable rules, \(examples) examples, \(fixes) fixes, \(comparisons) comparisons")
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
        // 55 applied, each clearing its finding; 2 raise the fixed fee of an engagement, which is in no line.
        #expect(applied == 55 && elsewhere == 2, "applied \(applied), elsewhere \(elsewhere)")
        // The 11 plannable rules state their constraints on 43 of their examples (the others are histories, or
        // budgets a rule does not plan), report exactly when one is not met, and each of the 33 fixes of those
        // examples meets them; each of the 33 amounts is the planner's least change by the same move, to the cent.
        #expect(plannable == 11 && examples == 43 && fixes == 33 && comparisons == 33)
    }
}
