import ClusterKitCore

/// Generates the rule reference (`Documentation/Rules.md`) from the rules' own descriptions, so that the
/// documentation cannot drift from the code: a test fails when the committed file differs from this output.
///
/// Each rule gets a section whose anchor is its id (`Rules.md#membership-fee-floor`), which SARIF `helpUri`s and
/// `clusterkit explain` point to.
public enum RuleReference {
    /// The path of the reference in the repository.
    public static let path = "Documentation/Rules.md"

    /// The anchor of a rule's section in the reference.
    public static func anchor(_ id: RuleID) -> String { "\(path)#\(id.documentationAnchor)" }

    /// The whole reference, in Markdown.
    public static func markdown(rules: [any Rule] = BuiltInRules.all) -> String {
        var out = """
            # Rule reference

            <!-- Generated from the rules' descriptions by Scripts/update-rule-reference.sh; do not edit by hand. -->

            Every built-in rule of ClusterKit, generated from its own description: what it checks and why, the slide \
            of the memento *\(Memento.title)* it encodes, its default severity, the presets it belongs to, its \
            parameters and the example budgets on which it must and must not fire (each run by the test suite).

            ## Rules and the memento's slides

            | rule | default severity | presets | source |
            |---|---|---|---|

            """
        for rule in rules {
            let description = rule.ruleDescription
            out += "| [`\(description.id)`](#\(description.id.documentationAnchor)) | \(severity(rule)) | \(presets(rule)) "
            out += "| \(description.citation.location ?? description.citation.document) |\n"
        }
        for rule in rules { out += "\n" + section(rule) }
        return out
    }

    static func severity(_ rule: any Rule) -> String {
        rule.ruleDescription.defaultSeverity.rawValue + (rule.isOptIn ? " (opt-in)" : "")
    }

    static func presets(_ rule: any Rule) -> String {
        let id = rule.ruleDescription.id
        return Preset.allCases.filter { $0.ruleIDs.contains(id) }.map { "`\($0.rawValue)`" }.joined(separator: ", ")
    }

    static func section(_ rule: any Rule) -> String {
        let description = rule.ruleDescription
        let format = ValueFormatter(language: .english)
        var out = """
            ## \(description.id.name)

            **\(description.name.english)** — *\(description.name.french)*

            - Default severity: \(severity(rule))
            - Presets: \(presets(rule))
            - Source: \(description.citation)

            \(description.rationale.english)

            > \(description.rationale.french)

            """
        if !description.parameters.isEmpty {
            out += "\n| parameter | default | meaning |\n|---|---|---|\n"
            for parameter in description.parameters {
                let origin = parameter.defaultIsOurs ? " (ClusterKit's default)" : " (the memento's figure)"
                let allowed = parameter.allowedValues.isEmpty ? "" : " One of: \(parameter.allowedValues.joined(separator: ", "))."
                out += "| `\(parameter.name)` | \(value(parameter.defaultValue, format))\(origin) | \(parameter.summary.english)\(allowed) |\n"
            }
        }
        out += "\nMessages:\n\n"
        for message in description.messages {
            out += "- `\(message.id)`: \(message.readable(in: .english)) — *\(message.readable(in: .french))*\n"
        }
        for (title, examples) in [("Fires on", description.triggeringExamples), ("Stays silent on", description.nonTriggeringExamples)]
        where !examples.isEmpty {
            out += "\n\(title):\n\n"
            for example in examples { out += "- \(self.example(example, format))\n" }
        }
        return out
    }

    static func value(_ value: ParameterValue, _ format: ValueFormatter) -> String {
        switch value {
        case .share(let share): format.string(share, decimals: 2)
        case .amount(let amount): "\(amount)"
        case .integer(let integer): "\(integer)"
        case .boolean(let flag): "\(flag)"
        case .text(let text): "`\(text)`"
        }
    }

    static func example(_ example: RuleExample, _ format: ValueFormatter) -> String {
        let budget = example.budget
        var traits: [String] = []
        if let kind = budget.cluster.kind { traits.append(kind.rawValue) }
        if let members = budget.cluster.members { traits.append("\(members) members") }
        if let age = budget.age { traits.append("\(age) years old") }
        if !budget.cluster.valuedTimeAllowed { traits.append("valued time not allowed") }
        let resources = budget.resources.map { line in
            var text = "\(line.source) \(format.string(line.amount))"
            if let funder = line.funder { text += " (\(funder))" }
            return text
        }.joined(separator: ", ")
        let expenses = budget.expenses.map { "\($0.id) \(format.string($0.amount))" }.joined(separator: ", ")
        var text = example.note.map { "\($0) " } ?? ""
        text += "`\(budget.cluster.name) \(budget.year)`"
        if !traits.isEmpty { text += " (\(traits.joined(separator: ", ")))" }
        text += ": resources \(resources); expenses \(expenses)"
        if !example.parameters.isEmpty {
            let parameters = example.parameters.sorted { $0.key < $1.key }.map { "`\($0.key)` = \(value($0.value, format))" }
            text += "; with \(parameters.joined(separator: ", "))"
        }
        return text + "."
    }
}
