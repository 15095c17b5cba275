import ClusterKitCore
import Foundation

/// Escaping for HTML text and attribute values.
enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped: safe in an element or a quoted attribute.
    ///
    /// Read as UTF-8 bytes: the five are ASCII, and no byte of a longer character is, so each is replaced wherever it
    /// is — also before a combining mark, which a reading by characters would have taken with it (a `"` followed by
    /// U+0301 is one character, not `"`) and left unescaped. Text with none of them is returned as it is.
    static func escape(_ text: String) -> String {
        var text = text
        let escaped = text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: { escapes($0) != nil }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                if let entity = escapes(byte) {
                    entity.withUTF8Buffer { out.append(contentsOf: $0) }
                } else {
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// The entity a byte is written as, for the five bytes HTML text escapes.
    private static func escapes(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}

/// Numbers and text as the HTML report prints them: the report's ``ValueFormatter`` (`1 080 000,00 €`, `49,8 %` in
/// French; `€1,080,000.00`, `49.8%` in English), whole amounts without their zero cents (`1 080 000 €`), and French
/// typography with no-break spaces — between groups of digits, before `€`, `%`, `:`, `;`, `?`, `!` and `»`, after `«` and
/// `p.`.
struct HTMLFormat: Sendable {
    /// The language numbers and words are written in.
    let language: Language

    private var values: ValueFormatter { ValueFormatter(language: language) }

    /// An amount, exact: its cents only when it has some.
    func money(_ money: Money) -> String {
        var text = values.string(money)
        if money.minorUnits % money.currency.minorUnitsPerMajorUnit == 0,
            let cents = text.range(of: language == .french ? ",00" : ".00", options: .backwards)
        {
            text.removeSubrange(cents)
        }
        return typeset(text)
    }

    /// A share as a percentage with one decimal (whole percentages without).
    func share(_ share: Share) -> String { typeset(values.string(share)) }

    /// A share as percentage points, without the sign: `0,2` for 0.2 points.
    func points(_ share: Share) -> String { values.points(share) }

    /// A measured figure or a threshold.
    func measure(_ measure: Measure) -> String {
        switch measure {
        case .money(let amount): money(amount)
        case .share(let ratio): share(ratio)
        case .count(let count): String(count)
        }
    }

    /// A message in the report's language, typeset.
    func message(_ message: Message) -> String { typeset(message.rendered(in: language)) }

    /// A word in the report's language, typeset.
    func word(_ text: LocalizedText) -> String { typeset(text(language)) }

    /// French typography: the spaces a French text needs unbroken made no-break; English text unchanged.
    func typeset(_ text: String) -> String {
        guard language == .french else { return text }
        let space: Character = " ", noBreak: Character = "\u{00A0}"
        var characters = Array(text)
        for index in characters.indices where characters[index] == space {
            let before = index > characters.startIndex ? characters[index - 1] : nil
            let after = index + 1 < characters.endIndex ? characters[index + 1] : nil
            var unbroken = false
            if let after, ["€", "%", ":", ";", "?", "!", "»"].contains(after) { unbroken = true }
            if before == "«" { unbroken = true }
            // "p. 11": a page number stays with its "p.".
            if before == ".", index >= 2, characters[index - 2] == "p", index == 2 || characters[index - 3] == " ",
                let after, after.isNumber
            {
                unbroken = true
            }
            // Between groups of digits: a digit, then exactly three digits and no fourth.
            if let before, before.isNumber, index + 3 < characters.endIndex,
                characters[(index + 1)...(index + 3)].allSatisfy(\.isNumber),
                index + 4 == characters.endIndex || !characters[index + 4].isNumber
            {
                unbroken = true
            }
            if unbroken { characters[index] = noBreak }
        }
        return String(characters)
    }
}
