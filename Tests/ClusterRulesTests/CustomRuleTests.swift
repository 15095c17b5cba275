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

/// A host's rule of the threshold shape, written with the public `ShareThreshold` rather than by hand: personnel costs
/// at most 70% of expenses (a host's own ceiling, not the memento's). Its examples are made for this test.
struct HostPersonnelCeilingRule: Rule {
    static let ceiling = Parameter<Share>(
        "ceiling", default: Share(percent: 70), english: "Largest share of personnel costs.",
        french: "Part maximale des frais de personnel.", defaultIsOurs: true)
    static let over = MessageTemplate(
        id: "test/personnel-ceiling.over", english: "Personnel costs are {share} of expenses, over {threshold}.",
        french: "Les frais de personnel font {share} des dépenses, au-delà de {threshold}.")
    static let reduce = MessageTemplate(
        id: "test/personnel-ceiling.reduce", english: "reduce personnel costs by {amount}",
        french: "réduire les frais de personnel de {amount}")

    static func budget(personnel: Int64, actions: Int64) -> Budget {
        Budget(
            cluster: ClusterProfile(name: "Example"), year: 2026,
            resources: [.line(.region, personnel + actions)],
            expenses: [
                ExpenseLine(id: "salaries", amount: Money(major: personnel), nature: .operating, kind: .personnel),
                ExpenseLine(id: "actions", amount: Money(major: actions)),
            ])
    }

    static let description = RuleDescription(
        id: RuleID("personnel-ceiling", namespace: "test"),
        name: LocalizedText(english: "Personnel ceiling", french: "Plafond des frais de personnel"),
        rationale: LocalizedText(english: "A host's own ceiling.", french: "Un plafond propre à l'hôte."),
        citation: Citation(document: "Tests"), defaultSeverity: .warning,
        parameters: [ceiling], messages: [over, reduce],
        triggeringExamples: [RuleExample(budget(personnel: 76_000, actions: 24_000), note: "76%.")],
        nonTriggeringExamples: [RuleExample(budget(personnel: 70_000, actions: 30_000), note: "Exactly 70%.")])

    func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let check = ShareThreshold(
            direction: .ceiling, part: context.metrics.expenses(.personnel), whole: context.metrics.totalExpenses,
            threshold: try context.value(of: Self.ceiling),
            partLabel: LocalizedText(english: "Personnel costs", french: "Frais de personnel"),
            wholeLabel: LocalizedText(english: "Expenses", french: "Dépenses"))
        return try check.diagnostic(context, message: Self.over, fix: Self.reduce).map { [$0] } ?? []
    }
}

@Suite("A host's rule written with ShareThreshold")
struct ShareThresholdHostRuleTests {
    @Test("Personnel at 76% of expenses: the fix removes 20,000 from the salaries, and the verifier proves it clears the rule")
    func personnelCeiling() throws {
        let verification = RuleVerifier.verification(of: HostPersonnelCeilingRule())
        #expect(verification.failures.isEmpty, "\(verification.failures)")
        #expect(verification.remediationsApplied == 1)
        let report = try Engine(ruleSet: RuleSet(name: "t", rules: [HostPersonnelCeilingRule()]))
            .check(HostPersonnelCeilingRule.budget(personnel: 76_000, actions: 24_000))
        let diagnostic = try #require(report.diagnostics.first)
        // (76,000 − 70% × 100,000) / (1 − 70%) = 20,000: at 56,000 of 80,000, exactly 70%.
        #expect(diagnostic.remediation?.amount == Money(major: 20_000))
        #expect(diagnostic.lines == ["salaries"])
        #expect(diagnostic.measured == .share(Share(76, over: 100)))
    }
}
