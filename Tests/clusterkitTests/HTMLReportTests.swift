import ClusterRules
import Foundation
import Testing
import TestSupport

import ClusterKitCore
@testable import ClusterKitReports
@testable import clusterkit

/// The reports of every example, as `clusterkit check` makes them (each budget with its kind's preset).
private func exampleReports() throws -> [(file: String, report: Report)] {
    try exampleBudgetFiles().map { file in
        let inputs = try BudgetFiles.load([repositoryRoot.appendingPathComponent(file).path], decoder: BudgetDecoder(catalog: .builtIn))
        return (file, try CheckCommand.evaluate(inputs, preset: nil))
    }
}

/// The `<text>` elements of the charts in an HTML page, by budget section: their text and their `data-figure` and
/// `class` attributes.
private func chartTexts(_ html: String) throws -> [(budget: Int, text: String, figure: String?, style: String?)] {
    let section = try NSRegularExpression(pattern: #"<section class="budget" id="b(\d+)""#)
    let text = try NSRegularExpression(pattern: #"<text ([^>]*)>([^<]*)</text>"#)
    let figure = try NSRegularExpression(pattern: #"data-figure="([^"]*)""#)
    let style = try NSRegularExpression(pattern: #"class="([^"]*)""#)
    let ns = html as NSString
    let starts = section.matches(in: html, range: NSRange(location: 0, length: ns.length)).map {
        ($0.range.location, Int(ns.substring(with: $0.range(at: 1)))!)
    }
    return text.matches(in: html, range: NSRange(location: 0, length: ns.length)).map { match in
        let attributes = ns.substring(with: match.range(at: 1))
        let attributesNS = attributes as NSString
        let budget = starts.last { $0.0 < match.range.location }?.1 ?? -1
        func attribute(_ expression: NSRegularExpression) -> String? {
            expression.firstMatch(in: attributes, range: NSRange(location: 0, length: attributesNS.length))
                .map { attributesNS.substring(with: $0.range(at: 1)) }
        }
        let content = ns.substring(with: match.range(at: 2)).replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        return (budget, content, attribute(figure), attribute(style))
    }
}

/// The first number a label prints, as a value: an amount in euros, or a percentage as a fraction (`49,8 %` is
/// 0.498), in the page's language (French: `1 080 000,50 €`, its thousands apart by narrow no-break spaces; English: `€1,080,000.50`).
private func parseFigure(_ text: String, french: Bool) -> (value: Double, isShare: Bool)? {
    let flat = text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
    let group = french ? " " : ",", point = french ? "," : "."
    let pattern = "(\\d{1,3}(?:\(group)\\d{3})+|\\d+)(\\\(point)\\d+)?( ?%)?"
    let ns = flat as NSString
    guard let match = try? NSRegularExpression(pattern: pattern).firstMatch(in: flat, range: NSRange(location: 0, length: ns.length))
    else { return nil }
    let whole = ns.substring(with: match.range(at: 1)).replacingOccurrences(of: group, with: "")
    let fraction = match.range(at: 2).location == NSNotFound ? "" : "." + ns.substring(with: match.range(at: 2)).dropFirst()
    guard let value = Double(whole + fraction) else { return nil }
    return match.range(at: 3).location == NSNotFound ? (value, false) : (value / 100, true)
}

/// The value at a path of the JSON report's budget: `metrics.sources.state`, `trajectory.years.2.privateShare`,
/// `a/b` (a ratio), `1-a` (a complement); `categories.B.public` and `categories.B.cost` sum the allocation's actions of
/// a category.
private func jsonValue(_ path: String, in budget: [String: Any]) -> Double? {
    if path.hasPrefix("1-") { return jsonValue(String(path.dropFirst(2)), in: budget).map { 1 - $0 } }
    if let slash = path.firstIndex(of: "/") {
        guard let a = jsonValue(String(path[..<slash]), in: budget), let b = jsonValue(String(path[path.index(after: slash)...]), in: budget)
        else { return nil }
        return a / b
    }
    let parts = path.split(separator: ".").map(String.init)
    if parts.first == "categories", parts.count == 3 {
        let actions = ((budget["allocation"] as? [String: Any])?["actions"] as? [[String: Any]] ?? [])
            .filter { $0["category"] as? String == parts[1] }
        let key = parts[2] == "cost" ? "cost" : "public"
        return actions.reduce(0.0) { $0 + (($1[key] as? NSNumber)?.doubleValue ?? 0) }
    }
    var node: Any? = budget
    for part in parts {
        if let index = Int(part), let array = node as? [Any] { node = index < array.count ? array[index] : nil }
        else { node = (node as? [String: Any])?[part] }
    }
    return (node as? NSNumber)?.doubleValue
}

@Suite("HTML report")
struct HTMLReportTests {
    @Test("The resources ring: its arcs follow one another from the top and make exactly one turn, each the share of its source; no label overlaps another or leaves the chart")
    func resourcesRing() throws {
        var checked = 0
        for (file, report) in try exampleReports() {
            for case .budget(let budget) in report.budgets.map(\.subject) {
                for language in Language.allCases {
                    let chart = ResourcesChart(budget.metrics, catalog: .builtIn, language: language)
                    // The slices share the whole of the resources, exactly.
                    #expect(chart.slices.reduce(Int64(0)) { $0 + $1.amount.minorUnits } == budget.metrics.fundingBase.minorUnits, "\(file)")
                    let arcs = chart.arcs
                    #expect(arcs.count == chart.slices.count)
                    #expect(arcs.first?.start == 0)
                    #expect(abs((arcs.last?.end ?? 0) - 2 * Double.pi) < 1e-12, "\(file): the ring makes one turn")
                    for index in arcs.indices.dropFirst() { #expect(arcs[index].start == arcs[index - 1].end) }
                    let total = Double(budget.metrics.fundingBase.minorUnits)
                    for (arc, slice) in zip(arcs, chart.slices) {
                        #expect(abs(arc.sweep / (2 * Double.pi) - Double(slice.amount.minorUnits) / total) < 1e-9, "\(file) \(slice.source)")
                    }
                    let format = HTMLFormat(language: language)
                    let labels = chart.labels(format: format)
                    let height = chart.legend(format: format).height
                    #expect(overlappingLabels(labels).isEmpty, "\(file) (\(language)): \(overlappingLabels(labels).map { "\($0.0.text) / \($0.1.text)" })")
                    for label in labels {
                        #expect(label.box.isInside(width: ResourcesChart.width, height: height), "\(file) (\(language)): « \(label.text) » leaves the chart")
                    }
                    // No label crosses the ring.
                    for label in chart.centreLabels(format: format) {
                        #expect(label.box.width < 2 * ResourcesChart.innerRadius - 8, "\(file): « \(label.text) » is wider than the hole")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked >= 24)
    }

    @Test("The public/private bars: their segments fill the bar exactly, private at its share; the target line at the target; no label overlaps")
    func balanceBars() throws {
        var checked = 0
        for (file, report) in try exampleReports() {
            for case .budget(let budget) in report.budgets.map(\.subject) {
                let target = HTMLReportRenderer.selfFinancingTarget(of: budget.cluster, in: budget.year)
                let chart = try #require(BalanceChart(budget.metrics, target: target.share, targetYear: target.year))
                #expect(chart.bars.map(\.basis) == [.gross, .net])
                for bar in chart.bars {
                    let segments = BalanceChart.segments(of: bar, width: 400)
                    #expect(abs(segments.total - 400) < 1e-9, "\(file)")
                    #expect(abs((segments.privateCash + segments.inKind) / 400 - bar.privateShare.doubleValue) < 1e-12)
                    #expect(segments.privateCash >= 0 && segments.inKind >= 0 && segments.public >= 0)
                }
                for language in Language.allCases {
                    let labels = chart.labels(format: HTMLFormat(language: language))
                    #expect(overlappingLabels(labels).isEmpty, "\(file) (\(language)): \(overlappingLabels(labels).map { "\($0.0.text) / \($0.1.text)" })")
                    for label in labels {
                        #expect(label.box.isInside(width: BalanceChart.width, height: chart.height), "\(file): « \(label.text) » leaves the chart")
                    }
                }
                checked += 1
            }
        }
        #expect(checked >= 12)
    }

    @Test("Cosmetic Valley's bar: 49.8% private against the 50% target, in French and in English")
    func cosmeticValleyBar() throws {
        let report = try #require(try exampleReports().first { $0.file == "Examples/cosmetic-valley-2013.json" }).report
        let budget = try #require(report.budgets[0].checked)
        let chart = try #require(BalanceChart(budget.metrics, target: Share(percent: 50), targetYear: nil))
        #expect(chart.bars[0].privateShare == Share(1_080_000, over: 2_169_500))
        let french = chart.labels(format: HTMLFormat(language: .french)).map(\.text)
        #expect(french.contains("Privé 49,8\u{00A0}%"))
        #expect(french.contains("Objectif 50\u{00A0}%"))
        #expect(french.contains("1\u{202F}080\u{202F}000\u{00A0}€"))
        let english = chart.labels(format: HTMLFormat(language: .english)).map(\.text)
        #expect(english.contains("Private 49.8%"))
        #expect(english.contains("€1,080,000"))
    }

    @Test("A history's trajectory: years left to right, the glide path from the baseline to the target, a triangle for each year behind; no label overlaps")
    func trajectories() throws {
        var histories = 0
        for (file, report) in try exampleReports() {
            for budget in report.budgets {
                guard let trajectory = budget.trajectory else { continue }
                histories += 1
                let chart = TrajectoryChart(trajectory: trajectory)
                let xs = trajectory.points.map { chart.x($0.year) }
                #expect(xs == xs.sorted() && Set(xs).count == xs.count, "\(file): years left to right")
                // Each year in the middle of its slot: the first and last half a slot in from the plot's edges.
                let slot = (TrajectoryChart.plot.right - TrajectoryChart.plot.left) / Double(chart.years.count)
                #expect(abs(chart.x(chart.years.lowerBound) - (TrajectoryChart.plot.left + slot / 2)) < 1e-9)
                #expect(abs(chart.x(chart.years.upperBound) - (TrajectoryChart.plot.right - slot / 2)) < 1e-9)
                #expect(chart.y(0) == TrajectoryChart.plot.bottom && abs(chart.y(chart.top) - TrajectoryChart.plot.top) < 1e-9)
                for language in Language.allCases {
                    let format = HTMLFormat(language: language)
                    let svg = chart.svg(format: format, describedBy: "x")
                    if trajectory.path != nil {
                        #expect(svg.contains("class=\"glide-path\""), "\(file): the glide path is drawn")
                        #expect(svg.contains("class=\"target-year\""), "\(file): the target year is drawn")
                    }
                    #expect(svg.components(separatedBy: "class=\"behind\"").count - 1 == trajectory.points.count(where: \.isBehind))
                    let labels = chart.labels(format: format)
                    #expect(overlappingLabels(labels).isEmpty, "\(file) (\(language)): \(overlappingLabels(labels).map { "\($0.0.text) / \($0.1.text)" })")
                    for label in labels {
                        #expect(label.box.isInside(width: TrajectoryChart.width, height: chart.height(format: format)), "\(file): « \(label.text) » leaves the chart")
                    }
                }
            }
        }
        #expect(histories == 4)
    }

    @Test("Silicon Sentier: the path to its own 75% by 2014 starts in 2013, when it was set, and no year is behind; Cra Eco-énergies, with no dated target, has no path")
    func trajectoryPaths() throws {
        let reports = try exampleReports()
        let sentier = try #require(reports.first { $0.file == "Examples/silicon-sentier-2011-2013.json" }).report
        let trajectory = try #require(sentier.budgets.compactMap(\.trajectory).first)
        let path = try #require(trajectory.path)
        #expect(path.baselineYear == 2013 && path.targetYear == 2014 && path.target == Share(percent: 75))
        #expect(trajectory.points.filter(\.isBehind).isEmpty, "2011 and 2012 are before the path")
        #expect(TrajectoryChart(trajectory: trajectory).years == 2011...2014)
        let svg = TrajectoryChart(trajectory: trajectory).svg(format: HTMLFormat(language: .french), describedBy: "x")
        #expect(svg.contains("class=\"glide-path\"") && svg.contains("class=\"target-year\""))
        let cra = try #require(reports.first { $0.file == "Examples/cra-eco-energies-2010-2013.json" }).report
        let craTrajectory = try #require(cra.budgets.compactMap(\.trajectory).first)
        #expect(craTrajectory.path == nil && craTrajectory.points.map(\.year) == [2010, 2011, 2012, 2013])
        #expect(!TrajectoryChart(trajectory: craTrajectory).svg(format: HTMLFormat(language: .french), describedBy: "x").contains("glide-path"))
    }

    @Test("The pôle's mission categories: public funding and cost by category as the allocation gives them, ceilings A 100%, B 50%, C by regime, D 0%; no label overlaps")
    func categories() throws {
        let report = try #require(try exampleReports().first { $0.file == "Examples/pole-categories-example.json" }).report
        let budget = try #require(report.budgets[0].checked)
        let chart = try #require(CategoriesChart(budget.budget, metrics: budget.metrics, catalog: .builtIn))
        #expect(chart.rows.map(\.category) == [.a, .b, .c, .d])
        #expect(chart.rows.map(\.cost) == [150_000, 520_000, 310_000, 110_000].map { Money(major: $0) })
        // NN120/90 pays 50% of the 200,000 of training; de minimis the whole 110,000 of support (within EUR 300,000).
        #expect(chart.rows.map(\.ceiling) == [150_000, 260_000, 210_000, 0].map { Money(major: $0) })
        let categorized = budget.metrics.allocation.actions.filter { $0.category != nil }
        #expect(chart.rows.reduce(Int64(0)) { $0 + $1.publicFunding.minorUnits }
            == categorized.reduce(Int64(0)) { $0 + $1.publicFunding.minorUnits })
        for row in chart.rows {
            let lengths = chart.lengths(row, width: 400)
            #expect(abs(lengths.publicWithin + lengths.publicOver - 400 * Double(row.publicFunding.minorUnits) / chart.scale) < 1e-9)
            #expect(lengths.cost <= 400 + 1e-9)
        }
        #expect(chart.lengths(chart.rows[3], width: 400).publicOver > 0, "category D receives public money over its 0 ceiling")
        for language in Language.allCases {
            let labels = chart.labels(format: HTMLFormat(language: language))
            #expect(overlappingLabels(labels).isEmpty, "\(overlappingLabels(labels).map { "\($0.0.text) / \($0.1.text)" })")
            for label in labels { #expect(label.box.isInside(width: CategoriesChart.width, height: chart.height), "« \(label.text) »") }
        }
        // Without the built-in regimes in the catalogue, no ceiling can be told.
        var sourcesOnly = Catalog()
        for source in BuiltInRevenueSource.all { try sourcesOnly.add(source) }
        let bare = try #require(CategoriesChart(budget.budget, metrics: budget.metrics, catalog: sourcesOnly))
        #expect(bare.rows.allSatisfy { $0.ceiling == nil })
    }

    @Test("Every number a chart shows is the number of the JSON report for the same budget", arguments: ["en", "fr"])
    func chartFiguresMatchJSON(language: String) throws {
        var compared = 0
        for file in try exampleBudgetFiles() {
            let path = repositoryRoot.appendingPathComponent(file).path
            let html = Tool.run(["check", path, "--format", "html", "--language", language]).stdout
            let json = Tool.run(["check", path, "--format", "json", "--language", language]).stdout
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let budgets = try #require(document["budgets"] as? [[String: Any]])
            let input = try BudgetFiles.load([path], decoder: BudgetDecoder(catalog: .builtIn))[0]
            let year = input.budget?.year ?? input.history?.span?.upperBound ?? 0
            for label in try chartTexts(html) where label.text.contains(where: \.isNumber) {
                if label.style == "axis", label.figure == nil { continue }
                let figure = try #require(label.figure, "\(file): « \(label.text) » shows a number that is no figure of the report")
                let shown = try #require(parseFigure(label.text, french: language == "fr"), "\(file): « \(label.text) »")
                let budget = budgets[label.budget]
                let expected: Double
                if figure == "target" {
                    expected = HTMLReportRenderer.selfFinancingTarget(of: input.cluster, in: year).share.doubleValue
                } else if figure.hasSuffix(".ceiling") {
                    continue  // Not in the JSON report: the categories test holds ceilings to the regimes.
                } else {
                    expected = try #require(jsonValue(figure, in: budget), "\(file): \(figure) is not in the JSON report")
                }
                if shown.isShare {
                    #expect(abs(shown.value - expected) <= 0.000551, "\(file) (\(language)): « \(label.text) » against \(figure) = \(expected)")
                } else {
                    #expect(abs(shown.value - expected) < 0.001, "\(file) (\(language)): « \(label.text) » against \(figure) = \(expected)")
                }
                compared += 1
            }
        }
        #expect(compared > 300)
    }

    @Test("The page is self-contained: no script, no external resource, lang set, every chart with a caption and a table")
    func selfContained() throws {
        for file in try exampleBudgetFiles() {
            for language in ["en", "fr"] {
                let html = Tool.run(["check", repositoryRoot.appendingPathComponent(file).path, "--format", "html", "--language", language]).stdout
                #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language)\">"))
                #expect(!html.contains("<script"))
                #expect(!html.contains("<img") && !html.contains("<link") && !html.contains("@import") && !html.contains("url(http"))
                // The one URL in the page is the SVG namespace, which is a name and never fetched (an address in the
                // provenance of the figures is text).
                let fetched = html.split(separator: "\n").filter { !$0.hasPrefix("<p class=\"provenance\">") }.joined(separator: "\n")
                let urls = fetched.components(separatedBy: "http").count - 1
                #expect(urls == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1, "\(file)")
                let charts = html.components(separatedBy: "<svg ").count - 1
                #expect(charts >= 1)
                #expect(html.components(separatedBy: "<figcaption").count - 1 == charts)
                #expect(html.components(separatedBy: "<table").count - 1 == charts + 1, "a table per chart, and the summary's")
            }
        }
    }

    @Test("Cosmetic Valley in French: the resources chart, the bar at 49,8 % against 50 %, the fee warning, the 50/50 and events notes with their fixes")
    func cosmeticValleyInFrench() throws {
        let output = Tool.run(["check", example("cosmetic-valley-2013.json"), "--format", "html", "--language", "fr"])
        #expect(output.status == 0)
        let html = output.stdout
        #expect(html.contains("class=\"chart resources\""))
        #expect(html.contains("class=\"chart balance\""))
        #expect(html.contains(">Privé 49,8\u{00A0}%</text>"))
        #expect(html.contains(">Objectif 50\u{00A0}% (2016)</text>"), "its own target: 50% by 2016")
        // Events at 18.6% are a note since the memento shows Cosmetic Valley's « palette complète » as a model.
        // The 50% due by 2016 is three years ahead: a note.
        #expect(html.contains("Avertissement (1)") || html.contains("Avertissements (1)"))
        #expect(html.components(separatedBy: "<article class=\"diagnostic warning\"").count - 1 == 1)
        #expect(html.contains("<code>event-risk</code>"))
        for fix in ["206\u{202F}722,23\u{00A0}€", "147\u{202F}558,83\u{00A0}€", "9\u{202F}500\u{00A0}€"] {
            #expect(html.contains("<span class=\"amount\">\(fix)</span>"), "fix \(fix)")
        }
        #expect(html.contains("<details><summary>Comment ce diagnostic est calculé</summary>"))
        #expect(html.contains("<cite>Modèles économiques des clusters (2013), p.\u{00A0}11"), "the citation")
    }

    @Test("The gap to the target: « à 0,2 point » under two points, « à 5,2 points » from two; « 1 percentage point » alone in English")
    func gapToTarget() throws {
        let reports = try exampleReports()
        func headline(_ file: String, _ language: Language) throws -> String {
            let report = try #require(reports.first { $0.file == file }).report
            let html = HTMLReportRenderer(options: RenderingOptions(language: language)).render(report)
            let line = try #require(html.split(separator: "\n").first { $0.hasPrefix("<p class=\"headline short\">") })
            return String(line).replacingOccurrences(of: "&#39;", with: "'")
        }
        // Cosmetic Valley 2013: 49.8% gross against 50%; Mecabourg 2013: 44.8% net against 50%.
        #expect(try headline("Examples/cosmetic-valley-2013.json", .french).contains("— à 0,2 point de l'objectif"))
        #expect(try headline("Examples/cosmetic-valley-2013.json", .english).contains("— 0.2 percentage points short"))
        #expect(try headline("Examples/mecabourg-2013.json", .french).contains("— à 5,2 points de l'objectif"))
        #expect(try headline("Examples/mecabourg-2013.json", .english).contains("— 5.2 percentage points short"))
    }

    @Test("The memento's map of profiles: its thresholds (50 members, 30%, 50%), its labels apart and inside, numbers kept apart")
    func profileMap() throws {
        // Neopolia 2013: 170 members, 630,000 private of 1,227,000 (51.3% gross): « la ruche bourdonnante », where
        // the memento places it (p. 19). Mecabourg 2013: 60 members, 130,000 of 290,000 (44.8%): the precarious
        // balance. Silicon Sentier 2013: 170 members, 50% (p. 56): at the high threshold, so highly self-financed.
        let neopolia = Share(630_000, over: 1_227_000), mecabourg = Share(130_000, over: 290_000)
        #expect(ProfileMapChart.profile(members: 170, share: neopolia) == "« La ruche bourdonnante »")
        #expect(ProfileMapChart.profile(members: 60, share: mecabourg) == "« Un équilibre précaire »")
        #expect(ProfileMapChart.profile(members: 170, share: Share(percent: 50)) == "« La ruche bourdonnante »")
        #expect(ProfileMapChart.profile(members: 50, share: Share(percent: 50)) == "« La joyeuse meute »")
        #expect(ProfileMapChart.profile(members: 50, share: Share(percent: 29)) == "« Aube ou crépuscule »")
        #expect(ProfileMapChart.profile(members: 51, share: Share(percent: 29)) == "« La migration des gnous »")
        let chart = ProfileMapChart(marks: [
            .init(number: 1, name: "Neopolia", kind: .grappe, years: [(2013, 170, neopolia)]),
            .init(number: 2, name: "Mecabourg", kind: .grappe, years: [(2013, 60, mecabourg)]),
            .init(number: 3, name: "Silicon Sentier", kind: .grappe,
                  years: [(2011, 170, Share(percent: 50)), (2012, 170, Share(percent: 50)), (2013, 170, Share(percent: 50))]),
        ])
        // The thresholds where the memento draws them.
        #expect(abs(chart.x(50) - chart.x(10) - (chart.x(500) - chart.x(100))) < 1e-9, "a logarithmic scale")
        #expect(chart.x(51) > chart.x(50))
        #expect(abs(chart.y(0.5) - chart.y(0.3) - 2 * (chart.y(0.3) - chart.y(0.2))) < 1e-9)
        // Silicon Sentier stands where Neopolia's number is (170 members, 50% against 51.3%): its number is moved aside.
        let places = chart.numberPlaces
        #expect(places[0].x == chart.x(170) && places[0].y == chart.y(neopolia.doubleValue))
        for i in places.indices {
            for j in places.indices where j > i {
                #expect((places[i].x - places[j].x) * (places[i].x - places[j].x) + (places[i].y - places[j].y) * (places[i].y - places[j].y) >= 400)
            }
        }
        for language in [Language.english, .french] {
            let format = HTMLFormat(language: language)
            let labels = chart.labels(format: format)
            #expect(overlappingLabels(labels).isEmpty, "\(language): \(overlappingLabels(labels).map { "\($0.0.text) / \($0.1.text)" })")
            for label in labels {
                #expect(label.box.isInside(width: ProfileMapChart.width, height: chart.height), "\(language): « \(label.text) » leaves the chart")
            }
            let svg = chart.svg(format: format, describedBy: "map-caption")
            #expect(svg.contains("<title>") && svg.contains("<desc>") && svg.contains("aria-describedby=\"map-caption\""))
            #expect(svg.components(separatedBy: "class=\"cluster-mark\"").count == 4)
        }
    }

    @Test("The page's words are those of its language, numbers formatted for it")
    func languages() {
        let french = HTMLFormat(language: .french), english = HTMLFormat(language: .english)
        #expect(french.money(Money(major: 1_080_000)) == "1\u{202F}080\u{202F}000\u{00A0}€")
        #expect(english.money(Money(major: 1_080_000)) == "€1,080,000")
        #expect(french.money(Money(minorUnits: 20_672_223)) == "206\u{202F}722,23\u{00A0}€")
        #expect(french.share(Share(1_080_000, over: 2_169_500)) == "49,8\u{00A0}%")
        #expect(english.share(Share(1_080_000, over: 2_169_500)) == "49.8%")
        #expect(french.typeset("« un équilibre précaire » : oui ; non ?") == "«\u{00A0}un équilibre précaire\u{00A0}»\u{00A0}: oui\u{00A0}; non\u{00A0}?")
        #expect(english.typeset("a : b") == "a : b")
        #expect(HTML.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        // A quote followed by a combining mark is one character, and still a quote to the browser: escaped.
        #expect(HTML.escape("x=\"\u{301} onmouseover=\"y") == "x=&quot;\u{301} onmouseover=&quot;y")
        #expect(HTML.escape("Pôle « Aéro » 2014–2015 — 45 %") == "Pôle « Aéro » 2014–2015 — 45 %")
        #expect(HTML.escape("") == "" && HTML.escape("🙂<🙂") == "🙂&lt;🙂")
    }

    @Test("Text from a budget cannot break the page")
    func escaping() throws {
        let budget = Budget.balanced(
            ClusterProfile(name: "<script>alert('x')</script> & Co"),
            resources: [.line(.region, 50_000), .line(.membershipFees, 50_000)])
        let report = try Engine(ruleSet: RuleSet(name: "none")).check([BudgetInput(budget, file: "a\"b<c>.json")])
        let html = HTMLReportRenderer(options: RenderingOptions(language: .french)).render(report)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"))
        #expect(html.contains("a&quot;b&lt;c&gt;.json"))
    }
}

extension BudgetReport {
    /// The checked budget of a budget's report (`nil` for a history's).
    fileprivate var checked: CheckedBudget? {
        if case .budget(let budget) = subject { return budget }
        return nil
    }
}
