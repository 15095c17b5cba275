import ClusterKitCore
import ClusterRules
import Foundation
import Testing
import TestSupport

@testable import clusterkit

/// French output is read by French finance officers: every French renderer's output of every example, the rule list
/// and every rule's explanation follow French typography, and say nothing in English.
@Suite("French typography and words")
struct FrenchTypographyTests {
    static let unbreakable: Set<Character> = ["\u{00A0}", "\u{202F}"]

    /// The typographic faults of a French text: a space that may break, or none, before « : ; ? ! », and inside « ».
    static func faults(_ text: String) -> [String] {
        var found: [String] = []
        let characters = Array(text)
        func context(_ index: Int) -> String {
            String(characters[max(0, index - 30)..<min(characters.count, index + 10)])
        }
        for (index, character) in characters.enumerated() {
            let before = index > 0 ? characters[index - 1] : "\n"
            let after = index + 1 < characters.count ? characters[index + 1] : "\n"
            switch character {
            case ":", ";", "?", "!":
                if before == " " { found.append("a breaking space before « \(character) »: \(context(index))") }
                // A colon or semicolon right after a word, followed by a space: French wants a space before it.
                let glued = before.isLetter || before.isNumber || before == ")" || before == "»" || before == "%"
                if (character == ":" || character == ";"), glued, after == " " || after == "\n" {
                    found.append("no space before « \(character) »: \(context(index))")
                }
            case "«":
                if !unbreakable.contains(after) { found.append("no no-break space after « « »: \(context(index))") }
            case "»":
                if !unbreakable.contains(before) { found.append("no no-break space before « » »: \(context(index))") }
            default: break
            }
        }
        return found
    }

    /// English words left in a French text, once ids (kebab-case, camelCase, dotted, paths, code) are taken out; the
    /// memento's own « success fees » is French usage.
    static func englishWords(_ text: String) -> [String] {
        var found: [String] = []
        if text.lowercased().contains("taux d'intérêt") || text.lowercased().contains("taux d’intérêt") {
            found.append("« taux d'intérêt »")
        }
        let tokens = text.split { $0.isWhitespace || $0 == "," || $0 == "(" || $0 == ")" || $0 == "|" }
        for token in tokens {
            let isID = token.contains { "-./`_[]=".contains($0) }
                || zip(token, token.dropFirst()).contains { $0.isLowercase && $1.isUppercase }
            guard !isID else { continue }
            let word = token.lowercased().filter(\.isLetter)
            if ["and", "error", "errors", "warning", "warnings"].contains(word) { found.append(String(token)) }
        }
        return found
    }

    /// The language-dependent strings of a JSON or SARIF document: messages, remediations, labels, descriptions.
    static func prose(_ value: JSONValue, key: String? = nil) -> [String] {
        switch value {
        case .string(let text):
            return ["message", "summary", "label", "text", "markdown", "citation"].contains(key ?? "") ? [text] : []
        case .array(let items): return items.flatMap { prose($0, key: key) }
        case .object(let object): return object.flatMap { prose($0.value, key: $0.key) }
        default: return []
        }
    }

    static func check(_ text: String, _ what: String) {
        for fault in faults(text) { Issue.record("\(what): \(fault)") }
        for word in englishWords(text) { Issue.record("\(what): English word « \(word) »") }
    }

    @Test("Every example, in French, every format, default and all rules: French typography, no English word")
    func examples() throws {
        let files = try exampleBudgetFiles()
        #expect(files.count >= 12)
        for file in files {
            for rules in [[], ["--rules", "all"]] {
                for format in ["text", "markdown"] {
                    let output = Tool.run(["check", repositoryRoot.appendingPathComponent(file).path, "--language", "fr", "--format", format] + rules)
                    #expect(!output.stdout.isEmpty, "\(file) \(format)")
                    // A Markdown table's alignment row is layout, not text.
                    let text = output.stdout.split(separator: "\n").filter { !$0.allSatisfy { "|:- ".contains($0) } }
                        .joined(separator: "\n")
                    Self.check(text, "\(file) \(format) \(rules)")
                }
                for format in ["json", "sarif"] {
                    let output = Tool.run(["check", repositoryRoot.appendingPathComponent(file).path, "--language", "fr", "--format", format] + rules)
                    let strings = Self.prose(try JSONValue(parsing: output.stdout))
                    for string in strings { Self.check(string, "\(file) \(format) \(rules)") }
                }
            }
        }
    }

    /// English words a French report must not print, outside ids, file names and SARIF keys (words French shares,
    /// « source », « public », « plan », « report », are not among them).
    static let englishProse: Set<String> = [
        "and", "or", "the", "of", "with", "error", "errors", "warning", "warnings", "line", "lines", "measured",
        "threshold", "fix", "resources", "expenses", "funding", "private", "share", "budget's",
        "target", "floor", "ceiling", "average", "report", "suppressed", "blues", "oranges", "income", "members",
        "years", "year", "inferred", "planner", "step", "left", "out", "not", "cannot", "below", "above",
    ]

    /// The faults of a French report's prose this suite looks for besides typography: an English word (ids, paths,
    /// code spans and URLs aside), an ASCII space before a unit (« % », « € », « : »), and a « (s) » where the noun
    /// should agree with its number.
    static func proseFaults(_ text: String) -> [String] {
        var found: [String] = []
        let characters = Array(text)
        for (index, character) in characters.enumerated() where ["%", "€", ":"].contains(character) && index > 0 {
            // A `file:line`, a URL or a time has no space before its colon; a space there must not break.
            if characters[index - 1] == " " {
                let start = max(0, index - 30)
                found.append("an ASCII space before « \(character) »: \(String(characters[start..<min(characters.count, index + 5)]))")
            }
        }
        var rest = Substring(text)
        while let range = rest.range(of: "(s)") {
            let start = rest.index(range.lowerBound, offsetBy: -20, limitedBy: rest.startIndex) ?? rest.startIndex
            found.append("« (s) »: " + String(rest[start..<range.upperBound]))
            rest = rest[range.upperBound...]
        }
        // Code spans (Markdown's and HTML's) and HTML tags hold ids and markup, not prose.
        let uncoded = text.replacingOccurrences(of: "<code>[^<]*</code>", with: " ", options: .regularExpression)
        var prose = "", inCode = false, inTag = false
        for character in uncoded {
            if character == "`" { inCode.toggle(); prose.append(" "); continue }
            if character == "<" { inTag = true } else if character == ">" { inTag = false; prose.append(" "); continue }
            if !inCode && !inTag { prose.append(character) }
        }
        for token in prose.split(whereSeparator: { $0.isWhitespace || ",;()|«»\"'’".contains($0) }) {
            let isID = token.contains { "-./_[]=:&#{}".contains($0) }
                || zip(token, token.dropFirst()).contains { $0.isLowercase && $1.isUppercase }
            guard !isID else { continue }
            let word = token.lowercased().filter(\.isLetter)
            if englishProse.contains(word) { found.append("English word « \(token) »") }
        }
        return found
    }

    /// Every example input: the JSON examples, the CSV and Cerfa tables, and the spreadsheets.
    static func everyExample() throws -> [String] {
        let sheets = try FileManager.default.contentsOfDirectory(
            atPath: repositoryRoot.appendingPathComponent("Examples/spreadsheets").path)
            .filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".ods") }.map { "Examples/spreadsheets/\($0)" }
        return try exampleBudgetFiles() + sheets.sorted()
    }

    @Test("Every example in French, every format (text, Markdown, HTML, JSON and SARIF messages): no English word in prose, no ASCII space before a unit, no « (s) »")
    func frenchAsPrinted() throws {
        let files = try Self.everyExample()
        #expect(files.count >= 20)
        for file in files {
            let path = repositoryRoot.appendingPathComponent(file).path
            for format in ["text", "markdown", "html", "json", "sarif"] {
                let output = Tool.run(["check", path, "--language", "fr", "--format", format, "--rules", "all"])
                #expect(output.status != 2, "\(file) \(format): \(output.stderr)")
                var texts: [String]
                switch format {
                case "json", "sarif":
                    texts = Self.prose(try JSONValue(parsing: output.stdout))
                case "html":
                    // The page's prose: its body, without the style sheet and the charts' drawing instructions.
                    let body = output.stdout.components(separatedBy: "<body")
                    texts = [body.count > 1 ? body[1] : output.stdout]
                default:
                    // The file name the text report starts its lines with is an id, not prose.
                    texts = [output.stdout.replacingOccurrences(of: path, with: "FILE")
                        .replacingOccurrences(of: file, with: "FILE")]
                }
                for text in texts {
                    for fault in Self.proseFaults(text) { Issue.record("\(file) \(format): \(fault)") }
                }
            }
        }
        // The planner's messages, in French.
        let plan = Tool.run(["plan", repositoryRoot.appendingPathComponent("Examples/mecabourg-2013.json").path, "--language", "fr"])
        for fault in Self.proseFaults(plan.stdout) { Issue.record("plan: \(fault)") }
    }

    @Test("The prose checks find what they look for")
    func proseChecksCanFail() {
        #expect(Self.proseFaults("1 ligne(s)").count == 1)
        #expect(Self.proseFaults("12,1 %").count == 1)
        #expect(Self.proseFaults("1\u{202F}227,00\u{00A0}€ et 12\u{00A0}%").isEmpty)
        #expect(Self.proseFaults("mesuré 9 ; lines fees").count == 1)
        #expect(Self.proseFaults("`public-private-balance` Examples/a.json:3 https://x.org").isEmpty)
        #expect(Self.proseFaults("<dd><code>members</code></dd>").isEmpty)
        #expect(Self.proseFaults("<dd>members</dd>").count == 1)
    }

    @Test("The rule list and every rule's explanation, in French")
    func rulesAndExplanations() {
        let list = Tool.run(["rules", "--language", "fr"]).stdout
        #expect(list.contains("avertissement") && list.contains("erreur"))
        Self.check(list, "rules")
        for rule in BuiltInRules.all {
            let id = rule.ruleDescription.id.description
            Self.check(Tool.run(["explain", id, "--language", "fr"]).stdout, "explain \(id)")
        }
    }

    @Test("The checks find what they look for")
    func checksCanFail() {
        #expect(Self.faults("avertissement: [x]").count == 1)
        #expect(Self.faults("mesuré 12 %; seuil") == ["no space before « ; »: mesuré 12 %; seuil"])
        #expect(Self.faults("est-ce bien raisonnable ?").count == 1)
        #expect(Self.faults("« à terme »").count == 2)
        #expect(Self.faults(FrenchTypography.applied(to: "Source : « à terme » ; est-ce bien raisonnable ? Oui !")).isEmpty)
        #expect(Self.faults("https://example.org, 12:30").isEmpty)
        #expect(Self.englishWords("0 erreur(s), 2 warning(s)") == ["warning"])
        #expect(Self.englishWords("p. 13 and « Cotisations »") == ["and"])
        #expect(Self.englishWords("taux d'intérêt 10 %") == ["« taux d'intérêt »"])
        #expect(Self.englishWords("errorFromTargetYear, public-private-balance.under, success fees").isEmpty)
    }
}
