import ClusterKitCore
import Foundation

/// Why a cell's value cannot be read; the reader adds the file, line and column.
struct CSVValueError: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// Reads the values of cells as a spreadsheet exports them: amounts with thousands separators, a decimal mark and a
/// currency sign; percentages; whole numbers; yes/no. Exact: digits become integers and decimals, never floating
/// point.
struct CSVValues {
    let dialect: CSVDialect
    let currency: CurrencyCode
    /// The ways an amount may name its currency: `€` for the euro, its code in capitals and in lower case.
    private let currencyMarks: [String]
    /// The dialect's decimal mark and thousands separator as bytes, and whether the currency is the euro: what
    /// ``plainAmount(_:)`` reads at every cell, worked out once.
    private let decimalByte: UInt8, groupByte: UInt8, isEuro: Bool

    init(dialect: CSVDialect, currency: CurrencyCode) {
        self.dialect = dialect
        self.currency = currency
        self.currencyMarks = [currency == .euro ? "€" : nil, currency.rawValue, currency.rawValue.lowercased()].compactMap { $0 }
        decimalByte = dialect.decimalMark == "," ? 0x2C : 0x2E
        groupByte = decimalByte == 0x2C ? 0x2E : 0x2C
        isEuro = currency == .euro
    }

    private var example: String { dialect.decimalMark == "," ? "1 227 000,50" : "1,227,000.50" }

    /// An amount: `1 227 000,50 €`, `135 000`, `€1,227,000.50`, `290000 EUR`; positive, at most two decimals.
    func amount(_ raw: String) throws(CSVValueError) -> Money {
        if let money = plainAmount(raw) { return money }
        return try generalAmount(raw)
    }

    /// ``amount(_:)`` of any text, by the general rules: what ``plainAmount(_:)`` must agree with.
    func generalAmount(_ raw: String) throws(CSVValueError) -> Money {
        var text = CSVText.trimmed(raw)
        if text.hasPrefix("-") || text.hasPrefix("\u{2212}") || text.hasPrefix("(") || text.hasSuffix("-") {
            throw CSVValueError("negative amount '\(raw)': amounts are written positive")
        }
        for mark in currencyMarks {
            if text.hasSuffix(mark) { text = String(text.dropLast(mark.count)) } else if text.hasPrefix(mark) {
                text = String(text.dropFirst(mark.count))
            }
            text = CSVText.trimmed(text)
        }
        if text.unicodeScalars.contains("€") { throw CSVValueError("'\(raw)' is in euros, but the budget's currency is \(currency)") }
        if ["k", "K", "k€", "K€"].contains(where: text.hasSuffix) {
            throw CSVValueError("'\(raw)' is in thousands: write the amount in full, such as \(example)")
        }
        let (whole, fraction) = try number(text, raw: raw)
        guard fraction.count <= 2 else {
            throw CSVValueError("'\(raw)' has more than two decimals: amounts are exact to the cent")
        }
        let cents = fraction + String(repeating: "0", count: 2 - fraction.count)
        guard let units = Int64(whole + cents) else {
            throw CSVValueError("'\(raw)' is too large to hold exactly")
        }
        return Money(minorUnits: units, currency: currency)
    }

    /// An amount as most cells write it, read on its bytes: digits, thousands separated by one space (of any width:
    /// U+0020, U+00A0, U+202F, U+2007) or the group mark (`1 227 000`, `1,227,000` in English), up to two decimals
    /// after the decimal mark, then `€` (after blanks) if the currency is the euro — what ``amount(_:)`` reads them as;
    /// `nil` for anything else (a sign, a code, runs of spaces, a misplaced separator, too many digits), which
    /// ``amount(_:)`` then reads or explains.
    func plainAmount(_ raw: String) -> Money? {
        var raw = raw
        return raw.withUTF8 { bytes in plainAmount(bytes) }
    }

    /// ``plainAmount(_:)`` of a trimmed cell's UTF-8 bytes.
    func plainAmount(_ bytes: UnsafeBufferPointer<UInt8>) -> Money? {
        let decimalMark = decimalByte, groupMark = groupByte, euro = isEuro
        let units: Int64? = {
            var end = bytes.count
            if euro, end >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x82, bytes[end - 1] == 0xAC {
                end -= 3
                // The blanks before the sign (``CSVText/isBlank(_:)``).
                while end > 0 {
                    if bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 {
                        end -= 1
                    } else if end >= 2, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xA0 {
                        end -= 2
                    } else if end >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, bytes[end - 1] == 0xAF || bytes[end - 1] == 0x87 {
                        end -= 3
                    } else {
                        break
                    }
                }
            }
            guard end > 0, bytes[0] &- 0x30 < 10, bytes[end - 1] &- 0x30 < 10 else { return nil }
            var value: Int64 = 0, digits = 0, group = 0, groups = 0, fraction = -1
            var index = 0
            while index < end {
                if bytes[index] &- 0x30 < 10 {
                    // A run of digits, most bytes of an amount, read at once (wrapping: more than 16 digits are
                    // refused before the value is used).
                    let runStart = index
                    repeat {
                        value = value &* 10 &+ Int64(bytes[index] &- 0x30)
                        index += 1
                    } while index < end && bytes[index] &- 0x30 < 10
                    let run = index - runStart
                    digits += run
                    guard digits <= 16 else { return nil }
                    if fraction >= 0 { fraction += run } else { group += run }
                    continue
                }
                let byte = bytes[index]
                index += 1
                // A space of another width is one separator: its bytes are taken at once (U+00A0; U+202F, U+2007).
                var isSpace = byte == 0x20
                if byte == 0xC2, index < end, bytes[index] == 0xA0 {
                    index += 1
                    isSpace = true
                } else if byte == 0xE2, index + 1 < end, bytes[index] == 0x80, bytes[index + 1] == 0xAF || bytes[index + 1] == 0x87 {
                    index += 2
                    isSpace = true
                }
                if fraction < 0, isSpace || byte == groupMark {
                    // A group ends: the first of one to three digits, the others of three.
                    guard group > 0, groups == 0 ? group <= 3 : group == 3 else { return nil }
                    groups += 1
                    group = 0
                } else if fraction < 0, byte == decimalMark {
                    guard groups == 0 || group == 3 else { return nil }
                    fraction = 0
                } else {
                    return nil
                }
            }
            if fraction < 0 {
                guard groups == 0 || group == 3 else { return nil }
                return value * 100
            }
            guard fraction == 1 || fraction == 2 else { return nil }
            return fraction == 1 ? value * 10 : value
        }()
        return units.map { Money(minorUnits: $0, currency: currency) }
    }

    /// A share: `45 %`, `44,83%`, or a fraction from 0 to 1 (`0,45`).
    func share(_ raw: String) throws(CSVValueError) -> Share {
        if let share = plainShare(raw) { return share }
        return try generalShare(raw)
    }

    /// ``share(_:)`` of a share as most cells write it, made from its digits without Foundation's `Decimal`: ASCII
    /// digits, at most one decimal mark followed by digits, no separator, fifteen digits at most, then `%` (after
    /// blanks) or not. The share is what `Share(exactly:)` makes of the same value — its numerator over the smallest
    /// power of ten that holds it (`50 %` is 5/10) — and `nil` is returned for anything else (a separator, a value
    /// above 1, more than 12 decimals), which ``generalShare(_:)`` then reads or explains.
    func plainShare(_ raw: String) -> Share? {
        var text = CSVText.trimmed(raw)
        let isPercent = text.utf8.last == 0x25
        if isPercent { text = CSVText.trimmed(String(text.utf8.dropLast())!) }
        let decimalMark = decimalByte
        var numerator: Int64 = 0, digits = 0, places = -1
        for byte in text.utf8 {
            if byte &- 0x30 < 10 {
                digits += 1
                guard digits <= 15 else { return nil }
                numerator = numerator * 10 + Int64(byte &- 0x30)
                if places >= 0 { places += 1 }
            } else if byte == decimalMark, places < 0, digits > 0 {
                places = 0
            } else {
                return nil
            }
        }
        guard digits > 0, places != 0 else { return nil }
        var scale = max(places, 0) + (isPercent ? 2 : 0)
        while scale > 0, numerator % 10 == 0 {
            numerator /= 10
            scale -= 1
        }
        guard scale <= 12 else { return nil }
        var denominator: Int64 = 1
        for _ in 0..<scale { denominator *= 10 }
        guard numerator <= denominator else { return nil }
        return Share(numerator, over: denominator)
    }

    /// ``share(_:)`` of any text, through `Decimal`: what ``plainShare(_:)`` must agree with.
    func generalShare(_ raw: String) throws(CSVValueError) -> Share {
        var text = CSVText.trimmed(raw)
        let isPercent = text.hasSuffix("%")
        if isPercent { text = CSVText.trimmed(String(text.dropLast())) }
        var value = try decimal(text, raw: raw)
        if isPercent { value /= 100 }
        guard value <= 1, let share = Share(exactly: value) else {
            let sample = dialect.decimalMark == "," ? "45 % or 0,45" : "45% or 0.45"
            throw CSVValueError("'\(raw)' is not a share: write a percentage or a fraction from 0 to 1, such as \(sample)")
        }
        return share
    }

    /// A whole number, such as a count of members or a year (`1 200` is read as 1200).
    func integer(_ raw: String) throws(CSVValueError) -> Int {
        let (whole, fraction) = try number(CSVText.trimmed(raw), raw: raw)
        guard fraction.isEmpty, let value = Int(whole) else { throw CSVValueError("'\(raw)' is not a whole number") }
        return value
    }

    /// A decimal number, such as staff in full-time equivalents (`2,5`).
    func decimal(_ raw: String) throws(CSVValueError) -> Decimal {
        try decimal(CSVText.trimmed(raw), raw: raw)
    }

    private func decimal(_ text: String, raw: String) throws(CSVValueError) -> Decimal {
        let (whole, fraction) = try number(text, raw: raw)
        guard whole.count + fraction.count <= 30,
            let value = Decimal(string: whole + (fraction.isEmpty ? "" : "." + fraction), locale: Self.posix),
            !value.isNaN
        else { throw CSVValueError("'\(raw)' is not a number ClusterKit can hold exactly") }
        return value
    }

    /// The locale decimal text is read in (`.` for the mark), made once.
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Yes or no: `oui`, `yes`, `x`, `vrai`, `true`, `1` / `non`, `no`, `faux`, `false`, `0`.
    func boolean(_ raw: String) throws(CSVValueError) -> Bool {
        switch CSVVocabulary.normalized(raw) {
        case "oui", "yes", "y", "o", "x", "vrai", "true", "1": return true
        case "non", "no", "n", "faux", "false", "0": return false
        default: throw CSVValueError("'\(raw)' is not yes or no: write oui/non or yes/no")
        }
    }

    /// The digits of a number before and after its decimal mark, thousands separators checked and removed.
    private func number(_ text: String, raw: String) throws(CSVValueError) -> (whole: String, fraction: String) {
        if text.hasPrefix("-") || text.hasPrefix("\u{2212}") || (text.hasPrefix("(") && text.hasSuffix(")")) {
            throw CSVValueError("negative amount '\(raw)': amounts are written positive")
        }
        let wrong = CSVValueError("'\(raw)' is not a number in this file's format: write it such as \(example)")
        guard !text.isEmpty else { throw wrong }
        // Scalar by scalar: digits, then the decimal mark and digits only. Runs of spaces count as one separator; a
        // group after the first has exactly three digits.
        let decimalMark = dialect.decimalMark.unicodeScalars.first!
        let groupMark: Unicode.Scalar = decimalMark == "," ? "." : ","
        var whole: [UInt8] = [], fraction: [UInt8] = []
        var groups: [Int] = []  // the number of digits of each group
        var current = 0, lastWasSeparator = false, hasFraction = false
        for scalar in text.unicodeScalars {
            let isDigit = ("0"..."9").contains(scalar)
            if hasFraction {
                guard isDigit else { throw wrong }
                fraction.append(UInt8(scalar.value))
                continue
            }
            switch scalar {
            case _ where isDigit:
                whole.append(UInt8(scalar.value))
                current += 1
                lastWasSeparator = false
            case decimalMark:
                hasFraction = true
            case " ", "\u{00A0}", "\u{202F}", "\u{2007}", groupMark:  // thousands: spaces of every width, `.` or `,`
                let isSpace = scalar != groupMark
                if current == 0 && !(isSpace && lastWasSeparator && !groups.isEmpty) { throw wrong }
                if current > 0 { groups.append(current) }
                current = 0
                lastWasSeparator = true
            default:
                throw wrong
            }
        }
        guard !hasFraction || !fraction.isEmpty, current > 0 else { throw wrong }
        groups.append(current)
        if groups.count > 1 {
            guard (1...3).contains(groups[0]), groups.dropFirst().allSatisfy({ $0 == 3 }) else {
                throw CSVValueError("'\(raw)' has misplaced thousands separators: write it such as \(example)")
            }
        }
        return (String(decoding: whole, as: UTF8.self), String(decoding: fraction, as: UTF8.self))
    }
}
