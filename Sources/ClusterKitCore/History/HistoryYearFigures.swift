import Foundation

/// One year of a history as trajectory rules read it: its budget and metrics when it is full, its published row.
package struct HistoryYearFigures: Sendable {
    /// The fiscal year.
    package let year: Int
    /// The year's place in the document's `years` array (for error paths and reports).
    package let index: Int
    /// The plan of financing, for a full year.
    package var budget: Budget? { checked?.budget }
    /// Its metrics, computed once.
    package var metrics: BudgetMetrics? { checked?.metrics }
    /// The full year's budget, checked, with its figures.
    package let checked: CheckedBudget?
    /// The figures the cluster publishes for the year.
    package let published: BudgetSummary?
    /// The year's cluster: the full year's own, else the history's with the year's members.
    package let cluster: ClusterProfile

    /// The cluster's age in this year, if its founding year is known.
    package var age: Int? { cluster.founded.map { year - $0 } }

    /// The year's private share: the published figure first (`selfFinancing`, else `private` / `total`) or the one
    /// computed from the plan of financing first, as `preferring` says, falling back on the other; `nil` when the year
    /// gives neither (« N.D. »). A computed figure is on `basis`, net where the year's funders forbid valued time.
    package func privateShare(basis: SelfFinancingBasis, preferring: FigureSource) -> PrivateShareFigure? {
        let published: PrivateShareFigure? = {
            guard let row = self.published else { return nil }
            if let share = row.selfFinancing {
                return PrivateShareFigure(share: share, whole: row.total, source: .published)
            }
            if let part = row.privateResources, let total = row.total, let share = Share(part, of: total) {
                return PrivateShareFigure(share: share, whole: total, source: .published)
            }
            return nil
        }()
        let computed: PrivateShareFigure? = {
            guard let metrics else { return nil }
            let applied = basis.applying(to: cluster)
            let parts = metrics.privateShareParts(applied)
            guard let share = Share(parts.part.amount, of: parts.whole) else { return nil }
            return PrivateShareFigure(
                share: share, whole: parts.whole, lines: parts.part.lines, source: .computed, basis: applied)
        }()
        return preferring == .published ? published ?? computed : computed ?? published
    }
}
