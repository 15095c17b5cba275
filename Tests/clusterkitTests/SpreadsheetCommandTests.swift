import Foundation
import Testing
import TestSupport

@testable import clusterkit

@Suite("Workbooks (.xlsx, .ods) on the command line")
struct SpreadsheetCommandTests {
    /// The CSV examples, by name without extension.
    static func csvExamples() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Examples/csv").path)
            .filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// A command's output with a file's path replaced by `FILE` (in JSON, its slashes are escaped).
    static func output(_ arguments: [String], file: String) -> (Int32, String) {
        let result = Tool.run(arguments)
        let text = (result.stdout + result.stderr).replacingOccurrences(of: file, with: "FILE")
            .replacingOccurrences(of: file.replacingOccurrences(of: "/", with: "\\/"), with: "FILE")
        return (result.status, text)
    }

    @Test("Every CSV example's .xlsx and .ods (saved by LibreOffice) give its metrics and check reports, but for the file name")
    func twinsGiveTheSameReports() throws {
        let names = try Self.csvExamples()
        #expect(names.count >= 3)
        for name in names {
            let csv = example("csv/\(name).csv")
            for format in ["xlsx", "ods"] {
                let workbook = example("spreadsheets/\(name).\(format)")
                #expect(FileManager.default.fileExists(atPath: workbook), "run Scripts/make-spreadsheet-fixtures.sh: \(workbook)")
                var runs: [[String]] = [["metrics"], ["metrics", "--language", "fr"]]
                for report in ["text", "json", "sarif", "markdown"] {
                    for language in ["en", "fr"] {
                        runs.append(["check", "--format", report, "--language", language])
                        runs.append(["check", "--format", report, "--language", language, "--rules", "all"])
                    }
                }
                for arguments in runs {
                    let expected = Self.output(arguments + [csv], file: csv)
                    let actual = Self.output(arguments + [workbook], file: workbook)
                    #expect(actual.0 == expected.0, "\(name).\(format) \(arguments)")
                    #expect(actual.1 == expected.1, "\(name).\(format) \(arguments)")
                    #expect(expected.1.contains("FILE") || arguments[0] == "check", "\(arguments): the file is named")
                }
            }
        }
    }

    @Test("A workbook's budget on its second sheet is found; --sheet reads another; convert gives the CSV's JSON")
    func sheets() throws {
        for format in ["xlsx", "ods"] {
            let workbook = example("spreadsheets/workbook-2013.\(format)")
            let mecabourg = example("csv/mecabourg-2013.csv"), cosmetic = example("csv/cosmetic-valley-2013.csv")
            #expect(Self.output(["metrics", workbook], file: workbook).1 == Self.output(["metrics", mecabourg], file: mecabourg).1)
            #expect(Self.output(["metrics", "--sheet", "Cosmetic Valley", workbook], file: workbook).1
                == Self.output(["metrics", cosmetic], file: cosmetic).1)
            #expect(Tool.run(["convert", workbook]).stdout == Tool.run(["convert", mecabourg]).stdout)
            #expect(Tool.run(["convert", "--sheet", "Cosmetic Valley", workbook]).stdout == Tool.run(["convert", cosmetic]).stdout)
            let notes = Tool.run(["check", "--sheet", "Notes", workbook])
            #expect(notes.status == 2)
            #expect(notes.stderr.hasPrefix("\(workbook), sheet « Notes »: no plan of financing"))
        }
    }

    @Test("A folder's workbooks are read with its CSV and JSON files; Excel's lock files are left out")
    func folders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clusterkit-sheets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["mecabourg-2013.xlsx", "cosmetic-valley-2013.ods"] {
            try FileManager.default.copyItem(atPath: example("spreadsheets/\(name)"), toPath: folder.appendingPathComponent(name).path)
        }
        try Data("lock".utf8).write(to: folder.appendingPathComponent("~$mecabourg-2013.xlsx"))
        let result = Tool.run(["metrics", folder.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Mecabourg, budget 2013 (\(folder.path)/mecabourg-2013.xlsx)"))
        #expect(result.stdout.contains("Cosmetic Valley, budget 2013 (\(folder.path)/cosmetic-valley-2013.ods)"))
    }

    @Test("A zip bomb (true and understated headers), a truncated archive, encrypted workbooks, a non-workbook: status 2, file named, within a second")
    func badWorkbooks() throws {
        let truncated = try temporaryFile("", name: "truncated.xlsx")
        try Data(contentsOf: URL(fileURLWithPath: example("spreadsheets/mecabourg-2013.xlsx"))).prefix(4000)
            .write(to: URL(fileURLWithPath: truncated))
        let notWorkbook = try temporaryFile("Cluster;Essai\n", name: "budget.xlsx")
        let files = [
            "Tests/Fixtures/spreadsheets/bomb-200MB.xlsx", "Tests/Fixtures/spreadsheets/bomb-understated.xlsx",
            "Tests/Fixtures/spreadsheets/password.xlsx", "Tests/Fixtures/spreadsheets/password.ods",
        ].map { repositoryRoot.appendingPathComponent($0).path } + [truncated, notWorkbook]
        for file in files {
            for command in ["check", "metrics", "convert"] {
                let start = ContinuousClock.now
                let result = Tool.run([command, file])
                #expect(ContinuousClock.now - start < .seconds(1), "\(command) \(file)")
                #expect(result.status == 2, "\(command) \(file)")
                #expect(result.stdout.isEmpty)
                #expect(result.stderr.hasPrefix("\(file): "), "\(command): \(result.stderr)")
            }
        }
    }
}
