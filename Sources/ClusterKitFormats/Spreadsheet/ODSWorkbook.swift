import ClusterKitCore

/// An OpenDocument spreadsheet (`.ods`, ISO/IEC 26300): `content.xml`'s tables, rows and cells, with their repeats,
/// value types, and covered (merged) cells.
struct ODSWorkbook: WorkbookSource {
    private(set) var sheetNames: [String] = []
    private var sheets: [SheetGrid] = []

    init(_ archive: any WorkbookParts) throws(WorkbookError) {
        var archive = archive
        if archive.contains("mimetype") {
            let type = String(decoding: try Self.entry(&archive, "mimetype").prefix(200), as: UTF8.self)
            guard type.hasPrefix("application/vnd.oasis.opendocument.spreadsheet") else {
                throw WorkbookError("the file is not a spreadsheet: its OpenDocument type is « \(type) »")
            }
        }
        // ODF encryption leaves the zip entries unencrypted to zip readers: the manifest says which are encrypted.
        if archive.contains("META-INF/manifest.xml") {
            let manifest = try Self.entry(&archive, "META-INF/manifest.xml")
            if manifest.firstRange(of: Array("encryption-data".utf8)) != nil {
                throw WorkbookError("the workbook is password-protected (its content is encrypted): save it without a password")
            }
        }
        guard archive.contains("content.xml") else {
            throw WorkbookError("the archive is not a workbook: it has no content.xml (an .ods saved by Calc has one)")
        }
        var reader = try archive.xml("content.xml")
        try parsing("content.xml") {
            while let event = try reader.next() {
                guard case .start("table", let attributes) = event else { continue }
                let name = attributes["name"] ?? "Sheet\(sheets.count + 1)"
                do {
                    sheets.append(try Self.table(&reader, name: name))
                } catch let error as SheetError {
                    throw WorkbookError(error.reason, sheet: name, row: error.row, column: error.column)
                }
                sheetNames.append(name)
            }
        }
    }

    private static func entry(_ archive: inout any WorkbookParts, _ name: String) throws(WorkbookError) -> [UInt8] {
        do { return try archive.contents(of: name) } catch { throw WorkbookError(error.reason) }
    }

    mutating func sheet(_ index: Int) throws(WorkbookError) -> SheetGrid { sheets[index] }

    /// A `table:table`'s cells: rows (inside header rows, row groups, or not) and their cells, each repeated as
    /// `number-rows-repeated` and `number-columns-repeated` say — only when it holds a value: the empty rows and cells
    /// Calc writes to the end of the sheet (a million of them) are counted, not made.
    private static func table(_ reader: inout XMLReader, name: String) throws -> SheetGrid {
        var grid = SheetGrid(name: name)
        var row = 0
        var depth = 1
        while depth > 0, let event = try reader.next() {
            switch event {
            case .start("table-row", let attributes):
                let repeats = try count(attributes["number-rows-repeated"], row: row + 1, column: nil)
                var cells: [(column: Int, value: SheetValue)] = []
                var column = 0
                var inner = 1
                while inner > 0, let part = try reader.next() {
                    switch part {
                    case .start(let element, let cellAttributes) where element == "table-cell" || element == "covered-table-cell":
                        let times = try count(cellAttributes["number-columns-repeated"], row: row + 1, column: column + 1)
                        let value = try cell(&reader, cellAttributes)
                        // A covered cell is part of a merged one: read as empty, the merged cell being its top-left.
                        if element == "table-cell", let value {
                            guard column + times <= SheetGrid.maximumColumn else {
                                throw SheetError("a row reaches past column \(SheetGrid.maximumColumn)", row: row + 1, column: nil)
                            }
                            guard cells.count + times <= SheetGrid.maximumCells else {
                                throw SheetError("a row holds more than \(SheetGrid.maximumCells) cells", row: row + 1, column: nil)
                            }
                            for offset in 1...times { cells.append((column + offset, value)) }
                        }
                        column += times
                    case .start: try reader.skipElement()
                    case .end: inner -= 1
                    case .text: continue
                    }
                }
                if !cells.isEmpty {
                    guard row + repeats <= SheetGrid.maximumRow else {
                        throw SheetError("the sheet reaches past row \(SheetGrid.maximumRow)", row: nil, column: nil)
                    }
                    guard cells.count * repeats <= SheetGrid.maximumCells else {
                        throw SheetError("the sheet holds more than \(SheetGrid.maximumCells) cells, more than ClusterKit reads", row: row + 1, column: nil)
                    }
                    for offset in 1...repeats {
                        for cell in cells { try grid.set(row: row + offset, column: cell.column, cell.value) }
                    }
                }
                row += repeats
            // Rows may be grouped (header rows, row groups): read inside them; skip everything else (columns, shapes).
            case .start("table-header-rows", _), .start("table-row-group", _), .start("table-rows", _): depth += 1
            case .start: try reader.skipElement()
            case .end: depth -= 1
            case .text: continue
            }
        }
        return grid
    }

    /// A repeat count: 1 when absent, at most the sheet's size.
    private static func count(_ text: String?, row: Int, column: Int?) throws -> Int {
        guard let text else { return 1 }
        guard let value = Int(text), value >= 1, value <= SheetGrid.maximumRow else {
            throw SheetError("the repeat count « \(text) » is not a number of cells", row: row, column: column)
        }
        return value
    }

    /// A cell's value: `office:value-type` says which attribute holds it (`office:value` for a float, a percentage or
    /// a currency; `office:date-value`, `office:time-value`, `office:boolean-value`), its paragraphs the text of a
    /// string (`text:s` spaces, tabs and line breaks kept; annotations left out).
    private static func cell(_ reader: inout XMLReader, _ attributes: [String: String]) throws -> SheetValue? {
        var paragraphs: [String] = []
        var depth = 1, length = 0
        while depth > 0, let event = try reader.next() {
            switch event {
            case .start("p", _):
                paragraphs.append(try paragraph(&reader))
                length += paragraphs.last!.utf8.count + 1
                guard length <= maximumCellText else {
                    throw SheetError("a cell holds more than \(maximumCellText) characters", row: nil, column: nil)
                }
            case .start("annotation", _): try reader.skipElement()
            case .start: depth += 1
            case .end: depth -= 1
            case .text: continue
            }
        }
        let formula = attributes["formula"] != nil
        if formula, attributes["value-type"] == nil, paragraphs.isEmpty { return .uncomputed }
        switch attributes["value-type"] {
        case "float", "percentage", "currency": return attributes["value"].map(formula ? SheetValue.computed : SheetValue.number)
        case "date": return attributes["date-value"].map { .date(String($0.prefix(10))) }
        case "time": return attributes["time-value"].map(SheetValue.text)
        case "boolean": return attributes["boolean-value"].map { .boolean($0 == "true") }
        case "string": return .text(attributes["string-value"] ?? lines(paragraphs))
        default: return paragraphs.isEmpty ? nil : .text(lines(paragraphs))
        }
    }

    /// A cell's paragraphs as its text, one a line: a single paragraph as it was read, not copied.
    private static func lines(_ paragraphs: [String]) -> String {
        paragraphs.count == 1 ? paragraphs[0] : paragraphs.joined(separator: "\n")
    }

    /// The longest text a cell may hold: Excel's and Calc's limit. (`text:s` spaces would otherwise let a few bytes
    /// of XML make a cell of gigabytes.)
    static let maximumCellText = 32_767

    /// A `text:p`'s text: runs, spans and links, `text:s` (its `text:c` spaces), `text:tab`, `text:line-break`.
    private static func paragraph(_ reader: inout XMLReader) throws -> String {
        // The text as it is read: its first piece as the reader made it, the others appended.
        var text: String?, depth = 1
        while depth > 0, let event = try reader.next() {
            guard (text?.utf8.count ?? 0) <= maximumCellText else {
                throw SheetError("a cell holds more than \(maximumCellText) characters", row: nil, column: nil)
            }
            switch event {
            case .start("s", let attributes):
                let spaces = attributes["c"].flatMap { Int($0) } ?? 1
                guard (1...1024).contains(spaces) else { throw SheetError("a run of « \(spaces) » spaces", row: nil, column: nil) }
                text.append(String(repeating: " ", count: spaces))
                depth += 1
            case .start("tab", _):
                text.append("\t")
                depth += 1
            case .start("line-break", _):
                text.append("\n")
                depth += 1
            case .start("annotation", _), .start("note", _): try reader.skipElement()
            case .start: depth += 1
            case .end: depth -= 1
            case .text(let part): text.append(part)
            }
        }
        return text ?? ""
    }
}
