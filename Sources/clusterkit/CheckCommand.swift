import ClusterKit
import Foundation

/// `clusterkit check`: reads budgets, runs a rule set on each, prints a report.
enum CheckCommand {
    static let format = Option<ReportFormat>(
        "format", valueName: "format",
        help: "text (default), json (clusterkit.report/1), sarif (SARIF 2.1.0), markdown, html (one self-contained page with charts) or csv (a row per cluster and year, for a spreadsheet)")
    static let rules = Option<Preset>(
        "rules", valueName: "preset",
        help: "Preset: \(Preset.allCases.map(\.rawValue).joined(separator: ", ")) (default: from cluster.kind)")
    static let language = Option<Language>.language(help: "Language of messages: en (default) or fr")
    static let color = Option<ColorChoice>("color", valueName: "when", help: "Colour text output: auto (default), always, never")
    static let strict = Flag("strict", help: "Exit with status 1 on warnings too")
    static let explain = Flag("explain", help: "Show the figures each diagnostic was computed from")
    static let rulesReference = Option<String>(
        "rules-reference", valueName: "uri",
        help: "With --format sarif: the URI of the published rule reference that rules' helpUri link to")
    static let config = Option<String>(
        "config", valueName: "file",
        help: "Configuration (clusterkit.config/1 JSON): severities, rules off, parameters, suppressions")
    static let showSuppressed = Flag("show-suppressed", help: "List the suppressed diagnostics with their justification")
    static let sheet = Option<String>.sheet

    static let command = Command(
        "check", arguments: "[FILE|FOLDER …]", abstract: "Check budgets (with no file: the embedded Mecabourg 2013 example)",
        usage: "clusterkit check [FILE|FOLDER …] [--format text|json|sarif|markdown|html|csv] [--rules PRESET] [--config FILE] [--language en|fr] [--sheet NAME] [--strict]",
        summary: "Check cluster budgets (clusterkit.budget/1 JSON, clusterkit.history/1 histories, spreadsheets: .xlsx, .ods or CSV) against the memento's rules.",
        details: """
            With no file, checks the Mecabourg 2013 budget embedded in the tool and says so. Each file is read by \
            what it holds, whatever its name: a workbook (.xlsx or .ods; a legacy .xls is refused, to be saved as \
            .xlsx or .ods), JSON (a budget or a history), or CSV text (UTF-8, or Windows-1252 with a note); a \
            spreadsheet or CSV holds a plan of financing, side by side or in sections, or the budget table of a \
            Cerfa 12156 or 15059 subsidy form (see Documentation/CSVFormat.md): in a workbook, the first sheet \
            holding one, or the sheet --sheet names. What the reader inferred (a line's source from its label, the \
            year from a title) is listed in the report. A folder is read for its .json, .csv, .xlsx, .xlsm and .ods \
            files, in name order; a file that cannot be read is reported, the others are still checked, and the \
            exit status is 2. Without --rules, each budget gets the preset of its cluster.kind (pole, \
            grappe, regional; recommended otherwise). A configuration file (--config, see \
            Documentation/Configuration.md) tunes that rule set: it is checked before any budget is read. A history \
            (clusterkit.history/1) is checked year by year, then as a whole: its trajectory (year, private share, share \
            required by the glide path to the target) and the transition rules (see Documentation/SelfFinancing.md). \
            Several files are grouped by cluster (by name, then kind): each cluster's years in order, a year given \
            both as a forecast and as realised accounts judged on the realised accounts (a note says so), and two \
            years or more from several files checked as a history; files that disagree on a cluster's kind or \
            founding year are an error naming both. --format csv gives a row per cluster and year.
            """,
        options: [format, rules, language, color, strict, explain, rulesReference, config, showSuppressed, sheet],
        run: { run($0) })

    /// `clusterkit check --help`.
    static var help: String { command.help }

    static func run(_ invocation: Invocation) -> ToolOutput {
        // Long: the command's options, read and applied in the order the help lists them.
        let language = invocation[Self.language] ?? .english
        var configuration = Configuration()
        if let path = invocation[Self.config] {
            do {
                configuration = try Configuration(contentsOfFile: path)
                // Check every setting against every built-in rule now, whatever preset each budget gets.
                _ = try configuration.apply(to: .all, available: BuiltInRules.all)
            } catch {
                return ToolOutput(status: 2, stderr: "\(error)\n")
            }
        }
        var notice = ""
        let inputs: [BudgetInput]
        // A file that cannot be read is reported (status 2) and the others are still checked.
        var unreadable: [InputError] = []
        do {
            if invocation.positionals.isEmpty {
                notice = CommandWords.embeddedNotice(language) + "\n"
                inputs = [BudgetInput(try BudgetDecoder().decode(Data(EmbeddedExample.json.utf8), file: EmbeddedExample.name), file: EmbeddedExample.name)]
            } else {
                (inputs, unreadable) = BudgetFile.readEach(invocation.positionals, sheet: invocation[Self.sheet])
            }
        } catch {
            return ToolOutput(status: 2, stderr: "\(error)\n")
        }
        let unreadableReport = unreadable.map { "\($0)\n" }.joined()
        if inputs.isEmpty, !unreadable.isEmpty { return ToolOutput(status: 2, stderr: unreadableReport) }

        let report: Report
        do {
            report = try evaluate(inputs, preset: invocation[Self.rules], configuration: configuration)
        } catch {
            // Files that disagree on a cluster, or an input the engine refuses: nothing is reported.
            return ToolOutput(status: 2, stderr: unreadableReport + "\(error)\n")
        }

        let color = invocation[Self.color] ?? .auto
        let environment = invocation.environment
        let options = RenderingOptions(
            language: language, showExplanations: invocation[Self.explain], showSuppressed: invocation[Self.showSuppressed],
            useColor: color == .always
                || (color == .auto && environment.stdoutIsTerminal && environment.variables["NO_COLOR"] == nil
                    && environment.variables["TERM"] != "dumb"))
        let format = invocation[Self.format] ?? .text
        let rendered: String
        switch format {
        case .json:
            rendered = JSONReportRenderer(options: options).render(report)
        case .sarif:
            rendered = SARIFReportRenderer(
                rules: BuiltInRules.all.map(\.ruleDescription),
                tool: .clusterKit(
                    version: Tool.version,
                    rulesReference: invocation[Self.rulesReference] ?? SARIFReportRenderer.ToolInfo.bundledRulesReference),
                options: options
            ).render(report)
        case .markdown:
            rendered = MarkdownReportRenderer(options: options).render(report)
        case .html:
            rendered = HTMLReportRenderer(options: options).render(report)
        case .csv:
            rendered = CSVReportRenderer(options: options).render(report)
        case .text:
            rendered = notice + TextReportRenderer(options: options).render(report)
        }
        let failing = report.hasDiagnostics(atLeast: invocation[Self.strict] ? .warning : .error)
        // Machine-readable and pasteable formats keep the notice out of their output.
        let noticeOnStderr = format != .text
        return ToolOutput(
            status: !unreadable.isEmpty ? 2 : failing ? 1 : 0, stdout: rendered,
            stderr: (noticeOnStderr ? notice : "") + unreadableReport)
    }

    /// Runs the named preset on every budget, or each budget's own preset (from its kind) when none is named, with
    /// the configuration's settings and suppressions.
    static func evaluate(
        _ inputs: [BudgetInput], preset: Preset?, configuration: Configuration = Configuration()
    ) throws(InputError) -> Report {
        func engine(_ preset: Preset) throws(InputError) -> Engine {
            Engine(
                ruleSet: try configuration.apply(to: preset.ruleSet, available: BuiltInRules.all),
                suppressions: configuration.suppressions)
        }
        // More than one input: grouped by cluster, each cluster's years judged as a history by its preset's engine.
        func grouped(_ report: Report) throws(InputError) -> Report {
            guard inputs.count > 1 else { return report }
            var engines: [Preset: Engine] = [:]
            for chosen in preset.map({ [$0] }) ?? ClusterKind.allCases.map({ Preset(for: $0) }) + [Preset(for: nil)] {
                engines[chosen] = try engine(chosen)
            }
            return try ClusterPortfolio(grouping: report) { cluster in engines[preset ?? Preset(for: cluster.kind)]! }.report
        }
        // Several files and one rule set: checked on every core, the same report as one by one.
        if let preset { return try grouped(try engine(preset).check(inputs, parallel: true)) }
        var budgets: [BudgetReport] = []
        var names: Set<String> = []
        for input in inputs {
            let preset = Preset(for: input.cluster.kind)
            names.insert(preset.rawValue)
            budgets += try engine(preset).check([input]).budgets
        }
        return try grouped(Report(
            ruleSet: names.count == 1 ? names.first! : "by-kind", budgets: budgets, suppressions: configuration.suppressions))
    }
}

/// Reads budget files and folders, all or nothing: what `metrics`, `plan` and `what-if` read (through ``BudgetFile``,
/// which chooses each file's reader).
enum BudgetFiles {
    /// The budgets in these files, and in the budget files of these folders (name order, see
    /// ``BudgetFile/files(inFolder:)``), read with the decoder's catalogue and, in a workbook, the sheet named `sheet`
    /// (or the first holding a budget).
    /// - Throws: the first ``InputError`` of ``BudgetFile/readEach(_:catalog:sheet:)``, once every file has been read.
    static func load(_ paths: [String], decoder: BudgetDecoder, sheet: String? = nil) throws(InputError) -> [BudgetInput] {
        let loaded = BudgetFile.readEach(paths, catalog: decoder.catalog, sheet: sheet)
        if let first = loaded.failures.first { throw first }
        return loaded.inputs
    }
}
