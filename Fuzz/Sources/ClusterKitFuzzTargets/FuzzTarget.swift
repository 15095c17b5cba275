import ClusterKit
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
    /// standard catalogue (`Catalog.builtIn`, as the tool); what it accepts must encode to a document it accepts
    /// again, with the same lines.
    case budgetDecoder = "budget-decoder"
    /// The whole check of one JSON budget or history: decode, evaluate its preset and every built-in rule
    /// (sequentially and in parallel), render text, JSON, SARIF and Markdown in English and French.
    case check
    /// `CSVBudgetReader`: a spreadsheet's plan of financing; what it accepts must convert to a JSON budget the
    /// decoder accepts with the same lines (what `clusterkit convert` does), and go through the whole check.
    case csvImporter = "csv-importer"
    /// `SpreadsheetBudgetReader`: a workbook (`.xlsx`, `.ods`). An input that starts as a zip archive (or an OLE
    /// file) is the workbook's bytes; any other is its parts unpacked, each after a line `--- path` (so that the
    /// fuzzer mutates the XML itself, which a zip's CRC-32 would otherwise refuse). What it accepts goes on as the
    /// CSV importer's does: to JSON and back with the same lines, then the check (evaluated, not rendered).
    case spreadsheetReader = "spreadsheet-reader"
    /// `Configuration(data:)`: a `clusterkit.config/1` document; what it accepts is applied to every preset, and
    /// the configured engine checks the Mecabourg 2013 budget with its suppressions.
    case configuration

    /// Runs the target on one input.
    public func run(_ data: Data) -> FuzzOutcome {
        switch self {
        case .budgetDecoder: BudgetDecoderTarget.run(data)
        case .check: CheckTarget.run(data)
        case .csvImporter: CSVImporterTarget.run(data)
        case .spreadsheetReader: SpreadsheetReaderTarget.run(data)
        case .configuration: ConfigurationTarget.run(data)
        }
    }

    /// The extensions of the files in `Examples/` that seed this target (`Scripts/fuzz.sh`, the tests).
    public var seedExtensions: [String] {
        switch self {
        case .budgetDecoder, .check: ["json"]
        case .csvImporter: ["csv"]
        case .spreadsheetReader: ["xlsx", "ods"]
        case .configuration: []
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

/// Checks what every input error must be: attributed to the input, with a reason.
func rejected(_ error: InputError) -> FuzzOutcome {
    invariant(error.file == fuzzFileName, "an input error names another file: \(error)")
    invariant(!error.reason.isEmpty, "an input error has no reason: \(error)")
    return .rejected(error)
}

/// Every full budget of a document.
func budgets(of document: BudgetDocument) -> [Budget] {
    switch document {
    case .budget(let budget): [budget.budget]
    case .history(let history): history.years.compactMap(\.budget)
    }
}

enum BudgetDecoderTarget {
    static func run(_ data: Data) -> FuzzOutcome {
        let document: BudgetDocument
        do {
            document = try BudgetDocument(decoding: data, file: fuzzFileName, catalog: .builtIn)
        } catch {
            return rejected(error)
        }
        // What the decoder accepted, the encoder writes, and the decoder accepts again with the same lines.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let written: Data
        do {
            switch document {
            case .budget(let budget): written = try encoder.encode(budget.budget)
            case .history(let history): written = try encoder.encode(history.history)
            }
        } catch {
            preconditionFailure("fuzz invariant broken: an accepted document does not encode: \(error)")
        }
        do {
            let again = try BudgetDocument(decoding: written, file: fuzzFileName, catalog: .builtIn)
            invariant(
                budgets(of: again).map(\.resources) == budgets(of: document).map(\.resources)
                    && budgets(of: again).map(\.expenses) == budgets(of: document).map(\.expenses),
                "lines change through encoding")
        } catch {
            preconditionFailure("fuzz invariant broken: an accepted document encodes to a rejected one: \(error)")
        }
        return .accepted
    }
}

enum CheckTarget {
    static func run(_ data: Data) -> FuzzOutcome {
        let input: BudgetInput
        do {
            input = try BudgetInput(decoding: data, file: fuzzFileName, catalog: .builtIn)
        } catch {
            return rejected(error)
        }
        check(input, engines: [Preset(for: input.cluster.kind).ruleSet, .all].map {
            Engine(ruleSet: $0, catalog: .builtIn)
        })
        return .accepted
    }

    /// Evaluates a valid input with each engine every way the tool can, and checks that the answers agree.
    static func check(_ input: BudgetInput, engines: [Engine]) {
        for engine in engines {
            let sequential: Report, parallel: Report
            do {
                sequential = try engine.check([input, input])
                parallel = try engine.check([input, input], parallel: true)
            } catch {
                preconditionFailure("fuzz invariant broken: a decoded input fails the engine: \(error)")
            }
            for language in Language.allCases {
                let renderers: [any ReportRenderer] = [
                    JSONReportRenderer(options: RenderingOptions(language: language, showSuppressed: true)),
                    TextReportRenderer(options: RenderingOptions(language: language, showExplanations: true, showSuppressed: true, useColor: true)),
                    SARIFReportRenderer(rules: BuiltInRules.all.map(\.ruleDescription), tool: .clusterKit(version: "fuzz", rulesReference: "Documentation/Rules.md"), options: RenderingOptions(language: language)),
                    MarkdownReportRenderer(options: RenderingOptions(language: language, showExplanations: true, catalog: .builtIn)),
                ]
                for renderer in renderers {
                    let output = renderer.render(sequential)
                    invariant(output == renderer.render(parallel), "\(type(of: renderer)): the parallel report differs")
                    invariant(output == renderer.render(sequential), "\(type(of: renderer)): two renderings differ")
                }
                let json = JSONReportRenderer(options: RenderingOptions(language: language)).render(sequential)
                invariant((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "the JSON report is not JSON")
            }
        }
    }
}

enum CSVImporterTarget {
    static func run(_ data: Data) -> FuzzOutcome {
        let budget: CheckedBudget
        do {
            budget = try CSVBudgetReader(catalog: .builtIn).decode(data, file: fuzzFileName)
        } catch {
            return rejected(error)
        }
        return converted(budget)
    }

    /// What an accepted table must do next: convert to JSON and back with the same lines, and go through the check —
    /// rendered every way (`renderings`), or only evaluated, where the target's work is the reading.
    static func converted(_ budget: CheckedBudget, renderings: Bool = true) -> FuzzOutcome {
        // `clusterkit convert`: the JSON budget of an accepted table is accepted, with the same lines.
        do {
            let written = try JSONEncoder().encode(budget.budget)
            let again = try BudgetDecoder(catalog: .builtIn).decode(written, file: fuzzFileName)
            invariant(again.resources == budget.resources && again.expenses == budget.expenses, "lines change through JSON")
        } catch {
            preconditionFailure("fuzz invariant broken: an accepted table converts to a rejected budget: \(error)")
        }
        let engine = Engine(ruleSet: Preset(for: budget.cluster.kind).ruleSet, catalog: .builtIn)
        guard renderings else {
            do { _ = try engine.check([BudgetInput(budget, file: fuzzFileName)]) } catch {
                preconditionFailure("fuzz invariant broken: an accepted table fails the engine: \(error)")
            }
            return .accepted
        }
        CheckTarget.check(BudgetInput(budget, file: fuzzFileName), engines: [engine])
        return .accepted
    }
}

enum SpreadsheetReaderTarget {
    static func run(_ data: Data) -> FuzzOutcome {
        let budget: CheckedBudget
        do {
            let reader = SpreadsheetBudgetReader(catalog: .builtIn)
            if data.starts(with: [0x50, 0x4B]) || data.starts(with: [0xD0, 0xCF]) {
                budget = try reader.decode(data, file: fuzzFileName)
            } else {
                budget = try reader.decode(parts: parts(data), file: fuzzFileName)
            }
        } catch {
            return rejected(error)
        }
        // The check's renderers are fuzzed by `check` and `csv-importer`: here the budget is only evaluated, so that
        // the time goes to the reader.
        return CSVImporterTarget.converted(budget, renderings: false)
    }

    /// The parts of an unpacked workbook: each is the bytes after a line `--- path`, up to the next such line.
    static func parts(_ data: Data) -> [String: Data] {
        let bytes = [UInt8](data)
        let marker = Array("--- ".utf8)
        var starts: [Int] = []
        var index = 0
        while index + marker.count <= bytes.count {
            if index == 0 || bytes[index - 1] == 0x0A, bytes[index..<(index + marker.count)].elementsEqual(marker) {
                starts.append(index)
            }
            index += 1
        }
        var parts: [String: Data] = [:]
        for (number, start) in starts.enumerated() {
            let end = number + 1 < starts.count ? starts[number + 1] - 1 : bytes.count
            let nameStart = start + marker.count
            let nameEnd = bytes[nameStart..<max(nameStart, end)].firstIndex(of: 0x0A) ?? max(nameStart, end)
            let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
            let contentStart = min(nameEnd + 1, max(nameStart, end))
            parts[name] = Data(bytes[contentStart..<max(contentStart, end)])
        }
        return parts
    }
}

enum ConfigurationTarget {
    /// The budget a configuration is tried on: the memento's Mecabourg 2013 case study.
    static let mecabourg: BudgetInput? = try? BudgetInput(
        decoding: Data(
            #"""
            {"cluster": {"name": "Mecabourg", "kind": "grappe", "founded": 2002, "members": 60, "staff": 2,
              "valuedTimeAllowed": false, "targets": {"privateShare": 0.5}, "declared": {"selfFinancing": 0.45}},
             "year": 2013,
             "resources": [
              {"id": "region", "source": "region", "amount": 50000},
              {"id": "intercommunalities", "source": "intercommunality", "amount": 50000},
              {"id": "cg01", "label": "Conseil Général de l'Ain", "source": "department", "amount": 60000},
              {"id": "fees", "source": "membershipFees", "amount": 95000},
              {"id": "participations", "source": "actionParticipation", "amount": 35000}],
             "expenses": [
              {"id": "animation", "amount": 135000, "nature": "operating"}, {"id": "hr", "amount": 35000},
              {"id": "development", "amount": 80000}, {"id": "innovation", "amount": 30000},
              {"id": "network", "amount": 10000}]}
            """#.utf8),
        file: "mecabourg-2013.json", catalog: .builtIn)

    static func run(_ data: Data) -> FuzzOutcome {
        let configuration: Configuration
        do {
            configuration = try Configuration(data: data, file: fuzzFileName)
        } catch {
            return rejected(error)
        }
        var engines: [Engine] = []
        for preset in Preset.allCases {
            do {
                let ruleSet = try configuration.apply(to: preset.ruleSet, available: BuiltInRules.all)
                engines.append(Engine(ruleSet: ruleSet, catalog: .builtIn, suppressions: configuration.suppressions))
            } catch {
                // A setting the rules refuse (an unknown rule, a mistyped parameter): refused for every preset.
                _ = rejected(error)
                invariant(engines.isEmpty, "a configuration refused by one preset and not another: \(error)")
                return .rejected(error)
            }
        }
        guard let mecabourg = Self.mecabourg else { preconditionFailure("the Mecabourg example does not decode") }
        CheckTarget.check(mecabourg, engines: engines)
        return .accepted
    }
}
