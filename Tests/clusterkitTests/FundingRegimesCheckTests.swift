import ClusterKitCore
import Foundation
import Testing
import TestSupport

@testable import clusterkit

@Suite("clusterkit check: funding regimes and mission categories")
struct FundingRegimesCheckTests {
    @Test("The pôle example's regimes are known to the tool; its category D service is an error, and the JSON states the allocation")
    func poleExample() throws {
        let output = Tool.run(["check", example("pole-categories-example.json"), "--format", "json"])
        #expect(output.status == 1, "the category D service receives public money")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(document["ruleSet"] as? String == "pole")
        let budget = try #require((document["budgets"] as? [[String: Any]])?.first)
        let diagnostics = try #require(budget["diagnostics"] as? [[String: Any]])
        let cap = try #require(diagnostics.first { $0["rule"] as? String == "mission-category-cap" })
        #expect(cap["severity"] as? String == "error")
        #expect(cap["lines"] as? [String] == ["prestations"])
        #expect((cap["remediation"] as? [String: Any])?["amount"] as? Double == 20_000)
        let actions = try #require((budget["allocation"] as? [String: Any])?["actions"] as? [[String: Any]])
        let services = try #require(actions.first { $0["action"] as? String == "prestations" })
        #expect(services["public"] as? Double == 19_340.66)
        #expect(services["sharedPublic"] as? Double == 19_340.66)
        #expect(services["category"] as? String == "D")
    }

    @Test("A misspelt regime id stops the check with status 2, naming the field and the nearest ids")
    func unknownRegime() throws {
        let file = try temporaryFile(
            """
            {"format": "clusterkit.budget/1", "cluster": {"name": "P", "kind": "pole"}, "year": 2013,
             "resources": [{"source": "region", "amount": 100}],
             "expenses": [{"id": "c", "amount": 100, "category": "C", "regime": "de-minimis-1407"}]}
            """)
        let output = Tool.run(["check", file])
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("expenses[0].regime: unknown funding regime 'de-minimis-1407' (did you mean 'de-minimis-1407/2013'"))
    }
}
