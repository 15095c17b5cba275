import ClusterKitCore
import Foundation

/// Reads any budget file a user holds — a `clusterkit.budget/1` budget or a `clusterkit.history/1` history in JSON, a
/// spreadsheet's CSV export, a Cerfa 12156 or 15059 budget table in CSV, an `.xlsx` or `.ods` workbook — into what the
/// engine checks: the one entry point a host that reads files calls.
///
/// The reader is chosen by the file's content, then its name: a zip archive (`.xlsx`, `.ods`) or a legacy Excel
/// `.xls` (refused: « save it as .xlsx or .ods ») is read by ``SpreadsheetBudgetReader``, a document starting with `{`
/// as JSON (a budget or a history, by its `format`), a name ending in `.csv` — or text with separators under another
/// name — by ``CSVBudgetReader`` (which recognises a Cerfa table by its rows, and reads a Windows-1252 export with a
/// note); the error for any other file lists the formats read. Every budget read is checked against the
/// catalogue; every error is an `InputError` naming the file.
///
/// ```swift
/// let input = try BudgetFile.read(contentsOf: "Examples/mecabourg-2013.json")
/// let report = try Engine(ruleSet: Preset.recommended.ruleSet).check([input])
/// ```
public enum BudgetFile {
    /// Reads one budget or history from a file and checks it against the catalogue.
    ///
    /// - Parameters:
    ///   - path: the file, as the user named it; errors and reports name it so.
    ///   - catalog: the revenue sources (and regimes) the budget may name.
    ///   - sheet: in a workbook, the sheet to read by name; `nil` reads the first sheet holding a budget. Other files
    ///     ignore it.
    /// - Returns: the checked budget or history, with `path` as its file.
    /// - Throws: `InputError` naming the file: `no such file or folder`, `cannot read the file` (a folder, or a file
    ///   that cannot be opened), or the reader's own error (field path, line and column, or sheet and cell).
    public static func read(
        contentsOf path: String, catalog: Catalog = .builtIn, sheet: String? = nil
    ) throws(InputError) -> BudgetInput {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError(file: path, path: "", reason: "no such file or folder")
        }
        return try readFile(path, catalog: catalog, sheet: sheet)
    }

    /// Reads one budget or history from a file's bytes, choosing the reader by their content, then the file's name,
    /// and checks it against the catalogue.
    ///
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - file: the file's name or path: after the content, its ending chooses the reader (`.xlsx`, `.xlsm`, `.ods`,
    ///     `.csv`, `.json`), and errors and reports name it.
    ///   - catalog: the revenue sources (and regimes) the budget may name.
    ///   - sheet: in a workbook, the sheet to read by name; `nil` reads the first sheet holding a budget.
    /// - Throws: `InputError` naming `file`, with the reader's field path, line and column, or sheet and cell.
    public static func read(
        _ data: Data, file: String, catalog: Catalog = .builtIn, sheet: String? = nil
    ) throws(InputError) -> BudgetInput {
        switch Kind(data, file: file) {
        case .workbook:
            let reader = SpreadsheetBudgetReader(catalog: catalog, sheet: sheet)
            return BudgetInput(try reader.decode(data, file: file), file: file)
        case .csv:
            return BudgetInput(try CSVBudgetReader(catalog: catalog).decode(data, file: file), file: file)
        case .json:
            return try BudgetInput(decoding: data, file: file, catalog: catalog)
        case .unknown:
            throw InputError(file: file, path: "", reason: "the file is neither JSON, CSV nor a workbook: \(formatsRead)")
        }
    }

    /// The formats ClusterKit reads, for the error about a file of another type.
    static let formatsRead =
        "ClusterKit reads a budget as clusterkit.budget/1 or clusterkit.history/1 JSON, as CSV (a spreadsheet's export, or a Cerfa 12156 or 15059 table) or as an .xlsx or .ods workbook"

    /// What a file holds, by its content first, then by its name.
    enum Kind: Equatable {
        case workbook, csv, json, unknown

        /// A file named as a workbook (`.xlsx`, `.xlsm`, `.ods`: the spreadsheet reader says what it is if it is not
        /// one), a zip archive or an OLE2 compound file (a legacy `.xls`) is a workbook, whatever its name; a document
        /// starting with `{` or `[` is JSON; then the name decides (`.csv`; `.json`); else text with a `;`, `,` or tab
        /// in its first 4 KB is CSV.
        init(_ data: Data, file: String) {
            let head = [UInt8](data.prefix(4096))
            let lowered = file.lowercased()
            if SpreadsheetBudgetReader.isWorkbook(lowered) || head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
                self = .workbook
                return
            }
            var body = head[...]
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            let first = body.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
            if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
                self = .json
                return
            }
            if BudgetFile.isCSV(lowered) {
                self = .csv
            } else if lowered.hasSuffix(".json") {
                self = .json
            } else if !body.contains(0), body.contains(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") || $0 == 0x09 }) {
                self = .csv
            } else {
                self = .unknown
            }
        }
    }

    /// Reads every file of these paths — each a file, or a folder read for its budget files (see
    /// ``files(inFolder:)``) — and keeps going past the ones that do not read.
    ///
    /// - Returns: the budget of every file that reads, and the error of every file (or path) that does not, each in
    ///   the order of the paths, then of a folder's files: one bad file of a folder does not keep the others from
    ///   being read. A path that does not exist is the error `no such file or folder`.
    public static func readEach(
        _ paths: [String], catalog: Catalog = .builtIn, sheet: String? = nil
    ) -> (inputs: [BudgetInput], failures: [InputError]) {
        var inputs: [BudgetInput] = []
        var failures: [InputError] = []
        for file in expanding(paths) {
            do throws(InputError) {
                inputs.append(try read(contentsOf: file, catalog: catalog, sheet: sheet))
            } catch {
                failures.append(error)
            }
        }
        return (inputs, failures)
    }

    /// The files these paths name, in order: a file as it is, a folder as its budget files (see
    /// ``files(inFolder:)``); a path that does not exist is kept as it is, for reading it to say so.
    package static func expanding(_ paths: [String]) -> [String] {
        paths.flatMap { path in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            return exists && isDirectory.boolValue ? files(inFolder: path) : [path]
        }
    }

    /// The budget files of a folder, in name order, each as `folder/name`: its `.json`, `.csv`, `.xlsx`, `.xlsm` and
    /// `.ods` files, Excel's lock files (`~$budget.xlsx`) left out. Subfolders are not read; a folder that cannot be
    /// listed has none.
    public static func files(inFolder folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter {
            $0.hasSuffix(".json") || isCSV($0) || (SpreadsheetBudgetReader.isWorkbook($0) && !$0.hasPrefix("~$"))
        }.sorted().map { (folder as NSString).appendingPathComponent($0) }
    }

    /// Reads a file known to exist: `cannot read the file` when it cannot be opened.
    static func readFile(_ file: String, catalog: Catalog, sheet: String?) throws(InputError) -> BudgetInput {
        // The size before the bytes: a file larger than any reader takes is not loaded.
        let largest = max(SpreadsheetBudgetReader.maximumFileSize, BudgetDecoder.maximumDocumentSize)
        if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int, size > largest {
            throw InputError(
                file: file, path: "",
                reason: "the file is \(CSVText.megabytes(size)) MB, more than the \(CSVText.megabytes(largest)) MB ClusterKit reads: a budget's table is a few kilobytes; save the sheet holding it alone")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw InputError(file: file, path: "", reason: "cannot read the file")
        }
        return try read(data, file: file, catalog: catalog, sheet: sheet)
    }

    /// Whether a file is read as CSV: its name ends in `.csv` (any case).
    static func isCSV(_ path: String) -> Bool { path.lowercased().hasSuffix(".csv") }
}
