/// Renders a report for a terminal, like a compiler: one `file: severity: [rule] message` line per diagnostic, then
/// its figures, its fix and its source; a summary last. Colour only when asked for.
public struct TextReportRenderer: ReportRenderer {
    /// The language of every word printed.
    public var language: Language
    /// Whether to colour severities with ANSI escapes.
    public var useColor: Bool
    /// Whether to print how each diagnostic was computed (its explanation).
    public var showExplanations: Bool

    /// Creates a renderer.
    public init(language: Language = .english, useColor: Bool = false, showExplanations: Bool = false) {
        self.language = language
        self.useColor = useColor
        self.showExplanations = showExplanations
    }

    public func render(_ report: Report) -> String {
        let format = ValueFormatter(language: language)
        var out = ""
        for budget in report.budgets {
            let metrics = budget.metrics
            let place = budget.file ?? budget.budget.cluster.name
            let gross = metrics.selfFinancingGross.map { format.string($0) } ?? "—"
            let net = metrics.selfFinancingNet.map { format.string($0) } ?? "—"
            out += Self.words.header(language)
                .replacingOccurrences(of: "{budget}", with: "\(budget.budget.cluster.name) \(budget.budget.year)")
                .replacingOccurrences(of: "{place}", with: place)
                .replacingOccurrences(of: "{resources}", with: format.string(metrics.totalResources))
                .replacingOccurrences(of: "{expenses}", with: format.string(metrics.totalExpenses))
                .replacingOccurrences(of: "{gross}", with: gross)
                .replacingOccurrences(of: "{net}", with: net) + "\n"
            for diagnostic in budget.diagnostics {
                out += "\(place): \(colored(diagnostic.severity)): [\(diagnostic.ruleID)] "
                out += diagnostic.message.rendered(in: language) + "\n"
                var figures: [String] = []
                if let measured = diagnostic.measured { figures.append("\(Self.words.measured(language)) \(text(measured, format))") }
                if let threshold = diagnostic.threshold { figures.append("\(Self.words.threshold(language)) \(text(threshold, format))") }
                if !diagnostic.lines.isEmpty {
                    figures.append("\(Self.words.lines(language)) \(diagnostic.lines.joined(separator: ", "))")
                }
                if !figures.isEmpty { out += "    " + figures.joined(separator: "; ") + "\n" }
                if let remediation = diagnostic.remediation {
                    out += "    \(Self.words.fix(language)) \(remediation.primary.summary.rendered(in: language))\n"
                    for alternative in remediation.alternatives {
                        out += "    \(Self.words.orElse(language)) \(alternative.summary.rendered(in: language))\n"
                    }
                }
                for item in diagnostic.explanation where showExplanations {
                    out += "    · \(item.label(language)): \(format.string(item.value))\n"
                }
                if let citation = diagnostic.citation { out += "    \(Self.words.source(language)) \(citation)\n" }
            }
        }
        let summary = report.summary
        out += Self.words.summary(language)
            .replacingOccurrences(of: "{errors}", with: "\(summary.errors)")
            .replacingOccurrences(of: "{warnings}", with: "\(summary.warnings)")
            .replacingOccurrences(of: "{notes}", with: "\(summary.notes)") + "\n"
        return out
    }

    private func text(_ measure: Measure, _ format: ValueFormatter) -> String {
        switch measure {
        case .share(let share): format.string(share)
        case .money(let money): format.string(money)
        case .count(let count): String(count)
        }
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

    enum words {
        static let header = LocalizedText(
            english: "{budget} ({place}): resources {resources}, expenses {expenses}; self-financing {gross} gross, {net} net",
            french: "{budget} ({place}) : ressources {resources}, dépenses {expenses} ; autofinancement {gross} brut, {net} net")
        static let measured = LocalizedText(english: "measured", french: "mesuré")
        static let threshold = LocalizedText(english: "threshold", french: "seuil")
        static let lines = LocalizedText(english: "lines", french: "lignes")
        static let fix = LocalizedText(english: "fix:", french: "correction :")
        static let orElse = LocalizedText(english: "or:", french: "ou :")
        static let source = LocalizedText(english: "source:", french: "source :")
        static let summary = LocalizedText(
            english: "{errors} error(s), {warnings} warning(s), {notes} note(s)",
            french: "{errors} erreur(s), {warnings} avertissement(s), {notes} note(s)")
        static func severity(_ severity: Severity) -> LocalizedText {
            switch severity {
            case .error: LocalizedText(english: "error", french: "erreur")
            case .warning: LocalizedText(english: "warning", french: "avertissement")
            case .note: LocalizedText(english: "note", french: "note")
            }
        }
    }
}
