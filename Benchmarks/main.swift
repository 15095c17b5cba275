// clusterkit-bench: what the engine costs, against a hand-written baseline, and how the cost grows.
//
//     swift run -c release clusterkit-bench            the measurements of Documentation/Performance.md
//     swift run -c release clusterkit-bench --quick    tiny sizes, one repetition: checks that it runs (CI)
import ClusterKit
import Dispatch
import Foundation
import Synchronization

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
    say(
        """
        USAGE: clusterkit-bench [--quick] [--headline] [--decoding] [--planning] [--funder] [--profile WORKLOAD [RUNS]]

        Measures the engine against a hand-written baseline on a typical budget, its scaling with the lines of a
        budget, the rules of a set, the years of a history and the budgets of a portfolio (on one core and on all),
        and the decoding of JSON and CSV budgets. Prints tables, then one line with the headline ratio.

          --quick            tiny sizes and one repetition: checks that every measurement runs, not its timings
          --headline         the recommended rule set against the baseline only (table 1 and the headline line)
          --decoding         the decoders against JSONSerialization, and a file's path to a report, only (tables 3, 3b)
          --planning         the planner against one check only (table 4)
          --funder           a funder's folder on disk only (table 2e): files of several clusters over 10 years,
                             read, checked and grouped, against the sum of single checks; time and peak memory
          --profile WORKLOAD [RUNS]
                             runs one workload 20,000 times (a portfolio of 2,000 or a large budget: 10 times), or RUNS times, and
                             nothing else, for a profiler (valgrind --tool=callgrind, perf): check, baseline,
                             metrics, json, csv, json-N and csv-N, check-csv-N (the check of a CSV of N lines, read once), render (the typical report as JSON) (a file of N lines), lines-N and
                             baseline-lines-N (a budget of N lines), portfolio
                             (all cores), portfolio-1 (one core);
                             portfolio-shared-strided and portfolio-isolated (each core checks every other budget of
                             2,000 and drops its reports, with the engine shared or one engine per core: what shared
                             objects cost); keep and keep-1 (the portfolio on all cores or one, timing the check and
                             the freeing of its report apart)
        """)
    exit(0)
}
let profiled = arguments.firstIndex(of: "--profile").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
let profiledRuns = arguments.firstIndex(of: "--profile").flatMap { arguments.indices.contains($0 + 2) ? Int(arguments[$0 + 2]) : nil }
/// `--folder-run MODE FOLDER`: the child process whose peak memory table 2e reads (MODE: grouped, singles, streamed or
/// idle).
let folderRun = arguments.firstIndex(of: "--folder-run").flatMap {
    arguments.indices.contains($0 + 2) ? (mode: arguments[$0 + 1], folder: arguments[$0 + 2]) : nil
}
let unknown = arguments.filter {
    $0 != "--quick" && $0 != "--headline" && $0 != "--planning" && $0 != "--decoding" && $0 != "--funder" && $0 != "--profile" && $0 != profiled
        && Int($0) == nil && $0 != "--folder-run" && $0 != folderRun?.mode && $0 != folderRun?.folder
}
guard unknown.isEmpty else {
    FileHandle.standardError.write(Data("clusterkit-bench: unknown argument '\(unknown[0])' (see --help)\n".utf8))
    exit(64)
}
/// Prints, and flushes at once: the tables come as they are measured, also when the output goes to a file.
func say(_ text: String) {
    print(text)
    fflush(nil)
}

let harness = Harness(quick: arguments.contains("--quick"))
let quick = harness.quick

/// Stops the benchmark with a message (a workload that does not check is a bug of the benchmark).
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("clusterkit-bench: \(message)\n".utf8))
    exit(1)
}

// MARK: The machine

let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?.split(separator: "\n")
    .first { $0.hasPrefix("model name") }.map { $0.split(separator: ":", maxSplits: 1).last ?? "" }
    .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
    .joined(separator: " ") ?? "unknown"
let cores = ProcessInfo.processInfo.activeProcessorCount
say("clusterkit-bench\(quick ? " --quick (sizes and repetitions reduced: timings not meaningful)" : "")")
say("machine: \(cpu), \(cores) cores; load average \(load)")
#if DEBUG
say("warning: a debug build; measure with `swift run -c release clusterkit-bench`")
#endif
say("")

// MARK: The typical budget, and the baseline's agreement with the engine

let catalog = Catalog.builtIn
let typicalJSON: Data, typicalCSV: Data, typical: Budget
do {
    typicalJSON = try Workloads.typicalJSON()
    typicalCSV = try Workloads.typicalCSV()
    typical = try BudgetDecoder(catalog: catalog).decode(typicalJSON, file: "cosmetic-valley-2013.json").budget
} catch {
    fail("cannot read the typical budget (Examples/cosmetic-valley-2013.json): \(error)")
}
let typicalLines = typical.resources.count + typical.expenses.count
let recommended = Engine(ruleSet: .recommended, catalog: catalog)
if let folderRun {
    // The last line of the output is the process's peak memory, which the parent reads.
    let checked = switch folderRun.mode {
    case "grouped": FunderFolder.grouped(folderRun.folder, engine: recommended)
    case "singles": FunderFolder.singles(folderRun.folder, engine: recommended)
    case "streamed": FunderFolder.streamed(folderRun.folder, engine: recommended)
    default: 1  // idle: the process with the typical budget read and nothing checked
    }
    guard checked > 0, let peak = FunderFolder.ownPeakMemory() else { exit(1) }
    say(String(peak))
    exit(0)
}
if arguments.contains("--decoding") {
    say(decodingTable(harness, typical: typical, json: typicalJSON, csv: typicalCSV, catalog: catalog).render())
    say(endToEndTable(harness, typical: typical, json: typicalJSON, csv: typicalCSV, catalog: catalog, engine: recommended).render())
    exit(0)
}
if arguments.contains("--planning") {
    say(planningTable(harness, engine: recommended, typical: typical).render())
    say(yearlyPlanningTable(harness, engine: recommended, typical: typical, catalog: catalog).render())
    exit(0)
}

do {
    let engine = try Finding.sorted(recommended.check(CheckedBudget(typical, catalog: catalog)).diagnostics.map(Finding.init))
    let baseline = try Finding.sorted(Baseline.check(typical, catalog: catalog))
    guard engine == baseline else {
        fail("the baseline and the engine disagree on the typical budget:\n  engine:   \(engine)\n  baseline: \(baseline)")
    }
    say("The baseline finds what the engine finds on the typical budget: \(engine.map(\.rule).joined(separator: ", ")).\n")
} catch {
    fail("the typical budget does not check: \(error)")
}

// MARK: Profiling one workload

/// The portfolio the profiled workloads check: 2,000 distinct variants of the typical budget.
func profiledPortfolio() -> [BudgetInput] {
    (0..<2_000).map { BudgetInput(Workloads.variant(of: typical, index: $0, catalog: catalog)) }
}

// The time of a portfolio's check, and apart from it the time its report takes to free (on the caller's thread).
if let profiled, profiled.hasPrefix("keep") {
    let inputs = profiledPortfolio()
    let clock = ContinuousClock()
    var checking = Duration.zero, freeing = Duration.zero
    for _ in 0..<(profiledRuns ?? 10) {
        let start = clock.now
        var report = try? recommended.check(inputs, parallel: profiled == "keep")
        let checked = clock.now
        blackHole(report?.budgets.count)
        report = nil
        freeing += clock.now - checked
        checking += checked - start
    }
    say("\(profiled): checking \(checking), freeing the reports \(freeing)")
    exit(0)
}
if let profiled {
    let work: () -> Int
    switch profiled {
    case "check": work = { (try? CheckedBudget(typical, catalog: catalog)).map { recommended.check($0) }?.diagnostics.count ?? 0 }
    case "baseline": work = { (try? Baseline.check(typical, catalog: catalog))?.count ?? 0 }
    case "metrics": work = { (try? CheckedBudget(typical, catalog: catalog))?.metrics.resources.count ?? 0 }
    case let name where name.hasPrefix("lines-") || name.hasPrefix("baseline-lines-"):
        guard let size = Int(name.split(separator: "-").last ?? ""), size > 0 else { fail("no size in '\(name)'") }
        let scaled = Workloads.scaled(typical.cluster, lines: size)
        work = name.hasPrefix("baseline")
            ? { (try? Baseline.check(scaled, catalog: catalog))?.count ?? 0 }
            : { (try? CheckedBudget(scaled, catalog: catalog)).map { recommended.check($0) }?.diagnostics.count ?? 0 }
    case "render":
        guard let checked = try? CheckedBudget(typical, catalog: catalog),
            let report = try? recommended.check([BudgetInput(checked, file: "cosmetic-valley-2013.json")])
        else { fail("the typical budget does not check") }
        work = { JSONReportRenderer().render(report).utf8.count }
    case let name where name.hasPrefix("check-csv-"):
        guard let size = Int(name.split(separator: "-").last ?? ""), size > 0 else { fail("no size in '\(name)'") }
        let data = Data(Workloads.csv(Workloads.scaled(typical.cluster, lines: size)).utf8)
        guard let checked = try? CSVBudgetReader(catalog: catalog).decode(data) else { fail("the CSV of \(size) lines does not decode") }
        work = { recommended.check(checked).diagnostics.count }
    case "json": work = { (try? BudgetDecoder(catalog: catalog).decode(typicalJSON))?.resources.count ?? 0 }
    case "csv": work = { (try? CSVBudgetReader(catalog: catalog).decode(typicalCSV))?.resources.count ?? 0 }
    case let name where name.hasPrefix("json-") || name.hasPrefix("csv-"):
        guard let size = Int(name.split(separator: "-").last ?? ""), size > 0 else { fail("no size in '\(name)'") }
        let scaled = Workloads.scaled(typical.cluster, lines: size)
        if name.hasPrefix("csv") {
            let data = Data(Workloads.csv(scaled).utf8)
            work = { (try? CSVBudgetReader(catalog: catalog).decode(data))?.resources.count ?? 0 }
        } else {
            guard let data = try? JSONEncoder().encode(scaled) else { fail("cannot encode a budget of \(size) lines") }
            work = { (try? BudgetDecoder(catalog: catalog).decode(data))?.resources.count ?? 0 }
        }
    case "portfolio", "portfolio-1":
        let inputs = profiledPortfolio()
        let parallel = profiled == "portfolio"
        work = { (try? recommended.check(inputs, parallel: parallel))?.budgets.count ?? 0 }
    // Each core checks every other budget and drops its reports as it goes: one engine for all, or one per core
    // (a rule set of its own, so no rule description is shared between cores).
    case "portfolio-isolated", "portfolio-shared-strided":
        let inputs = profiledPortfolio()
        let isolated = profiled == "portfolio-isolated"
        work = {
            let workers = cores
            let done = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let engine = isolated ? Engine(ruleSet: .recommended, catalog: catalog) : recommended
                var count = 0
                for index in stride(from: worker, to: inputs.count, by: workers) {
                    count += (try? engine.check([inputs[index]]))?.budgets.count ?? 0
                }
                done.wrappingAdd(count, ordering: .relaxed)
            }
            return done.load(ordering: .relaxed)
        }
    default:
        fail(
            "no workload '\(profiled)' to profile: check, baseline, metrics, json, csv, json-N, csv-N, lines-N, "
                + "baseline-lines-N, "
                + "portfolio, portfolio-1, "
                + "portfolio-shared-strided, portfolio-isolated, keep or keep-1")
    }
    let iterations = profiledRuns ?? (profiled.hasPrefix("portfolio") || profiled.contains("-") ? 10 : 20_000)
    let elapsed = ContinuousClock().measure { for _ in 0..<iterations { blackHole(work()) } }
    say("\(profiled): \(iterations) runs in \(elapsed)")
    exit(0)
}

// MARK: 1. recommended against the hand-written baseline

var typicalTable = Table(
    title: "1. The recommended rule set (\(recommended.ruleSet.enabledRuleIDs.count) rules) on the typical budget "
        + "(Cosmetic Valley 2013, \(typicalLines) lines), decoded once",
    header: ["measurement", "median", "spread", "vs baseline"])
let headline = harness.compare(
    { (try? CheckedBudget(typical, catalog: catalog)).map { recommended.check($0) } }, { try? Baseline.check(typical, catalog: catalog) })
let typicalChecked: CheckedBudget
do { typicalChecked = try CheckedBudget(typical, catalog: catalog) } catch { fail("\(error)") }
let metricsTiming = harness.measure { try? CheckedBudget(typical, catalog: catalog) }
let rulesTiming = harness.measure { recommended.check(typicalChecked) }
for (label, timing) in [
    ("check + engine.check (validation, sums, rules, sort)", headline.a), ("  of which CheckedBudget (validation, then sums)", metricsTiming),
    ("  of which engine.check (rules, sort)", rulesTiming), ("hand-written baseline", headline.b),
] {
    typicalTable.add([label, formatTime(timing.median), formatSpread(timing), formatRatio(timing.median / headline.b.median)])
}
typicalTable.add(["engine / baseline, median of paired runs", "", "", formatRatio(headline.ratio)])
say(typicalTable.render())

/// The last line of every run: the criterion the engine is held to, and beside it what a file costs from its bytes
/// on disk to a JSON report (the typical budget's JSON file), against the engine's check of the same budget, paired.
func sayHeadline() {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "clusterkit-bench-headline-\(ProcessInfo.processInfo.processIdentifier)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = endToEndFiles(typical: typical, json: typicalJSON, csv: typicalCSV, catalog: catalog, in: folder)[0]
    let renderer = JSONReportRenderer()
    let endToEnd = harness.compare(
        { () -> Int in
            guard let bytes = try? Data(contentsOf: file.url), let budget = try? file.decode(bytes),
                let report = try? recommended.check([BudgetInput(budget, file: file.name)])
            else { return 0 }
            return renderer.render(report).utf8.count
        },
        { (try? CheckedBudget(typical, catalog: catalog)).map { recommended.check($0) } })
    say(
        "headline: recommended on the typical budget (\(typicalLines) lines) costs \(formatRatio(headline.ratio)) the "
            + "hand-written baseline (engine \(formatTime(headline.a.median)), baseline \(formatTime(headline.b.median))); "
            + "from its JSON file to a JSON report, \(formatRatio(endToEnd.ratio)) the engine's check "
            + "(\(formatTime(endToEnd.a.median)))")
}
if arguments.contains("--headline") {
    sayHeadline()
    exit(0)
}

// MARK: 2e. A funder's folder on disk

/// Table 2e: folders of 50 to 5,000 budget files (clusters of 10 years each), read, decoded, checked and grouped as
/// `clusterkit check FOLDER` does, on one core, against the sum of single checks (each file read, decoded and checked
/// alone, its report dropped before the next) — interleaved; and the peak memory of each, in a process of its own,
/// against a process that checks nothing.
func funderFolderTable() -> Table {
    let sizes = quick ? [20, 40] : [50, 500, 5_000]
    let years = 10
    var table = Table(
        title: "2e. A funder's folder on disk: files of \(years)-year clusters read, decoded, checked and grouped by cluster "
            + "(one core), against the sum of single checks of the same files; peak memory of each in a process of its own; "
            + "streamed: judged a cluster at a time, as `clusterkit check FOLDER --format csv` does",
        header: ["files", "grouped", "per budget", "single checks", "per budget", "time ratio", "peak grouped",
                 "peak singles", "idle", "grouped per budget", "memory ratio", "streamed", "time ratio", "peak streamed",
                 "memory ratio"])
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("clusterkit-bench-folder-\(ProcessInfo.processInfo.processIdentifier)")
    defer { try? FileManager.default.removeItem(at: root) }
    let idle = FunderFolder.peakMemory(["--folder-run", "idle", root.path])
    for size in sizes {
        let folder = root.appendingPathComponent("\(size)")
        do { try FunderFolder.write(files: size, years: years, typical: typical, catalog: catalog, to: folder) } catch {
            fail("cannot write the folder of \(size) files: \(error)")
        }
        guard FunderFolder.grouped(folder.path, engine: recommended) > size,
            FunderFolder.singles(folder.path, engine: recommended) == size,
            FunderFolder.streamed(folder.path, engine: recommended) > size
        else { fail("the folder of \(size) files does not check") }
        let pair = harness.compare(
            { FunderFolder.grouped(folder.path, engine: recommended) }, { FunderFolder.singles(folder.path, engine: recommended) })
        let streamedPair = harness.compare(
            { FunderFolder.streamed(folder.path, engine: recommended) }, { FunderFolder.singles(folder.path, engine: recommended) })
        let grouped = FunderFolder.peakMemory(["--folder-run", "grouped", folder.path])
        let singles = FunderFolder.peakMemory(["--folder-run", "singles", folder.path])
        let streamed = FunderFolder.peakMemory(["--folder-run", "streamed", folder.path])
        func mebibytes(_ kibibytes: Int?) -> String { kibibytes.map { String(format: "%.1f MiB", Double($0) / 1024) } ?? "—" }
        let perBudget = both(grouped, idle).map { pair in String(format: "%.1f KiB", Double(pair.0 - pair.1) / Double(size)) } ?? "—"
        let memoryRatio = both(grouped, singles).map { pair in formatRatio(Double(pair.0) / Double(pair.1)) } ?? "—"
        table.add([
            String(size), formatTime(pair.a.median), formatTime(pair.a.median / Double(size)), formatTime(pair.b.median),
            formatTime(pair.b.median / Double(size)), formatRatio(pair.ratio), mebibytes(grouped), mebibytes(singles),
            mebibytes(idle), perBudget, memoryRatio, formatTime(streamedPair.a.median), formatRatio(streamedPair.ratio),
            mebibytes(streamed), both(streamed, singles).map { pair in formatRatio(Double(pair.0) / Double(pair.1)) } ?? "—",
        ])
    }
    return table
}

/// Two optionals as one pair, when both are there.
func both<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}

if arguments.contains("--funder") {
    say(funderFolderTable().render())
    exit(0)
}

// MARK: 2. Scaling

/// A scaling row: the size, and the time of the whole workload at that size.
struct Step {
    var size: Int
    var timing: Timing
}

/// How the cost of one unit is read from the steps of a scaling measurement.
enum UnitCost {
    /// The time over the size: for workloads whose fixed cost is small (a year of a history, a budget of a
    /// portfolio), or measured apart and subtracted first (`fixed`, the same workload with no unit at all).
    case perUnit(fixed: Double)
    /// The slope since the previous size, (t(n) − t(m)) / (n − m): for workloads whose fixed cost is large and cannot
    /// be measured apart (a budget's lines: a budget of no lines fires other rules). The first size has none.
    case slope

    /// The cost per unit at each step, in nanoseconds (`nil` where it cannot be read).
    func costs(_ steps: [Step]) -> [Double?] {
        steps.indices.map { index in
            let step = steps[index]
            switch self {
            case .perUnit(let fixed):
                return (step.timing.median - fixed) / Double(step.size)
            case .slope:
                guard index > 0 else { return nil }
                let previous = steps[index - 1]
                return (step.timing.median - previous.timing.median) / Double(step.size - previous.size)
            }
        }
    }

    /// The cost per unit at the largest size over the cost per unit at the smallest: over 1 when it grows, under 1
    /// when it falls (as the cost per budget of a portfolio on all cores does: one budget cannot be shared between
    /// cores, many can).
    func linearity(_ steps: [Step]) -> Double {
        let found = costs(steps).compactMap { $0 }
        guard let first = found.first, let last = found.last, first > 0, last > 0 else { return .nan }
        return last / first
    }

    /// What the column says.
    func heading(_ unit: String) -> String {
        switch self {
        case .perUnit(let fixed): fixed > 0 ? "per \(unit), fixed cost off" : "per \(unit)"
        case .slope: "per \(unit) (slope)"
        }
    }
}

func scalingTable(
    _ title: String, unit: String, _ steps: [Step], cost: UnitCost, extra: [String] = [], extraColumns: [[String]] = []
) -> Table {
    var table = Table(title: title, header: [unit + "s", "median", "spread", cost.heading(unit)] + extra)
    for (index, (step, perUnit)) in zip(steps, cost.costs(steps)).enumerated() {
        table.add(
            [String(step.size), formatTime(step.timing.median), formatSpread(step.timing), perUnit.map(formatTime) ?? "—"]
                + (extraColumns.indices.contains(index) ? extraColumns[index] : []))
    }
    return table
}

// Lines.
let lineSizes = quick ? [10, 100] : [10, 100, 1_000, 10_000, 100_000]
let lineBudgets = lineSizes.map { Workloads.scaled(typical.cluster, lines: $0) }
for (size, budget) in zip(lineSizes, lineBudgets) where (try? CheckedBudget(budget, catalog: catalog)) == nil {
    fail("the \(size)-line budget does not check")
}
// Every size, engine and baseline, measured together (repetitions interleaved).
let lineTimings = harness.measureTogether(
    lineBudgets.map { budget in { (try? CheckedBudget(budget, catalog: catalog)).map { recommended.check($0) }?.diagnostics.count ?? 0 } }
        + lineBudgets.map { budget in { (try? Baseline.check(budget, catalog: catalog))?.count ?? 0 } })
let lineSteps = zip(lineSizes, lineTimings.prefix(lineSizes.count)).map { Step(size: $0, timing: $1) }
let baselineLineSteps = zip(lineSizes, lineTimings.suffix(lineSizes.count)).map { Step(size: $0, timing: $1) }
let baselineLineCosts = UnitCost.slope.costs(baselineLineSteps)
say(
    scalingTable(
        "2a. Budget size: recommended, engine.check on budgets of 10 to 100,000 lines (the same shares, so the same "
            + "rules fire, at every size)",
        unit: "line", lineSteps, cost: .slope, extra: ["baseline", "baseline per line (slope)"],
        extraColumns: zip(baselineLineSteps, baselineLineCosts).map { step, cost in
            [formatTime(step.timing.median), cost.map(formatTime) ?? "—"]
        }
    ).render())

// Rules: every window of k consecutive rules of the catalogue (26 windows), so that each rule runs k times at every
// size and the mix of cheap and costly rules is the same; the evaluation of an empty set is the fixed cost.
let everyRule = BuiltInRules.all
let ruleSizes = quick ? [1, everyRule.count] : [1, 2, 4, 8, 16, everyRule.count]
let noRule = Engine(ruleSet: RuleSet(name: "none"), catalog: catalog)
let noRuleTiming = harness.measure { noRule.check(typicalChecked).diagnostics.count }
let ruleWindows = ruleSizes.map { size in
    everyRule.indices.map { start in
        // Built-in ids are unique: no window can be refused.
        Engine(
            ruleSet: try! RuleSet(name: "window", rules: (0..<size).map { everyRule[(start + $0) % everyRule.count] }),
            catalog: catalog)
    }
}
let ruleTimings = harness.measureTogether(
    units: ruleWindows.map(\.count),
    ruleWindows.map { engines in { engines.reduce(0) { $0 + $1.check(typicalChecked).diagnostics.count } } })
let ruleSteps = zip(ruleSizes, ruleTimings).map { Step(size: $0, timing: $1) }
let ruleCost = UnitCost.perUnit(fixed: noRuleTiming.median)
say(
    scalingTable(
        "2b. Rules: Engine.check on the typical budget, checked once, sets of 1 to \(everyRule.count) rules (time per "
            + "set: the mean over the \(everyRule.count) windows of consecutive rules; an empty set: "
            + "\(formatTime(noRuleTiming.median)))",
        unit: "rule", ruleSteps, cost: ruleCost
    ).render())

// Years.
let yearSizes = quick ? [1, 2] : [1, 2, 5, 10, 20, 50]
let histories = yearSizes.map { Workloads.history(of: typical, years: $0, catalog: catalog) }
for (size, history) in zip(yearSizes, histories) where (try? recommended.check([BudgetInput(history: history)])) == nil {
    fail("the \(size)-year history does not check")
}
let yearTimings = harness.measureTogether(histories.map { history in { (try? recommended.check([BudgetInput(history: history)]))?.budgets.count ?? 0 } })
let yearSteps = zip(yearSizes, yearTimings).map { Step(size: $0, timing: $1) }
// A history has a fixed cost (the trajectory rules and the report of the history as a whole, checked once
// whatever its length) that a history of no years cannot measure: as for lines, the cost of a year is the slope
// between consecutive lengths. The time over the length is shown beside it.
let yearCost = UnitCost.slope
let yearAverages = UnitCost.perUnit(fixed: 0).costs(yearSteps)
say(
    scalingTable(
        "2c. History length: recommended, engine.check on histories of 1 to 50 years (a full budget each year, "
            + "and the trajectory)",
        unit: "year", yearSteps, cost: yearCost, extra: ["time / years"],
        extraColumns: yearAverages.map { [$0.map(formatTime) ?? "—"] }
    ).render())

// Portfolio: distinct budgets (variants of the typical one, with strings of their own), on one core and on all.
let portfolioSizes = quick ? [1, 10] : [1, 10, 100, 1_000, 10_000, 100_000]
let pool = (0..<(portfolioSizes.last ?? 1)).map {
    BudgetInput(Workloads.variant(of: typical, index: $0, catalog: catalog), file: "budget-\($0).json")
}
// The time of the call, its report kept until the clock stops; freeing the report, which happens on the caller's
// thread whenever the caller drops it (the same work on one core as on all), is timed apart and shown beside it.
var sequentialSteps: [Step] = [], parallelSteps: [Step] = [], freeingSteps: [Step] = []
for size in portfolioSizes {
    let inputs = Array(pool.prefix(size))
    guard let report = try? recommended.check(inputs, parallel: true), report.budgets.count == size else {
        fail("the portfolio of \(size) budgets does not check")
    }
    let pair = harness.compareKeeping(
        { try? recommended.check(inputs, parallel: false) }, { try? recommended.check(inputs, parallel: true) })
    sequentialSteps.append(Step(size: size, timing: pair.a))
    parallelSteps.append(Step(size: size, timing: pair.b))
    freeingSteps.append(Step(size: size, timing: pair.freeingA))
}
// The machine's own ceiling for that speed-up: as many chunks of pure arithmetic as the largest portfolio has
// budgets (no allocation, no reference counting, nothing shared but one atomic sum), on one core and on all. On a
// virtual machine whose cores are hyperthreads of one physical core, or that the host shares, this is well under the
// number of cores, and no engine can do better.
/// About 20 µs of integer arithmetic that the optimizer cannot drop (its result is summed and printed).
@Sendable func spin(_ seed: Int) -> UInt64 {
    var x = UInt64(truncatingIfNeeded: seed) | 1
    for _ in 0..<20_000 {
        x ^= x << 13
        x ^= x >> 7
        x ^= x << 17
    }
    return x
}
let ceilingChunks = portfolioSizes.last ?? 1
let ceiling = harness.compare(
    { (0..<ceilingChunks).reduce(UInt64(0)) { $0 &+ spin($1) } },
    {
        let sum = Atomic<UInt64>(0)
        DispatchQueue.concurrentPerform(iterations: ceilingChunks) { sum.wrappingAdd(spin($0), ordering: .relaxed) }
        return sum.load(ordering: .relaxed)
    })
let ceilingSpeedUp = ceiling.a.median / ceiling.b.median

let budgetCost = UnitCost.perUnit(fixed: 0)
let parallelSpeedUps = zip(sequentialSteps, parallelSteps).map { $0.timing.median / $1.timing.median }
/// The speed-up with the freeing of the report counted on both sides.
let endToEndSpeedUps = zip(zip(sequentialSteps, parallelSteps), freeingSteps).map { pair, freeing in
    (pair.0.timing.median + freeing.timing.median) / (pair.1.timing.median + freeing.timing.median)
}
say(
    scalingTable(
        "2d. Portfolio: recommended, engine.check(inputs, parallel: false) on portfolios of 1 to 100,000 budgets "
            + "(one core), and with parallel: true (\(cores) cores); the report kept until the clock stops, its freeing "
            + "timed apart",
        unit: "budget", sequentialSteps, cost: budgetCost,
        extra: ["all cores", "per budget", "speed-up", "freeing, per budget", "speed-up, freeing included"],
        extraColumns: parallelSteps.indices.map { index in
            let step = parallelSteps[index]
            return [
                formatTime(step.timing.median), formatTime(step.timing.median / Double(step.size)),
                formatRatio(parallelSpeedUps[index]), formatTime(freeingSteps[index].timing.median / Double(step.size)),
                formatRatio(endToEndSpeedUps[index]),
            ]
        }
    ).render())
say(
    "The machine's own ceiling: \(ceilingChunks) chunks of pure arithmetic take \(formatTime(ceiling.a.median)) on one core "
        + "and \(formatTime(ceiling.b.median)) on all \(cores): \(formatRatio(ceilingSpeedUp)) (the portfolio's speed-up "
        + "is \(formatRatio(parallelSpeedUps.last ?? .nan)), \(String(format: "%.0f", (parallelSpeedUps.last ?? .nan) / ceilingSpeedUp * 100))% "
        + "of it).\n")

say(funderFolderTable().render())

// MARK: 3. Decoding

say(decodingTable(harness, typical: typical, json: typicalJSON, csv: typicalCSV, catalog: catalog).render())
say(endToEndTable(harness, typical: typical, json: typicalJSON, csv: typicalCSV, catalog: catalog, engine: recommended).render())

// MARK: 4. Planning

say(planningTable(harness, engine: recommended, typical: typical).render())
say(yearlyPlanningTable(harness, engine: recommended, typical: typical, catalog: catalog).render())

// MARK: Summary

let linesLinearity = UnitCost.slope.linearity(lineSteps), rulesLinearity = ruleCost.linearity(ruleSteps)
let yearsLinearity = yearCost.linearity(yearSteps), budgetsLinearity = budgetCost.linearity(sequentialSteps)
let parallelLinearity = budgetCost.linearity(parallelSteps)
let speedUp = parallelSpeedUps.last ?? .nan
var summary = Table(title: "Summary\(quick ? " (--quick: not meaningful)" : "")", header: ["criterion", "measured", "target"])
summary.add(["recommended / hand-written baseline, typical budget", formatRatio(headline.ratio), "≤ 2.00×"])
for (label, value) in [
    ("lines", linesLinearity), ("rules", rulesLinearity), ("years", yearsLinearity),
    ("budgets, one core", budgetsLinearity), ("budgets, all cores", parallelLinearity),
] {
    summary.add(["cost per unit, largest size over smallest: \(label)", formatRatio(value), "≤ 1.50×"])
}
summary.add(["portfolio of \(portfolioSizes.last ?? 0): all \(cores) cores vs one", formatRatio(speedUp), "≥ 1.60×"])
summary.add(["  the same, freeing the report included", formatRatio(endToEndSpeedUps.last ?? .nan), ""])
summary.add(["  pure arithmetic on the same machine: all \(cores) cores vs one", formatRatio(ceilingSpeedUp), "(ceiling)"])
say(summary.render())

sayHeadline()
