import ClusterKitCore
import ClusterRules
import Testing

/// Every built-in rule's own examples, run by one generic test (as SwiftLint's `verifyRule`): triggering examples
/// must get a diagnostic of the rule, non-triggering ones none. A failure points at the example's own line.
@Suite("Built-in rules' examples")
struct RuleExamplesTests {
    @Test("Each rule triggers on its triggering examples and stays silent on the others",
          arguments: BuiltInRules.all.map(\.ruleDescription.id.description))
    func examples(_ id: String) throws {
        let rule = try #require(BuiltInRules.rule(RuleID(stringLiteral: id)))
        let description = rule.ruleDescription
        #expect(!description.triggeringExamples.isEmpty, "\(id) has no triggering example")
        #expect(!description.nonTriggeringExamples.isEmpty, "\(id) has no non-triggering example")
        for example in description.triggeringExamples {
            let found = try diagnostics(of: description.id, on: example.budget, parameters: example.parameters)
            #expect(
                found.contains { $0.ruleID == description.id && $0.message.id != Engine.ruleFailedMessage.id },
                "\(id) should trigger: \(example.note ?? "")",
                sourceLocation: SourceLocation(fileID: example.file, filePath: example.file, line: example.line, column: 1))
        }
        for example in description.nonTriggeringExamples {
            let found = try diagnostics(of: description.id, on: example.budget, parameters: example.parameters)
            #expect(
                found.isEmpty, "\(id) should stay silent: \(example.note ?? ""); got \(found.map { $0.message.rendered(in: .english) })",
                sourceLocation: SourceLocation(fileID: example.file, filePath: example.file, line: example.line, column: 1))
        }
    }

    @Test("Built-in rule ids are unique, kebab-case and documented")
    func catalogue() throws {
        let ids = BuiltInRules.all.map(\.ruleDescription.id)
        #expect(Set(ids).count == ids.count)
        for rule in BuiltInRules.all {
            let description = rule.ruleDescription
            #expect(description.id.namespace == nil, "built-in rules have no namespace")
            #expect(!description.rationale.english.isEmpty && !description.rationale.french.isEmpty)
            #expect(description.citation.document == Memento.title, "\(description.id) must cite the memento")
            for template in description.messages {
                #expect(
                    Set(template.placeholders(in: .english)) == Set(template.placeholders(in: .french)),
                    "\(template.id): English and French use different placeholders")
            }
        }
    }
}
