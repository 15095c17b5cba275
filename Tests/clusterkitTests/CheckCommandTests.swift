import ClusterKitCore
import Foundation
import Testing
import TestSupport

@testable import clusterkit


func example(_ name: String) -> String { repositoryRoot.appendingPathComponent("Examples/\(name)").path }

/// Writes `contents` to a fresh temporary file and returns its path.
func temporaryFile(_ contents: String, name: String = "budget.json") throws -> String {
    let folder = try scratchFolder("check")
    let url = folder.appendingPathComponent(name)
    try Data(contents.utf8).write(to: url)
    return url.path
}

@Suite("clusterkit check")
struct CheckCommandTests {
    @Test("clusterkit metrics titles a closed year's accounts as the reports do: « comptes 2024–2025 »")
    func metricsTitleOfAccounts() {
        let output = Tool.run(["metrics", example("aerospace-valley-2024-2025.json"), "--language", "fr"])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("Aerospace Valley, comptes 2024–2025 ("), "output was: \(output.stdout.prefix(80))")
        let forecast = Tool.run(["metrics", example("mecabourg-2013.json")])
        #expect(forecast.stdout.hasPrefix("Mecabourg, budget 2013 ("))
    }

    @Test("With no file it checks the embedded Mecabourg 2013 budget and says so")
    func embedded() {
        let output = Tool.run(["check"])
        #expect(output.status == 0, "Mecabourg has warnings, no error")
        #expect(output.stdout.hasPrefix("No file given: checking the embedded example, Mecabourg 2013"))
        #expect(output.stdout.contains("warning: [billed-revenue-floor]"))
        #expect(output.stdout.contains("note: [public-private-balance]"), "its 50% « à terme » has no date")
        #expect(output.stdout.contains("€28,750.00"))
        #expect(output.stderr.isEmpty)
    }

    @Test("The embedded budget is the example file")
    func embeddedIsTheExample() throws {
        let file = try String(contentsOfFile: example("mecabourg-2013.json"), encoding: .utf8)
        #expect(EmbeddedExample.json + "\n" == file)
    }

    @Test("--strict turns warnings into a failing status")
    func strict() {
        #expect(Tool.run(["check", "--strict"]).status == 1)
    }

    @Test("JSON output follows clusterkit.report/1 and is byte-identical run to run")
    func json() throws {
        let output = Tool.run(["check", example("mecabourg-2013.json"), "--format", "json"])
        #expect(output.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "clusterkit.report/1")
        #expect(object["ruleSet"] as? String == "grappe", "the preset follows cluster.kind")
        let budget = try #require((object["budgets"] as? [[String: Any]])?.first)
        #expect(budget["cluster"] as? String == "Mecabourg")
        let metrics = try #require(budget["metrics"] as? [String: Any])
        #expect(metrics["selfFinancingGross"] as? Double == 0.4483)
        #expect(metrics["totalResources"] as? Int == 290_000)
        let diagnostics = try #require(budget["diagnostics"] as? [[String: Any]])
        let billed = try #require(diagnostics.first { $0["rule"] as? String == "billed-revenue-floor" })
        #expect(billed["measured"] as? Double == 0.1207)
        #expect(billed["threshold"] as? Double == 0.2)
        #expect(billed["lines"] as? [String] == ["participations"])
        #expect((billed["remediation"] as? [String: Any])?["amount"] as? Int == 28_750)
        #expect((billed["reference"] as? String)?.hasPrefix("Modèles économiques des clusters (2013), p. 13") == true)
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary["warnings"] == 1 && summary["errors"] == 0, "billed revenue; the undated 50/50 is a note")
        #expect(Tool.run(["check", example("mecabourg-2013.json"), "--format", "json"]).stdout == output.stdout)
    }

    @Test("A table that does not balance is an error: exit status 1")
    func unbalanced() throws {
        var text = try String(contentsOfFile: example("mecabourg-2013.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: #""amount": 135000"#, with: #""amount": 125000"#)
        let output = Tool.run(["check", try temporaryFile(text)])
        #expect(output.status == 1)
        #expect(output.stdout.contains("error: [budget-balance] Resources (€290,000.00) exceed expenses (€280,000.00) by €10,000.00"))
    }

    @Test("Bad input exits 2 with one message naming file, field and reason, and no report",
          arguments: [
            (#"{ "cluster": "#, "not valid JSON"),
            (#"{ "cluster": { "name": "x" }, "year": 2013, "expenses": [] }"#, "resources: required field 'resources' is missing"),
            (#"{ "cluster": { "name": "x" }, "year": 2013, "resources": [{ "source": "region", "amount": -1 }], "expenses": [] }"#,
             "resources[0].amount: negative amount"),
            (#"{ "cluster": { "name": "x" }, "year": 2013, "resources": [{ "source": "region", "amount": 1.234 }], "expenses": [] }"#,
             "resources[0].amount: amount 1.234 has more than two decimals"),
            (#"{ "cluster": { "name": "x" }, "year": 2013, "resources": [{ "source": "cotisations", "amount": 1 }], "expenses": [] }"#,
             "resources[0].source: unknown revenue source 'cotisations'"),
            (#"{ "cluster": { "name": "x" }, "year": 2013, "resources": [{ "source": "region", "amount": 92233720368547758 }, { "source": "region", "amount": 92233720368547758 }], "expenses": [] }"#,
             "resources: the resources up to resources[1] add up to more than"),
          ])
    func badInput(document: String, expected: String) throws {
        let path = try temporaryFile(document)
        let output = Tool.run(["check", path])
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty, "nothing is half-reported")
        #expect(output.stderr.hasPrefix(path), "the message names the file")
        #expect(output.stderr.contains(expected), "stderr was: \(output.stderr)")
        #expect(output.stderr.split(separator: "\n").count == 1)
    }

    @Test("A missing file and a bad command line exit 2")
    func usage() {
        #expect(Tool.run(["check", "/nonexistent/budget.json"]).status == 2)
        let unknown = Tool.run(["check", "--formt", "json"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean '--format'"))
        #expect(Tool.run(["check", "--format", "yaml"]).status == 2)
        #expect(Tool.run(["chek"]).stderr.contains("did you mean 'check'"))
        #expect(Tool.run([]).status == 2)
    }

    @Test("Help for the tool and for check")
    func help() {
        #expect(Tool.run(["--help"]).stdout.contains("USAGE: clusterkit <command>"))
        let check = Tool.run(["check", "--help"])
        #expect(check.status == 0)
        #expect(check.stdout.contains("--format"))
        #expect(check.stdout.contains("--strict"))
    }

    @Test("A folder is read for its JSON files, in name order")
    func folder() throws {
        let output = Tool.run(["check", repositoryRoot.appendingPathComponent("Examples").path, "--format", "json"])
        #expect(output.status != 2, "\(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let names = try #require(object["budgets"] as? [[String: Any]]).compactMap { $0["file"] as? String }
        #expect(names == names.sorted())
        #expect(names.contains { $0.hasSuffix("mecabourg-2013.json") })
    }
}
