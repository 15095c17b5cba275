import ClusterKitCore
import ClusterKitPlanning
import Testing

/// Checks a rule against its own description — its triggering and non-triggering examples, its messages, its
/// parameters — the way ClusterKit checks every built-in rule. Import it in your test target:
///
/// ```swift
/// import ClusterKitTesting
/// import Testing
///
/// @Test func minimumMembers() {
///     RuleVerifier.verify(MinimumMembers(), catalog: .acme)
/// }
/// ```
///
/// ``verify(_:catalog:sourceLocation:)`` records one Swift Testing issue per ``Failure``, at the source line of the
/// example that failed (`RuleExample.file` and `RuleExample.line`), or at the call for a failure of the
/// description as a whole. ``failures(of:catalog:)`` returns the same failures as values, for XCTest or your own
/// reporting.
///
/// What a rule must satisfy — the contract of `Rule`, as a test:
/// - Its id is in a namespace of its own (bare ids are ClusterKit's), it has a name and a rationale in English and
///   French, at least one triggering and one non-triggering example.
/// - Its message templates have distinct ids and use the same placeholders in both languages; its parameters have
///   distinct names and valid defaults.
/// - Every example budget (or history) is valid against the catalogue, and every example's parameters are
///   parameters the rule declares, of the right type.
/// - On a triggering example, run alone through the `Engine`, it reports at least one diagnostic; each carries the
///   rule's id and citation, uses one of its message templates with an argument for every placeholder (remediation
///   summaries too), and says how it was computed (a non-empty `Diagnostic.explanation`).
/// - On a non-triggering example it reports nothing. On no example does it throw.
/// - Evaluated twice on the same example, it reports the same diagnostics.
/// - Each remediation of a triggering example's diagnostics — the primary fix and every alternative — applied to that
///   example (``applying(_:of:to:)``: its amount added to, removed from or moved between lines as its `move` says, or
///   as its diagnostic implies) clears the finding: the rule, run again, reports nothing on the lines the diagnostic
///   named. A fix whose amount falls short fails, naming the example.
/// - A rule that adopts `PlannableRule` (ClusterKitPlanning) says the same thing to the planner: on each example
///   it reports a finding exactly when one of the constraints it states is not met, at their severity; each fix,
///   applied, meets the constraints stated again; where the fix's move is one the planner makes, its amount is the
///   planner's least change for the finding's constraints alone by that move, to the cent. A rule that states no
///   constraint where it reports a finding (a condition the plan keeps by construction) must be silent on the plan.
public enum RuleVerifier {
    /// One way a rule fails its contract, and where.
    public struct Failure: Hashable, Sendable, CustomStringConvertible {
        /// The rule.
        public var rule: RuleID
        /// What is wrong.
        public var message: String
        /// The file of the example concerned; `nil` for the description as a whole.
        public var file: String?
        /// The line of the example concerned.
        public var line: Int?

        /// Creates a failure.
        public init(rule: RuleID, message: String, file: String? = nil, line: Int? = nil) {
            self.rule = rule
            self.message = message
            self.file = file
            self.line = line
        }

        /// `file:line: rule: message`, leaving out what is unknown.
        public var description: String {
            let place = file.map { file in line.map { "\(file):\($0): " } ?? "\(file): " } ?? ""
            return "\(place)\(rule): \(message)"
        }
    }

    /// Checks a rule and records a Swift Testing issue for each failure, at the example's own source line.
    /// - Parameters:
    ///   - rule: the rule to check.
    ///   - catalog: the revenue sources and regimes the rule's examples may name (yours, if they name your own).
    ///   - sourceLocation: where failures of the description as a whole are recorded; defaults to the call.
    public static func verify(
        _ rule: any Rule, catalog: Catalog = .builtIn, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let module = String(reflecting: type(of: rule)).prefix { $0 != "." }
        for failure in failures(of: rule, catalog: catalog) {
            var location = sourceLocation
            if let file = failure.file, let line = failure.line, line > 0 {
                let name = file.split(separator: "/").last.map(String.init) ?? file
                location = SourceLocation(fileID: "\(module)/\(name)", filePath: file, line: line, column: 1)
            }
            Issue.record(Comment(rawValue: "\(failure.rule): \(failure.message)"), sourceLocation: location)
        }
    }

    /// Every way the rule fails its contract; empty when it keeps it.
    public static func failures(of rule: any Rule, catalog: Catalog = .builtIn) -> [Failure] {
        verification(of: rule, catalog: catalog).failures
    }

    /// What a verification found, and how much it proved.
    public struct Verification: Hashable, Sendable {
        /// Every way the rule fails its contract; empty when it keeps it.
        public var failures: [Failure]
        /// How many remediation options were applied to a triggering example (each then re-checked).
        public var remediationsApplied: Int
        /// How many said they change no line of the budget (`RemediationMove.elsewhere`), and were left unapplied.
        public var remediationsElsewhere: Int
        /// For a `PlannableRule`: how many examples its planner's constraints were compared on with what it reports.
        public var planningExamples = 0
        /// For a `PlannableRule`: how many remediations, applied, were checked against its constraints stated again.
        public var planningFixes = 0
        /// For a `PlannableRule`: how many remediation amounts were compared with the planner's least change.
        public var planningComparisons = 0
    }

    /// The verification of a rule: its failures, and how many remediations it applied and re-checked.
    public static func verification(of rule: any Rule, catalog: Catalog = .builtIn) -> Verification {
        // Long: each check of the description and examples, in the order its failures read.
        let description = type(of: rule).description
        let id = description.id
        var failures: [Failure] = []
        var applied = 0, elsewhere = 0
        var planning = PlanningTally()
        func fail(_ message: String, _ example: RuleExample? = nil) {
            failures.append(Failure(rule: id, message: message, file: example?.file, line: example?.line))
        }

        // The description.
        let ruleSet: RuleSet
        do {
            ruleSet = try RuleSet(name: "verify", rules: [rule])
        } catch {
            fail("\(error)")
            return Verification(failures: failures, remediationsApplied: 0, remediationsElsewhere: 0)
        }
        for (what, text) in [("name", description.name), ("rationale", description.rationale)] {
            if text.english.isEmpty || text.french.isEmpty { fail("the \(what) needs an English and a French text") }
        }
        if description.triggeringExamples.isEmpty { fail("no triggering example: add a budget on which the rule reports") }
        if description.nonTriggeringExamples.isEmpty { fail("no non-triggering example: add a budget on which the rule is silent") }
        for duplicate in duplicates(description.messages.map(\.id.rawValue)) { fail("two message templates have the id '\(duplicate)'") }
        for template in description.messages {
            let english = Set(template.placeholders(in: .english)), french = Set(template.placeholders(in: .french))
            if english != french {
                fail("message '\(template.id)' uses \(listed(english)) in English but \(listed(french)) in French")
            }
        }
        for duplicate in duplicates(description.parameters.map(\.name)) { fail("two parameters are named '\(duplicate)'") }
        for parameter in description.parameters {
            do {
                _ = try ruleSet.settingParameter(parameter.name, to: parameter.defaultValue, for: id)
            } catch {
                fail("the default of parameter '\(parameter.name)' is not valid: \(error)")
            }
        }

        // The examples.
        for (example, triggers) in description.triggeringExamples.map({ ($0, true) })
            + description.nonTriggeringExamples.map({ ($0, false) })
        {
            let note = example.note.map { " (\($0))" } ?? ""
            var configured = ruleSet
            do {
                for (name, value) in example.parameters.sorted(by: { $0.key < $1.key }) {
                    configured = try configured.settingParameter(name, to: value, for: id)
                }
            } catch {
                fail("the example's parameters are not valid: \(error)", example)
                continue
            }
            let engine = Engine(ruleSet: configured, catalog: catalog)
            let first: [Diagnostic], second: [Diagnostic]
            // An example on a history (a trajectory rule's) runs on the whole history: its years and its trajectory.
            func run() throws -> [Diagnostic] {
                let input = example.history.map { BudgetInput(history: $0) } ?? BudgetInput(example.budget)
                return try engine.check([input]).budgets.flatMap(\.diagnostics)
            }
            do {
                first = try run()
                second = try run()
            } catch {
                fail("the example's budget is not valid: \(error)", example)
                continue
            }
            if first != second { fail("two evaluations of the same example differ", example) }
            for failure in first where failure.message.id == Engine.ruleFailedMessage.id {
                fail("the rule threw\(note): \(failure.message.rendered(in: .english))", example)
            }
            let found = first.filter { $0.message.id != Engine.ruleFailedMessage.id }
            if let plannable = rule as? any PlannableRule, found.count == first.count {
                checkPlanning(plannable, example: example, engine: engine, found: found, tally: &planning) {
                    fail("\($0)\(note)", example)
                }
            }
            if triggers {
                if found.isEmpty { fail("should trigger\(note), but reported nothing", example) }
                for diagnostic in found { check(diagnostic, of: description, note: note) { fail($0, example) } }
                // Each fix, applied to the example, must clear the finding it fixes.
                for diagnostic in found {
                    guard let remediation = diagnostic.remediation else { continue }
                    let what = "diagnostic '\(diagnostic.message.id)'\(note)"
                    for (role, option) in [("remediation", remediation.primary)] + remediation.alternatives.map({ ("alternative", $0) }) {
                        if option.move == .elsewhere {
                            elsewhere += 1
                            continue
                        }
                        let name = "the \(role) '\(option.summary.id)' of \(what)"
                        do {
                            let input: BudgetInput, said: String
                            if let history = example.history {
                                let (fixed, text) = try apply(option, of: diagnostic, to: history)
                                (input, said) = (BudgetInput(history: fixed), text)
                            } else {
                                let fixed = try apply(option, of: diagnostic, to: example.budget)
                                (input, said) = (BudgetInput(fixed.budget), fixed.said)
                            }
                            applied += 1
                            let after = try engine.check([input]).budgets.flatMap(\.diagnostics)
                            if let left = stillFires(diagnostic, in: after) {
                                fail(
                                    "\(name) does not clear it: with \(said), the rule still reports "
                                        + "'\(left.message.rendered(in: .english))'", example)
                            }
                        } catch let error as MoveError {
                            fail("\(name) cannot be applied: it \(error)", example)
                        } catch {
                            fail("\(name) makes the example's budget invalid: \(error)", example)
                        }
                    }
                }
            } else if !found.isEmpty {
                let messages = found.map { "'\($0.message.rendered(in: .english))'" }.joined(separator: ", ")
                fail("should stay silent\(note), but reported \(messages)", example)
            }
        }
        return Verification(
            failures: failures, remediationsApplied: applied, remediationsElsewhere: elsewhere,
            planningExamples: planning.examples, planningFixes: planning.fixes, planningComparisons: planning.comparisons)
    }

    /// Runs one rule alone on a budget, through the `Engine`, with parameters checked against its declaration —
    /// for tests of a rule's figures and remediations (apply the remediation, run again, expect silence).
    /// - Throws: `RuleSetError` for a bad parameter, `InputError` for a budget the catalogue rejects.
    public static func diagnostics(
        of rule: any Rule, on budget: Budget, parameters: [String: ParameterValue] = [:], catalog: Catalog = .builtIn
    ) throws -> [Diagnostic] {
        let id = type(of: rule).description.id
        var ruleSet = try RuleSet(name: "verify", rules: [rule])
        for (name, value) in parameters.sorted(by: { $0.key < $1.key }) {
            ruleSet = try ruleSet.settingParameter(name, to: value, for: id)
        }
        return Engine(ruleSet: ruleSet).check(try CheckedBudget(budget, catalog: catalog)).diagnostics
    }

    /// Checks one diagnostic of a triggering example.
    static func check(
        _ diagnostic: Diagnostic, of description: RuleDescription, note: String, fail: (String) -> Void
    ) {
        let what = "diagnostic '\(diagnostic.message.id)'\(note)"
        if diagnostic.ruleID != description.id { fail("\(what) carries the rule id '\(diagnostic.ruleID)'") }
        if diagnostic.citation == nil { fail("\(what) has no citation") }
        if description.message(diagnostic.message.id) == nil {
            fail("\(what) uses a message template the rule does not declare")
        }
        var messages = [("message", diagnostic.message)]
        if let remediation = diagnostic.remediation {
            messages += [("remediation", remediation.primary.summary)] + remediation.alternatives.map { ("alternative", $0.summary) }
        }
        for (role, message) in messages {
            let missing = Set(Language.allCases.flatMap { message.template.argumentNames(in: $0) })
                .subtracting(message.arguments.keys).sorted()
            if !missing.isEmpty {
                fail("\(what): the \(role) '\(message.id)' has no argument for {\(missing.joined(separator: "}, {"))}")
            }
        }
        if diagnostic.explanation.isEmpty {
            fail("\(what) does not say how it was computed: pass the figures that entered the rule as its explanation")
        }
    }

    /// `{a}, {b}`, or `no placeholder`.
    private static func listed(_ placeholders: Set<String>) -> String {
        placeholders.isEmpty ? "no placeholder" : placeholders.sorted().map { "{\($0)}" }.joined(separator: ", ")
    }

    private static func duplicates(_ values: [String]) -> [String] {
        Dictionary(grouping: values, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
    }
}
