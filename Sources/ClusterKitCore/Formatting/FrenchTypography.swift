/// French typography for text a French reader sees: a no-break space before « : » (U+00A0) and a narrow no-break
/// space before « ; ? ! » (U+202F), where the text has a space; a no-break space inside « », where it has a space
/// or none.
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
        guard text.contains(where: { ":;?!«»".contains($0) }) else { return text }
        var out: [Character] = []
        out.reserveCapacity(text.count + 4)
        var previous: Character?
        for character in text {
            switch character {
            case ":", ";", "?", "!":
                if out.last == " " { out[out.count - 1] = character == ":" ? noBreakSpace : narrowNoBreakSpace }
            case "»":
                if out.last == " " {
                    out[out.count - 1] = noBreakSpace
                } else if let last = out.last, last != noBreakSpace, last != narrowNoBreakSpace, last != "«" {
                    out.append(noBreakSpace)
                }
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
}
