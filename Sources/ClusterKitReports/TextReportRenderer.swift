import ClusterKitCore
/// Renders a report for a terminal, like a compiler: one `file: severity: [rule] message` line per diagnostic (in
/// French, with French typography: `fichier : avertissement : [règle] message`), then
/// its figures, its fix and its source; the report's own diagnostics (a suppression that matched nothing) after the
/// budgets; a summary last, with the count of suppressed diagnostics when there are any. Colour only when asked for.
public struct TextReportRenderer: ReportRenderer {
    /// The language, colour, and whether to print explanations and suppressed diagnostics.
    public var options: RenderingOptions
    var language: Language { options.language }
    var useColor: Bool { options.useColor }
    var showExplanations: Bool { options.showExplanations }
    var showSuppressed: Bool { options.showSuppressed }

    /// Creates a renderer.
    public init(options: RenderingOptions = RenderingOptions()) { self.options = options }

    /// The indented line saying which lines the shares leave out, and the base they are computed on; empty when
    /// none (``LeftOutLines/sentence(in:)``). `format` is unused (the sentence formats for `language`): the signature is
    /// that `clusterkit metrics` calls.
    package static func leftOut(
        _ metrics: BudgetMetrics, format: ValueFormatter, language: Language, labels: [String: String] = [:],
        inferred: Set<String> = []
    ) -> String {
        LeftOutLines(metrics).sentence(in: language, labels: labels, inferred: inferred).map { "  " + $0 + "\n" } ?? ""
    }

    /// The line saying where the figures come from — document, page, address —; empty without a provenance.
    static func provenance(_ provenance: Provenance?, language: Language) -> String {
        guard let provenance, let source = provenance.citation else { return "" }
        return Message(ReportWords.provenance, ["source": .text(source)]).rendered(in: language) + "\n"
    }

    public func render(_ report: Report) -> String {
        var out = ""
        write(budgets: report.budgets, notes: report.diagnostics, summary: report.summary) { out += $0 }
        return out
    }

    /// Writes the report a budget at a time to `emit`: each budget's part as `budgets` gives it (a stream judges it
    /// there), then the report's own diagnostics and the summary. French typography is applied to each part (no rule
    /// of it reaches across a line's end).
    package func write(
        budgets: some Sequence<BudgetReport>, notes: [Diagnostic], summary: ReportSummary, to emit: (String) -> Void
    ) {
        let format = ValueFormatter(language: language)
        // French typography throughout: the words, the citations and the budget's own labels.
        func typeset(_ text: String) -> String { language == .french ? FrenchTypography.applied(to: text) : text }
        for budget in budgets {
            var out = ""
            let place = budget.file ?? budget.cluster.name
            switch budget.subject {
            case .history(_, let trajectory):
                out += trajectory.text(cluster: budget.cluster.name, place: place, language: language)
            case .budget(let checked):
                let metrics = checked.metrics
                let gross = metrics.selfFinancingGross.map { format.string($0) } ?? "—"
                let net = metrics.selfFinancingNet.map { format.string($0) } ?? "—"
                out += Message(metrics.statement == .realised ? Self.words.realisedHeader : Self.words.header, [
                    "budget": .text("\(budget.cluster.name) \(budget.yearLabel)"), "place": .text(place),
                    "resources": .money(metrics.totalResources), "expenses": .money(metrics.totalExpenses),
                    "gross": .text(gross), "net": .text(net),
                ]).rendered(in: language) + "\n"
                out += Self.leftOut(
                    metrics, format: format, language: language, labels: Self.labels(of: budget.budget),
                    inferred: Self.inferredPassThrough(of: budget.budget))
                out += Self.inferred(checked, language: language)
            }
            out += Self.provenance(budget.provenance, language: language)
            let labels = Self.labels(of: budget.budget)
            for diagnostic in budget.diagnostics { out += describe(diagnostic, place: place, labels: labels) }
            for hidden in budget.suppressed where showSuppressed {
                out += "\(place)\(colon)\(Self.words.suppressed(language))\(colon)[\(hidden.diagnostic.ruleID)] "
                out += hidden.diagnostic.message.rendered(in: language) + "\n"
                out += "    \(Self.words.justification(language)) \(hidden.justification)\n"
            }
            emit(typeset(out))
        }
        var out = ""
        for diagnostic in notes { out += describe(diagnostic, place: nil) }
        out += Self.words.summary(of: summary, in: language)
        emit(typeset(out + "\n"))
    }

    /// What the reader inferred, one line each (`line « Cotisations » (cotisations), source = membershipFees —
    /// Membership fees (from « cotisation »)`): a line named by its label with its id, a source with its name in the
    /// report's language; empty when nothing was inferred.
    static func inferred(_ checked: CheckedBudget, language: Language) -> String {
        let values = checked.inferred
        guard !values.isEmpty else { return "" }
        let title = language == .french ? "Déduit de la mise en page (à vérifier)" : "Inferred from the layout (check it)"
        let labels = LineNames(checked.budget).labels
        var out = "  \(title)\(language == .french ? " :" : ":")\n"
        for value in values {
            let line = value.line.map { id in
                let named = labels[id].map { "« \($0) » (\(id))" } ?? id
                return language == .french ? "ligne \(named), " : "line \(named), "
            } ?? ""
            let from = language == .french ? "d'après" : "from"
            var shown = value.value
            if value.field == "source", let source = checked.catalog.source(RevenueSourceID(rawValue: value.value)) {
                shown += " — \(source.name(in: language))"
            }
            out += "    \(line)\(value.field) = \(shown) (\(from) \(Self.inferredFrom(value.from, language: language)))\n"
        }
        return out
    }

    /// Where an inferred value came from, in the report's language: the readers write it in English (`cell A1 « … »`,
    /// `account 768`, `heading « … »`), the label's own words quoted as written; French names the cell, the account
    /// and the heading in French.
    static func inferredFrom(_ text: String, language: Language) -> String {
        guard language == .french else { return text }
        var out = text
        let words: [(String, String)] = [
            ("the default: no « Type » column, and no word of ", "la valeur par défaut : pas de colonne « Type », et aucun mot de "),
            (" places it", " ne la place"),
            (" was taken by an « Id » cell", " était déjà pris par une cellule « Id »"),
            (" was taken by cell ", " était déjà pris par la cellule "),
            ("cell ", "la cellule "), ("account ", "le compte "), ("heading ", "le titre "), ("»: ", "» : "), ("»; ", "» ; "),
        ]
        for (english, french) in words { out = out.replacingOccurrences(of: english, with: french) }
        return out
    }

    /// The ids of the lines the file says are passed on by inference (`"passThrough": "inferred"`).
    package static func inferredPassThrough(of budget: Budget?) -> Set<String> {
        Set(budget?.resources.filter(\.passThroughInferred).map(\.id) ?? [])
    }

    /// The labels of a budget's lines, resources and expenses, by id; none for a history.
    package static func labels(of budget: Budget?) -> [String: String] { LineNames(budget).labels }

    /// `: ` in English, ` : ` in French, after a place and a severity.
    private var colon: String { language == .french ? " : " : ": " }

    /// One diagnostic: `place: severity: [rule] message`, then its figures, fix, explanation and source.
    private func describe(_ diagnostic: Diagnostic, place: String?, labels: [String: String] = [:]) -> String {
        var out = place.map { "\($0)\(colon)" } ?? ""
        out += "\(colored(diagnostic.severity))\(colon)[\(diagnostic.ruleID)] "
        out += diagnostic.message.rendered(in: language) + "\n"
        // A line is named by its label (« Entreprises (cotisations) »), in both languages; by its id where it has none.
        let line: (String) -> String = { id in labels[id].map { "« \($0) »" } ?? id }
        if let figures = DiagnosticFigure.line(of: diagnostic, language: language, line: line) { out += "    " + figures + "\n" }
        for (word, option) in diagnostic.remediation?.worded ?? [] {
            out += "    \(word(language)) \(option.summary.rendered(in: language))\n"
        }
        for item in diagnostic.explanation where showExplanations {
            out += "    · " + Message(Self.words.labelled, ["label": .localized(item.label), "value": item.value])
                .rendered(in: language) + "\n"
        }
        if let citation = diagnostic.citation { out += "    \(Self.words.source(language)) \(citation)\n" }
        return out
    }

    private func colored(_ severity: Severity) -> String {
        let word = Self.words.severity(severity)(language)
        guard useColor else { return word }
        let code = switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .note: "1;36"
        }
        return "\u{1B}[\(code)m\(word)\u{1B}[0m"
    }

    /// The words of the report, shared with the other renderers.
    typealias words = ReportWords
}
