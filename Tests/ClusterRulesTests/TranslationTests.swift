import ClusterKitCore
import ClusterKitReports
import ClusterRules
import Testing
import TestSupport

/// Texts that are the same word in English and French, and so may be identical in both.
let sameInBothLanguages: Set<String> = [
    "note", "Notes", "Programme (actions)", "Budget", "Cluster", "Justification", "Success fees", "Success fee",
    "{cluster}, budget {year}", "{severity} ({count})", "Diagnostics", "Public",
    "pôle", "grappe", "{count} {count|cluster|clusters}", "{count|Note|Notes}",
]

/// Checks one text has both languages, and a French that is not the English copied.
func expectTranslated(_ text: LocalizedText, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!text.english.isEmpty, "\(what): no English", sourceLocation: sourceLocation)
    #expect(!text.french.isEmpty, "\(what): no French", sourceLocation: sourceLocation)
    #expect(text.english != text.french || sameInBothLanguages.contains(text.english) || !text.english.contains(where: \.isLetter),
            "\(what): « \(text.english) » is not translated", sourceLocation: sourceLocation)
}

/// Checks a template has both languages with the same placeholders, each as many times.
func expectTranslated(_ template: MessageTemplate, sourceLocation: SourceLocation = #_sourceLocation) {
    expectTranslated(template.text, "\(template.id)", sourceLocation: sourceLocation)
    #expect(template.placeholders(in: .english).sorted() == template.placeholders(in: .french).sorted(),
            "\(template.id): English and French use different placeholders", sourceLocation: sourceLocation)
}

@Suite("Translations")
struct TranslationTests {
    @Test("Every built-in rule's name, rationale, parameters and messages are in English and French",
          arguments: BuiltInRules.all.map(\.ruleDescription.id.description))
    func ruleTexts(_ id: String) throws {
        let description = try #require(BuiltInRules.rule(RuleID(stringLiteral: id))).ruleDescription
        expectTranslated(description.name, "\(id) name")
        expectTranslated(description.rationale, "\(id) rationale")
        for parameter in description.parameters { expectTranslated(parameter.summary, "\(id) parameter \(parameter.name)") }
        #expect(!description.messages.isEmpty)
        for template in description.messages { expectTranslated(template) }
    }

    @Test("Every diagnostic a rule's examples produce renders in both languages with every placeholder filled, and its explanation is translated",
          arguments: BuiltInRules.all.map(\.ruleDescription.id.description))
    func renderedDiagnostics(_ id: String) throws {
        let description = try #require(BuiltInRules.rule(RuleID(stringLiteral: id))).ruleDescription
        for example in description.triggeringExamples {
            for diagnostic in try diagnostics(of: description.id, on: example.budget, parameters: example.parameters) {
                let messages = [diagnostic.message] + [diagnostic.remediation?.primary].compactMap { $0?.summary }
                    + (diagnostic.remediation?.alternatives.map(\.summary) ?? [])
                for message in messages {
                    for language in Language.allCases {
                        let text = message.rendered(in: language)
                        #expect(!text.contains("{"), "\(message.id) (\(language)): a placeholder has no argument: \(text)")
                    }
                    for argument in message.arguments.values {
                        if case .localized(let text) = argument { expectTranslated(text, "\(message.id) argument") }
                        if case .localizedList(let texts) = argument {
                            for text in texts { expectTranslated(text, "\(message.id) argument") }
                        }
                    }
                }
                for item in diagnostic.explanation {
                    expectTranslated(item.label, "\(id) explanation")
                    if case .localized(let text) = item.value { expectTranslated(text, "\(id) explanation value") }
                }
            }
        }
    }

    @Test("The engine's own message is translated")
    func engineMessage() {
        expectTranslated(Engine.ruleFailedMessage)
        expectTranslated(Report.realisedOverForecast)
        expectTranslated(Report.sameYearTwice)
    }

    @Test("Every word the renderers print is translated, with the same placeholders")
    func reportWords() {
        for text in ReportWords.allTexts + TrajectoryWords.allTexts + HTMLWords.allTexts { expectTranslated(text, "report word") }
        for template in ReportWords.allTemplates + TrajectoryWords.allTemplates + HTMLWords.allTemplates { expectTranslated(template) }
    }
}
