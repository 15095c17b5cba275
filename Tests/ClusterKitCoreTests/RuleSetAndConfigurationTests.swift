import ClusterKitCore
import Foundation
import Testing
import TestSupport

/// A rule with a parameter of every type, to test how sets and configurations set them. Reports one note.
struct TunableRule: Rule {
    static let threshold = Parameter<Share>("threshold", default: Share(percent: 15), english: "A share.", french: "Une part.")
    static let tolerance = Parameter<Money>("tolerance", default: .zero(), english: "An amount.", french: "Un montant.")
    static let minimum = Parameter<Int>("minimum", default: 10, english: "A count.", french: "Un nombre.")
    static let strict = Parameter<Bool>("strict", default: false, english: "A flag.", french: "Un drapeau.")
    static let basis = Parameter<SelfFinancingBasis>(
        "basis", default: .gross, english: "A word.", french: "Un mot.", allowedValues: ["gross", "net"])
    static let reported = MessageTemplate(id: "test/tunable", english: "Threshold {threshold}.", french: "Seuil {threshold}.")

    static let description = RuleDescription(
        id: RuleID("tunable", namespace: "test"),
        name: LocalizedText(english: "Tunable", french: "Réglable"),
        rationale: LocalizedText(english: "For tests.", french: "Pour les tests."),
        citation: Citation(document: "Tests"), defaultSeverity: .warning,
        parameters: [threshold, tolerance, minimum, strict, basis],
        messages: [reported])

    func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        [context.diagnostic(Self.reported, ["threshold": .share(try context.value(of: Self.threshold))], lines: ["a"])]
    }
}

@Suite("Typed parameters")
struct TypedParameterTests {
    func context(_ parameters: [String: ParameterValue], currency: CurrencyCode = .euro) throws -> RuleContext {
        let budget = Budget(cluster: ClusterProfile(name: "T"), year: 2013, currency: currency, resources: [], expenses: [])
        return RuleContext(try CheckedBudget(budget), description: TunableRule.description, parameters: parameters)
    }

    @Test("A rule reads its defaults, and a rule set's values, with their types")
    func readsTypedValues() throws {
        let defaults = try context([:])
        #expect(try defaults.value(of: TunableRule.threshold) == Share(percent: 15))
        #expect(try defaults.value(of: TunableRule.tolerance) == .zero())
        #expect(try defaults.value(of: TunableRule.minimum) == 10)
        #expect(try defaults.value(of: TunableRule.strict) == false)
        #expect(try defaults.value(of: TunableRule.basis) == .gross)
        let set = try context(
            ["threshold": .share(Share(percent: 20)), "tolerance": .amount(Decimal(string: "0.5")!), "minimum": .integer(25),
             "strict": .boolean(true), "basis": .text("net")], currency: "CHF")
        #expect(try set.value(of: TunableRule.threshold) == Share(percent: 20))
        #expect(try set.value(of: TunableRule.tolerance) == Money(minorUnits: 50, currency: "CHF"), "in the budget's currency")
        #expect(try set.value(of: TunableRule.minimum) == 25)
        #expect(try set.value(of: TunableRule.strict))
        #expect(try set.value(of: TunableRule.basis) == .net)
    }

    @Test("The description lists typed parameters as the configuration sees them")
    func declarations() {
        let parameters = TunableRule.description.parameters
        #expect(parameters.map(\.name) == ["threshold", "tolerance", "minimum", "strict", "basis"])
        #expect(parameters.map(\.defaultValue) == [.share(Share(percent: 15)), .amount(0), .integer(10), .boolean(false), .text("gross")])
        #expect(parameters[4].allowedValues == ["gross", "net"])
    }

    @Test("A parameter the rule does not declare, or a value of another type, is a rule error naming the rule")
    func misuse() throws {
        let undeclared = Parameter<Int>("minimun", default: 10, english: "Typo.", french: "Coquille.")
        #expect {
            try self.context([:]).value(of: undeclared)
        } throws: { error in
            (error as? RuleError)?.reason == "rule 'test/tunable' reads parameter 'minimun', which it does not declare"
        }
        let wrongType = Parameter<Int>("basis", default: 0, english: "Wrong type.", french: "Mauvais type.")
        #expect {
            try self.context([:]).value(of: wrongType)
        } throws: { error in
            (error as? RuleError)?.reason == "parameter 'basis' of rule 'test/tunable' holds text gross, not a value of type Int"
        }
        #expect(throws: RuleSetError.self) {
            try RuleSet(name: "t", rules: [TunableRule()]).settingParameter("minimum", to: .text("ten"), for: TunableRule.description.id)
        }
    }
}

/// The description of a test rule that reports nothing, where only the id matters.
func stubDescription(_ id: RuleID) -> RuleDescription {
    RuleDescription(
        id: id, name: LocalizedText(english: "Stub", french: "Bouchon"),
        rationale: LocalizedText(english: "For tests.", french: "Pour les tests."),
        citation: Citation(document: "Tests"), defaultSeverity: .note, messages: [])
}

/// Another rule under `TunableRule`'s id: a collision.
struct ImpostorRule: Rule {
    static let description = stubDescription(RuleID("tunable", namespace: "test"))
    func evaluate(_ context: RuleContext) throws -> [Diagnostic] { [] }
}

/// A host's rule that forgot its namespace.
struct BareRule: Rule {
    static let description = stubDescription("minimum-members")
    func evaluate(_ context: RuleContext) throws -> [Diagnostic] { [] }
}

/// A rule squatting the engine's namespace.
struct SquatterRule: Rule {
    static let description = stubDescription(RuleID("unused-suppression", namespace: "clusterkit"))
    func evaluate(_ context: RuleContext) throws -> [Diagnostic] { [] }
}

@Suite("Rule sets")
struct RuleSetTests {
    let tunable: RuleID = "test/tunable"

    @Test("Union keeps a shared rule once, with the first set's settings, and refuses two rules under one id")
    func union() throws {
        let first = try RuleSet(name: "a", rules: [TunableRule()]).settingSeverity(.error, for: tunable)
        let second = try RuleSet(name: "b", rules: [TunableRule(), EveryLineRule()]).settingSeverity(.note, for: tunable)
        let both = try first.union(second)
        #expect(both.name == "a+b")
        #expect(both.ruleIDs == [tunable, "test/every-line"])
        #expect(both.entry(tunable)?.effectiveSeverity == .error)
        #expect(throws: RuleSetError.duplicateRule(tunable)) {
            try first.union(RuleSet(name: "c", rules: [ImpostorRule()]))
        }
        #expect(throws: RuleSetError.duplicateRule(tunable)) { try first.adding(ImpostorRule()) }
    }

    @Test("Removing and adding rules; removing an unknown id names the nearest")
    func removeAndAdd() throws {
        let set = try RuleSet(name: "t", rules: [TunableRule(), EveryLineRule()])
        let narrowed = try set.removing("test/every-line")
        #expect(narrowed.ruleIDs == [tunable])
        #expect(try narrowed.adding(EveryLineRule()).ruleIDs == [tunable, "test/every-line"])
        #expect(throws: RuleSetError.unknownRule("test/tunabel", suggestions: ["test/tunable"])) {
            try set.removing("test/tunabel")
        }
    }

    @Test("Bare ids are ClusterKit's: a host's rule needs a namespace, and not the engine's")
    func namespaces() throws {
        #expect(throws: RuleSetError.missingNamespace("minimum-members", type: "ClusterKitCoreTests.BareRule")) {
            try RuleSet(name: "t", rules: [BareRule()])
        }
        #expect(throws: RuleSetError.reservedNamespace("clusterkit/unused-suppression")) {
            try RuleSet(name: "t", rules: [SquatterRule()])
        }
        let message = RuleSetError.missingNamespace("minimum-members", type: "X").description
        #expect(message.contains("RuleID(\"minimum-members\", namespace: \"acme\")"))
    }

    @Test("Parameter values are checked: type, range, decimals, allowed words",
          arguments: [
            ("threshold", ParameterValue.share(Share(3, over: 2))),
            ("threshold", .share(Share(-1, over: 10))),
            ("tolerance", .amount(-1)),
            ("tolerance", .amount(Decimal(string: "0.001")!)),
            ("basis", .text("brut")),
          ])
    func invalidValues(name: String, value: ParameterValue) throws {
        let set = try RuleSet(name: "t", rules: [TunableRule()])
        let error = #expect(throws: RuleSetError.self) { try set.settingParameter(name, to: value, for: tunable) }
        guard case .invalidParameterValue(let rule, let parameter, _) = error else {
            Issue.record("expected invalidParameterValue, got \(String(describing: error))")
            return
        }
        #expect(rule == tunable && parameter == name)
    }

    @Test("A wrong type names the parameter and both types")
    func wrongType() throws {
        let set = try RuleSet(name: "t", rules: [TunableRule()])
        #expect(throws: RuleSetError.wrongParameterType(rule: tunable, name: "minimum", expected: "integer", found: "share")) {
            try set.settingParameter("minimum", to: .share(Share(percent: 1)), for: tunable)
        }
    }

    @Test("A parameter set through its typed declaration is the same as by name, and checked the same way")
    func typedParameter() throws {
        let set = try RuleSet(name: "t", rules: [TunableRule()])
        let typed = try set.settingParameter(TunableRule.threshold, to: Share(percent: 20), for: tunable)
        let named = try set.settingParameter("threshold", to: .share(Share(percent: 20)), for: tunable)
        #expect(typed.entry(tunable)?.parameters == named.entry(tunable)?.parameters)
        #expect(typed.entry(tunable)?.parameters["threshold"] == .share(Share(percent: 20)))
        #expect(try set.settingParameter(TunableRule.basis, to: .net, for: tunable).entry(tunable)?.parameters["basis"] == .text("net"))
        #expect(throws: RuleSetError.self) { try set.settingParameter(TunableRule.threshold, to: Share(3, over: 2), for: tunable) }
        #expect(throws: RuleSetError.unknownRule("test/absent", suggestions: [])) {
            try set.settingParameter(TunableRule.minimum, to: 3, for: "test/absent")
        }
    }
}

@Suite("Configuration files")
struct ConfigurationTests {
    let tunable: RuleID = "test/tunable"
    let budget = Budget.balanced(ClusterProfile(name: "Mecabourg"), resources: [.line(.region, 10, id: "a")])

    func configuration(_ json: String, file: String = "clusterkit.json") throws(InputError) -> Configuration {
        try Configuration(data: Data(json.utf8), file: file)
    }

    func error(_ json: String, applyingTo rules: [any Rule] = [TunableRule()]) -> InputError? {
        do {
            let ruleSet = try RuleSet(name: "t", rules: rules)
            _ = try configuration(json).apply(to: ruleSet, available: [EveryLineRule()])
            return nil
        } catch let error as InputError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test("Values convert exactly to the declared types: 0.2 is 1/5, never a Double")
    func exactValues() throws {
        let config = try configuration("""
            { "format": "clusterkit.config/1",
              "rules": { "test/tunable": { "severity": "error", "parameters": {
                "threshold": 0.2, "tolerance": "1500.50", "minimum": 12, "strict": true, "basis": "net" } } } }
            """)
        let set = try config.apply(to: RuleSet(name: "t", rules: [TunableRule()]))
        let entry = try #require(set.entry(tunable))
        #expect(entry.effectiveSeverity == .error)
        #expect(entry.parameters["threshold"] == .share(Share(1, over: 5)))
        #expect(entry.parameters["tolerance"] == .amount(Decimal(string: "1500.5")!))
        #expect(entry.parameters["minimum"] == .integer(12))
        #expect(entry.parameters["strict"] == .boolean(true))
        #expect(entry.parameters["basis"] == .text("net"))
        // 0.1 + 0.2 style traps: 0.15 is exactly 3/20 and sits exactly on a 15% floor.
        let fifteen = try configuration(#"{ "rules": { "test/tunable": { "parameters": { "threshold": 0.15 } } } }"#)
        #expect(try fifteen.apply(to: RuleSet(name: "t", rules: [TunableRule()])).entry(tunable)?.parameters["threshold"]
            == .share(Share(3, over: 20)))
    }

    @Test("\"off\" turns a rule off; a level turns it on again; an opt-in rule of `available` is added when named")
    func levels() throws {
        let base = try RuleSet(name: "t", rules: [TunableRule()])
        let off = try configuration(#"{ "rules": { "test/tunable": "off" } }"#).apply(to: base)
        #expect(off.enabledRuleIDs.isEmpty)
        #expect(try Engine(ruleSet: off).check(budget).diagnostics.isEmpty)
        let on = try configuration(#"{ "rules": { "test/tunable": "note" } }"#).apply(to: off)
        #expect(on.entry(tunable)?.isEnabled == true && on.entry(tunable)?.effectiveSeverity == .note)
        let added = try configuration(#"{ "rules": { "test/every-line": "warning" } }"#)
            .apply(to: base, available: [EveryLineRule()])
        #expect(added.ruleIDs == [tunable, "test/every-line"])
        let notAdded = try configuration(#"{ "rules": { "test/every-line": "off", "test/tunable": "warning" } }"#)
            .apply(to: base, available: [EveryLineRule(), TunableRule()])
        #expect(notAdded.ruleIDs == [tunable])
        // Tuning a rule the preset lacks, without a level, leaves it out — but its settings are checked all the same.
        let tunedOnly = try configuration(#"{ "rules": { "test/tunable": { "parameters": { "minimum": 3 } } } }"#)
        #expect(try tunedOnly.apply(to: RuleSet(name: "t", rules: [EveryLineRule()]), available: [TunableRule()]).ruleIDs
            == ["test/every-line"])
        let mistuned = try configuration(#"{ "rules": { "test/tunable": { "parameters": { "minimum": 0.5 } } } }"#)
        #expect(throws: InputError.self) {
            try mistuned.apply(to: RuleSet(name: "t", rules: [EveryLineRule()]), available: [TunableRule()])
        }
    }

    @Test("Mistakes are input errors naming the file, the field path and the reason",
          arguments: [
            (#"{ "suppressions": [ { "rule": "test/tunable", "cluster": "Mecabourg" } ] }"#,
             "clusterkit.json: suppressions[0].justification: required field 'justification' is missing: a suppression must carry a justification"),
            (#"{ "suppressions": [ { "rule": "test/tunable", "justification": "  " } ] }"#,
             "clusterkit.json: suppressions[0].justification: the justification is empty"),
            (#"{ "rules": { "test/tunabel": "error" } }"#,
             "clusterkit.json: rules.test/tunabel: unknown rule 'test/tunabel' (did you mean 'test/tunable'?)"),
            (#"{ "suppressions": [ { "rule": "test/every-lines", "justification": "x" } ] }"#,
             "clusterkit.json: suppressions[0].rule: unknown rule 'test/every-lines' (did you mean 'test/every-line'?)"),
            (#"{ "rules": { "test/tunable": { "parameters": { "treshold": 0.2 } } } }"#,
             "clusterkit.json: rules.test/tunable.parameters.treshold: rule 'test/tunable' has no parameter 'treshold' (did you mean 'threshold'?)"),
            (#"{ "rules": { "test/tunable": { "parameters": { "threshold": "20%" } } } }"#,
             "clusterkit.json: rules.test/tunable.parameters.threshold: expected a share (a fraction from 0 to 1, such as 0.15 for 15%), found a string \"20%\""),
            (#"{ "rules": { "test/tunable": { "parameters": { "threshold": 20 } } } }"#,
             "rules.test/tunable.parameters.threshold: 20 is not a share: write a fraction from 0 to 1"),
            (#"{ "rules": { "test/tunable": { "parameters": { "minimum": 2.5 } } } }"#,
             "rules.test/tunable.parameters.minimum: 2.5 is not a whole number"),
            (#"{ "rules": { "test/tunable": { "parameters": { "basis": "brut" } } } }"#,
             "rules.test/tunable.parameters.basis: 'brut' is not one of gross, net"),
            (#"{ "rules": { "test/tunable": { "parameters": { "tolerance": -3 } } } }"#,
             "rules.test/tunable.parameters.tolerance: -3 is negative"),
            (#"{ "rules": { "test/tunable": { "parameters": { "strict": [true] } } } }"#,
             "rules.test/tunable.parameters.strict: a parameter value is a number, a string, or true or false"),
            (#"{ "rules": { "test/tunable": "fatal" } }"#,
             "rules.test/tunable: 'fatal' is not a level: write one of error, warning, note, off"),
            (#"{ "rules": { "test/tunable": { "severity": "warn" } } }"#,
             "rules.test/tunable.severity: 'warn' is not a severity"),
            (#"{ "rules": { "test/tunable": { "severty": "error" } } }"#,
             "rules.test/tunable.severty: unknown field 'severty' (did you mean 'severity'?)"),
            (#"{ "rules": { "Test_Tunable": "error" } }"#, "rules.Test_Tunable: 'Test_Tunable' is not a rule id"),
            (#"{ "rule": { } }"#, "clusterkit.json: rule: unknown field 'rule' (did you mean 'rules'?)"),
            (#"{ "format": "clusterkit.config/2" }"#, "format: format 'clusterkit.config/2' is not 'clusterkit.config/1'"),
            (#"{ "rules": [ } "#, "clusterkit.json:1:14: not valid JSON"),
          ])
    func mistakes(json: String, expected: String) throws {
        let found = try #require(error(json), "accepted: \(json)")
        #expect(found.file == "clusterkit.json")
        #expect(found.description.contains(expected), "got: \(found)")
    }

    @Test("Suppressions match by rule, cluster, year and line; a rule's failure is never suppressed")
    func matching() throws {
        let diagnostic = Diagnostic(
            ruleID: tunable, severity: .warning, message: Message(MessageTemplate(id: "m", english: "", french: "")),
            lines: ["a", "b"])
        func suppression(cluster: String? = nil, year: Int? = nil, line: String? = nil, rule: RuleID = "test/tunable") -> Suppression {
            Suppression(rule: rule, cluster: cluster, year: year, line: line, justification: "because")
        }
        #expect(suppression().matches(diagnostic, in: budget))
        #expect(suppression(cluster: "Mecabourg", year: 2013, line: "b").matches(diagnostic, in: budget))
        #expect(!suppression(cluster: "Neopolia").matches(diagnostic, in: budget))
        #expect(!suppression(year: 2014).matches(diagnostic, in: budget))
        #expect(!suppression(line: "c").matches(diagnostic, in: budget))
        #expect(!suppression(rule: "test/every-line").matches(diagnostic, in: budget))
        var failure = diagnostic
        failure.message = Message(Engine.ruleFailedMessage, ["error": .text("boom")])
        #expect(!suppression().matches(failure, in: budget))
    }

    @Test("A suppressed diagnostic is counted and kept with its justification; an unused suppression is a note")
    func suppressing() throws {
        let config = try configuration("""
            { "suppressions": [
                { "rule": "test/tunable", "cluster": "Mecabourg", "line": "a", "justification": "Agreed with the region." },
                { "rule": "test/tunable", "cluster": "Mecabourgg", "justification": "A typo in the cluster's name." } ] }
            """)
        let engine = Engine(
            ruleSet: try config.apply(to: RuleSet(name: "t", rules: [TunableRule()])), suppressions: config.suppressions)
        let report = try engine.check([BudgetInput(budget)])
        #expect(report.budgets[0].diagnostics.isEmpty)
        #expect(report.budgets[0].suppressed.map(\.justification) == ["Agreed with the region."])
        #expect(report.summary == ReportSummary(report.budgets, diagnostics: report.diagnostics))
        #expect(report.summary.suppressed == 1 && report.summary.notes == 1 && report.summary.warnings == 0)
        let note = try #require(report.diagnostics.first)
        #expect(report.diagnostics.count == 1)
        #expect(note.ruleID == "clusterkit/unused-suppression" && note.severity == .note)
        #expect(note.message.rendered(in: .english)
            == "The suppression of test/tunable (cluster Mecabourgg, clusterkit.json: suppressions[1]) matched no diagnostic: remove it, or correct its rule, cluster, year or line.")
        #expect(note.message.rendered(in: .french)
            == "La suppression déclarée pour test/tunable (cluster Mecabourgg, clusterkit.json: suppressions[1]) ne correspond à aucun diagnostic\u{00A0}: retirez-la, ou corrigez sa règle, son cluster, son année ou sa ligne.")
        #expect(note.explanation.map(\.value).contains(.text("A typo in the cluster's name.")))
    }
}
