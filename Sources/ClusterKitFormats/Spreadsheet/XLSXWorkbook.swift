import ClusterKitCore

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
            var current: String?
            while let event = try reader.next() {
                switch event {
                case .start("si", _): current = nil
                case .start("t", _): current.append(try reader.text())
                case .start("rPh", _): try reader.skipElement()
                case .end("si"): strings.append(current ?? "")
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
        var value: String?, inline: String?, formula = false
        var depth = 1
        while depth > 0, let event = try reader.next() {
            switch event {
            case .start("v", _): value = try reader.text()
            case .start("f", _):
                formula = true
                depth += 1
            case .start("is", _):
                var text: String?
                defer { inline = text ?? "" }
                var inner = 1
                while inner > 0, let part = try reader.next() {
                    switch part {
                    case .start("t", _): text.append(try reader.text())
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
        if formula, value == nil || value?.isEmpty == true { return .uncomputed }
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
            return formula ? .computed(value) : .number(value)
        }
    }
}
