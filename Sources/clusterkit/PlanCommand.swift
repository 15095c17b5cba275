import ClusterKit
import Foundation

/// `clusterkit plan FILE [--terms FILE]`: the least change to a budget that clears every planned finding together —
/// the changes in the user's words, the planned budget, and the check of the planned budget.
enum PlanCommand {
    static let terms = Option<String>(
        "terms", valueName: "file", help: "The plan's terms (clusterkit.plan/1); default: the budget may grow, lines only rise")
    static let rules = Option<Preset>("rules", valueName: "preset", help: "Rule preset (default: from the cluster's kind)")
    static let format = Option<ReportFormat>(
        "format", valueName: "format", help: "Output format: text (default), json or markdown", cases: [.text, .json, .markdown])
    static let language = Option<Language>.language()
    static let emitBudget = Option<String>(
        "emit-budget", valueName: "file", help: "Write the planned budget there as clusterkit.budget/1")
    /// A year, read as text: a history's plan says when it is not one (a single budget's ignores it).
    static let through = Option<String>(
        "through", valueName: "year", help: "For a history: plan year by year through this year (default: the target's)")
    static let sheet = Option<String>.sheet

    static let command = Command(
        "plan", arguments: "FILE",
        abstract: "Plan the least change that clears every finding together (--terms FILE)",
        usage: "clusterkit plan FILE [--terms FILE] [--rules PRESET] [--format text|json|markdown] [--language en|fr] [--emit-budget FILE]",
        summary: "Plan the least change to a budget that clears every finding of the rules that can be planned, together.",
        details: """
            The shares the rules require are solved together, exactly, to the cent; the planned budget is then checked \
            again. Rules that cannot be planned are named. Exit status 1 when no plan meets the terms (the conflicting \
            terms are named), 2 for bad input. For a history (clusterkit.history/1), a plan for each year from the \
            year after its last full year to the target year, along the glide path to the cluster's target. See \
            Documentation/Planning.md.
            """,
        options: [terms, rules, format, language, emitBudget, through, sheet], run: { run($0) })

    static func run(_ invocation: Invocation) -> ToolOutput {
        guard invocation.positionals.count == 1 else { return invocation.usageError("give one budget file") }
        let language = invocation[Self.language] ?? .english
        let format = invocation[Self.format]
        let input: BudgetInput
        var terms = PlanTerms()
        do {
            guard let loaded = try BudgetFiles.load(invocation.positionals, decoder: BudgetDecoder(), sheet: invocation[Self.sheet]).first
            else { return ToolOutput(status: 2, stderr: "clusterkit plan: no budget in \(invocation.positionals[0])\n") }
            input = loaded
            if let path = invocation[Self.terms] {
                let data: Data
                do {
                    data = try Data(contentsOf: URL(fileURLWithPath: path))
                } catch {
                    throw InputError(file: path, path: "", reason: "cannot be read")
                }
                terms = try PlanTerms.decode(data, file: path)
            }
        } catch {
            return ToolOutput(status: 2, stderr: "\(error)\n")
        }
        let preset = invocation[Self.rules] ?? Preset(for: input.cluster.kind)
        if let history = input.history {
            return yearByYear(
                history, file: input.file, preset: preset, terms: terms, through: invocation[Self.through], format: format,
                language: language)
        }
        let plan: Plan
        do {
            guard let budget = input.budget else { return ToolOutput(status: 2, stderr: "\(input.file ?? ""): no budget\n") }
            plan = try Planner(engine: Engine(ruleSet: preset.ruleSet)).plan(budget, terms: terms, file: input.file)
        } catch PlanningError.infeasible(let conflict) {
            let message = Message(PlanWords.infeasible, ["terms": .list(conflict)]).rendered(in: language)
            return ToolOutput(status: 1, stdout: message + "\n")
        } catch {
            return ToolOutput(status: 2, stderr: "\(error)\n")
        }
        if let path = invocation[Self.emitBudget] {
            do {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                try encoder.encode(plan.budget).write(to: URL(fileURLWithPath: path))
            } catch {
                return ToolOutput(status: 2, stderr: "clusterkit plan: cannot write \(path): \(error)\n")
            }
        }
        return ToolOutput(
            status: plan.unresolved.contains { $0.severity == .error } ? 1 : 0,
            stdout: render(plan, preset: preset, format: format, language: language))
    }

    /// One plan and the check of its planned budget, in a format.
    static func render(_ plan: Plan, preset: Preset, format: ReportFormat?, language: Language) -> String {
        let options = RenderingOptions(language: language)
        let checked = Report(ruleSet: preset.rawValue, budgets: [plan.report])
        switch format ?? .text {
        case .json: return json(plan, check: JSONReportRenderer(options: options).render(checked))
        case .markdown: return markdown(plan, language: language) + MarkdownReportRenderer(options: options).render(checked)
        default: return text(plan, language: language) + TextReportRenderer(options: options).render(checked)
        }
    }

    /// A history's plan, year by year along the glide path (through `through`, or the target's year); the private
    /// share's own target applies from its year.
    static func yearByYear(
        _ history: BudgetHistory, file: String?, preset: Preset, terms: PlanTerms, through: String?, format: ReportFormat?,
        language: Language
    ) -> ToolOutput {
        let year = through.flatMap { Int($0) }
        if let through, year == nil {
            return ToolOutput(status: 2, stderr: "clusterkit plan: --through takes a year, not '\(through)'\n")
        }
        let yearly: YearlyPlan
        do {
            yearly = try Planner(engine: Engine(ruleSet: preset.ruleSet)).plan(
                history, through: year, terms: terms,
                relaxedBeforeTarget: [PublicPrivateBalanceRule.description.id, TransitionTrajectoryRule.description.id],
                file: file)
        } catch PlanningError.infeasible(let conflict) {
            return ToolOutput(status: 1, stdout: Message(PlanWords.infeasible, ["terms": .list(conflict)]).rendered(in: language) + "\n")
        } catch {
            return ToolOutput(status: 2, stderr: "\(error)\n")
        }
        var parts: [String] = []
        if let path = yearly.glidePath {
            parts.append(Message(PlanWords.glidePath, [
                "baseline": .share(path.baselineShare), "baselineYear": .integer(path.baselineYear),
                "target": .share(path.target), "targetYear": .integer(path.targetYear),
            ]).rendered(in: language) + "\n")
        }
        for plan in yearly.years { parts.append(render(plan, preset: preset, format: format, language: language)) }
        let failing = yearly.years.last?.unresolved.contains { $0.severity == .error } ?? false
        let separator = format == .json ? ",\n" : "\n"
        let body = parts.joined(separator: separator)
        return ToolOutput(status: failing ? 1 : 0, stdout: format == .json ? "[\n" + body + "]\n" : body)
    }

    /// The plan's summary lines, in the user's words.
    static func summary(_ plan: Plan, language: Language) -> [String] {
        let budget = plan.original
        var lines = [
            Message(PlanWords.title, [
                "cluster": .text(budget.cluster.name), "year": .integer(budget.year),
                "objective": .localized(PlanWords.objective(plan.terms.objective)),
                "budget": .localized(plan.terms.budgetFixed ? PlanWords.budgetFixed : PlanWords.budgetGrows),
                "severities": .list(plan.terms.clear.sorted(by: >).map { ReportWords.severityPlural($0)(language).lowercased() }),
            ]).rendered(in: language)
        ]
        if plan.changes.isEmpty { lines.append(PlanWords.noChange(language)) }
        for change in plan.changes {
            let template = change.isNew ? PlanWords.newLine : change.difference > 0 ? PlanWords.raise : PlanWords.lower
            lines.append("  " + Message(template, [
                "line": .text(change.lineID), "label": .text(change.label ?? change.source.rawValue),
                "before": .money(change.before), "after": .money(change.after),
                "amount": .money(Money(minorUnits: abs(change.difference), currency: budget.currency)),
            ]).rendered(in: language))
        }
        lines.append(Message(PlanWords.totals, [
            "added": .money(plan.newRevenue), "replaced": .money(plan.publicReplaced),
            "growth": .money(Money(minorUnits: plan.growth, currency: budget.currency)),
        ]).rendered(in: language))
        lines.append(Message(PlanWords.planned, [
            "rules": .list(plan.constraints.map { "\($0.name) (\($0.bound == .floor ? "≥" : "≤") \(percent($0.threshold, language)))" }),
        ]).rendered(in: language))
        if !plan.notPlanned.isEmpty {
            lines.append(Message(PlanWords.notPlanned, ["rules": .list(plan.notPlanned.map(\.description))]).rendered(in: language))
        }
        return lines
    }

    static func percent(_ share: Share, _ language: Language) -> String {
        Message(PlanWords.share, ["share": .share(share)]).rendered(in: language)
    }

    static func text(_ plan: Plan, language: Language) -> String {
        (summary(plan, language: language) + ["", PlanWords.checkHeading(language), ""]).joined(separator: "\n")
    }

    static func markdown(_ plan: Plan, language: Language) -> String {
        let lines = summary(plan, language: language).dropFirst()
        let changes = lines.filter { $0.hasPrefix("  ") }.map { "- " + $0.dropFirst(2) }
        let rest = lines.filter { !$0.hasPrefix("  ") }.flatMap { [$0, ""] }
        let heading = PlanWords.checkHeading(language).trimmingCharacters(in: CharacterSet(charactersIn: " :\u{00A0}"))
        return (["## " + summary(plan, language: language)[0], ""] + changes + [""] + rest + ["## " + heading, ""])
            .joined(separator: "\n")
    }

    /// The plan as JSON: the terms' outcome, the changes and the check of the planned budget (a report of
    /// `spec/report-format.md`).
    static func json(_ plan: Plan, check: String) -> String {
        struct Change: Encodable {
            var line: String, source: String, before: Decimal, after: Decimal, new: Bool
        }
        struct Summary: Encodable {
            var format = "clusterkit.plan-result/1"
            var objective: String, budgetFixed: Bool, newRevenue: Decimal, publicReplaced: Decimal, growth: Decimal
            var changes: [Change], planned: [String], notPlanned: [String], unresolved: [String]
        }
        let summary = Summary(
            objective: plan.terms.objective.rawValue, budgetFixed: plan.terms.budgetFixed,
            newRevenue: plan.newRevenue.decimalValue, publicReplaced: plan.publicReplaced.decimalValue,
            growth: Money(minorUnits: plan.growth).decimalValue,
            changes: plan.changes.map {
                Change(line: $0.lineID, source: $0.source.rawValue, before: $0.before.decimalValue, after: $0.after.decimalValue, new: $0.isNew)
            },
            planned: plan.constraints.map(\.name), notPlanned: plan.notPlanned.map(\.description),
            unresolved: plan.unresolved.map(\.ruleID.description))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let head = String(decoding: (try? encoder.encode(summary)) ?? Data("{}".utf8), as: UTF8.self)
        // The check of the planned budget, under "check".
        return String(head.dropLast()) + ",\n  \"check\" : " + check.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\n", with: "\n  ") + "\n}\n"
    }
}

/// The words of `plan` and `what-if`, in English and French.
enum PlanWords {
    static let title = MessageTemplate(
        id: "plan.title",
        english: "Plan for {cluster} {year}: {objective}, {budget}; clearing {severities}",
        french: "Plan pour {cluster} {year} : {objective}, {budget} ; constats à lever : {severities}")
    static let leastNewRevenue = LocalizedText(english: "least new revenue", french: "le moins de recettes nouvelles")
    static let leastTotalChange = LocalizedText(english: "least total change", french: "le moins de changements")
    static let leastPublicReplaced = LocalizedText(english: "least public funding replaced", french: "le moins de financements publics remplacés")
    static let budgetGrows = LocalizedText(english: "the budget may grow", french: "le budget peut augmenter")
    static let budgetFixed = LocalizedText(english: "the budget fixed", french: "budget inchangé")
    static let noChangeText = LocalizedText(english: "  No change needed.", french: "  Aucun changement nécessaire.")
    static let raise = MessageTemplate(
        id: "plan.raise", english: "{line} ({label}): raise by {amount}, {before} → {after}",
        french: "{line} ({label}) : augmenter de {amount}, {before} → {after}")
    static let lower = MessageTemplate(
        id: "plan.lower", english: "{line} ({label}): lower by {amount}, {before} → {after}",
        french: "{line} ({label}) : diminuer de {amount}, {before} → {after}")
    static let newLine = MessageTemplate(
        id: "plan.new-line", english: "{line} ({label}): new line of {amount}",
        french: "{line} ({label}) : nouvelle ligne de {amount}")
    static let totals = MessageTemplate(
        id: "plan.totals",
        english: "New revenue {added}; public funding replaced {replaced}; the budget changes by {growth} (expenses follow in proportion).",
        french: "Recettes nouvelles {added} ; financements publics remplacés {replaced} ; le budget varie de {growth} (les dépenses suivent en proportion).")
    static let planned = MessageTemplate(
        id: "plan.planned", english: "Planned for: {rules}.", french: "Conditions planifiées : {rules}.")
    static let notPlanned = MessageTemplate(
        id: "plan.not-planned", english: "Not planned (their findings, if any, remain below): {rules}.",
        french: "Non planifiées (leurs constats éventuels restent ci-dessous) : {rules}.")
    static let glidePath = MessageTemplate(
        id: "plan.glide-path",
        english: "Year by year along the glide path from {baseline} private in {baselineYear} to {target} in {targetYear}:",
        french: "Année par année, le long de la trajectoire de {baseline} de ressources privées en {baselineYear} à {target} en {targetYear} :")
    static let share = MessageTemplate(id: "plan.share", english: "{share}", french: "{share}")
    static let infeasible = MessageTemplate(
        id: "plan.infeasible", english: "No plan meets the terms: these conflict: {terms}.",
        french: "Aucun plan ne respecte les conditions : celles-ci sont incompatibles : {terms}.")
    static let checkText = LocalizedText(english: "Check of the planned budget:", french: "Vérification du budget planifié :")

    static let whatIfTitle = MessageTemplate(
        id: "what-if.title", english: "What if: {scenario} — {cluster} {year}",
        french: "Et si : {scenario} — {cluster} {year}")
    static let scenarioChange = MessageTemplate(
        id: "what-if.change", english: "{line} ({label}): {before} → {after}", french: "{line} ({label}) : {before} → {after}")
    static let sideBySideText = LocalizedText(
        english: "Findings before → after the scenario:", french: "Constats avant → après le scénario :")
    static func sideBySide(_ language: Language) -> String { sideBySideText(language) }
    /// Every word without values (walked by the translation tests with ``CommandWords``).
    static var allTexts: [LocalizedText] {
        [leastNewRevenue, leastTotalChange, leastPublicReplaced, budgetGrows, budgetFixed, noChangeText, checkText, sideBySideText]
    }

    /// Every word with values.
    static var allTemplates: [MessageTemplate] {
        [title, raise, lower, newLine, totals, planned, notPlanned, share, infeasible, whatIfTitle, scenarioChange, glidePath]
    }

    static func objective(_ objective: PlanTerms.Objective) -> LocalizedText {
        switch objective {
        case .leastNewRevenue: leastNewRevenue
        case .leastTotalChange: leastTotalChange
        case .leastPublicReplaced: leastPublicReplaced
        }
    }

    static func noChange(_ language: Language) -> String { noChangeText(language) }
    static func checkHeading(_ language: Language) -> String { checkText(language) }
}
