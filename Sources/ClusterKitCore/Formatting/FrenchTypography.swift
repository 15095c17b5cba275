/// French typography for text a French reader sees: a no-break space before « : » (U+00A0) and a narrow no-break
/// space before « ; ? ! » (U+202F), where the text has a space; a no-break space inside « », where it has a space
/// or none; a no-break space before « % » and « € », and a narrow one between groups of thousands (`1 227 000`),
/// where the text has a space.
///
/// It never adds a space before a colon the text writes without one (a URL, a time, `file:line`), so a template must
/// write its French spaces: `Source : {citation}`, not `Source: {citation}`.
package enum FrenchTypography {
    /// The no-break space written before « : » and inside « ».
    package static let noBreakSpace: Character = "\u{00A0}"
    /// The narrow no-break space written before « ; ? ! ».
    package static let narrowNoBreakSpace: Character = "\u{202F}"

    /// `text` with its spaces before « : ; ? ! » and inside « » made unbreakable.
    ///
    /// It reads the text's Unicode scalars, not its characters: every mark it looks for is one scalar, and splitting a
    /// report into grapheme clusters cost some 3,000 instructions a character (callgrind: most of a French Markdown
    /// report's rendering). A digit is a scalar with a numeric type, a letter an alphabetic one, as `Character`'s
    /// `isNumber` and `isLetter` read a character's first scalar.
    package static func applied(to text: String) -> String {
        guard text.unicodeScalars.contains(where: isMarked) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count + 8)
        let space: Unicode.Scalar = " ", noBreak = noBreakScalar, narrow = narrowNoBreakScalar
        var previous: Unicode.Scalar?
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "%", "€":
                if out.last == space { out[out.count - 1] = noBreak }
            case ":", ";", "?", "!":
                if out.last == space { out[out.count - 1] = scalar == ":" ? noBreak : narrow }
            case "»":
                if out.last == space {
                    out[out.count - 1] = noBreak
                } else if let last = out.last, last != noBreak, last != narrow, last != "«" {
                    out.append(noBreak)
                }
            case " " where out.last.map(isDigit) == true && isThousands(scalars, after: index):
                out.append(narrow)
                previous = scalar
                continue
            default:
                if previous == "«" {
                    if scalar == space {
                        out.append(noBreak)
                        previous = scalar
                        continue
                    } else if scalar != noBreak, scalar != narrow, scalar != "»" {
                        out.append(noBreak)
                    }
                }
            }
            out.append(scalar)
            previous = scalar
        }
        // As UTF-8 bytes: `String.UnicodeScalarView`'s append took more time than all the rest.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(out.count + 16)
        for scalar in out {
            if scalar.isASCII { bytes.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { bytes.append($0) } }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let noBreakScalar: Unicode.Scalar = "\u{00A0}"
    private static let narrowNoBreakScalar: Unicode.Scalar = "\u{202F}"

    /// Whether a scalar is a mark the rules act on (« : ; ? ! « » % € »): a text without one is left as it is.
    private static func isMarked(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ":", ";", "?", "!", "«", "»", "%", "€": true
        default: false
        }
    }

    /// A digit, as `Character.isNumber` reads one: a numeric type (`0`–`9`, and `½`, `٣`…).
    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType != nil
    }

    /// A letter, as `Character.isLetter` reads one: an alphabetic scalar.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
            : scalar.properties.isAlphabetic
    }

    /// Whether the scalars after the space at `index` are a group of thousands: exactly three digits, then no
    /// digit nor letter (`1 227 000`, not `2012 2013` nor `12 1234`).
    private static func isThousands(_ scalars: [Unicode.Scalar], after index: Int) -> Bool {
        guard index + 3 < scalars.count, scalars[(index + 1)...(index + 3)].allSatisfy(isDigit) else { return false }
        return index + 4 == scalars.count || !(isDigit(scalars[index + 4]) || isLetter(scalars[index + 4]))
    }
}
