import Dispatch

extension Engine {
    /// Checks budgets (and histories) into one report, spreading them over every core when `parallel` is true.
    ///
    /// A portfolio — a funder's clusters, a network's members — gives exactly the report of the sequential check:
    /// the same budget reports, in input order, with the same diagnostics, byte for byte once rendered. Each input
    /// is checked on its own (its metrics, then every rule); inputs share nothing but the engine, a value. The call
    /// blocks the calling thread until every input is checked: call it from a thread or task that may block.
    ///
    /// ```swift
    /// let report = try Engine(ruleSet: .recommended).check(inputs, parallel: true)
    /// ```
    ///
    /// - Throws: the ``InputError`` of the first invalid input in input order — the error the sequential check
    ///   throws — and no report.
    public func check(_ inputs: [BudgetInput], parallel: Bool) throws(InputError) -> Report {
        var budgets: [BudgetReport] = []
        budgets.reserveCapacity(inputs.count)
        if parallel, inputs.count > 1 {
            for result in checkConcurrently(inputs) { budgets += try result.get() }
        } else {
            for input in inputs { budgets += try check(input) }
        }
        return Report(ruleSet: ruleSet.name, budgets: budgets, suppressions: suppressions)
    }

    /// Checks every input on the cores available, each result in its input's slot.
    private func checkConcurrently(_ inputs: [BudgetInput]) -> [Result<[BudgetReport], InputError>] {
        let slots = Locked<[Result<[BudgetReport], InputError>?]>(Array(repeating: nil, count: inputs.count))
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            let result = Result { () throws(InputError) -> [BudgetReport] in try check(inputs[index]) }
            slots.withLock { $0[index] = result }
        }
        // concurrentPerform returns once every iteration has run: every slot is filled.
        return slots.withLock { $0 }.map { $0 ?? .success([]) }
    }
}
