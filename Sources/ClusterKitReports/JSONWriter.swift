import ClusterKitCore
import Foundation

/// Writes JSON bytes directly, laid out exactly as `JSONEncoder` lays them out with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]`: two spaces per level, `"key" : value`, members separated by `,\n`, an empty array
/// `[\n\n<indent>]` and an empty object `{\n\n<indent>}`, strings escaped as it escapes them, a `Decimal` as its
/// `description`. The renderers write their documents with it, each object's members in the order of their keys'
/// UTF-8 bytes (what `.sortedKeys` gives): going through `Encodable` cost most of a report's rendering.
///
/// The caller writes each object's keys in ascending order; a debug build checks it.
package struct JSONWriter {
    package private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Whether the next member or element is the first of its object or array.
    private var first = true
    #if DEBUG
    /// The last key written at each depth, to check the order.
    private var lastKeys: [[UInt8]] = []
    #endif

    package init() { bytes.reserveCapacity(16_384) }

    /// The text written, followed by a line feed (as the renderers print it).
    package var text: String {
        String(decoding: bytes, as: UTF8.self) + "\n"
    }

    /// Hands the bytes written so far to `emit`, as text, and forgets them; the writer keeps its place in the
    /// document, so that a long document is written out a piece at a time (the last piece is `text`).
    package mutating func flush(to emit: (String) -> Void) {
        emit(String(decoding: bytes, as: UTF8.self))
        bytes.removeAll(keepingCapacity: true)
    }

    // MARK: Containers

    /// Writes an object; `body` writes its members with `key` and a value each, keys in ascending order.
    package mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        #if DEBUG
        lastKeys.append([])
        #endif
        body(&self)
        #if DEBUG
        lastKeys.removeLast()
        #endif
        close(UInt8(ascii: "}"))
    }

    /// Writes an array of `items`, each written by `element`.
    package mutating func array<Items: Sequence>(_ items: Items, _ element: (inout JSONWriter, Items.Element) -> Void) {
        open(UInt8(ascii: "["))
        for item in items {
            separate()
            element(&self, item)
        }
        close(UInt8(ascii: "]"))
    }

    /// Writes an array of strings.
    package mutating func array(_ strings: [String]) {
        array(strings) { $0.string($1) }
    }

    /// Writes an object of string keys, in the order of their UTF-8 bytes, each value written by `value`.
    package mutating func object<Value>(_ dictionary: [String: Value], _ value: (inout JSONWriter, Value) -> Void) {
        let sorted = dictionary.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        object { json in
            for (key, element) in sorted {
                json.key(key)
                value(&json, element)
            }
        }
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        bytes.append(0x0A)
        depth += 1
        first = true
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(0x0A)
        depth -= 1
        indent()
        bytes.append(bracket)
        first = false
    }

    private mutating func separate() {
        if !first {
            bytes.append(UInt8(ascii: ","))
            bytes.append(0x0A)
        }
        first = false
        indent()
    }

    private mutating func indent() {
        for _ in 0..<(depth * 2) { bytes.append(0x20) }
    }

    // MARK: Keys

    /// Starts a member: its key, then ` : `. Keys of the renderers' own fields are ASCII.
    package mutating func key(_ key: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { buffer in
            #if DEBUG
            checkOrder(Array(buffer))
            #endif
            bytes.append(contentsOf: buffer)
        }
        bytes.append(contentsOf: [UInt8(ascii: "\""), 0x20, UInt8(ascii: ":"), 0x20])
    }

    /// Starts a member whose key is any string.
    package mutating func key(_ key: String) {
        separate()
        #if DEBUG
        checkOrder(Array(key.utf8))
        #endif
        string(key)
        bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
    }

    #if DEBUG
    private mutating func checkOrder(_ key: [UInt8]) {
        guard !lastKeys.isEmpty else { return }
        let last = lastKeys[lastKeys.count - 1]
        precondition(
            last.isEmpty || last.lexicographicallyPrecedes(key),
            "JSONWriter: key \(String(decoding: key, as: UTF8.self)) after \(String(decoding: last, as: UTF8.self))")
        lastKeys[lastKeys.count - 1] = key
    }
    #endif

    // MARK: Values

    /// Writes a string, escaped as `JSONEncoder` escapes it with `.withoutEscapingSlashes`.
    package mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    bytes.append(Self.hexDigits[Int(byte >> 4)])
                    bytes.append(Self.hexDigits[Int(byte & 0x0F)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Writes an integer.
    package mutating func int(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Writes a decimal as its `description` (what `JSONEncoder` writes).
    package mutating func decimal(_ value: Decimal) {
        bytes.append(contentsOf: value.description.utf8)
    }

    /// Writes an exact number.
    package mutating func number(_ value: ExactNumber) {
        value.write(to: &bytes)
    }

    /// Writes `true` or `false`.
    package mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
    }

    /// Writes `null`.
    package mutating func null() {
        bytes.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
    }

    // MARK: Members

    /// A string member.
    package mutating func field(_ key: StaticString, _ value: String) {
        self.key(key)
        string(value)
    }

    /// An integer member.
    package mutating func field(_ key: StaticString, _ value: Int) {
        self.key(key)
        int(value)
    }

    /// A decimal member.
    package mutating func field(_ key: StaticString, _ value: Decimal) {
        self.key(key)
        decimal(value)
    }

    /// An exact number member.
    package mutating func field(_ key: StaticString, _ value: ExactNumber) {
        self.key(key)
        number(value)
    }

    /// An exact number member, left out when `nil`.
    package mutating func field(_ key: StaticString, ifPresent value: ExactNumber?) {
        if let value { field(key, value) }
    }

    /// An exact number member, `null` when `nil`.
    package mutating func field(_ key: StaticString, orNull value: ExactNumber?) {
        self.key(key)
        if let value { number(value) } else { null() }
    }

    /// A Boolean member.
    package mutating func field(_ key: StaticString, _ value: Bool) {
        self.key(key)
        bool(value)
    }

    /// A string member, left out when `nil` (as `encodeIfPresent` leaves it out).
    package mutating func field(_ key: StaticString, ifPresent value: String?) {
        if let value { field(key, value) }
    }

    /// An integer member, left out when `nil`.
    package mutating func field(_ key: StaticString, ifPresent value: Int?) {
        if let value { field(key, value) }
    }

    /// A decimal member, left out when `nil`.
    package mutating func field(_ key: StaticString, ifPresent value: Decimal?) {
        if let value { field(key, value) }
    }

    /// A string member, `null` when `nil`.
    package mutating func field(_ key: StaticString, orNull value: String?) {
        self.key(key)
        if let value { string(value) } else { null() }
    }

    /// An integer member, `null` when `nil`.
    package mutating func field(_ key: StaticString, orNull value: Int?) {
        self.key(key)
        if let value { int(value) } else { null() }
    }

    /// A decimal member, `null` when `nil`.
    package mutating func field(_ key: StaticString, orNull value: Decimal?) {
        self.key(key)
        if let value { decimal(value) } else { null() }
    }

    /// An array of strings member.
    package mutating func field(_ key: StaticString, _ strings: [String]) {
        self.key(key)
        array(strings)
    }
}

/// An exact decimal number as a report writes it: an integer and its places of decimals (84,096,550 and 2 are
/// 840965.5), written as `Decimal`'s `description` writes the same value — what `JSONEncoder` wrote — without making a
/// `Decimal` (its division to build one, and its `description`, were most of a JSON report's cost: callgrind).
package struct ExactNumber: Equatable, Sendable {
    /// The digits, as an integer.
    package var units: Int128
    /// How many of them are decimals.
    package var places: Int

    /// `units × 10^−places`.
    package init(units: Int128, places: Int) {
        self.units = units
        self.places = places
    }

    /// An amount, in major units (`840965.5`).
    package init(_ money: Money) {
        self.init(units: Int128(money.minorUnits), places: money.currency.minorUnitPlaces)
    }

    /// A share as a fraction rounded half away from zero to `places` decimals (`0.4483` for 130/290 at 4), as
    /// `Share.rounded(toPlaces:)` rounds it.
    /// - Precondition: `places` is 0 to 18 (a report writes 4 or 6).
    package init(_ share: Share, places: Int) {
        guard let digits = share.roundedDigits(toPlaces: places) else { preconditionFailure("more than 18 places") }
        self.init(units: digits, places: places)
    }

    /// A count.
    package init(_ count: Int) { self.init(units: Int128(count), places: 0) }

    /// The number's text: no trailing zero after the point, no point for a whole number, `0.05`, `-12.5`, `1000000`.
    package var text: String {
        var bytes: [UInt8] = []
        write(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the number's text.
    func write(to bytes: inout [UInt8]) {
        var magnitude = units.magnitude, places = places
        guard magnitude != 0 else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        while places > 0, magnitude % 10 == 0 {
            magnitude /= 10
            places -= 1
        }
        var digits: [UInt8] = []
        while magnitude > 0 {
            digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        if units < 0 { bytes.append(UInt8(ascii: "-")) }
        if places >= digits.count {
            bytes.append(UInt8(ascii: "0"))
            bytes.append(UInt8(ascii: "."))
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: places - digits.count))
            bytes.append(contentsOf: digits.reversed())
        } else {
            for (index, digit) in digits.reversed().enumerated() {
                if index == digits.count - places, places > 0 { bytes.append(UInt8(ascii: ".")) }
                bytes.append(digit)
            }
        }
    }
}

/// A document that writes itself as one JSON value.
protocol JSONWritable {
    /// Writes the value.
    func write(to json: inout JSONWriter)
}

extension JSONWriter {
    /// A member whose value writes itself.
    mutating func field(_ key: StaticString, _ value: some JSONWritable) {
        self.key(key)
        value.write(to: &self)
    }

    /// A member whose value writes itself, left out when `nil`.
    mutating func field(_ key: StaticString, ifPresent value: (some JSONWritable)?) {
        if let value { field(key, value) }
    }

    /// An array member of values that write themselves.
    mutating func field<Element: JSONWritable>(_ key: StaticString, _ values: [Element]) {
        self.key(key)
        array(values) { $1.write(to: &$0) }
    }

    /// An array member of values that write themselves, left out when `nil`.
    mutating func field<Element: JSONWritable>(_ key: StaticString, ifPresent values: [Element]?) {
        if let values { field(key, values) }
    }
}
