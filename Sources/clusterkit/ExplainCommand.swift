import ClusterKit

/// `clusterkit explain RULE`: one rule's documentation — its name, default severity, presets, rationale, source in
/// the memento, parameters with their defaults (saying which are the memento's figures and which are ours), and its
/// messages.
enum ExplainCommand {
    static let language = Option<Language>.language()

    static let command = Command(
        "explain", arguments: "RULE", abstract: "Show one rule's documentation, parameters and source in the memento",
        usage: "clusterkit explain RULE [--language en|fr]",
        summary: "Show a rule's documentation, its parameters and its source in the memento.",
        details: "RULE is a rule id, such as membership-fee-floor; 'clusterkit rules' lists them.",
        options: [language], run: { run($0) })

    static func run(_ invocation: Invocation) -> ToolOutput {
        let positionals = invocation.positionals
        guard positionals.count == 1, let name = positionals.first else {
            let problem = positionals.isEmpty ? "which rule? Give a rule id" : "give one rule id"
            return ToolOutput(status: 2, stderr: "clusterkit explain: \(problem)\nRun 'clusterkit rules' for the list.\n")
        }
        let ids = BuiltInRules.all.map(\.ruleDescription.id.description)
        guard let id = RuleID(parsing: name), let rule = BuiltInRules.rule(id) else {
            let nearest = Suggestions.nearest(to: name, among: ids)
            let hint = Suggestions.hint(nearest)
            return ToolOutput(
                status: 2, stderr: "clusterkit explain: unknown rule '\(name)'\(hint)\nRun 'clusterkit rules' for the list.\n")
        }
        let language = invocation[Self.language] ?? .english
        let text = explanation(of: rule, in: language)
        return ToolOutput(status: 0, stdout: language == .french ? FrenchTypography.applied(to: text) : text)
    }

    /// The documentation of a rule, as text.
    static func explanation(of rule: any Rule, in language: Language) -> String {
        let description = rule.ruleDescription
        let format = ValueFormatter(language: language)
        let words = CommandWords.self
        // French typography before wrapping, so that a no-break space keeps its words on one line.
        func typeset(_ text: String) -> String { language == .french ? FrenchTypography.applied(to: text) : text }
        var out = "\(description.id) — \(description.name(language))\n\n"
        out += Message(words.defaultSeverity, ["severity": .localized(ReportWords.severity(description.defaultSeverity))])
            .rendered(in: language) + "\n"
        let presets = Preset.allCases.filter { $0.ruleIDs.contains(description.id) }.map(\.rawValue)
        out += Message(words.presets, ["presets": .text(presets.joined(separator: ", "))]).rendered(in: language) + "\n"
        if rule.isOptIn { out += words.optIn(language) + "\n" }
        out += Message(words.source, ["citation": .text(description.citation.description)]).rendered(in: language) + "\n\n"
        out += wrapped(typeset(description.rationale(language)), indent: "") + "\n\n"
        if description.parameters.isEmpty {
            out += words.noParameters(language) + "\n"
        } else {
            out += words.parameters(language) + "\n"
            for parameter in description.parameters {
                let origin = parameter.defaultIsOurs ? words.ourDefault : words.mementoFigure
                out += "  " + Message(words.parameter, [
                    "name": .text(parameter.name), "value": .text(format.string(parameter.defaultValue)),
                    "origin": .localized(origin),
                ]).rendered(in: language) + "\n"
                var summary = parameter.summary(language)
                if !parameter.allowedValues.isEmpty {
                    summary += " " + Message(words.allowedValues, ["values": .text(parameter.allowedValues.joined(separator: ", "))])
                        .rendered(in: language)
                }
                out += wrapped(typeset(summary), indent: "      ") + "\n"
            }
        }
        if !description.messages.isEmpty {
            out += "\n" + words.messages(language) + "\n"
            for template in description.messages {
                out += "  \(template.id)\n" + wrapped(typeset(template.readable(in: language)), indent: "      ") + "\n"
            }
        }
        return out
    }

    /// Text wrapped at 100 columns, each line indented.
    static func wrapped(_ text: String, indent: String, width: Int = 100) -> String {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ") {
            if line.count > indent.count, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
            }
            line += (line.count > indent.count ? " " : "") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
