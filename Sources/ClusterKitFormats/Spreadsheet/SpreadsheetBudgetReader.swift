import ClusterKitCore
import Foundation

/// Reads a budget from a workbook as a spreadsheet program saves it — Office Open XML (`.xlsx`, Excel, Calc) or
/// OpenDocument (`.ods`, Calc) — with the layouts ``CSVBudgetReader`` reads: each sheet's cells become the records
/// of the CSV reader's table, which reads them as it reads a CSV export, so that a workbook and its CSV export give
/// the same budget.
///
/// Cells are taken as the spreadsheet stores them, not as it displays them: a number is its stored decimal (`840965.5`
/// is 840,965.50 exactly, to the cent, never through floating point; at most 15 significant digits, as the program
/// shows it, so that a sum's binary residue `290000.00000000006` is 290,000); text is the shared or inline string; a
/// formula is its cached result; a date is `yyyy-mm-dd`; a merged cell is its top-left value. A number stored as text
/// (`135 000 €` typed into a text cell) is read as the CSV reader reads it: with a decimal comma when the table's
/// headings are French (`Dépenses`, `Ressources`), a decimal point when they are English (`Expenses`, `Resources`).
///
/// The budget is on the first sheet holding a table the CSV reader recognises, or on the sheet named by ``sheet``.
///
/// The archive and its XML are read by ClusterKit itself (no zlib, no XML library), within limits checked before
/// memory is allocated: a file of at most 20 MiB, 10,000 entries, 50 MiB an entry and 100 MiB in all once expanded,
/// 1000 to 1 at most for an entry over 1 MiB; an entry that expands past the size its header declares is stopped
/// there; at most 1,000,000 cells a sheet. A password-protected workbook, a corrupt or truncated archive, a zip bomb,
/// an archive that is not a workbook, and XML with a document type declaration (the way to an entity expansion) are
/// refused.
///
/// Every error is an `InputError` naming the file and, when it is about one, the sheet and the cell
/// (`budget.xlsx, sheet « Budget », cell F12: …`).
public struct SpreadsheetBudgetReader: Sendable {
    /// The revenue sources a budget may name.
    public var catalog: Catalog
    /// The sheet to read, by name; `nil` reads the first sheet holding a recognised table.
    public var sheet: String?

    /// The largest workbook file read, in bytes.
    public static let maximumFileSize = 20 << 20

    /// Creates a reader.
    public init(catalog: Catalog = .builtIn, sheet: String? = nil) {
        self.catalog = catalog
        self.sheet = sheet
    }

    /// Whether a file is read as a workbook: its name ends in `.xlsx`, `.xlsm` or `.ods` (any case).
    public static func isWorkbook(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".xlsx") || lowered.hasSuffix(".xlsm") || lowered.hasSuffix(".ods")
    }

    /// Reads one budget from a workbook's bytes (`.xlsx` or `.ods`, told apart by their content) and checks it.
    /// - Throws: `InputError` naming the file, the sheet and the cell, and the reason.
    public func decode(_ data: Data, file: String? = nil) throws(InputError) -> CheckedBudget {
        guard data.count <= Self.maximumFileSize else {
            throw InputError(
                file: file, path: "",
                reason: "the file is \(data.count) bytes, more than the \(Self.maximumFileSize) bytes ClusterKit reads in a workbook")
        }
        var workbook: any WorkbookSource
        do { workbook = try Self.open([UInt8](data)) } catch { throw located(error, file: file) }
        return try read(&workbook, file: file)
    }

    /// Reads one budget from a workbook's parts, unpacked: the files of its zip archive by path (`xl/workbook.xml`,
    /// `xl/worksheets/sheet1.xml`, … or `content.xml`), as a folder the archive was extracted to holds them.
    /// - Throws: `InputError` naming the file, the sheet and the cell, and the reason.
    public func decode(parts: [String: Data], file: String? = nil) throws(InputError) -> CheckedBudget {
        var workbook: any WorkbookSource
        do throws(WorkbookError) {
            let unpacked: UnpackedParts
            do { unpacked = try UnpackedParts(parts.mapValues { [UInt8]($0) }) } catch { throw WorkbookError(error.reason) }
            workbook = try Self.open(unpacked)
        } catch {
            throw located(error, file: file)
        }
        return try read(&workbook, file: file)
    }

    /// The budget on the sheet asked for, or on the first sheet holding a recognised table.
    private func read(_ workbook: inout any WorkbookSource, file: String?) throws(InputError) -> CheckedBudget {
        let names = workbook.sheetNames
        let quoted = names.isEmpty ? "none" : names.map { "« \($0) »" }.joined(separator: ", ")
        if let wanted = sheet {
            guard let index = names.firstIndex(of: wanted) else {
                throw InputError(file: file, path: "", reason: "the workbook has no sheet « \(wanted) »; its sheets are \(quoted)")
            }
            return try read(&workbook, index, file: file)
        }
        for index in names.indices {
            let grid: SheetGrid
            do { grid = try workbook.sheet(index) } catch { throw located(error, file: file) }
            let mark = Self.decimalMark(grid)
            let records = grid.records(decimalMark: mark)
            if CSVBudgetReader.tableStart(records) != nil { return try budget(grid, records, mark: mark, file: file) }
        }
        throw InputError(
            file: file, path: "",
            reason: "no sheet holds a plan of financing (a row with the headings « Dépenses » and « Ressources », or Expenses and Resources); sheets looked at: \(quoted)")
    }

    /// The workbook in an archive's bytes: `.xlsx` when it has a workbook part, `.ods` when it has OpenDocument content.
    static func open(_ bytes: [UInt8]) throws(WorkbookError) -> any WorkbookSource {
        // An OLE compound file: an Excel 97–2003 workbook, or an encrypted OOXML one (its EncryptedPackage stream).
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            let encrypted = bytes.firstRange(of: Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })) != nil
            throw WorkbookError(
                encrypted
                    ? "the workbook is password-protected (an encrypted package): save it without a password"
                    : "the file is an Excel 97–2003 workbook (.xls), which is not read: save it as .xlsx or .ods")
        }
        guard ZipArchive.isZip(bytes) else {
            throw WorkbookError("the file is not a workbook: .xlsx and .ods files are zip archives, and this one is not")
        }
        let archive: ZipArchive
        do { archive = try ZipArchive(bytes) } catch { throw WorkbookError(error.reason) }
        return try open(archive)
    }

    /// The workbook in a package: `.ods` when it has OpenDocument content, `.xlsx` when it has a workbook part.
    static func open(_ parts: any WorkbookParts) throws(WorkbookError) -> any WorkbookSource {
        if parts.contains("content.xml") || parts.contains("mimetype") { return try ODSWorkbook(parts) }
        if parts.contains("xl/workbook.xml") || parts.contains("_rels/.rels") { return try XLSXWorkbook(parts) }
        throw WorkbookError("the archive is not a workbook: it has neither xl/workbook.xml (.xlsx) nor content.xml (.ods)")
    }

    private func read(_ workbook: inout any WorkbookSource, _ index: Int, file: String?) throws(InputError) -> CheckedBudget {
        let grid: SheetGrid
        do { grid = try workbook.sheet(index) } catch { throw located(error, file: file) }
        let mark = Self.decimalMark(grid)
        return try budget(grid, grid.records(decimalMark: mark), mark: mark, file: file)
    }

    private func budget(_ grid: SheetGrid, _ records: [CSVRow], mark: Character, file: String?) throws(InputError) -> CheckedBudget {
        let sheet = grid.name
        let start = CSVBudgetReader.tableStart(records).map { records[$0].line } ?? 1
        // From the title rows down: a formula without its computed value is an error, never a skipped check.
        let firstRow = records.first(where: { !$0.isBlank })?.line ?? start
        let formulas = grid.formulaCells(from: firstRow)
        if let cell = formulas.uncomputed.first {
            var error = InputError.at(
                CellPosition(line: cell.row, column: cell.column), file: file, path: "",
                reason: "this formula was saved without its computed value: open and save the workbook in Excel or LibreOffice")
            error.sheet = sheet
            throw error
        }
        do {
            var checked = try CSVBudgetReader.budget(
                records, dialect: CSVDialect(separator: "\t", decimalMark: mark), catalog: catalog, file: file)
            for cell in formulas.rounded {
                let name = "\(InputError.columnLetters(cell.column))\(cell.row)"
                let rounded = SheetGrid.roundedToCent(cell.stored, decimalMark: ".")
                checked.inferred.append(InferredValue(
                    line: nil, field: "amount", value: rounded,
                    from: "cell \(name): the formula's result \(cell.stored), rounded to the cent"))
            }
            return checked
        } catch {
            var error = error
            error.sheet = sheet
            throw error
        }
    }

    /// The decimal mark of numbers stored as text, from the language of the table's headings: a comma when the sides'
    /// titles are French (`Dépenses`, `Ressources`, `Charges`, `Produits`), a point when they are English (`Expenses`,
    /// `Resources`), as a French or an English spreadsheet exports them. Numbers stored as numbers are written with
    /// it, so they read exactly either way.
    static func decimalMark(_ grid: SheetGrid) -> Character {
        let records = grid.records(decimalMark: ".")
        guard let title = CSVBudgetReader.tableStart(records) else { return "," }
        return isEnglishTitle(records[title]) ? "." : ","
    }

    /// Whether the sides' titles of a row are all English (`Expenses`, `Resources`, `Income`, `Expenditure`).
    static func isEnglishTitle(_ row: CSVRow) -> Bool {
        let english: Set<String> = [
            "expenses", "expense", "resources", "resource", "income", "revenue", "revenues", "expenditure", "expenditures",
        ]
        let sides = row.cells.filter { CSVVocabulary.side(folded: $0.folded) != nil }.map(\.folded)
        return !sides.isEmpty && sides.allSatisfy(english.contains)
    }

    private func located(_ error: WorkbookError, file: String?) -> InputError {
        var located = InputError(file: file, path: "", reason: error.reason, line: error.row, column: error.column)
        located.sheet = error.sheet
        return located
    }
}
