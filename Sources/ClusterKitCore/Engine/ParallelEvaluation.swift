import Dispatch
import Foundation

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
            for chunk in checkConcurrently(inputs) {
                budgets += chunk.reports
                if let error = chunk.error { throw error }
            }
        } else {
            for input in inputs { budgets += try check(input) }
        }
        return Report(ruleSet: ruleSet.name, budgets: budgets, suppressions: suppressions)
    }

    /// What the check of a run of consecutive inputs found: the reports of the inputs before the first invalid one,
    /// and its error.
    private struct Chunk: Sendable {
        var reports: [BudgetReport] = []
        var error: InputError?
    }

    /// Checks the inputs on the cores available, in runs of consecutive inputs, each run's results in its slot.
    ///
    /// A few runs per core, rather than one task per input: each task then does tens of checks, the results are
    /// stored (under a lock) once per run, and a core that finishes early takes another run.
    private func checkConcurrently(_ inputs: [BudgetInput]) -> [Chunk] {
        // Runs of at least 16 inputs where there are enough (each then checks with its own rule descriptions and
        // catalogue, which cost about one check to copy), one per core at least, 8 per core at most.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let runs = max(min(inputs.count, cores), min(inputs.count / 16, cores * 8))
        let slots = Locked<[Chunk]>(Array(repeating: Chunk(), count: runs))
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            var chunk = Chunk()
            let range = inputs.count * run / runs..<inputs.count * (run + 1) / runs
            // A long run checks with rule descriptions and a catalogue of its own (see `RuleSet.unshared()`).
            var engine = self
            if range.count >= 16 {
                engine.ruleSet = ruleSet.unshared()
                engine.catalog = catalog.unshared()
            }
            chunk.reports.reserveCapacity(range.count)
            for index in range {
                do throws(InputError) {
                    chunk.reports += try engine.check(inputs[index])
                } catch {
                    chunk.error = error
                    break
                }
            }
            slots.withLock { $0[run] = chunk }
        }
        // concurrentPerform returns once every run is done: every slot is filled.
        return slots.withLock { $0 }
    }
}
