import Foundation

extension Engine {
    /// Checks a history: each full year like a budget (every rule but the trajectory rules), oldest first, then one
    /// report for the history as a whole — its ``BudgetHistory/standIn`` — with the diagnostics of the trajectory
    /// rules and the ``BudgetReport/trajectory`` they judged.
    ///
    /// The metrics of each full year are computed once, and serve both its own report and the trajectory.
    /// - Throws: ``InputError`` when the history is not valid (paths name the year: `years[2].resources[0].source`);
    ///   then no rule runs.
    public func check(_ history: BudgetHistory, file: String? = nil) throws(InputError) -> [BudgetReport] {
        let figures = try HistoryMetrics(history, catalog: catalog, file: file)
        var reports: [BudgetReport] = []
        for year in figures.years {
            if let budget = year.budget, let metrics = year.metrics {
                reports.append(check(budget, metrics: metrics, file: file))
            }
        }
        let standIn = history.standIn
        let standInMetrics = try BudgetMetrics(standIn, catalog: catalog, file: file)
        var whole = check(standIn, metrics: standInMetrics, file: file, history: figures)
        whole.trajectory = trajectory(of: figures, standIn: standIn, metrics: standInMetrics)
        reports.append(whole)
        return reports
    }

    /// Checks one input: a budget gives one report, a history its full years' and its own.
    /// - Throws: ``InputError`` when the input is not valid; then no rule runs.
    public func check(_ input: BudgetInput) throws(InputError) -> [BudgetReport] {
        if let history = input.history { return try check(history, file: input.file) }
        return [try check(input.budget, file: input.file)]
    }

    /// The trajectory the first enabled trajectory rule judges; without one, each year's private share (published
    /// first, gross) and no required share.
    func trajectory(of figures: HistoryMetrics, standIn: Budget, metrics: BudgetMetrics) -> Trajectory {
        for entry in ruleSet.entries where entry.isEnabled {
            guard entry.box.judgesHistories, let rule = entry.rule as? any TrajectoryRule else { continue }
            let context = RuleContext(
                budget: standIn, metrics: metrics, catalog: catalog, description: entry.description,
                severity: entry.severity, parameters: entry.parameters, history: figures)
            // A rule that throws here has already been reported as a diagnostic by the evaluation.
            if let trajectory = try? rule.trajectory(context) { return trajectory }
        }
        return figures.trajectory(basis: .gross, preferring: .published)
    }
}
