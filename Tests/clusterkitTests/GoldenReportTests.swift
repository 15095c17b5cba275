import Foundation
import Testing
import TestSupport

@testable import clusterkit

/// The reports of every example, held to the bytes recorded in `Tests/clusterkitTests/Golden/`.
///
/// A refactoring must leave these files unchanged; a change of behaviour changes them on purpose, and the diff of the
/// recorded files is what a reviewer reads. To record them again after such a change:
///
/// ```sh
/// CLUSTERKIT_RECORD_GOLDEN=1 swift test --filter GoldenReportTests   # writes the files, and fails to say so
/// git diff Tests/clusterkitTests/Golden                              # read what changed
/// ```
///
/// Two things are recorded once rather than in every file: the SARIF rule catalogue (`sarif/rules.<language>.json`,
/// see `compareSARIF`), and the reports of the files that hold the same budget as an example in another format
/// (`equivalents`), which `equivalentInputs` holds to the example's own.
@Suite("Recorded reports of the examples")
struct GoldenReportTests {
    static let folder = repositoryRoot.appendingPathComponent("Tests/clusterkitTests/Golden")
    static let formats = ["text": "txt", "json": "json", "sarif": "sarif", "markdown": "md", "html": "html"]
    static var recording: Bool { ProcessInfo.processInfo.environment["CLUSTERKIT_RECORD_GOLDEN"] == "1" }

    /// Files that hold the same budget as a recorded example, in another format or with headings in another
    /// language: their reports must be the example's, file name aside (`equivalentInputs`), so they are not recorded.
    static let equivalents: [String: [String]] = [
        "Examples/mecabourg-2013.json": [
            "Examples/csv/mecabourg-2013.csv", "Examples/csv/mecabourg-2013-en.csv",
            "Examples/spreadsheets/mecabourg-2013.xlsx", "Examples/spreadsheets/mecabourg-2013.ods",
            "Examples/spreadsheets/mecabourg-2013-en.xlsx", "Examples/spreadsheets/mecabourg-2013-en.ods",
        ],
    ]

    /// The example budget files whose reports are recorded, relative to the repository: every one but the equivalents.
    static func examples() throws -> [String] {
        let equivalent = Set(equivalents.values.joined())
        return try exampleBudgetFiles().filter { !equivalent.contains($0) }
    }

    /// What the tool prints for `arguments`, with the repository's absolute path taken out, so that the recording does
    /// not depend on where the repository is cloned.
    static func output(_ arguments: [String]) -> String {
        let output = Tool.run(arguments)
        let root = repositoryRoot.path + "/"
        let text = "status: \(output.status)\n" + output.stdout + (output.stderr.isEmpty ? "" : "\nstderr:\n" + output.stderr)
        return text.replacingOccurrences(of: root, with: "")
            .replacingOccurrences(of: root.replacingOccurrences(of: "/", with: "\\/"), with: "")
    }

    static func compare(_ actual: String, to name: String, comment: String) throws {
        let url = folder.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record("recorded \(name): run again without CLUSTERKIT_RECORD_GOLDEN to compare")
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("\(name) is not recorded: CLUSTERKIT_RECORD_GOLDEN=1 swift test --filter GoldenReportTests")
            return
        }
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
            let where_ = first.map { "line \($0.offset + 1):\n  recorded: \($0.element.1)\n  now:      \($0.element.0)" }
                ?? "lengths differ (\(expectedLines.count) recorded lines, \(actualLines.count) now)"
            Issue.record("\(comment) differs from \(name), \(where_)")
        }
    }

    /// SARIF describes every built-in rule in each document (`tool.driver.rules`, with its help texts: about 95 KB of
    /// a 100 KB document), the same whatever the budget. That catalogue is recorded once per language, in
    /// `sarif/rules.<language>.json`, and each example's document with the catalogue replaced by a mark;
    /// `compareSARIF` holds the output to both, and to the two put back together, byte for byte.
    static func catalogueMark(_ language: String) -> String { "\"<tool.driver.rules: sarif/rules.\(language).json>\"" }

    /// The range of the `tool.driver.rules` array in a SARIF document, from its `[` to its `]`, or nil when there is
    /// none (an error, say).
    static func catalogueRange(in sarif: String) -> Range<String.Index>? {
        guard let driver = sarif.range(of: "\"driver\" : {"),
              let key = sarif.range(of: "\"rules\" : [", range: driver.upperBound..<sarif.endIndex) else { return nil }
        let scalars = sarif.unicodeScalars
        let start = scalars.index(before: key.upperBound)
        var depth = 0, inString = false, escaped = false
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if inString {
                if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == "\"" { inString = false }
            } else if scalar == "\"" {
                inString = true
            } else if scalar == "[" || scalar == "{" {
                depth += 1
            } else if scalar == "]" || scalar == "}" {
                depth -= 1
                if depth == 0 { return start..<scalars.index(after: index) }
            }
            index = scalars.index(after: index)
        }
        return nil
    }

    /// Holds a SARIF output to its recorded parts: the document without the rule catalogue (`name`) and the catalogue
    /// of `language` (`sarif/rules.<language>.json`); the recorded parts put back together must be the output.
    static func compareSARIF(_ actual: String, to name: String, language: String, comment: String) throws {
        guard let range = catalogueRange(in: actual) else {
            try compare(actual, to: name, comment: comment)
            return
        }
        let catalogueName = "sarif/rules.\(language).json"
        let mark = catalogueMark(language)
        var document = actual
        document.replaceSubrange(range, with: mark)
        try compare(document, to: name, comment: comment + " (its rule catalogue aside)")
        try compare(String(actual[range]), to: catalogueName, comment: "the rule catalogue of " + comment)
        guard !recording,
              let recordedDocument = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8),
              let recordedCatalogue = try? String(contentsOf: folder.appendingPathComponent(catalogueName), encoding: .utf8),
              let markRange = recordedDocument.range(of: mark) else { return }
        #expect(recordedDocument.replacingCharacters(in: markRange, with: recordedCatalogue) == actual,
                "\(comment): the recorded \(name) with \(catalogueName) put in is not the output")
    }

    /// The stem of a recorded file: the example's path with its folders and extension as dashes.
    static func stem(_ file: String) -> String {
        String(file.dropFirst("Examples/".count)).replacingOccurrences(of: "/", with: "-")
            .replacingOccurrences(of: ".", with: "-")
    }

    @Test("Every example's check report, in every format, language and preset, is the recorded one",
          arguments: ["default", "all"])
    func checkReports(preset: String) throws {
        let files = try Self.examples()
        #expect(files.count >= 14)
        for file in files {
            // SARIF is recorded for the `all` preset only, whose results are a superset of the default's, and without
            // its rule catalogue, recorded once per language (`compareSARIF`). An HTML page (~30 KB, its charts the same whatever the preset)
            // is recorded for the default preset only.
            for (format, ext) in Self.formats.sorted(by: { $0.key < $1.key })
            where (format != "sarif" || preset == "all") && (format != "html" || preset == "default") {
                for language in ["en", "fr"] {
                    var arguments = ["check", repositoryRoot.appendingPathComponent(file).path, "--format", format,
                                     "--language", language]
                    if preset != "default" { arguments += ["--rules", preset] }
                    let name = "\(Self.stem(file))/check.\(preset).\(language).\(ext)"
                    let comment = arguments.dropFirst(2).joined(separator: " ") + " of \(file)"
                    if format == "sarif" {
                        try Self.compareSARIF(Self.output(arguments), to: name, language: language, comment: comment)
                    } else {
                        try Self.compare(Self.output(arguments), to: name, comment: comment)
                    }
                }
            }
        }
    }

    @Test("An equivalent input's reports, in every format, language and preset, and its metrics are the example's",
          arguments: equivalents.flatMap { example, files in files.map { (example: example, equivalent: $0) } }
            .sorted { $0.equivalent < $1.equivalent })
    func equivalentInputs(_ pair: (example: String, equivalent: String)) throws {
        // What must differ: the file's name, wherever a report names it. Nothing else does.
        func normalised(_ text: String) -> String {
            text.replacingOccurrences(of: pair.equivalent, with: pair.example)
                .replacingOccurrences(of: pair.equivalent.replacingOccurrences(of: "/", with: "\\/"),
                                      with: pair.example.replacingOccurrences(of: "/", with: "\\/"))
        }
        #expect(try Self.examples().contains(pair.example), "\(pair.example) is recorded")
        let example = repositoryRoot.appendingPathComponent(pair.example).path
        let equivalent = repositoryRoot.appendingPathComponent(pair.equivalent).path
        #expect(FileManager.default.fileExists(atPath: equivalent), "\(pair.equivalent) exists")
        var commands: [[String]] = []
        for language in ["en", "fr"] {
            commands.append(["metrics", "--language", language])
            for format in Self.formats.keys.sorted() {
                commands.append(["check", "--format", format, "--language", language])
                commands.append(["check", "--format", format, "--language", language, "--rules", "all"])
            }
        }
        for command in commands {
            let (verb, options) = (command[0], Array(command.dropFirst()))
            let expected = Self.output([verb, example] + options)
            let actual = Self.output([verb, equivalent] + options)
            #expect(expected.hasPrefix("status: 2") == false, "\(command.joined(separator: " ")) of \(pair.example)")
            #expect(actual != expected, "the file name appears in \(command.joined(separator: " "))")
            if normalised(actual) != expected {
                let actualLines = normalised(actual).split(separator: "\n", omittingEmptySubsequences: false)
                let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
                let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
                Issue.record("""
                    \(command.joined(separator: " ")) of \(pair.equivalent) is not that of \(pair.example), \
                    \(first.map { "line \($0.offset + 1):\n  \(pair.example): \($0.element.1)\n  \(pair.equivalent): \($0.element.0)" }
                        ?? "lengths differ (\(expectedLines.count) and \(actualLines.count) lines)")
                    """)
            }
        }
    }

    /// Layout fixtures whose reports list what the reader inferred (issue 26), recorded in `layouts/<stem>/`: the SARIF
    /// document (its run's `properties.budgets[].inferred`) and the text report.
    static let layoutFixtures = ["vertical-produits-first.csv", "template-filled-fr.csv"]

    @Test("The reports of layout fixtures, their inferred lists in SARIF's run properties and in the text, are the recorded ones")
    func layoutReports() throws {
        for fixture in Self.layoutFixtures {
            let file = "Tests/Fixtures/spreadsheets/layouts/" + fixture
            let stem = "layouts/" + fixture.replacingOccurrences(of: ".", with: "-")
            for language in ["en", "fr"] {
                for (format, ext) in [("sarif", "sarif"), ("text", "txt")] {
                    let arguments = ["check", repositoryRoot.appendingPathComponent(file).path, "--format", format, "--language", language]
                    let name = "\(stem)/check.default.\(language).\(ext)"
                    let comment = "--format \(format) --language \(language) of \(file)"
                    if format == "sarif" {
                        try Self.compareSARIF(Self.output(arguments), to: name, language: language, comment: comment)
                    } else {
                        try Self.compare(Self.output(arguments), to: name, comment: comment)
                    }
                }
            }
        }
    }

    @Test("A funder's folder (every example and the made-up grappe of three years) on one HTML page, in both languages, is the recorded one")
    func funderPage() throws {
        for language in ["en", "fr"] {
            let arguments = ["check", repositoryRoot.appendingPathComponent("Examples").path,
                             repositoryRoot.appendingPathComponent("Tests/Fixtures/funder").path, "--format", "html", "--language", language]
            try Self.compare(Self.output(arguments), to: "funder/check.default.\(language).html",
                             comment: "check Examples Tests/Fixtures/funder --format html --language \(language)")
        }
    }

    @Test("Every example's metrics table, in both languages, is the recorded one")
    func metricsTables() throws {
        for file in try Self.examples() {
            for language in ["en", "fr"] {
                let arguments = ["metrics", repositoryRoot.appendingPathComponent(file).path, "--language", language]
                try Self.compare(
                    Self.output(arguments), to: "\(Self.stem(file))/metrics.\(language).txt",
                    comment: "metrics --language \(language) of \(file)")
            }
        }
    }

    @Test("The rule list and every rule's explanation, in both languages, are the recorded ones")
    func rulesAndExplanations() throws {
        for language in ["en", "fr"] {
            try Self.compare(
                Self.output(["rules", "--language", language]), to: "rules/rules.\(language).txt",
                comment: "rules --language \(language)")
            let ids = Tool.run(["rules"]).stdout.split(separator: "\n").dropFirst()
                .compactMap { $0.split(separator: " ").first.map(String.init) }
                .filter { $0.contains("-") }
            #expect(ids.count >= 20)
            for id in ids {
                try Self.compare(
                    Self.output(["explain", id, "--language", language]), to: "rules/explain.\(id).\(language).txt",
                    comment: "explain \(id) --language \(language)")
            }
        }
    }
}
