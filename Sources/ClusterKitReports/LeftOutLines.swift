import ClusterKitCore

/// What a budget's shares leave out — its lines that are not funding (financial and exceptional income, reversals,
/// transfers) or that pass money on to partners — and the funding base the shares are computed on instead.
///
/// Built once from the metrics, then printed by every renderer: the sentence under a budget in the text and Markdown
/// reports (and `clusterkit metrics`), the rows of their totals in the tables of figures (Markdown, HTML), and the
/// `leftOut` lines of the JSON and SARIF documents.
package struct LeftOutLines: Sendable {
    /// Why a line is left out of the shares.
    package enum Reason: String, Sendable {
        /// A line of a source that is not funding (sector `none`); `notFunding` in JSON.
        case notFunding
        /// A line passed on to partners (`passThrough`); `passThrough` in JSON.
        case passThrough

        /// The reason after a line's id and amount: « not funding ».
        var word: LocalizedText { self == .notFunding ? ReportWords.notFundingReason : ReportWords.passThroughReason }
        /// The label of the row of the reason's total in a table of figures.
        var label: LocalizedText { self == .notFunding ? MetricsTable.nonFunding : MetricsTable.passThrough }
    }

    /// A line left out, and why.
    package struct Line: Sendable {
        package var id: String
        package var amount: Money
        package var reason: Reason
    }

    /// The lines left out, in the order of their ids (the order of a budget's lines never changes a report).
    package var lines: [Line]
    /// The total of each reason that has money, lines that are not funding first.
    package var totals: [(reason: Reason, amount: Money)]
    /// The base every share is computed on: total resources less the lines left out.
    package var fundingBase: Money

    /// The lines a budget's metrics leave out of its shares.
    package init(_ metrics: BudgetMetrics) {
        lines = metrics.leftOut.map { Line(id: $0.id, amount: $0.amount, reason: $0.passThrough ? .passThrough : .notFunding) }
        totals = [(Reason.notFunding, metrics.nonFunding.amount), (.passThrough, metrics.passThrough.amount)]
            .filter { !$0.1.isZero }
        fundingBase = metrics.fundingBase
    }

    /// The sentence that names them — `shares computed on the funding base of €1,000.00; left out: interest €20.00
    /// (not funding)` — or `nil` when no line is left out. In French a line with a label in `labels` is named by it
    /// (« Projets européens »), not by its id.
    /// A line in `inferred` is passed on by the file's inference, and the sentence says so (« inféré »).
    package func sentence(in language: Language, labels: [String: String] = [:], inferred: Set<String> = []) -> String? {
        guard !lines.isEmpty else { return nil }
        let format = ValueFormatter(language: language)
        // Prose names a line by its label, in both languages; by its id where it has none.
        func name(_ id: String) -> String { labels[id].map { "« \($0) »" } ?? id }
        func reason(_ line: Line) -> String {
            let word = line.reason.word(language)
            guard line.reason == .passThrough, inferred.contains(line.id) else { return word }
            return word + ", " + ReportWords.inferredWord(language)
        }
        let list = lines.map { "\(name($0.id)) \(format.string($0.amount)) (\(reason($0)))" }.joined(separator: ", ")
        return Message(ReportWords.leftOut, ["base": .money(fundingBase), "lines": .text(list)]).rendered(in: language)
    }
}
