import ClusterKitCore

/// A report on many budget files grouped by cluster (what `ClusterPortfolio` gives), judged and written without
/// holding every budget: a funder's folder of thousands of files is read in passes, and only one cluster's budgets
/// are held at a time.
///
/// - Creating the stream reads every file once for the cluster it is about, and keeps its name only.
/// - ``judge(suppressions:mixedRuleSet:judge:engine:)`` judges each cluster's files together and groups them,
///   keeping its outline (a row of figures per year, its trajectory), the report's notes and its counts: what a
///   funder's table, map and CSV need.
/// - Writing a report that shows each budget (the JSON, text and Markdown reports, the funder's page) reads and judges them
///   again, a cluster or a file at a time, as their part of the output is written.
///
/// Each pass judges the same inputs with the same engines, so the output is the one `ClusterPortfolio` and the
/// renderers give for the whole report held at once (a test compares them). A file that changes between passes is
/// read as it is then: the error of one that no longer reads stops the writing where it is.
package struct PortfolioStream {
    /// Reads a file's budget (each pass reads it anew).
    package typealias Read = (String) throws(InputError) -> BudgetInput
    /// Judges inputs: their report, not grouped, with the suppressions applied (what `Engine.check` gives).
    package typealias Judge = ([BudgetInput]) throws(InputError) -> Report

    private let read: Read
    /// The files that read, in input order.
    private let files: [String]
    /// Each cluster's files (indices in `files`), in the order the clusters first appear, and their names.
    private let clusterFiles: [[Int]]
    private let names: [String]
    /// The files that did not read, in input order.
    package let failures: [InputError]

    /// How clusters are judged, once ``judge(suppressions:mixedRuleSet:judge:engine:)`` has run.
    private var judging: (judge: Judge, engine: (ClusterProfile) -> Engine)?
    /// Whether each cluster's grouping built a history (whose report follows the budgets'), in the order the
    /// clusters first appear.
    private var builtHistory: [Bool] = []
    /// What the summary table of the Markdown report shows of each budget, in the report's order.
    private var heads: [MarkdownReportRenderer.BudgetHead] = []
    /// The clusters in name order (the page's and the table's), as indices in `clusterFiles`.
    private var order: [Int] = []
    /// Each cluster's outline, in name order.
    package private(set) var outlines: [ClusterOutline] = []
    /// The report's own diagnostics: the notes of suppressions that hid nothing, then the notes of years set aside.
    package private(set) var notes: [Diagnostic] = []
    /// The counts of the whole report.
    package private(set) var summary = ReportSummary([])
    /// The rule set's name: the one every cluster was judged with, else the mixed name given to ``judge(suppressions:mixedRuleSet:judge:engine:)``.
    package private(set) var ruleSet = ""

    /// Reads `files` (in input order) for the cluster each is about, and keeps its name only; a file that does not
    /// read is in ``failures``.
    package init(files: [String], read: @escaping Read) {
        self.read = read
        var readable: [String] = [], failures: [InputError] = []
        var clusterFiles: [[Int]] = [], names: [String] = [], index: [String: Int] = [:]
        for file in files {
            do throws(InputError) {
                let name = try read(file).cluster.name
                if index[name] == nil {
                    index[name] = clusterFiles.count
                    clusterFiles.append([])
                    names.append(name)
                }
                clusterFiles[index[name]!].append(readable.count)
                readable.append(file)
            } catch {
                failures.append(error)
            }
        }
        self.files = readable
        self.failures = failures
        self.clusterFiles = clusterFiles
        self.names = names
    }

    /// The number of files that read.
    package var fileCount: Int { files.count }

    /// Judges and groups each cluster's files, keeping its outline, the report's notes and its counts.
    ///
    /// - Parameters:
    ///   - suppressions: the suppressions `judge` applies (a note is written for each that hid nothing anywhere).
    ///   - mixedRuleSet: the rule set's name when clusters were judged with different ones.
    ///   - judge: judges inputs, ungrouped.
    ///   - engine: the engine that judges a cluster's years as a history.
    /// - Throws: the first ``InputError`` of a cluster, in the order clusters first appear: an input `judge`
    ///   refuses, or files that disagree on a cluster's kind or founding year.
    package mutating func judge(
        suppressions: [Suppression], mixedRuleSet: String, judge: @escaping Judge,
        engine: @escaping (ClusterProfile) -> Engine
    ) throws(InputError) {
        judging = (judge, engine)
        var outlines: [ClusterOutline] = [], yearNotes: [Diagnostic] = []
        var used = Set<Suppression>(), ruleSets = Set<String>()
        var counts = ReportSummary([])
        var fileHeads = [[MarkdownReportRenderer.BudgetHead]](repeating: [], count: files.count)
        var historyHeads: [MarkdownReportRenderer.BudgetHead] = []
        builtHistory = []
        for fileIndices in clusterFiles {
            let report = try judge(try fileIndices.map { index throws(InputError) in try read(files[index]) })
            // Each input's reports follow one another, in the order of the inputs.
            var place = fileIndices.makeIterator(), file = place.next(), path = file.map { files[$0] }
            for budget in report.budgets {
                if budget.file != path, let next = place.next() { file = next; path = files[next] }
                if let file { fileHeads[file].append(MarkdownReportRenderer.BudgetHead(budget)) }
            }
            for budget in report.budgets { used.formUnion(budget.suppressed.map(\.suppression)) }
            ruleSets.insert(report.ruleSet)
            let grouped = try report.groupedByCluster(engine: engine)
            let notes = Array(grouped.diagnostics.dropFirst(report.diagnostics.count))
            yearNotes += notes
            counts.add(ReportSummary(grouped.budgets, diagnostics: notes))
            outlines.append(ClusterOutline(grouped.clusters![0]))
            builtHistory.append(grouped.budgets.count > report.budgets.count)
            if let history = grouped.budgets.last, grouped.budgets.count > report.budgets.count {
                historyHeads.append(MarkdownReportRenderer.BudgetHead(history))
            }
        }
        heads = fileHeads.flatMap { $0 } + historyHeads
        let unused = Suppression.unusedNotes(suppressions.filter { !used.contains($0) }, in: [])
        counts.add(ReportSummary([], diagnostics: unused))
        order = names.indices.sorted { names[$0] < names[$1] }
        self.outlines = order.map { outlines[$0] }
        notes = unused + yearNotes
        summary = counts
        ruleSet = ruleSets.count == 1 ? ruleSets.first! : mixedRuleSet
    }

    /// Whether a diagnostic of the report is at least as severe as `severity`.
    package func hasDiagnostics(atLeast severity: Severity) -> Bool {
        Severity.allCases.contains { $0 >= severity && summary.count($0) > 0 }
    }

    /// The group of the cluster at `index` of ``outlines``, judged again from its files.
    package func group(at index: Int) throws(InputError) -> ClusterGroup {
        try regrouped(order[index]).clusters![0]
    }

    private func regrouped(_ cluster: Int) throws(InputError) -> Report {
        let inputs = try clusterFiles[cluster].map { index throws(InputError) in try read(files[index]) }
        return try judging!.judge(inputs).groupedByCluster(engine: judging!.engine)
    }

    /// Writes the JSON report (`clusterkit.report/1`) to `emit`, each budget's entry as it is judged again (see
    /// ``writeBudgets(to:_:)``).
    /// - Throws: the ``InputError`` of a file that no longer reads: the text stops after the last entry written.
    package func writeJSON(_ renderer: JSONReportRenderer, to emit: (String) -> Void) throws(InputError) {
        try writeBudgets(to: emit) { budgets, emit in
            renderer.write(ruleSet: ruleSet, budgets: budgets, notes: notes, summary: summary, clusters: outlines, to: emit)
        }
    }

    /// Writes the text report to `emit`, each budget's part as it is judged again (see ``writeBudgets(to:_:)``).
    /// - Throws: the ``InputError`` of a file that no longer reads: the text stops after the last part written.
    package func writeText(_ renderer: TextReportRenderer, to emit: (String) -> Void) throws(InputError) {
        try writeBudgets(to: emit) { budgets, emit in
            renderer.write(budgets: budgets, notes: notes, summary: summary, to: emit)
        }
    }

    /// Writes the Markdown report to `emit`: its summary from the budgets' heads kept when judged, then each
    /// budget's section as it is judged again (see ``writeBudgets(to:_:)``).
    /// - Throws: the ``InputError`` of a file that no longer reads: the text stops after the last section written.
    package func writeMarkdown(_ renderer: MarkdownReportRenderer, to emit: (String) -> Void) throws(InputError) {
        try writeBudgets(to: emit) { budgets, emit in
            renderer.write(
                ruleSet: ruleSet, heads: heads, summary: summary, clusters: outlines, budgets: budgets, notes: notes, to: emit)
        }
    }

    /// Has `write` write a report whose budgets are the report's in its order — each file's, in input order, then
    /// the history the grouping built for each cluster, in the order the clusters first appear — each judged again
    /// when `write` reaches it; what `write` emits goes to `emit` until a file no longer reads.
    private func writeBudgets(
        to emit: (String) -> Void, _ write: (AnyIterator<BudgetReport>, (String) -> Void) -> Void
    ) throws(InputError) {
        var file = 0, cluster = 0
        var pending: [BudgetReport] = []
        var failure: InputError?
        let budgets = AnyIterator { () -> BudgetReport? in
            guard failure == nil else { return nil }
            do throws(InputError) {
                while pending.isEmpty {
                    if file < files.count {
                        pending = try judging!.judge([try read(files[file])]).budgets.reversed()
                        file += 1
                    } else if cluster < clusterFiles.count {
                        if builtHistory[cluster], let history = try regrouped(cluster).budgets.last { pending = [history] }
                        cluster += 1
                    } else {
                        return nil
                    }
                }
                return pending.removeLast()
            } catch {
                failure = error
                return nil
            }
        }
        withoutActuallyEscaping(emit) { emit in
            write(budgets) { text in
                if failure == nil { emit(text) }
            }
        }
        if let failure { throw failure }
    }

    /// Writes the funder's page to `emit`: the clusters table and the map, then each cluster's section as its files
    /// are judged again.
    /// - Throws: the ``InputError`` of a file that no longer reads: the page stops after the last cluster written.
    package func writePage(_ renderer: HTMLReportRenderer, to emit: (String) -> Void) throws(InputError) {
        try renderer.writePortfolioPage(
            ruleSet: ruleSet, summary: summary, notes: notes, outlines: outlines,
            group: { index throws(InputError) in try group(at: index) }, to: emit)
    }

    /// The table of clusters and years.
    package func table(_ renderer: CSVReportRenderer) -> String { renderer.table(outlines.flatMap(\.rows)) }
}

extension ReportSummary {
    /// The count of a severity.
    package func count(_ severity: Severity) -> Int {
        switch severity {
        case .error: errors
        case .warning: warnings
        case .note: notes
        }
    }

    /// Adds another summary's counts.
    package mutating func add(_ other: ReportSummary) {
        errors += other.errors
        warnings += other.warnings
        notes += other.notes
        suppressed += other.suppressed
    }
}
