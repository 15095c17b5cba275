import ClusterKitCore
import ClusterRules
import Foundation

/// The fuzz targets of ClusterKit: functions that take any bytes and must return, never trap.
///
/// `clusterkit-fuzz` drives them with libFuzzer (built with `-sanitize=fuzzer,address`, see `Scripts/fuzz.sh`), and
/// the regression tests run every saved crashing input (`Fuzz/regressions/<target>/`) through them in `swift test`.
///
/// An input a target cannot read is ``FuzzOutcome/rejected(_:)`` with its ``InputError``: that is the expected way
/// to fail. Beyond "no crash", each target checks invariants of what it accepted (the same input gives the same
/// bytes twice, parallel and sequential evaluation agree, the tool's own output reads back) and traps on purpose
/// with `preconditionFailure` when one breaks, so that libFuzzer saves the input as a finding.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// `BudgetDocument(decoding:)`: a `clusterkit.budget/1` or `clusterkit.history/1` document, checked against the
    /// standard catalogue (`Catalog.standard`, as the tool); what it accepts must encode to a document it accepts
    /// again, with the same lines.
    case budgetDecoder = "budget-decoder"
    /// The whole check of one JSON budget or history: decode, evaluate its preset and every built-in rule
    /// (sequentially and in parallel), render text and JSON in English and French.
    case check

    /// Runs the target on one input.
    public func run(_ data: Data) -> FuzzOutcome {
        switch self {
        case .budgetDecoder: BudgetDecoderTarget.run(data)
        case .check: CheckTarget.run(data)
        }
    }

    /// The name of the file a seed or regression input of this target has: where `Scripts/fuzz.sh` looks for seeds
    /// in `Examples/` (`json`, `csv`).
    public var seedExtensions: [String] {
        switch self {
        case .budgetDecoder, .check: ["json"]
        }
    }
}

/// What a fuzz target made of an input it did not trap on.
public enum FuzzOutcome: Hashable, Sendable {
    /// The input was read and every invariant held.
    case accepted
    /// The input was refused with an input error (file, field path, reason).
    case rejected(InputError)
}

/// Traps with a message naming the broken invariant: libFuzzer then saves the input.
func invariant(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { preconditionFailure("fuzz invariant broken: \(message())") }
}

/// The file name fuzz targets give their input, so that errors name something.
let fuzzFileName = "fuzz-input"

enum BudgetDecoderTarget {
    static func run(_ data: Data) -> FuzzOutcome {
        let document: BudgetDocument
        do {
            document = try BudgetDocument(decoding: data, file: fuzzFileName, catalog: .standard)
        } catch {
            invariant(error.file == fuzzFileName, "an input error names another file: \(error)")
            invariant(!error.reason.isEmpty, "an input error has no reason")
            return .rejected(error)
        }
        // What the decoder accepted, the encoder writes, and the decoder accepts again (as `clusterkit convert`
        // relies on), with the same lines.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let written: Data
        do {
            switch document {
            case .budget(let budget): written = try encoder.encode(budget)
            case .history(let history): written = try encoder.encode(history)
            }
        } catch {
            preconditionFailure("fuzz invariant broken: an accepted document does not encode: \(error)")
        }
        do {
            let again = try BudgetDocument(decoding: written, file: fuzzFileName, catalog: .standard)
            invariant(
                budgets(of: again).map(\.resources) == budgets(of: document).map(\.resources)
                    && budgets(of: again).map(\.expenses) == budgets(of: document).map(\.expenses),
                "lines change through encoding")
        } catch {
            preconditionFailure("fuzz invariant broken: an accepted document encodes to a rejected one: \(error)")
        }
        return .accepted
    }

    /// Every full budget of a document.
    private static func budgets(of document: BudgetDocument) -> [Budget] {
        switch document {
        case .budget(let budget): [budget]
        case .history(let history): history.years.compactMap(\.budget)
        }
    }
}

enum CheckTarget {
    static func run(_ data: Data) -> FuzzOutcome {
        let input: BudgetInput
        do {
            input = try BudgetInput(decoding: data, file: fuzzFileName, catalog: .standard)
        } catch {
            return .rejected(error)
        }
        check(input)
        return .accepted
    }

    /// Evaluates a valid input every way the tool does and checks that the answers agree.
    static func check(_ input: BudgetInput) {
        for ruleSet in [Preset(for: input.budget.cluster.kind).ruleSet, RuleSet.all] {
            let engine = Engine(ruleSet: ruleSet, catalog: .standard)
            let sequential: Report, parallel: Report
            do {
                sequential = try engine.check([input, input])
                parallel = try engine.check([input, input], parallel: true)
            } catch {
                preconditionFailure("fuzz invariant broken: a decoded budget fails the engine: \(error)")
            }
            var outputs: [String] = []
            for language in Language.allCases {
                let json = JSONReportRenderer(language: language).render(sequential)
                invariant(json == JSONReportRenderer(language: language).render(parallel), "parallel report differs")
                invariant(
                    (try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "the JSON report is not JSON")
                let text = TextReportRenderer(language: language, useColor: true, showExplanations: true)
                invariant(text.render(sequential) == text.render(parallel), "parallel text report differs")
                outputs.append(json)
            }
            invariant(
                outputs == Language.allCases.map { JSONReportRenderer(language: $0).render(sequential) },
                "the same report renders to different bytes")
        }
    }
}
