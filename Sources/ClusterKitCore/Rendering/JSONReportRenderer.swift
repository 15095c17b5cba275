import Foundation

/// Turns a ``Report`` into text for people or machines. Rendering is apart from the data: one report, many renderers.
public protocol ReportRenderer: Sendable {
    /// The report as text.
    func render(_ report: Report) -> String
}

/// Renders `clusterkit.report/1` JSON: keys sorted, amounts exact to the cent, shares to 4 decimals, messages in the
/// language asked for. The same report always gives the same bytes.
public struct JSONReportRenderer: ReportRenderer {
    /// The language of `message` and remediation summaries; nothing else depends on it.
    public var language: Language

    /// Creates a renderer.
    public init(language: Language = .english) { self.language = language }

    public func render(_ report: Report) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain value types of strings, numbers and arrays cannot fail.
        let data = try! encoder.encode(ReportDocument(report, language: language))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The document's shape, in the order the specification lists its fields.
    struct ReportDocument: Encodable {
        let format = Report.format
        let ruleSet: String
        let budgets: [BudgetDocument]
        let summary: ReportSummary

        init(_ report: Report, language: Language) {
            ruleSet = report.ruleSet
            budgets = report.budgets.map { BudgetDocument($0, language: language) }
            summary = report.summary
        }
    }

    struct BudgetDocument: Encodable {
        let cluster: String
        let year: Int
        let file: String?
        let metrics: MetricsDocument
        let diagnostics: [DiagnosticDocument]

        init(_ report: BudgetReport, language: Language) {
            cluster = report.budget.cluster.name
            year = report.budget.year
            file = report.file
            metrics = MetricsDocument(report.metrics)
            diagnostics = report.diagnostics.map { DiagnosticDocument($0, language: language) }
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

        init(_ metrics: BudgetMetrics) {
            totalResources = metrics.totalResources.decimalValue
            totalExpenses = metrics.totalExpenses.decimalValue
            `public` = metrics.publicResources.amount.decimalValue
            `private` = metrics.privateResources.amount.decimalValue
            inKind = metrics.inKindResources.amount.decimalValue
            selfFinancingGross = metrics.selfFinancingGross.map(JSONReportRenderer.share)
            selfFinancingNet = metrics.selfFinancingNet.map(JSONReportRenderer.share)
            sources = Dictionary(uniqueKeysWithValues: metrics.bySource.map { ($0.key.rawValue, $0.value.amount.decimalValue) })
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

        init(_ diagnostic: Diagnostic, language: Language) {
            rule = diagnostic.ruleID.description
            severity = diagnostic.severity
            messageId = diagnostic.message.id.rawValue
            message = diagnostic.message.rendered(in: language)
            measured = diagnostic.measured.map(JSONReportRenderer.number)
            threshold = diagnostic.threshold.map(JSONReportRenderer.number)
            lines = diagnostic.lines
            remediation = diagnostic.remediation.map { RemediationDocument($0, language: language) }
            reference = diagnostic.citation?.description
        }
    }

    struct OptionDocument: Encodable {
        let amount: Decimal
        let summary: String
    }

    struct RemediationDocument: Encodable {
        let amount: Decimal
        let summary: String
        let alternatives: [OptionDocument]?

        init(_ remediation: Remediation, language: Language) {
            amount = remediation.primary.amount.decimalValue
            summary = remediation.primary.summary.rendered(in: language)
            alternatives = remediation.alternatives.isEmpty
                ? nil
                : remediation.alternatives.map {
                    OptionDocument(amount: $0.amount.decimalValue, summary: $0.summary.rendered(in: language))
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
