import ClusterKitCore
import ClusterKitReports
import ClusterRules
import Foundation
import Testing
import TestSupport

@testable import clusterkit

/// The words of a text, lower-cased: runs of letters (accented ones included).
func words(_ text: String) -> Set<String> {
    Set(text.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 2 })
}

/// Every text ClusterKit could print for these reports, in one language: the rules' names, rationales, parameter
/// summaries and messages, the engine's, the renderers' and the commands' words, the revenue sources' names, and the
/// language-dependent parts of the diagnostics found (explanation labels, localized arguments).
func vocabulary(_ language: Language, reports: [Report]) -> Set<String> {
    var texts: [String] = []
    for rule in BuiltInRules.all {
        let description = rule.ruleDescription
        texts += [description.name(language), description.rationale(language)]
        texts += description.parameters.map { $0.summary(language) } + description.messages.map { $0.text(language) }
    }
    texts.append(Engine.ruleFailedMessage.text(language))
    texts += Catalog.builtIn.sources.map { $0.name(in: language) }
    texts += ReportWords.allTexts.map { $0(language) } + ReportWords.allTemplates.map { $0.text(language) }
    texts += TrajectoryWords.allTexts.map { $0(language) } + TrajectoryWords.allTemplates.map { $0.text(language) }
    texts += CommandWords.allTexts.map { $0(language) } + CommandWords.allTemplates.map { $0.text(language) }
    func add(_ argument: MessageArgument) {
        if case .localized(let text) = argument { texts.append(text(language)) }
        if case .localizedList(let items) = argument { texts += items.map { $0(language) } }
    }
    func add(_ message: Message) {
        texts.append(message.template.text(language))
        message.arguments.values.forEach(add)
    }
    for report in reports {
        for diagnostic in report.budgets.flatMap(\.diagnostics) + report.diagnostics {
            add(diagnostic.message)
            for option in [diagnostic.remediation?.primary].compactMap({ $0 }) + (diagnostic.remediation?.alternatives ?? []) {
                add(option.summary)
            }
            for item in diagnostic.explanation {
                texts.append(item.label(language))
                add(item.value)
            }
        }
    }
    return texts.reduce(into: Set<String>()) { $0.formUnion(words($1)) }
}

/// Removes, recursively, the fields of a `clusterkit.report/1` document that are in the report's language:
/// `message`, remediation `summary` texts, and the labels and text values of explanations.
func languageNeutral(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(var object):
        if object["message"]?.string != nil { object["message"] = nil }
        if object["summary"]?.string != nil { object["summary"] = nil }
        if object["label"] != nil, object["kind"] != nil {
            object["label"] = nil
            if object["kind"]?.string == "text" { object["value"] = nil }
        }
        return .object(object.mapValues(languageNeutral))
    case .array(let items): return .array(items.map(languageNeutral))
    default: return value
    }
}

@Suite("Languages of the output")
struct LanguageOutputTests {
    static let examples = [
        "mecabourg-2013.json", "cosmetic-valley-2013.json", "neopolia-2013.json", "soliage-2012-2013.json",
        "csv/cosmetic-valley-2013.csv",
    ]

    @Test("check --language fr prints only French, --language en only English", arguments: examples)
    func onlyOneLanguage(_ name: String) throws {
        let path = example(name)
        let inputs = try BudgetFiles.load([path], decoder: BudgetDecoder(catalog: .builtIn))
        let report = try CheckCommand.evaluate(inputs, preset: nil)
        let english = vocabulary(.english, reports: [report]), french = vocabulary(.french, reports: [report])
        // What the budget itself says (labels, names, ids) and the citations are the same in both languages.
        var data = words(try String(contentsOfFile: path, encoding: .utf8)).union(words(path))
        for diagnostic in report.budgets.flatMap(\.diagnostics) { data.formUnion(words(diagnostic.citation?.description ?? "")) }
        // Rule ids, presets and line ids are identifiers, not words of a language.
        for rule in BuiltInRules.all {
            data.formUnion(words(rule.ruleDescription.citation.description))
            data.formUnion(words(rule.ruleDescription.id.description))
        }
        data.formUnion(Preset.allCases.map(\.rawValue))
        for budget in inputs.compactMap(\.budget) {
            data.formUnion(words((budget.resources.map(\.id) + budget.expenses.map(\.id)).joined(separator: " ")))
        }
        let englishOnly = english.subtracting(french).subtracting(data)
        let frenchOnly = french.subtracting(english).subtracting(data)
        #expect(englishOnly.count > 50 && frenchOnly.count > 50, "the vocabularies are too small to tell")

        for format in ["text", "markdown"] {
            let arguments = ["check", path, "--format", format, "--explain"]
            let fr = Tool.run(arguments + ["--language", "fr"]), en = Tool.run(arguments + ["--language", "en"])
            #expect(fr.status != 2 && en.status != 2, "\(fr.stderr)\(en.stderr)")
            let inFrench = words(fr.stdout + fr.stderr).intersection(englishOnly)
            let inEnglish = words(en.stdout + en.stderr).intersection(frenchOnly)
            #expect(inFrench.isEmpty, "English words in the French \(format) report of \(name): \(inFrench.sorted())")
            #expect(inEnglish.isEmpty, "French words in the English \(format) report of \(name): \(inEnglish.sorted())")
            // Amounts and percentages are formatted for the language.
            #expect(fr.stdout.range(of: #"€\d|\d\.\d+ ?%|\d,\d{3}"#, options: .regularExpression) == nil)
            #expect(en.stdout.range(of: #"\d €|\d %|\d,\d %|\d \d{3}"#, options: .regularExpression) == nil)
            #expect(!fr.stdout.contains("{") && !en.stdout.contains("{"), "a placeholder was left unfilled")
        }
    }

    @Test("The JSON report is the same in both languages but for messages, summaries and labels", arguments: examples)
    func jsonIdenticalButMessages(_ name: String) throws {
        let arguments = ["check", example(name), "--format", "json", "--explain"]
        let fr = Tool.run(arguments + ["--language", "fr"]), en = Tool.run(arguments + ["--language", "en"])
        #expect(fr.status == en.status && fr.status != 2)
        let french = try JSONValue(parsing: fr.stdout), english = try JSONValue(parsing: en.stdout)
        #expect(french != english || !fr.stdout.contains(#""message""#), "messages should differ")
        #expect(languageNeutral(french) == languageNeutral(english))
    }

    @Test("With no file, the notice about the embedded example is in the language asked for")
    func embeddedNotice() {
        #expect(Tool.run(["check", "--language", "fr"]).stdout.hasPrefix("Aucun fichier indiqué"))
        #expect(Tool.run(["check", "--format", "markdown", "--language", "fr"]).stderr.hasPrefix("Aucun fichier indiqué"))
        #expect(Tool.run(["check", "--format", "markdown"]).stdout.hasPrefix("# ClusterKit report"))
    }

    @Test("Every word of the commands has a translation, with the same placeholders")
    func commandWords() {
        for text in CommandWords.allTexts {
            #expect(!text.english.isEmpty && !text.french.isEmpty)
            #expect(text.english != text.french, "« \(text.english) » is not translated")
        }
        for template in CommandWords.allTemplates {
            #expect(!template.text.english.isEmpty && !template.text.french.isEmpty)
            #expect(template.placeholders(in: .english).sorted() == template.placeholders(in: .french).sorted(), "\(template.id)")
        }
    }
}
