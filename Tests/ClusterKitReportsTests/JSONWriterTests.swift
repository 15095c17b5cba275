import ClusterKitCore
import Foundation
import Testing

@testable import ClusterKitReports

/// `JSONWriter` against `JSONEncoder` with the options the renderers used (`[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]`): the same values give the same bytes.
@Suite("JSON writer")
struct JSONWriterTests {
    static func encoded(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// Strings a writer must escape as the encoder does: quotes, backslashes, slashes, every control character,
    /// DEL, non-ASCII letters, U+2028 and U+2029, an emoji, the empty string.
    static let oddStrings: [String] = [
        "", "plain", "say \"hi\"", "back\\slash", "a/b", "</script>", "tab\there", "line\nfeed", "cr\rlf", "\u{08}\u{0C}",
        "DEL \u{7F}", "Île-de-France : 12\u{202F}345\u{00A0}€", "line\u{2028}separator\u{2029}", "🧪👩🏽‍🔬", "\\u0041",
    ] + (0..<0x20).map { "c\(String(UnicodeScalar(UInt8($0))))d" }

    @Test("Strings, as values and as keys, are escaped as JSONEncoder escapes them")
    func strings() throws {
        for string in Self.oddStrings {
            var json = JSONWriter()
            json.object([string: string]) { $0.string($1) }
            #expect(json.text == (try Self.encoded([string: string])), "\(Array(string.utf8))")
            var list = JSONWriter()
            list.array([string, string])
            #expect(list.text == (try Self.encoded([string, string])), "\(Array(string.utf8))")
        }
        // All of them in one object: keys sorted by their UTF-8 bytes (uppercase before lowercase, ASCII before the rest).
        let all = Dictionary(Self.oddStrings.map { ($0, $0) } + [("Zed", "Z"), ("apple", "a"), ("éclair", "é")]) { a, _ in a }
        var json = JSONWriter()
        json.object(all) { $0.string($1) }
        #expect(json.text == (try Self.encoded(all)))
    }

    struct Shape: Encodable {
        let empty: [String]
        let emptyObject: [String: Int]
        let nested: [[String: [Int]]]
        let flag: Bool
        let count: Int
        let amounts: [Decimal]
        let missing: String?
        let none: String?

        enum CodingKeys: String, CodingKey { case empty, emptyObject, nested, flag, count, amounts, missing, none }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(empty, forKey: .empty)
            try container.encode(emptyObject, forKey: .emptyObject)
            try container.encode(nested, forKey: .nested)
            try container.encode(flag, forKey: .flag)
            try container.encode(count, forKey: .count)
            try container.encode(amounts, forKey: .amounts)
            try container.encodeIfPresent(missing, forKey: .missing)
            try container.encode(none, forKey: .none)
        }
    }

    @Test("Empty arrays and objects, nesting, numbers, Booleans, absent and null members are laid out as JSONEncoder lays them out")
    func layout() throws {
        let amounts: [Decimal] = [0, 1, -1, Decimal(string: "1234567.89")!, Decimal(string: "0.5")!, Decimal(string: "-0.0001")!,
                                  Decimal(string: "12.30")!, Decimal(string: "99999999999999999.99")!, Decimal(Int64.max)]
        let shape = Shape(
            empty: [], emptyObject: [:], nested: [[:], ["b": [], "a": [1, 2]], ["c": [-3]]], flag: true, count: -42,
            amounts: amounts, missing: nil, none: nil)
        var right = JSONWriter()
        right.object { json in
            json.key("amounts")
            json.array(amounts) { $0.decimal($1) }
            json.field("count", -42)
            json.key("empty")
            json.array([String]())
            json.key("emptyObject")
            json.object([String: Int]()) { $0.int($1) }
            json.field("flag", true)
            json.field("missing", ifPresent: nil as String?)
            json.key("nested")
            json.array(shape.nested) { json, dictionary in json.object(dictionary) { json, list in json.array(list) { $0.int($1) } } }
            json.field("none", orNull: nil as String?)
        }
        #expect(right.text == (try Self.encoded(shape)))
    }
}

@Suite("Exact numbers in reports")
struct ExactNumberTests {
    @Test("An amount or a rounded share is written as Decimal's description writes the same value")
    func sameAsDecimal() {
        var values: [Int64] = [0, 1, -1, 5, 10, 29, 100, 1_000, 84_096_550, 122_700_000, -250_000, 99_999, .max, .min + 1]
        var state: UInt64 = 11
        for _ in 0..<3_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Int64(bitPattern: state) >> Int64(state % 60))
        }
        for units in values {
            let money = Money(minorUnits: units)
            #expect(ExactNumber(money).text == money.decimalValue.description, "\(units)")
            for places in [0, 1, 4, 6] {
                let share = Share(units, over: Int64(places * 7 + 3))
                #expect(ExactNumber(share, places: places).text == share.rounded(toPlaces: places).description, "\(units), \(places)")
            }
        }
        #expect(ExactNumber(units: 5, places: 2).text == "0.05")
        #expect(ExactNumber(units: -125, places: 1).text == "-12.5")
        #expect(ExactNumber(units: 100_000_000, places: 2).text == "1000000")
        #expect(ExactNumber(7).text == "7")
    }
}
