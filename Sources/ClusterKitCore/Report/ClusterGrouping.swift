import Foundation

/// One cluster of a report on several budgets: its years, each judged once, and the trajectory they make.
///
/// The public face of the grouping is `ClusterPortfolio` in ClusterKitReports; the grouping itself lives here, next
/// to the engine that judges the years as a history.
package struct ClusterGroup: Sendable {
    /// The cluster, as its latest year gives it.
    package var cluster: ClusterProfile
    /// The report judged for each year, oldest first: for a year given as a forecast and as realised accounts, the
    /// realised accounts'.
    package var years: [BudgetReport]
    /// The reports of a year that another report of the same year stands for (a forecast beside realised accounts,
    /// or a second report of the same statement), in input order.
    package var setAside: [BudgetReport]
    /// The report of the cluster's years as a history (its trajectory and the transition rules' findings), when it
    /// has two years or more; `nil` otherwise.
    package var history: BudgetReport?
    /// The years a history file gives only as published figures, for none of which a budget is judged: each summary
    /// year with the file it comes from, oldest first.
    package var published: [(year: HistoryYear, file: String?)] = []
    /// The rule set the cluster is judged with (the engine's the grouping was given for it): a page that draws what a
    /// rule judged reads the rule's parameters there.
    package var ruleSet: RuleSet?
}

extension Report {
    /// The rule id of the note that says which report of a year a cluster is judged on.
    package static let yearChoiceRuleID = RuleID("judged-year", namespace: RuleSet.engineNamespace)

    /// The note for a forecast set aside for realised accounts of the same year.
    package static let realisedOverForecast = MessageTemplate(
        id: "clusterkit.realised-over-forecast",
        english: "{cluster} {year} is judged on the realised accounts ({kept}); the forecast ({setAside}) is set aside.",
        french: "{cluster} {year} est jugé sur les comptes réalisés ({kept}) ; le budget prévisionnel ({setAside}) est écarté.")

    /// The note for a second report of the same year and statement.
    package static let sameYearTwice = MessageTemplate(
        id: "clusterkit.same-year-twice",
        english: "{cluster} {year} is given twice ({kept}, {setAside}): it is judged on the first, {kept}.",
        french: "{cluster} {year} est donné deux fois ({kept}, {setAside}) : il est jugé sur le premier, {kept}.")

    /// The report with its budgets grouped by cluster (``clusters``): by name, then kind; each cluster's years in
    /// order, one report per year (realised accounts over a forecast, else the first in input order), a note in
    /// ``diagnostics`` for each report set aside; a cluster with two years or more from more than one input (its
    /// full years, and the years a history file of it gives only as published figures) is judged as a history by the
    /// engine `engine` gives for it, and that history's report is added to ``budgets``. A cluster whose years all
    /// come from one history file keeps that file's history report.
    ///
    /// - Throws: ``InputError`` when two files disagree on a cluster's kind or founding year, naming both.
    package func groupedByCluster(engine: (ClusterProfile) -> Engine) throws(InputError) -> Report {
        var order: [String] = []
        var byName: [String: [BudgetReport]] = [:]
        var histories: [String: [BudgetReport]] = [:]
        for report in budgets {
            let name = report.cluster.name
            if byName[name] == nil, histories[name] == nil { order.append(name) }
            if report.budget != nil { byName[name, default: []].append(report) } else { histories[name, default: []].append(report) }
        }
        var grouped = self
        var groups: [ClusterGroup] = []
        for name in order {
            let reports = byName[name] ?? []
            let all = reports + (histories[name] ?? [])
            try Self.checkAgreement(all)
            var years: [BudgetReport] = []
            var setAside: [BudgetReport] = []
            for year in Set(reports.map(\.year)).sorted() {
                let same = reports.indices.filter { reports[$0].year == year }
                let keptIndex = same.first { reports[$0].budget?.statement == .realised } ?? same[0]
                let kept = reports[keptIndex]
                years.append(kept)
                for index in same where index != keptIndex {
                    let other = reports[index]
                    setAside.append(other)
                    grouped.diagnostics.append(Self.yearChoiceNote(kept: kept, setAside: other))
                }
            }
            var cluster = years.last?.cluster ?? all[0].cluster
            if cluster.kind == nil { cluster.kind = all.lazy.compactMap(\.cluster.kind).first }
            if cluster.founded == nil { cluster.founded = all.lazy.compactMap(\.cluster.founded).first }
            // The years a history of the cluster holds: the full years judged, and the years a history file gives
            // only as published figures.
            var historyYears: [HistoryYear] = years.map { .full($0.budget!) }
            var covered = Set(years.map(\.year))
            var published: [(year: HistoryYear, file: String?)] = []
            for report in histories[name] ?? [] {
                for year in report.history?.chronologicalYears ?? [] where year.budget == nil && !covered.contains(year.year) {
                    historyYears.append(year)
                    published.append((year, report.file))
                    covered.insert(year.year)
                }
            }
            published.sort { $0.year.year < $1.year.year }
            let sources = Set(years.map { $0.file ?? "" } + (histories[name] ?? []).map { $0.file ?? "" })
            var history: BudgetHistory?
            if historyYears.count >= 2, sources.count >= 2 {
                history = BudgetHistory(
                    cluster: cluster, currency: years.last?.budget?.currency ?? histories[name]?.last?.history?.currency ?? .euro,
                    years: historyYears.sorted { $0.year < $1.year })
            }
            var historyReport: BudgetReport?
            if let history {
                let checked = try CheckedHistory(history, catalog: years.last?.checkedBudget?.catalog ?? .builtIn, file: nil)
                let report = engine(cluster).historyReport(for: checked, file: nil)
                grouped.budgets.append(report)
                historyReport = report
            } else {
                historyReport = histories[name]?.last
            }
            groups.append(
                ClusterGroup(
                    cluster: cluster, years: years, setAside: setAside, history: historyReport, published: published,
                    ruleSet: engine(cluster).ruleSet))
        }
        grouped.clusters = groups.sorted {
            ($0.cluster.name, $0.cluster.kind?.rawValue ?? "") < ($1.cluster.name, $1.cluster.kind?.rawValue ?? "")
        }
        return grouped
    }

    /// Throws when two reports of one cluster disagree on its kind or its founding year.
    private static func checkAgreement(_ reports: [BudgetReport]) throws(InputError) {
        guard let first = reports.first else { return }
        var kind = (first.cluster.kind, first.file), founded = (first.cluster.founded, first.file)
        for report in reports.dropFirst() {
            if let other = report.cluster.kind {
                if let known = kind.0, known != other {
                    throw disagreement(report.cluster.name, field: "cluster.kind", (known.rawValue, kind.1), (other.rawValue, report.file))
                }
                if kind.0 == nil { kind = (other, report.file) }
            }
            if let other = report.cluster.founded {
                if let known = founded.0, known != other {
                    throw disagreement(report.cluster.name, field: "cluster.founded", ("\(known)", founded.1), ("\(other)", report.file))
                }
                if founded.0 == nil { founded = (other, report.file) }
            }
        }
    }

    private static func disagreement(
        _ cluster: String, field: String, _ first: (String, String?), _ second: (String, String?)
    ) -> InputError {
        InputError(
            file: second.1, path: field,
            reason: "\(second.0) here, but \(first.0) in \(first.1 ?? "<input>"): the files disagree on cluster « \(cluster) »")
    }

    private static func yearChoiceNote(kept: BudgetReport, setAside: BudgetReport) -> Diagnostic {
        let template = kept.budget?.statement != setAside.budget?.statement ? realisedOverForecast : sameYearTwice
        return Diagnostic(
            ruleID: yearChoiceRuleID, severity: .note,
            message: Message(template, [
                "cluster": .text(kept.cluster.name), "year": .integer(kept.year),
                "kept": .text(kept.file ?? "<input>"), "setAside": .text(setAside.file ?? "<input>"),
            ]))
    }
}

extension BudgetReport {
    /// The checked budget, for a budget's report.
    package var checkedBudget: CheckedBudget? {
        if case .budget(let budget) = subject { return budget }
        return nil
    }
}
