import Foundation

/// The figures every trajectory rule reads, computed once per history: each year's budget metrics and published row,
/// oldest year first.
///
/// They are made by ``CheckedHistory``, which checks the history first.
public struct HistoryMetrics: Sendable {
    /// The history.
    public let history: BudgetHistory
    /// Its years, oldest first.
    package let years: [HistoryYearFigures]

    /// Checks a history — at least one year, each year once, every full year valid against the catalogue and in the
    /// history's currency — and computes its figures. Errors name the year's place in the document
    /// (`years[3].resources[1]`).
    /// - Throws: ``InputError`` naming the field path and the reason.
    init(_ history: BudgetHistory, catalog: Catalog, file: String?) throws(InputError) {
        guard !history.years.isEmpty else {
            throw InputError(file: file, path: "years", reason: "a history needs at least one year")
        }
        var seen: [Int: Int] = [:]
        var figures: [HistoryYearFigures] = []
        for (index, year) in history.years.enumerated() {
            let path = "years[\(index)]"
            if let other = seen[year.year] {
                throw InputError(file: file, path: path + ".year", reason: BudgetHistory.duplicateYear(year.year, firstAt: other))
            }
            seen[year.year] = index
            var checked: CheckedBudget?
            if let budget = year.budget {
                guard budget.year == year.year else {
                    throw InputError(file: file, path: path + ".year", reason: "the year is \(year.year) but its budget's is \(budget.year)")
                }
                guard budget.currency == history.currency else {
                    throw InputError(
                        file: file, path: path + ".currency", reason: "the year is in \(budget.currency), but the history is in \(history.currency)")
                }
                do {
                    checked = try CheckedBudget(budget, catalog: catalog, file: file)
                } catch {
                    throw InputError(
                        file: file, path: error.path.isEmpty ? path : "\(path).\(error.path)", reason: error.reason,
                        line: error.line, column: error.column)
                }
            }
            figures.append(
                HistoryYearFigures(
                    year: year.year, index: index, checked: checked, published: year.published,
                    cluster: year.budget?.cluster ?? history.inheritedCluster(members: year.published?.members)))
        }
        self.history = history
        years = figures.sorted { $0.year < $1.year }
    }

    /// Each year's private share, without a glide path (no required share).
    public func trajectory(basis: SelfFinancingBasis, preferring: FigureSource) -> Trajectory {
        Trajectory(
            basis: basis, preferring: preferring, path: nil,
            points: years.map { Trajectory.Point(year: $0.year, figure: $0.privateShare(basis: basis, preferring: preferring), required: nil) })
    }

    /// The trajectory of the private share: each year's figure and, when a glide path can be drawn, the share it
    /// requires.
    ///
    /// The path runs in a straight line from the share of `baselineYear` (default: the first year with a known share)
    /// to `target` in `targetYear`, and stays at the target after it. A baseline already at or above the target
    /// requires the target itself. Without a known share in the baseline year there is no path, and no required share.
    public func trajectory(
        basis: SelfFinancingBasis, preferring: FigureSource, target: Share, targetYear: Int, baselineYear: Int? = nil
    ) -> Trajectory {
        let shares = years.map { ($0.year, $0.privateShare(basis: basis, preferring: preferring)) }
        let baseline = baselineYear.map { year in shares.first { $0.0 == year } } ?? shares.first { $0.1 != nil }
        let path = baseline.flatMap { year, figure in
            figure.map { GlidePath(baselineYear: year, baselineShare: $0.share, target: target, targetYear: targetYear) }
        }
        return Trajectory(
            basis: basis, preferring: preferring, path: path,
            points: shares.map { year, figure in Trajectory.Point(year: year, figure: figure, required: path?.required(in: year)) })
    }
}
