import ClusterKitCore
/// Why a workbook cannot be read: the reason, and the sheet and cell when known. ``SpreadsheetBudgetReader`` turns it
/// into an ``InputError`` naming the file.
struct WorkbookError: Error {
    var reason: String
    var sheet: String?
    var row: Int?
    var column: Int?
    init(_ reason: String, sheet: String? = nil, row: Int? = nil, column: Int? = nil) {
        self.reason = reason
        self.sheet = sheet
        self.row = row
        self.column = column
    }
}

/// A workbook's sheets, read one at a time in their order.
protocol WorkbookSource {
    /// The sheets' names, in the workbook's order.
    var sheetNames: [String] { get }
    /// Reads the sheet at an index of ``sheetNames``.
    mutating func sheet(_ index: Int) throws(WorkbookError) -> SheetGrid
}

/// The parts of a workbook's package by path (`xl/workbook.xml`, `content.xml`): a zip archive's entries, or parts
/// given unpacked.
protocol WorkbookParts {
    /// Whether the package has a part of this name.
    func contains(_ name: String) -> Bool
    /// A part's bytes.
    mutating func contents(of name: String) throws(ZipError) -> [UInt8]
}

extension ZipArchive: WorkbookParts {}

/// A workbook's parts given unpacked, held to the limits of a zip archive's entries.
struct UnpackedParts: WorkbookParts {
    private let parts: [String: [UInt8]]

    init(_ parts: [String: [UInt8]], limits: ZipLimits = .standard) throws(ZipError) {
        guard parts.count <= limits.entries else { throw ZipError("the workbook has \(parts.count) parts, more than the \(limits.entries) read") }
        for (name, bytes) in parts where bytes.count > limits.entrySize {
            throw ZipError("the part « \(name) » is \(bytes.count) bytes, more than the \(limits.entrySize) read")
        }
        guard parts.values.reduce(0, { $0 + $1.count }) <= limits.totalSize else {
            throw ZipError("the workbook's parts are more than the \(limits.totalSize) bytes read")
        }
        self.parts = parts
    }

    func contains(_ name: String) -> Bool { parts[name] != nil }

    func contents(of name: String) throws(ZipError) -> [UInt8] {
        guard let bytes = parts[name] else { throw ZipError("the workbook has no part « \(name) »") }
        return bytes
    }
}

extension WorkbookParts {
    /// An entry's XML, errors naming the entry.
    mutating func xml(_ name: String) throws(WorkbookError) -> XMLReader {
        do {
            return try XMLReader(try contents(of: name))
        } catch let error as ZipError {
            throw WorkbookError(error.reason)
        } catch let error as XMLError {
            throw WorkbookError("« \(name) » is not well-formed XML: \(error.reason)")
        } catch {
            throw WorkbookError("« \(name) » cannot be read")
        }
    }
}

/// Runs an XML pass, naming the part in its errors.
func parsing<T>(_ part: String, sheet: String? = nil, _ body: () throws -> T) throws(WorkbookError) -> T {
    do {
        return try body()
    } catch let error as WorkbookError {
        throw error
    } catch let error as XMLError {
        throw WorkbookError("« \(part) » is not well-formed XML: \(error.reason)", sheet: sheet)
    } catch let error as SheetError {
        throw WorkbookError(error.reason, sheet: sheet, row: error.row, column: error.column)
    } catch {
        throw WorkbookError("« \(part) » cannot be read: \(error)", sheet: sheet)
    }
}

// MARK: - Office Open XML

/// An Office Open XML workbook (`.xlsx`, ECMA-376 part 1, SpreadsheetML): the workbook part found through the
/// package's relationships, its sheets, shared strings and the number formats that make a number a date.
struct XLSXWorkbook: WorkbookSource {
    private var archive: any WorkbookParts
    private(set) var sheetNames: [String] = []
    private var sheetParts: [String] = []
    private var sharedStrings: [String] = []
    /// For each cell style (`s`), whether its number format is a date's.
    private var dateStyles: [Bool] = []
    private var date1904 = false

    init(_ archive: any WorkbookParts) throws(WorkbookError) {
        self.archive = archive
        let workbookPart = try officeDocument()
        guard self.archive.contains(workbookPart) else {
            throw WorkbookError("the archive is not a workbook: it has no « \(workbookPart) » (an .xlsx saved by Excel or Calc has one)")
        }
        let relationships = try relationships(of: workbookPart)
        var sheets: [(name: String, id: String)] = []
        var reader = try self.archive.xml(workbookPart)
        try parsing(workbookPart) {
            while let event = try reader.next() {
                guard case .start(let name, let attributes) = event else { continue }
                if name == "workbookPr", let value = attributes["date1904"] { date1904 = value == "1" || value == "true" }
                if name == "sheet" {
                    guard let sheetName = attributes["name"], let id = attributes["id"] else {
                        throw WorkbookError("a sheet of « \(workbookPart) » has no name or relationship")
                    }
                    sheets.append((sheetName, id))
                }
            }
        }
        for sheet in sheets {
            guard let target = relationships.targets[sheet.id] else {
                throw WorkbookError("the sheet « \(sheet.name) » has no part in the workbook's relationships")
            }
            sheetNames.append(sheet.name)
            sheetParts.append(target)
        }
        if let part = relationships.byType["sharedStrings"] { sharedStrings = try readSharedStrings(part) }
        if let part = relationships.byType["styles"] { dateStyles = try readDateStyles(part) }
    }

    /// The workbook part named by the package's relationships (`xl/workbook.xml` as a rule).
    private mutating func officeDocument() throws(WorkbookError) -> String {
        guard archive.contains("_rels/.rels") else { return "xl/workbook.xml" }
        let relationships = try relationships(of: "")
        return relationships.byType["officeDocument"] ?? "xl/workbook.xml"
    }

    /// A part's relationships (`xl/_rels/workbook.xml.rels`): targets by id, and by the last word of their type.
    private mutating func relationships(of part: String) throws(WorkbookError) -> (targets: [String: String], byType: [String: String]) {
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        let file = part.split(separator: "/").last.map(String.init) ?? ""
        let name = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard archive.contains(name) else { return ([:], [:]) }
        var reader = try archive.xml(name)
        var targets: [String: String] = [:], byType: [String: String] = [:]
        try parsing(name) {
            while let event = try reader.next() {
                guard case .start("Relationship", let attributes) = event, let id = attributes["Id"], let target = attributes["Target"]
                else { continue }
                if attributes["TargetMode"] == "External" { continue }
                let path = Self.resolve(target, from: folder)
                targets[id] = path
                if let type = attributes["Type"]?.split(separator: "/").last.map(String.init), byType[type] == nil {
                    byType[type] = path
                }
            }
        }
        return (targets, byType)
    }

    /// A relationship's target as an archive path: absolute (`/xl/…`) or relative to the part's folder, `..` resolved.
    static func resolve(_ target: String, from folder: String) -> String {
        var parts = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The shared strings: each `si`'s text (a plain `t`, or the runs' `t`s; phonetic runs left out).
    private mutating func readSharedStrings(_ part: String) throws(WorkbookError) -> [String] {
        var reader = try archive.xml(part)
        var strings: [String] = []
        try parsing(part) {
            var current = ""
            while let event = try reader.next() {
                switch event {
                case .start("si", _): current = ""
                case .start("t", _): current += try reader.text()
                case .start("rPh", _): try reader.skipElement()
                case .end("si"): strings.append(current)
                default: continue
                }
            }
        }
        return strings
    }

    /// For each cell format of `cellXfs`, whether its number format shows a date: the built-in date formats (14–22,
    /// 27–36, 45–47, 50–58) or a custom code with a day or a year in it.
    private mutating func readDateStyles(_ part: String) throws(WorkbookError) -> [Bool] {
        var reader = try archive.xml(part)
        var customDates: Set<Int> = [], styles: [Bool] = []
        try parsing(part) {
            var inCellFormats = false
            while let event = try reader.next() {
                switch event {
                case .start("numFmt", let attributes):
                    if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"], Self.isDateCode(code) {
                        customDates.insert(id)
                    }
                case .start("cellXfs", _): inCellFormats = true
                case .end("cellXfs"): inCellFormats = false
                case .start("xf", let attributes) where inCellFormats:
                    let id = attributes["numFmtId"].flatMap { Int($0) } ?? 0
                    let builtIn = (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
                    styles.append(builtIn || customDates.contains(id))
                default: continue
                }
            }
        }
        return styles
    }

    /// Whether a number format code shows a date: a `d` or `y` outside quoted text, escapes and `[…]` sections.
    static func isDateCode(_ code: String) -> Bool {
        var inQuotes = false, inBrackets = false, escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\" where !inQuotes: escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case "d", "y": if !inQuotes && !inBrackets { return true }
            default: continue
            }
        }
        return false
    }

    mutating func sheet(_ index: Int) throws(WorkbookError) -> SheetGrid {
        let name = sheetNames[index], part = sheetParts[index]
        guard archive.contains(part) else { throw WorkbookError("the sheet's part « \(part) » is missing from the archive", sheet: name) }
        var reader = try archive.xml(part)
        var grid = SheetGrid(name: name)
        let strings = sharedStrings, dates = dateStyles, date1904 = self.date1904
        try parsing(part, sheet: name) {
            var row = 0, column = 0
            var merges: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)] = []
            while let event = try reader.next() {
                switch event {
                case .start("row", let attributes):
                    if let number = attributes["r"] {
                        guard let value = Int(number), value > row else { throw SheetError("a row's number « \(number) » is out of order", row: nil, column: nil) }
                        row = value
                    } else {
                        row += 1
                    }
                    column = 0
                case .start("c", let attributes):
                    if let reference = attributes["r"] {
                        guard let cell = CellReference(reference), cell.row == row || row == 0 else {
                            throw SheetError("the cell reference « \(reference) » is not in row \(row)", row: row, column: nil)
                        }
                        column = cell.column
                    } else {
                        column += 1
                    }
                    let value = try Self.cell(&reader, attributes, strings: strings, dates: dates, date1904: date1904, row: row, column: column)
                    if let value { try grid.set(row: row, column: column, value) }
                case .start("mergeCell", let attributes):
                    guard let reference = attributes["ref"], let range = CellReference.range(reference) else {
                        throw SheetError("a merged range « \(attributes["ref"] ?? "") » is not a range such as A1:C1", row: nil, column: nil)
                    }
                    guard merges.count < SheetGrid.maximumCells else {
                        throw SheetError("the sheet has more than \(SheetGrid.maximumCells) merged ranges", row: nil, column: nil)
                    }
                    merges.append(range)
                default: continue
                }
            }
            try grid.merge(merges)
        }
        return grid
    }

    /// A cell's value from its `c` element: `t` gives its type (`s` shared string, `inlineStr`, `str` a formula's
    /// text, `b` boolean, `e` error, `d` ISO date, `n` or none a number), `v` its value or a formula's cached result,
    /// `s` its style (a date format makes a number a date).
    private static func cell(
        _ reader: inout XMLReader, _ attributes: [String: String], strings: [String], dates: [Bool], date1904: Bool, row: Int,
        column: Int
    ) throws -> SheetValue? {
        var value: String?, inline: String?
        var depth = 1
        while depth > 0, let event = try reader.next() {
            switch event {
            case .start("v", _): value = try reader.text()
            case .start("is", _):
                inline = ""
                var inner = 1
                while inner > 0, let part = try reader.next() {
                    switch part {
                    case .start("t", _): inline! += try reader.text()
                    case .start("rPh", _): try reader.skipElement()
                    case .start: inner += 1
                    case .end: inner -= 1
                    case .text: continue
                    }
                }
            case .start: depth += 1
            case .end: depth -= 1
            case .text: continue
            }
        }
        switch attributes["t"] ?? "n" {
        case "s":
            guard let value else { return nil }
            guard let index = Int(value), strings.indices.contains(index) else {
                throw SheetError("the shared string « \(value) » does not exist", row: row, column: column)
            }
            return .text(strings[index])
        case "inlineStr": return inline.map(SheetValue.text)
        case "str", "e": return value.map(SheetValue.text)
        case "b": return value.map { .boolean($0 == "1" || $0 == "true") }
        case "d": return value.map { .date(String($0.prefix(10))) }
        default:
            guard let value, !value.isEmpty else { return nil }
            if let style = attributes["s"].flatMap({ Int($0) }), dates.indices.contains(style), dates[style],
                let serial = DecimalText.wholePart(value, in: 0...2_958_465)
            {
                return .date(CivilDate.iso(excelSerial: serial, date1904: date1904))
            }
            return .number(value)
        }
    }
}

/// A cell's reference: `F12` → row 12, column 6.
struct CellReference: Equatable {
    var row: Int
    var column: Int

    init?(_ text: String) {
        var column = 0, row = 0, letters = 0, digits = 0
        for scalar in text.unicodeScalars where scalar != "$" {
            switch scalar {
            case "A"..."Z", "a"..."z":
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int(scalar.properties.uppercaseMapping.unicodeScalars.first!.value) - 64
                letters += 1
            case "0"..."9":
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(scalar.value) - 48
                digits += 1
            default: return nil
            }
        }
        guard letters > 0, digits > 0, row >= 1, column <= SheetGrid.maximumColumn, row <= SheetGrid.maximumRow else { return nil }
        self.row = row
        self.column = column
    }

    /// A range `A1:C3` (or one cell) as rows and columns.
    static func range(_ text: String) -> (rows: ClosedRange<Int>, columns: ClosedRange<Int>)? {
        let ends = text.split(separator: ":")
        guard (1...2).contains(ends.count), let first = CellReference(String(ends[0])),
            let last = CellReference(String(ends[ends.count - 1]))
        else { return nil }
        return (min(first.row, last.row)...max(first.row, last.row), min(first.column, last.column)...max(first.column, last.column))
    }

    /// `F12`.
    var name: String { InputError.columnLetters(column) + String(row) }
}

// MARK: - OpenDocument

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
        switch attributes["value-type"] {
        case "float", "percentage", "currency": return attributes["value"].map(SheetValue.number)
        case "date": return attributes["date-value"].map { .date(String($0.prefix(10))) }
        case "time": return attributes["time-value"].map(SheetValue.text)
        case "boolean": return attributes["boolean-value"].map { .boolean($0 == "true") }
        case "string": return .text(attributes["string-value"] ?? paragraphs.joined(separator: "\n"))
        default: return paragraphs.isEmpty ? nil : .text(paragraphs.joined(separator: "\n"))
        }
    }

    /// The longest text a cell may hold: Excel's and Calc's limit. (`text:s` spaces would otherwise let a few bytes
    /// of XML make a cell of gigabytes.)
    static let maximumCellText = 32_767

    /// A `text:p`'s text: runs, spans and links, `text:s` (its `text:c` spaces), `text:tab`, `text:line-break`.
    private static func paragraph(_ reader: inout XMLReader) throws -> String {
        var text = "", depth = 1
        while depth > 0, let event = try reader.next() {
            guard text.utf8.count <= maximumCellText else {
                throw SheetError("a cell holds more than \(maximumCellText) characters", row: nil, column: nil)
            }
            switch event {
            case .start("s", let attributes):
                let spaces = attributes["c"].flatMap { Int($0) } ?? 1
                guard (1...1024).contains(spaces) else { throw SheetError("a run of « \(spaces) » spaces", row: nil, column: nil) }
                text += String(repeating: " ", count: spaces)
                depth += 1
            case .start("tab", _):
                text += "\t"
                depth += 1
            case .start("line-break", _):
                text += "\n"
                depth += 1
            case .start("annotation", _), .start("note", _): try reader.skipElement()
            case .start: depth += 1
            case .end: depth -= 1
            case .text(let part): text += part
            }
        }
        return text
    }
}
