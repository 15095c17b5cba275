import ClusterKit
import Foundation

/// Table 3: the JSON and CSV readers (read, validate against the catalogue) on the typical budget and on a budget of
/// 1,000 lines, against Foundation's `JSONSerialization` parsing the same JSON, measured in the same run.
func decodingTable(_ harness: Harness, typical: Budget, json typicalJSON: Data, csv typicalCSV: Data, catalog: Catalog) -> Table {
    var table = Table(
        title: "3. Decoding (read, validate against the catalogue) against Foundation's JSONSerialization on the same JSON",
        header: ["document", "bytes", "median", "spread", "budgets/s", "MB/s", "vs JSONSerialization"])
    let large = Workloads.scaled(typical.cluster, lines: harness.quick ? 100 : 1_000)
    let largeJSON: Data
    do {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        largeJSON = try encoder.encode(large)
    } catch {
        fail("cannot encode the large budget: \(error)")
    }
    let largeCSV = Data(Workloads.csv(large).utf8)
    let typicalLines = typical.resources.count + typical.expenses.count
    for (name, json, csv) in [
        ("typical (\(typicalLines) lines)", typicalJSON, typicalCSV),
        ("\(large.resources.count + large.expenses.count) lines", largeJSON, largeCSV),
    ] {
        guard (try? BudgetDecoder(catalog: catalog).decode(json)) != nil else { fail("the \(name) JSON does not decode") }
        do { _ = try CSVBudgetReader(catalog: catalog).decode(csv) } catch { fail("the \(name) CSV does not decode: \(error)") }
        let foundation = harness.measure { try? JSONSerialization.jsonObject(with: json) }
        let rows: [(String, Data, Timing)] = [
            ("JSON, BudgetDecoder", json, harness.measure { try? BudgetDecoder(catalog: catalog).decode(json) }),
            ("CSV, CSVBudgetReader", csv, harness.measure { try? CSVBudgetReader(catalog: catalog).decode(csv) }),
            ("JSON, JSONSerialization (parse only)", json, foundation),
        ]
        for (reader, data, timing) in rows {
            table.add([
                "\(name): \(reader)", String(data.count), formatTime(timing.median), formatSpread(timing),
                formatRate(timing.median), String(format: "%.1f", Double(data.count) / timing.median * 1e3),
                formatRatio(timing.median / foundation.median),
            ])
        }
    }
    return table
}

/// One file of the end-to-end table: its name, where it was written, and how it is decoded.
struct EndToEndFile {
    var name: String
    var url: URL
    var decode: (Data) throws -> CheckedBudget
}

/// The stages from a file on disk to a JSON report, each measured alone, and the whole path measured in one go.
struct EndToEndTiming {
    var read: Timing, decode: Timing, check: Timing, render: Timing, whole: Timing
    /// The stages' medians added up: what the shares are of.
    var stages: Double { read.median + decode.median + check.median + render.median }
}

/// Measures a file's path to a report: read the bytes, decode them (parse, validate against the catalogue, sum), check
/// with `engine`, render the report as JSON; then the four in one go.
func measureEndToEnd(_ harness: Harness, _ file: EndToEndFile, engine: Engine) -> EndToEndTiming {
    guard let data = try? Data(contentsOf: file.url), let checked = try? file.decode(data),
        let report = try? engine.check([BudgetInput(checked, file: file.name)])
    else { fail("\(file.name) does not go from its file to a report") }
    let renderer = JSONReportRenderer()
    let read = harness.measure { try? Data(contentsOf: file.url) }
    let decode = harness.measure { try? file.decode(data) }
    let check = harness.measure { try? engine.check([BudgetInput(checked, file: file.name)]) }
    let render = harness.measure { renderer.render(report) }
    let whole = harness.measure { () -> Int in
        guard let bytes = try? Data(contentsOf: file.url), let budget = try? file.decode(bytes),
            let report = try? engine.check([BudgetInput(budget, file: file.name)])
        else { return 0 }
        return renderer.render(report).utf8.count
    }
    return EndToEndTiming(read: read, decode: decode, check: check, render: render, whole: whole)
}

/// The files of the end-to-end table, written to `folder`: the typical budget as JSON and as CSV, and a budget of
/// 1,000 lines (100 with `--quick`) as both.
func endToEndFiles(typical: Budget, json: Data, csv: Data, catalog: Catalog, in folder: URL) -> [EndToEndFile] {
    let large = Workloads.scaled(typical.cluster, lines: quick ? 100 : 1_000)
    let lines = large.resources.count + large.expenses.count
    let jsonDecoder = BudgetDecoder(catalog: catalog), csvReader = CSVBudgetReader(catalog: catalog)
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        let files: [(String, Data, Bool)] = [
            ("typical.json", json, true), ("typical.csv", csv, false),
            ("large.json", try encoder.encode(large), true), ("large.csv", Data(Workloads.csv(large).utf8), false),
        ]
        return try files.map { name, data, isJSON in
            let url = folder.appendingPathComponent(name)
            try data.write(to: url)
            let label = name.hasPrefix("typical")
                ? "typical (\(typical.resources.count + typical.expenses.count) lines), \(isJSON ? "JSON" : "CSV")"
                : "\(lines) lines, \(isJSON ? "JSON" : "CSV")"
            return EndToEndFile(
                name: label, url: url,
                decode: isJSON ? { try jsonDecoder.decode($0, file: name) } : { try csvReader.decode($0, file: name) })
        }
    } catch {
        fail("cannot write the end-to-end files: \(error)")
    }
}

/// Table 3b: from a file on disk to a JSON report, stage by stage, with each stage's share of the whole.
func endToEndTable(_ harness: Harness, typical: Budget, json: Data, csv: Data, catalog: Catalog, engine: Engine) -> Table {
    var table = Table(
        title: "3b. File to report: read the file, decode (parse, validate, sum), check (recommended), render the report "
            + "as JSON; each stage's share of the four",
        header: ["file", "file to report", "read", "decode", "check", "render JSON", "whole / check"])
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "clusterkit-bench-files-\(ProcessInfo.processInfo.processIdentifier)")
    defer { try? FileManager.default.removeItem(at: folder) }
    for file in endToEndFiles(typical: typical, json: json, csv: csv, catalog: catalog, in: folder) {
        let timing = measureEndToEnd(harness, file, engine: engine)
        func share(_ stage: Timing) -> String {
            "\(formatTime(stage.median)) (\(String(format: "%.0f", stage.median / timing.stages * 100))%)"
        }
        table.add([
            file.name, formatTime(timing.whole.median), share(timing.read), share(timing.decode), share(timing.check),
            share(timing.render), formatRatio(timing.whole.median / timing.check.median),
        ])
    }
    return table
}
