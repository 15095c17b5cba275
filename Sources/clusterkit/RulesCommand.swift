import ClusterKitCore
import ClusterRules

/// `clusterkit rules`: every built-in rule with its default severity and the presets it belongs to.
enum RulesCommand {
    static let options = [
        OptionSpec(name: "language", valueName: "language", allowed: ["en", "fr"], help: "Language of rule names: en (default) or fr"),
        OptionSpec(name: "help", help: "Show this help"),
    ]

    static func run(_ arguments: [String]) -> ToolOutput {
        let parsed: ParsedArguments
        do {
            parsed = try ParsedArguments(arguments, options: options)
        } catch {
            return ToolOutput(status: 2, stderr: "clusterkit rules: \(error)\n")
        }
        if parsed.has("help") {
            return ToolOutput(status: 0, stdout: helpText(usage: "clusterkit rules [--language en|fr]", summary: "List the built-in rules.", options: options))
        }
        guard parsed.positionals.isEmpty else {
            return ToolOutput(status: 2, stderr: "clusterkit rules: unexpected argument '\(parsed.positionals[0])'\n")
        }
        let language: Language = parsed.value("language") == "fr" ? .french : .english
        let rows = BuiltInRules.all.map { rule -> [String] in
            let description = rule.ruleDescription
            let presets = Preset.allCases.filter { $0.ruleIDs.contains(description.id) }.map(\.rawValue)
            return [description.id.description, description.defaultSeverity.rawValue + (rule.isOptIn ? " (opt-in)" : ""),
                    presets.joined(separator: ","), description.name(language)]
        }
        let header = language == .french ? ["règle", "sévérité", "préréglages", "nom"] : ["rule", "severity", "presets", "name"]
        let table = [header] + rows
        let widths = (0..<3).map { column in table.map { $0[column].count }.max()! }
        let text = table.map { row in
            (0..<3).map { row[$0].padding(toLength: widths[$0] + 2, withPad: " ", startingAt: 0) }.joined() + row[3]
        }.joined(separator: "\n")
        return ToolOutput(status: 0, stdout: text + "\n")
    }
}
