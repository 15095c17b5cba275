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
    package static func applied(to text: String) -> String {
        guard text.contains(where: { ":;?!«»%€".contains($0) }) else { return text }
        let characters = Array(text)
        var out: [Character] = []
        out.reserveCapacity(text.count + 4)
        var previous: Character?
        for (index, character) in characters.enumerated() {
            switch character {
            case "%", "€":
                if out.last == " " { out[out.count - 1] = noBreakSpace }
            case ":", ";", "?", "!":
                if out.last == " " { out[out.count - 1] = character == ":" ? noBreakSpace : narrowNoBreakSpace }
            case "»":
                if out.last == " " {
                    out[out.count - 1] = noBreakSpace
                } else if let last = out.last, last != noBreakSpace, last != narrowNoBreakSpace, last != "«" {
                    out.append(noBreakSpace)
                }
            case " " where out.last?.isNumber == true && isThousands(characters, after: index):
                out.append(narrowNoBreakSpace)
                previous = character
                continue
            default:
                if previous == "«" {
                    if character == " " {
                        out.append(noBreakSpace)
                        previous = character
                        continue
                    } else if character != noBreakSpace, character != narrowNoBreakSpace, character != "»" {
                        out.append(noBreakSpace)
                    }
                }
            }
            out.append(character)
            previous = character
        }
        return String(out)
    }

    /// Whether the characters after the space at `index` are a group of thousands: exactly three digits, then no
    /// digit nor letter (`1 227 000`, not `2012 2013` nor `12 1234`).
    private static func isThousands(_ characters: [Character], after index: Int) -> Bool {
        guard index + 3 < characters.count, characters[(index + 1)...(index + 3)].allSatisfy(\.isNumber) else {
            return false
        }
        return index + 4 == characters.count || !(characters[index + 4].isNumber || characters[index + 4].isLetter)
    }
}
