import ClusterKitCore
import ClusterRules
import Foundation

/// `clusterkit check`: reads budgets, runs a rule set on each, prints a report.
enum CheckCommand {
    static let options = [
        OptionSpec(name: "format", valueName: "format", allowed: ["text", "json"], help: "text (default) or json (clusterkit.report/1)"),
        OptionSpec(
            name: "rules", valueName: "preset", allowed: Preset.allCases.map(\.rawValue),
            help: "Preset: \(Preset.allCases.map(\.rawValue).joined(separator: ", ")) (default: from cluster.kind)"),
        OptionSpec(name: "language", valueName: "language", allowed: ["en", "fr"], help: "Language of messages: en (default) or fr"),
        OptionSpec(name: "color", valueName: "when", allowed: ["auto", "always", "never"], help: "Colour text output: auto (default), always, never"),
        OptionSpec(name: "strict", help: "Exit with status 1 on warnings too"),
        OptionSpec(name: "explain", help: "Show the figures each diagnostic was computed from"),
        OptionSpec(name: "help", help: "Show this help"),
    ]

    static let help = helpText(
        usage: "clusterkit check [FILE|FOLDER …] [--format text|json] [--rules PRESET] [--language en|fr] [--strict]",
        summary: "Check cluster budgets (clusterkit.budget/1 JSON) against the memento's rules.",
        options: options,
        details: """
            With no file, checks the Mecabourg 2013 budget embedded in the tool and says so. A folder is read for its \
            .json files, in name order. Without --rules, each budget gets the preset of its cluster.kind (pole, \
            grappe, regional; recommended otherwise).
            """)

    static func run(_ arguments: [String], environment: ToolEnvironment) -> ToolOutput {
        let parsed: ParsedArguments
        do {
            parsed = try ParsedArguments(arguments, options: options)
        } catch {
            return ToolOutput(status: 2, stderr: "clusterkit check: \(error)\nRun 'clusterkit check --help' for usage.\n")
        }
        if parsed.has("help") { return ToolOutput(status: 0, stdout: help) }

        let language: Language = parsed.value("language") == "fr" ? .french : .english
        var notice = ""
        let inputs: [BudgetInput]
        do {
            if parsed.positionals.isEmpty {
                notice = language == .french
                    ? "Aucun fichier indiqué : vérification de l'exemple intégré, Mecabourg 2013 (Examples/mecabourg-2013.json).\n"
                    : "No file given: checking the embedded example, Mecabourg 2013 (Examples/mecabourg-2013.json).\n"
                inputs = [BudgetInput(try BudgetDecoder().decode(Data(EmbeddedExample.json.utf8), file: EmbeddedExample.name), file: EmbeddedExample.name)]
            } else {
                inputs = try BudgetFiles.load(parsed.positionals, decoder: BudgetDecoder())
            }
        } catch {
            return ToolOutput(status: 2, stderr: "\(error)\n")
        }

        let report: Report
        do {
            report = try evaluate(inputs, preset: parsed.value("rules").flatMap(Preset.init(rawValue:)))
        } catch {
            return ToolOutput(status: 2, stderr: "\(error)\n")
        }

        let rendered: String
        switch parsed.value("format") ?? "text" {
        case "json":
            rendered = JSONReportRenderer(language: language).render(report)
        default:
            let color = parsed.value("color") ?? "auto"
            let useColor = color == "always"
                || (color == "auto" && environment.stdoutIsTerminal && environment.variables["NO_COLOR"] == nil
                    && environment.variables["TERM"] != "dumb")
            rendered = notice + TextReportRenderer(
                language: language, useColor: useColor, showExplanations: parsed.has("explain")).render(report)
        }
        let failing = report.hasDiagnostics(atLeast: parsed.has("strict") ? .warning : .error)
        return ToolOutput(status: failing ? 1 : 0, stdout: rendered, stderr: parsed.value("format") == "json" ? notice : "")
    }

    /// Runs the named preset on every budget, or each budget's own preset (from its kind) when none is named.
    static func evaluate(_ inputs: [BudgetInput], preset: Preset?) throws(InputError) -> Report {
        if let preset { return try Engine(ruleSet: preset.ruleSet).check(inputs) }
        var budgets: [BudgetReport] = []
        var names: Set<String> = []
        for input in inputs {
            let preset = Preset(for: input.budget.cluster.kind)
            names.insert(preset.rawValue)
            budgets.append(try Engine(ruleSet: preset.ruleSet).check(input.budget, file: input.file))
        }
        return Report(ruleSet: names.count == 1 ? names.first! : "by-kind", budgets: budgets)
    }
}

/// Reads budget files and folders.
enum BudgetFiles {
    /// The budgets in these files, and in the `.json` files of these folders (name order).
    static func load(_ paths: [String], decoder: BudgetDecoder) throws(InputError) -> [BudgetInput] {
        var inputs: [BudgetInput] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(file: path, path: "", reason: "no such file or folder")
            }
            let files: [String]
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files = names.filter { $0.hasSuffix(".json") }.sorted().map { (path as NSString).appendingPathComponent($0) }
            } else {
                files = [path]
            }
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw InputError(file: file, path: "", reason: "cannot read the file")
                }
                inputs.append(BudgetInput(try decoder.decode(data, file: file), file: file))
            }
        }
        return inputs
    }
}
