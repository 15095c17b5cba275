import ClusterKitCore
import ClusterKitTesting
import ClusterRules
import Testing
import TestSupport

/// A host's rule, written as the guide "Writing a custom rule" says: at least `minimum` members.
struct MinimumMembersRule: Rule {
    static let minimum = Parameter<Int>("minimum", default: 50, english: "Members required.", french: "Adhérents requis.")
    static let under = MessageTemplate(
        id: "test/minimum-members.under", english: "{members} members, under {minimum}.",
        french: "{members} adhérents, sous le minimum de {minimum}.")

    static let description = RuleDescription(
        id: RuleID("minimum-members", namespace: "test"),
        name: LocalizedText(english: "Minimum members", french: "Nombre minimal d'adhérents"),
        rationale: LocalizedText(english: "A funder's own requirement.", french: "Une exigence propre à un financeur."),
        citation: Citation(document: "A regional funder's rules", location: "art. 3"), defaultSeverity: .warning,
        parameters: [minimum],
        messages: [under],
        triggeringExamples: [
            RuleExample(Budget.balanced(ClusterProfile(name: "Mecabourg", members: 60), resources: [.line(.region, 1)]),
                        parameters: ["minimum": .integer(61)], note: "60 members against 61"),
        ],
        nonTriggeringExamples: [
            RuleExample(Budget.balanced(ClusterProfile(name: "Mecabourg", members: 60), resources: [.line(.region, 1)]),
                        note: "60 members against 50"),
        ])

    func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let minimum = try context.value(of: Self.minimum)
        guard let members = context.budget.cluster.members, members < minimum else { return [] }
        return [
            context.diagnostic(
                Self.under, ["members": .integer(members), "minimum": .integer(minimum)],
                measured: .count(members), threshold: .count(minimum),
                explanation: [
                    ExplanationItem(LocalizedText(english: "Members", french: "Adhérents"), .integer(members)),
                    ExplanationItem(LocalizedText(english: "Minimum", french: "Minimum"), .integer(minimum)),
                ])
        ]
    }
}

/// A rule that breaks its contract in several ways: it always reports, says nothing of how, and its French message
/// lacks a placeholder.
struct CarelessRule: Rule {
    static let always = MessageTemplate(id: "test/careless", english: "Always {what}.", french: "Toujours.")
    static let description = RuleDescription(
        id: RuleID("careless", namespace: "test"),
        name: LocalizedText(english: "Careless", french: ""),
        rationale: LocalizedText(english: "For tests.", french: "Pour les tests."),
        citation: Citation(document: "Tests"), defaultSeverity: .warning,
        messages: [always],
        triggeringExamples: [RuleExample(Budget.balanced(ClusterProfile(name: "x"), resources: [.line(.region, 1)]))],
        nonTriggeringExamples: [
            RuleExample(Budget.balanced(ClusterProfile(name: "x"), resources: [.line(.region, 2)]), note: "should be silent"),
            RuleExample(Budget.balanced(ClusterProfile(name: "x"), resources: [.line("regio", 2)]), note: "an unknown source"),
        ])

    func evaluate(_ context: RuleContext) throws -> [Diagnostic] { [context.diagnostic(Self.always)] }
}

/// A host's rule that fails at evaluation, as one reading an external registry might.
struct RegistryRule: Rule {
    static let description = RuleDescription(
        id: RuleID("funder-registry", namespace: "test"), name: CarelessRule.description.rationale,
        rationale: CarelessRule.description.rationale, citation: Citation(document: "Tests"), defaultSeverity: .warning,
        messages: [])

    struct Unavailable: Error, CustomStringConvertible { var description: String { "the registry is unavailable" } }
    func evaluate(_ context: RuleContext) throws -> [Diagnostic] { throw Unavailable() }
}

@Suite("Custom rules and ClusterKitTesting")
struct CustomRuleTests {
    @Test("A rule that keeps its contract passes the verifier")
    func goodRule() {
        #expect(RuleVerifier.failures(of: MinimumMembersRule()).isEmpty)
        RuleVerifier.verify(MinimumMembersRule())
    }

    @Test("The verifier names each broken promise, at the example's own line")
    func carelessRule() throws {
        let failures = RuleVerifier.failures(of: CarelessRule())
        let description = CarelessRule.description
        let silent = description.nonTriggeringExamples[0], invalid = description.nonTriggeringExamples[1]
        let trigger = description.triggeringExamples[0]
        func failure(containing text: String) -> RuleVerifier.Failure? { failures.first { $0.message.contains(text) } }

        let noisy = try #require(failure(containing: "should stay silent (should be silent), but reported 'Always {what}.'"))
        #expect(noisy.file == silent.file && noisy.line == silent.line)
        let badBudget = try #require(failure(containing: "the example's budget is not valid"))
        #expect(badBudget.line == invalid.line && badBudget.message.contains("unknown revenue source 'regio'"))
        let unexplained = try #require(failure(containing: "does not say how it was computed"))
        #expect(unexplained.line == trigger.line)
        let missing = try #require(failure(containing: "has no argument for {what}"), "a placeholder the rule gives no argument")
        #expect(missing.rule == CarelessRule.description.id && missing.message.contains("'test/careless'"))
        #expect(failure(containing: "message 'test/careless' uses {what} in English but no placeholder in French")?.line == nil)
        #expect(failure(containing: "the name needs an English and a French text") != nil)
        // Asserted as values: `RuleVerifier.verify(CarelessRule())` would record these six failures as test issues.
        #expect(failures.count == 6, "\(failures)")
    }

    @Test("A rule without a namespace fails the verifier")
    func bareRule() {
        struct Bare: Rule {
            static let description = RuleDescription(
                id: "bare", name: CarelessRule.description.rationale, rationale: CarelessRule.description.rationale,
                citation: Citation(document: "Tests"), defaultSeverity: .note, messages: [])
            func evaluate(_ context: RuleContext) throws -> [Diagnostic] { [] }
        }
        #expect(RuleVerifier.failures(of: Bare()).map(\.message).first?.hasPrefix("rule 'bare' (ClusterRulesTests.") == true)
    }

    @Test("A custom rule that throws yields an error naming it; every other rule's diagnostics are still reported")
    func throwingRuleInAPreset() throws {
        let budget = try exampleBudget("cosmetic-valley-2013")
        let preset = try Engine(ruleSet: .pole, catalog: .builtIn).check(budget).diagnostics
        let extended = try Engine(ruleSet: RuleSet.pole.adding(RegistryRule()), catalog: .builtIn).check(budget).diagnostics
        // The preset alone reports on Cosmetic Valley (membership fees 9.2%, private 49.8%); nothing of it is lost.
        #expect(preset.contains { $0.ruleID == "membership-fee-floor" } && preset.contains { $0.ruleID == "public-private-balance" })
        #expect(extended.filter { $0.ruleID != "test/funder-registry" } == preset)
        let failure = try #require(extended.first { $0.ruleID == "test/funder-registry" })
        #expect(failure.severity == .error)
        #expect(failure.message.rendered(in: .english) == "The rule could not be evaluated: the registry is unavailable")
        #expect(failure.message.rendered(in: .french) == FrenchTypography.applied(to: "La règle n'a pas pu être évaluée : the registry is unavailable"))
    }

    @Test("RuleVerifier.diagnostics runs one rule with checked parameters")
    func diagnosticsHelper() throws {
        let budget = Budget.balanced(ClusterProfile(name: "Mecabourg", members: 60), resources: [.line(.region, 1)])
        #expect(try RuleVerifier.diagnostics(of: MinimumMembersRule(), on: budget).isEmpty)
        let found = try RuleVerifier.diagnostics(of: MinimumMembersRule(), on: budget, parameters: ["minimum": .integer(100)])
        #expect(found.map(\.measured) == [.count(60)])
        #expect(throws: RuleSetError.self) {
            try RuleVerifier.diagnostics(of: MinimumMembersRule(), on: budget, parameters: ["minimum": .share(.one)])
        }
    }
}
