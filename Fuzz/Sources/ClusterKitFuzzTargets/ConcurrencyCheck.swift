import ClusterKit
import Foundation

/// The engine's concurrent paths, each compared with the sequential answer: a portfolio checked on every core,
/// the first invalid input's error in input order, and many tasks sharing one engine.
///
/// `swift test` runs these through `ConcurrencyTests` (Tests/RobustnessTests). CI runs them again in a
/// ThreadSanitizer build of `clusterkit-fuzz --concurrency Examples` (Scripts/sanitizers.sh `concurrency`), which
/// builds the libraries and this driver only, not every test target.
public enum ConcurrencyCheck {
    /// The presets every scenario runs under.
    public static let presets: [Preset] = [.recommended, .pole, .all]

    /// The JSON budgets of `examples` (budgets and histories; a file that does not decode is left out) in name
    /// order, then `generated` budgets from ``BudgetGenerator`` (seeds 1000…).
    public static func portfolio(examples: URL, generated: Int = 40) throws -> [BudgetInput] {
        var inputs: [BudgetInput] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: examples.path).filter({ $0.hasSuffix(".json") })
            .sorted()
        {
            let data = try Data(contentsOf: examples.appendingPathComponent(file))
            if let input = try? BudgetInput(decoding: data, file: file, catalog: .builtIn) { inputs.append(input) }
        }
        for seed in UInt64(0)..<UInt64(generated) {
            var generator = BudgetGenerator(seed: 1_000 + seed)
            inputs.append(BudgetInput(generator.budget(), file: "generated-\(seed).json"))
        }
        return inputs
    }

    /// What a report prints in two renderers and both languages: two reports that print the same are the same.
    public static func rendered(_ report: Report) -> String {
        JSONReportRenderer(options: RenderingOptions(language: .english)).render(report)
            + TextReportRenderer(options: RenderingOptions(language: .french)).render(report)
    }

    /// The parallel portfolio check against the sequential one, `rounds` times under `preset`: what differs, in
    /// sentences (empty when every round gives the sequential report, budgets in input order).
    public static func parallelDifferences(
        _ inputs: [BudgetInput], preset: Preset, rounds: Int = 3, render: (Report) -> String = rendered
    ) throws -> [String] {
        let engine = Engine(ruleSet: preset.ruleSet, catalog: .builtIn)
        let sequentialReport = try engine.check(inputs)
        let sequential = render(sequentialReport)
        var differences: [String] = []
        if sequentialReport.budgets.first?.file != inputs.first?.file
            || sequentialReport.budgets.last?.file != inputs.last?.file
        {
            differences.append("preset \(preset): the sequential report does not keep the inputs' order")
        }
        for round in 1...max(rounds, 1) {
            let parallel = try engine.check(inputs, parallel: true)
            if parallel.budgets.map(\.file) != sequentialReport.budgets.map(\.file) {
                differences.append("preset \(preset), round \(round): the parallel report's budgets are in another order")
            }
            if render(parallel) != sequential {
                differences.append("preset \(preset), round \(round): the parallel report differs from the sequential one")
            }
        }
        return differences
    }

    /// Two inputs of `inputs` made invalid (the 30th and the 10th from the end): the files named by the errors of the
    /// sequential and the parallel checks, which should both be the first invalid one, `first-bad.json`.
    public static func firstErrorFiles(_ inputs: [BudgetInput]) throws -> (sequential: String?, parallel: String?) {
        var inputs = inputs
        let (firstIndex, secondIndex) = (inputs.count - 30, inputs.count - 10)
        guard firstIndex >= 0 else { return (nil, nil) }
        for (index, source, file) in [(firstIndex, "nothere", "first-bad.json"), (secondIndex, "nowhere", "second-bad.json")] {
            guard var budget = inputs[index].budget, !budget.resources.isEmpty else { return (nil, nil) }
            budget.resources[0].source = RevenueSourceID(rawValue: source)
            inputs[index] = BudgetInput(budget, file: file)
        }
        let engine = Engine(ruleSet: .all, catalog: .builtIn)
        func failingFile(parallel: Bool) -> String? {
            do {
                _ = try engine.check(inputs, parallel: parallel)
                return nil
            } catch {
                return error.file
            }
        }
        return (failingFile(parallel: false), failingFile(parallel: true))
    }

    /// `callers` tasks checking `inputs` with one shared engine at once (half of them in parallel): what each
    /// printed, to compare with the sequential report's ``rendered(_:)``.
    public static func concurrentCallers(_ inputs: [BudgetInput], callers: Int = 4) async throws -> [String] {
        let engine = Engine(ruleSet: .all, catalog: .builtIn)
        return try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<callers {
                group.addTask { rendered(try engine.check(inputs, parallel: index.isMultiple(of: 2))) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    /// Every scenario on the examples of `examples`: the differences found, in sentences (empty when none).
    public static func run(examples: URL) async throws -> [String] {
        let inputs = try portfolio(examples: examples)
        var differences: [String] = []
        for preset in presets { differences += try parallelDifferences(inputs, preset: preset) }
        let errors = try firstErrorFiles(inputs)
        if errors.sequential != "first-bad.json" || errors.parallel != errors.sequential {
            differences.append(
                "the first invalid input: sequential \(errors.sequential ?? "none"), parallel \(errors.parallel ?? "none")")
        }
        let expected = rendered(try Engine(ruleSet: .all, catalog: .builtIn).check(inputs))
        let outputs = try await concurrentCallers(inputs)
        if outputs.count != 4 || outputs.contains(where: { $0 != expected }) {
            differences.append("tasks sharing one engine did not all print the sequential report")
        }
        return differences
    }
}
