import Foundation

/// Where a JSON document stops being JSON: the byte offset of the fault and what is wrong there.
package struct JSONSyntaxError: Error, Sendable, Equatable {
    /// The offset of the offending byte from the start of the document (the document's length at its end).
    package var offset: Int
    /// What is wrong, in words (`expected a value, found 'x'`).
    package var detail: String
    /// The 1-based line and column of the offset, in the document as read (UTF-8).
    package var line = 1, column = 1

    init(offset: Int, detail: String) {
        self.offset = offset
        self.detail = detail
    }

    /// The error placed at its line and column in `bytes`.
    func placed(in bytes: UnsafeBufferPointer<UInt8>) -> JSONSyntaxError {
        var copy = self
        (copy.line, copy.column) = (1, 1)
        for byte in bytes.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                copy.line += 1
                copy.column = 1
            } else if byte & 0xC0 != 0x80 {
                copy.column += 1
            }
        }
        return copy
    }
}

/// A JSON document scanned once into a flat index of its values — the « tape » — that the decoders read typed
/// values from: no tree of Foundation objects, no second parse.
///
/// The scan checks the whole syntax (RFC 8259, with the trailing commas Foundation's `JSONDecoder` accepts), the
/// UTF-8 of every string, its escapes (surrogate pairs paired) and the nesting depth (at most
/// ``maximumDepth``), and reports the first fault as a ``JSONSyntaxError`` with its byte offset. A value is an
/// entry: a container's entry knows where its subtree ends, a string's and a number's their bytes, so that a
/// string is made (and a number converted) only when a reader asks for it, once.
package final class JSONTape: @unchecked Sendable {
    /// The deepest nesting of arrays and objects read: the 513th level is a syntax error (as in `JSONSerialization`).
    package static let maximumDepth = 512

    package enum Kind: UInt8 { case object, array, string, number, `true`, `false`, null }

    struct Entry {
        var kind: Kind
        /// A string holds an escape (`\n`, `\u00e9`): it is unescaped when read.
        var escaped: Bool
        /// A string's first byte after its quote; a number's first byte; a container's bracket.
        var start: Int32
        /// A string's closing quote, a number's end; for a container, the index of the entry after its subtree.
        var end: Int32
        /// A container's number of members (an object) or elements (an array).
        var count: Int32
    }

    /// The document's bytes (immutable once scanned), owned by the tape.
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    /// The entries in document order; an object's members alternate key (a string) and value. Owned by the tape.
    private let entries: UnsafeMutableBufferPointer<Entry>

    /// Scans `data`: UTF-8 (its byte-order mark skipped), or UTF-16 or UTF-32 as Foundation's `JSONDecoder` reads
    /// them (by a byte-order mark, or by the zero bytes around the first character), converted to UTF-8 first.
    /// - Throws: the first syntax fault, with its offset, line and column.
    package init(_ data: Data) throws(JSONSyntaxError) {
        let data = Self.utf8(data)
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(data.count, 1))
        _ = bytes.initialize(from: data)
        let document = UnsafeBufferPointer(rebasing: bytes[0..<data.count])
        var scanner = Scanner(bytes: document)
        do throws(JSONSyntaxError) {
            try scanner.scanDocument()
        } catch {
            let placed = error.placed(in: document)
            bytes.deallocate()
            throw placed
        }
        self.bytes = bytes
        entries = .allocate(capacity: scanner.entries.count)
        _ = entries.initialize(from: scanner.entries)
    }

    /// The document in UTF-8: `data` itself, or its conversion from UTF-16 or UTF-32.
    private static func utf8(_ data: Data) -> Data {
        guard data.count >= 2 else { return data }
        let first = data.startIndex
        // UTF-8 JSON starts with an ASCII character (or a UTF-8 byte-order mark): no zero byte, no 0xFE or 0xFF.
        guard data[first] == 0 || data[first + 1] == 0 || data[first] >= 0xFE else { return data }
        // The first four bytes, zero past the end of a short document.
        let b = (0..<4).map { $0 < data.count ? data[first + $0] : 0 }
        let encoding: String.Encoding
        if data.count >= 4, b[0] == 0, b[1] == 0, b[2] == 0, b[3] != 0 {
            encoding = .utf32BigEndian
        } else if data.count >= 4, b[0] != 0, b[1] == 0, b[2] == 0, b[3] == 0 {
            encoding = .utf32LittleEndian
        } else if (b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0xFF && b[1] == 0xFE) {
            encoding = .utf16
        } else if b[0] == 0 {
            encoding = .utf16BigEndian
        } else if b[1] == 0 {
            encoding = .utf16LittleEndian
        } else {
            return data
        }
        // Text that is not in the encoding its first bytes suggest is left as it is, for the scan to refuse.
        return String(data: data, encoding: encoding).map { Data($0.utf8) } ?? data
    }

    /// A syntax error at `offset` of the document.
    func fault(at offset: Int, _ detail: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset, detail: detail).placed(in: UnsafeBufferPointer(bytes))
    }

    deinit {
        bytes.deallocate()
        entries.deallocate()
    }

    // MARK: Reading entries

    @inline(__always) func kind(_ index: Int) -> Kind { entries[index].kind }

    /// The byte offset of a value, for the position of an error.
    func offset(_ index: Int) -> Int { Int(entries[index].start) - (entries[index].kind == .string ? 1 : 0) }

    /// The index of the entry after the value at `index` and its subtree.
    @inline(__always) func next(_ index: Int) -> Int {
        let entry = entries[index]
        return entry.kind == .object || entry.kind == .array ? Int(entry.end) : index + 1
    }

    /// The number of members or elements of a container.
    func count(_ index: Int) -> Int { Int(entries[index].count) }

    /// The member value of the object at `object` whose key is `key` (the first, when a key is repeated: as
    /// Foundation's `JSONDecoder`), or `nil`.
    func member(_ key: String, of object: Int) -> Int? {
        var key = key
        return key.withUTF8 { key in member(key, of: object) }
    }

    func member(_ key: UnsafeBufferPointer<UInt8>, of object: Int) -> Int? {
        var index = object + 1
        let end = Int(entries[object].end)
        while index < end {
            if keyEquals(index, key) { return index + 1 }
            index = next(index + 1)
        }
        return nil
    }

    /// Whether the key entry at `index` spells `key`.
    @inline(__always) func keyEquals(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let entry = entries[index]
        let start = Int(entry.start), length = Int(entry.end) - start
        if entry.escaped { return string(index).utf8.elementsEqual(key) }
        guard length == key.count else { return false }
        var offset = 0
        while offset < length {
            if bytes[start + offset] != key[offset] { return false }
            offset += 1
        }
        return true
    }

    /// The keys of an object that are none of `names`, in document order.
    func keys(of object: Int, notIn names: [String]) -> [String] {
        var result: [String] = []
        var index = object + 1
        let end = Int(entries[object].end)
        while index < end {
            let entry = entries[index]
            let length = Int(entry.end - entry.start)
            var known = false
            for name in names where entry.escaped || name.utf8.count == length {
                var name = name
                if name.withUTF8({ keyEquals(index, $0) }) {
                    known = true
                    break
                }
            }
            if !known { result.append(string(index)) }
            index = next(index + 1)
        }
        return result
    }

    /// The key entries of an object, in document order.
    func keyIndices(of object: Int) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(count(object))
        var index = object + 1
        let end = Int(entries[object].end)
        while index < end {
            result.append(index)
            index = next(index + 1)
        }
        return result
    }

    /// The distinct keys of an object, in the order of their first appearance.
    func keys(of object: Int) -> [String] {
        var result: [String] = []
        var seen: Set<String> = []
        for index in keyIndices(of: object) {
            let key = string(index)
            if seen.insert(key).inserted { result.append(key) }
        }
        return result
    }

    /// The element entries of an array, in order.
    func elements(of array: Int) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(count(array))
        var index = array + 1
        let end = Int(entries[array].end)
        while index < end {
            result.append(index)
            index = next(index)
        }
        return result
    }

    /// The text of a string entry (its escapes resolved; the scan has checked them and the UTF-8).
    func string(_ index: Int) -> String {
        let entry = entries[index]
        let raw = UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.end)])
        guard entry.escaped else { return String(decoding: raw, as: UTF8.self) }
        return Self.unescape(raw)
    }

    /// The text of a number entry, as written.
    func numberText(_ index: Int) -> String {
        let entry = entries[index]
        return String(decoding: bytes[Int(entry.start)..<Int(entry.end)], as: UTF8.self)
    }

    /// A number entry as an exact decimal, or `nil` past 19 significant digits.
    func exactNumber(_ index: Int) -> ExactDecimal? {
        let entry = entries[index]
        return ExactDecimal(UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.end)]))
    }

    private static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        func hex(_ at: Int) -> UInt32 {
            var value: UInt32 = 0
            for byte in raw[at..<at + 4] {
                value = value << 4 | UInt32(Scanner.hexValue(byte))
            }
            return value
        }
        while i < raw.count {
            let byte = raw[i]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                i += 1
                continue
            }
            let escape = raw[i + 1]
            i += 2
            switch escape {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex(i)
                i += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    // The scan has checked that a low surrogate follows.
                    let low = hex(i + 2)
                    i += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
            default: out.append(escape)  // " \ /
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Scanning

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var entries: [Entry] = []

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            entries.reserveCapacity(bytes.count / 6 + 4)
        }

        mutating func scanDocument() throws(JSONSyntaxError) {
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
            skipWhitespace()
            try scanValue(depth: 0)
            skipWhitespace()
            if position < bytes.count { throw fault("unexpected \(found) after the end of the document") }
        }

        func fault(_ detail: String, at offset: Int? = nil) -> JSONSyntaxError {
            JSONSyntaxError(offset: offset ?? position, detail: detail)
        }

        /// The byte at the position, in words, for messages.
        var found: String {
            guard position < bytes.count else { return "end of document" }
            let byte = bytes[position]
            if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
            return String(format: "byte 0x%02X", byte)
        }

        @inline(__always) mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x0A, 0x0D, 0x09: position += 1
                default: return
                }
            }
        }

        mutating func scanValue(depth: Int) throws(JSONSyntaxError) {
            guard position < bytes.count else { throw fault("expected a value, found the end of the document") }
            switch bytes[position] {
            case UInt8(ascii: "{"): try scanObject(depth: depth + 1)
            case UInt8(ascii: "["): try scanArray(depth: depth + 1)
            case UInt8(ascii: "\""): try scanString()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber()
            case UInt8(ascii: "t"): try scanLiteral("true", .true)
            case UInt8(ascii: "f"): try scanLiteral("false", .false)
            case UInt8(ascii: "n"): try scanLiteral("null", .null)
            default: throw fault("expected a value, found \(found)")
            }
        }

        mutating func scanLiteral(_ word: StaticString, _ kind: Kind) throws(JSONSyntaxError) {
            let start = position
            let length = word.utf8CodeUnitCount
            guard bytes.count - position >= length,
                memcmp(bytes.baseAddress! + position, word.utf8Start, length) == 0
            else { throw fault("expected a value, found \(found)") }
            position += length
            entries.append(Entry(kind: kind, escaped: false, start: Int32(start), end: Int32(position), count: 0))
        }

        mutating func scanObject(depth: Int) throws(JSONSyntaxError) {
            guard depth <= JSONTape.maximumDepth else {
                throw fault("more than \(JSONTape.maximumDepth) levels of nested arrays and objects")
            }
            let here = entries.count
            entries.append(Entry(kind: .object, escaped: false, start: Int32(position), end: 0, count: 0))
            position += 1
            var count: Int32 = 0
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
            } else {
                while true {
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                        throw fault("expected a field name in double quotes, found \(found)" + decimalCommaHint)
                    }
                    try scanString()
                    skipWhitespace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                        throw fault("expected ':' after the field name, found \(found)")
                    }
                    position += 1
                    skipWhitespace()
                    try scanValue(depth: depth)
                    count += 1
                    skipWhitespace()
                    guard position < bytes.count else { throw fault("expected ',' or '}', found the end of the document") }
                    if bytes[position] == UInt8(ascii: "}") {
                        position += 1
                        break
                    }
                    guard bytes[position] == UInt8(ascii: ",") else { throw fault("expected ',' or '}', found \(found)") }
                    position += 1
                    skipWhitespace()
                    // A trailing comma, as Foundation's JSONDecoder accepts.
                    if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                        position += 1
                        break
                    }
                }
            }
            entries[here].end = Int32(entries.count)
            entries[here].count = count
        }

        /// After a number and a comma, digits where a field name should be: most likely an amount written with a
        /// decimal comma (`12,5`), as a French spreadsheet writes it. A hint for that case; empty otherwise.
        var decimalCommaHint: String {
            func isDigit(_ index: Int) -> Bool { index >= 0 && index < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) }
            guard isDigit(position) else { return "" }
            var index = position - 1
            while index >= 0, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index -= 1 }
            guard index >= 0, bytes[index] == UInt8(ascii: ","), isDigit(index - 1) else { return "" }
            return " (a decimal comma? JSON writes decimals with a point: 12.5, not 12,5)"
        }

        mutating func scanArray(depth: Int) throws(JSONSyntaxError) {
            guard depth <= JSONTape.maximumDepth else {
                throw fault("more than \(JSONTape.maximumDepth) levels of nested arrays and objects")
            }
            let here = entries.count
            entries.append(Entry(kind: .array, escaped: false, start: Int32(position), end: 0, count: 0))
            position += 1
            var count: Int32 = 0
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
            } else {
                while true {
                    try scanValue(depth: depth)
                    count += 1
                    skipWhitespace()
                    guard position < bytes.count else { throw fault("expected ',' or ']', found the end of the document") }
                    if bytes[position] == UInt8(ascii: "]") {
                        position += 1
                        break
                    }
                    guard bytes[position] == UInt8(ascii: ",") else { throw fault("expected ',' or ']', found \(found)") }
                    position += 1
                    skipWhitespace()
                    if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                        position += 1
                        break
                    }
                }
            }
            entries[here].end = Int32(entries.count)
            entries[here].count = count
        }

        static func hexValue(_ byte: UInt8) -> UInt8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: 0xFF
            }
        }

        /// Reads the four hex digits of a `\u` escape at the position.
        mutating func scanHex(escapeAt start: Int) throws(JSONSyntaxError) -> UInt32 {
            guard bytes.count - position >= 4 else { throw fault("a \\u escape needs four hexadecimal digits", at: start) }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let digit = Self.hexValue(bytes[position])
                guard digit != 0xFF else { throw fault("a \\u escape needs four hexadecimal digits", at: start) }
                value = value << 4 | UInt32(digit)
                position += 1
            }
            return value
        }

        mutating func scanString() throws(JSONSyntaxError) {
            let quote = position
            position += 1
            let start = position
            var escaped = false
            while true {
                // The common case: plain ASCII up to the quote.
                while position < bytes.count {
                    let byte = bytes[position]
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
                    position += 1
                }
                guard position < bytes.count else { throw fault("a string is not closed", at: quote) }
                let byte = bytes[position]
                switch byte {
                case UInt8(ascii: "\""):
                    entries.append(
                        Entry(kind: .string, escaped: escaped, start: Int32(start), end: Int32(position), count: 0))
                    position += 1
                    return
                case UInt8(ascii: "\\"):
                    escaped = true
                    let escapeStart = position
                    position += 1
                    guard position < bytes.count else { throw fault("a string is not closed", at: quote) }
                    let escape = bytes[position]
                    position += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                        UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        continue
                    case UInt8(ascii: "u"):
                        let scalar = try scanHex(escapeAt: escapeStart)
                        if (0xDC00...0xDFFF).contains(scalar) {
                            throw fault("\\u escape of a low surrogate without a high one before it", at: escapeStart)
                        }
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard bytes.count - position >= 2, bytes[position] == UInt8(ascii: "\\"),
                                bytes[position + 1] == UInt8(ascii: "u")
                            else { throw fault("\\u escape of a high surrogate without a low one after it", at: escapeStart) }
                            position += 2
                            let low = try scanHex(escapeAt: position - 2)
                            guard (0xDC00...0xDFFF).contains(low) else {
                                throw fault("\\u escape of a high surrogate without a low one after it", at: escapeStart)
                            }
                        }
                    default:
                        let written = escape >= 0x21 && escape < 0x7F ? "'\\\(Character(Unicode.Scalar(escape)))'" : "'\\' before byte \(escape)"
                        throw fault("invalid escape \(written) in a string", at: escapeStart)
                    }
                case 0..<0x20:
                    throw fault(String(format: "control character U+%04X in a string: write it as an escape (\\u%04x)", byte, byte))
                default:
                    try scanUTF8Sequence()
                }
            }
        }

        /// Checks one multi-byte UTF-8 sequence at the position (RFC 3629: no overlong forms, no surrogates, at most
        /// U+10FFFF) and steps over it.
        mutating func scanUTF8Sequence() throws(JSONSyntaxError) {
            let lead = bytes[position]
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: throw fault("invalid UTF-8")
            }
            guard bytes.count - position >= length else { throw fault("invalid UTF-8") }
            let second = bytes[position + 1]
            guard second >= low, second <= high else { throw fault("invalid UTF-8") }
            for offset in 2..<max(length, 2) where bytes[position + offset] & 0xC0 != 0x80 {
                throw fault("invalid UTF-8")
            }
            position += length
        }

        mutating func scanNumber() throws(JSONSyntaxError) {
            let start = position
            func isDigit(_ at: Int) -> Bool { at < bytes.count && bytes[at] >= UInt8(ascii: "0") && bytes[at] <= UInt8(ascii: "9") }
            if bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard isDigit(position) else { throw fault("a number needs a digit after '-'", at: start) }
            if bytes[position] == UInt8(ascii: "0") {
                position += 1
                if isDigit(position) { throw fault("a number does not start with 0 before another digit", at: start) }
            } else {
                while isDigit(position) { position += 1 }
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                position += 1
                guard isDigit(position) else { throw fault("a number needs a digit after its decimal point", at: start) }
                while isDigit(position) { position += 1 }
            }
            if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                    position += 1
                }
                guard isDigit(position) else { throw fault("a number needs a digit in its exponent", at: start) }
                while isDigit(position) { position += 1 }
            }
            entries.append(Entry(kind: .number, escaped: false, start: Int32(start), end: Int32(position), count: 0))
        }
    }
}

/// A decimal number held exactly as `significand × 10^exponent`, from a JSON number's text, without floating
/// point: what amounts (integer minor units), years and counts are read from.
package struct ExactDecimal: Equatable, Sendable {
    package var negative: Bool
    package var significand: UInt64
    package var exponent: Int

    /// Parses a JSON number (already checked by the scan); `nil` past 19 significant digits.
    init?(_ text: UnsafeBufferPointer<UInt8>) {
        var i = 0
        negative = false
        if i < text.count, text[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        var significand: UInt64 = 0, exponent = 0, pendingZeros = 0, fraction = false
        while i < text.count {
            let byte = text[i]
            if byte == UInt8(ascii: ".") {
                fraction = true
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                let digit = UInt64(byte - UInt8(ascii: "0"))
                if fraction { exponent -= 1 }
                if digit == 0 {
                    if significand != 0 { pendingZeros += 1 }
                } else {
                    for _ in 0...pendingZeros {
                        let (times, overflow) = significand.multipliedReportingOverflow(by: 10)
                        guard !overflow else { return nil }
                        significand = times
                    }
                    let (sum, overflow) = significand.addingReportingOverflow(digit)
                    guard !overflow else { return nil }
                    significand = sum
                    pendingZeros = 0
                }
            } else {
                break  // e or E
            }
            i += 1
        }
        exponent += pendingZeros
        if i < text.count {
            i += 1
            var negativeExponent = false
            if text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") {
                negativeExponent = text[i] == UInt8(ascii: "-")
                i += 1
            }
            var value = 0
            while i < text.count {
                value = min(value * 10 + Int(text[i] - UInt8(ascii: "0")), 1_000_000)
                i += 1
            }
            exponent += negativeExponent ? -value : value
        }
        self.significand = significand
        self.exponent = exponent
    }

    /// The number times `10^scale` as an `Int64`, when that is a whole number that fits; else `nil`.
    package func integer(scale: Int = 0) -> Int64? {
        if significand == 0 { return 0 }
        let power = exponent + scale
        var magnitude = significand
        if power >= 0 {
            guard power <= 19 else { return nil }
            for _ in 0..<power {
                let (times, overflow) = magnitude.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                magnitude = times
            }
        } else {
            guard power >= -19 else { return nil }
            var divisor: UInt64 = 1
            for _ in 0 ..< -power { divisor *= 10 }
            guard magnitude % divisor == 0 else { return nil }
            magnitude /= divisor
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }
}
