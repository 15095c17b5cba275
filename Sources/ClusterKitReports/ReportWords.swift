import ClusterKitCore
/// Every word the report renderers print, in English and French: one vocabulary shared by the text, Markdown and
/// SARIF renderers (and the command-line tool), so that no renderer carries an untranslated word of its own.
///
/// Words with values in them are ``MessageTemplate``s, rendered like diagnostics' messages; the others are
/// ``LocalizedText``. A test walks ``allTexts`` and ``allTemplates`` and fails when a word lacks a translation or a
/// template's languages disagree on placeholders — add any new word to those lists.
package enum ReportWords {
    /// The first line of a budget in a text report.
    package static let header = MessageTemplate(
        id: "report.header",
        english: "{budget} ({place}): resources {resources}, expenses {expenses}; self-financing {gross} gross, {net} net",
        french: "{budget} ({place}) : ressources {resources}, dépenses {expenses} ; autofinancement {gross} brut, {net} net")
    /// The first line of a closed year's accounts (`statement: realised`) in a text report: in French, « produits » and
    /// « charges », the words of a compte de résultat, rather than a forecast's « ressources » and « dépenses ».
    package static let realisedHeader = MessageTemplate(
        id: "report.realised-header",
        english: "{budget} ({place}): resources {resources}, expenses {expenses}; self-financing {gross} gross, {net} net",
        french: "{budget} ({place}) : produits {resources}, charges {expenses} ; autofinancement {gross} brut, {net} net")
    /// The sentence under a budget's figures when some lines are left out of the shares (``LeftOutLines``).
    package static let leftOut = MessageTemplate(
        id: "report.left-out",
        english: "shares computed on the funding base of {base}; left out: {lines}",
        french: "parts calculées sur la base de financement de {base} ; exclues : {lines}")
    /// The line under a header that says where the figures come from.
    package static let provenance = MessageTemplate(
        id: "report.provenance", english: "  figures from: {source}", french: "  chiffres tirés de : {source}")
    /// Where the figures come from, as a label.
    package static let provenanceLabel = LocalizedText(english: "Figures from", french: "Chiffres tirés de")
    /// Why a line is left out of the shares.
    package static let notFundingReason = LocalizedText(english: "not funding", french: "hors financement")
    /// Why a line is left out of the shares.
    package static let passThroughReason = LocalizedText(english: "passed on to partners", french: "reversé aux partenaires")
    /// What the file inferred rather than read in its source: « inféré ».
    package static let inferredWord = LocalizedText(english: "inferred", french: "inféré")
    /// The last line of a text report.
    package static let summary = MessageTemplate(
        id: "report.summary",
        english: "{errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}, {notes} {notes|note|notes}",
        french: "{errors} {errors|erreur|erreurs}, {warnings} {warnings|avertissement|avertissements}, {notes} {notes|note|notes}")
    /// The counts of a report's diagnostics, as the last line of a text report and under a Markdown report's summary:
    /// `0 errors, 1 warning, 0 notes` (« 0 erreur, 1 avertissement, 0 note »), then `, 2 suppressed` when suppressions hid some.
    package static func summary(of summary: ReportSummary, in language: Language) -> String {
        var out = Message(Self.summary, [
            "errors": .integer(summary.errors), "warnings": .integer(summary.warnings), "notes": .integer(summary.notes),
        ]).rendered(in: language)
        if summary.suppressed > 0 {
            out += ", " + Message(suppressedCount, ["count": .integer(summary.suppressed)]).rendered(in: language)
        }
        return out
    }

    /// A rule set's name as prose prints it: the presets named in French (`pole` is « pôle »), any other set as
    /// named.
    package static func ruleSetName(_ name: String) -> MessageArgument {
        switch name {
        case "pole": .localized(LocalizedText(english: "pole", french: "pôle"))
        case "regional": .localized(LocalizedText(english: "regional", french: "régional"))
        case "recommended": .localized(LocalizedText(english: "recommended", french: "recommandé"))
        case "all": .localized(LocalizedText(english: "all", french: "complet"))
        default: .text(name)
        }
    }

    /// The title of a Markdown report.
    package static let title = MessageTemplate(
        id: "report.title", english: "ClusterKit report (rule set {ruleSet})",
        french: "Rapport ClusterKit (jeu de règles {ruleSet})")
    /// The title of one budget's section in a Markdown report.
    package static let budgetTitle = MessageTemplate(
        id: "report.budget-title", english: "{cluster}, budget {year}", french: "{cluster}, budget {year}")
    /// The title of a realised statement's section (a closed year's accounts), in Markdown and HTML reports.
    package static let accountsTitle = MessageTemplate(
        id: "report.accounts-title", english: "{cluster}, accounts {year}", french: "{cluster}, comptes {year}")

    /// The title of a budget: `Mecabourg, budget 2013` for a forecast, `Aerospace Valley, accounts 2024–2025` for a
    /// closed year's accounts (`Budget.yearLabel`).
    package static func title(of budget: Budget, in language: Language) -> String {
        titleMessage(of: budget).rendered(in: language)
    }

    /// The title of a report's section: its budget's, or a history's as a budget of its latest year.
    package static func title(of report: BudgetReport, in language: Language) -> String {
        titleMessage(of: report).rendered(in: language)
    }

    private static func titleMessage(of budget: Budget) -> Message {
        Message(budget.statement == .realised ? accountsTitle : budgetTitle, [
            "cluster": .text(budget.cluster.name), "year": .text(budget.yearLabel),
        ])
    }

    /// The title of a report's section as a message, in no language yet.
    package static func titleMessage(of report: BudgetReport) -> Message {
        report.budget.map(titleMessage(of:))
            ?? Message(budgetTitle, ["cluster": .text(report.cluster.name), "year": .integer(report.year)])
    }

    /// Where a budget came from, in a Markdown report.
    package static let file = MessageTemplate(id: "report.file", english: "File: {file}", french: "Fichier : {file}")
    /// A severity heading with its count, in a Markdown report.
    package static let severityHeading = MessageTemplate(
        id: "report.severity-heading", english: "{severity} ({count})", french: "{severity} ({count})")
    /// A labelled figure, such as one line of a diagnostic's explanation.
    package static let labelled = MessageTemplate(
        id: "report.labelled", english: "{label}: {value}", french: "{label} : {value}")

    /// "measured", before the figure a diagnostic measured.
    package static let measured = LocalizedText(english: "measured", french: "mesuré")
    /// "threshold", before the figure it was compared with.
    package static let threshold = LocalizedText(english: "threshold", french: "seuil")
    /// The word before a diagnostic's threshold: « moyenne » where it is an average the budget is read against
    /// (`pole-benchmark`), « objectif » where it is a share to reach (`public-private-balance`, `transition-trajectory`),
    /// « seuil » otherwise. English keeps "threshold".
    package static func threshold(of diagnostic: Diagnostic) -> LocalizedText {
        switch diagnostic.ruleID.description {
        case "pole-benchmark": LocalizedText(english: "average", french: "moyenne")
        case "public-private-balance", "transition-trajectory": LocalizedText(english: "target", french: "objectif")
        case "pole-private-majority": LocalizedText(english: "majority above", french: "majorité au-delà de")
        default: threshold
        }
    }
    /// "lines", before the ids of the lines concerned.
    package static let lines = LocalizedText(english: "lines", french: "lignes")
    /// "fix:", before the primary remediation.
    package static let fix = LocalizedText(english: "fix:", french: "correction :")
    /// "or:", before an alternative remediation.
    package static let orElse = LocalizedText(english: "or:", french: "ou :")
    /// "source:", before the citation.
    package static let source = LocalizedText(english: "source:", french: "source :")
    /// The heading of a report's summary.
    package static let summaryHeading = LocalizedText(english: "Summary", french: "Synthèse")
    /// The heading of a budget's figures.
    package static let figures = LocalizedText(english: "Figures", french: "Chiffres clés")
    /// The heading of the remediations of a budget.
    package static let remediations = LocalizedText(english: "Remediations", french: "Pistes de correction")
    /// The heading of the diagnostics about the check itself (such as a suppression that matched nothing).
    package static let checkDiagnostics = LocalizedText(english: "About the check itself", french: "Sur la vérification elle-même")
    /// Said of a budget without diagnostics.
    package static let noDiagnostic = LocalizedText(
        english: "No diagnostic: the budget meets every rule checked.",
        french: "Aucun diagnostic : le budget respecte toutes les règles vérifiées.")
    /// Column heading: what a figure is.
    package static let figureColumn = LocalizedText(english: "Figure", french: "Indicateur")
    /// Column heading: an amount.
    package static let amountColumn = LocalizedText(english: "Amount", french: "Montant")
    /// Column heading: a share (of resources for resources, of expenses for expenses).
    package static let shareColumn = LocalizedText(english: "Share", french: "Part")
    /// Column heading: a budget.
    package static let budgetColumn = LocalizedText(english: "Budget", french: "Budget")
    /// Column heading: a rule.
    package static let ruleColumn = LocalizedText(english: "Rule", french: "Règle")
    /// Column heading: what to do.
    package static let actionColumn = LocalizedText(english: "What to do", french: "Que faire")
    /// "Alternative" in a table of remediations.
    package static let alternative = LocalizedText(english: "alternative", french: "variante")
    /// "suppressed", in place of the severity of a diagnostic a suppression hid.
    package static let suppressed = LocalizedText(english: "suppressed", french: "masqué")
    /// "justification:", before the reason a diagnostic is suppressed.
    package static let justification = LocalizedText(english: "justification:", french: "justification :")
    /// The count of suppressed diagnostics, after the summary.
    package static let suppressedCount = MessageTemplate(
        id: "report.suppressed-count", english: "{count} suppressed", french: "{count} {count|masqué|masqués}")

    /// The name of a severity, lower case as compilers print it.
    package static func severity(_ severity: Severity) -> LocalizedText {
        switch severity {
        case .error: LocalizedText(english: "error", french: "erreur")
        case .warning: LocalizedText(english: "warning", french: "avertissement")
        case .note: LocalizedText(english: "note", french: "note")
        }
    }

    /// The plural heading of a severity: "Errors", "Warnings", "Notes".
    package static func severityPlural(_ severity: Severity) -> LocalizedText {
        switch severity {
        case .error: LocalizedText(english: "Errors", french: "Erreurs")
        case .warning: LocalizedText(english: "Warnings", french: "Avertissements")
        case .note: LocalizedText(english: "Notes", french: "Notes")
        }
    }

    /// The word after a count of a severity's findings, singular or plural as the count asks (« 1 Avertissement »,
    /// « 0 Erreur » in French, « 0 Errors » in English): the summary's tiles.
    package static func severityCount(_ severity: Severity) -> MessageTemplate {
        switch severity {
        case .error: MessageTemplate(id: "report.error-count", english: "{count|Error|Errors}", french: "{count|Erreur|Erreurs}")
        case .warning:
            MessageTemplate(
                id: "report.warning-count", english: "{count|Warning|Warnings}", french: "{count|Avertissement|Avertissements}")
        case .note: MessageTemplate(id: "report.note-count", english: "{count|Note|Notes}", french: "{count|Note|Notes}")
        }
    }

    /// Every word without values, for the test that checks translations.
    package static var allTexts: [LocalizedText] {
        [
            measured, threshold, lines, fix, orElse, source, summaryHeading, figures, remediations, checkDiagnostics,
            noDiagnostic,
            budgetColumn, figureColumn, amountColumn, shareColumn, ruleColumn, actionColumn,
            alternative, LocalizedText.notAvailable, suppressed, justification, notFundingReason, passThroughReason, inferredWord,
            provenanceLabel,
        ] + Severity.allCases.flatMap { [severity($0), severityPlural($0)] } + MetricsTable.labels
            + [ValueFormatter.yes, ValueFormatter.no]
            + ClusterYearRow.columns + [ClusterYearRow.heading, ClusterYearRow.forecast, ClusterYearRow.realised, ClusterYearRow.publishedWord]
            + ClusterKind.allCases.map(ClusterYearRow.kindWord)
    }

    /// Every word with values, for the test that checks translations and placeholders.
    package static var allTemplates: [MessageTemplate] {
        [header, realisedHeader, leftOut, provenance, summary, title, budgetTitle, accountsTitle, file, severityHeading, labelled, suppressedCount]
            + Severity.allCases.map(severityCount)
    }
}
