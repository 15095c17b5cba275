import Foundation

extension Engine {
    /// The reports of a history: each full year like a budget (every rule but the trajectory rules), oldest first,
    /// then one report for the history as a whole, with the diagnostics of the trajectory rules and the trajectory
    /// they judged.
    ///
    /// The metrics of each full year were computed when the history was checked, and serve both its own report and
    /// the trajectory.
    func reports(for history: CheckedHistory, file: String?) -> [BudgetReport] {
        var reports: [BudgetReport] = []
        for year in history.metrics.years {
            if let budget = year.checked { reports.append(check(budget, file: file)) }
        }
        reports.append(historyReport(for: history, file: file))
        return reports
    }

    /// The report of a history as a whole: the trajectory rules' diagnostics and the trajectory they judged.
    package func historyReport(for history: CheckedHistory, file: String?) -> BudgetReport {
        let context = RuleContext(history: history)
        let found = Suppression.apply(suppressions, to: evaluate(context), of: context.budget)
        return BudgetReport(
            .history(history, trajectory: trajectory(of: history)), file: file, diagnostics: found.reported,
            suppressed: found.suppressed)
    }

    /// The trajectory the first enabled trajectory rule judges; without one, each year's private share (published
    /// first, gross) and no required share.
    func trajectory(of history: CheckedHistory) -> Trajectory {
        for entry in ruleSet.entries where entry.isEnabled {
            guard entry.box.judgesHistories, let rule = entry.rule as? any TrajectoryRule else { continue }
            let context = RuleContext(
                history: history, description: entry.description, severity: entry.severity, parameters: entry.parameters)
            // A rule that throws here has already been reported as a diagnostic by the evaluation.
            if let trajectory = try? rule.trajectory(context) { return trajectory }
        }
        return history.metrics.trajectory(basis: .gross, preferring: .published)
    }
}
