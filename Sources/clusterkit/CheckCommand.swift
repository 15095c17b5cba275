import ClusterKit
import Foundation

/// `clusterkit check`: reads budgets, runs a rule set on each, prints a report.
enum CheckCommand {
    static let options = [
        OptionSpec(
            name: "format", valueName: "format", allowed: ["text", "json", "sarif", "markdown", "html"],
            help: "text (default), json (clusterkit.report/1), sarif (SARIF 2.1.0), markdown or html (one self-contained page with charts)"),
        OptionSpec(
            name: "rules", valueName: "preset", allowed: Preset.allCases.map(\.rawValue),
            help: "Preset: \(Preset.allCases.map(\.rawValue).joined(separator: ", ")) (default: from cluster.kind)"),
        OptionSpec(name: "language", valueName: "language", allowed: ["en", "fr"], help: "Language of messages: en (default) or fr"),
        OptionSpec(name: "color", valueName: "when", allowed: ["auto", "always", "never"], help: "Colour text output: auto (default), always, never"),
        OptionSpec(name: "strict", help: "Exit with status 1 on warnings too"),
        OptionSpec(name: "explain", help: "Show the figures each diagnostic was computed from"),
        OptionSpec(
            name: "rules-reference", valueName: "uri",
            help: "With --format sarif: the URI of the published rule reference that rules' helpUri link to"),
        OptionSpec(
            name: "config", valueName: "file",
            help: "Configuration (clusterkit.config/1 JSON): severities, rules off, parameters, suppressions"),
        OptionSpec(name: "show-suppressed", help: "List the suppressed diagnostics with their justification"),
        BudgetFiles.sheetOption,
        OptionSpec(name: "help", help: "Show this help"),
    ]

    static let help = helpText(
        usage: "clusterkit check [FILE|FOLDER …] [--format text|json|sarif|markdown|html] [--rules PRESET] [--config FILE] [--language en|fr] [--sheet NAME] [--strict]",
        summary: "Check cluster budgets (clusterkit.budget/1 JSON, clusterkit.history/1 histories, spreadsheets: .xlsx, .ods or CSV) against the memento's rules.",
        options: options,
        details: """
            With no file, checks the Mecabourg 2013 budget embedded in the tool and says so. A file ending in .xlsx, .ods \
            or .csv is read as a spreadsheet's plan of financing, or as the budget table of a Cerfa 12156 or 15059 \
            subsidy form (see Documentation/CSVFormat.md): in a workbook, the \
            first sheet holding one, or the sheet --sheet names. A folder is read for its .json, .csv, .xlsx and .ods \
            files, in name order; a file that cannot be read is reported, the others are still checked, and the \
            exit status is 2. Without --rules, each budget gets the preset of its cluster.kind (pole, \
            grappe, regional; recommended otherwise). A configuration file (--config, see \
            Documentation/Configuration.md) tunes that rule set: it is checked before any budget is read. A history \
            (clusterkit.history/1) is checked year by year, then as a whole: its trajectory (year, private share, share \
            required by the glide path to the target) and the transition rules (see Documentation/SelfFinancing.md).
            """)

    static func run(_ arguments: [String], environment: ToolEnvironment) -> ToolOutput {
        // Long: the command's options, read and applied in the order the help lists them.
        let parsed: ParsedArguments
        do {
            parsed = try ParsedArguments(arguments, options: options)
        } catch {
            return ToolOutput(status: 2, stderr: "clusterkit check: \(error)\nRun 'clusterkit check --help' for usage.\n")
        }
        if parsed.has("help") { return ToolOutput(status: 0, stdout: help) }

        let language: Language = parsed.value("language") == "fr" ? .french : .english
        var configuration = Configuration()
        if let path = parsed.value("config") {
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
            if parsed.positionals.isEmpty {
                notice = CommandWords.embeddedNotice(language) + "\n"
                inputs = [BudgetInput(try BudgetDecoder().decode(Data(EmbeddedExample.json.utf8), file: EmbeddedExample.name), file: EmbeddedExample.name)]
            } else {
                (inputs, unreadable) = BudgetFiles.loadEach(
                    parsed.positionals, decoder: BudgetDecoder(), sheet: parsed.value("sheet"))
            }
        } catch {
            return ToolOutput(status: 2, stderr: "\(error)\n")
        }
        let unreadableReport = unreadable.map { "\($0)\n" }.joined()
        if inputs.isEmpty, !unreadable.isEmpty { return ToolOutput(status: 2, stderr: unreadableReport) }

        let report: Report
        do {
            report = try evaluate(
                inputs, preset: parsed.value("rules").flatMap(Preset.init(rawValue:)), configuration: configuration)
        } catch {
            return ToolOutput(status: 2, stderr: "\(error)\n")
        }

        let color = parsed.value("color") ?? "auto"
        let options = RenderingOptions(
            language: language, showExplanations: parsed.has("explain"), showSuppressed: parsed.has("show-suppressed"),
            useColor: color == "always"
                || (color == "auto" && environment.stdoutIsTerminal && environment.variables["NO_COLOR"] == nil
                    && environment.variables["TERM"] != "dumb"))
        let rendered: String
        switch parsed.value("format") ?? "text" {
        case "json":
            rendered = JSONReportRenderer(options: options).render(report)
        case "sarif":
            rendered = SARIFReportRenderer(
                rules: BuiltInRules.all.map(\.ruleDescription),
                tool: .clusterKit(
                    version: Tool.version,
                    rulesReference: parsed.value("rules-reference") ?? SARIFReportRenderer.ToolInfo.bundledRulesReference),
                options: options
            ).render(report)
        case "markdown":
            rendered = MarkdownReportRenderer(options: options).render(report)
        case "html":
            rendered = HTMLReportRenderer(options: options).render(report)
        default:
            rendered = notice + TextReportRenderer(options: options).render(report)
        }
        let failing = report.hasDiagnostics(atLeast: parsed.has("strict") ? .warning : .error)
        // Machine-readable and pasteable formats keep the notice out of their output.
        let noticeOnStderr = (parsed.value("format") ?? "text") != "text"
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
        // Several files and one rule set: checked on every core, the same report as one by one.
        if let preset { return try engine(preset).check(inputs, parallel: true) }
        var budgets: [BudgetReport] = []
        var names: Set<String> = []
        for input in inputs {
            let preset = Preset(for: input.cluster.kind)
            names.insert(preset.rawValue)
            budgets += try engine(preset).check([input]).budgets
        }
        return Report(
            ruleSet: names.count == 1 ? names.first! : "by-kind", budgets: budgets, suppressions: configuration.suppressions)
    }
}

/// Reads budget files and folders.
enum BudgetFiles {
    /// The option that names a workbook's sheet.
    static let sheetOption = OptionSpec(
        name: "sheet", valueName: "name", help: "In a workbook (.xlsx, .ods): the sheet to read (default: the first holding a budget)")

    /// The budgets in these files, and in the `.json`, `.csv`, `.xlsx` and `.ods` files of these folders (name order).
    /// A `.csv` file is read by ``CSVBudgetReader``, a workbook by ``SpreadsheetBudgetReader`` (the sheet named
    /// `sheet`, or the first holding a budget), any other by the JSON decoder.
    static func load(_ paths: [String], decoder: BudgetDecoder, sheet: String? = nil) throws(InputError) -> [BudgetInput] {
        let loaded = loadEach(paths, decoder: decoder, sheet: sheet)
        if let first = loaded.failures.first { throw first }
        return loaded.inputs
    }

    /// The budgets of every file that reads, and the error of every file (or path) that does not, each in path
    /// order: one bad file of a folder does not keep the others from being checked.
    static func loadEach(
        _ paths: [String], decoder: BudgetDecoder, sheet: String? = nil
    ) -> (inputs: [BudgetInput], failures: [InputError]) {
        var inputs: [BudgetInput] = []
        var failures: [InputError] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                failures.append(InputError(file: path, path: "", reason: "no such file or folder"))
                continue
            }
            let files: [String]
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                // Excel's lock files (`~$budget.xlsx`) are left out.
                files = names.filter {
                    $0.hasSuffix(".json") || isCSV($0) || (SpreadsheetBudgetReader.isWorkbook($0) && !$0.hasPrefix("~$"))
                }.sorted().map { (path as NSString).appendingPathComponent($0) }
            } else {
                files = [path]
            }
            for file in files {
                do throws(InputError) {
                    guard let data = FileManager.default.contents(atPath: file) else {
                        throw InputError(file: file, path: "", reason: "cannot read the file")
                    }
                    if SpreadsheetBudgetReader.isWorkbook(file) {
                        let reader = SpreadsheetBudgetReader(catalog: decoder.catalog, sheet: sheet)
                        inputs.append(BudgetInput(try reader.decode(data, file: file), file: file))
                        continue
                    }
                    if isCSV(file) {
                        inputs.append(BudgetInput(try CSVBudgetReader(catalog: decoder.catalog).decode(data, file: file), file: file))
                        continue
                    }
                    inputs.append(try BudgetInput(decoding: data, file: file, catalog: decoder.catalog))
                } catch {
                    failures.append(error)
                }
            }
        }
        return (inputs, failures)
    }

    /// Whether a file is read as CSV: its name ends in `.csv` (any case).
    static func isCSV(_ path: String) -> Bool { path.lowercased().hasSuffix(".csv") }
}
