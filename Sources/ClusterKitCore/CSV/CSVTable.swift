import Foundation

/// How a CSV file writes its cells and numbers: the separator between cells and the decimal mark of amounts.
///
/// Spreadsheets follow the user's locale: a French export separates cells with `;` and writes `1 227 000,50 €`; an
/// English one separates with `,` and writes `"1,227,000.50"` (quoted, since the thousands separator is the cell
/// separator). ``CSVBudgetReader`` detects the dialect unless told.
public struct CSVDialect: Hashable, Sendable {
    /// The character between cells: `;`, `,` or a tab.
    public var separator: Character
    /// The decimal mark of amounts: `,` or `.`.
    public var decimalMark: Character

    /// Creates a dialect.
    /// - Precondition: the separator is `;`, `,` or a tab, the decimal mark `,` or `.`, and they differ.
    public init(separator: Character, decimalMark: Character) {
        precondition([";", ",", "\t"].contains(separator), "separator must be ';', ',' or a tab")
        precondition([",", "."].contains(decimalMark), "decimal mark must be ',' or '.'")
        precondition(separator != decimalMark, "the separator and the decimal mark must differ")
        self.separator = separator
        self.decimalMark = decimalMark
    }

    /// A French spreadsheet's export: `;` between cells, decimal comma (`1 227 000,50 €`).
    public static let french = CSVDialect(separator: ";", decimalMark: ",")
    /// An English spreadsheet's export: `,` between cells, decimal point (`"1,227,000.50"`).
    public static let english = CSVDialect(separator: ",", decimalMark: ".")
}

/// One cell of a CSV file, with where it is.
struct CSVCell: Hashable {
    /// The cell's text, quotes removed.
    var text: String
    /// The file line the cell starts on, 1-based.
    var line: Int
    /// The cell's column, 1-based (A = 1).
    var column: Int

    /// The text without surrounding white space (spaces, tabs, non-breaking spaces).
    var trimmed: String { CSVText.trimmed(text) }
    /// Whether the cell holds nothing but white space.
    var isBlank: Bool { trimmed.isEmpty }
}

/// One record of a CSV file.
struct CSVRow {
    /// The file line the record starts on, 1-based.
    var line: Int
    /// Its cells, in column order.
    var cells: [CSVCell]

    /// The cell in a column (1-based), if the record reaches it.
    func cell(_ column: Int) -> CSVCell? { column >= 1 && column <= cells.count ? cells[column - 1] : nil }
    /// Whether every cell is blank.
    var isBlank: Bool { cells.allSatisfy(\.isBlank) }
}

/// Splits CSV text into records (RFC 4180: quoted cells, doubled quotes, line breaks inside quotes; CRLF, LF or CR
/// line ends), keeping each cell's line and column for error messages.
enum CSVText {
    /// White space a spreadsheet may leave around a value: spaces, tabs, no-break spaces (U+00A0, U+202F).
    static let blanks = CharacterSet(charactersIn: " \t\u{00A0}\u{202F}\u{2007}")

    /// Text without the ``blanks`` around it: what `trimmingCharacters(in: blanks)` gives, without the round trip
    /// through Foundation that cell after cell would cost.
    static func trimmed(_ text: String) -> String {
        func isBlank(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x20, 0x09, 0xA0, 0x202F, 0x2007: true
            default: false
            }
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isBlank(first) || isBlank(last) else { return text }
        guard let start = scalars.firstIndex(where: { !isBlank($0) }), let end = scalars.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(scalars[start...end])
    }

    /// Decodes UTF-8 (with or without a byte-order mark).
    /// - Throws: ``InputError`` naming the first line that is not UTF-8.
    static func decode(_ data: Data, file: String?) throws(InputError) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var line = 1
        for chunk in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if String(validating: chunk, as: UTF8.self) == nil { break }
            line += 1
        }
        throw InputError(
            file: file, path: "",
            reason: "line \(line) is not UTF-8 text: save the spreadsheet as « CSV UTF-8 » (Windows-1252 exports are not read)",
            line: line)
    }

    /// Detects the dialect: an Excel `sep=` first line wins; otherwise `;` when the first non-blank line has one
    /// outside quotes, else a tab, else `,`. `;` means a decimal comma, `,` a decimal point; a tab-separated file
    /// gets the decimal comma when its headings are French (`Montant`, `Ressources`), the point otherwise.
    static func detectDialect(_ text: String) -> (dialect: CSVDialect, skipFirstLine: Bool) {
        let lines = text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
        if let first = lines.first, first.lowercased().hasPrefix("sep="), let separator = first.dropFirst(4).first,
            [";", ",", "\t"].contains(separator)
        {
            return (separator == "," ? .english : CSVDialect(separator: separator, decimalMark: ","), true)
        }
        guard let line = lines.first(where: { !$0.allSatisfy { $0 == ";" || $0 == "," || $0 == "\t" || $0 == " " } })
        else { return (.french, false) }
        var inQuotes = false
        var counts: [Character: Int] = [:]
        for character in line {
            if character == "\"" { inQuotes.toggle() } else if !inQuotes { counts[character, default: 0] += 1 }
        }
        if counts[";", default: 0] > 0 { return (.french, false) }
        if counts["\t", default: 0] > 0 {
            let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            let french = folded.contains("montant") || folded.contains("ressources") || folded.contains("depenses")
            return (CSVDialect(separator: "\t", decimalMark: french ? "," : "."), false)
        }
        return (.english, false)
    }

    /// The records of the text.
    /// - Throws: ``InputError`` for a quote left open or text after a closing quote.
    static func records(_ text: String, separator: Character, file: String?) throws(InputError) -> [CSVRow] {
        var rows: [CSVRow] = []
        var cells: [CSVCell] = []
        var field = ""
        var line = 1, rowLine = 1, fieldLine = 1
        var inQuotes = false, wasQuoted = false, quoteLine = 1, quoteColumn = 1
        var iterator = text.makeIterator()
        var pending: Character? = nil

        func endField() {
            cells.append(CSVCell(text: field, line: fieldLine, column: cells.count + 1))
            field = ""
            wasQuoted = false
            fieldLine = line
        }
        func endRow() {
            endField()
            rows.append(CSVRow(line: rowLine, cells: cells))
            cells = []
        }

        while let character = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if character.isNewline { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where trimmed(field).isEmpty && !wasQuoted:
                field = ""
                inQuotes = true
                wasQuoted = true
                quoteLine = line
                quoteColumn = cells.count + 1
            case separator:
                endField()
            case _ where character.isNewline:
                line += 1
                endRow()
                rowLine = line
                fieldLine = line
            default:
                if wasQuoted, !CharacterSet(charactersIn: String(character)).isSubset(of: blanks) {
                    throw InputError(
                        file: file, path: "", reason: "text after the closing quote of a cell", line: line,
                        column: cells.count + 1)
                }
                if !wasQuoted { field.append(character) }
            }
        }
        if inQuotes {
            throw InputError(
                file: file, path: "", reason: "a quoted cell is never closed (a \" is missing)", line: quoteLine,
                column: quoteColumn)
        }
        if !field.isEmpty || wasQuoted || !cells.isEmpty { endRow() }
        return rows
    }
}
