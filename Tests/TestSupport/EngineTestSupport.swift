import ClusterKitCore

// The test support every test target shares (one copy, not one per target).

extension Engine {
    /// For tests: checks a budget built in code against the engine's catalogue, then judges it (what a host does in
    /// two steps: `CheckedBudget(budget, catalog: engine.catalog)`, then `engine.check(_:)`).
    package func check(_ budget: Budget, file: String? = nil) throws(InputError) -> BudgetReport {
        check(try CheckedBudget(budget, catalog: catalog, file: file), file: file)
    }

    /// For tests: the reports of one history (its full years', then its own).
    package func check(_ history: BudgetHistory, file: String? = nil) throws(InputError) -> [BudgetReport] {
        try check([BudgetInput(history: history, file: file)]).budgets
    }

    /// For tests: the reports of one input.
    package func check(_ input: BudgetInput) throws(InputError) -> [BudgetReport] { try check([input]).budgets }
}
