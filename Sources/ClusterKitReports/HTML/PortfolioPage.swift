import ClusterKitCore
import Foundation

/// The page of a report grouped by cluster (a report on more than one budget): for a funder, the clusters table (each
/// cluster's kind, members, latest budget, private share against its target, a small line of its private share year
/// by year, its findings by severity), the memento's map of profiles with every cluster placed, then each cluster's
/// years and its own reports, linked from the table.
extension HTMLReportRenderer {
    /// A cluster of the page: its number (on the map and in the table) and its outline.
    struct PortfolioEntry {
        var number: Int
        var outline: ClusterOutline
        var rows: [ClusterYearRow] { outline.rows }
        var cluster: ClusterProfile { outline.cluster }
        var id: String { "c\(number)" }

        /// What places the cluster on the map: the thresholds of `cluster-profile` in the rule set that judges it,
        /// read once.
        let thresholds: ProfileMapChart.Thresholds

        init(number: Int, outline: ClusterOutline) {
            self.number = number
            self.outline = outline
            thresholds = ProfileMapChart.Thresholds(outline.ruleSet)
        }

        /// The share the map and the trend read for a row: the self-financing on the basis `cluster-profile` reads
        /// (gross by default) as the cluster's funders allow it (net where they forbid valued time), or the published
        /// figure of a published year.
        func share(_ row: ClusterYearRow) -> Share? { row.selfFinancing(thresholds.basis) }

        /// The years with a known share, oldest first.
        var shares: [(year: Int, share: Share)] { rows.compactMap { row in share(row).map { (row.year, $0) } } }

        /// The latest row judged (else the latest published).
        var last: ClusterYearRow? { rows.last { $0.judged } ?? rows.last }

        /// The cluster's findings: its years' and its history's.
        func count(_ severity: Severity) -> Int { outline.count(severity) }
    }

    func portfolioPage(_ report: Report, clusters: [ClusterGroup]) -> String {
        var out = ""
        writePortfolioPage(
            ruleSet: report.ruleSet, summary: report.summary, notes: report.diagnostics,
            outlines: clusters.map(ClusterOutline.init), group: { clusters[$0] }, to: { out += $0 })
        return out
    }

    /// Writes the page of a grouped report, a piece at a time, to `emit`: the clusters table and the map from the
    /// clusters' outlines, then each cluster's section from its group, which `group` gives for the cluster at an
    /// index of `outlines` when its section is written (a stream judges the cluster again there).
    package func writePortfolioPage<Failure: Error>(
        ruleSet: String, summary: ReportSummary, notes: [Diagnostic], outlines: [ClusterOutline],
        group: (Int) throws(Failure) -> ClusterGroup, to emit: (String) -> Void
    ) throws(Failure) {
        let format = HTMLFormat(language: language)
        let entries = outlines.enumerated().map { PortfolioEntry(number: $0.offset + 1, outline: $0.element) }
        let title = Message(ReportWords.title, ["ruleSet": ReportWords.ruleSetName(ruleSet)]).rendered(in: language)
        let count = format.message(Message(HTMLWords.clusterCount, ["count": .integer(entries.count)]))
        var out = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(HTML.escape(format.typeset(title + " — " + count)))</title>\n"
        out += "<style>\n\(Self.stylesheet)\(Self.portfolioStylesheet)</style>\n</head>\n<body>\n"
        out += "<header class=\"page\">\n<h1>\(HTML.escape(format.typeset(title)))</h1>\n"
        out += "<p>\(HTML.escape(format.message(Message(HTMLWords.subtitle, ["ruleSet": ReportWords.ruleSetName(ruleSet)]))))"
            + " \(HTML.escape(count)).</p>\n</header>\n"
        out += "<main>\n" + portfolioSummary(summary, entries: entries, format: format)
        out += mapFigure(entries, format: format)
        emit(out)
        for (index, entry) in entries.enumerated() { emit(clusterSection(entry, group: try group(index), format: format)) }
        out = ""
        if !notes.isEmpty {
            out += "<section class=\"budget\" id=\"check\" aria-labelledby=\"check-title\">\n"
            out += "<h2 id=\"check-title\">\(HTML.escape(format.word(ReportWords.checkDiagnostics)))</h2>\n"
            out += diagnostics(notes, id: "check", format: format) + "</section>\n"
        }
        out += "</main>\n<footer class=\"page\"><p>ClusterKit · \(HTML.escape(Report.format))</p></footer>\n</body>\n</html>\n"
        emit(out)
    }

    /// The counts by severity, then the clusters table.
    private func portfolioSummary(_ summary: ReportSummary, entries: [PortfolioEntry], format: HTMLFormat) -> String {
        let words = ReportWords.self
        var out = HTMLReportRenderer.summaryCounts(summary, format: format)
        out += "<h3 id=\"clusters-title\">\(HTML.escape(format.word(HTMLWords.clustersHeading)))</h3>\n"
        out += "<p class=\"intro\">\(HTML.escape(format.word(HTMLWords.clustersIntro)))</p>\n"
        let headings: [(LocalizedText, Bool)] = [
            (HTMLWords.numberColumn, true), (ClusterYearRow.columns[0], false), (ClusterYearRow.columns[1], false),
            (HTMLWords.membersColumn, true), (HTMLWords.lastBudgetColumn, false), (HTMLWords.shareAgainstTargetColumn, false),
            (HTMLWords.trendColumn, false),
        ] + Severity.allCases.map { (words.severityPlural($0), true) }
        out += "<div class=\"table-wrap\"><table class=\"reflow clusters\" aria-labelledby=\"clusters-title\">\n<thead><tr>"
        out += headings.map { "<th scope=\"col\"\($0.1 ? " class=\"number\"" : "")>\(HTML.escape(format.word($0.0)))</th>" }.joined()
        out += "</tr></thead>\n<tbody>\n"
        for entry in entries {
            let cluster = entry.cluster
            func cell(_ heading: LocalizedText, _ content: String, number: Bool = false) -> String {
                "<td\(number ? " class=\"number\"" : "") data-label=\"\(HTML.escape(format.word(heading)))\">\(content)</td>"
            }
            out += "<tr>" + cell(HTMLWords.numberColumn, String(entry.number), number: true)
            out += "<th scope=\"row\" id=\"\(entry.id)-row\"><a href=\"#\(entry.id)\">\(HTML.escape(format.typeset(cluster.name)))</a></th>"
            out += cell(ClusterYearRow.columns[1], HTML.escape(cluster.kind.map { format.word(ClusterYearRow.kindWord($0)) } ?? "—"))
            out += cell(HTMLWords.membersColumn, (entry.last?.members).map(String.init) ?? "—", number: true)
            var lastBudget = "—", against = "—"
            if let last = entry.last {
                let statement = !last.judged ? ClusterYearRow.publishedWord
                    : last.statement == .realised ? ClusterYearRow.realised : ClusterYearRow.forecast
                lastBudget = format.message(Message(HTMLWords.lastBudget, [
                    "year": .integer(last.year), "statement": .localized(statement),
                    "amount": .text(last.fundingBase.map(format.money) ?? "—"),
                ]))
                if let share = entry.share(last) {
                    let target = Self.selfFinancingTarget(of: cluster, in: last.year)
                    var arguments: MessageArguments = ["share": .share(share), "target": .share(target.share)]
                    if let year = target.year { arguments["targetYear"] = .integer(year) }
                    against = format.message(Message(target.year == nil ? HTMLWords.shareAgainstTarget : HTMLWords.shareAgainstDatedTarget, arguments))
                        + " — " + format.word(share >= target.share ? HTMLWords.reached : HTMLWords.underTarget)
                }
            }
            out += cell(HTMLWords.lastBudgetColumn, HTML.escape(lastBudget))
            out += cell(HTMLWords.shareAgainstTargetColumn, HTML.escape(against)).replacingOccurrences(of: "<td ", with: "<td class=\"share\" ")
            out += cell(HTMLWords.trendColumn, trend(entry, format: format))
            for severity in Severity.allCases {
                out += cell(words.severityPlural(severity), String(entry.count(severity)), number: true)
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table></div>\n</section>\n"
    }

    /// A cluster's trend: its small line and, in words, its first and latest known shares.
    private func trend(_ entry: PortfolioEntry, format: HTMLFormat) -> String {
        let shares = entry.shares
        guard let first = shares.first, let last = shares.last else { return "—" }
        let target = Self.selfFinancingTarget(of: entry.cluster, in: last.year).share
        let values = shares.map { format.message(Message(HTMLWords.yearShare, ["share": .share($0.share), "year": .integer($0.year)])) }
        let label = format.message(Message(HTMLWords.sparklineLabel, [
            "cluster": .text(entry.cluster.name), "values": .text(values.joined(separator: ", ")),
        ]))
        let words = shares.count > 1
            ? format.message(Message(HTMLWords.trend, [
                "first": .share(first.share), "firstYear": .integer(first.year), "last": .share(last.share),
                "lastYear": .integer(last.year),
            ]))
            : format.word(HTMLWords.oneYear)
        return Sparkline(points: shares, target: target).svg(label: label, describedBy: "\(entry.id)-row")
            + " <span class=\"trend\">\(HTML.escape(words))</span>"
    }

    /// The memento's map with every cluster placed, and the table of the same figures.
    private func mapFigure(_ entries: [PortfolioEntry], format: HTMLFormat) -> String {
        var marks: [ProfileMapChart.Mark] = []
        var rows = "", unplaced: [String] = []
        for entry in entries {
            let years = entry.rows.compactMap { row in
                row.members.flatMap { members in entry.share(row).map { (year: row.year, members: members, share: $0) } }
            }
            let cluster = entry.cluster
            if years.isEmpty { unplaced.append(cluster.name) } else {
                marks.append(ProfileMapChart.Mark(number: entry.number, name: cluster.name, kind: cluster.kind, years: years))
            }
            let last = years.last
            let yearsText = years.count > 1 ? "\(years[0].year)–\(years[years.count - 1].year)" : last.map { String($0.year) } ?? "—"
            rows += "<tr><td class=\"number\">\(entry.number)</td><th scope=\"row\"><a href=\"#\(entry.id)\">"
                + "\(HTML.escape(format.typeset(cluster.name)))</a></th><td>\(yearsText)</td>"
                + "<td class=\"number\">\(last.map { String($0.members) } ?? "—")</td>"
                + "<td class=\"number\">\(HTML.escape(last.map { format.share($0.share) } ?? "—"))</td>"
                + "<td>\(HTML.escape(last.map { format.typeset(ProfileMapChart.profile(members: $0.members, share: $0.share, thresholds: entry.thresholds)) } ?? format.word(HTMLWords.notPlacedWord)))</td></tr>\n"
        }
        // One map, one set of lines: those of the first cluster (a configuration sets them for every cluster alike).
        let chart = ProfileMapChart(marks: marks, thresholds: entries.first?.thresholds ?? ProfileMapChart.Thresholds())
        var caption = chart.caption(format: format)
        if !unplaced.isEmpty {
            caption += " " + format.message(Message(HTMLWords.notPlaced, ["count": .integer(unplaced.count), "names": .list(unplaced)]))
        }
        let figure = "<figure class=\"chart-figure profile-map\" id=\"map\">\n"
            + "<figcaption id=\"map-caption\"><strong>\(HTML.escape(format.word(HTMLWords.mapTitle)))</strong> "
            + "<span>\(HTML.escape(caption))</span></figcaption>\n"
            + chart.svg(format: format, describedBy: "map-caption") + "\n<div class=\"table-wrap\"><table><thead><tr>"
            + [(HTMLWords.numberColumn, true), (ClusterYearRow.columns[0], false), (HTMLWords.yearsColumn, false),
               (HTMLWords.membersColumn, true), (HTMLWords.selfFinancingColumn, true), (HTMLWords.profileColumn, false)]
                .map { "<th scope=\"col\"\($0.1 ? " class=\"number\"" : "")>\(HTML.escape(format.word($0.0)))</th>" }.joined()
            + "</tr></thead><tbody>\n" + rows + "</tbody></table></div>\n</figure>\n"
        return "<section id=\"map-section\" aria-labelledby=\"map-title\">\n<h2 id=\"map-title\">"
            + "\(HTML.escape(format.word(HTMLWords.mapHeading)))</h2>\n" + figure + "</section>\n"
    }

    /// A cluster: its facts, its years, then its own reports — each year's, and its history's — one level down.
    /// `group` is the cluster's group, whose years' reports are those of the entry's rows judged, in order.
    private func clusterSection(_ entry: PortfolioEntry, group: ClusterGroup, format: HTMLFormat) -> String {
        let cluster = entry.cluster
        var reports = group.years.makeIterator()
        var out = "<section class=\"cluster\" id=\"\(entry.id)\" aria-labelledby=\"\(entry.id)-title\">\n"
        out += "<h2 id=\"\(entry.id)-title\">\(entry.number). \(HTML.escape(format.typeset(cluster.name)))</h2>\n"
        var facts: [String] = []
        if let kind = cluster.kind { facts.append(format.word(HTMLWords.kind(kind))) }
        if let members = entry.last?.members { facts.append(format.message(Message(HTMLWords.members, ["count": .integer(members)]))) }
        if let founded = cluster.founded { facts.append(format.message(Message(HTMLWords.founded, ["year": .integer(founded)]))) }
        if !facts.isEmpty { out += "<p class=\"facts\">\(facts.map(HTML.escape).joined(separator: " · "))</p>\n" }
        // The years, each linked to its report.
        out += "<h3>\(HTML.escape(format.word(HTMLWords.yearByYear)))</h3>\n<div class=\"table-wrap\"><table><thead><tr>"
        let columns = Array(ClusterYearRow.columns.dropFirst(2))
        let numeric = [false, false, false, true, true, true, true, false, true, true, true]
        out += zip(columns, numeric).map { "<th scope=\"col\"\($1 ? " class=\"number\"" : "")>\(HTML.escape(format.word($0)))</th>" }.joined()
        out += "</tr></thead><tbody>\n"
        var sections = ""
        for (index, row) in entry.rows.enumerated() {
            var cells = row.cells(language).dropFirst(2).map { HTML.escape($0) }
            // The file's name (its report below gives the whole path).
            cells[2] = HTML.escape(row.file.map { ($0 as NSString).lastPathComponent } ?? "")
            cells[3] = HTML.escape(row.gross.map(format.share) ?? "—")
            cells[4] = HTML.escape(row.net.map(format.share) ?? "—")
            cells[5] = HTML.escape(row.fundingBase.map(format.money) ?? "—")
            cells[6] = HTML.escape(row.target?.privateShare.map(format.share) ?? "—")
            if row.judged, let report = reports.next() {
                let id = "\(entry.id)-b\(index)"
                cells[0] = "<a href=\"#\(id)\">\(cells[0])</a>"
                sections += Self.demoted(section(report, id: id, format: format))
            }
            out += "<tr><th scope=\"row\">\(cells[0])</th>"
                + zip(cells.dropFirst(), numeric.dropFirst()).map { "<td\($1 ? " class=\"number\"" : "")>\($0)</td>" }.joined() + "</tr>\n"
        }
        out += "</tbody></table></div>\n"
        if let history = group.history { sections += Self.demoted(section(history, id: "\(entry.id)-h", format: format)) }
        return out + sections + "</section>\n"
    }

    /// A budget's section one heading level down, inside its cluster's: `<h2>`…`<h4>` (and their end tags) become
    /// `<h3>`…`<h5>`, in one pass over the bytes (the page's text is escaped: a `<` is always a tag's).
    static func demoted(_ html: String) -> String {
        var bytes = Array(html.utf8)
        let open = UInt8(ascii: "<"), slash = UInt8(ascii: "/"), h = UInt8(ascii: "h")
        var index = 0
        while index + 3 < bytes.count {
            if bytes[index] == open {
                let tag = bytes[index + 1] == slash ? index + 2 : index + 1
                if tag + 2 < bytes.count, bytes[tag] == h, (UInt8(ascii: "2")...UInt8(ascii: "4")).contains(bytes[tag + 1]),
                    bytes[tag + 2] == UInt8(ascii: " ") || bytes[tag + 2] == UInt8(ascii: ">")
                {
                    bytes[tag + 1] += 1
                }
            }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// What the page of a grouped report adds to the stylesheet.
    static let portfolioStylesheet = """
        h5 { font-size: .95rem; margin: 1rem 0 .3rem; }
        h5.error { color: var(--error); }
        h5.warning { color: var(--warning); }
        h5.note { color: var(--note); }
        section.cluster > h2 { font-size: 1.5rem; border-top: 3px solid var(--ink); }
        section.cluster section.budget > h3 { font-size: 1.2rem; margin-top: 1.6rem; padding-top: .4rem; border-top: 1px solid var(--rule); }
        .intro { color: var(--muted); font-size: .92rem; }
        table.clusters td.share { min-width: 11rem; }
        svg.chart .halo { paint-order: stroke; stroke: #ffffff; stroke-width: 4px; stroke-linejoin: round; }
        svg.chart.sparkline { display: inline-block; width: 120px; height: 34px; margin: 0 .3rem 0 0; vertical-align: middle; }
        .trend { display: block; font-size: .85rem; color: var(--muted); }
        figure.profile-map svg.chart { max-width: 760px; }
        svg.chart .quadrant { fill: var(--ink); }
        @media print {
          section.cluster { break-before: page; page-break-before: always; }
          section.cluster section.budget { break-before: auto; page-break-before: auto; }
          figure.profile-map { break-before: page; page-break-before: always; }
          svg.chart.sparkline { width: 100px; height: 28px; }
        }

        """
}
