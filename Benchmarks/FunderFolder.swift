import ClusterKit
import Foundation


/// A funder's folder on disk: budget files of several clusters over several years, checked the way `clusterkit check
/// FOLDER` checks them (every file read and decoded, the budgets checked, then grouped by cluster with a history
/// built for each cluster's years) — against the sum of single checks (each file read, decoded and checked alone,
/// its report dropped before the next).
enum FunderFolder {
    /// Writes `files` budgets to `folder`: `files / years` clusters (at least one), each with `years` consecutive
    /// years ending in 2013, each year a variant of `typical` (private resources 97% to 103% of its own).
    static func write(files: Int, years: Int, typical: Budget, catalog: Catalog, to folder: URL) throws {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        for index in 0..<files {
            let cluster = index / years, offset = index % years
            var budget = Workloads.variant(of: typical, index: index, year: 2013 - years + 1 + offset, catalog: catalog)
            budget.cluster.name = "\(typical.cluster.name) \(cluster)"
            budget.cluster.founded = 2013 - years - 5
            let name = String(format: "cluster-%05d-%04d.json", cluster, budget.year)
            try encoder.encode(budget).write(to: folder.appendingPathComponent(name))
        }
    }

    /// Reads every file of the folder, checks them on one core and groups them by cluster: what the report holds.
    static func grouped(_ folder: String, engine: Engine) -> Int {
        let read = BudgetFile.readEach([folder], catalog: engine.catalog)
        guard read.failures.isEmpty, let report = try? engine.check(read.inputs, parallel: false),
            let portfolio = try? ClusterPortfolio(grouping: report, engine: { _ in engine })
        else { return -1 }
        return portfolio.clusters.count + portfolio.report.budgets.count
    }

    /// The same folder judged a cluster at a time, as `clusterkit check FOLDER --format csv` does (`PortfolioStream`):
    /// each file read for its cluster, then each cluster's files read, checked and grouped, only its outline kept,
    /// and the clusters table written.
    static func streamed(_ folder: String, engine: Engine) -> Int {
        var stream = PortfolioStream(files: BudgetFile.files(inFolder: folder)) { file throws(InputError) in
            try BudgetFile.read(contentsOf: file, catalog: engine.catalog)
        }
        guard stream.failures.isEmpty else { return -1 }
        do {
            try stream.judge(
                suppressions: [], mixedRuleSet: engine.ruleSet.name, judge: { inputs throws(InputError) in try engine.check(inputs) },
                engine: { _ in engine })
        } catch {
            return -1
        }
        return stream.outlines.count + stream.table(CSVReportRenderer()).utf8.count / 1_000_000 + stream.fileCount
    }

    /// Reads, decodes and checks each file of the folder alone, dropping its report before the next.
    static func singles(_ folder: String, engine: Engine) -> Int {
        var count = 0
        for file in BudgetFile.files(inFolder: folder) {
            let read = BudgetFile.readEach([file], catalog: engine.catalog)
            guard read.failures.isEmpty, let report = try? engine.check(read.inputs, parallel: false) else { return -1 }
            count += report.budgets.count
        }
        return count
    }

    /// The peak resident set of a child process running this benchmark with `arguments`, in KiB, or nil when it
    /// could not be run or failed: the `VmHWM` it prints of itself (`--folder-run`). Not its `ru_maxrss`: Linux carries
    /// the parent's peak into a child spawned with a shared address space (`posix_spawn`) at its `exec`.
    static func peakMemory(_ arguments: [String]) -> Int? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0])
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").last.flatMap { Int($0) }
    }

    /// This process's peak resident set (`VmHWM` of `/proc/self/status`), in KiB; nil where there is none.
    static func ownPeakMemory() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        return status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
            .flatMap { Int($0.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") }
    }
}
