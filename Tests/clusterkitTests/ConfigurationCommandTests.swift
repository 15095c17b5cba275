import ClusterKitCore
import Foundation
import Testing
import TestSupport

@testable import clusterkit

@Suite("clusterkit check --config")
struct ConfigurationCommandTests {
    /// The configuration of the issue: membership fees an error at 20%, event risk off, Cosmetic Valley's 50/50 gap
    /// suppressed with a reason.
    static let configuration = """
        {
          "format": "clusterkit.config/1",
          "rules": {
            "membership-fee-floor": { "severity": "error", "parameters": { "threshold": 0.2 } },
            "event-risk": "off"
          },
          "suppressions": [
            { "rule": "public-private-balance", "cluster": "Cosmetic Valley", "year": 2013,
              "justification": "49.8% private: the 2014 plan adds the 9,500 EUR of private revenue missing." }
          ]
        }
        """

    /// The report's diagnostics, each as canonical JSON (keys sorted), with the summary.
    func report(_ arguments: [String]) throws -> (status: Int32, diagnostics: [[String: Any]], summary: [String: Int], stdout: String) {
        let output = Tool.run(["check", example("cosmetic-valley-2013.json"), "--format", "json"] + arguments)
        #expect(output.stderr.isEmpty, "\(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let budget = try #require((object["budgets"] as? [[String: Any]])?.first)
        return (
            output.status, try #require(budget["diagnostics"] as? [[String: Any]]),
            try #require(object["summary"] as? [String: Int]), output.stdout
        )
    }

    func canonical(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test("A configuration changes the report exactly so: one rule raised, one off, one diagnostic suppressed")
    func changesExactlySo() throws {
        let config = try temporaryFile(Self.configuration, name: "clusterkit.json")
        let before = try report([])
        let after = try report(["--config", config])

        // Cosmetic Valley 2013 without configuration: membership fees 9.2% < 15%, events 18.6% > 10%, private 49.8%.
        let rule = { (diagnostic: [String: Any]) in diagnostic["rule"] as? String ?? "" }
        let fees = try #require(before.diagnostics.first { rule($0) == "membership-fee-floor" })
        #expect(fees["severity"] as? String == "warning" && fees["measured"] as? Double == 0.0922 && fees["threshold"] as? Double == 0.15)
        #expect((fees["remediation"] as? [String: Any])?["amount"] as? Double == 147_558.83)
        let events = try #require(before.diagnostics.first { rule($0) == "event-risk" })
        #expect(events["measured"] as? Double == 0.1858)
        let balance = try #require(before.diagnostics.first { rule($0) == "public-private-balance" })
        #expect(balance["measured"] as? Double == 0.4978)
        #expect(before.status == 0)

        // With it: fees an error against 20% — (0.2 × 2,169,500 − 200,000) / 0.8 = 292,375 to add — first, as errors
        // sort first; event risk and the 50/50 gap gone; every other diagnostic byte for byte the same.
        let raised = try #require(after.diagnostics.first)
        #expect(rule(raised) == "membership-fee-floor")
        #expect(raised["severity"] as? String == "error" && raised["measured"] as? Double == 0.0922 && raised["threshold"] as? Double == 0.2)
        #expect((raised["remediation"] as? [String: Any])?["amount"] as? Int == 292_375)
        let unchanged = ["membership-fee-floor", "event-risk", "public-private-balance"]
        #expect(try after.diagnostics.dropFirst().map(canonical)
            == before.diagnostics.filter { !unchanged.contains(rule($0)) }.map(canonical))
        #expect(after.summary["errors"] == 1)
        #expect(after.summary["warnings"] == before.summary["warnings"]! - 1, "fees raised")
        #expect(
            after.summary["notes"] == before.summary["notes"]! - 2,
            "event-risk, a note, off; the 50/50 gap (a note three years before 2016) suppressed: no note about it")
        #expect(after.summary["suppressed"] == 1 && before.summary["suppressed"] == 0)
        #expect(after.status == 1, "an error now fails the check")
        #expect(!after.stdout.contains("\"suppressed\" : ["), "suppressed diagnostics are listed only when asked")
    }

    @Test("--show-suppressed lists the suppressed diagnostic with its justification, in JSON and text")
    func showSuppressed() throws {
        let config = try temporaryFile(Self.configuration, name: "clusterkit.json")
        let output = Tool.run(["check", example("cosmetic-valley-2013.json"), "--format", "json", "--config", config, "--show-suppressed"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let budget = try #require((object["budgets"] as? [[String: Any]])?.first)
        let suppressed = try #require(budget["suppressed"] as? [[String: Any]])
        #expect(suppressed.count == 1)
        #expect(suppressed.first?["rule"] as? String == "public-private-balance")
        #expect(suppressed.first?["measured"] as? Double == 0.4978)
        #expect((suppressed.first?["justification"] as? String)?.hasPrefix("49.8% private") == true)

        let text = Tool.run(["check", example("cosmetic-valley-2013.json"), "--config", config, "--show-suppressed"]).stdout
        #expect(text.contains("cosmetic-valley-2013.json: suppressed: [public-private-balance] Private resources are 49.8%"))
        #expect(text.contains("    justification: 49.8% private: the 2014 plan adds the 9,500 EUR of private revenue missing."))
        let notes = noteCount(text)
        #expect(text.hasSuffix("1 error, 0 warnings, \(notes) \(notes == 1 ? "note" : "notes"), 1 suppressed\n"))
        let french = Tool.run(["check", example("cosmetic-valley-2013.json"), "--config", config, "--language", "fr"]).stdout
        #expect(french.hasSuffix(", 1 masqué\n"))
        #expect(!french.contains("masqué :"), "listed only with --show-suppressed")
    }

    func noteCount(_ text: String) -> Int { text.components(separatedBy: ": note: [").count - 1 }

    @Test("A suppression that matches nothing is reported as a note, in either language")
    func unusedSuppression() throws {
        let config = try temporaryFile(
            #"{ "suppressions": [ { "rule": "funder-dependency", "cluster": "Mecabourg", "line": "cg01", "justification": "Triennial support." } ] }"#,
            name: "clusterkit.json")
        // Mecabourg 2013: the Conseil général de l'Ain pays 60,000 of 290,000 (20.7%), under the 50% of funder-dependency.
        let output = Tool.run(["check", example("mecabourg-2013.json"), "--config", config])
        #expect(output.status == 0)
        #expect(output.stdout.contains(
            "note: [clusterkit/unused-suppression] The suppression of funder-dependency (cluster Mecabourg, line cg01, \(config): suppressions[0]) matched no diagnostic"))
        let french = Tool.run(["check", example("mecabourg-2013.json"), "--config", config, "--language", "fr"]).stdout
        #expect(french.contains(FrenchTypography.applied(to: "note : [clusterkit/unused-suppression] La suppression déclarée pour funder-dependency (cluster Mecabourg, ligne cg01")))
        let json = Tool.run(["check", example("mecabourg-2013.json"), "--config", config, "--format", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let notes = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(notes.map { $0["rule"] as? String } == ["clusterkit/unused-suppression"])
        #expect((object["summary"] as? [String: Int])?["notes"] == 1 + ((object["budgets"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]] ?? [])
            .filter { $0["severity"] as? String == "note" }.count)
    }

    @Test("A bad configuration exits 2 with one message naming the file, the field and the reason, and no report",
          arguments: [
            (#"{ "suppressions": [ { "rule": "funder-dependency", "cluster": "Mecabourg", "line": "cg01" } ] }"#,
             "suppressions[0].justification: required field 'justification' is missing: a suppression must carry a justification: say why the diagnostic does not apply"),
            (#"{ "rules": { "membership-fee-flor": "error" } }"#,
             "rules.membership-fee-flor: unknown rule 'membership-fee-flor' (did you mean 'membership-fee-floor'?)"),
            (#"{ "rules": { "membership-fee-floor": { "parameters": { "threshold": "20%" } } } }"#,
             "rules.membership-fee-floor.parameters.threshold: expected a share (a fraction from 0 to 1, such as 0.15 for 15%), found a string \"20%\""),
            (#"{ "rules": { "membership-fee-floor": { "parameters": { "treshold": 0.2 } } } }"#,
             "rules.membership-fee-floor.parameters.treshold: rule 'membership-fee-floor' has no parameter 'treshold' (did you mean 'threshold'?)"),
          ])
    func badConfiguration(json: String, expected: String) throws {
        let config = try temporaryFile(json, name: "clusterkit.json")
        let output = Tool.run(["check", example("mecabourg-2013.json"), "--config", config])
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty, "nothing is half-reported")
        #expect(output.stderr == "\(config): \(expected)\n")
    }

    @Test("A missing configuration file exits 2")
    func missingFile() {
        let output = Tool.run(["check", "--config", "/nonexistent/clusterkit.json"])
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("/nonexistent/clusterkit.json: cannot read the configuration file"))
    }

    @Test("JSON diagnostics carry their explanation: the figures that entered the rule")
    func explanationInJSON() throws {
        let before = try report([])
        let fees = try #require(before.diagnostics.first { $0["rule"] as? String == "membership-fee-floor" })
        let explanation = try #require(fees["explanation"] as? [[String: Any]])
        #expect(explanation.first?["label"] as? String == "Membership fees")
        #expect(explanation.first?["kind"] as? String == "amount")
        #expect(explanation.first?["value"] as? Int == 200_000)
        #expect(explanation.contains { $0["kind"] as? String == "amount" && $0["value"] as? Int == 2_169_500 })
        #expect(explanation.contains { $0["kind"] as? String == "share" && $0["value"] as? Double == 0.0922 })
    }
}
