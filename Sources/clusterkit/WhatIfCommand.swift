import ClusterKit
import Foundation

/// `clusterkit what-if FILE --scenario FILE`: a scenario's changes made to a budget, its findings before and after
/// side by side, and the plan that restores compliance.
enum WhatIfCommand {
    static let scenario = Option<String>("scenario", valueName: "file", help: "The scenario (clusterkit.scenario/1)")
    static let rules = Option<Preset>("rules", valueName: "preset", help: "Rule preset (default: from the cluster's kind)")
    static let language = Option<Language>.language()
    static let sheet = Option<String>.sheet

    static let command = Command(
        "what-if", arguments: "FILE",
        abstract: "Apply a scenario (--scenario FILE): findings before and after, and the plan",
        usage: "clusterkit what-if FILE --scenario FILE [--rules PRESET] [--language en|fr]",
        summary: "Apply a scenario's changes to a budget (a funder stops, fees rise): the findings before and after, and the plan that restores compliance.",
        details: """
            A scenario names changes to resource lines: { "line": "state", "amount": 0 } or { "line": "fees", "scale": \
            1.1 }; the expenses follow in proportion. Its optional "terms" are those of the plan (clusterkit.plan/1). \
            Exit status 1 when no plan restores compliance, 2 for bad input. The budget is JSON, a workbook or CSV, \
            read by what it holds (see 'clusterkit check --help'). See Documentation/Planning.md.
            """,
        options: [scenario, rules, language, sheet], run: { run($0) })

    static func run(_ invocation: Invocation) -> ToolOutput {
        // Long: the scenario applied, then the before/after report written in order.
        guard invocation.positionals.count == 1, let scenarioPath = invocation[Self.scenario] else {
            return invocation.usageError("give one budget file and --scenario FILE")
        }
        let language = invocation[Self.language] ?? .english
        let input: BudgetInput, budget: Budget, scenario: Scenario, changed: Budget
        do {
            guard let loaded = try BudgetFiles.load(invocation.positionals, decoder: BudgetDecoder(), sheet: invocation[Self.sheet]).first,
                let single = loaded.budget
            else { return ToolOutput(status: 2, stderr: "clusterkit what-if: no budget in \(invocation.positionals[0])\n") }
            input = loaded
            budget = single
            guard let data = FileManager.default.contents(atPath: scenarioPath) else {
                throw InputError(file: scenarioPath, path: "", reason: "cannot be read")
            }
            scenario = try Scenario.decode(data, file: scenarioPath)
            changed = try scenario.applied(to: budget)
        } catch {
            return ToolOutput(status: 2, stderr: PlanCommand.describe(error, file: scenarioPath, language: language) + "\n")
        }
        let preset = invocation[Self.rules] ?? Preset(for: budget.cluster.kind)
        let engine = Engine(ruleSet: preset.ruleSet)
        var lines: [String] = []
        do {
            let before = engine.check(try CheckedBudget(budget, file: input.file), file: input.file)
            let after = engine.check(try CheckedBudget(changed, file: input.file), file: input.file)
            lines.append(Message(PlanWords.whatIfTitle, [
                "scenario": .text(scenario.name ?? scenarioPath), "cluster": .text(budget.cluster.name),
                "year": .integer(budget.year),
            ]).rendered(in: language))
            for (old, new) in zip(budget.resources, changed.resources) where old.amount != new.amount {
                lines.append("  " + Message(PlanWords.scenarioChange, [
                    "line": .text(old.id), "label": .text(old.label ?? old.source.rawValue),
                    "before": .money(old.amount), "after": .money(new.amount),
                ]).rendered(in: language))
            }
            lines.append(PlanWords.sideBySide(language))
            lines += sideBySide(before.diagnostics, after.diagnostics, language: language)
            lines.append("")
            let plan = try Planner(engine: engine).plan(changed, terms: scenario.terms, file: input.file)
            lines += PlanCommand.summary(plan, language: language)
            lines += ["", PlanWords.checkHeading(language), ""]
            let options = RenderingOptions(language: language)
            let report = TextReportRenderer(options: options).render(Report(ruleSet: preset.rawValue, budgets: [plan.report]))
            return ToolOutput(
                status: plan.unresolved.contains { $0.severity == .error } ? 1 : 0,
                stdout: lines.joined(separator: "\n") + "\n" + report)
        } catch PlanningError.infeasible(let conflict) {
            lines.append(PlanCommand.infeasible(conflict, terms: scenario.terms, language: language))
            return ToolOutput(status: 1, stdout: lines.joined(separator: "\n") + "\n")
        } catch {
            return ToolOutput(
                status: 2, stderr: PlanCommand.describe(error, file: scenarioPath, prefix: "terms.", language: language) + "\n")
        }
    }

    /// One line per rule that finds something before or after: its severity and measured figure on each side.
    static func sideBySide(_ before: [Diagnostic], _ after: [Diagnostic], language: Language) -> [String] {
        let formatter = ValueFormatter(language: language)
        func describe(_ diagnostic: Diagnostic?) -> String {
            guard let diagnostic else { return "—" }
            return ReportWords.severity(diagnostic.severity)(language) + (diagnostic.measured.map { " " + formatter.string($0) } ?? "")
        }
        var ids: [RuleID] = []
        for diagnostic in before + after where !ids.contains(diagnostic.ruleID) { ids.append(diagnostic.ruleID) }
        let width = ids.map(\.description.count).max() ?? 0
        return ids.sorted().map { id in
            let old = before.first { $0.ruleID == id }, new = after.first { $0.ruleID == id }
            return "  " + id.description.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + describe(old) + " → " + describe(new)
        }
    }
}
