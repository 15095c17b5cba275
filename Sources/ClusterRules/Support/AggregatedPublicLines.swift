import ClusterKitCore
import Foundation

/// Public lines that hold several funders the table does not name: no `funder`, and a generic label (« 74 –
/// Subventions d'exploitation », « Subventions publiques », « Subventions (État, Régions, …) »). Such a line is not one
/// funder: `funder-dependency` cannot tell the funders apart and asks for the split.
package enum AggregatedPublicLines {
    /// Words that name a kind of public money, not a body: a label made only of these (and of small words, account
    /// numbers and a parenthesis) is generic.
    private static let kinds: Set<String> = [
        "subvention", "subventions", "financement", "financements", "aide", "aides", "fonds", "concours", "dotation",
        "dotations", "grant", "grants", "subsidy", "subsidies", "funding", "funds", "recettes", "ressources",
    ]
    private static let fillers: Set<String> = [
        "d", "de", "des", "du", "l", "la", "le", "les", "et", "sur", "en", "exploitation", "fonctionnement", "public",
        "publics", "publique", "publiques", "autres", "autre", "action", "actions", "specifique", "specifiques",
        "operating", "other", "of", "and", "on", "for", "the", "project", "projects",
    ]

    /// Whether a label is generic: after its account number and any parenthesis, only words of kind and small words,
    /// one word of kind at least.
    ///
    /// The label is folded by the table of Latin folds (``LatinFolds``) when every scalar of it is ASCII or in the
    /// table: Foundation's folding, which it gives the same words as (a test holds them equal), goes through
    /// `NSString` on Linux, and took about half of a check of the typical budget (27,000 instructions a label).
    package static func isGeneric(_ label: String) -> Bool {
        guard let folded = latinFolded(label) else { return isGenericByFoundation(label) }
        // The groups in parentheses dropped, the text on either side of one then meeting (as Foundation's path reads
        // the text with the group removed); an unclosed `(` drops the rest.
        var text: [UInt8] = []
        text.reserveCapacity(folded.count)
        var index = 0
        while index < folded.count {
            if folded[index] == 0x28 {
                guard let close = folded[(index + 1)...].firstIndex(of: 0x29) else { break }
                index = close + 1
                continue
            }
            text.append(folded[index])
            index += 1
        }
        // Words: runs of letters, judged as they end — a word neither of kind nor small ends the reading. A letter the
        // table gives outside ASCII (`æ`, `ð`, `ª`…) makes such a word; other scalars (`²`, a space) end a word.
        var sawKind = false
        var start = -1
        index = 0
        while index <= text.count {
            let byte = index < text.count ? text[index] : 0x20
            if byte &- 0x61 < 26 {
                if start < 0 { start = index }
                index += 1
                continue
            }
            if start >= 0 {
                let word = String(decoding: text[start..<index], as: UTF8.self)
                if kinds.contains(word) {
                    sawKind = true
                } else if !fillers.contains(word) {
                    return false
                }
                start = -1
            }
            if byte >= 0x80 {
                let length = byte >= 0xE0 ? 3 : 2
                let scalar = String(decoding: text[index..<(index + length)], as: UTF8.self)
                if scalar.first?.isLetter == true { return false }
                index += length
                continue
            }
            index += 1
        }
        return sawKind
    }

    /// ``isGeneric(_:)`` with the label folded by Foundation: for labels outside the table, and what the table's
    /// path is tested against.
    package static func isGenericByFoundation(_ label: String) -> Bool {
        isGeneric(folded: label.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased())
    }

    /// A label's UTF-8 bytes folded by the table of Latin folds (``LatinFolds/fold(_:into:table:)``: ASCII letters
    /// lowered, Latin letters without case or accent, punctuation of the U+2000 block a space); `nil` when a scalar
    /// is outside these.
    private static func latinFolded(_ label: String) -> [UInt8]? {
        var label = label
        return label.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * bytes.count + 1) { buffer in
                LatinFolds.fold(bytes, into: buffer, table: LatinFolds.table).map { Array(buffer[..<$0]) }
            }
        }
    }

    /// ``isGeneric(_:)`` of a label folded and lowered.
    private static func isGeneric(folded: String) -> Bool {
        var text = folded
        while let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
            text.removeSubrange(open...close)
        }
        if let open = text.firstIndex(of: "(") { text.removeSubrange(open...) }
        let words = text.split { !$0.isLetter }.map(String.init)
        guard words.contains(where: kinds.contains) else { return false }
        return words.allSatisfy { kinds.contains($0) || fillers.contains($0) }
    }

    /// The budget's aggregated public lines: public, no `funder`, a generic label.
    static func lines(_ context: RuleContext) -> [ResourceLine] {
        // Public as the metrics count it, asked line by line rather than by listing the public lines' ids.
        let lines = context.budget.resources
        return lines.indices.filter { position in
            lines[position].funder == nil && context.metrics.isPublicResource(at: position)
                && isGeneric(lines[position].label ?? lines[position].id)
        }.map { lines[$0] }
    }
}
