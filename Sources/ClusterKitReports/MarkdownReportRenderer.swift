import ClusterKitCore
import Foundation

/// Renders a report as Markdown a cluster manager can paste into a note to the board or the funders: a summary,
/// then for each budget its figures as a table (for a history, its private share year by year against the glide
/// path), its diagnostics grouped by severity (errors first), and a table of the remediations in money.
///
/// Every word is in the renderer's language, amounts and percentages are formatted for it (`1 227 000,00 €`,
/// `44,8 %` in French), and text from the budget or the messages is escaped so that it cannot break the layout.
///
/// ```swift
/// let markdown = MarkdownReportRenderer(options: RenderingOptions(language: .french)).render(report)
/// ```
public struct MarkdownReportRenderer: ReportRenderer {
    /// The language, the catalogue that names the sources in the figures table, and whether to list explanations.
    public var options: RenderingOptions
    var language: Language { options.language }
    var catalog: Catalog { options.catalog }
    var showExplanations: Bool { options.showExplanations }

    /// Creates a renderer.
    public init(options: RenderingOptions = RenderingOptions()) { self.options = options }

    public func render(_ report: Report) -> String {
        var out = ""
        write(
            ruleSet: report.ruleSet, heads: report.budgets.map(BudgetHead.init), summary: report.summary,
            clusters: report.clusters.map { $0.map(ClusterOutline.init) }, budgets: report.budgets, notes: report.diagnostics
        ) { out += $0 }
        return out
    }

    /// What the summary table shows of a budget's report: its title and its findings by severity (a stream keeps
    /// these for every budget, and lets the reports go).
    package struct BudgetHead: Sendable {
        let title: Message
        let counts: [Int]

        package init(_ budget: BudgetReport) {
            title = ReportWords.titleMessage(of: budget)
            let summary = ReportSummary([budget])
            counts = Severity.allCases.map(summary.count)
        }
    }

    /// Writes the report a part at a time to `emit`: the summary from the budgets' heads, the clusters table from
    /// their outlines (for a grouped report), then each budget's section as `budgets` gives it (a stream judges it
    /// there), then the report's own diagnostics. French typography is applied to each part (no rule of it reaches
    /// across a line's end).
    package func write(
        ruleSet: String, heads: [BudgetHead], summary: ReportSummary, clusters: [ClusterOutline]?,
        budgets: some Sequence<BudgetReport>, notes: [Diagnostic], to emit: (String) -> Void
    ) {
        // French typography throughout: the words, the citations and the budget's own labels.
        func typeset(_ text: String) -> String { language == .french ? FrenchTypography.applied(to: text) : text }
        let words = ReportWords.self
        var out = "# " + escape(Message(words.title, ["ruleSet": ReportWords.ruleSetName(ruleSet)]).rendered(in: language)) + "\n\n"
        out += "## \(words.summaryHeading(language))\n\n"
        let headings = [words.budgetColumn(language)] + Severity.allCases.map { words.severityPlural($0)(language) }
        let rows = heads.map { [escape($0.title.rendered(in: language))] + $0.counts.map(String.init) }
        out += table(headings, rows, numeric: [false, true, true, true]) + "\n"
        out += words.summary(of: summary, in: language) + "\n"
        if let clusters {
            // The funder's table: a row per cluster and year, the figures of the CSV report.
            out += "\n## \(ClusterYearRow.heading(language))\n\n"
            out += table(
                ClusterYearRow.columns.map { $0(language) },
                clusters.flatMap(\.rows).map { $0.cells(language).map(escape) },
                numeric: [false, false, true, false, false, true, true, true, true, true, true, true, true])
        }
        emit(typeset(out))
        for budget in budgets { emit(typeset("\n" + section(budget))) }
        if !notes.isEmpty {
            emit(typeset("\n## \(words.checkDiagnostics(language))\n\n" + items(notes)))
        }
    }

    private func title(of budget: BudgetReport) -> String {
        ReportWords.title(of: budget, in: language)
    }

    private func section(_ budget: BudgetReport) -> String {
        let words = ReportWords.self
        let format = ValueFormatter(language: language)
        var out = "## \(escape(title(of: budget)))\n\n"
        if let file = budget.file {
            out += Message(words.file, ["file": .text(code(file))]).rendered(in: language) + "\n\n"
        }
        // Where the figures come from (its notes, the file's own words, stay in the JSON report).
        if let source = budget.provenance?.citation {
            out += "**\(words.provenanceLabel(language))\(language == .french ? " :" : ":")** \(escape(source))\n\n"
        }
        out += "### \(words.figures(language))\n\n"
        switch budget.subject {
        case .history(_, let trajectory):
            // A history: its private share year by year against the glide path, as the text report says it.
            let lines = trajectory.text(cluster: budget.cluster.name, place: budget.file ?? budget.cluster.name,
                                        language: language).split(separator: "\n")
            out += lines.prefix(1).map { escape(String($0)) + "\n\n" }.joined()
            out += lines.dropFirst().map { "- " + escape($0.trimmingCharacters(in: .whitespaces)) + "\n" }.joined() + "\n"
        case .budget(let checked):
            let metrics = MetricsTable(checked.metrics, catalog: catalog)
            let cells = zip(metrics.rows, metrics.cells(in: language)).map { row, cells in
                [(row.isDetail ? "— " : "") + escape(cells[0]), cells[1], cells[2]]
            }
            out += table(MetricsTable.headings(in: language), cells, numeric: [false, true, true]) + "\n"
            // The lines the shares leave out, by id, and why.
            if let leftOut = metrics.leftOut.sentence(
                in: language, labels: TextReportRenderer.labels(of: checked.budget),
                inferred: TextReportRenderer.inferredPassThrough(of: checked.budget)) { out += escape(leftOut) + "\n\n" }
            // What a table's reader inferred, when it inferred anything: the text report's list.
            let inferred = TextReportRenderer.inferred(checked, language: language).split(separator: "\n")
            if let title = inferred.first {
                out += "**" + escape(title.trimmingCharacters(in: .whitespaces)) + "**\n\n"
                out += inferred.dropFirst().map { "- " + escape($0.trimmingCharacters(in: .whitespaces)) + "\n" }.joined() + "\n"
            }
        }

        guard !budget.diagnostics.isEmpty else { return out + words.noDiagnostic(language) + "\n" }
        for severity in Severity.allCases {
            let diagnostics = budget.diagnostics.filter { $0.severity == severity }
            guard !diagnostics.isEmpty else { continue }
            out += "### " + Message(words.severityHeading, [
                "severity": .localized(words.severityPlural(severity)), "count": .integer(diagnostics.count),
            ]).rendered(in: language) + "\n\n"
            out += items(diagnostics, labels: TextReportRenderer.labels(of: budget.budget)) + "\n"
        }

        let fixes = budget.diagnostics.flatMap { diagnostic -> [[String]] in
            guard let remediation = diagnostic.remediation else { return [] }
            let rule = code(diagnostic.ruleID.description)
            return [[rule, format.string(remediation.amount), escape(remediation.primary.summary.rendered(in: language))]]
                + remediation.alternatives.map {
                    ["\(rule) (\(words.alternative(language)))", format.string($0.amount), escape($0.summary.rendered(in: language))]
                }
        }
        if !fixes.isEmpty {
            out += "### \(words.remediations(language))\n\n"
            out += table([words.ruleColumn(language), words.amountColumn(language), words.actionColumn(language)], fixes,
                         numeric: [false, true, false])
        }
        return out
    }

    /// The diagnostics as a Markdown list: each message, then its figures, fixes, explanation and source.
    private func items(_ diagnostics: [Diagnostic], labels: [String: String] = [:]) -> String {
        let words = ReportWords.self
        var out = ""
        for diagnostic in diagnostics {
            out += "- **\(code(diagnostic.ruleID.description))** \(escape(diagnostic.message.rendered(in: language)))\n"
            // A line is named by its label, in both languages; by its id (as code) where it has none.
            let line: (String) -> String = { id in labels[id].map { escape("« \($0) »") } ?? code(id) }
            if let figures = DiagnosticFigure.line(of: diagnostic, language: language, line: line) { out += "  - " + figures + "\n" }
            for (word, option) in diagnostic.remediation?.worded ?? [] {
                out += "  - \(word(language)) \(escape(option.summary.rendered(in: language)))\n"
            }
            for item in diagnostic.explanation where showExplanations {
                out += "  - " + escape(Message(words.labelled, ["label": .localized(item.label), "value": item.value])
                    .rendered(in: language)) + "\n"
            }
            if let citation = diagnostic.citation { out += "  - \(words.source(language)) \(escape(citation.description))\n" }
        }
        return out
    }

    /// A Markdown table; `numeric` columns are right-aligned. Cells must already be escaped.
    private func table(_ headings: [String], _ rows: [[String]], numeric: [Bool]) -> String {
        func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }
        return line(headings.map(escape)) + line(numeric.map { $0 ? "--:" : ":--" }) + rows.map(line).joined()
    }

    /// Text with Markdown's special characters escaped, and line breaks as spaces (a table cell or list item is one
    /// line).
    func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#": out += "\\\(character)"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// Text as a code span, with backticks fenced by longer runs as CommonMark allows.
    func code(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        let fence = flat.contains("`") ? "``" : "`"
        let pad = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
        return fence + pad + flat + pad + fence
    }
}
