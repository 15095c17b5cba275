import ClusterKit
import Foundation

/// `clusterkit convert FILE`: reads a budget — a spreadsheet's CSV export, or JSON — checks it, and prints it as a
/// `clusterkit.budget/1` JSON document, amounts exact (a `clusterkit.history/1` document stays a history).
enum ConvertCommand {
    static let sheet = Option<String>.sheet

    static let command = Command(
        "convert", arguments: "FILE", abstract: "Print a budget (.xlsx, .ods, CSV or JSON) as clusterkit.budget/1 JSON",
        usage: "clusterkit convert FILE [--sheet NAME]",
        summary: "Print a budget (a spreadsheet: .xlsx, .ods or CSV; or JSON) as clusterkit.budget/1 JSON.",
        details: "The file is read by what it holds, whatever its name. The spreadsheet layouts, and the Cerfa 12156 and 15059 budget tables, are described in Documentation/CSVFormat.md. The budget is checked as 'check' checks it; what the reader inferred (a line's source from its label's words, the year from a title) is written into the JSON, to be corrected and kept.",
        options: [sheet], run: { run($0) })

    static func run(_ invocation: Invocation) -> ToolOutput {
        guard invocation.positionals.count == 1, let path = invocation.positionals.first else {
            return invocation.usageError("give one budget file")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return ToolOutput(status: 2, stderr: "\(path): a folder; convert reads one file\n")
        }
        do {
            let input = try BudgetFile.read(contentsOf: path, sheet: invocation[Self.sheet])
            // A history (clusterkit.history/1) is printed as a history, not as the budget standing in for it.
            if let history = input.history { return ToolOutput(status: 0, stdout: try json(history)) }
            guard let budget = input.budget else { return ToolOutput(status: 2, stderr: "\(path): no budget in the file\n") }
            return ToolOutput(status: 0, stdout: try json(budget))
        } catch {
            return ToolOutput(status: 2, stderr: "\(error)\n")
        }
    }

    /// A budget or a history as pretty-printed JSON, keys sorted so that the same input always gives the same bytes.
    static func json(_ budget: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(budget)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
