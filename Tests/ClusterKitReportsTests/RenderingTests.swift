import ClusterKitCore
import Foundation
import Testing
import TestSupport

@testable import ClusterKitReports


func probeReport(_ budget: Budget, file: String? = "Examples/mecabourg-2013.json") throws -> Report {
    try Engine(ruleSet: RuleSet(name: "probe", rules: [FeesProbeRule()])).check([BudgetInput(budget, file: file)])
}

@Suite("Renderers")
struct RenderingTests {
    @Test("The figures table of Mecabourg 2013 gives the memento's figures: 290,000, private 130,000 = 44.8%")
    func metricsTable() throws {
        let table = MetricsTable(try CheckedBudget(try mecabourg2013()).metrics)
        let english = table.cells(in: .english), french = table.cells(in: .french)
        #expect(english[0] == ["Total resources (R)", "€290,000.00", "100%"])
        #expect(english[1] == ["Public resources", "€160,000.00", "55.2%"])
        #expect(english[2] == ["Private resources", "€130,000.00", "44.8%"])
        #expect(french[2] == ["Ressources privées", "130\u{202F}000,00\u{00A0}€", "44,8\u{00A0}%"])
        #expect(english[5] == ["Self-financing, gross (Priv / R)", "", "44.8%"])
        #expect(english[8] == ["Operating & animation expenses", "€135,000.00", "46.6%"])
        let sources = zip(table.rows, english).filter { $0.0.isDetail }.map(\.1)
        #expect(sources.map { $0[0] } == [
            "Region", "Department", "Intercommunalities", "Membership fees", "Companies' participation in specific actions",
        ])
        #expect(sources[3] == ["Membership fees", "€95,000.00", "32.8%"])
    }

    @Test("A share of a zero total is n/a, not a division")
    func emptyBudget() throws {
        let empty = Budget(cluster: ClusterProfile(name: "Empty"), year: 2013, resources: [], expenses: [])
        let cells = MetricsTable(try CheckedBudget(empty).metrics).cells(in: .french)
        #expect(cells[5] == ["Autofinancement brut (Priv / R)", "", "n.d."])
        #expect(cells[0] == ["Total des ressources (R)", "0,00\u{00A0}€", "n.d."])
    }

    @Test("Markdown: summary, figures, diagnostics grouped by severity, remediations — in English")
    func markdownEnglish() throws {
        let markdown = MarkdownReportRenderer(options: RenderingOptions(showExplanations: true)).render(try probeReport(try mecabourg2013()))
        #expect(markdown.hasPrefix("# ClusterKit report (rule set probe)\n\n## Summary\n\n| Budget | Errors | Warnings | Notes |\n"))
        #expect(markdown.contains("| Mecabourg, budget 2013 | 0 | 1 | 0 |\n"))
        #expect(markdown.contains("0 errors, 1 warning, 0 notes\n"))
        #expect(markdown.contains("File: `Examples/mecabourg-2013.json`"))
        #expect(markdown.contains("| Private resources | €130,000.00 | 44.8% |\n"))
        #expect(markdown.contains("| — Membership fees | €95,000.00 | 32.8% |\n"))
        #expect(markdown.contains("### Warnings (1)\n\n- **`test/fees-probe`** Fees are 32.8%, under 40%.\n"))
        #expect(markdown.contains("  - measured 32.8%; threshold 40%; lines « Cotisations »\n"))
        #expect(markdown.contains("  - Fees: €95,000.00\n"))
        #expect(!markdown.contains("### Errors") && !markdown.contains("### Notes"))
        // (0.4 × 290,000 − 95,000) / 0.6 = 35,000: fees of 130,000 in 325,000 are exactly 40%.
        #expect(markdown.contains("### Remediations\n\n| Rule | Amount | What to do |\n| :-- | --: | :-- |\n| `test/fees-probe` | €35,000.00 | add €35,000.00 of fees |\n"))
    }

    @Test("The remediation the Markdown report prints brings the budget to the floor")
    func remediationApplied() throws {
        var budget = try mecabourg2013()
        let report = try probeReport(budget)
        let fix = try #require(report.budgets[0].diagnostics.first?.remediation?.amount)
        budget.resources.append(ResourceLine(id: "more-fees", source: .membershipFees, amount: fix))
        #expect(try probeReport(budget).budgets[0].diagnostics.isEmpty)
        budget.resources[budget.resources.count - 1].amount = Money(minorUnits: fix.minorUnits - 1)
        #expect(try probeReport(budget).budgets[0].diagnostics.count == 1, "one cent less is not enough")
    }

    @Test("Markdown in French: words, amounts and percentages")
    func markdownFrench() throws {
        let markdown = MarkdownReportRenderer(options: RenderingOptions(language: Language(Locale(identifier: "fr_FR")))).render(try probeReport(try mecabourg2013()))
        #expect(markdown.hasPrefix("# Rapport ClusterKit (jeu de règles probe)\n\n## Synthèse\n\n| Budget | Erreurs | Avertissements | Notes |\n"))
        #expect(markdown.contains(FrenchTypography.applied(to: "Fichier : `Examples/mecabourg-2013.json`")))
        #expect(markdown.contains("| Ressources privées | 130\u{202F}000,00\u{00A0}€ | 44,8\u{00A0}% |\n"))
        #expect(markdown.contains("### Avertissements (1)\n\n- **`test/fees-probe`** Les cotisations font 32,8\u{00A0}%, sous 40\u{00A0}%.\n"))
        #expect(markdown.contains("  - mesuré 32,8\u{00A0}%\u{202F}; seuil 40\u{00A0}%\u{202F}; lignes «\u{00A0}Cotisations\u{00A0}»\n"))
        #expect(markdown.contains("| `test/fees-probe` | 35\u{202F}000,00\u{00A0}€ | ajouter 35\u{202F}000,00\u{00A0}€ de cotisations |\n"))
    }

    @Test("Markdown escapes what could break its layout, and says when a budget has no diagnostic")
    func markdownEscaping() throws {
        var budget = try mecabourg2013()
        budget.cluster.name = "A|B *C* <x>"
        budget.resources[3].amount = Money(major: 200_000)
        budget.expenses[0].amount = Money(major: 240_000)
        let markdown = MarkdownReportRenderer().render(try probeReport(budget, file: nil))
        #expect(markdown.contains("| A\\|B \\*C\\* \\<x\\>, budget 2013 | 0 | 0 | 0 |"))
        #expect(markdown.contains("No diagnostic: the budget meets every rule checked.\n"))
        #expect(!markdown.contains("File:"))
    }

    @Test("Text: colour only when asked for")
    func textColour() throws {
        let report = try probeReport(try mecabourg2013())
        let plain = TextReportRenderer(options: RenderingOptions(useColor: false)).render(report)
        let coloured = TextReportRenderer(options: RenderingOptions(useColor: true)).render(report)
        #expect(!plain.contains("\u{1B}["))
        #expect(plain.contains("Examples/mecabourg-2013.json: warning: [test/fees-probe] Fees are 32.8%, under 40%."))
        #expect(coloured.contains("Examples/mecabourg-2013.json: \u{1B}[1;33mwarning\u{1B}[0m: [test/fees-probe]"))
        let french = TextReportRenderer(options: RenderingOptions(language: Language(Locale(identifier: "fr_BE")), showExplanations: true, useColor: true)).render(report)
        #expect(french.contains("\u{1B}[1;33mavertissement\u{1B}[0m\u{00A0}: [test/fees-probe] Les cotisations font 32,8\u{00A0}%, sous 40\u{00A0}%."))
        #expect(french.contains("    · Cotisations\u{00A0}: 95\u{202F}000,00\u{00A0}€\n"))
    }

    @Test("SARIF: rules from the descriptions given, results in the language asked for")
    func sarif() throws {
        let renderer = SARIFReportRenderer(rules: [FeesProbeRule.description], tool: .clusterKit(version: "9.9.9", rulesReference: SARIFReportRenderer.ToolInfo.bundledRulesReference), options: RenderingOptions(language: Language(Locale(identifier: "fr_FR"))))
        let text = renderer.render(try probeReport(try mecabourg2013()))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "2.1.0")
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["version"] as? String == "9.9.9")
        let rule = try #require((driver["rules"] as? [[String: Any]])?.first)
        #expect(rule["id"] as? String == "test/fees-probe")
        #expect(rule["name"] as? String == "TestFeesProbe")
        #expect((rule["shortDescription"] as? [String: Any])?["text"] as? String == "Sonde des cotisations")
        #expect(rule["helpUri"] as? String == SARIFReportRenderer.ToolInfo.bundledRulesReference + "#test-fees-probe")
        #expect((rule["helpUri"] as? String)?.hasPrefix("file:///") == true)
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        #expect((result["message"] as? [String: Any])?["text"] as? String == "Les cotisations font 32,8\u{00A0}%, sous 40\u{00A0}%.")
        #expect(result["ruleIndex"] as? Int == 0 && result["level"] as? String == "warning")
        #expect(run["language"] as? String == "fr")
    }

    @Test("Rule ids give stable documentation anchors")
    func anchors() {
        #expect(RuleID("membership-fee-floor").documentationAnchor == "membership-fee-floor")
        #expect(RuleID("minimum-members", namespace: "acme").documentationAnchor == "acme-minimum-members")
    }

    @Test("Formatting for a locale: amounts, percentages, parameters, measures")
    func localeFormatting() {
        let french = ValueFormatter(locale: Locale(identifier: "fr_FR")), english = ValueFormatter(locale: Locale(identifier: "en_GB"))
        #expect(french.string(Money(major: 1_227_000)) == "1\u{202F}227\u{202F}000,00\u{00A0}€")
        #expect(english.string(Money(major: 1_227_000)) == "€1,227,000.00")
        #expect(french.string(Money(minorUnits: 1)) == "0,01\u{00A0}€" && english.string(Money(minorUnits: 1)) == "€0.01")
        #expect(french.string(Money(minorUnits: -500)) == "-5,00\u{00A0}€")
        #expect(french.string(Share(130_000, over: 290_000)) == "44,8\u{00A0}%")
        #expect(english.string(Share(1, over: 2_000)) == "0.1%", "0.05% rounds half up")
        #expect(english.string(Share(1, over: 3_000)) == "0%")
        #expect(french.string(ParameterValue.share(Share(percent: 15))) == "15\u{00A0}%")
        #expect(french.string(ParameterValue.amount(200_000)) == "200\u{202F}000,00\u{00A0}€")
        #expect(english.string(ParameterValue.boolean(true)) == "yes" && french.string(ParameterValue.boolean(false)) == "non")
        #expect(english.string(Measure.count(10)) == "10")
        #expect(Message(MessageTemplate(id: "x", english: "{a}", french: "{a}"), ["a": .share(Share(percent: 50))])
            .rendered(in: Locale(identifier: "fr_CA")) == "50\u{00A0}%")
    }
}
