import ClusterKitCore
import Foundation
import Testing
import TestSupport

@testable import ClusterRules

/// `AggregatedPublicLines.isGeneric` folds a label by the table of Latin folds (`LatinFolds`) rather than by
/// Foundation: the two give the same answer on every scalar of the table and on labels made of the words the test
/// looks for, accents, parentheses, account numbers and punctuation.
@Suite("Aggregated public lines: the table's folding is Foundation's")
struct AggregatedPublicLinesTests {
    @Test("Every scalar of the table, alone and inside a generic label, is judged as Foundation folds it")
    func everyScalarOfTheTable() {
        for value in Array(0x80..<0x250) + Array(0x2000..<0x2070) + Array(0x20A0..<0x20D0) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for label in ["\(scalar)", "Subventions \(scalar)", "\(scalar)ides", "Subvention\(scalar)", "74 \(scalar) Aides publiques"] {
                #expect(
                    AggregatedPublicLines.isGeneric(label) == AggregatedPublicLines.isGenericByFoundation(label),
                    "\(label.debugDescription)")
            }
        }
    }

    @Test("Random labels of kind words, small words, accents and parentheses are judged as Foundation folds them")
    func randomLabels() {
        var generator = SplitMix64(seed: 0x00A6_6E6E)
        let pieces = [
            "Subventions", "SUBVENTION", "subvéntions", "Aides", "AIDÉS", "aïdes", "fonds", "Financements", "dotation",
            "Recettes", "ressources", "grants", "Funding", "d'", "de", "des", "l'", "exploitation", "publiques", "Région",
            "État", "FEDER", "Département", "(", ")", "(État, Régions, …)", "74", " – ", " ", "-", ",", "œuvre", "Straße",
            "ſ", "Ǆ", "ǅ", "ĳ", "ª", "²", "e\u{301}", "Ｒégion", "«", "»", "…", "’", "\u{2013}", "\u{200D}", "\u{200C}",
            "\u{2060}", "\u{202F}", "€",
        ]
        for _ in 0..<3_000 {
            let label = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined(separator: Bool.random(using: &generator) ? " " : "")
            #expect(
                AggregatedPublicLines.isGeneric(label) == AggregatedPublicLines.isGenericByFoundation(label),
                "\(label.debugDescription)")
        }
        // The forms the rule's tests name, by the table's path.
        #expect(AggregatedPublicLines.isGeneric("74 – Subventions d'exploitation"))
        #expect(AggregatedPublicLines.isGeneric("Subventions (État, Régions, …)"))
        #expect(!AggregatedPublicLines.isGeneric("Conseil régional"))
        // A parenthesis dropped joins what is on either side of it, as the text with the group removed reads.
        for label in ["Sub(x)ventions", "Aides(", "Aides (publiques", "Aides) publiques", "(Région) Aides", "Ai(1)(2)des"] {
            #expect(
                AggregatedPublicLines.isGeneric(label) == AggregatedPublicLines.isGenericByFoundation(label),
                "\(label.debugDescription)")
        }
        #expect(AggregatedPublicLines.isGeneric("Sub(x)ventions"))
    }
}
