import ClusterKitCore
import Foundation
import Testing
import TestSupport

@testable import clusterkit

@Suite("clusterkit check on histories")
struct HistoryCheckTests {
    @Test("A history prints its full years, then its trajectory: year, private share, required share")
    func text() {
        let output = Tool.run(["check", example("cra-eco-energies-2010-2013.json")])
        #expect(output.status == 1, "the 2013 table does not balance: an error")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Cluster Rhône-Alpes Eco-énergies 2013 (") == true)
        #expect(output.stdout.contains("error: [budget-balance]"))
        #expect(output.stdout.contains("warning: [declared-figures]"))
        #expect(output.stdout.contains("Cluster Rhône-Alpes Eco-énergies 2010–2013 ("))
        // A public-service grappe without a dated target: no path, and a note on the 50/50 rather than a warning.
        #expect(output.stdout.contains("private share by year (no glide path"))
        #expect(lines.contains("    2013: 35% (published), required n/a"))
        #expect(output.stdout.contains("note: [public-private-balance]"))
        #expect(!output.stdout.contains("[transition-trajectory]") && !output.stdout.contains("2016"))

        // Silicon Sentier's own target, 75% by the end of 2014, set in 2013: the path starts in 2013, no year before it
        // is behind, and 2013 is on it — a note.
        let sentier = Tool.run(["check", example("silicon-sentier-2011-2013.json")])
        let rows = sentier.stdout.split(separator: "\n").map(String.init)
        #expect(sentier.stdout.contains("against the glide path from 50% in 2013 to 75% in 2014"))
        #expect(rows.contains("    2012: 50% (published), required n/a"))
        #expect(rows.contains("    2013: 50% (published), required 50%"))
        #expect(!sentier.stdout.contains("behind"))
        #expect(sentier.stdout.contains("note: [transition-trajectory] In 2013, private resources are 50%"))
    }

    @Test("In French")
    func french() {
        let output = Tool.run(["check", example("soliage-2012-2013.json"), "--language", "fr"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("    2012\u{00A0}: 24,4\u{00A0}% (publié), requis 24,4\u{00A0}%"))
        #expect(output.stdout.contains("    2013\u{00A0}: 40\u{00A0}% (publié), requis 37,2\u{00A0}%"))
    }

    @Test("JSON: the history's entry has a trajectory field, and no metrics")
    func json() throws {
        let output = Tool.run(["check", example("cra-eco-energies-2010-2013.json"), "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let budgets = try #require(document["budgets"] as? [[String: Any]])
        #expect(budgets.count == 2)
        #expect(budgets[0]["year"] as? Int == 2013 && budgets[0]["metrics"] != nil && budgets[0]["trajectory"] == nil)
        let whole = budgets[1]
        #expect(whole["metrics"] == nil)
        let undated = try #require(whole["trajectory"] as? [String: Any])
        #expect(undated["targetYear"] == nil, "no dated target, no path")
        #expect((undated["years"] as? [[String: Any]])?.map { $0["privateShare"] as? Double } == [0.25, 0.25, 0.3, 0.35])

        let sentier = Tool.run(["check", example("silicon-sentier-2011-2013.json"), "--format", "json"])
        let history = try #require(try JSONSerialization.jsonObject(with: Data(sentier.stdout.utf8)) as? [String: Any])
        let entry = try #require((history["budgets"] as? [[String: Any]])?.last)
        let trajectory = try #require(entry["trajectory"] as? [String: Any])
        #expect(trajectory["target"] as? Double == 0.75 && trajectory["targetYear"] as? Int == 2014)
        #expect(trajectory["baselineYear"] as? Int == 2013 && trajectory["basis"] as? String == "gross")
        let years = try #require(trajectory["years"] as? [[String: Any]])
        #expect(years.map { $0["year"] as? Int } == [2011, 2012, 2013])
        #expect(years.map { $0["requiredShare"] as? Double } == [nil, nil, 0.5], "no path before the target was set")
        #expect(years.last?["figure"] as? String == "published" && years.last?["total"] as? Int == 2_000_000)
        let diagnostics = try #require(entry["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["rule"] as? String } == ["transition-trajectory"])
        #expect(diagnostics.first?["measured"] as? Double == 0.5 && diagnostics.first?["threshold"] as? Double == 0.5)
        #expect(diagnostics.first?["severity"] as? String == "note")
    }

    @Test("A folder mixing budgets and histories is read in name order")
    func mixedFolder() throws {
        let budget = try String(contentsOfFile: example("neopolia-2013.json"), encoding: .utf8)
        let history = try String(contentsOfFile: example("silicon-sentier-2011-2013.json"), encoding: .utf8)
        let first = try temporaryFile(budget, name: "a-neopolia.json")
        let folder = (first as NSString).deletingLastPathComponent
        try Data(history.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("b-silicon-sentier.json"))
        let output = Tool.run(["check", folder])
        #expect(output.status == 0)
        let neopolia = try #require(output.stdout.range(of: "Neopolia 2013 ("))
        let sentier = try #require(output.stdout.range(of: "Silicon Sentier 2011–2013 ("))
        #expect(neopolia.lowerBound < sentier.lowerBound)
        #expect(output.stdout.contains("51.3% gross, 38.9% net"))
        // Its « temps entreprise et CCI » holds the CCI's secondment unsplit: the 15% ceiling is a note.
        #expect(output.stdout.contains("note: [valued-time-ceiling]"))
    }

    @Test("A bad history: exit 2, the file, the year's place and the field, and nothing reported")
    func badHistory() throws {
        let path = try temporaryFile(#"""
            { "format": "clusterkit.history/1", "cluster": { "name": "X" },
              "years": [ { "year": 2012, "total": 5 }, { "year": 2012, "total": 6 } ] }
            """#, name: "history.json")
        let output = Tool.run(["check", path])
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("history.json: years[1].year: year 2012 appears twice (also years[0])"))
    }
}
