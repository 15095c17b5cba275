import ClusterKit
import Foundation
import Testing
import TestSupport

@testable import ClusterKitReports
@testable import clusterkit

/// `check` on several files writes its reports (all but SARIF) a cluster at a time
/// (`PortfolioStream`): the same bytes as the report held whole, with only one cluster's budgets held at a time.
@Suite("A funder's folder, judged a cluster at a time")
struct PortfolioStreamTests {
    /// The funder's folder of `FunderFolderTests` (the case studies, the real accounts, a grappe over three years),
    /// with a year of Soliage beside its history file, a file that does not read, and Mecabourg's 2013 given twice.
    static func folder() throws -> URL {
        let made = try String(contentsOf: repositoryFile("Tests/Fixtures/funder/grappe-exemple-2016-forecast.json"), encoding: .utf8)
            .replacingOccurrences(of: "Grappe Exemple du financeur", with: "Soliage")
            .replacingOccurrences(of: "\"founded\": 2010", with: "\"founded\": 2011")
            .replacingOccurrences(of: "\"year\": 2016", with: "\"year\": 2014")
        let mecabourg = try String(contentsOf: repositoryFile("Examples/mecabourg-2013.json"), encoding: .utf8)
        return try FunderFolderTests.folder(extra: [
            "soliage-2014-made-up.json": made, "zz-mecabourg-2013-again.json": mecabourg, "broken.json": "{ \"format\": ",
        ])
    }

    /// The report on the folder as the whole-report path makes it: every file read, judged and grouped at once.
    static func whole(_ folder: URL, preset: Preset?, configuration: Configuration) throws -> Report {
        let read = BudgetFile.readEach([folder.path])
        #expect(read.failures.count == 1, "broken.json does not read")
        return try CheckCommand.Judging(preset: preset, configuration: configuration).report(read.inputs)
    }

    @Test("JSON, text, Markdown, the funder's page and the table, streamed, are the bytes of the whole report's, in both languages and with a preset or without")
    func sameBytes() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // One suppression that hides a finding, one that hides none: the notes of the stream are the whole report's.
        let config = folder.appendingPathComponent("clusterkit.config")
        try Data(#"""
            { "suppressions": [
              { "rule": "funder-dependency", "justification": "Known." },
              { "rule": "funder-dependency", "cluster": "Nobody", "justification": "Matches nothing." } ] }
            """#.utf8).write(to: config)
        let configuration = try Configuration(contentsOfFile: config.path)
        for preset in [nil, Preset.grappe] {
            let report = try Self.whole(folder, preset: preset, configuration: configuration)
            #expect(report.clusters?.count == 12)
            #expect(report.diagnostics.contains { $0.ruleID.description == "clusterkit/unused-suppression" })
            #expect(report.budgets.contains { !$0.suppressed.isEmpty })
            for language in [Language.english, .french] {
                let options = RenderingOptions(language: language)
                let expected: [(String, String)] = [
                    ("json", JSONReportRenderer(options: options).render(report)),
                    ("html", HTMLReportRenderer(options: options).render(report)),
                    ("csv", CSVReportRenderer(options: options).render(report)),
                    ("text", TextReportRenderer(options: options).render(report)),
                    ("markdown", MarkdownReportRenderer(options: options).render(report)),
                ]
                for (format, bytes) in expected {
                    let arguments = ["check", folder.path, "--format", format, "--language", language.rawValue, "--config", config.path]
                        + (preset.map { ["--rules", $0.rawValue] } ?? [])
                    let output = Tool.run(arguments)
                    #expect(output.stdout == bytes, "\(format), \(language), \(preset?.rawValue ?? "by kind")")
                    #expect(output.status == 2 && output.stderr.contains("broken.json"), "the file that does not read is named")
                    // Written to standard output as it goes: pieces, whose text is the same.
                    var pieces: [String] = []
                    let written = Tool.run(arguments, environment: ToolEnvironment(writeStdout: { pieces.append($0) }))
                    #expect(written.stdout.isEmpty && pieces.joined() == bytes)
                    if format != "csv" { #expect(pieces.count > 12, "a piece per budget or per cluster, not one") }
                }
            }
        }
    }

    @Test("Each pass reads each file anew: once for its cluster, once to judge, once more for what is written of it")
    func passes() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = BudgetFile.expanding([folder.path])
        let judging = try CheckCommand.Judging(preset: nil, configuration: Configuration())
        var reads: [String: Int] = [:]
        var stream = PortfolioStream(files: files) { file throws(InputError) in
            reads[(file as NSString).lastPathComponent, default: 0] += 1
            return try BudgetFile.read(contentsOf: file)
        }
        #expect(stream.fileCount == files.count - 1 && stream.failures.map(\.file) == [folder.appendingPathComponent("broken.json").path])
        try stream.judge(
            suppressions: [], mixedRuleSet: "by-kind", judge: judging.report(ofEach:), engine: judging.engine(for:))
        #expect(reads.filter { $0.key != "broken.json" }.values.allSatisfy { $0 == 2 })
        // The clusters' outlines, in name order, and the page: each cluster's files read a third time.
        #expect(stream.outlines.map(\.cluster.name).first == "Aerospace Valley" && stream.outlines.count == 12)
        try stream.writePage(HTMLReportRenderer()) { _ in }
        #expect(reads.filter { $0.key != "broken.json" }.values.allSatisfy { $0 == 3 })
    }

    @Test("A file that no longer reads when its part is written stops the report there, and the error names it")
    func fileChangedBetweenPasses() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = BudgetFile.expanding([folder.path]).filter { !$0.hasSuffix("broken.json") }
        let judging = try CheckCommand.Judging(preset: nil, configuration: Configuration())
        var reads = 0
        var stream = PortfolioStream(files: files) { file throws(InputError) in
            reads += 1
            // The third read of the fourth file (its part of the JSON report) fails.
            if file == files[3], reads > 2 * files.count {
                throw InputError(file: file, path: "", reason: "cannot read the file")
            }
            return try BudgetFile.read(contentsOf: file)
        }
        try stream.judge(
            suppressions: [], mixedRuleSet: "by-kind", judge: judging.report(ofEach:), engine: judging.engine(for:))
        var text = ""
        #expect(throws: InputError.self) { try stream.writeJSON(JSONReportRenderer()) { text += $0 } }
        // The budgets of the three files before it were written, and nothing after: the text stops inside the array.
        let before = try files.prefix(3).reduce(0) { $0 + (try judging.report(ofEach: [try BudgetFile.read(contentsOf: $1)]).budgets.count) }
        #expect(text.components(separatedBy: "\"cluster\" : ").count - 1 == before)
        #expect(text.hasSuffix("}") && !text.contains("\"format\" : \"clusterkit.report/1\""))
    }
}
