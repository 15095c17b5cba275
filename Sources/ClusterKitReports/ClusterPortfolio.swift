import ClusterKitCore
import Foundation

/// A report on several budgets read as a funder reads it: by cluster, each with its years in order and, from two
/// years, the trajectory a history gets.
///
/// Budgets are grouped by the cluster's name, then kind. A year given both as a forecast and as realised accounts is
/// judged on the realised accounts, and a note of the report says so (rule `clusterkit/judged-year`); a cluster with
/// two years or more from more than one file is checked as a history built from those years (with the years a
/// history file of it gives only as published figures), whose report (the trajectory and the transition rules'
/// findings) joins the report's budgets; a cluster whose years all come from one history file keeps that file's. `JSONReportRenderer` writes the
/// clusters as `clusters[]`; `CSVReportRenderer` and `MarkdownReportRenderer` as a table with a row per cluster and
/// year (a year a history file only publishes included); `HTMLReportRenderer` as a funder's page, with the memento's
/// map of profiles.
///
/// ```swift
/// let engine = Engine(ruleSet: .recommended)
/// let portfolio = try ClusterPortfolio(grouping: try engine.check(inputs)) { _ in engine }
/// for cluster in portfolio.clusters { print(cluster.profile.name, cluster.years.map(\.year)) }
/// print(JSONReportRenderer().render(portfolio.report))
/// ```
public struct ClusterPortfolio: Sendable {
    /// One cluster of the portfolio.
    public struct Cluster: Sendable {
        let group: ClusterGroup

        /// Who the cluster is, as its latest year gives it.
        public var profile: ClusterProfile { group.cluster }
        /// The report each year is judged on, oldest first (realised accounts over a forecast of the same year).
        public var years: [BudgetReport] { group.years }
        /// The reports set aside for another of the same year, in input order.
        public var setAside: [BudgetReport] { group.setAside }
        /// The report of the cluster's years as a history — its `trajectory` and the transition rules' findings —
        /// when it has two years or more; `nil` otherwise.
        public var history: BudgetReport? { group.history }
        /// The years a history file gives only as published figures (none judged as a budget), oldest first: the
        /// clusters table prints them as « published » rows.
        public var publishedYears: [HistoryYear] { group.published.map(\.year) }
    }

    /// The report, grouped: its budgets (with each built history's report), its notes, and its clusters, for the
    /// renderers.
    public let report: Report

    /// The clusters, by name then kind.
    public var clusters: [Cluster] { (report.clusters ?? []).map(Cluster.init) }

    /// Groups a report's budgets by cluster; `engine` gives the engine that judges a cluster's years as a history
    /// (the engine that checked them, or the preset of the cluster's kind).
    /// - Throws: `InputError` when two files disagree on a cluster's kind or founding year, naming both files.
    public init(grouping report: Report, engine: (ClusterProfile) -> Engine) throws(InputError) {
        self.report = try report.groupedByCluster(engine: engine)
    }
}

/// One row of the clusters table: a cluster's year with the figures a funder compares — a year judged (the figures of
/// its report), or a year a history file gives only as published figures (its summary: the published
/// self-financing, whose basis the cluster does not state, stands as the gross share; its total as the funding base;
/// no statement, no finding).
///
/// A row holds figures, not the report they come from: a funder's page or table keeps its rows for every cluster
/// while each cluster's reports are let go once judged (`PortfolioStream`).
package struct ClusterYearRow: Sendable {
    package let cluster: ClusterProfile
    package let year: Int
    /// Whether the year was judged (it has a report); `false` for a year a history file only publishes.
    package let judged: Bool
    package let statement: Statement?
    package let gross: Share?
    package let net: Share?
    package let fundingBase: Money?
    /// The members that year: the year's own cluster's, the published row's, else the cluster's.
    package let members: Int?
    package let file: String?
    /// The self-financing on the gross and on the net basis, each as the year's own cluster applies it (its funders
    /// may forbid counting valued time: net then).
    private let onBasis: (gross: Share?, net: Share?)
    /// The findings of the year by severity: errors, warnings, notes.
    private let counts: ReportSummary

    package init(cluster: ClusterProfile, report: BudgetReport) {
        self.cluster = cluster
        year = report.year
        judged = true
        let metrics = report.metrics
        statement = metrics?.statement
        gross = metrics?.selfFinancingGross
        net = metrics?.selfFinancingNet
        fundingBase = metrics?.fundingBase
        members = report.cluster.members ?? cluster.members
        file = report.file
        onBasis = (
            metrics?.selfFinancing(SelfFinancingBasis.gross.applying(to: report.cluster)),
            metrics?.selfFinancing(SelfFinancingBasis.net.applying(to: report.cluster)))
        counts = ReportSummary([report])
    }

    package init(cluster: ClusterProfile, published year: HistoryYear, file: String?) {
        self.cluster = cluster
        self.year = year.year
        judged = false
        statement = nil
        let published = year.published
        if let share = published?.selfFinancing {
            gross = share
        } else if let part = published?.privateResources, let total = published?.total {
            gross = Share(part, of: total)
        } else {
            gross = nil
        }
        net = nil
        fundingBase = published?.total
        members = published?.members ?? cluster.members
        self.file = file
        onBasis = (gross, gross)
        counts = ReportSummary([])
    }

    package var target: FundingTargets? { cluster.target(judgedIn: year) }
    package func count(_ severity: Severity) -> Int { counts.count(severity) }

    /// The self-financing on a basis as the year's funders allow it (net where they forbid valued time); for a
    /// published year, its one published share.
    package func selfFinancing(_ basis: SelfFinancingBasis) -> Share? {
        switch basis {
        case .gross: onBasis.gross
        case .net: onBasis.net
        }
    }

    /// The rows of a cluster: its years judged and its published years, oldest first.
    package static func rows(of group: ClusterGroup) -> [ClusterYearRow] {
        let judged = group.years.map { ClusterYearRow(cluster: group.cluster, report: $0) }
        let published = group.published.map { ClusterYearRow(cluster: group.cluster, published: $0.year, file: $0.file) }
        return (judged + published).sorted { $0.year < $1.year }
    }

    /// The rows of a report: per cluster and year when it is grouped, else one per budget.
    package static func rows(of report: Report) -> [ClusterYearRow] {
        if let clusters = report.clusters { return clusters.flatMap { ClusterOutline($0).rows } }
        return report.budgets.filter { $0.metrics != nil }.map { ClusterYearRow(cluster: $0.cluster, report: $0) }
    }

    /// The word of a cluster's kind in a table: « pôle », « grappe ».
    package static func kindWord(_ kind: ClusterKind) -> LocalizedText {
        switch kind {
        case .pole: LocalizedText(english: "pôle", french: "pôle")
        case .grappe: LocalizedText(english: "grappe", french: "grappe")
        case .regional: LocalizedText(english: "regional cluster", french: "cluster régional")
        case .other: LocalizedText(english: "other network", french: "autre réseau")
        }
    }

    /// The words of the table's columns.
    package static let columns: [LocalizedText] = [
        LocalizedText(english: "Cluster", french: "Cluster"), LocalizedText(english: "Kind", french: "Type"),
        LocalizedText(english: "Year", french: "Année"), LocalizedText(english: "Statement", french: "Nature"),
        LocalizedText(english: "File", french: "Fichier"),
        LocalizedText(english: "Self-financing (gross)", french: "Autofinancement brut"),
        LocalizedText(english: "Self-financing (net)", french: "Autofinancement net"),
        LocalizedText(english: "Funding base", french: "Base de financement"),
        LocalizedText(english: "Target", french: "Objectif"), LocalizedText(english: "Target year", french: "Année de l'objectif"),
        LocalizedText(english: "Errors", french: "Erreurs"), LocalizedText(english: "Warnings", french: "Avertissements"),
        LocalizedText(english: "Notes", french: "Remarques"),
    ]
    /// The heading of the table in Markdown.
    package static let heading = LocalizedText(english: "Clusters by year", french: "Clusters par année")
    /// A forecast.
    package static let forecast = LocalizedText(english: "forecast", french: "prévisionnel")
    /// Realised accounts.
    package static let realised = LocalizedText(english: "realised", french: "réalisé")
    /// A year known only from the figures a history file publishes.
    package static let publishedWord = LocalizedText(english: "published", french: "publié")

    /// The row's cells: shares as fractions to 4 decimals, amounts to the cent, with a decimal comma in French.
    package func cells(_ language: Language) -> [String] {
        func number(_ value: Decimal?, places: Int) -> String {
            guard var value else { return "" }
            var rounded = Decimal()
            NSDecimalRound(&rounded, &value, places, .plain)
            var text = NSDecimalNumber(decimal: rounded).stringValue
            let fraction = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 }
            if fraction == nil { text += "." }
            text += String(repeating: "0", count: places - (fraction ?? 0))
            return language == .french ? text.replacingOccurrences(of: ".", with: ",") : text
        }
        let statementWord = !judged ? Self.publishedWord(language)
            : statement.map { ($0 == .realised ? Self.realised : Self.forecast)(language) } ?? ""
        return [
            cluster.name, cluster.kind.map { Self.kindWord($0)(language) } ?? "", String(year), statementWord, file ?? "",
            number(gross?.rounded(toPlaces: 4), places: 4), number(net?.rounded(toPlaces: 4), places: 4),
            number(fundingBase?.decimalValue, places: 2),
            number(target?.privateShare?.rounded(toPlaces: 4), places: 4), target?.year.map(String.init) ?? "",
            String(count(.error)), String(count(.warning)), String(count(.note)),
        ]
    }
}

/// What a funder's table, map and trend show of one cluster: who it is, a row of figures per year, and its
/// trajectory with its history's findings — kept for every cluster while the reports themselves are let go once
/// judged (`PortfolioStream`).
package struct ClusterOutline: Sendable {
    /// The cluster, as its latest year gives it.
    package var cluster: ClusterProfile
    /// Its years judged and published, oldest first.
    package var rows: [ClusterYearRow]
    /// The trajectory of its history's report, when it has one.
    package var trajectory: Trajectory?
    /// The findings of its history's report by severity.
    private var historyCounts: ReportSummary
    /// The rule set the cluster is judged with.
    package var ruleSet: RuleSet?

    package init(_ group: ClusterGroup) {
        cluster = group.cluster
        rows = ClusterYearRow.rows(of: group)
        trajectory = group.history?.trajectory
        historyCounts = ReportSummary(group.history.map { [$0] } ?? [])
        ruleSet = group.ruleSet
    }

    /// The cluster's findings of a severity: its years' and its history's.
    package func count(_ severity: Severity) -> Int {
        rows.reduce(0) { $0 + $1.count(severity) } + historyCounts.count(severity)
    }
}

/// Renders a report as a CSV table for a funder's spreadsheet: one row per cluster and year (per budget when the
/// report is not grouped) with the year's statement, file, gross and net self-financing, funding base, the target
/// that applies and the counts of findings.
///
/// Headings are in the renderer's language. In English, fields are separated by commas with a decimal point; in
/// French, by semicolons with a decimal comma, as a French spreadsheet reads them. Shares are fractions (4 decimals),
/// amounts are to the cent.
public struct CSVReportRenderer: ReportRenderer {
    /// The language of headings and numbers.
    public var options: RenderingOptions

    /// Creates a renderer.
    public init(options: RenderingOptions = RenderingOptions()) { self.options = options }

    public func render(_ report: Report) -> String { table(ClusterYearRow.rows(of: report)) }

    /// The table of these rows, its headings first.
    package func table(_ rows: [ClusterYearRow]) -> String {
        let language = options.language
        let separator = language == .french ? ";" : ","
        func field(_ text: String) -> String {
            guard text.contains(where: { $0 == "\"" || $0 == "\n" || $0 == "\r" || String($0) == separator }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var out = ClusterYearRow.columns.map { field($0(language)) }.joined(separator: separator) + "\n"
        for row in rows {
            out += row.cells(language).map(field).joined(separator: separator) + "\n"
        }
        return out
    }
}
