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
            year after its last full year to the target year, along the glide path to the cluster's target. The \
            budget is JSON, a workbook or CSV, read by what it holds (see 'clusterkit check --help'). See \
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
                history, file: input.file, preset: preset, terms: terms, termsFile: invocation[Self.terms],
                through: invocation[Self.through], format: format, language: language)
        }
        let plan: Plan
        do {
            guard let budget = input.budget else { return ToolOutput(status: 2, stderr: "\(input.file ?? ""): no budget\n") }
            plan = try Planner(engine: Engine(ruleSet: preset.ruleSet)).plan(budget, terms: terms, file: input.file)
        } catch PlanningError.infeasible(let conflict) {
            return ToolOutput(status: 1, stdout: infeasible(conflict, terms: terms, language: language) + "\n")
        } catch {
            return ToolOutput(status: 2, stderr: describe(error, file: invocation[Self.terms], language: language) + "\n")
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
        _ history: BudgetHistory, file: String?, preset: Preset, terms: PlanTerms, termsFile: String?, through: String?,
        format: ReportFormat?, language: Language
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
            return ToolOutput(status: 1, stdout: infeasible(conflict, terms: terms, language: language) + "\n")
        } catch {
            let error = error as? PlanningError == .noFullYear ? "\(file ?? "<input>"): \(PlanWords.noFullYearText(language))" : describe(error, file: termsFile, language: language)
            return ToolOutput(status: 2, stderr: error + "\n")
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

    /// The plan's summary lines, in the user's words: the title, the step, each change with what it is per member
    /// and why, the totals, the caps, the lines left out, the conditions planned for.
    static func summary(_ plan: Plan, language: Language) -> [String] {
        let budget = plan.original
        func say(_ template: MessageTemplate, _ arguments: MessageArguments) -> String {
            Message(template, arguments).rendered(in: language)
        }
        var lines = [
            say(PlanWords.title, [
                "cluster": .text(budget.cluster.name), "year": .text(plan.budget.yearLabel),
                "objective": .localized(PlanWords.objective(plan.terms.objective)),
                "budget": .localized(plan.terms.budgetFixed ? PlanWords.budgetFixed : PlanWords.budgetGrows),
                "severities": .list(plan.terms.clear.sorted(by: >).map { ReportWords.severityPlural($0)(language).lowercased() }),
            ])
        ]
        if budget.statement == .realised {
            lines.append(say(PlanWords.nextYear, ["closed": .text(budget.yearLabel), "next": .text(plan.budget.yearLabel)]))
        }
        lines.append(say(PlanWords.step, ["step": .money(plan.step), "why": .localized(PlanWords.stepReason(plan))]))
        if plan.changes.isEmpty { lines.append(PlanWords.noChange(language)) }
        for change in plan.changes {
            let template = change.isNew ? PlanWords.newLine : change.difference > 0 ? PlanWords.raise : PlanWords.lower
            var line = "  " + say(template, [
                "line": .text(change.lineID), "label": .text(change.label ?? change.source.rawValue),
                "before": .money(change.before), "after": .money(change.after),
                "amount": .money(Money(minorUnits: abs(change.difference), currency: budget.currency)),
            ])
            if change.source == .membershipFees, let members = budget.cluster.members, members > 0 {
                let each = ExactArithmetic.divide(
                    Int128(abs(change.difference)), by: Int128(members), rounding: .toNearestOrAwayFromZero)
                line += say(PlanWords.perMember, [
                    "sign": .text(change.difference > 0 ? "+" : "−"),
                    "amount": .money(Money(minorUnits: Int64(each), currency: budget.currency)),
                    "members": .integer(members),
                ])
            }
            lines.append(line)
            lines.append("    " + why(change, plan: plan, language: language))
        }
        lines.append(say(PlanWords.totals, [
            "added": .money(plan.newRevenue), "replaced": .money(plan.publicReplaced),
            "growth": .money(Money(minorUnits: plan.growth, currency: budget.currency)),
        ]))
        lines.append(caps(plan, language: language))
        if !plan.carriedOver.isEmpty || !plan.dropped.isEmpty {
            lines.append(say(PlanWords.leftOut, [
                "lines": .list(
                    plan.carriedOver.map { "\($0) (\(PlanWords.carriedOverText(language)))" }
                        + plan.dropped.map { "\($0) (\(PlanWords.droppedText(language)))" })
            ]))
        }
        lines.append(say(PlanWords.planned, ["rules": .list(plan.constraints.map { condition($0, language) })]))
        if !plan.notCleared.isEmpty {
            lines.append(say(PlanWords.notCleared, [
                "rules": .list(plan.notCleared.map { condition($0, language, severity: PlanWords.severityText($0.severity, language)) })
            ]))
        }
        if !plan.notPlanned.isEmpty {
            lines.append(say(PlanWords.notPlanned, ["rules": .list(plan.notPlanned.map(\.description))]))
        }
        return lines
    }

    /// A planned condition as the summary names it: `billed-revenue-floor (≥ 20%)`.
    /// With `severity`, the severity's word after the bound: `public-private-balance (≥ 50%, note)`.
    static func condition(_ constraint: ShareConstraint, _ language: Language, severity: String? = nil) -> String {
        "\(constraint.name) (\(constraint.bound == .floor ? "≥" : "≤") \(percent(constraint.threshold, language))\(severity.map { ", " + $0 } ?? ""))"
    }

    /// The one sentence that says why a line changes: the conditions it serves.
    static func why(_ change: Plan.Change, plan: Plan, language: Language) -> String {
        let served = change.reasons.compactMap { name -> String? in
            if name == "budget fixed" { return nil }
            return plan.constraints.first { $0.name == name }.map { condition($0, language) } ?? name
        }
        let keepsTotal = change.reasons.contains("budget fixed")
        switch (served.isEmpty, keepsTotal) {
        case (false, false): return Message(PlanWords.why, ["rules": .list(served)]).rendered(in: language)
        case (false, true): return Message(PlanWords.whyFixed, ["rules": .list(served)]).rendered(in: language)
        case (true, true): return PlanWords.whyOnlyFixedText(language)
        case (true, false): return PlanWords.whyTogetherText(language)
        }
    }

    /// The caps line: ClusterKit's own, their values, and whether one binds.
    static func caps(_ plan: Plan, language: Language) -> String {
        guard let cap = plan.terms.feeGrowthCap else { return PlanWords.noCapsText(language) }
        return Message(PlanWords.feeCap, [
            "cap": .share(cap),
            "origin": .localized(cap == PlanTerms.defaultFeeGrowthCap ? PlanWords.ourDefault : PlanWords.theTerms),
            "binds": .localized(plan.bindingCaps.isEmpty ? PlanWords.capFree : PlanWords.capBinds),
        ]).rendered(in: language)
    }

    /// A conflicting term or condition in the user's language: rule conditions by their id, the terms by their
    /// meaning.
    static func conflictName(_ name: String, terms: PlanTerms, language: Language) -> String {
        if name == "budget fixed" { return PlanWords.budgetFixedTermText(language) }
        if name.hasPrefix("line ") {
            return Message(PlanWords.lineTerm, ["line": .text(String(name.dropFirst(5)))]).rendered(in: language)
        }
        if name == "caps.feeGrowth", let cap = terms.feeGrowthCap {
            return Message(PlanWords.feeCapTerm, ["cap": .share(cap)]).rendered(in: language)
        }
        return name
    }

    /// "No plan meets the terms", the conflict named in the user's language; where ClusterKit's cap is part of it,
    /// how to lift it.
    static func infeasible(_ conflict: [String], terms: PlanTerms, language: Language) -> String {
        let message = Message(PlanWords.infeasible, [
            "terms": .list(conflict.map { conflictName($0, terms: terms, language: language) })
        ]).rendered(in: language)
        return conflict.contains("caps.feeGrowth") ? message + "\n" + PlanWords.liftCapText(language) : message
    }

    /// An error of the planner in the user's language; an unknown line names the file and the field path that name
    /// it (`prefix`: `terms.` for a scenario's terms) and the lines the budget has.
    static func describe(_ error: any Error, file: String?, prefix: String = "", language: Language) -> String {
        guard let error = error as? PlanningError else { return "\(error)" }
        switch error {
        case .unknownLine(let name, let field, let known):
            return (file ?? "<input>") + ": " + prefix + field + ": " + Message(PlanWords.unknownLine, [
                "line": .text(name), "lines": .list(known),
            ]).rendered(in: language)
        case .unknownSource(let id):
            return (file ?? "<input>") + ": newLines: " + Message(PlanWords.unknownSource, ["source": .text(id.rawValue)]).rendered(in: language)
        case .membersUnknown(let id):
            return (file ?? "<input>") + ": " + Message(PlanWords.membersUnknown, ["line": .text(id)]).rendered(in: language)
        case .tooLarge: return PlanWords.tooLargeText(language)
        case .noFullYear: return PlanWords.noFullYearText(language)
        case .infeasible(let conflict): return infeasible(conflict, terms: PlanTerms(), language: language)
        }
    }

    static func percent(_ share: Share, _ language: Language) -> String {
        Message(PlanWords.share, ["share": .share(share)]).rendered(in: language)
    }

    static func text(_ plan: Plan, language: Language) -> String {
        (summary(plan, language: language) + ["", PlanWords.checkHeading(language), ""]).joined(separator: "\n")
    }

    static func markdown(_ plan: Plan, language: Language) -> String {
        let lines = summary(plan, language: language).dropFirst()
        let changes = lines.filter { $0.hasPrefix("  ") }.map {
            $0.hasPrefix("    ") ? "  - " + $0.dropFirst(4) : "- " + $0.dropFirst(2)
        }
        let rest = lines.filter { !$0.hasPrefix("  ") }.flatMap { [$0, ""] }
        let heading = PlanWords.checkHeading(language).trimmingCharacters(in: CharacterSet(charactersIn: " :\u{00A0}"))
        return (["## " + summary(plan, language: language)[0], ""] + changes + [""] + rest + ["## " + heading, ""])
            .joined(separator: "\n")
    }

    /// The plan as JSON: the terms' outcome, the changes and the check of the planned budget (a report of
    /// `spec/report-format.md`).
    static func json(_ plan: Plan, check: String) -> String {
        struct Change: Encodable {
            var line: String, source: String, before: Decimal, after: Decimal, new: Bool, reasons: [String]
            var perMember: Decimal?
        }
        struct Caps: Encodable { var feeGrowth: Decimal? }
        struct Summary: Encodable {
            var format = "clusterkit.plan-result/1"
            var objective: String, budgetFixed: Bool, year: String, step: Decimal, caps: Caps, bindingCaps: [String]
            var newRevenue: Decimal, publicReplaced: Decimal, growth: Decimal
            var changes: [Change], carriedOver: [String], dropped: [String], planned: [String], notCleared: [String]
            var notPlanned: [String]
            var unresolved: [String]
        }
        let members = plan.original.cluster.members ?? 0
        let summary = Summary(
            objective: plan.terms.objective.rawValue, budgetFixed: plan.terms.budgetFixed, year: plan.budget.yearLabel,
            step: plan.step.decimalValue, caps: Caps(feeGrowth: plan.terms.feeGrowthCap.map { Decimal($0.numerator) / Decimal($0.denominator) }),
            bindingCaps: plan.bindingCaps, newRevenue: plan.newRevenue.decimalValue,
            publicReplaced: plan.publicReplaced.decimalValue, growth: Money(minorUnits: plan.growth).decimalValue,
            changes: plan.changes.map { change in
                Change(
                    line: change.lineID, source: change.source.rawValue, before: change.before.decimalValue,
                    after: change.after.decimalValue, new: change.isNew, reasons: change.reasons,
                    perMember: change.source == .membershipFees && members > 0
                        ? Money(minorUnits: Int64(ExactArithmetic.divide(
                            Int128(change.difference), by: Int128(members), rounding: .toNearestOrAwayFromZero))).decimalValue
                        : nil)
            },
            carriedOver: plan.carriedOver, dropped: plan.dropped,
            planned: plan.constraints.map(\.name), notCleared: plan.notCleared.map(\.name),
            notPlanned: plan.notPlanned.map(\.description),
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
        english: "New revenue {added}; public funding replaced {replaced}; the budget changes by {growth} (billed services, events and participations fund the actions; other changes, every expense in proportion).",
        french: "Recettes nouvelles {added} ; financements publics remplacés {replaced} ; le budget varie de {growth} (prestations, événements et participations financent les actions ; les autres changements, toutes les dépenses en proportion).")
    static let nextYear = MessageTemplate(
        id: "plan.next-year",
        english: "From the realised accounts of {closed}, a closed year: the plan is the budget of {next}.",
        french: "À partir des comptes réalisés de {closed}, exercice clos : le plan est le budget de {next}.")
    static let step = MessageTemplate(
        id: "plan.step",
        english: "Changes rounded to {step} ({why}; the term \"round\" changes it, 0.01 gives the exact plan).",
        french: "Changements arrondis à {step} ({why} ; le terme « round » le change, 0.01 donne le plan exact).")
    static let stepUnder = LocalizedText(english: "the step for a budget under €1M", french: "le pas d'un budget de moins de 1 M€")
    static let stepAbove = LocalizedText(english: "the step for a budget of €1M or more", french: "le pas d'un budget de 1 M€ ou plus")
    static let stepTerms = LocalizedText(english: "the terms' step", french: "le pas des conditions")
    static let stepCents = LocalizedText(
        english: "no plan moves by whole steps here, so in cents", french: "aucun plan ne se fait par pas entiers ici, donc au centime")
    static let perMember = MessageTemplate(
        id: "plan.per-member", english: "; {sign}{amount} per member a year ({members} members)",
        french: " ; {sign}{amount} par adhérent et par an ({members} adhérents)")
    static let why = MessageTemplate(id: "plan.why", english: "Why: to meet {rules}.", french: "Pourquoi : pour respecter {rules}.")
    static let whyFixed = MessageTemplate(
        id: "plan.why-fixed", english: "Why: to meet {rules} with the budget fixed.",
        french: "Pourquoi : pour respecter {rules} à budget inchangé.")
    static let whyOnlyFixedText = LocalizedText(
        english: "Why: to keep the budget at its total.", french: "Pourquoi : pour garder le budget à son total.")
    static let whyTogetherText = LocalizedText(
        english: "Why: part of the least change that meets every planned condition together.",
        french: "Pourquoi : fait partie du moindre changement qui respecte ensemble toutes les conditions planifiées.")
    static let feeCap = MessageTemplate(
        id: "plan.fee-cap",
        english: "Caps ({origin}, not the memento's; term \"caps\"): membership fees grow at most {cap} a year{binds}.",
        french: "Plafonds ({origin}, pas ceux du mémento ; terme « caps ») : les cotisations augmentent d'au plus {cap} par an{binds}.")
    static let ourDefault = LocalizedText(english: "ClusterKit's defaults", french: "valeurs par défaut de ClusterKit")
    static let theTerms = LocalizedText(english: "set by the terms", french: "fixés par les conditions")
    static let capFree = LocalizedText(english: "", french: "")
    static let capBinds = LocalizedText(
        english: " — this cap binds: the plan reaches it", french: " — ce plafond est atteint : il limite le plan")
    static let noCapsText = LocalizedText(english: "Caps: none (lifted by the terms).", french: "Plafonds : aucun (levés par les conditions).")
    static let leftOut = MessageTemplate(
        id: "plan.left-out", english: "Left out of the planning (not funding, or money passed on): {lines}.",
        french: "Hors de la planification (pas un financement, ou fonds reversés) : {lines}.")
    static let carriedOverText = LocalizedText(english: "carried over", french: "reporté")
    static let droppedText = LocalizedText(english: "dropped", french: "abandonné")
    static let liftCapText = LocalizedText(
        english: "The cap is ClusterKit's, not the memento's: raise it or lift it in the terms (\"caps\": { \"feeGrowth\": 1 } or null), or let the plan add revenue lines (\"newLines\").",
        french: "Ce plafond est celui de ClusterKit, pas du mémento : relevez-le ou levez-le dans les conditions (« caps » : { « feeGrowth » : 1 } ou null), ou laissez le plan ajouter des lignes de recettes (« newLines »).")
    static let budgetFixedTermText = LocalizedText(english: "budget fixed", french: "budget inchangé")
    static let lineTerm = MessageTemplate(id: "plan.line-term", english: "line {line}", french: "ligne {line}")
    static let feeCapTerm = MessageTemplate(
        id: "plan.fee-cap-term", english: "the cap on fees' growth ({cap} a year, caps.feeGrowth)",
        french: "le plafond de hausse des cotisations ({cap} par an, caps.feeGrowth)")
    static let unknownLine = MessageTemplate(
        id: "plan.unknown-line", english: "the budget has no line '{line}' (by id or label); its lines: {lines}",
        french: "le budget n'a pas de ligne « {line} » (par identifiant ou libellé) ; ses lignes : {lines}")
    static let unknownSource = MessageTemplate(
        id: "plan.unknown-source", english: "revenue source '{source}' is not in the catalogue",
        french: "la source de recettes « {source} » n'est pas au catalogue")
    static let membersUnknown = MessageTemplate(
        id: "plan.members-unknown",
        english: "the terms cap line '{line}' per member, and the budget does not give the cluster's members",
        french: "les conditions plafonnent la ligne « {line} » par adhérent, et le budget ne donne pas le nombre d'adhérents")
    static let tooLargeText = LocalizedText(
        english: "the figures are too large to plan exactly", french: "les montants sont trop grands pour planifier exactement")
    static let noFullYearText = LocalizedText(
        english: "the history has no full year (with its lines) to plan from",
        french: "l'historique n'a pas d'année complète (avec ses lignes) d'où planifier")

    static func stepReason(_ plan: Plan) -> LocalizedText {
        if let round = plan.terms.round { return round == plan.step ? stepTerms : stepCents }
        let total = Money(minorUnits: plan.original.resources.reduce(0) { $0 + $1.amount.minorUnits }, currency: plan.step.currency)
        if PlanTerms.defaultStep(forTotal: total) != plan.step { return stepCents }
        return plan.step.minorUnits < 100_000 ? stepUnder : stepAbove
    }
    static let planned = MessageTemplate(
        id: "plan.planned", english: "Planned for: {rules}.", french: "Conditions planifiées : {rules}.")
    static let notCleared = MessageTemplate(
        id: "plan.not-cleared",
        english: "Stated at a severity the terms do not clear, so not planned (the term \"clear\" adds it; their findings remain below): {rules}.",
        french: "Énoncées à une gravité que les conditions ne lèvent pas, donc non planifiées (le terme « clear » l'ajoute ; leurs constats restent ci-dessous) : {rules}.")
    /// A severity as the plan's summary names it: « avertissement ».
    static func severityText(_ severity: Severity, _ language: Language) -> String {
        switch (severity, language) {
        case (.error, .french): "erreur"
        case (.warning, .french): "avertissement"
        default: severity.rawValue
        }
    }
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
    static let checkText = LocalizedText(english: "Check of the planned budget:", french: "Vérification du budget planifié\u{00A0}:")

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
        [
            leastNewRevenue, leastTotalChange, leastPublicReplaced, budgetGrows, budgetFixed, noChangeText, checkText,
            sideBySideText, stepUnder, stepAbove, stepTerms, stepCents, whyOnlyFixedText, whyTogetherText, ourDefault,
            theTerms, capBinds, noCapsText, liftCapText, carriedOverText, droppedText, budgetFixedTermText, tooLargeText, noFullYearText,
        ]
    }

    /// Every word with values.
    static var allTemplates: [MessageTemplate] {
        [
            title, raise, lower, newLine, totals, planned, notCleared, notPlanned, share, infeasible, whatIfTitle, scenarioChange, glidePath,
            nextYear, step, perMember, why, whyFixed, feeCap, leftOut, lineTerm, feeCapTerm, unknownLine, unknownSource,
            membersUnknown,
        ]
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
