import ClusterKitCore
import ClusterKitFormats
import ClusterRules
import Foundation
import Testing
import TestSupport

@testable import clusterkit

@Suite("clusterkit explain, metrics, convert, check --format and --color, and CSV input")
struct FormatsCommandTests {
    // MARK: check

    @Test("check reads a spreadsheet's CSV: the same report as the JSON budget it was made from")
    func checkCSV() throws {
        for csv in ["csv/mecabourg-2013.csv", "csv/mecabourg-2013-en.csv"] {
            let fromCSV = Tool.run(["check", example(csv), "--format", "json"])
            let fromJSON = Tool.run(["check", example("mecabourg-2013.json"), "--format", "json"])
            #expect(fromCSV.status == 0 && fromCSV.status == fromJSON.status, "\(fromCSV.stderr)")
            #expect(fromCSV.stdout.replacingOccurrences(of: example(csv), with: "FILE")
                == fromJSON.stdout.replacingOccurrences(of: example("mecabourg-2013.json"), with: "FILE"))
        }
        let text = Tool.run(["check", example("csv/cosmetic-valley-2013.csv"), "--language", "fr"])
        #expect(text.stdout.contains(FrenchTypography.applied(to: "ressources 2 169 500,00 €, dépenses 2 169 500,00 € ; autofinancement 49,8 % brut")))
    }

    @Test("A folder is read for its JSON and CSV files")
    func folder() {
        let output = Tool.run(["check", example("csv"), "--format", "json"])
        #expect(output.status != 2, "\(output.stderr)")
        #expect(output.stdout.components(separatedBy: "\"cluster\" : ").count - 1 == 3)
    }

    @Test("A bad CSV exits 2 with file, line and column, and prints no report")
    func badCSV() throws {
        let path = try temporaryFile("Cluster;Essai\nAnnée;2013\nDépenses;Montant;Ressources;Source;Montant\nActions;100;Cotisations;;1O0\n", name: "budget.csv")
        let output = Tool.run(["check", path])
        #expect(output.status == 2 && output.stdout.isEmpty)
        #expect(output.stderr.hasPrefix("\(path):4:5: resources[0].amount: '1O0' is not a number"), "\(output.stderr)")
    }

    @Test("--format sarif and markdown; the notice about the embedded example goes to stderr for them")
    func formats() {
        let sarif = Tool.run(["check", "--format", "sarif"])
        #expect(sarif.stdout.contains(#""version" : "2.1.0""#) && sarif.stderr.hasPrefix("No file given"))
        let markdown = Tool.run(["check", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# ClusterKit report") && markdown.stderr.hasPrefix("No file given"))
        #expect(markdown.stdout.contains("| — Membership fees | €95,000.00 | 32.8% |"))
        #expect(Tool.run(["check", "--format", "pdf"]).status == 2)
        #expect(CheckCommand.help.contains("text|json|sarif|markdown"))
    }

    @Test("--color: always colours, never does not, auto only on a terminal without NO_COLOR or TERM=dumb")
    func colour() {
        let escape = "\u{1B}[1;33mwarning\u{1B}[0m"
        let terminal = ToolEnvironment(stdoutIsTerminal: true, variables: [:])
        #expect(Tool.run(["check", "--color", "always"]).stdout.contains(escape))
        #expect(!Tool.run(["check", "--color", "never"], environment: terminal).stdout.contains("\u{1B}["))
        #expect(Tool.run(["check"], environment: terminal).stdout.contains(escape))
        #expect(!Tool.run(["check"]).stdout.contains("\u{1B}["), "not a terminal")
        #expect(!Tool.run(["check"], environment: ToolEnvironment(stdoutIsTerminal: true, variables: ["NO_COLOR": "1"])).stdout.contains("\u{1B}["))
        #expect(!Tool.run(["check"], environment: ToolEnvironment(stdoutIsTerminal: true, variables: ["TERM": "dumb"])).stdout.contains("\u{1B}["))
        #expect(Tool.run(["check", "--color", "sometimes"]).status == 2)
    }

    // MARK: explain

    @Test("explain prints a rule's documentation, parameters with defaults and its source in the memento")
    func explain() throws {
        let output = Tool.run(["explain", "membership-fee-floor"])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("membership-fee-floor — Membership fees floor\n"))
        #expect(output.stdout.contains("Default severity: warning\n"))
        #expect(output.stdout.contains("Presets: recommended, pole, grappe, regional, all\n"))
        #expect(output.stdout.contains("Source in the memento: Modèles économiques des clusters (2013), p. 13"))
        #expect(output.stdout.contains("  threshold = 15% (the memento's figure)\n"))
        let french = Tool.run(["explain", "membership-fee-floor", "--language", "fr"])
        #expect(french.stdout.contains("  threshold = 15\u{00A0}% (valeur du mémento)\n"))
        #expect(french.stdout.contains("Sévérité par défaut\u{00A0}: avertissement\n"))
    }

    @Test("explain says which defaults are ClusterKit's own, and marks opt-in rules")
    func explainOurs() throws {
        let ours = try #require(BuiltInRules.all.first { $0.ruleDescription.parameters.contains(where: \.defaultIsOurs) })
        let output = Tool.run(["explain", ours.ruleDescription.id.description])
        #expect(output.stdout.contains("(ClusterKit's default: the memento gives no figure)"))
        if let optIn = BuiltInRules.all.first(where: \.isOptIn) {
            #expect(Tool.run(["explain", optIn.ruleDescription.id.description]).stdout.contains("Opt-in: runs only in the all preset"))
        }
    }

    @Test("explain of an unknown rule exits 2 naming the nearest ids")
    func explainUnknown() {
        let output = Tool.run(["explain", "membership-fees-floor"])
        #expect(output.status == 2 && output.stdout.isEmpty)
        #expect(output.stderr.hasPrefix("clusterkit explain: unknown rule 'membership-fees-floor' (did you mean 'membership-fee-floor'"))
        #expect(Tool.run(["explain"]).status == 2)
        #expect(Tool.run(["explain", "a", "b"]).status == 2)
        #expect(Tool.run(["explain", "--help"]).stdout.hasPrefix("OVERVIEW: Show a rule's documentation"))
    }

    // MARK: metrics

    @Test("metrics prints the figures as a table: Mecabourg 290,000, private 130,000 = 44.8%")
    func metrics() {
        let output = Tool.run(["metrics", example("mecabourg-2013.json")])
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Mecabourg, budget 2013 (\(example("mecabourg-2013.json")))")
        #expect(lines[1].hasPrefix("Figure ") && lines[1].hasSuffix(" Share"))
        #expect(lines.contains { $0.hasPrefix("Private resources ") && $0.hasSuffix("€130,000.00  44.8%") })
        #expect(lines.contains { $0.hasPrefix("Self-financing, net (Priv(cash) / R(cash)) ") && $0.hasSuffix(" 44.8%") })
        #expect(lines.contains { $0.hasPrefix("  Membership fees ") && $0.hasSuffix("€95,000.00  32.8%") })
        let french = Tool.run(["metrics", example("csv/cosmetic-valley-2013.csv"), "--language", "fr"])
        #expect(french.stdout.contains("Ressources privées"))
        #expect(french.stdout.split(separator: "\n").contains { $0.hasPrefix("  Cotisations ") && $0.hasSuffix("200\u{202F}000,00\u{00A0}€   9,2\u{00A0}%") })
        #expect(Tool.run(["metrics"]).status == 2)
        #expect(Tool.run(["metrics", "/no/such/file.json"]).stderr.hasPrefix("/no/such/file.json: no such file or folder"))
    }

    // MARK: convert

    @Test("convert prints the JSON budget of a CSV, which reads back as the same budget")
    func convert() throws {
        for csv in ["csv/mecabourg-2013.csv", "csv/cosmetic-valley-2013.csv", "csv/mecabourg-2013-en.csv"] {
            let output = Tool.run(["convert", example(csv)])
            #expect(output.status == 0, "\(output.stderr)")
            let converted = try BudgetDecoder().decode(Data(output.stdout.utf8), file: "converted.json").budget
            let read = try CSVBudgetReader().decode(Data(contentsOf: URL(fileURLWithPath: example(csv)))).budget
            #expect(converted == read)
            #expect(Tool.run(["convert", example(csv)]).stdout == output.stdout, "same input, same bytes")
        }
        let mecabourg = Tool.run(["convert", example("csv/mecabourg-2013.csv")])
        let original = try BudgetDecoder().decode(Data(contentsOf: URL(fileURLWithPath: example("mecabourg-2013.json")))).budget
        // A spreadsheet has no column for provenance, nor for a target's basis and source.
        var spreadsheetable = original
        spreadsheetable.provenance = nil
        spreadsheetable.cluster.targets?.basis = nil
        spreadsheetable.cluster.targets?.source = nil
        #expect(try BudgetDecoder().decode(Data(mecabourg.stdout.utf8)).budget == spreadsheetable)
        #expect(mecabourg.stdout.contains(#""format" : "clusterkit.budget/1""#))
        #expect(Tool.run(["convert"]).status == 2)
        #expect(Tool.run(["convert", example("csv")]).status == 2)
    }

    @Test("Histories: convert keeps the history, metrics shows its full years, Markdown its trajectory")
    func histories() throws {
        let converted = Tool.run(["convert", example("soliage-2012-2013.json")])
        #expect(converted.status == 0 && converted.stdout.contains(#""format" : "clusterkit.history/1""#))
        let original = try JSONDecoder().decode(BudgetHistory.self, from: Data(contentsOf: URL(fileURLWithPath: example("soliage-2012-2013.json"))))
        #expect(try JSONDecoder().decode(BudgetHistory.self, from: Data(converted.stdout.utf8)) == original)
        let summaries = Tool.run(["metrics", example("soliage-2012-2013.json")])
        #expect(summaries.status == 0 && summaries.stdout.contains("no year of the history is given in full"))
        let full = Tool.run(["metrics", example("mecabourg-2012-2013.json")])
        #expect(full.stdout.contains("Mecabourg, budget 2013 (") && full.stdout.contains("€290,000.00"))
        // Soliage: 60 of 246 k€ in 2012 (24.4%), 40% published for 2013 (the memento's case study).
        let markdown = Tool.run(["check", example("soliage-2012-2013.json"), "--format", "markdown"]).stdout
        #expect(markdown.contains("- 2012: 24.4% (published)") && markdown.contains("- 2013: 40% (published)"))
        #expect(!markdown.contains("| Total resources (R) |"), "a history's stand-in budget has no figures of its own")
    }

    @Test("The overview lists the new commands, and a misspelt one is suggested")
    func overview() {
        let overview = Tool.run(["--help"]).stdout
        #expect(overview.contains("explain RULE") && overview.contains("metrics FILE") && overview.contains("convert FILE"))
        #expect(Tool.run(["metric"]).stderr.contains("did you mean 'metrics'"))
    }
}
