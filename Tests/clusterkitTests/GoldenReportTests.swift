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
@Suite("Recorded reports of the examples")
struct GoldenReportTests {
    static let folder = repositoryRoot.appendingPathComponent("Tests/clusterkitTests/Golden")
    static let formats = ["text": "txt", "json": "json", "sarif": "sarif", "markdown": "md", "html": "html"]
    static var recording: Bool { ProcessInfo.processInfo.environment["CLUSTERKIT_RECORD_GOLDEN"] == "1" }

    /// The example budget files, relative to the repository.
    static func examples() throws -> [String] { try exampleBudgetFiles() }

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
            // SARIF describes every built-in rule in each file (~80 KB): recorded for the `all` preset only, whose
            // results are a superset of the default's. An HTML page (~30 KB, its charts the same whatever the preset)
            // is recorded for the default preset only.
            for (format, ext) in Self.formats.sorted(by: { $0.key < $1.key })
            where (format != "sarif" || preset == "all") && (format != "html" || preset == "default") {
                for language in ["en", "fr"] {
                    var arguments = ["check", repositoryRoot.appendingPathComponent(file).path, "--format", format,
                                     "--language", language]
                    if preset != "default" { arguments += ["--rules", preset] }
                    try Self.compare(
                        Self.output(arguments), to: "\(Self.stem(file))/check.\(preset).\(language).\(ext)",
                        comment: arguments.dropFirst(2).joined(separator: " ") + " of \(file)")
                }
            }
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
