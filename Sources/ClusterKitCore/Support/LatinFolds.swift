/// The folds of the Latin letters (U+0080 to U+024F) as Foundation's `folding` makes them, without Foundation: on Linux
/// its folding goes through `NSString` and costs tens of thousands of instructions a label. The CSV reader folds
/// headings and labels by this table (`CSVVocabulary`), and so does the rule that tells a generic public label
/// (`AggregatedPublicLines`, ClusterRules). Text with a scalar outside the table is folded by Foundation.
///
/// ``fold(_:into:table:)`` folds text scalar by scalar; a reader that applies its own rule to each folded byte as it
/// goes (the CSV reader's one pass) folds each scalar with ``foldOfScalar(_:at:table:)``.
package enum LatinFolds {
    /// What Foundation's folding (case, diacritics, width) makes of each scalar from U+0080 to U+024F, with every
    /// scalar that is not a letter or digit written as a space: `É` → `e`, `ß` → `ss`, `œ` stays, `«` → a space.
    /// Made by `Scripts/generate-latin-folds.swift`; `CSVTextTests` (ClusterKitFormats, through `CSVVocabulary`) and
    /// `AggregatedPublicLinesTests` (ClusterRules) check it against Foundation.
    package static let folds: [String] = [
        " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ",  // U+0080
        " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ",  // U+0090
        " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", "ª", " ", " ", " ", " ", " ",  // U+00A0
        " ", " ", "²", "³", " ", "μ", " ", " ", " ", "¹", "º", " ", "¼", "½", "¾", " ",  // U+00B0
        "a", "a", "a", "a", "a", "a", "æ", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // U+00C0
        "ð", "n", "o", "o", "o", "o", "o", " ", "ø", "u", "u", "u", "u", "y", "þ", "ss",  // U+00D0
        "a", "a", "a", "a", "a", "a", "æ", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // U+00E0
        "ð", "n", "o", "o", "o", "o", "o", " ", "ø", "u", "u", "u", "u", "y", "þ", "y",  // U+00F0
        "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",  // U+0100
        "đ", "đ", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",  // U+0110
        "g", "g", "g", "g", "h", "h", "ħ", "ħ", "i", "i", "i", "i", "i", "i", "i", "i",  // U+0120
        "i", "ı", "ĳ", "ĳ", "j", "j", "k", "k", "ĸ", "l", "l", "l", "l", "l", "l", "ŀ",  // U+0130
        "ŀ", "ł", "ł", "n", "n", "n", "n", "n", "n", "ʼn", "ŋ", "ŋ", "o", "o", "o", "o",  // U+0140
        "o", "o", "œ", "œ", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",  // U+0150
        "s", "s", "t", "t", "t", "t", "ŧ", "ŧ", "u", "u", "u", "u", "u", "u", "u", "u",  // U+0160
        "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",  // U+0170
        "ƀ", "ɓ", "ƃ", "ƃ", "ƅ", "ƅ", "ɔ", "ƈ", "ƈ", "ɖ", "ɗ", "ƌ", "ƌ", "ƍ", "ǝ", "ə",  // U+0180
        "ɛ", "ƒ", "ƒ", "ɠ", "ɣ", "ƕ", "ɩ", "ɨ", "ƙ", "ƙ", "ƚ", "ƛ", "ɯ", "ɲ", "ƞ", "ɵ",  // U+0190
        "o", "o", "ƣ", "ƣ", "ƥ", "ƥ", "ʀ", "ƨ", "ƨ", "ʃ", "ƪ", "ƫ", "ƭ", "ƭ", "ʈ", "u",  // U+01A0
        "u", "ʊ", "ʋ", "ƴ", "ƴ", "ƶ", "ƶ", "ʒ", "ƹ", "ƹ", "ƺ", "ƻ", "ƽ", "ƽ", "ƾ", "ƿ",  // U+01B0
        "ǀ", "ǁ", "ǂ", "ǃ", "ǆ", "ǆ", "ǆ", "ǉ", "ǉ", "ǉ", "ǌ", "ǌ", "ǌ", "a", "a", "i",  // U+01C0
        "i", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "ǝ", "a", "a",  // U+01D0
        "a", "a", "æ", "æ", "ǥ", "ǥ", "g", "g", "k", "k", "o", "o", "o", "o", "ʒ", "ʒ",  // U+01E0
        "j", "ǳ", "ǳ", "ǳ", "g", "g", "ƕ", "ƿ", "n", "n", "a", "a", "æ", "æ", "ø", "ø",  // U+01F0
        "a", "a", "a", "a", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o",  // U+0200
        "r", "r", "r", "r", "u", "u", "u", "u", "s", "s", "t", "t", "ȝ", "ȝ", "h", "h",  // U+0210
        "ƞ", "ȡ", "ȣ", "ȣ", "ȥ", "ȥ", "a", "a", "e", "e", "o", "o", "o", "o", "o", "o",  // U+0220
        "o", "o", "y", "y", "ȴ", "ȵ", "ȶ", "ȷ", "ȸ", "ȹ", "ⱥ", "ȼ", "ȼ", "ƚ", "ⱦ", "ȿ",  // U+0230
        "ɀ", "ɂ", "ɂ", "ƀ", "ʉ", "ʌ", "ɇ", "ɇ", "ɉ", "ɉ", "ɋ", "ɋ", "ɍ", "ɍ", "ɏ", "ɏ",  // U+0240
    ]

    /// ``folds`` as UTF-8 bytes, a letter of the table at a time.
    private static let foldBytes: [[UInt8]] = folds.map { Array($0.utf8) }

    /// ``foldBytes`` in one array, five bytes a scalar: the fold's length (at most 4 bytes), then its bytes.
    @usableFromInline package static let table: [UInt8] = foldBytes.flatMap { bytes in
        precondition(bytes.count <= 4, "a fold of more than 4 bytes")
        return [UInt8(bytes.count)] + bytes + [UInt8](repeating: 0, count: 4 - bytes.count)
    }

    /// Where the fold of the scalar whose UTF-8 sequence starts at `index` lies in `table` (``table``, read once by
    /// the caller): a Latin letter's fold, a space for the punctuation, dashes, quotes and currency signs of the
    /// U+2000 block (the range of U+0080's entry, one space); `index` moved past the scalar. `nil` for any other
    /// scalar (Foundation's folding decides it then).
    ///
    /// `bytes` is valid UTF-8 (a `String`'s) and `bytes[index]` the lead of a sequence of two bytes or more. The
    /// invisible format characters of the U+2000 block (U+200B–U+200F, U+202A–U+202E, U+2060–U+206F) give `nil`:
    /// Foundation's folding of a joiner between two letters did not match a space's.
    @inlinable
    package static func foldOfScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int, table: [UInt8]) -> Range<Int>? {
        let lead = bytes[index]
        let scalar: Int
        if lead < 0xE0 {
            scalar = Int(lead & 0x1F) << 6 | Int(bytes[index + 1] & 0x3F)
            index += 2
        } else if lead < 0xF0 {
            scalar = Int(lead & 0x0F) << 12 | Int(bytes[index + 1] & 0x3F) << 6 | Int(bytes[index + 2] & 0x3F)
            index += 3
        } else {
            return nil
        }
        switch scalar {
        case 0x80..<0x250:
            let entry = (scalar - 0x80) * 5
            return (entry + 1)..<(entry + 1 + Int(table[entry]))
        case 0x2000..<0x200B, 0x2010..<0x202A, 0x202F..<0x2060, 0x20A0..<0x20D0:
            return 1..<2
        default:
            return nil
        }
    }

    /// Text's UTF-8 bytes folded into `buffer` (at least twice their count plus one: a fold is at most 4 bytes for a
    /// scalar of 2), its length: ASCII letters lowered and every other ASCII byte kept, each other scalar as
    /// ``foldOfScalar(_:at:table:)`` folds it; `nil` when one is outside the table.
    package static func fold(
        _ bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>, table: [UInt8]
    ) -> Int? {
        var count = 0, index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                buffer[count] = lead &- 0x41 < 26 ? lead | 0x20 : lead
                count += 1
                index += 1
                continue
            }
            guard let fold = foldOfScalar(bytes, at: &index, table: table) else { return nil }
            for offset in fold {
                buffer[count] = table[offset]
                count += 1
            }
        }
        return count
    }
}
