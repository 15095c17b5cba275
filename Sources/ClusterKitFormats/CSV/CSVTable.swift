import ClusterKitCore
import Foundation

/// One cell of a CSV file, with where it is.
///
/// A cell is folded for matching (``folded``) once, when it is made: the readers compare a cell with headings, keys,
/// titles and words several times (is it a side's title? a Cerfa form's? a total?), and folding, not comparing, is
/// what that costs. A cell whose text starts with a digit (an amount, a year: a third of a budget's cells) is no
/// word, title or key — its fold starts with that digit — and is folded only if asked (``startsWithDigit``).
struct CSVCell: Hashable {
    /// The cell's text, quotes removed.
    let text: String
    /// The file line the cell starts on, 1-based.
    var line: Int
    /// The cell's column, 1-based (A = 1).
    var column: Int
    /// The fold made with the cell: `nil` when the text starts with a digit.
    private let fold: String?
    /// Whether the cell holds nothing but white space.
    let isBlank: Bool

    init(text: String, line: Int, column: Int) {
        self.text = text
        self.line = line
        self.column = column
        let first = text.utf8.first ?? 0
        self.fold = first &- 0x30 < 10 ? nil : CSVVocabulary.normalized(text)
        self.isBlank = first &- 0x30 < 10 ? false
            : text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } || text.unicodeScalars.allSatisfy(CSVText.isBlank)
    }

    /// The text folded for matching: ``CSVVocabulary/normalized(_:)`` of ``text``.
    var folded: String { fold ?? CSVVocabulary.normalized(text) }

    /// Whether the text starts with an ASCII digit: its fold (``folded``) then starts with that digit, so it names no
    /// side, heading, title or key; a scan of every cell for one passes it by without folding it.
    var startsWithDigit: Bool { fold == nil }

    /// The text without surrounding white space (spaces, tabs, non-breaking spaces).
    var trimmed: String { CSVText.trimmed(text) }
    /// Where the cell is.
    var position: CellPosition { CellPosition(line: line, column: column) }
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
    /// Whether a scalar is white space a spreadsheet may leave around a value: a space, a tab, a no-break space
    /// (U+00A0, U+202F, U+2007).
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0xA0, 0x202F, 0x2007: true
        default: false
        }
    }

    /// Text without blanks (``isBlank(_:)``) around it: what `trimmingCharacters(in:)` gives for them, without the round trip
    /// through Foundation that cell after cell would cost.
    static func trimmed(_ text: String) -> String {
        // An ASCII letter, digit or sign at both ends, as a rule: the text as it is, without decoding its last scalar.
        if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80, first != 0x20, first != 0x09,
            last != 0x20, last != 0x09
        {
            return text
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isBlank(first) || isBlank(last) else { return text }
        guard let start = scalars.firstIndex(where: { !isBlank($0) }), let end = scalars.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(scalars[start...end])
    }

    /// A CSV file's text: no larger than ``BudgetDecoder/maximumDocumentSize`` nor longer than ``maximumLines``
    /// lines (both checked before any cell is split), UTF-8 (``decode(_:file:)``), else Windows-1252 with a note.
    /// - Throws: ``InputError`` naming the file and the reason.
    static func document(_ data: Data, file: String?) throws(InputError) -> (text: String, note: String?) {
        guard data.count <= BudgetDecoder.maximumDocumentSize else {
            throw InputError(
                file: file, path: "",
                reason: "the file is \(megabytes(data.count)) MB, more than the \(megabytes(BudgetDecoder.maximumDocumentSize)) MB ClusterKit reads (\(data.count) bytes, more than the \(BudgetDecoder.maximumDocumentSize) bytes): a budget's table is a few kilobytes; export the sheet holding it alone")
        }
        // Line ends counted on the bytes, before any decoding or splitting: a file of a million lines is refused in
        // milliseconds, in no more memory than the file.
        var lines = 1
        let limit = maximumLines
        let tooLong: Bool = data.withUnsafeBytes { raw in
            for byte in raw where byte == 0x0A {
                lines += 1
                if lines > limit { return true }
            }
            return false
        }
        if tooLong {
            throw InputError(
                file: file, path: "",
                reason: "the file has more than \(limit) lines (\(megabytes(data.count)) MB): a budget's table has a few hundred; export the sheet holding the budget alone, or split the file")
        }
        do { return (try decode(data, file: file), nil) } catch {
            // Bytes Windows-1252 leaves undefined: not a Windows export either.
            if data.contains(where: { [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }) { throw error }
        }
        return (windows1252(data), "the file is not UTF-8: read as Windows-1252 (Excel's « CSV (séparateur : point-virgule) »); save it as « CSV UTF-8 » to be sure of its accents")
    }

    /// The most lines a CSV file may have: a plan of financing has a few hundred.
    static let maximumLines = 100_000

    /// A size in MB with one decimal (`15.2`).
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Windows-1252 bytes as text: Latin-1, with 0x80–0x9F as Windows maps them (€, ’, œ, …).
    static func windows1252(_ data: Data) -> String {
        let high: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
            0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        var scalars = String.UnicodeScalarView()
        for byte in data {
            let value = (0x80..<0xA0).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
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
        // The lines one at a time: the dialect is in the first ones, and a file may be long.
        let lines = sequence(state: text[...]) { (rest: inout Substring) -> Substring? in
            rest = rest.drop(while: \.isNewline)
            guard !rest.isEmpty else { return nil }
            let end = rest.firstIndex(where: \.isNewline) ?? rest.endIndex
            defer { rest = rest[end...] }
            return rest[..<end]
        }
        var firstLines = lines.makeIterator()
        if let first = firstLines.next(), first.lowercased().hasPrefix("sep="), let separator = first.dropFirst(4).first,
            [";", ",", "\t"].contains(separator)
        {
            return (separator == "," ? .english : CSVDialect(separator: separator, decimalMark: ","), true)
        }
        // The first line with a separator and something else: a title alone on its line (« Budget 2026 ») tells none.
        let separators = Self.separators
        guard let line = lines.prefix(50).first(where: { line in
            !line.allSatisfy { separators.contains($0) || $0 == " " } && line.contains(where: separators.contains)
        }) ?? lines.first(where: { !$0.allSatisfy { separators.contains($0) || $0 == " " } })
        else { return (.french, false) }
        // Only whether a `;` or a tab is outside quotes tells the dialect: two flags, not a count of every character.
        var inQuotes = false, semicolon = false, tab = false
        for character in line {
            if character == "\"" {
                inQuotes.toggle()
            } else if !inQuotes {
                if character == ";" { semicolon = true } else if character == "\t" { tab = true }
            }
        }
        if semicolon { return (.french, false) }
        if tab {
            let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            let french = folded.contains("montant") || folded.contains("ressources") || folded.contains("depenses")
            return (CSVDialect(separator: "\t", decimalMark: french ? "," : "."), false)
        }
        return (.english, false)
    }

    /// The separators ``detectDialect(_:)`` looks for, made once.
    private static let separators: Set<Character> = [";", ",", "\t"]

    /// The records of the text.
    ///
    /// Read byte by byte on the text's UTF-8 (the separator, quotes and line ends are ASCII or known sequences; `\r\n`
    /// is one line end; no byte of a longer sequence is ASCII), and a cell's text is made from its bytes once, not
    /// scalar by scalar nor by appending: a budget's file is mostly cells.
    /// - Throws: ``InputError`` for a quote left open or text after a closing quote.
    static func records(_ text: String, separator: Character, file: String?) throws(InputError) -> [CSVRow] {
        var text = text
        let separator = separator.asciiValue ?? 0x3B
        let result = text.withUTF8 { bytes in
            Result { () throws(InputError) -> [CSVRow] in try records(bytes, separator: separator, file: file) }
        }
        return try result.get()
    }

    private static func records(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, file: String?) throws(InputError) -> [CSVRow] {
        // Long by design: one state machine over the bytes (quoted, unquoted, separators, line ends).
        let count = bytes.count
        var rows: [CSVRow] = []
        var cells: [CSVCell] = []
        // The cell's text so far (only when it is made of several runs: quotes), and the run of bytes that follows it.
        var field: [UInt8] = []
        var run: Int? = nil
        var line = 1, rowLine = 1, fieldLine = 1
        var inQuotes = false, wasQuoted = false, quoteLine = 1, quoteColumn = 1

        /// The length of the scalar starting at a lead byte.
        func length(_ lead: UInt8) -> Int { lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4 }
        /// Whether the scalar at `index` is a blank (``isBlank(_:)``).
        func blank(at index: Int) -> Bool {
            switch bytes[index] {
            case 0x20, 0x09: return true
            case 0xC2: return index + 1 < count && bytes[index + 1] == 0xA0
            case 0xE2: return index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xAF || bytes[index + 2] == 0x87)
            default: return false
            }
        }
        /// Where the line end at `index` stops: past a `\n` that follows a `\r`; nil when the scalar ends no line
        /// (the line ends of `Character.isNewline`: CR, LF, VT, FF, NEL, U+2028, U+2029).
        func lineEnd(at index: Int) -> Int? {
            switch bytes[index] {
            case 0x0D: return index + 1 < count && bytes[index + 1] == 0x0A ? index + 2 : index + 1
            case 0x0A, 0x0B, 0x0C: return index + 1
            case 0xC2: return index + 1 < count && bytes[index + 1] == 0x85 ? index + 2 : nil
            case 0xE2:
                return index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
                    ? index + 3 : nil
            default: return nil
            }
        }
        func flush(upTo end: Int) {
            if let start = run { field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end])) }
            run = nil
        }
        func endField(at index: Int) {
            let text: String
            if field.isEmpty {
                text = run.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0..<index]), as: UTF8.self) } ?? ""
            } else {
                flush(upTo: index)
                text = String(decoding: field, as: UTF8.self)
                field.removeAll(keepingCapacity: true)
            }
            run = nil
            cells.append(CSVCell(text: text, line: fieldLine, column: cells.count + 1))
            wasQuoted = false
            fieldLine = line
        }
        /// Whether the cell's text so far, up to `index`, is blanks only.
        func blankSoFar(upTo index: Int) -> Bool {
            var position = 0
            while position < field.count {
                switch field[position] {
                case 0x20, 0x09: position += 1
                case 0xC2 where position + 1 < field.count && field[position + 1] == 0xA0: position += 2
                case 0xE2 where position + 2 < field.count && field[position + 1] == 0x80
                    && (field[position + 2] == 0xAF || field[position + 2] == 0x87):
                    position += 3
                default: return false
                }
            }
            guard var position = run else { return true }
            while position < index {
                guard blank(at: position) else { return false }
                position += length(bytes[position])
            }
            return true
        }

        var index = 0
        while index < count {
            let byte = bytes[index]
            let next = index + length(byte)
            if inQuotes {
                if byte == 0x22 {
                    flush(upTo: index)
                    if next < count, bytes[next] == 0x22 {
                        run = next  // a doubled quote: the second one is text
                        index = next + 1
                    } else {
                        inQuotes = false
                        index = next
                    }
                    continue
                }
                if run == nil { run = index }
                if let end = lineEnd(at: index) {
                    line += 1
                    index = end
                } else {
                    index = next
                }
                continue
            }
            if byte == 0x22, !wasQuoted {
                if blankSoFar(upTo: index) {
                    field.removeAll(keepingCapacity: true)
                    run = nil
                    inQuotes = true
                    wasQuoted = true
                    quoteLine = line
                    quoteColumn = cells.count + 1
                    index = next
                    continue
                }
                // A quote inside a cell's text is text; the run goes on (as the text it follows was kept).
                flush(upTo: index)
            }
            if byte == separator {
                endField(at: index)
                index = next
            } else if let end = lineEnd(at: index) {
                endField(at: index)
                line += 1
                rows.append(CSVRow(line: rowLine, cells: cells))
                // The next row is as wide as this one, as a rule: its cells are not copied as the list grows.
                let width = cells.count
                cells = []
                cells.reserveCapacity(width)
                rowLine = line
                fieldLine = line
                index = end
            } else {
                if wasQuoted, !blank(at: index) {
                    throw InputError(
                        file: file, path: "", reason: "text after the closing quote of a cell", line: line,
                        column: cells.count + 1)
                }
                if !wasQuoted {
                    if run == nil { run = index }
                    // The rest of an unquoted cell's text at once: up to a separator, a quote, or a byte that may start
                    // a line end (CR, LF, VT, FF; 0xC2 for NEL, 0xE2 for U+2028 and U+2029).
                    var end = next
                    while end < count {
                        let byte = bytes[end]
                        if byte == separator || byte == 0x22 || byte &- 0x0A < 4 || byte == 0xC2 || byte == 0xE2 { break }
                        end += 1
                    }
                    index = end
                } else {
                    index = next
                }
            }
        }
        if inQuotes {
            throw InputError(
                file: file, path: "", reason: "a quoted cell is never closed (a \" is missing)", line: quoteLine,
                column: quoteColumn)
        }
        if !field.isEmpty || run != nil || wasQuoted || !cells.isEmpty {
            endField(at: count)
            rows.append(CSVRow(line: rowLine, cells: cells))
        }
        return rows
    }
}
