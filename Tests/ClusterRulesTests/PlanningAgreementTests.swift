import ClusterKitCore
import ClusterKitPlanning
import ClusterKitTesting
import ClusterRules
import Testing
import TestSupport

/// A host's plannable rule: sponsorship at most 25% of the funding base (a host's own ceiling, not the memento's),
/// stated to the planner as the same ceiling. Its examples and figures are made for this test; `flaw` breaks the
/// agreement between what it reports and what it tells the planner, one way at a time.
struct HostSponsorshipCeilingRule: PlannableRule {
    enum Flaw { case none, constraintThreshold, fixWithMargin, constraintSeverity }
    var flaw = Flaw.none

    static let ceiling = Parameter<Share>(
        "ceiling", default: Share(percent: 25), english: "Largest share of sponsorship.",
        french: "Part maximale du mécénat.", defaultIsOurs: true)
    static let over = MessageTemplate(
        id: "test/sponsorship-ceiling.over", english: "Sponsorship is {share} of resources, over {threshold}.",
        french: "Le mécénat représente {share} des ressources, au-delà de {threshold}.")
    static let reduce = MessageTemplate(
        id: "test/sponsorship-ceiling.reduce", english: "reduce sponsorship by {amount}",
        french: "réduire le mécénat de {amount}")
    static let dilute = MessageTemplate(
        id: "test/sponsorship-ceiling.dilute", english: "add {amount} of other private revenue",
        french: "ajouter {amount} d'autres recettes privées")

    static func budget(region: Int64, sponsorship: Int64) -> Budget {
        Budget.balanced(ClusterProfile(name: "Example"), resources: [.line(.region, region), .line(.sponsorship, sponsorship)])
    }

    static let description = RuleDescription(
        id: RuleID("sponsorship-ceiling", namespace: "test"),
        name: LocalizedText(english: "Sponsorship ceiling", french: "Plafond du mécénat"),
        rationale: LocalizedText(english: "A host's own ceiling.", french: "Un plafond propre à l'hôte."),
        citation: Citation(document: "Tests"), defaultSeverity: .warning,
        parameters: [ceiling], messages: [over, reduce, dilute],
        triggeringExamples: [RuleExample(budget(region: 60_000, sponsorship: 40_000), note: "40%.")],
        nonTriggeringExamples: [RuleExample(budget(region: 75_000, sponsorship: 25_000), note: "Exactly 25%.")])

    func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let check = ShareThreshold(
            direction: .ceiling, part: context.metrics.total(of: .sponsorship), whole: context.metrics.fundingBase,
            threshold: try context.value(of: Self.ceiling),
            partLabel: LocalizedText(english: "Sponsorship", french: "Mécénat"))
        guard var diagnostic = try check.diagnostic(
            context, message: Self.over, fix: Self.reduce, alternatives: check.dilution(context, Self.dilute))
        else { return [] }
        if flaw == .fixWithMargin, let amount = diagnostic.remediation?.amount {
            diagnostic.remediation?.primary.amount = try amount + Money(major: 1_000)
        }
        return [diagnostic]
    }

    func planningConstraints(_ context: RuleContext) throws -> [ShareConstraint]? {
        let threshold = flaw == .constraintThreshold ? Share(percent: 20) : try context.value(of: Self.ceiling)
        return [
            ShareConstraint(
                ruleID: Self.description.id, part: LineSelector(kinds: [.sponsorship]), bound: .ceiling,
                threshold: threshold, severity: flaw == .constraintSeverity ? .error : context.plannedSeverity())
        ]
    }
}

/// `RuleVerifier` on a plannable rule: what it reports and what it tells the planner must agree on every example.
@Suite("The planner's constraints and the rule's remediations agree")
struct PlanningAgreementTests {
    @Test("A host's plannable rule that agrees passes: 2 examples, 2 fixes checked, 2 amounts equal to the planner's")
    func agreeing() {
        // 40,000 of 100,000 against 25%: remove (40,000 − 25,000) / 0.75 = 20,000 (20,000 of 80,000), or add
        // (40,000 − 25,000) / 0.25 = 60,000 of other revenue (40,000 of 160,000): the planner's least changes too.
        let verification = RuleVerifier.verification(of: HostSponsorshipCeilingRule())
        #expect(verification.failures.isEmpty, "\(verification.failures)")
        #expect(verification.planningExamples == 2 && verification.planningFixes == 2 && verification.planningComparisons == 2)
    }

    @Test("A constraint at another threshold than the rule's: caught on both examples")
    func otherThreshold() {
        let failures = RuleVerifier.failures(of: HostSponsorshipCeilingRule(flaw: .constraintThreshold)).map(\.message)
        // At exactly 25% the rule is silent, but a 20% ceiling is not met.
        #expect(failures.contains { $0.contains("reports nothing, but its planner's constraint test/sponsorship-ceiling (ceiling") })
        // Removing 20,000 leaves 25%, over 20%; the planner's least removal for 20% is (40,000 − 20,000) / 0.8 = 25,000.
        #expect(failures.contains { $0.contains("leaves its planner's constraint test/sponsorship-ceiling") })
        #expect(failures.contains {
            $0.contains("gives 20000.00 EUR, but the planner's least change for test/sponsorship-ceiling by the same move is 25000.00 EUR")
        }, "\(failures)")
    }

    @Test("A fix larger than the least change: the planner's amount is named")
    func fixWithMargin() {
        let failures = RuleVerifier.failures(of: HostSponsorshipCeilingRule(flaw: .fixWithMargin)).map(\.message)
        #expect(failures == [
            "the remediation 'test/sponsorship-ceiling.reduce' of diagnostic 'test/sponsorship-ceiling.over' gives "
                + "21000.00 EUR, but the planner's least change for test/sponsorship-ceiling by the same move is 20000.00 EUR (40%.)",
        ], "\(failures)")
    }

    @Test("A constraint of another severity than the diagnostic's")
    func otherSeverity() {
        let failures = RuleVerifier.failures(of: HostSponsorshipCeilingRule(flaw: .constraintSeverity)).map(\.message)
        #expect(failures == [
            "reports at severity warning, but its planner's constraints not met are of severity error (40%.)",
        ], "\(failures)")
    }
}
