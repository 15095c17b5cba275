import ClusterKitCore
import Foundation
import Testing
import TestSupport

@testable import ClusterKitFormats

/// Reads a workbook of the repository.
func workbookBudget(_ path: String, sheet: String? = nil) throws(InputError) -> Budget {
    let data: Data
    do { data = try Data(contentsOf: repositoryFile(path)) } catch { throw InputError(file: path, path: "", reason: "\(error)") }
    return try SpreadsheetBudgetReader(sheet: sheet).decode(data, file: path).budget
}

/// The error a workbook's bytes give, if any.
func workbookError(_ bytes: [UInt8], sheet: String? = nil, file: String = "budget.xlsx") -> InputError? {
    do {
        _ = try SpreadsheetBudgetReader(sheet: sheet).decode(Data(bytes), file: file)
        return nil
    } catch {
        return error
    }
}

/// A small French plan of financing as rows of cells.
let frenchRows: [[String]] = [
    ["Cluster", "Essai"], ["Année", "2013"], [],
    ["Dépenses", "Type", "Montant", "Ressources", "Source", "Montant"],
    ["Animation", "fonctionnement", "100000", "Région", "region", "60000"],
    ["", "", "", "Cotisations", "membershipFees", "40000"],
    ["Total", "", "100000", "Total", "", "100000"],
]

@Suite("Spreadsheet (.xlsx, .ods) budgets")
struct SpreadsheetBudgetReaderTests {
    static let twins = ["cosmetic-valley-2013", "mecabourg-2013", "mecabourg-2013-en"]

    @Test("Each workbook LibreOffice saved from a CSV example reads to the CSV's budget", arguments: twins)
    func twinsReadAlike(name: String) throws {
        let csv = try CSVBudgetReader().decode(Data(contentsOf: repositoryFile("Examples/csv/\(name).csv")), file: "\(name).csv").budget
        for format in ["xlsx", "ods"] {
            #expect(try workbookBudget("Examples/spreadsheets/\(name).\(format)") == csv, "\(name).\(format)")
        }
    }

    @Test("The budget on a workbook's second sheet is found (titles merged, a SUM formula, an amount stored as text); --sheet picks another")
    func sheetChoice() throws {
        let mecabourg = try CSVBudgetReader().decode(Data(contentsOf: repositoryFile("Examples/csv/mecabourg-2013.csv"))).budget
        let cosmetic = try CSVBudgetReader().decode(Data(contentsOf: repositoryFile("Examples/csv/cosmetic-valley-2013.csv"))).budget
        for format in ["xlsx", "ods"] {
            let path = "Examples/spreadsheets/workbook-2013.\(format)"
            #expect(try workbookBudget(path) == mecabourg)
            #expect(try workbookBudget(path, sheet: "Mecabourg") == mecabourg)
            #expect(try workbookBudget(path, sheet: "Cosmetic Valley") == cosmetic)
            #expect(throws: InputError.self) { try workbookBudget(path, sheet: "Notes") }
            do {
                _ = try workbookBudget(path, sheet: "Budget 2014")
                Issue.record("an unknown sheet was read")
            } catch {
                #expect(error.description == "\(path): the workbook has no sheet « Budget 2014 »; its sheets are « Notes », « Mecabourg », « Cosmetic Valley »")
            }
        }
    }

    @Test("A workbook with no plan of financing names the sheets it looked at")
    func noTable() {
        let bytes = ZipBuilder.workbook(sheet: sheetXML([["Notes"], ["Rien ici"]]), sheetName: "Feuille1").bytes
        #expect(workbookError(bytes)?.description
            == "budget.xlsx: no sheet holds a plan of financing (a row with the headings « Dépenses » and « Ressources », or Expenses and Resources); sheets looked at: « Feuille1 »")
    }

    @Test("An error names the file, the sheet and the cell")
    func errorsNameTheCell() {
        var rows = frenchRows
        rows[4][2] = "cent mille"
        let error = workbookError(ZipBuilder.workbook(sheet: sheetXML(rows)).bytes)
        #expect(error?.sheet == "Budget")
        #expect(error?.description.hasPrefix("budget.xlsx, sheet « Budget », cell C5: expenses[0].amount: 'cent mille' is not a number") == true)
    }

    @Test("A number stored as text is read as the CSV reader reads it: French headings, decimal comma; English, point")
    func numbersStoredAsText() throws {
        var rows = frenchRows
        rows[4][5] = "60 000,00 €"
        let bytes = ZipBuilder.workbook(sheet: sheetXML(rows)).bytes
        let budget = try SpreadsheetBudgetReader().decode(Data(bytes), file: "budget.xlsx").budget
        #expect(budget.resources[0].amount.minorUnits == 6_000_000)

        let english: [[String]] = [
            ["Cluster", "Test"], ["Year", "2013"], [],
            ["Expenses", "Amount", "Resources", "Source", "Amount"],
            ["Animation", "1,227,000.50", "Region", "region", "1227000.5"],
        ]
        let read = try SpreadsheetBudgetReader().decode(Data(ZipBuilder.workbook(sheet: sheetXML(english)).bytes)).budget
        #expect(read.expenses[0].amount.minorUnits == 122_700_050)
        #expect(read.resources[0].amount.minorUnits == 122_700_050)
    }

    @Test("Stored numbers are exact: 840965.5 is 84,096,550 cents; a sum's binary residue is the figure shown")
    func storedNumbers() throws {
        var rows = frenchRows
        rows[4][2] = "840965.5"
        rows[4][5] = "800965.50000000006"
        rows[5][5] = "40000"
        rows[6][2] = "840965.49999999994"
        rows[6][5] = "840965.5"
        let budget = try SpreadsheetBudgetReader().decode(Data(ZipBuilder.workbook(sheet: sheetXML(rows)).bytes)).budget
        #expect(budget.expenses[0].amount.minorUnits == 84_096_550)
        #expect(budget.resources[0].amount.minorUnits == 80_096_550)
    }

    @Test("Shared strings (rich runs, phonetic runs left out), booleans, dates by style, merged cells")
    func xlsxCellKinds() throws {
        let strings = #"<sst xmlns="x"><si><t>Cluster</t></si><si><r><t>Es</t></r><r><t xml:space="preserve">sai</t></r><rPh><t>ESSAI</t></rPh></si></sst>"#
        var sheet = sheetXML(frenchRows)
        sheet = sheet.replacingOccurrences(
            of: #"<c r="A1" t="inlineStr"><is><t>Cluster</t></is></c><c r="B1" t="inlineStr"><is><t>Essai</t></is></c>"#,
            with: #"<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="b"><v>1</v></c>"#)
        // C1 (a boolean beside the name) is cleared by the merge of B1:C1, as a merged cell is its top-left value.
        sheet = sheet.replacingOccurrences(of: "</sheetData>", with: #"</sheetData><mergeCells count="1"><mergeCell ref="B1:C1"/></mergeCells>"#)
        let budget = try SpreadsheetBudgetReader().decode(Data(ZipBuilder.workbook(sheet: sheet, sharedStrings: strings).bytes)).budget
        #expect(budget.cluster.name == "Essai")
        // Without the merge, the boolean would be a second value for « Cluster ».
        let unmerged = sheet.replacingOccurrences(of: #"<mergeCells count="1"><mergeCell ref="B1:C1"/></mergeCells>"#, with: "")
        #expect(workbookError(ZipBuilder.workbook(sheet: unmerged, sharedStrings: strings).bytes)?.description
            .contains("cell C1") == true)
    }

    @Test("An XML entity expansion in a sheet is refused at once, naming the file")
    func entityExpansion() {
        var laughs = #"<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">"#
        for level in 1...9 { laughs += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level == 1 ? "" : String(level - 1));", count: 10) + "\">" }
        laughs += #"]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a9;</t></is></c></row></sheetData></worksheet>"#
        let start = ContinuousClock.now
        let error = workbookError(ZipBuilder.workbook(sheet: laughs).bytes)
        #expect(ContinuousClock.now - start < .seconds(1))
        #expect(error?.description.hasPrefix("budget.xlsx, sheet « Budget »: « xl/worksheets/sheet1.xml » is not well-formed XML: it has a document type declaration") == true)
    }

    @Test("Archives that are not workbooks, truncated, encrypted, or bombs: refused with the file named, within a second")
    func refusals() throws {
        var document = ZipBuilder()
        document.store("word/document.xml", "<w:document/>")
        let cases: [(String, [UInt8], String)] = [
            ("document.xlsx", document.bytes, "the archive is not a workbook"),
            ("text.xlsx", Array("Dépenses;Ressources\n".utf8), "the file is not a workbook"),
            ("truncated.xlsx", Array([UInt8](try Data(contentsOf: repositoryFile("Examples/spreadsheets/mecabourg-2013.xlsx"))).prefix(3000)),
             "truncated"),
            ("password.xlsx", [UInt8](try Data(contentsOf: repositoryFile("Tests/Fixtures/spreadsheets/password.xlsx"))), "password-protected"),
            ("password.ods", [UInt8](try Data(contentsOf: repositoryFile("Tests/Fixtures/spreadsheets/password.ods"))), "password-protected"),
            ("bomb.xlsx", [UInt8](try Data(contentsOf: repositoryFile("Tests/Fixtures/spreadsheets/bomb-200MB.xlsx"))), "zip bomb"),
            ("bomb2.xlsx", [UInt8](try Data(contentsOf: repositoryFile("Tests/Fixtures/spreadsheets/bomb-understated.xlsx"))),
             "expands past the 10000 bytes its header declares"),
        ]
        for (file, bytes, words) in cases {
            let start = ContinuousClock.now
            let error = workbookError(bytes, file: file)
            #expect(ContinuousClock.now - start < .seconds(1), "\(file)")
            #expect(error?.file == file)
            #expect(error?.reason.contains(words) == true, "\(file): \(String(describing: error))")
        }
    }

    // MARK: OpenDocument

    static func ods(_ table: String, name: String = "Budget") -> [UInt8] {
        var zip = ZipBuilder()
        zip.store("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zip.store("content.xml", #"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet><table:table table:name="\#(name)">\#(table)</table:table></office:spreadsheet></office:body></office:document-content>"#)
        return zip.bytes
    }

    static func row(_ cells: String, repeated: Int? = nil) -> String {
        "<table:table-row\(repeated.map { " table:number-rows-repeated=\"\($0)\"" } ?? "")>\(cells)</table:table-row>"
    }

    static func text(_ text: String, repeated: Int? = nil) -> String {
        "<table:table-cell office:value-type=\"string\"\(repeated.map { " table:number-columns-repeated=\"\($0)\"" } ?? "")><text:p>\(text)</text:p></table:table-cell>"
    }

    static func number(_ value: String) -> String {
        "<table:table-cell office:value-type=\"currency\" office:currency=\"EUR\" office:value=\"\(value)\"><text:p>\(value) €</text:p></table:table-cell>"
    }

    static let empty = "<table:table-cell/>"

    @Test("OpenDocument: repeated rows and cells, covered cells, spaces, annotations, and a million empty rows counted, not made")
    func odsCells() throws {
        let table = [
            Self.row(Self.text("Cluster") + "<table:table-cell office:value-type=\"string\"><text:p>Es<text:s/>sai<text:s text:c=\"2\"/>du<text:span>\u{A0}pôle</text:span></text:p><office:annotation><text:p>note</text:p></office:annotation></table:table-cell>"),
            Self.row(Self.text("Année") + "<table:table-cell office:value-type=\"float\" office:value=\"2013\"><text:p>2013</text:p></table:table-cell>"),
            Self.row("<table:table-cell table:number-columns-repeated=\"1024\"/>", repeated: 3),
            Self.row(Self.text("Dépenses") + "<table:table-cell table:number-columns-spanned=\"2\" office:value-type=\"string\"><text:p>Montant</text:p></table:table-cell><table:covered-table-cell office:value-type=\"string\"><text:p>caché</text:p></table:covered-table-cell>"
                + Self.text("Ressources") + Self.text("Source") + Self.text("Montant")),
            Self.row(Self.text("Animation") + Self.number("840965.5") + Self.empty + Self.text("Région") + Self.text("region") + Self.number("840965.5")),
            Self.row(Self.text("Total") + Self.number("840965.5") + Self.empty + Self.text("Total") + Self.empty + Self.number("840965.5")),
            Self.row("<table:table-cell table:number-columns-repeated=\"16384\"/>", repeated: 1_048_570),
        ].joined()
        let start = ContinuousClock.now
        let budget = try SpreadsheetBudgetReader().decode(Data(Self.ods(table)), file: "budget.ods").budget
        #expect(ContinuousClock.now - start < .seconds(1))
        #expect(budget.cluster.name == "Es sai  du\u{A0}pôle")
        #expect(budget.year == 2013)
        #expect(budget.expenses[0].amount.minorUnits == 84_096_550)
        #expect(budget.resources[0].amount.minorUnits == 84_096_550)
    }

    @Test("OpenDocument: a cell repeated past the cell limit is refused before it is made")
    func odsRepeatLimit() {
        let table = Self.row(Self.text("x", repeated: 16384), repeated: 1_000_000)
        let start = ContinuousClock.now
        let error = workbookError(Self.ods(table), file: "big.ods")
        #expect(ContinuousClock.now - start < .seconds(1))
        #expect(error?.description.hasPrefix("big.ods, sheet « Budget », row 1: the sheet holds more than 1000000 cells") == true)
    }

    @Test("OpenDocument: spaces that would make a cell of gigabytes, and text repeated past the sheet's limit, are refused fast")
    func odsTextLimits() {
        let spaces = Self.row("<table:table-cell office:value-type=\"string\"><text:p>" + String(repeating: "<text:s text:c=\"1024\"/>", count: 100)
            + "</text:p></table:table-cell>")
        let long = Self.row(Self.text(String(repeating: "x", count: 30_000), repeated: 100), repeated: 10_000)
        for (table, words) in [(spaces, "more than 32767 characters"), (long, "bytes of text")] {
            let start = ContinuousClock.now
            let error = workbookError(Self.ods(table), file: "big.ods")
            #expect(ContinuousClock.now - start < .seconds(1))
            #expect(error?.reason.contains(words) == true, "\(String(describing: error))")
        }
    }

    @Test("A cell far down the sheet makes no million empty rows; rows stay apart as in the sheet")
    func farRows() throws {
        var sheet = sheetXML(frenchRows)
        sheet = sheet.replacingOccurrences(
            of: "</sheetData>", with: #"<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>fin</t></is></c></row></sheetData>"#)
        let start = ContinuousClock.now
        #expect(workbookError(ZipBuilder.workbook(sheet: sheet).bytes) == nil)
        #expect(ContinuousClock.now - start < .seconds(1))

        var grid = SheetGrid(name: "S")
        try grid.set(row: 1, column: 1, .text("a"))
        try grid.set(row: 2, column: 2, .number("1.5"))
        try grid.set(row: 1_048_576, column: 1, .text("z"))
        let records = grid.records(decimalMark: ",")
        #expect(records.map(\.line) == [1, 2, 3, 1_048_576])
        #expect(records.map { $0.cells.map(\.text) } == [["a"], ["", "1,5"], [], ["z"]])
    }

    @Test("A number with a date format is a date (built-in and custom formats, 1900 and 1904 systems)")
    func xlsxDates() throws {
        for (date1904, serial) in [(false, "41275"), (true, "39813.75")] {
            var zip = ZipBuilder.workbook(sheet: #"<worksheet><sheetData><row r="1"><c r="A1" s="1"><v>\#(serial)</v></c><c r="B1" s="2"><v>\#(serial)</v></c><c r="C1" s="3"><v>\#(serial)</v></c></row></sheetData></worksheet>"#)
            zip.entries.removeAll { $0.name == "xl/_rels/workbook.xml.rels" || $0.name == "xl/workbook.xml" }
            zip.store("xl/workbook.xml", #"<workbook xmlns:r="r"><workbookPr date1904="\#(date1904)"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#)
            zip.store("xl/_rels/workbook.xml.rels", #"<Relationships><Relationship Id="rId1" Type="http://x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://x/styles" Target="/xl/styles.xml"/></Relationships>"#)
            zip.store("xl/styles.xml", #"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="d\ mmmm\ yyyy"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>"#)
            var workbook = try XLSXWorkbook(try ZipArchive(zip.bytes))
            let grid = try workbook.sheet(0)
            let row = try #require(grid.rows[1])
            #expect(row[1] == .date("2013-01-01") && row[2] == .date("2013-01-01"), "\(date1904)")
            #expect(row[3] == .number(serial))
        }
    }
}
