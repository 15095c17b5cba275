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
            founding year are an error naming both. --format csv gives a row per cluster and year. In every format \
            but sarif, several files are judged a cluster at a time and the report is written as it goes: a \
            funder's folder of thousands of files is not held in memory at once.
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
        let format = invocation[Self.format] ?? .text
        let color = invocation[Self.color] ?? .auto
        let environment = invocation.environment
        let options = RenderingOptions(
            language: language, showExplanations: invocation[Self.explain], showSuppressed: invocation[Self.showSuppressed],
            useColor: color == .always
                || (color == .auto && environment.stdoutIsTerminal && environment.variables["NO_COLOR"] == nil
                    && environment.variables["TERM"] != "dumb"))
        let strict = invocation[Self.strict]

        // Several files, in any format but SARIF (whose run lists every budget's properties before the findings):
        // read and judged a cluster at a time (PortfolioStream), so that a funder's folder of thousands of files is
        // not held at once.
        if format != .sarif, !invocation.positionals.isEmpty {
            var stream = PortfolioStream(files: BudgetFile.expanding(invocation.positionals)) { file throws(InputError) in
                try BudgetFile.read(contentsOf: file, sheet: invocation[Self.sheet])
            }
            if stream.fileCount > 1 {
                do {
                    let judging = try Judging(preset: invocation[Self.rules], configuration: configuration)
                    return streamed(&stream, judging: judging, format: format, options: options, strict: strict, environment: environment)
                } catch {
                    return ToolOutput(status: 2, stderr: "\(error)\n")
                }
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
            report = try Judging(preset: invocation[Self.rules], configuration: configuration, kinds: inputs.map(\.cluster.kind))
                .report(inputs)
        } catch {
            // Files that disagree on a cluster, or an input the engine refuses: nothing is reported.
            return ToolOutput(status: 2, stderr: unreadableReport + "\(error)\n")
        }

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
        let failing = report.hasDiagnostics(atLeast: strict ? .warning : .error)
        // Machine-readable and pasteable formats keep the notice out of their output.
        let noticeOnStderr = format != .text
        return ToolOutput(
            status: !unreadable.isEmpty ? 2 : failing ? 1 : 0, stdout: rendered,
            stderr: (noticeOnStderr ? notice : "") + unreadableReport)
    }

    /// Judges several files a cluster at a time and writes the report as it goes: to the environment's standard
    /// output when it takes one, else into the output returned. The same bytes as the report held whole.
    static func streamed(
        _ stream: inout PortfolioStream, judging: Judging, format: ReportFormat, options: RenderingOptions, strict: Bool,
        environment: ToolEnvironment
    ) -> ToolOutput {
        let unreadableReport = stream.failures.map { "\($0)\n" }.joined()
        do {
            try stream.judge(
                suppressions: judging.suppressions, mixedRuleSet: Judging.mixedRuleSet, judge: judging.report(ofEach:),
                engine: judging.engine(for:))
        } catch {
            return ToolOutput(status: 2, stderr: unreadableReport + "\(error)\n")
        }
        var stdout = ""
        let emit: (String) -> Void = { text in
            if let write = environment.writeStdout { write(text) } else { stdout += text }
        }
        do throws(InputError) {
            switch format {
            case .csv: emit(stream.table(CSVReportRenderer(options: options)))
            case .html: try stream.writePage(HTMLReportRenderer(options: options), to: emit)
            case .text: try stream.writeText(TextReportRenderer(options: options), to: emit)
            case .markdown: try stream.writeMarkdown(MarkdownReportRenderer(options: options), to: emit)
            case .json: try stream.writeJSON(JSONReportRenderer(options: options), to: emit)
            case .sarif: preconditionFailure("SARIF is written from the report held whole")
            }
        } catch {
            // A file that no longer reads as it did a moment ago: the output stops where it was, the error says why.
            return ToolOutput(status: 2, stdout: stdout, stderr: unreadableReport + "\(error)\n")
        }
        let failing = stream.hasDiagnostics(atLeast: strict ? .warning : .error)
        return ToolOutput(status: !stream.failures.isEmpty ? 2 : failing ? 1 : 0, stdout: stdout, stderr: unreadableReport)
    }

    /// Runs the named preset on every budget, or each budget's own preset (from its kind) when none is named, with
    /// the configuration's settings and suppressions; groups the report by cluster when there is more than one input.
    static func evaluate(
        _ inputs: [BudgetInput], preset: Preset?, configuration: Configuration = Configuration()
    ) throws(InputError) -> Report {
        try Judging(preset: preset, configuration: configuration, kinds: inputs.map(\.cluster.kind)).report(inputs)
    }

    /// How `check` judges budgets: the named preset for every budget, or each budget's own (from its kind), each
    /// with the configuration's settings and suppressions; a cluster's years as a history with its own engine.
    struct Judging {
        /// The rule set's name in a report whose budgets were judged with several presets.
        static let mixedRuleSet = "by-kind"

        let preset: Preset?
        let suppressions: [Suppression]
        private let engines: [Preset: Engine]

        /// Makes the engine of the named preset, or those of the presets of `kinds` (every kind's when `nil`): the
        /// engines of the inputs of these kinds and of their clusters' histories.
        /// - Throws: ``InputError`` when the configuration does not apply to a preset.
        init(preset: Preset?, configuration: Configuration, kinds: [ClusterKind?]? = nil) throws(InputError) {
            self.preset = preset
            suppressions = configuration.suppressions
            var engines: [Preset: Engine] = [:]
            let every = ClusterKind.allCases.map { Optional($0) } + [nil]
            for chosen in preset.map({ [$0] }) ?? Array(Set((kinds ?? every).map { Preset(for: $0) })) {
                engines[chosen] = Engine(
                    ruleSet: try configuration.apply(to: chosen.ruleSet, available: BuiltInRules.all),
                    suppressions: configuration.suppressions)
            }
            self.engines = engines
        }

        /// The engine that judges a cluster: the named preset's, else its kind's.
        func engine(for cluster: ClusterProfile) -> Engine { engines[preset ?? Preset(for: cluster.kind)]! }

        /// The report on these inputs, not grouped: with a named preset, checked on every core (the same report as
        /// one by one).
        func report(ofEach inputs: [BudgetInput]) throws(InputError) -> Report {
            if let preset { return try engines[preset]!.check(inputs, parallel: true) }
            var budgets: [BudgetReport] = []
            var names: Set<String> = []
            for input in inputs {
                let preset = Preset(for: input.cluster.kind)
                names.insert(preset.rawValue)
                budgets += try engines[preset]!.check([input]).budgets
            }
            return Report(ruleSet: names.count == 1 ? names.first! : Self.mixedRuleSet, budgets: budgets, suppressions: suppressions)
        }

        /// The report on these inputs; grouped by cluster, each cluster's years judged as a history by its engine,
        /// when there is more than one.
        func report(_ inputs: [BudgetInput]) throws(InputError) -> Report {
            let report = try report(ofEach: inputs)
            guard inputs.count > 1 else { return report }
            return try ClusterPortfolio(grouping: report, engine: engine(for:)).report
        }
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
