import ClusterKitCore
/// A cell's value as a spreadsheet stores it.
enum SheetValue: Equatable {
    /// Text: a shared, inline or literal string, or a formula's text result.
    case text(String)
    /// A number, as the decimal text the file stores (`840965.5`, `1.5E-3`): never through floating point.
    case number(String)
    /// A boolean.
    case boolean(Bool)
    /// A date, as ISO 8601 text (`2013-01-31`).
    case date(String)
    /// A formula's numeric result, as the decimal text the file stores: read as a number, rounded to the cent when it
    /// has more decimals (a typed constant with more stays an error).
    case computed(String)
    /// A formula saved without its computed value: an error when the table reads it.
    case uncomputed
}

/// One sheet read from a workbook: its name and its non-empty cells by row and column (both 1-based).
struct SheetGrid {
    var name: String
    private(set) var rows: [Int: [Int: SheetValue]] = [:]
    private(set) var count = 0
    /// The bytes of text in the cells, repeated cells counted each time: what the table reader will go through.
    private(set) var textBytes = 0

    /// The most cells a sheet may hold, the most rows and columns it may reach: a plan of financing has a few hundred
    /// cells; these stop a file that declares millions before they are allocated.
    static let maximumCells = 1_000_000
    static let maximumRow = 1_048_576
    static let maximumColumn = 16_384
    /// The most text a sheet may hold (cells repeated by OpenDocument's repeat counts are counted each time).
    static let maximumText = 16 << 20

    init(name: String) { self.name = name }

    /// Sets a cell; an empty text is no cell.
    /// - Throws: a reason when the sheet would pass ``maximumCells`` or the cell lies past the last row or column.
    mutating func set(row: Int, column: Int, _ value: SheetValue) throws(SheetError) {
        guard (1...Self.maximumRow).contains(row), (1...Self.maximumColumn).contains(column) else {
            throw SheetError("a cell lies outside the sheet (row \(row), column \(column))", row: nil, column: nil)
        }
        if case .text(let text) = value {
            if text.isEmpty { return }
            textBytes += text.utf8.count
            guard textBytes <= Self.maximumText else {
                throw SheetError("the sheet holds more than \(Self.maximumText) bytes of text, more than ClusterKit reads", row: row, column: column)
            }
        }
        if rows[row]?[column] == nil {
            guard count < Self.maximumCells else {
                throw SheetError("the sheet holds more than \(Self.maximumCells) cells, more than ClusterKit reads", row: row, column: column)
            }
            count += 1
        }
        rows[row, default: [:]][column] = value
    }

    /// Clears the cells of merged ranges but their top-left ones: a merged cell is read as its top-left value. The
    /// work is counted — each range at least once, each cell looked at once — against ``maximumCells`` × 4, so that
    /// many large ranges cannot take unbounded time.
    mutating func merge(_ ranges: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)]) throws(SheetError) {
        let rowNumbers = rows.keys.sorted()
        var budget = Self.maximumCells * 4
        for range in ranges {
            budget -= 1
            // The first row of the range, by binary search.
            var low = 0, high = rowNumbers.count
            while low < high {
                let middle = (low + high) / 2
                if rowNumbers[middle] < range.rows.lowerBound { low = middle + 1 } else { high = middle }
            }
            var index = low
            while index < rowNumbers.count, rowNumbers[index] <= range.rows.upperBound {
                let row = rowNumbers[index]
                index += 1
                guard var cells = rows[row] else { continue }
                budget -= cells.count
                guard budget >= 0 else { throw SheetError("the sheet has too many merged cells", row: nil, column: nil) }
                for column in cells.keys where range.columns.contains(column)
                    && !(row == range.rows.lowerBound && column == range.columns.lowerBound)
                {
                    cells[column] = nil
                    count -= 1
                }
                rows[row] = cells
            }
            guard budget >= 0 else { throw SheetError("the sheet has too many merged cells", row: nil, column: nil) }
        }
    }

    /// The sheet as the CSV reader's records, numbers written in the canonical form its value reader reads exactly
    /// with this decimal mark (no thousands separator, at most 15 significant digits). Rows keep their numbers; a run
    /// of empty rows becomes one empty record, so that rows stay adjacent or apart as in the sheet, and a cell a
    /// million rows down makes two records, not a million.
    func records(decimalMark: Character) -> [CSVRow] {
        var records: [CSVRow] = []
        var previous = 0
        for row in rows.keys.sorted() {
            guard let cells = rows[row], let width = cells.keys.max() else { continue }
            if row > previous + 1 { records.append(CSVRow(line: previous + 1, cells: [])) }
            previous = row
            var line: [CSVCell] = []
            line.reserveCapacity(width)
            for column in 1...width {
                line.append(CSVCell(text: cells[column].map { Self.text(of: $0, decimalMark: decimalMark) } ?? "", line: row, column: column))
            }
            records.append(CSVRow(line: row, cells: line))
        }
        return records
    }

    /// A cell's text as the CSV reader reads it.
    static func text(of value: SheetValue, decimalMark: Character) -> String {
        switch value {
        case .text(let text): text
        case .number(let stored): DecimalText.canonical(stored, decimalMark: decimalMark) ?? stored
        case .boolean(let flag): flag ? "true" : "false"
        case .date(let date): date
        case .computed(let stored): Self.roundedToCent(DecimalText.canonical(stored, decimalMark: decimalMark) ?? stored, decimalMark: decimalMark)
        case .uncomputed: ""
        }
    }

    /// A number's canonical text rounded half away from zero to two decimals, when it has more.
    static func roundedToCent(_ text: String, decimalMark: Character) -> String {
        guard let mark = text.firstIndex(of: decimalMark) else { return text }
        let fraction = text[text.index(after: mark)...]
        guard fraction.count > 2, fraction.allSatisfy(\.isASCII) else { return text }
        let negative = text.hasPrefix("-")
        let whole = text[text.index(text.startIndex, offsetBy: negative ? 1 : 0)..<mark]
        let digits = Array((whole + fraction.prefix(2)).utf8).map { Int($0) - 48 }
        guard digits.allSatisfy({ (0...9).contains($0) }) else { return text }
        var result = digits
        if let next = fraction.dropFirst(2).first?.wholeNumberValue, next >= 5 {
            var index = result.count - 1
            while index >= 0 {
                if result[index] == 9 { result[index] = 0; index -= 1 } else { result[index] += 1; break }
            }
            if index < 0 { result.insert(1, at: 0) }
        }
        let text = String(decoding: result.map { UInt8($0 + 48) }, as: UTF8.self)
        return (negative ? "-" : "") + text.dropLast(2) + String(decimalMark) + text.suffix(2)
    }

    /// The formulas of the sheet the table reader should hear of, from a row on: those saved without a computed value,
    /// and those whose result was rounded to the cent (with the stored result).
    func formulaCells(from firstRow: Int) -> (uncomputed: [(row: Int, column: Int)], rounded: [(row: Int, column: Int, stored: String)]) {
        var uncomputed: [(row: Int, column: Int)] = [], rounded: [(row: Int, column: Int, stored: String)] = []
        for row in rows.keys.sorted() where row >= firstRow {
            for (column, value) in rows[row]!.sorted(by: { $0.key < $1.key }) {
                switch value {
                case .uncomputed: uncomputed.append((row, column))
                case .computed(let stored):
                    let canonical = DecimalText.canonical(stored, decimalMark: ".") ?? stored
                    if Self.roundedToCent(canonical, decimalMark: ".") != canonical { rounded.append((row, column, canonical)) }
                default: continue
                }
            }
        }
        return (uncomputed, rounded)
    }
}

/// Why a sheet cannot be read, with the cell when there is one.
struct SheetError: Error {
    var reason: String
    var row: Int?
    var column: Int?
    init(_ reason: String, row: Int?, column: Int?) {
        self.reason = reason
        self.row = row
        self.column = column
    }
}

/// Numbers as spreadsheets store them — the shortest decimal text that reads back to the binary double (`840965.5`,
/// `0.30000000000000004`, `1E-3`) — turned into decimal text without floating point.
enum DecimalText {
    /// The most significant digits kept: what Excel and Calc display, and what a double holds exactly in decimal.
    /// A formula's result like `290000.00000000006` (a sum in binary) is read as 290000, as the spreadsheet shows it.
    static let significantDigits = 15

    /// `stored` as plain decimal text with `decimalMark`, rounded half away from zero to ``significantDigits``
    /// significant digits, trailing zeros of the fraction dropped; nil when `stored` is not a decimal number or its
    /// exponent is out of any amount's range.
    static func canonical(_ stored: String, decimalMark: Character) -> String? {
        // Long by design: one scan of a stored number, each case of the cell formats in turn.
        var scalars = Substring(stored).unicodeScalars[...]
        var negative = false
        if scalars.first == "-" || scalars.first == "+" {
            negative = scalars.first == "-"
            scalars = scalars.dropFirst()
        }
        var digits: [UInt8] = []
        var exponent = 0  // the value is digits × 10^exponent
        var seenPoint = false, seenDigit = false
        while let scalar = scalars.first, scalar != "e", scalar != "E" {
            scalars = scalars.dropFirst()
            if scalar == "." {
                guard !seenPoint else { return nil }
                seenPoint = true
                continue
            }
            guard ("0"..."9").contains(scalar) else { return nil }
            seenDigit = true
            guard digits.count < 400 else { return nil }
            digits.append(UInt8(scalar.value) - 48)
            if seenPoint { exponent -= 1 }
        }
        guard seenDigit else { return nil }
        if !scalars.isEmpty {
            scalars = scalars.dropFirst()  // e or E
            var sign = 1
            if scalars.first == "-" || scalars.first == "+" {
                sign = scalars.first == "-" ? -1 : 1
                scalars = scalars.dropFirst()
            }
            guard !scalars.isEmpty, scalars.count <= 4, scalars.allSatisfy({ ("0"..."9").contains($0) }),
                let value = Int(String(String.UnicodeScalarView(scalars)))
            else { return nil }
            exponent += sign * value
        }
        // Leading zeros out; then round to the significant digits.
        while digits.first == 0 { digits.removeFirst() }
        if digits.isEmpty { return "0" }
        if digits.count > significantDigits {
            let roundUp = digits[significantDigits] >= 5
            exponent += digits.count - significantDigits
            digits.removeLast(digits.count - significantDigits)
            if roundUp {
                var index = digits.count - 1
                while index >= 0 {
                    if digits[index] == 9 {
                        digits[index] = 0
                        index -= 1
                    } else {
                        digits[index] += 1
                        break
                    }
                }
                if index < 0 { digits.insert(1, at: 0) }
            }
        }
        while digits.count > 1, digits.last == 0 {
            digits.removeLast()
            exponent += 1
        }
        guard (-40...40).contains(exponent + digits.count) else { return nil }
        var whole: [UInt8], fraction: [UInt8]
        if exponent >= 0 {
            whole = digits + [UInt8](repeating: 0, count: exponent)
            fraction = []
        } else if -exponent >= digits.count {
            whole = [0]
            fraction = [UInt8](repeating: 0, count: -exponent - digits.count) + digits
        } else {
            whole = Array(digits[..<(digits.count + exponent)])
            fraction = Array(digits[(digits.count + exponent)...])
        }
        var text = negative && digits != [0] ? "-" : ""
        text += String(decoding: whole.map { $0 + 48 }, as: UTF8.self)
        if !fraction.isEmpty {
            text.append(decimalMark)
            text += String(decoding: fraction.map { $0 + 48 }, as: UTF8.self)
        }
        return text
    }

    /// The whole part of a stored number, when it is a plain non-negative integer or decimal within `range`.
    static func wholePart(_ stored: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = canonical(stored, decimalMark: "."), !text.hasPrefix("-") else { return nil }
        let whole = text.split(separator: ".", maxSplits: 1).first.map(String.init) ?? text
        guard whole.count <= 9, let value = Int(whole), range.contains(value) else { return nil }
        return value
    }
}

/// Dates of the proleptic Gregorian calendar from day counts, without Foundation's calendars.
enum CivilDate {
    /// `yyyy-mm-dd` of a day counted from 1970-01-01 (H. Hinnant's `civil_from_days`).
    static func iso(daysSince1970 days: Int) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// The date of an Excel serial day: the 1900 system (serial 1 is 1900-01-01, with Lotus's 29 February 1900 at 60)
    /// or the 1904 system (serial 0 is 1904-01-01).
    static func iso(excelSerial serial: Int, date1904: Bool) -> String {
        if date1904 { return iso(daysSince1970: serial - 24_107) }
        // 1899-12-30 is day -25,569; serials before the phantom 29 February count from a day later.
        return iso(daysSince1970: serial - 25_569 + (serial < 61 ? 1 : 0))
    }
}
