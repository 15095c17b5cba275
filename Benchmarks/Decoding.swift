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
