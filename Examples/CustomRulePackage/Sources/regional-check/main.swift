import ClusterKitCore
import ClusterKitReports
import ClusterRules
import Foundation
import RegionalFunder

// regional-check FILE … — checks budgets with the preset of each cluster's kind plus the Example Region's rule, the
// catalogue knowing the purchasing rebate and the working-conditions fund. Exit status as clusterkit check's.

let paths = Array(CommandLine.arguments.dropFirst())
guard !paths.isEmpty else {
    FileHandle.standardError.write(Data("usage: regional-check FILE …\n".utf8))
    exit(2)
}
do {
    var budgets: [BudgetReport] = []
    for path in paths {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, path: "", reason: "cannot read the file")
        }
        let budget = try BudgetDecoder(catalog: RegionalFunder.catalog).decode(data, file: path)
        let engine = Engine(ruleSet: try RegionalFunder.ruleSet(Preset(for: budget.cluster.kind)), catalog: RegionalFunder.catalog)
        budgets.append(engine.check(budget, file: path))
    }
    let report = Report(ruleSet: "by-kind+example-region", budgets: budgets)
    print(TextReportRenderer(options: RenderingOptions(showExplanations: true)).render(report), terminator: "")
    exit(report.hasDiagnostics(atLeast: .error) ? 1 : 0)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}
