import ClusterKitCore
import Foundation

/// Renders `clusterkit.report/1` JSON: keys sorted, amounts exact to the cent, shares to 4 decimals, messages in the
/// language asked for. The same report always gives the same bytes.
///
/// Every diagnostic carries its `explanation`: the figures that entered the rule, each as `{ "label", "kind",
/// "value" }` (`kind` is `amount`, `share`, `count`, `text` or `list`). The report's own diagnostics (such as a
/// suppression that matched nothing) are in the top-level `diagnostics`. Suppressed diagnostics are counted in
/// `summary.suppressed`, and listed per budget in `suppressed`, each with its `justification`, when
/// ``RenderingOptions/showSuppressed`` is set. The language changes `message` and remediation summaries only.
public struct JSONReportRenderer: ReportRenderer {
    /// The language of messages, and whether to list suppressed diagnostics.
    public var options: RenderingOptions
    var language: Language { options.language }
    var showSuppressed: Bool { options.showSuppressed }

    /// Creates a renderer.
    public init(options: RenderingOptions = RenderingOptions()) { self.options = options }

    public func render(_ report: Report) -> String {
        var json = JSONWriter()
        ReportDocument(
            ruleSet: report.ruleSet, budgets: report.budgets, notes: report.diagnostics, summary: report.summary,
            clusters: report.clusters.map { $0.map(ClusterOutline.init) }, language: language, showSuppressed: showSuppressed
        ).write(to: &json)
        return json.text
    }

    /// Writes the report of a stream, a piece at a time, to `emit`: each budget's entry as `budgets` gives it (a
    /// stream judges it there), the clusters from their outlines.
    package func write(
        ruleSet: String, budgets: some Sequence<BudgetReport>, notes: [Diagnostic], summary: ReportSummary,
        clusters: [ClusterOutline], to emit: (String) -> Void
    ) {
        withoutActuallyEscaping(emit) { emit in
            var json = JSONWriter()
            var document = ReportDocument(
                ruleSet: ruleSet, budgets: budgets, notes: notes, summary: summary, clusters: clusters, language: language,
                showSuppressed: showSuppressed)
            document.afterBudget = { $0.flush(to: emit) }
            document.write(to: &json)
            emit(json.text)
        }
    }

    /// The document's shape, in the order the specification lists its fields; its budgets' entries are made as
    /// they are written.
    struct ReportDocument<Budgets: Sequence<BudgetReport>> {
        let format = Report.format
        let ruleSet: String
        let budgets: Budgets
        let diagnostics: [DiagnosticDocument]
        let summary: ReportSummary
        /// The budgets by cluster, for a grouped report (report-format.md, `clusters[]`).
        let clusters: [ClusterDocument]?
        let language: Language
        let showSuppressed: Bool
        /// What is done after each budget's entry is written (a stream hands the text on).
        var afterBudget: ((inout JSONWriter) -> Void)?

        init(
            ruleSet: String, budgets: Budgets, notes: [Diagnostic], summary: ReportSummary, clusters: [ClusterOutline]?,
            language: Language, showSuppressed: Bool
        ) {
            self.ruleSet = ruleSet
            self.budgets = budgets
            self.clusters = clusters.map { $0.map(ClusterDocument.init) }
            diagnostics = notes.map { DiagnosticDocument($0, language: language) }
            self.summary = summary
            self.language = language
            self.showSuppressed = showSuppressed
        }
    }

    /// A cluster of a grouped report: its years in order, and the trajectory of those years (`null` under two).
    struct ClusterDocument {
        struct Year {
            let row: ClusterYearRow
        }

        let name: String
        let kind: ClusterKind?
        let years: [Year]
        let trajectory: TrajectoryDocument?

        init(_ outline: ClusterOutline) {
            name = outline.cluster.name
            kind = outline.cluster.kind
            years = outline.rows.map(Year.init)
            trajectory = outline.trajectory.map(TrajectoryDocument.init)
        }
    }

    struct BudgetDocument {
        let cluster: String
        let year: Int
        let file: String?
        let provenance: Provenance?
        let metrics: MetricsDocument?
        let allocation: AllocationDocument?
        let diagnostics: [DiagnosticDocument]
        let suppressed: [SuppressedDocument]?
        /// A history's entry: its trajectory (and no metrics).
        let trajectory: TrajectoryDocument?
        /// What a table's reader inferred, when it inferred anything (report-format.md, `budgets[].inferred`).
        let inferred: [InferredValue]?

        init(_ report: BudgetReport, language: Language, showSuppressed: Bool = false) {
            cluster = report.cluster.name
            year = report.year
            file = report.file
            provenance = report.provenance
            metrics = report.metrics.map(MetricsDocument.init)
            allocation = report.metrics.map { AllocationDocument($0.allocation) }
            trajectory = report.trajectory.map(TrajectoryDocument.init)
            diagnostics = report.diagnostics.map { DiagnosticDocument($0, language: language) }
            suppressed = showSuppressed ? report.suppressed.map { SuppressedDocument($0, language: language) } : nil
            if case .budget(let checked) = report.subject, !checked.inferred.isEmpty {
                inferred = checked.inferred
            } else {
                inferred = nil
            }
        }
    }

    struct MetricsDocument {
        let totalResources: ExactNumber
        let totalExpenses: ExactNumber
        let `public`: ExactNumber
        let `private`: ExactNumber
        let inKind: ExactNumber
        let selfFinancingGross: ExactNumber?
        let selfFinancingNet: ExactNumber?
        let sources: [String: ExactNumber]
        let statement: Statement
        let fundingBase: ExactNumber
        let nonFunding: ExactNumber
        let passThrough: ExactNumber
        let result: ExactNumber
        /// The lines left out of every share, when there are some.
        let leftOut: [LeftOutDocument]?

        init(_ metrics: BudgetMetrics) {
            totalResources = ExactNumber(metrics.totalResources)
            totalExpenses = ExactNumber(metrics.totalExpenses)
            `public` = ExactNumber(metrics.publicResources.amount)
            `private` = ExactNumber(metrics.privateResources.amount)
            inKind = ExactNumber(metrics.inKindResources.amount)
            selfFinancingGross = metrics.selfFinancingGross.map(JSONReportRenderer.share)
            selfFinancingNet = metrics.selfFinancingNet.map(JSONReportRenderer.share)
            sources = Dictionary(uniqueKeysWithValues: metrics.bySource.map { ($0.key.rawValue, ExactNumber($0.value.amount)) })
            statement = metrics.statement
            fundingBase = ExactNumber(metrics.fundingBase)
            nonFunding = ExactNumber(metrics.nonFunding.amount)
            passThrough = ExactNumber(metrics.passThrough.amount)
            result = ExactNumber(metrics.result)
            let leftOut = LeftOutLines(metrics).lines.map(LeftOutDocument.init)
            self.leftOut = leftOut.isEmpty ? nil : leftOut
        }
    }

    /// A line left out of the shares, and why: `notFunding` or `passThrough`.
    struct LeftOutDocument {
        let line: String
        let reason: String

        init(_ line: LeftOutLines.Line) {
            self.line = line.id
            reason = line.reason.rawValue
        }
    }

    struct DiagnosticDocument {
        let rule: String
        let severity: Severity
        let messageId: String
        let message: String
        let measured: ExactNumber?
        let threshold: ExactNumber?
        let lines: [String]
        let remediation: RemediationDocument?
        let reference: String?
        let explanation: [ExplanationDocument]

        init(_ diagnostic: Diagnostic, language: Language) {
            rule = diagnostic.ruleID.description
            severity = diagnostic.severity
            messageId = diagnostic.message.id.rawValue
            message = diagnostic.message.rendered(in: language)
            measured = diagnostic.measured.map(JSONReportRenderer.number)
            threshold = diagnostic.threshold.map(JSONReportRenderer.number)
            lines = diagnostic.lines
            remediation = diagnostic.remediation.map { RemediationDocument($0, of: diagnostic, language: language) }
            reference = diagnostic.citation?.description
            explanation = diagnostic.explanation.map { ExplanationDocument($0, language: language) }
        }
    }

    /// One figure of a diagnostic's explanation: its label in the report's language, its kind and its value.
    struct ExplanationDocument {
        let label: String
        let item: ExplanationItem
        let language: Language

        init(_ item: ExplanationItem, language: Language) {
            label = item.label(language)
            self.item = item
            self.language = language
        }
    }

    /// A suppressed diagnostic: the fields of a diagnostic, and the suppression's `justification`.
    struct SuppressedDocument {
        let diagnostic: DiagnosticDocument
        let justification: String

        init(_ suppressed: SuppressedDiagnostic, language: Language) {
            diagnostic = DiagnosticDocument(suppressed.diagnostic, language: language)
            justification = suppressed.justification
        }
    }

    struct OptionDocument {
        let amount: ExactNumber
        let summary: String
        /// Where the amount goes; left out where the document does not carry moves (SARIF's property bag).
        let move: MoveDocument?

        init(_ option: RemediationOption, of diagnostic: Diagnostic?, language: Language) {
            amount = ExactNumber(option.amount)
            summary = option.summary.rendered(in: language)
            move = diagnostic.flatMap { option.move(in: $0) }.map(MoveDocument.init)
        }
    }

    /// A remediation: the primary option's fields, and the other options. With a diagnostic, each option carries its
    /// `move` (its own, or the one its diagnostic implies); without, none does (SARIF's property bag, unchanged).
    struct RemediationDocument {
        let amount: ExactNumber
        let summary: String
        let move: MoveDocument?
        let alternatives: [OptionDocument]?

        init(_ remediation: Remediation, of diagnostic: Diagnostic?, language: Language) {
            let primary = OptionDocument(remediation.primary, of: diagnostic, language: language)
            amount = primary.amount
            summary = primary.summary
            move = primary.move
            alternatives = remediation.alternatives.isEmpty
                ? nil
                : remediation.alternatives.map { OptionDocument($0, of: diagnostic, language: language) }
        }
    }

    /// Where a remediation's amount goes (`RemediationMove`): `{ "kind", … }`, lines by id (sorted: the order of a
    /// budget's lines changes no byte), a new line by what it is (not its label, a placeholder in English).
    struct MoveDocument {
        let move: RemediationMove

        init(_ move: RemediationMove) { self.move = move }
    }

    static func share(_ share: Share) -> ExactNumber { ExactNumber(share, places: 4) }

    static func number(_ measure: Measure) -> ExactNumber {
        switch measure {
        case .share(let share): ExactNumber(share, places: 4)
        case .money(let money): ExactNumber(money)
        case .count(let count): ExactNumber(count)
        }
    }
}

// Each document writes its members in the order of their keys' UTF-8 bytes (`JSONEncoder`'s `.sortedKeys`); an
// optional member a synthesized `Encodable` left out when `nil` is left out, one it wrote as `null` is `null`.

extension JSONReportRenderer.ReportDocument: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("budgets")
            json.array(budgets) { json, budget in
                JSONReportRenderer.BudgetDocument(budget, language: language, showSuppressed: showSuppressed).write(to: &json)
                afterBudget?(&json)
            }
            json.field("clusters", ifPresent: clusters)
            json.field("diagnostics", diagnostics)
            json.field("format", format)
            json.field("ruleSet", ruleSet)
            json.field("summary", summary)
        }
    }
}

extension JSONReportRenderer.ClusterDocument: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("kind", orNull: kind?.rawValue)
            json.field("name", name)
            json.key("trajectory")
            if let trajectory { trajectory.write(to: &json) } else { json.null() }
            json.field("years", years)
        }
    }
}

extension JSONReportRenderer.ClusterDocument.Year: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("errors", row.count(.error))
            json.field("file", orNull: row.file)
            json.field("fundingBase", orNull: row.fundingBase.map(ExactNumber.init))
            json.field("notes", row.count(.note))
            json.field("selfFinancingGross", orNull: row.gross.map(JSONReportRenderer.share))
            json.field("selfFinancingNet", orNull: row.net.map(JSONReportRenderer.share))
            json.field("statement", orNull: row.statement?.rawValue)
            json.key("target")
            if let target = row.target { target.write(to: &json) } else { json.null() }
            json.field("warnings", row.count(.warning))
            json.field("year", row.year)
        }
    }
}

extension JSONReportRenderer.BudgetDocument: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("allocation", ifPresent: allocation)
            json.field("cluster", cluster)
            json.field("diagnostics", diagnostics)
            json.field("file", ifPresent: file)
            json.field("inferred", ifPresent: inferred)
            json.field("metrics", ifPresent: metrics)
            json.field("provenance", ifPresent: provenance)
            json.field("suppressed", ifPresent: suppressed)
            json.field("trajectory", ifPresent: trajectory)
            json.field("year", year)
        }
    }
}

extension JSONReportRenderer.MetricsDocument: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("fundingBase", fundingBase)
            json.field("inKind", inKind)
            json.field("leftOut", ifPresent: leftOut)
            json.field("nonFunding", nonFunding)
            json.field("passThrough", passThrough)
            json.field("private", `private`)
            json.field("public", `public`)
            json.field("result", result)
            json.field("selfFinancingGross", ifPresent: selfFinancingGross)
            json.field("selfFinancingNet", ifPresent: selfFinancingNet)
            json.key("sources")
            json.object(sources) { $0.number($1) }
            json.field("statement", statement.rawValue)
            json.field("totalExpenses", totalExpenses)
            json.field("totalResources", totalResources)
        }
    }
}

extension JSONReportRenderer.LeftOutDocument: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("line", line)
            json.field("reason", reason)
        }
    }
}

extension JSONReportRenderer.DiagnosticDocument: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in writeMembers(to: &json, justification: nil) }
    }

    /// The members of a diagnostic, with a suppressed diagnostic's `justification` in its place.
    func writeMembers(to json: inout JSONWriter, justification: String?) {
        json.field("explanation", explanation)
        json.field("justification", ifPresent: justification)
        json.field("lines", lines)
        json.field("measured", ifPresent: measured)
        json.field("message", message)
        json.field("messageId", messageId)
        json.field("reference", ifPresent: reference)
        json.field("remediation", ifPresent: remediation)
        json.field("rule", rule)
        json.field("severity", severity.rawValue)
        json.field("threshold", ifPresent: threshold)
    }
}

extension JSONReportRenderer.ExplanationDocument: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            switch item.value {
            case .money(let money):
                json.field("kind", "amount")
                json.field("label", label)
                json.field("value", ExactNumber(money))
            case .share(let share):
                json.field("kind", "share")
                json.field("label", label)
                json.field("value", JSONReportRenderer.share(share))
            case .integer(let count):
                json.field("kind", "count")
                json.field("label", label)
                json.field("value", count)
            case .text(let text):
                json.field("kind", "text")
                json.field("label", label)
                json.field("value", text)
            case .localized(let text):
                json.field("kind", "text")
                json.field("label", label)
                json.field("value", text(language))
            case .list(let items):
                json.field("kind", "list")
                json.field("label", label)
                json.field("value", items)
            case .localizedList(let items):
                json.field("kind", "list")
                json.field("label", label)
                json.field("value", items.map { $0(language) })
            }
        }
    }
}

extension JSONReportRenderer.SuppressedDocument: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in diagnostic.writeMembers(to: &json, justification: justification) }
    }
}

extension JSONReportRenderer.OptionDocument: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("amount", amount)
            json.field("move", ifPresent: move)
            json.field("summary", summary)
        }
    }
}

extension JSONReportRenderer.RemediationDocument: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("alternatives", ifPresent: alternatives)
            json.field("amount", amount)
            json.field("move", ifPresent: move)
            json.field("summary", summary)
        }
    }
}

extension JSONReportRenderer.MoveDocument: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            switch move {
            case .add(let lines):
                json.field("kind", "add")
                json.field("lines", lines.sorted())
            case .remove(let lines):
                json.field("kind", "remove")
                json.field("lines", lines.sorted())
            case .addResource(let line):
                json.field("kind", "addResource")
                json.key("line")
                Self.writeNewLine(to: &json, source: line.source.rawValue, funder: line.funder, action: line.action)
            case .addExpense(let line):
                json.field("kind", "addExpense")
                json.key("line")
                Self.writeNewLine(to: &json, nature: line.nature.rawValue, category: line.category?.rawValue)
            case .move(let from, let line):
                json.field("from", from.sorted())
                json.field("kind", "move")
                json.key("line")
                Self.writeNewLine(to: &json, source: line.source.rawValue, funder: line.funder, action: line.action)
            case .transfer(let from, let to):
                json.field("from", from.sorted())
                json.field("kind", "transfer")
                json.field("to", to.sorted())
            case .all(let moves):
                json.field("kind", "all")
                json.key("moves")
                json.array(moves) { JSONReportRenderer.MoveDocument($1).write(to: &$0) }
            case .split(let first, let amount, let then):
                json.field("amount", ExactNumber(amount))
                json.key("first")
                JSONReportRenderer.MoveDocument(first).write(to: &json)
                json.field("kind", "split")
                json.key("then")
                JSONReportRenderer.MoveDocument(then).write(to: &json)
            case .elsewhere:
                json.field("kind", "elsewhere")
            }
        }
    }

    /// A line a move adds: what it is, without its id and amount (the option's) or label.
    static func writeNewLine(
        to json: inout JSONWriter, source: String? = nil, nature: String? = nil, funder: String? = nil,
        action: String? = nil, category: String? = nil
    ) {
        json.object { json in
            json.field("action", ifPresent: action)
            json.field("category", ifPresent: category)
            json.field("funder", ifPresent: funder)
            json.field("nature", ifPresent: nature)
            json.field("source", ifPresent: source)
        }
    }
}

extension JSONReportRenderer.TrajectoryDocument: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("baselineShare", ifPresent: baselineShare)
            json.field("baselineYear", ifPresent: baselineYear)
            json.field("basis", basis.rawValue)
            json.field("figures", figures.rawValue)
            json.field("target", ifPresent: target)
            json.field("targetYear", ifPresent: targetYear)
            json.key("years")
            json.array(years) { json, year in
                json.object { json in
                    json.field("basis", ifPresent: year.basis?.rawValue)
                    json.field("behind", year.behind)
                    json.field("figure", ifPresent: year.figure?.rawValue)
                    json.field("privateShare", ifPresent: year.privateShare)
                    json.field("requiredShare", ifPresent: year.requiredShare)
                    json.field("total", ifPresent: year.total)
                    json.field("year", year.year)
                }
            }
        }
    }
}

extension JSONReportRenderer.AllocationDocument: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("actions")
            json.array(actions) { json, action in
                json.object { json in
                    json.field("action", action.action)
                    json.field("category", ifPresent: action.category?.rawValue)
                    json.field("cost", action.cost)
                    json.field("earmarkedPublic", action.earmarkedPublic)
                    json.field("public", action.public)
                    json.field("publicShare", ifPresent: action.publicShare)
                    json.field("regime", ifPresent: action.regime?.rawValue)
                    json.field("sharedPublic", action.sharedPublic)
                    json.field("uncovered", action.uncovered)
                }
            }
            json.field("method", method)
            json.field("unallocated", unallocated)
            json.field("unearmarkedPublic", unearmarkedPublic)
        }
    }
}

// The core's values a report carries, as their `Encodable` conformances write them.

extension ReportSummary: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("errors", errors)
            json.field("notes", notes)
            json.field("suppressed", suppressed)
            json.field("warnings", warnings)
        }
    }
}

extension Provenance: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("notes", ifPresent: notes)
            json.field("page", ifPresent: page)
            json.field("source", ifPresent: source)
            json.field("url", ifPresent: url)
        }
    }
}

extension InferredValue: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("field", field)
            json.field("from", from)
            json.field("line", ifPresent: line)
            json.field("value", value)
        }
    }
}

extension FundingTargets: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("baselineYear", ifPresent: baselineYear)
            if let definition {
                json.key("basis")
                json.object { json in
                    if !definition.ownResources.isEmpty { json.field("ownResources", definition.ownResources.map(\.rawValue)) }
                    json.field("valuedTime", definition.valuedTime)
                    json.field("whole", definition.whole.rawValue)
                }
            } else {
                json.field("basis", ifPresent: basis?.rawValue)
            }
            json.field("privateShare", ifPresent: privateShare.map { ExactNumber($0, places: 6) })
            json.field("source", ifPresent: source)
            json.field("year", ifPresent: year)
        }
    }
}
