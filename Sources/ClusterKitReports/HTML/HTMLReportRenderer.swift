import ClusterKitCore
import Foundation

/// Renders a report as one self-contained HTML5 page to bring to the board or the funders' steering committee: a
/// summary, then for each budget the memento's charts — its resources by origin (public in blues, private in
/// oranges, in kind hatched), its public/private bar against the target, gross and net, its trajectory for a
/// history, its mission categories against their ceilings for a pôle — each with a caption and a table of the same
/// figures, and its diagnostics grouped by severity with their figures, fixes, folded explanations and citations.
///
/// A report grouped by cluster (a report on more than one budget, see `ClusterPortfolio`) gets a funder's page
/// instead: a table of the clusters (kind, members, latest budget, private share against its target, a small line of
/// its private share year by year, findings by severity), the memento's map of cluster profiles (members against
/// self-financing, its four quadrants under the memento's names, every cluster placed, a cluster of several years as
/// a path), then each cluster's years and its own reports, linked from the table.
///
/// The page needs nothing but itself: inline CSS and inline SVG drawn by ClusterKit, no script, no font, no image,
/// no request of any kind. Numbers are formatted for the language (`1 080 000 €` and `49,8 %` in French,
/// `€1,080,000` and `49.8%` in English), the page's `lang` says which; a print stylesheet lays it out on A4 pages
/// without splitting a chart, and it reads without scrolling sideways on a phone.
///
/// ```swift
/// let html = HTMLReportRenderer(options: RenderingOptions(language: .french)).render(report)
/// try html.write(toFile: "report.html", atomically: true, encoding: .utf8)
/// ```
public struct HTMLReportRenderer: ReportRenderer {
    /// The language of every word printed, and the catalogue that names the revenue sources and holds the funding
    /// regimes (for the ceilings of the mission categories).
    public var options: RenderingOptions
    var language: Language { options.language }
    var catalog: Catalog { options.catalog }

    /// Creates a renderer.
    public init(options: RenderingOptions = RenderingOptions()) { self.options = options }

    /// The private share a budget of `year` is drawn against, and the year it is due: the cluster's own target for
    /// that year (``ClusterProfile/target(judgedIn:)``), else the memento's 50% « à terme », with no date. The one
    /// place the report looks the target up.
    static func selfFinancingTarget(of cluster: ClusterProfile, in year: Int) -> (share: Share, year: Int?) {
        let target = cluster.target(judgedIn: year)
        return (target?.privateShare ?? Share(percent: 50), target?.year)
    }

    public func render(_ report: Report) -> String {
        if let clusters = report.clusters { return portfolioPage(report, clusters: clusters) }
        let format = HTMLFormat(language: language)
        let title = Message(ReportWords.title, ["ruleSet": ReportWords.ruleSetName(report.ruleSet)]).rendered(in: language)
        let names = report.budgets.map { "\($0.cluster.name) \($0.yearLabel)" }
        var uniqueNames: [String] = []
        for name in names where !uniqueNames.contains(name) { uniqueNames.append(name) }
        var out = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(HTML.escape(format.typeset(([title] + uniqueNames.prefix(3)).joined(separator: " — "))))</title>\n"
        out += "<style>\n\(Self.stylesheet)</style>\n</head>\n<body>\n"
        out += "<header class=\"page\">\n<h1>\(HTML.escape(format.typeset(title)))</h1>\n"
        out += "<p>\(HTML.escape(format.message(Message(HTMLWords.subtitle, ["ruleSet": ReportWords.ruleSetName(report.ruleSet)]))))</p>\n</header>\n"
        out += "<main>\n" + summary(report, format: format)
        for (index, budget) in report.budgets.enumerated() { out += section(budget, id: "b\(index)", format: format) }
        if !report.diagnostics.isEmpty {
            out += "<section class=\"budget\" id=\"check\" aria-labelledby=\"check-title\">\n"
            out += "<h2 id=\"check-title\">\(HTML.escape(format.word(ReportWords.checkDiagnostics)))</h2>\n"
            out += diagnostics(report.diagnostics, id: "check", format: format) + "</section>\n"
        }
        out += "</main>\n<footer class=\"page\"><p>ClusterKit · \(HTML.escape(Report.format))</p></footer>\n</body>\n</html>\n"
        return out
    }

    // MARK: - Summary

    /// The summary's opening: its section and heading, the counts by severity, and the suppressed findings' count (a
    /// single report's page and a funder's page share it).
    static func summaryCounts(_ totals: ReportSummary, format: HTMLFormat) -> String {
        let words = ReportWords.self
        var out = "<section id=\"summary\" aria-labelledby=\"summary-title\">\n"
        out += "<h2 id=\"summary-title\">\(HTML.escape(format.word(words.summaryHeading)))</h2>\n<ul class=\"counts\">\n"
        for (severity, count) in [(Severity.error, totals.errors), (.warning, totals.warnings), (.note, totals.notes)] {
            let word = format.message(Message(words.severityCount(severity), ["count": .integer(count)]))
            out += "<li class=\"count \(severity.rawValue)\"><span class=\"number\">\(count)</span> \(HTML.escape(word))</li>\n"
        }
        out += "</ul>\n"
        if totals.suppressed > 0 {
            out += "<p>\(HTML.escape(format.message(Message(words.suppressedCount, ["count": .integer(totals.suppressed)]))))</p>\n"
        }
        return out
    }

    private func summary(_ report: Report, format: HTMLFormat) -> String {
        let words = ReportWords.self
        var out = Self.summaryCounts(report.summary, format: format)
        // On a phone the summary's rows reflow into blocks, each cell named by its column (`data-label`).
        out += "<div class=\"table-wrap\"><table class=\"reflow\">\n<thead><tr><th scope=\"col\">\(HTML.escape(format.word(words.budgetColumn)))</th>"
        for severity in Severity.allCases {
            out += "<th scope=\"col\" class=\"number\">\(HTML.escape(format.word(words.severityPlural(severity))))</th>"
        }
        out += "<th scope=\"col\">\(HTML.escape(format.word(HTMLWords.target)))</th></tr></thead>\n<tbody>\n"
        for (index, budget) in report.budgets.enumerated() {
            out += "<tr><th scope=\"row\"><a href=\"#b\(index)\">\(HTML.escape(format.typeset(title(of: budget))))</a></th>"
            for severity in Severity.allCases {
                out += "<td class=\"number\" data-label=\"\(HTML.escape(format.word(words.severityPlural(severity))))\">"
                    + "\(budget.diagnostics.count { $0.severity == severity })</td>"
            }
            out += "<td data-label=\"\(HTML.escape(format.word(HTMLWords.target)))\">"
                + "\(headline(of: budget, format: format).map { HTML.escape($0.text) } ?? "—")</td></tr>\n"
        }
        return out + "</tbody>\n</table></div>\n</section>\n"
    }

    private func title(of budget: BudgetReport) -> String {
        if let trajectory = budget.trajectory, let first = trajectory.points.first, let last = trajectory.points.last,
            first.year != last.year
        {
            return "\(budget.cluster.name), \(first.year)–\(last.year)"
        }
        return ReportWords.title(of: budget, in: language)
    }

    /// The one figure that matters most: self-financing against the target (for a history, the latest known year's
    /// private share), and whether it is reached.
    private func headline(of budget: BudgetReport, format: HTMLFormat) -> (text: String, reached: Bool)? {
        let target = Self.selfFinancingTarget(of: budget.cluster, in: budget.year)
        let share: Share
        var text: String
        if let trajectory = budget.trajectory {
            guard let latest = trajectory.points.last(where: { $0.privateShare != nil }), let latestShare = latest.privateShare
            else { return nil }
            share = latestShare
            let goal = trajectory.path?.target ?? target.share
            text = format.message(Message(HTMLWords.historyHeadline, [
                "share": .share(share), "year": .integer(latest.year), "target": .share(goal),
                "targetYear": .text(trajectory.path.map { String($0.targetYear) } ?? target.year.map(String.init) ?? "—"),
            ]))
            return finish(text, share: share, target: goal, format: format)
        }
        let basis = SelfFinancingBasis.gross.applying(to: budget.cluster)
        guard let ratio = budget.metrics?.selfFinancing(basis) else { return nil }
        share = ratio
        text = format.message(Message(HTMLWords.headline, [
            "share": .share(share), "basis": .localized(basis.label), "target": .share(target.share),
        ]))
        return finish(text, share: share, target: target.share, format: format)
    }

    private func finish(_ text: String, share: Share, target: Share, format: HTMLFormat) -> (text: String, reached: Bool) {
        if share >= target { return (text + " — " + format.word(HTMLWords.reached), true) }
        let distance = target.distance(to: share)
        // The number as printed decides the noun: French writes « 1,5 point » and « 2 points », English « 1 point »
        // and « 1.5 points ».
        let printed = ValueFormatter.percent(distance)
        let singular = language == .french ? printed < 2 : printed == 1
        let gap = format.message(
            Message(singular ? HTMLWords.shortByOne : HTMLWords.short, ["points": .text(format.points(distance))]))
        return (text + " — " + gap, false)
    }

    // MARK: - A budget

    func section(_ budget: BudgetReport, id: String, format: HTMLFormat) -> String {
        let cluster = budget.cluster
        var out = "<section class=\"budget\" id=\"\(id)\" aria-labelledby=\"\(id)-title\">\n"
        out += "<h2 id=\"\(id)-title\">\(HTML.escape(format.typeset(title(of: budget))))</h2>\n"
        var facts: [String] = []
        if let kind = cluster.kind { facts.append(format.word(HTMLWords.kind(kind))) }
        if let members = cluster.members { facts.append(format.message(Message(HTMLWords.members, ["count": .integer(members)]))) }
        if let founded = cluster.founded { facts.append(format.message(Message(HTMLWords.founded, ["year": .integer(founded)]))) }
        if let file = budget.file { facts.append(format.message(Message(ReportWords.file, ["file": .text(file)]))) }
        if !facts.isEmpty { out += "<p class=\"facts\">\(facts.map(HTML.escape).joined(separator: " · "))</p>\n" }
        // Where the figures come from, as text (the page fetches nothing); its notes stay in the JSON report.
        if let source = budget.provenance?.citation {
            let label = format.word(ReportWords.provenanceLabel) + (language == .french ? " : " : ": ")
            out += "<p class=\"provenance\">\(HTML.escape(format.typeset(label + source)))</p>\n"
        }
        if let headline = headline(of: budget, format: format) {
            out += "<p class=\"headline \(headline.reached ? "reached" : "short")\">\(HTML.escape(headline.text))</p>\n"
        }
        out += "<div class=\"charts\">\n"
        switch budget.subject {
        case .history(_, let trajectory):
            out += trajectoryFigure(trajectory, id: id, format: format)
        case .budget(let checked):
            out += resourcesFigure(checked.metrics, id: id, format: format)
            out += balanceFigure(checked, id: id, format: format)
            if let chart = CategoriesChart(checked.budget, metrics: checked.metrics, catalog: catalog) {
                out += categoriesFigure(chart, id: id, format: format)
            }
        }
        out += "</div>\n"
        // What a table's reader inferred, when it inferred anything: the text report's list, as a list.
        if case .budget(let checked) = budget.subject, !checked.inferred.isEmpty {
            let lines = TextReportRenderer.inferred(checked, language: language).split(separator: "\n")
            out += "<section class=\"inferred\"><h3>\(HTML.escape(format.typeset(lines[0].trimmingCharacters(in: .whitespaces))))</h3>\n<ul>\n"
            out += lines.dropFirst().map { "<li>\(HTML.escape(format.typeset($0.trimmingCharacters(in: .whitespaces))))</li>\n" }.joined()
            out += "</ul></section>\n"
        }
        out += "<h3>\(HTML.escape(format.word(HTMLWords.diagnostics)))</h3>\n"
        out += diagnostics(budget.diagnostics, id: id, format: format, labels: TextReportRenderer.labels(of: budget.budget))
        out += "<p class=\"back\"><a href=\"#summary\">\(HTML.escape(format.word(HTMLWords.backToSummary)))</a></p>\n"
        return out + "</section>\n"
    }

    /// A figure: its caption (title and description), the chart — which `svg` draws, given the figure's id
    /// (`b0-resources`) and its caption's (`b0-resources-caption`) — and the table of its figures: `headings` (the
    /// `numeric` ones right-aligned), then `rows`.
    private func figure(id: String, kind: String, title: LocalizedText, caption: String, headings: [LocalizedText],
                        numeric: [Bool], rows: String, format: HTMLFormat,
                        svg: (_ id: String, _ describedBy: String) -> String) -> String {
        let figureID = "\(id)-\(kind)", captionID = "\(id)-\(kind)-caption"
        return "<figure class=\"chart-figure \(kind)\" id=\"\(figureID)\">\n"
            + "<figcaption id=\"\(captionID)\"><strong>\(HTML.escape(format.word(title)))</strong> "
            + "<span>\(HTML.escape(caption))</span></figcaption>\n"
            + svg(figureID, captionID) + "\n<div class=\"table-wrap\">" + tableHead(headings, numeric: numeric, format: format)
            + rows + "</tbody></table></div>\n</figure>\n"
    }

    private func resourcesFigure(_ metrics: BudgetMetrics, id: String, format: HTMLFormat) -> String {
        let chart = ResourcesChart(metrics, catalog: catalog, language: language)
        guard !chart.slices.isEmpty else { return "" }
        let total = metrics.fundingBase
        func share(_ amount: Money) -> MessageArgument {
            Share(amount, of: total).map { .share($0) } ?? .localized(LocalizedText.notAvailable)
        }
        // A closed year's accounts speak of « produits » in French, as their compte de résultat does.
        let realised = metrics.statement == .realised
        let caption = format.message(Message(realised ? HTMLWords.realisedCaption : HTMLWords.resourcesCaption, [
            "total": .text(format.money(total)), "count": .integer(chart.slices.count),
            "public": .text(format.money(metrics.publicResources.amount)), "publicShare": share(metrics.publicResources.amount),
            "private": .text(format.money(metrics.privateResources.amount)), "privateShare": share(metrics.privateResources.amount),
        ]))
        // The table groups the origins by sector, as the legend does: each sector's total, then its origins.
        var rows = ""
        func row(_ name: String, _ amount: Money, className: String? = nil) -> String {
            "<tr\(className.map { " class=\"\($0)\"" } ?? "")><th scope=\"row\">\(HTML.escape(name))</th>"
                + "<td class=\"number\">\(HTML.escape(format.money(amount)))</td>"
                + "<td class=\"number\">\(HTML.escape(Share(amount, of: total).map(format.share) ?? "—"))</td></tr>\n"
        }
        for sector in Sector.allCases {
            let slices = chart.slices.filter { $0.sector == sector }
            guard !slices.isEmpty else { continue }
            rows += row(format.word(MetricsTable.resources(of: sector)),
                         sector == .public ? metrics.publicResources.amount : metrics.privateResources.amount, className: "sector")
            for slice in slices {
                rows += row(slice.name + (slice.nature == .inKind ? " (" + format.word(HTMLWords.inKind) + ")" : ""), slice.amount)
            }
        }
        rows += row(
            format.word(
                total != metrics.totalResources ? MetricsTable.fundingBase
                    : realised ? MetricsTable.totalProducts : LocalizedText.totalResources), total,
            className: "total")
        // What the accounts hold beyond the funding base, in no share: said, with its amount.
        for (reason, amount) in LeftOutLines(metrics).totals {
            rows += "<tr class=\"left-out\"><th scope=\"row\">\(HTML.escape(format.word(reason.label)))</th>"
                + "<td class=\"number\">\(HTML.escape(format.money(amount)))</td><td class=\"number\">—</td></tr>\n"
        }
        return figure(
            id: id, kind: "resources", title: realised ? HTMLWords.realisedTitle : HTMLWords.resourcesTitle, caption: caption,
            headings: [HTMLWords.originColumn, ReportWords.amountColumn, ReportWords.shareColumn], numeric: [false, true, true],
            rows: rows, format: format, svg: { chart.svg(id: $0, format: format, describedBy: $1) })
    }

    private func balanceFigure(_ budget: CheckedBudget, id: String, format: HTMLFormat) -> String {
        let target = Self.selfFinancingTarget(of: budget.cluster, in: budget.year)
        let metrics = budget.metrics
        guard let chart = BalanceChart(metrics, target: target.share, targetYear: target.year) else { return "" }
        let notAvailable = MessageArgument.localized(LocalizedText.notAvailable)
        let caption = format.message(Message(HTMLWords.balanceCaption, [
            "gross": metrics.selfFinancingGross.map { .share($0) } ?? notAvailable,
            "net": metrics.selfFinancingNet.map { .share($0) } ?? notAvailable, "target": .share(target.share),
        ]))
        var rows = ""
        for bar in chart.bars {
            rows += "<tr><th scope=\"row\">\(HTML.escape(format.word(bar.basis == .gross ? HTMLWords.grossBar : HTMLWords.netBar)))</th>"
                + "<td class=\"number\">\(HTML.escape(format.share(bar.privateShare)))</td>"
                + "<td class=\"number\">\(HTML.escape(format.share(bar.privateShare.complement)))</td>"
                + "<td class=\"number\">\(HTML.escape(format.share(target.share)))</td></tr>\n"
        }
        return figure(
            id: id, kind: "balance", title: HTMLWords.balanceTitle, caption: caption,
            headings: [HTMLWords.basisColumn, HTMLWords.privateShare, HTMLWords.publicShareColumn, HTMLWords.target],
            numeric: [false, true, true, true], rows: rows, format: format,
            svg: { chart.svg(id: $0, format: format, describedBy: $1) })
    }

    private func trajectoryFigure(_ trajectory: Trajectory, id: String, format: HTMLFormat) -> String {
        let chart = TrajectoryChart(trajectory: trajectory)
        var caption: String
        if let path = trajectory.path {
            caption = format.message(Message(HTMLWords.trajectoryCaption, [
                "baselineShare": .share(path.baselineShare), "baselineYear": .integer(path.baselineYear),
                "target": .share(path.target), "targetYear": .integer(path.targetYear),
            ]))
            let behind = trajectory.points.count(where: \.isBehind)
            caption += " " + (behind > 0
                ? format.message(Message(HTMLWords.yearsBehind, ["count": .integer(behind)])) : format.word(HTMLWords.noYearBehind))
        } else {
            caption = format.word(HTMLWords.trajectoryCaptionWithoutPath)
        }
        var rows = ""
        for point in trajectory.points {
            let figure = point.figure, required = point.required
            let status = figure == nil || required == nil ? "—" : format.word(point.isBehind ? TrajectoryWords.behind : HTMLWords.onPath)
            rows += "<tr\(point.isBehind ? " class=\"behind\"" : "")><th scope=\"row\">\(point.year)</th>"
                + "<td class=\"number\">\(HTML.escape(figure.map { format.share($0.share) } ?? format.word(LocalizedText.notAvailable)))</td>"
                + "<td>\(HTML.escape(format.word(TrajectoryWords.source(figure))))</td>"
                + "<td class=\"number\">\(HTML.escape(required.map(format.share) ?? "—"))</td>"
                + "<td>\(HTML.escape(status))</td></tr>\n"
        }
        return figure(
            id: id, kind: "trajectory", title: HTMLWords.trajectoryTitle, caption: caption,
            headings: [HTMLWords.yearColumn, HTMLWords.privateShare, HTMLWords.figureSourceColumn, HTMLWords.requiredColumn,
                       HTMLWords.statusColumn],
            numeric: [false, true, false, true, false], rows: rows, format: format,
            svg: { chart.svg(format: format, describedBy: $1) })
    }

    private func categoriesFigure(_ chart: CategoriesChart, id: String, format: HTMLFormat) -> String {
        var rows = ""
        for row in chart.rows {
            rows += "<tr><th scope=\"row\">\(HTML.escape(format.word(HTMLWords.categoryName(row.category))))</th>"
                + "<td class=\"number\">\(HTML.escape(format.money(row.cost)))</td>"
                + "<td class=\"number\">\(HTML.escape(format.money(row.publicFunding)))</td>"
                + "<td class=\"number\">\(HTML.escape(Share(row.publicFunding, of: row.cost).map(format.share) ?? "—"))</td>"
                + "<td class=\"number\">\(HTML.escape(row.ceiling.map(format.money) ?? format.word(HTMLWords.ceilingUnknown)))</td></tr>\n"
        }
        return figure(
            id: id, kind: "categories", title: HTMLWords.categoriesTitle, caption: format.word(HTMLWords.categoriesCaption),
            headings: [HTMLWords.categoryColumn, HTMLWords.costWord, HTMLWords.publicFundingWord, ReportWords.shareColumn,
                       HTMLWords.ceilingWord],
            numeric: [false, true, true, true, true], rows: rows, format: format,
            svg: { chart.svg(id: $0, format: format, describedBy: $1) })
    }

    private func tableHead(_ headings: [LocalizedText], numeric: [Bool], format: HTMLFormat) -> String {
        "<table><thead><tr>" + zip(headings, numeric).map { heading, isNumber in
            "<th scope=\"col\"\(isNumber ? " class=\"number\"" : "")>\(HTML.escape(format.word(heading)))</th>"
        }.joined() + "</tr></thead><tbody>\n"
    }

    // MARK: - Diagnostics

    /// The diagnostics grouped by severity, errors first: each with its figures, its fix, its folded explanation
    /// and its citation.
    func diagnostics(
        _ diagnostics: [Diagnostic], id: String, format: HTMLFormat, labels: [String: String] = [:]
    ) -> String {
        let words = ReportWords.self
        guard !diagnostics.isEmpty else { return "<p class=\"none\">\(HTML.escape(format.word(words.noDiagnostic)))</p>\n" }
        var out = ""
        var number = 0
        for severity in Severity.allCases {
            let group = diagnostics.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            out += "<h4 class=\"severity \(severity.rawValue)\">" + HTML.escape(format.message(Message(words.severityHeading, [
                "severity": .localized(words.severityPlural(severity)), "count": .integer(group.count),
            ]))) + "</h4>\n"
            for diagnostic in group {
                number += 1
                out += article(diagnostic, id: "\(id)-d\(number)", format: format, labels: labels)
            }
        }
        return out
    }

    private func article(_ diagnostic: Diagnostic, id: String, format: HTMLFormat, labels: [String: String] = [:]) -> String {
        let words = ReportWords.self
        var out = "<article class=\"diagnostic \(diagnostic.severity.rawValue)\" id=\"\(id)\">\n"
        out += "<p class=\"message\"><span class=\"badge\">\(HTML.escape(format.word(words.severity(diagnostic.severity))))</span> "
            + "<code>\(HTML.escape(diagnostic.ruleID.description))</code> \(HTML.escape(format.message(diagnostic.message)))</p>\n"
        let figures = DiagnosticFigure.of(diagnostic)
        if !figures.isEmpty {
            out += "<dl class=\"figures\">" + figures.map { figure in
                "<dt>\(HTML.escape(format.word(figure.label)))</dt><dd>"
                    + figure.value(measure: { HTML.escape(format.measure($0)) }, line: { id in
                        // A line by its label, in both languages; by its id where it has none.
                        labels[id].map { HTML.escape(format.typeset("« \($0) »")) } ?? "<code>\(HTML.escape(id))</code>"
                    })
                    + "</dd>"
            }.joined() + "</dl>\n"
        }
        if let remediation = diagnostic.remediation {
            out += "<div class=\"fix\">"
            for (word, option) in remediation.worded {
                out += "<p><strong>\(HTML.escape(format.word(word)))</strong> <span class=\"amount\">"
                    + "\(HTML.escape(format.money(option.amount)))</span> — \(HTML.escape(format.message(option.summary)))</p>"
            }
            out += "</div>\n"
        }
        if !diagnostic.explanation.isEmpty {
            out += "<details><summary>\(HTML.escape(format.word(HTMLWords.howComputed)))</summary><dl class=\"explanation\">"
            for item in diagnostic.explanation {
                let value = switch item.value {
                case .money(let amount): format.money(amount)
                case .share(let share): format.share(share)
                default: format.typeset(ValueFormatter(language: language).string(item.value))
                }
                out += "<dt>\(HTML.escape(format.word(item.label)))</dt><dd>\(HTML.escape(value))</dd>"
            }
            out += "</dl></details>\n"
        }
        if let citation = diagnostic.citation {
            out += "<p class=\"citation\">\(HTML.escape(format.word(words.source))) <cite>\(HTML.escape(format.typeset(citation.description)))</cite></p>\n"
        }
        return out + "</article>\n"
    }
}
