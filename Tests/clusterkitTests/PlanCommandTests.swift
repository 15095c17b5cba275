import ClusterKitCore
import ClusterKitPlanning
import Foundation
import Testing
import TestSupport

@testable import clusterkit

@Suite("clusterkit plan")
struct PlanCommandTests {
    static let golden = repositoryRoot.appendingPathComponent("Tests/clusterkitTests/Golden/plan")

    /// The output compared with its recorded file (recorded again with `CLUSTERKIT_RECORD_GOLDEN=1`).
    func expectGolden(_ output: String, _ name: String) throws {
        let url = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CLUSTERKIT_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try Data(output.utf8).write(to: url)
        }
        let recorded = try String(contentsOf: url, encoding: .utf8)
        #expect(output == recorded, "\(name) differs from its golden file")
    }

    /// The tool's output with the repository's path taken out, so that golden files hold the examples' own paths.
    func run(_ arguments: [String]) -> ToolOutput {
        var output = Tool.run(arguments)
        output.stdout = output.stdout.replacingOccurrences(of: repositoryRoot.path + "/", with: "")
        return output
    }

    @Test("Mecabourg 2013, default terms: 28,800 billed for the billed floor; its 50% « à terme » a note the terms do not clear")
    func mecabourgDefault() throws {
        let output = run(["plan", example("mecabourg-2013.json")])
        #expect(output.status == 0)
        // (0.2 × 290,000 − 35,000) / 0.8 = 28,750, rounded up to the step of 100 €.
        #expect(output.stdout.contains("New revenue €28,800.00; public funding replaced €0.00"))
        #expect(output.stdout.contains("participations (Participations entreprises): raise by €28,800.00"))
        #expect(output.stdout.contains("so not planned (the term \"clear\" adds it; their findings remain below): public-private-balance (≥ 50%, note)"))
        #expect(output.stdout.contains("0 errors, 0 warnings"))
        #expect(output.stdout.contains("Not planned (their findings, if any, remain below): cluster-profile, consolidation-factors"))
        try expectGolden(output.stdout, "mecabourg-2013.en.txt")
        try expectGolden(run(["plan", example("mecabourg-2013.json"), "--language", "fr"]).stdout, "mecabourg-2013.fr.txt")
    }

    @Test("Mecabourg 2013, the budget fixed: 23,000 of public funding replaced by billed revenue")
    func mecabourgFixed() throws {
        let terms = try temporaryFile(#"{ "format": "clusterkit.plan/1", "budget": "fixed" }"#, name: "terms.json")
        let output = run(["plan", example("mecabourg-2013.json"), "--terms", terms])
        #expect(output.status == 0)
        #expect(output.stdout.contains("New revenue €23,000.00; public funding replaced €23,000.00; the budget changes by €0.00"))
        #expect(output.stdout.contains("participations (Participations entreprises): raise by €23,000.00, €35,000.00 → €58,000.00"))
        // Rounded to the budget's step (100 € under 1 M€): 7,187.50 exactly, 7,200 rounded.
        #expect(output.stdout.contains("Changes rounded to €100.00 (the step for a budget under €1M"))
        #expect(output.stdout.contains("region (Région Rhône Alpes): lower by €7,200.00, €50,000.00 → €42,800.00"))
        #expect(output.stdout.contains("Why: to meet billed-revenue-floor (≥ 20%) with the budget fixed."))
        #expect(output.stdout.contains("0 errors, 0 warnings"))
        // The exact plan, with "round": 0.01: the figures before rounding.
        let exact = try temporaryFile(#"{ "format": "clusterkit.plan/1", "budget": "fixed", "round": 0.01 }"#, name: "terms.json")
        let second = run(["plan", example("mecabourg-2013.json"), "--terms", exact])
        #expect(second.stdout.contains("region (Région Rhône Alpes): lower by €7,187.50, €50,000.00 → €42,812.50"))
        #expect(second.stdout.contains("cg01 (Conseil Général de l'Ain): lower by €8,625.00, €60,000.00 → €51,375.00"))
    }

    @Test("Cosmetic Valley 2013: fees +74% are over ClusterKit's cap (named, in both languages); lifted, 148,000 of fees clear both warnings, less than the separate 157,058.83")
    func cosmeticValley() throws {
        let capped = run(["plan", example("cosmetic-valley-2013.json")])
        #expect(capped.status == 1)
        #expect(capped.stdout.hasPrefix(
            "No plan meets the terms: these conflict: the cap on fees' growth (50% a year, caps.feeGrowth) and membership-fee-floor.\n"))
        let french = run(["plan", example("cosmetic-valley-2013.json"), "--language", "fr"])
        #expect(plain(french.stdout).hasPrefix(
            "Aucun plan ne respecte les conditions : celles-ci sont incompatibles : le plafond de hausse des cotisations (50 % par an, caps.feeGrowth) et membership-fee-floor.\n"))
        let lifted = try temporaryFile(#"{ "format": "clusterkit.plan/1", "caps": { "feeGrowth": null } }"#, name: "terms.json")
        let output = run(["plan", example("cosmetic-valley-2013.json"), "--terms", lifted, "--format", "markdown"])
        #expect(output.status == 0)
        // 147,558.83 rounded up to the step of a budget above 1 M€.
        #expect(output.stdout.contains("New revenue €148,000.00"))
        #expect(output.stdout.contains("+€510.34 per member a year (290 members)"))
        try expectGolden(output.stdout, "cosmetic-valley-2013.en.md")
        let exact = try temporaryFile(
            #"{ "format": "clusterkit.plan/1", "round": 0.01, "caps": { "feeGrowth": null } }"#, name: "terms.json")
        let json = run(["plan", example("cosmetic-valley-2013.json"), "--terms", exact, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["format"] as? String == "clusterkit.plan-result/1")
        #expect(json.stdout.contains(#""newRevenue" : 147558.83,"#))
        #expect(json.stdout.contains(#""step" : 0.01,"#))
        #expect((object?["unresolved"] as? [String])?.isEmpty == true)
        #expect(object?["check"] != nil)
    }

    @Test("Realised accounts: next year's budget planned, the lines left out said carried over or dropped, the cap that binds named")
    func closedYear() throws {
        let output = run(["plan", example("aerospace-valley-2024-2025.json")])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("Plan for Aerospace Valley 2025–2026: least new revenue"))
        #expect(output.stdout.contains("From the realised accounts of 2024–2025, a closed year: the plan is the budget of 2025–2026."))
        #expect(output.stdout.contains("eu-projects (carried over), provision-reversals (dropped) and financial-income (dropped)"))
        #expect(output.stdout.contains("membership fees grow at most 50% a year — this cap binds"))
        #expect(output.stdout.contains("+€553.29 per member a year (835 members)"))
        let french = run(["plan", example("aerospace-valley-2024-2025.json"), "--language", "fr"])
        #expect(plain(french.stdout).contains("eu-projects (reporté), provision-reversals (abandonné) et financial-income (abandonné)"))
        #expect(plain(french.stdout).contains("par adhérent et par an (835 adhérents)"))
        #expect(plain(french.stdout).contains("ce plafond est atteint"))
    }

    @Test("Infeasible terms: exit status 1, the conflicting terms named")
    func infeasible() throws {
        // The budget fixed, billed revenue may not rise: the 20% floor cannot be reached.
        let terms = try temporaryFile(
            #"{ "format": "clusterkit.plan/1", "budget": "fixed", "lines": [ { "id": "region", "fixed": true }, { "id": "fees", "maxIncrease": 0 }, { "id": "participations", "maxIncrease": 0 } ] }"#,
            name: "terms.json")
        let output = run(["plan", example("mecabourg-2013.json"), "--terms", terms])
        #expect(output.status == 1)
        #expect(output.stdout == "No plan meets the terms: these conflict: line participations, billed-revenue-floor and budget fixed.\n")
    }

    @Test("A 50% target with the Region and fees frozen and the budget fixed still has a plan: the other public lines fall")
    func issueExampleIsFeasible() throws {
        let terms = try temporaryFile(
            #"{ "format": "clusterkit.plan/1", "budget": "fixed", "lines": [ { "id": "region", "fixed": true }, { "id": "fees", "maxIncrease": 0 } ] }"#,
            name: "terms.json")
        let output = run(["plan", example("mecabourg-2013.json"), "--terms", terms])
        #expect(output.status == 0)
        #expect(!output.stdout.contains("region (Région Rhône Alpes):"))
        #expect(output.stdout.contains("0 errors, 0 warnings"))
    }

    @Test("Malformed terms: exit status 2, the file and the field path named")
    func malformedTerms() throws {
        let terms = try temporaryFile(#"{ "format": "clusterkit.plan/1", "lines": [ { "id": "fees", "maxIncrease": 1.5 } ] }"#, name: "terms.json")
        let output = run(["plan", example("mecabourg-2013.json"), "--terms", terms])
        #expect(output.status == 2)
        #expect(output.stderr.contains("terms.json"))
        #expect(output.stderr.contains("lines[0].maxIncrease"))
        let unknown = try temporaryFile(#"{ "objective": "cheapest" }"#, name: "terms.json")
        let second = run(["plan", example("mecabourg-2013.json"), "--terms", unknown])
        #expect(second.status == 2)
        #expect(second.stderr.contains("objective: 'cheapest' is not one of leastNewRevenue, leastTotalChange, leastPublicReplaced"))
        let line = try temporaryFile(#"{ "lines": [ { "id": "nowhere", "fixed": true } ] }"#, name: "terms.json")
        let third = run(["plan", example("mecabourg-2013.json"), "--terms", line])
        #expect(third.status == 2)
        // The file, the field path, and the ids and labels the budget has.
        #expect(third.stderr == line + ": lines[0].id: the budget has no line 'nowhere' (by id or label); its lines: region (Région Rhône Alpes), intercommunalities (Intercommunalités), cg01 (Conseil Général de l'Ain), fees (Cotisations) and participations (Participations entreprises)\n")
        let french = run(["plan", example("mecabourg-2013.json"), "--terms", line, "--language", "fr"])
        #expect(plain(french.stderr).hasPrefix(line + ": lines[0].id: le budget n'a pas de ligne « nowhere » (par identifiant ou libellé) ; ses lignes : region (Région Rhône Alpes)"))
        // By label: « Région Rhône-Alpes » names the line region.
        let label = try temporaryFile(#"{ "budget": "fixed", "lines": [ { "id": "Région Rhône-Alpes", "fixed": true } ] }"#, name: "terms.json")
        let fourth = run(["plan", example("mecabourg-2013.json"), "--terms", label])
        #expect(fourth.status == 0)
        #expect(!fourth.stdout.contains("region (Région Rhône Alpes): lower"))
    }

    @Test("--emit-budget writes the planned budget, which checks clean of errors and warnings")
    func emitBudget() throws {
        let path = try temporaryFile("", name: "planned.json")
        let output = run(["plan", example("mecabourg-2013.json"), "--emit-budget", path])
        #expect(output.status == 0)
        let check = run(["check", path, "--strict"])
        #expect(check.status == 0)
        #expect(check.stdout.contains("resources €318,800.00, expenses €318,800.00"))
    }

    @Test("A history: the year after its last full year planned; a history of summaries only refused")
    func history() {
        let output = Tool.run(["plan", example("mecabourg-2012-2013.json")])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("Plan for Mecabourg 2014: least new revenue"))
        #expect(output.stdout.contains("New revenue €28,800.00"))
        let summaries = Tool.run(["plan", example("soliage-2012-2013.json")])
        #expect(summaries.status == 2)
        #expect(summaries.stderr.contains("no full year"))
        #expect(Tool.run(["plan", example("mecabourg-2012-2013.json"), "--through", "soon"]).status == 2)
    }

    @Test("Help: in the overview and for the command")
    func help() {
        #expect(Tool.run(["--help"]).stdout.contains("plan FILE"))
        #expect(Tool.run(["plan", "--help"]).stdout.contains("--emit-budget"))
        #expect(Tool.run(["plan"]).status == 2)
    }
}

@Suite("clusterkit what-if")
struct WhatIfCommandTests {
    @Test("The Department stops and fees rise 10%: findings side by side, then the plan that restores compliance")
    func departmentStops() throws {
        let scenario = try temporaryFile(
            #"{ "format": "clusterkit.scenario/1", "name": "Le Département se désengage", "changes": [ { "line": "cg01", "amount": 0 }, { "line": "fees", "scale": 1.1 } ] }"#,
            name: "scenario.json")
        let output = Tool.run(["what-if", example("mecabourg-2013.json"), "--scenario", scenario])
        #expect(output.status == 0)
        #expect(output.stdout.contains("cg01 (Conseil Général de l'Ain): €60,000.00 → €0.00"))
        #expect(output.stdout.contains("fees (Cotisations): €95,000.00 → €104,500.00"))
        // 35,000 billed of 239,500: 14.6%; the 50/50 target met (139,500 private).
        #expect(output.stdout.contains("billed-revenue-floor    warning 12.1% → warning 14.6%"))
        #expect(output.stdout.contains("public-private-balance  note 44.8% → —"))
        // 35,000 + x ≥ 20% of (239,500 + x): x = 16,125, rounded up to the step of 100 €.
        #expect(output.stdout.contains("participations (Participations entreprises): raise by €16,200.00"))
        #expect(output.stdout.contains("0 errors, 0 warnings"))
    }

    @Test("A malformed scenario: exit status 2 with the field path; an unknown line named")
    func malformed() throws {
        let scenario = try temporaryFile(#"{ "changes": [ { "line": "fees", "scale": -1 } ] }"#, name: "scenario.json")
        let output = Tool.run(["what-if", example("mecabourg-2013.json"), "--scenario", scenario])
        #expect(output.status == 2)
        #expect(output.stderr.contains("changes[0].scale"))
        let both = try temporaryFile(#"{ "changes": [ { "line": "fees", "scale": 1.1, "amount": 3 } ] }"#, name: "scenario.json")
        #expect(Tool.run(["what-if", example("mecabourg-2013.json"), "--scenario", both]).stderr.contains("give either 'amount' or 'scale'"))
        let unknown = try temporaryFile(#"{ "changes": [ { "line": "nowhere", "amount": 0 } ] }"#, name: "scenario.json")
        let third = Tool.run(["what-if", example("mecabourg-2013.json"), "--scenario", unknown])
        #expect(third.status == 2)
        #expect(third.stderr.hasPrefix(unknown + ": changes[0].line: the budget has no line 'nowhere' (by id or label); its lines: region (Région Rhône Alpes)"))
        // A scenario's terms: their field path under "terms"; in French with --language fr.
        let terms = try temporaryFile(
            #"{ "changes": [ { "line": "Cotisations", "scale": 1.1 } ], "terms": { "lines": [ { "id": "region", "fixed": true }, { "id": "state", "fixed": true } ] } }"#,
            name: "scenario.json")
        let fourth = Tool.run(["what-if", example("mecabourg-2013.json"), "--scenario", terms, "--language", "fr"])
        #expect(fourth.status == 2)
        #expect(plain(fourth.stderr).hasPrefix(terms + ": terms.lines[1].id: le budget n'a pas de ligne « state »"))
        #expect(Tool.run(["what-if", example("mecabourg-2013.json")]).status == 2)
        #expect(Tool.run(["--help"]).stdout.contains("what-if FILE"))
    }
}

/// French output with its no-break spaces (before « : », inside « », in amounts) made plain spaces, to compare text.
func plain(_ text: String) -> String {
    text.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
}
