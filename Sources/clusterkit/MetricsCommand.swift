import ClusterKit

/// `clusterkit metrics FILE …`: each budget's figures as a table — totals, public and private, in kind, gross and net
/// self-financing, operating and programme expenses, and each revenue source with its share — the numbers every rule
/// reads.
enum MetricsCommand {
    static let language = Option<Language>.language()
    static let sheet = Option<String>.sheet

    static let command = Command(
        "metrics", arguments: "FILE", abstract: "Show a budget's figures as a table",
        usage: "clusterkit metrics FILE|FOLDER … [--language en|fr] [--sheet NAME]",
        summary: "Show the figures of budgets (JSON, or spreadsheets: .xlsx, .ods, CSV) as a table.",
        details: """
            Resource rows give their share of total resources (R), expense rows their share of total expenses (E). \
            For a history (clusterkit.history/1), each year it gives in full. Each file is read by what it holds, \
            whatever its name (see 'clusterkit check --help' and Documentation/CSVFormat.md).
            """,
        options: [language, sheet], run: { run($0) })

    static func run(_ invocation: Invocation) -> ToolOutput {
        guard !invocation.positionals.isEmpty else { return invocation.usageError("which budget? Give a file") }
        let language = invocation[Self.language] ?? .english
        var tables: [String] = []
        do {
            for input in try BudgetFiles.load(invocation.positionals, decoder: BudgetDecoder(), sheet: invocation[Self.sheet]) {
                // A history shows each year it gives in full; its summary years have no lines to tabulate.
                let budgets: [CheckedBudget] = switch input.document {
                case .budget(let budget): [budget]
                case .history(let history): history.metrics.years.compactMap(\.checked)
                case nil: []
                }
                if budgets.isEmpty {
                    tables.append(Message(CommandWords.noFullYear, [
                        "cluster": .text(input.cluster.name), "file": .text(input.file ?? ""),
                    ]).rendered(in: language) + "\n")
                }
                for budget in budgets { tables.append(titledTable(budget, file: input.file, language: language)) }
            }
        } catch {
            return ToolOutput(status: 2, stderr: "\(error)\n")
        }
        return ToolOutput(status: 0, stdout: tables.joined(separator: "\n"))
    }

    /// One budget's table under its title: `Mecabourg, budget 2013 (file)`, `Aerospace Valley, accounts 2024–2025
    /// (file)`.
    static func titledTable(_ budget: CheckedBudget, file: String?, language: Language) -> String {
        let metrics = budget.metrics
        let heading = Message(CommandWords.metricsTitle, [
            "budget": .text(ReportWords.title(of: budget.budget, in: language)), "file": .text(file ?? ""),
        ]).rendered(in: language)
        // The lines the shares leave out, by label, and why, under the table.
        let leftOut = TextReportRenderer.leftOut(
            metrics, format: ValueFormatter(language: language), language: language,
            labels: TextReportRenderer.labels(of: budget.budget), inferred: TextReportRenderer.inferredPassThrough(of: budget.budget))
        return heading + "\n" + table(MetricsTable(metrics), language: language) + leftOut
    }

    /// The table as aligned text: labels left, amounts and shares right; detail rows (sources) indented.
    static func table(_ table: MetricsTable, language: Language) -> String {
        let rows = [MetricsTable.headings(in: language)]
            + zip(table.rows, table.cells(in: language)).map { row, cells in
                [(row.isDetail ? "  " : "") + cells[0], cells[1], cells[2]]
            }
        let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
        func pad(_ text: String, _ width: Int, left: Bool) -> String {
            let padding = String(repeating: " ", count: max(0, width - text.count))
            return left ? text + padding : padding + text
        }
        return rows.map { row in
            pad(row[0], widths[0], left: true) + "  " + pad(row[1], widths[1], left: false) + "  "
                + pad(row[2], widths[2], left: false)
        }.joined(separator: "\n") + "\n"
    }
}
