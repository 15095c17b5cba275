import Dispatch
import Foundation

extension Engine {
    /// What the check of a run of consecutive inputs found: the reports of the inputs before the first invalid one,
    /// and its error.
    struct Chunk: Sendable {
        var reports: [BudgetReport] = []
        var error: InputError?
    }

    /// Checks the inputs on the cores available, in runs of consecutive inputs, each run's results in its slot.
    ///
    /// A few runs per core, rather than one task per input: each task then does tens of checks, the results are
    /// stored (under a lock) once per run, and a core that finishes early takes another run.
    func checkConcurrently(_ inputs: [BudgetInput]) -> [Chunk] {
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
                    chunk.reports += try engine.reports(for: inputs[index])
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
