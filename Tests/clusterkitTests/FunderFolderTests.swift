import ClusterKit
import Foundation
import Testing
import TestSupport

@testable import ClusterKitReports
@testable import clusterkit

/// A funder's folder: the case studies and real accounts of `Examples/`, and a made-up grappe with three years
/// (`Tests/Fixtures/funder/`, 2014 given both as a forecast and as realised accounts), checked as clusters.
@Suite("A funder's folder, read as clusters")
struct FunderFolderTests {
    /// A folder holding every JSON file of `Examples/` and of `Tests/Fixtures/funder/`.
    static func folder(extra: [String: String] = [:]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("funder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for source in ["Examples", "Tests/Fixtures/funder"] {
            let directory = repositoryFile(source)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".json") {
                try FileManager.default.copyItem(at: directory.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            }
        }
        for (name, text) in extra { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    static func inputs(_ folder: URL) throws -> [BudgetInput] {
        let read = BudgetFile.readEach([folder.path])
        #expect(read.failures.isEmpty)
        return read.inputs
    }

    @Test("The library groups by cluster, judges 2014 on the realised accounts, and gives three years a trajectory")
    func library() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = Engine(ruleSet: Preset.grappe.ruleSet)
        let portfolio = try ClusterPortfolio(grouping: try engine.check(try Self.inputs(folder))) { _ in engine }
        #expect(portfolio.clusters.map(\.profile.name) == [
            "Aerospace Valley", "Atlanpack", "Cluster Rhône-Alpes Eco-énergies", "Cosmetic Valley", "EMC2",
            "Grappe Exemple du financeur", "Mecabourg", "Neopolia", "PLAB (Pôle Lorrain de l'Ameublement Bois)",
            "Pôle Exemple (fictitious pôle, mission categories)", "Silicon Sentier", "Soliage",
        ])
        let made = try #require(portfolio.clusters.first { $0.profile.name == "Grappe Exemple du financeur" })
        #expect(made.years.map(\.year) == [2014, 2015, 2016])
        #expect(made.years.map { $0.metrics?.statement } == [.realised, .realised, .forecast])
        #expect(made.years[0].file?.hasSuffix("grappe-exemple-2014-realised.json") == true)
        #expect(made.setAside.map { $0.file?.hasSuffix("grappe-exemple-2014-forecast.json") } == [true])
        // Three years from three files: a history built from them, judged by the transition rules.
        let trajectory = try #require(made.history?.trajectory)
        #expect(trajectory.points.map(\.year) == [2014, 2015, 2016])
        #expect(trajectory.path?.baselineYear == 2014 && trajectory.path?.targetYear == 2016)
        #expect(made.history?.diagnostics.map(\.ruleID.description).contains("transition-trajectory") == true)
        #expect(portfolio.report.budgets.contains { $0.history != nil && $0.cluster.name == "Grappe Exemple du financeur" })
        // The report says which 2014 it judged, and that Mecabourg 2013, given twice, is judged on the first file.
        let notes = portfolio.report.diagnostics.map { $0.message.rendered(in: .english) }
        #expect(notes.contains { $0.hasPrefix("Grappe Exemple du financeur 2014 is judged on the realised accounts") })
        #expect(notes.contains { $0.hasPrefix("Mecabourg 2013 is given twice") })
        // Two years of real accounts in two files: Aerospace Valley gets a trajectory too; one year, none.
        #expect(portfolio.clusters.first { $0.profile.name == "Aerospace Valley" }?.history?.trajectory?.points.count == 2)
        #expect(portfolio.clusters.first { $0.profile.name == "Atlanpack" }?.history == nil)
    }

    @Test("The map places a cluster where cluster-profile places it, with the rule's parameters as configured")
    func mapFollowsTheRule() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // High from 40% instead of the memento's 50%.
        let ruleSet = try Preset.grappe.ruleSet.settingParameter("highFrom", to: .share(Share(percent: 40)), for: RuleID("cluster-profile"))
        let engine = Engine(ruleSet: ruleSet)
        let portfolio = try ClusterPortfolio(grouping: try engine.check(try Self.inputs(folder))) { _ in engine }
        // Mecabourg 2013: 60 members, 130,000 of 290,000 private, 44.8% net (its funders forbid valued time): under the
        // memento's 50% a precarious balance, from 40% a large cluster highly self-financed.
        let mecabourg = try #require(portfolio.clusters.first { $0.profile.name == "Mecabourg" })
        let note = try #require(mecabourg.years.last?.diagnostics.first { $0.ruleID.description == "cluster-profile" })
        #expect(note.message.rendered(in: .english).contains("ruche bourdonnante"))
        let page = HTMLReportRenderer(options: RenderingOptions(language: .english)).render(portfolio.report)
        // The map's table: a row per cluster, its years after its name.
        let rows = page.split(separator: "\n").filter { $0.contains("Mecabourg</a></th><td>2013") }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains("ruche bourdonnante") }, "\(rows)")
        #expect(ProfileMapChart.Thresholds(ruleSet).high == Share(percent: 40))
        #expect(ProfileMapChart.Thresholds(ruleSet).low == Share(percent: 30), "the default where not configured")
        #expect(ProfileMapChart.Thresholds(nil) == ProfileMapChart.Thresholds())
    }

    @Test("A year in a file of its own joins the years a history file publishes: one trajectory from both")
    func historyAndYear() throws {
        // Soliage's history (Examples/) publishes 2012 and 2013; a made-up 2014 forecast of Soliage is added.
        let made = try String(contentsOf: repositoryFile("Tests/Fixtures/funder/grappe-exemple-2016-forecast.json"), encoding: .utf8)
            .replacingOccurrences(of: "Grappe Exemple du financeur", with: "Soliage")
            .replacingOccurrences(of: "\"founded\": 2010", with: "\"founded\": 2011")
            .replacingOccurrences(of: "\"year\": 2016", with: "\"year\": 2014")
        let folder = try Self.folder(extra: ["soliage-2014-made-up.json": made])
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = Engine(ruleSet: Preset.grappe.ruleSet)
        let portfolio = try ClusterPortfolio(grouping: try engine.check(try Self.inputs(folder))) { _ in engine }
        let soliage = try #require(portfolio.clusters.first { $0.profile.name == "Soliage" })
        #expect(soliage.years.map(\.year) == [2014])
        #expect(soliage.history?.file == nil, "a history built from two files, not the history file's own")
        #expect(soliage.history?.trajectory?.points.map(\.year) == [2012, 2013, 2014])
        #expect(soliage.history?.trajectory?.points.map { $0.figure?.source } == [.published, .published, .computed])
        // A cluster whose years all come from one history file keeps that file's report.
        let sentier = try #require(portfolio.clusters.first { $0.profile.name == "Silicon Sentier" })
        #expect(sentier.years.isEmpty && sentier.history?.file?.hasSuffix("silicon-sentier-2011-2013.json") == true)
        // Its years are the ones its history file publishes (memento p. 56: 2 M€, 1.9 M€, 2 M€, 50% each year).
        #expect(sentier.publishedYears.map(\.year) == [2011, 2012, 2013])
        #expect(sentier.publishedYears.map { $0.published?.total?.minorUnits } == [200_000_000, 190_000_000, 200_000_000])
        #expect(soliage.publishedYears.map(\.year) == [2012, 2013])
    }

    @Test("Files that disagree on a cluster's founding year or kind are an error naming both")
    func conflict() throws {
        let original = try String(contentsOf: repositoryFile("Tests/Fixtures/funder/grappe-exemple-2016-forecast.json"), encoding: .utf8)
        for (field, changed) in [("cluster.founded", original.replacingOccurrences(of: "\"founded\": 2010", with: "\"founded\": 2011")),
                                 ("cluster.kind", original.replacingOccurrences(of: "\"kind\": \"grappe\"", with: "\"kind\": \"pole\""))] {
            #expect(changed != original)
            let folder = try Self.folder(extra: ["zz-grappe-exemple-2017.json": changed.replacingOccurrences(of: "\"year\": 2016", with: "\"year\": 2017")])
            defer { try? FileManager.default.removeItem(at: folder) }
            let output = Tool.run(["check", folder.path, "--format", "json"])
            #expect(output.status == 2)
            #expect(output.stdout.isEmpty, "nothing is half-reported")
            #expect(output.stderr.contains("zz-grappe-exemple-2017.json: \(field):"))
            #expect(output.stderr.contains("grappe-exemple-2014-forecast.json"))
            #expect(output.stderr.contains("« Grappe Exemple du financeur »"))
        }
    }

    @Test("JSON: clusters[] as report-format.md gives it, and only for more than one input")
    func json() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = Tool.run(["check", folder.path, "--format", "json"])
        #expect(output.status == 1, "the case studies hold errors")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let clusters = try #require(document["clusters"] as? [[String: Any]])
        #expect(clusters.count == 12)
        for cluster in clusters { #expect(Set(cluster.keys) == ["name", "kind", "years", "trajectory"]) }
        let made = try #require(clusters.first { $0["name"] as? String == "Grappe Exemple du financeur" })
        #expect(made["kind"] as? String == "grappe")
        let years = try #require(made["years"] as? [[String: Any]])
        #expect(years.map { $0["year"] as? Int } == [2014, 2015, 2016])
        #expect(Set(years[0].keys) == [
            "year", "statement", "file", "selfFinancingGross", "selfFinancingNet", "fundingBase", "target", "errors",
            "warnings", "notes",
        ])
        #expect(years.map { $0["statement"] as? String } == ["realised", "realised", "forecast"])
        #expect(years.map { $0["selfFinancingGross"] as? Double } == [0.4737, 0.4634, 0.6087])
        #expect(years.map { $0["fundingBase"] as? Int } == [190_000, 205_000, 230_000])
        #expect((years[0]["target"] as? [String: Any])?["privateShare"] as? Double == 0.5)
        // Each year's 50/50 gap is a note before 2016 (the transition rule judges the path over the years).
        #expect(years.map { $0["warnings"] as? Int } == [2, 0, 0])
        let trajectory = try #require(made["trajectory"] as? [String: Any])
        #expect((trajectory["years"] as? [[String: Any]])?.map { $0["behind"] as? Bool } == [false, true, false])
        // A cluster known only from a history's published years has them as its years (Soliage, memento p. 60).
        let soliage = try #require(clusters.first { $0["name"] as? String == "Soliage" })
        let soliageYears = try #require(soliage["years"] as? [[String: Any]])
        #expect(soliageYears.map { $0["year"] as? Int } == [2012, 2013])
        #expect(soliageYears.map { $0["selfFinancingGross"] as? Double } == [0.2439, 0.4])
        #expect(soliageYears.map { $0["fundingBase"] as? Int } == [246_000, 500_000])
        #expect(soliageYears.allSatisfy { $0["statement"] is NSNull && $0["selfFinancingNet"] is NSNull })
        let atlanpack = try #require(clusters.first { $0["name"] as? String == "Atlanpack" })
        #expect(atlanpack["trajectory"] is NSNull)
        #expect(((atlanpack["years"] as? [[String: Any]])?.first?["target"] as? [String: Any])?["year"] == nil)

        // One file, even a history of several years: no clusters[] (the per-example golden files are unchanged).
        for single in ["mecabourg-2013.json", "mecabourg-2012-2013.json"] {
            let one = Tool.run(["check", repositoryFile("Examples/" + single).path, "--format", "json"])
            #expect(!one.stdout.contains("\"clusters\""))
        }
    }

    @Test("CSV: a row per cluster and year, in the reader's language, with French numbers in French")
    func csv() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let english = Tool.run(["check", folder.path, "--format", "csv"]).stdout.split(separator: "\n").map(String.init)
        #expect(english.first == "Cluster,Kind,Year,Statement,File,Self-financing (gross),Self-financing (net),Funding base,Target,Target year,Errors,Warnings,Notes")
        let path = folder.path
        #expect(english.contains("Grappe Exemple du financeur,grappe,2014,realised,\(path)/grappe-exemple-2014-realised.json,0.4737,0.4737,190000.00,0.5000,2016,0,2,4"))
        #expect(english.contains("Grappe Exemple du financeur,grappe,2015,realised,\(path)/grappe-exemple-2015-realised.json,0.4634,0.4634,205000.00,0.5000,2016,0,0,5"))
        #expect(english.contains { $0.hasPrefix("\"Pôle Exemple (fictitious pôle, mission categories)\",pôle,2013,forecast,") })
        // A history's published years are rows of their own: Soliage 2012, 60 k€ private of 246 k€ (24.39%), and
        // 2013, 40% of 500 k€ (memento p. 60); no statement, no net share, no finding.
        #expect(english.contains("Soliage,grappe,2012,published,\(path)/soliage-2012-2013.json,0.2439,,246000.00,0.5000,2014,0,0,0"))
        #expect(english.contains("Soliage,grappe,2013,published,\(path)/soliage-2012-2013.json,0.4000,,500000.00,0.5000,2014,0,0,0"))
        #expect(english.contains("Silicon Sentier,grappe,2012,published,\(path)/silicon-sentier-2011-2013.json,0.5000,,1900000.00,0.7500,2014,0,0,0"))
        // One row per cluster and year: 2014's forecast is not a row; Mecabourg 2013 is one row; the published years
        // of Eco-énergies (2010–2012), Mecabourg (2012), Silicon Sentier (2011–2013) and Soliage (2012–2013) are 9.
        #expect(english.count == 1 + 13 + 9)
        #expect(!english.contains { $0.contains("grappe-exemple-2014-forecast.json") })

        let french = Tool.run(["check", folder.path, "--format", "csv", "--language", "fr"]).stdout.split(separator: "\n").map(String.init)
        #expect(french.first == "Cluster;Type;Année;Nature;Fichier;Autofinancement brut;Autofinancement net;Base de financement;Objectif;Année de l'objectif;Erreurs;Avertissements;Remarques")
        #expect(french.contains { $0.hasPrefix("Cosmetic Valley;pôle;2013;prévisionnel;") })
        #expect(french.contains("Soliage;grappe;2012;publié;\(path)/soliage-2012-2013.json;0,2439;;246000,00;0,5000;2014;0;0;0"))
        #expect(french.contains("Grappe Exemple du financeur;grappe;2016;prévisionnel;\(path)/grappe-exemple-2016-forecast.json;0,6087;0,6087;230000,00;0,5000;2016;0;0;2"))

        // Markdown gets the same table.
        let markdown = Tool.run(["check", folder.path, "--format", "markdown"]).stdout
        #expect(markdown.contains("## Clusters by year"))
        #expect(markdown.contains("| Grappe Exemple du financeur | grappe | 2015 | realised |"))
        #expect(markdown.contains("| Cosmetic Valley | pôle | 2013 | forecast |"))
        let frenchMarkdown = Tool.run(["check", folder.path, "--format", "markdown", "--language", "fr"]).stdout
        #expect(frenchMarkdown.contains("| Cosmetic Valley | pôle | 2013 | prévisionnel |"))
        #expect(frenchMarkdown.contains("| Soliage | grappe | 2012 | publié |"))
        let single = Tool.run(["check", repositoryFile("Examples/mecabourg-2013.json").path, "--format", "markdown"]).stdout
        #expect(!single.contains("## Clusters by year"))
    }

    @Test("HTML: one page with the clusters table, a trend line per cluster, the memento's map and each cluster's reports")
    func html() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for language in ["en", "fr"] {
            let page = Tool.run(["check", folder.path, "--format", "html", "--language", language]).stdout
            // Twelve clusters: twelve rows linked to twelve sections, twelve trend lines, twelve marks on the map.
            for number in 1...12 {
                #expect(page.contains("<th scope=\"row\" id=\"c\(number)-row\"><a href=\"#c\(number)\">"))
                #expect(page.contains("<section class=\"cluster\" id=\"c\(number)\""))
                #expect(page.contains("<g class=\"cluster-mark\" data-cluster=\"\(number)\">"))
            }
            #expect(page.components(separatedBy: "class=\"chart sparkline\"").count == 13)
            // The four quadrants and the band under the memento's names (p. 17).
            for name in ["« La ruche bourdonnante »", "« La joyeuse meute »", "« Aube ou crépuscule »", "« La migration des gnous »",
                         "« Un équilibre précaire »"] {
                // French typography: no-break spaces inside the guillemets.
                #expect(page.contains(language == "fr" ? name.replacingOccurrences(of: "« ", with: "«\u{00A0}")
                    .replacingOccurrences(of: " »", with: "\u{00A0}»") : name))
            }
            // The made-up grappe's three years as a path on the map and as a trend; Neopolia 2013 (170 members and
            // 51.3% gross) in « la ruche bourdonnante », as the memento places it (p. 19).
            #expect(page.contains(language == "fr" ? "47,4\u{00A0}% en 2014, 60,9\u{00A0}% en 2016" : "47.4% in 2014, 60.9% in 2016"))
            #expect(page.contains(language == "fr" ? "<td class=\"number\">51,3\u{00A0}%</td><td>«\u{00A0}La ruche bourdonnante\u{00A0}»</td>"
                : "<td class=\"number\">51.3%</td><td>« La ruche bourdonnante »</td>"))
            // Accessible: every chart has a title and a description; the tables have headers.
            let charts = try NSRegularExpression(pattern: "<svg [^>]*>")
            let titled = try NSRegularExpression(pattern: "<svg [^>]*role=\"img\" aria-label=\"[^\"]+\"[^>]*><title>")
            let range = NSRange(page.startIndex..., in: page)
            #expect(charts.numberOfMatches(in: page, range: range) == titled.numberOfMatches(in: page, range: range))
            #expect(charts.numberOfMatches(in: page, range: range) > 12)
            #expect(page.contains("<desc>"))
            #expect(page.contains("@media print"))
            #expect(page.contains(language == "fr" ? "<td data-label=\"Type\">pôle</td>" : "<td data-label=\"Kind\">pôle</td>"))
        }
    }
}
