import ClusterKit
import Foundation

/// `clusterkit convert FILE`: reads a budget — a spreadsheet's CSV export, or JSON — checks it, and prints it as a
/// `clusterkit.budget/1` JSON document, amounts exact (a `clusterkit.history/1` document stays a history).
enum ConvertCommand {
    static let options = [BudgetFiles.sheetOption, OptionSpec(name: "help", help: "Show this help")]

    static let help = helpText(
        usage: "clusterkit convert FILE [--sheet NAME]",
        summary: "Print a budget (a spreadsheet: .xlsx, .ods or CSV; or JSON) as clusterkit.budget/1 JSON.",
        options: options,
        details: "The spreadsheet layout, and the Cerfa 12156 and 15059 budget tables, are described in Documentation/CSVFormat.md. The budget is checked as 'check' checks it.")

    static func run(_ arguments: [String]) -> ToolOutput {
        let parsed: ParsedArguments
        do {
            parsed = try ParsedArguments(arguments, options: options)
        } catch {
            return ToolOutput(status: 2, stderr: "clusterkit convert: \(error)\nRun 'clusterkit convert --help' for usage.\n")
        }
        if parsed.has("help") { return ToolOutput(status: 0, stdout: help) }
        guard parsed.positionals.count == 1, let path = parsed.positionals.first else {
            return ToolOutput(status: 2, stderr: "clusterkit convert: give one budget file\nRun 'clusterkit convert --help' for usage.\n")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return ToolOutput(status: 2, stderr: "\(path): a folder; convert reads one file\n")
        }
        do {
            let inputs = try BudgetFiles.load([path], decoder: BudgetDecoder(), sheet: parsed.value("sheet"))
            guard let input = inputs.first else { return ToolOutput(status: 2, stderr: "\(path): no budget in the file\n") }
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
