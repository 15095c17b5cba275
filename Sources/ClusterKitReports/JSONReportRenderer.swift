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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain value types of strings, numbers and arrays cannot fail.
        let data = try! encoder.encode(ReportDocument(report, language: language, showSuppressed: showSuppressed))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The document's shape, in the order the specification lists its fields.
    struct ReportDocument: Encodable {
        let format = Report.format
        let ruleSet: String
        let budgets: [BudgetDocument]
        let diagnostics: [DiagnosticDocument]
        let summary: ReportSummary
        /// The budgets by cluster, for a grouped report (report-format.md, `clusters[]`).
        let clusters: [ClusterDocument]?

        init(_ report: Report, language: Language, showSuppressed: Bool = false) {
            ruleSet = report.ruleSet
            clusters = report.clusters.map { $0.map(ClusterDocument.init) }
            budgets = report.budgets.map { BudgetDocument($0, language: language, showSuppressed: showSuppressed) }
            diagnostics = report.diagnostics.map { DiagnosticDocument($0, language: language) }
            summary = report.summary
        }
    }

    /// A cluster of a grouped report: its years in order, and the trajectory of those years (`null` under two).
    struct ClusterDocument: Encodable {
        struct Year: Encodable {
            let row: ClusterYearRow

            enum CodingKeys: String, CodingKey {
                case year, statement, file, selfFinancingGross, selfFinancingNet, fundingBase, target, errors, warnings, notes
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(row.year, forKey: .year)
                try container.encode(row.statement, forKey: .statement)
                try container.encode(row.file, forKey: .file)
                try container.encode(row.gross.map(JSONReportRenderer.share), forKey: .selfFinancingGross)
                try container.encode(row.net.map(JSONReportRenderer.share), forKey: .selfFinancingNet)
                try container.encode(row.fundingBase?.decimalValue, forKey: .fundingBase)
                try container.encode(row.target, forKey: .target)
                try container.encode(row.count(.error), forKey: .errors)
                try container.encode(row.count(.warning), forKey: .warnings)
                try container.encode(row.count(.note), forKey: .notes)
            }
        }

        let name: String
        let kind: ClusterKind?
        let years: [Year]
        let trajectory: TrajectoryDocument?

        init(_ group: ClusterGroup) {
            name = group.cluster.name
            kind = group.cluster.kind
            years = ClusterYearRow.rows(of: group).map(Year.init)
            trajectory = group.history?.trajectory.map(TrajectoryDocument.init)
        }

        enum CodingKeys: String, CodingKey { case name, kind, years, trajectory }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(kind, forKey: .kind)
            try container.encode(years, forKey: .years)
            try container.encode(trajectory, forKey: .trajectory)
        }
    }

    struct BudgetDocument: Encodable {
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

    struct MetricsDocument: Encodable {
        let totalResources: Decimal
        let totalExpenses: Decimal
        let `public`: Decimal
        let `private`: Decimal
        let inKind: Decimal
        let selfFinancingGross: Decimal?
        let selfFinancingNet: Decimal?
        let sources: [String: Decimal]
        let statement: Statement
        let fundingBase: Decimal
        let nonFunding: Decimal
        let passThrough: Decimal
        let result: Decimal
        /// The lines left out of every share, when there are some.
        let leftOut: [LeftOutDocument]?

        init(_ metrics: BudgetMetrics) {
            totalResources = metrics.totalResources.decimalValue
            totalExpenses = metrics.totalExpenses.decimalValue
            `public` = metrics.publicResources.amount.decimalValue
            `private` = metrics.privateResources.amount.decimalValue
            inKind = metrics.inKindResources.amount.decimalValue
            selfFinancingGross = metrics.selfFinancingGross.map(JSONReportRenderer.share)
            selfFinancingNet = metrics.selfFinancingNet.map(JSONReportRenderer.share)
            sources = Dictionary(uniqueKeysWithValues: metrics.bySource.map { ($0.key.rawValue, $0.value.amount.decimalValue) })
            statement = metrics.statement
            fundingBase = metrics.fundingBase.decimalValue
            nonFunding = metrics.nonFunding.amount.decimalValue
            passThrough = metrics.passThrough.amount.decimalValue
            result = metrics.result.decimalValue
            let leftOut = LeftOutLines(metrics).lines.map(LeftOutDocument.init)
            self.leftOut = leftOut.isEmpty ? nil : leftOut
        }
    }

    /// A line left out of the shares, and why: `notFunding` or `passThrough`.
    struct LeftOutDocument: Encodable {
        let line: String
        let reason: String

        init(_ line: LeftOutLines.Line) {
            self.line = line.id
            reason = line.reason.rawValue
        }
    }

    struct DiagnosticDocument: Encodable {
        let rule: String
        let severity: Severity
        let messageId: String
        let message: String
        let measured: Decimal?
        let threshold: Decimal?
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
    struct ExplanationDocument: Encodable {
        let label: String
        let item: ExplanationItem
        let language: Language

        init(_ item: ExplanationItem, language: Language) {
            label = item.label(language)
            self.item = item
            self.language = language
        }

        enum CodingKeys: String, CodingKey { case label, kind, value }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(label, forKey: .label)
            switch item.value {
            case .money(let money):
                try container.encode("amount", forKey: .kind)
                try container.encode(money.decimalValue, forKey: .value)
            case .share(let share):
                try container.encode("share", forKey: .kind)
                try container.encode(JSONReportRenderer.share(share), forKey: .value)
            case .integer(let count):
                try container.encode("count", forKey: .kind)
                try container.encode(count, forKey: .value)
            case .text(let text):
                try container.encode("text", forKey: .kind)
                try container.encode(text, forKey: .value)
            case .localized(let text):
                try container.encode("text", forKey: .kind)
                try container.encode(text(language), forKey: .value)
            case .list(let items):
                try container.encode("list", forKey: .kind)
                try container.encode(items, forKey: .value)
            case .localizedList(let items):
                try container.encode("list", forKey: .kind)
                try container.encode(items.map { $0(language) }, forKey: .value)
            }
        }
    }

    /// A suppressed diagnostic: the fields of a diagnostic, and the suppression's `justification`.
    struct SuppressedDocument: Encodable {
        let diagnostic: DiagnosticDocument
        let justification: String

        init(_ suppressed: SuppressedDiagnostic, language: Language) {
            diagnostic = DiagnosticDocument(suppressed.diagnostic, language: language)
            justification = suppressed.justification
        }

        enum CodingKeys: String, CodingKey { case justification }

        func encode(to encoder: any Encoder) throws {
            try diagnostic.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(justification, forKey: .justification)
        }
    }

    struct OptionDocument: Encodable {
        let amount: Decimal
        let summary: String
        /// Where the amount goes; left out where the document does not carry moves (SARIF's property bag).
        let move: MoveDocument?

        init(_ option: RemediationOption, of diagnostic: Diagnostic?, language: Language) {
            amount = option.amount.decimalValue
            summary = option.summary.rendered(in: language)
            move = diagnostic.flatMap { option.move(in: $0) }.map(MoveDocument.init)
        }
    }

    /// A remediation: the primary option's fields, and the other options. With a diagnostic, each option carries its
    /// `move` (its own, or the one its diagnostic implies); without, none does (SARIF's property bag, unchanged).
    struct RemediationDocument: Encodable {
        let amount: Decimal
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
    struct MoveDocument: Encodable {
        let move: RemediationMove

        init(_ move: RemediationMove) { self.move = move }

        enum CodingKeys: String, CodingKey { case kind, lines, line, from, to, moves, amount, first, then }

        /// A line a move adds: what it is, without its id and amount (the option's) or label.
        struct NewLine: Encodable {
            let source: String?
            let nature: String?
            let funder: String?
            let action: String?
            let category: String?
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            func resource(_ line: ResourceLine) -> NewLine {
                NewLine(source: line.source.rawValue, nature: nil, funder: line.funder, action: line.action, category: nil)
            }
            switch move {
            case .add(let lines):
                try container.encode("add", forKey: .kind)
                try container.encode(lines.sorted(), forKey: .lines)
            case .remove(let lines):
                try container.encode("remove", forKey: .kind)
                try container.encode(lines.sorted(), forKey: .lines)
            case .addResource(let line):
                try container.encode("addResource", forKey: .kind)
                try container.encode(resource(line), forKey: .line)
            case .addExpense(let line):
                try container.encode("addExpense", forKey: .kind)
                try container.encode(
                    NewLine(
                        source: nil, nature: line.nature.rawValue, funder: nil, action: nil,
                        category: line.category?.rawValue),
                    forKey: .line)
            case .move(let from, let line):
                try container.encode("move", forKey: .kind)
                try container.encode(from.sorted(), forKey: .from)
                try container.encode(resource(line), forKey: .line)
            case .transfer(let from, let to):
                try container.encode("transfer", forKey: .kind)
                try container.encode(from.sorted(), forKey: .from)
                try container.encode(to.sorted(), forKey: .to)
            case .all(let moves):
                try container.encode("all", forKey: .kind)
                try container.encode(moves.map(MoveDocument.init), forKey: .moves)
            case .split(let first, let amount, let then):
                try container.encode("split", forKey: .kind)
                try container.encode(amount.decimalValue, forKey: .amount)
                try container.encode(MoveDocument(first), forKey: .first)
                try container.encode(MoveDocument(then), forKey: .then)
            case .elsewhere:
                try container.encode("elsewhere", forKey: .kind)
            }
        }
    }

    static func share(_ share: Share) -> Decimal { share.rounded(toPlaces: 4) }

    static func number(_ measure: Measure) -> Decimal {
        switch measure {
        case .share(let share): share.rounded(toPlaces: 4)
        case .money(let money): money.decimalValue
        case .count(let count): Decimal(count)
        }
    }
}
