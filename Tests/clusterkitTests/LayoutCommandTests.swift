import Foundation
import Testing
import TestSupport

@testable import clusterkit

/// The layout fixtures of issue 26 (figures made up for layout tests) and the commands that help with the rest.
@Suite("Spreadsheets as people lay them out, on the command line")
struct LayoutCommandTests {
    static func layout(_ name: String) -> String {
        repositoryFile("Tests/Fixtures/spreadsheets/layouts/\(name)").path
    }

    static func scratch(_ name: String) throws -> String {
        try scratchFolder("layout").appendingPathComponent(name).path
    }

    @Test("JSON reports carry budgets[].inferred: each line's inferred source or nature and the words it came from")
    func inferredInJSON() throws {
        let output = Tool.run(["check", Self.layout("vertical-produits-first.csv"), "--format", "json"])
        #expect(output.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        let budget = (document?["budgets"] as? [[String: Any]])?.first
        let inferred = budget?["inferred"] as? [[String: String]] ?? []
        #expect(inferred.contains(["line": "conseil-regional-pays-de-la-loire", "field": "source", "value": "region", "from": "« Conseil régional »"]))
        #expect(inferred.contains(["line": "loyers", "field": "nature", "value": "operating", "from": "« Loyers »"]))
        #expect(inferred.contains { $0["field"] == "year" && $0["value"] == "2026" && $0["line"] == nil })
        // A budget with nothing inferred has no such field.
        let plain = Tool.run(["check", repositoryFile("Examples/mecabourg-2013.json").path, "--format", "json"])
        #expect(!plain.stdout.contains("\"inferred\""))
    }

    @Test("The text report lists what was inferred; convert writes the inferred values")
    func inferredInTextAndConvert() {
        let text = Tool.run(["check", Self.layout("accounts-74.xlsx")])
        #expect(text.stdout.contains("Inferred from the layout (check it):"))
        #expect(text.stdout.contains("line « Produits financiers » (produits-financiers), source = financialIncome — Financial income (from account 768)"))
        let french = Tool.run(["check", Self.layout("accounts-74.xlsx"), "--language", "fr"])
        #expect(french.stdout.contains("Déduit de la mise en page (à vérifier)"))
        let markdown = Tool.run(["check", Self.layout("side-by-side-free.csv"), "--format", "markdown"])
        #expect(markdown.stdout.contains("- line « Conseil régional Occitanie » (conseil-regional-occitanie), source = region — Region (from « Conseil régional »)"))
        let html = Tool.run(["check", Self.layout("side-by-side-free.csv"), "--format", "html"])
        #expect(html.stdout.contains("<section class=\"inferred\">") && html.stdout.contains("<li>line « Études » (etudes), nature = programme"))
        let converted = Tool.run(["convert", Self.layout("side-by-side-free.csv")])
        #expect(converted.status == 0)
        #expect(converted.stdout.contains(#""nature" : "operating""#) && converted.stdout.contains(#""source" : "region""#))
    }

    @Test("template writes a starter budget (.csv, .xlsx, .ods) that check reads back, in French and English; sources lists the words")
    func templateAndSources() throws {
        for language in ["fr", "en"] { for format in ["csv", "xlsx", "ods"] {
            let path = try Self.scratch("budget-\(language).\(format)")
            #expect(Tool.run(["template", path, "--language", language]).status == 0)
            #expect(Tool.run(["template", path]).status == 2)  // exists, no --force
            let check = Tool.run(["check", path, "--language", language])
            #expect(check.status == 0, "\(check.stderr)")
            // Ten resources of 1,000 and five expenses of 2,000: 10,000 a side.
            #expect(check.stdout.contains(language == "fr" ? "10\u{202F}000,00" : "€10,000.00"))
            let html = Tool.run(["check", path, "--language", language, "--format", "html"])
            #expect(html.status == 0 && html.stdout.contains("<html"))
        } }
        #expect(Tool.run(["template", try Self.scratch("budget.txt")]).status == 2)
        let sources = Tool.run(["sources", "--language", "fr"])
        #expect(sources.status == 0 && sources.stdout.contains("region — Région (public)"))
        #expect(sources.stdout.contains("conseil régional") && sources.stdout.contains("bpifrance"))
        #expect(Tool.run(["--help"]).stdout.contains("template FILE"))
    }

    @Test("A legacy .xls is refused with the way forward, exit 2; a label nothing places names the cell")
    func refusals() throws {
        let xls = try Self.scratch("old.xls")
        #expect(FileManager.default.createFile(atPath: xls, contents: Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))))
        let output = Tool.run(["check", xls])
        #expect(output.status == 2 && output.stderr.contains("save it as .xlsx or .ods"))
        let csv = try Self.scratch("divers.csv")
        #expect(FileManager.default.createFile(atPath: csv, contents: Data("Essai — Budget 2026\nPoste;Montant\nProduits\nDivers;100\nCharges\nSalaires;100\n".utf8)))
        let divers = Tool.run(["check", csv])
        #expect(divers.status == 2 && divers.stderr.contains("\(csv):4:1:") && divers.stderr.contains("« Divers »"))
    }

    @Test("SARIF: each budget's inferred list in the run's properties (properties.budgets[].inferred)")
    func inferredInSARIF() throws {
        let output = Tool.run(["check", Self.layout("vertical-produits-first.csv"), "--format", "sarif"])
        #expect(output.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        let run = (document?["runs"] as? [[String: Any]])?.first
        let budgets = (run?["properties"] as? [String: Any])?["budgets"] as? [[String: Any]]
        let inferred = budgets?.first?["inferred"] as? [[String: String]] ?? []
        #expect(inferred.contains(["line": "conseil-regional-pays-de-la-loire", "field": "source", "value": "region", "from": "« Conseil régional »"]))
        #expect(inferred.contains { $0["field"] == "cluster.name" && $0["value"] == "Grappe Numérique Loire" })
        // The JSON report's list, entry for entry.
        let json = try JSONSerialization.jsonObject(with: Data(Tool.run(["check", Self.layout("vertical-produits-first.csv"), "--format", "json"]).stdout.utf8)) as? [String: Any]
        #expect(((json?["budgets"] as? [[String: Any]])?.first?["inferred"] as? [[String: String]]) == inferred)
        // A budget with nothing inferred has no such property.
        #expect(!Tool.run(["check", repositoryFile("Examples/mecabourg-2013.json").path, "--format", "sarif"]).stdout.contains("\"inferred\""))
    }

    @Test("Help says a file is read by what it holds, whatever its name, never by its extension")
    func helpSaysByContent() {
        let check = Tool.run(["check", "--help"]).stdout
        #expect(check.contains("Each file is read by what it holds, whatever its name"))
        #expect(!check.contains("A file ending in"))
        for command in ["metrics", "convert", "plan", "what-if"] {
            #expect(Tool.run([command, "--help"]).stdout.contains("read by what it holds"), "\(command)")
        }
        // And the guide says so.
        let guide = (try? String(contentsOf: repositoryFile("Documentation/CSVFormat.md"), encoding: .utf8)) ?? ""
        #expect(guide.contains("A file is read by what it holds, whatever its name"))
        #expect(!guide.contains("whose name ends in `.xlsx`") && !guide.contains("ClusterKit does not guess from a label"))
    }

    @Test("First contact: the filled template, checked in French as HTML, lists what was inferred in French")
    func filledTemplateInFrench() {
        for name in ["template-filled-fr.csv", "template-filled-en.csv"] {
            let html = Tool.run(["check", Self.layout(name), "--language", "fr", "--format", "html"])
            #expect(html.status == 0, "\(name): \(html.stderr)")
            #expect(html.stdout.contains("<section class=\"inferred\">"))
            // French typography (no-break spaces inside « », before :) and HTML escapes aside.
            let page = html.stdout.replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
            #expect(page.contains("Déduit de la mise en page (à vérifier) :"))
            #expect(page.contains("ligne « DRAAF Centre-Val de Loire » (draaf-centre-val-de-loire), source = state — État (DIRECCTE, SGAR, DATAR, …) (d'après « DRAAF »)"))
            #expect(page.contains("d'après la cellule A1 « Grappe Agroalimentaire du Perche — Budget prévisionnel 2026 »"))
            // 88,000 of 198,000 private: 44.4 % gross.
            #expect(html.stdout.contains("44,4"))
        }
    }
}
