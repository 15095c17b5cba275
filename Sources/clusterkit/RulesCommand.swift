import ClusterKit

/// `clusterkit rules`: every built-in rule with its default severity, the presets it belongs to, and the parameters
/// whose default is ClusterKit's choice rather than a figure of the memento.
enum RulesCommand {
    static let language = Option<Language>.language(help: "Language of rule names: en (default) or fr")

    static let command = Command(
        "rules", abstract: "List the built-in rules, their default severity and presets",
        usage: "clusterkit rules [--language en|fr]", summary: "List the built-in rules.",
        options: [language], hintsHelp: false, run: { run($0) })

    static func run(_ invocation: Invocation) -> ToolOutput {
        guard invocation.positionals.isEmpty else {
            return invocation.usageError("unexpected argument '\(invocation.positionals[0])'")
        }
        let language = invocation[Self.language] ?? .english
        let rows = BuiltInRules.all.map { rule -> [String] in
            let description = rule.ruleDescription
            let presets = Preset.allCases.filter { $0.ruleIDs.contains(description.id) }.map(\.rawValue)
            let severity = ReportWords.severity(description.defaultSeverity)(language)
                + (rule.isOptIn ? " (\(CommandWords.optInShort(language)))" : "")
            let ours = description.parameters.filter(\.defaultIsOurs).map(\.name)
            return [description.id.description, severity, presets.joined(separator: ","),
                    ours.isEmpty ? "—" : ours.joined(separator: ","), description.name(language)]
        }
        let header = language == .french
            ? ["règle", "sévérité", "préréglages", "défauts de ClusterKit", "nom"]
            : ["rule", "severity", "presets", "ClusterKit's defaults", "name"]
        let table = [header] + rows
        let columns = header.count - 1
        let widths = (0..<columns).map { column in table.map { $0[column].count }.max()! }
        let text = table.map { row in
            (0..<columns).map { row[$0].padding(toLength: widths[$0] + 2, withPad: " ", startingAt: 0) }.joined() + row[columns]
        }.joined(separator: "\n")
        return ToolOutput(status: 0, stdout: (language == .french ? FrenchTypography.applied(to: text) : text) + "\n")
    }
}
