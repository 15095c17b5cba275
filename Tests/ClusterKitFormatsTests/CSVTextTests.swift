import ClusterKitCore
import Foundation
import Testing
import TestSupport

@testable import ClusterKitFormats

/// The CSV reader's text handling, checked against the straightforward ways of doing the same: Foundation's folding
/// for the matching of words, a character-by-character reader for the splitting of records.
@Suite("CSV text: folding and records")
struct CSVTextTests {
    /// The scalars ``CSVVocabulary/normalized(_:)`` folds without Foundation.
    static let tableScalars: [Unicode.Scalar] = [
        0x80..<0x250, 0x2000..<0x200B, 0x2010..<0x202A, 0x202F..<0x2060, 0x20A0..<0x20D0,
    ].flatMap { range in
        range.compactMap(Unicode.Scalar.init)
    }

    @Test("Every scalar of the folding table folds as Foundation folds it, alone and between words")
    func foldingTable() {
        for scalar in Self.tableScalars {
            for text in [String(scalar), "A\(scalar)b", "Mont \(scalar) (EUR)", "\(scalar)\(scalar)%"] {
                #expect(
                    CSVVocabulary.normalized(text) == CSVVocabulary.normalizedByFoundation(text),
                    "U+\(String(scalar.value, radix: 16, uppercase: true)) in \(text.debugDescription)")
            }
        }
    }

    @Test("An amount read on its bytes is what the general rules read; text they refuse is left to them")
    func plainAmounts() throws {
        var generator = SplitMix64(seed: 0x0A_3017)
        let pieces = ["1", "2", "0", "9", "12", "345", "000", " ", "  ", ",", ".", "€", " €", "-", "\u{A0}", "\u{202F}", "\u{2007}", "\t", "\u{A0}€", "EUR", "k", "(", ")"]
        for dialect in [CSVDialect.french, .english] {
            for currency in [CurrencyCode.euro, "USD"] {
                let values = CSVValues(dialect: dialect, currency: currency)
                // Written by hand: the forms the bytes are read in, and near misses the general rules decide.
                let samples = [
                    "840 965,00 €", "840\u{202F}965,00\u{A0}€", "108\u{2007}000\u{202F}€", "108 000 €", "2 169 500,00 €", "1,227,000.50", "1 227 000.5", "40000,00", "0,5", "7",
                    "1 00", "1  000", "12 345 678", "1234 567", "1,5,0", "€", "100 €", "1 000,555", "99999999999999999", "123456789012345678901234567890,12", "9 999 999 999 999 999 999 999",
                    // The 16-digit bound, in every form: 16 digits read on the bytes, 17 left to the general rules.
                    "9999999999999999", "99999999999999,99", "999999999999999,99", "99999999999999.99", "999999999999999.99",
                ]
                for _ in 0..<4_000 {
                    let text = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
                    let general = try? values.generalAmount(text)
                    if let plain = values.plainAmount(text) { #expect(plain == general, "\(text.debugDescription)") }
                    #expect((try? values.amount(text)) == general, "\(text.debugDescription)")
                }
                for text in samples {
                    let general = try? values.generalAmount(text)
                    if let plain = values.plainAmount(text) { #expect(plain == general, "\(text.debugDescription)") }
                }
                let text = dialect == .french ? "2 169 500,00 €" : "2,169,500.00"
                let expected = dialect == .french && currency != .euro ? nil : Money(minorUnits: 216_950_000, currency: currency)
                #expect(values.plainAmount(text) == expected)
            }
        }
    }

    @Test("A share read from its digits is the one the general rules make through Decimal, to its numerator and denominator")
    func plainShares() {
        var generator = SplitMix64(seed: 0x5_4A2E)
        let pieces = ["0", "1", "5", "9", "10", "45", "50", "100", "000", "00", ",", ".", " ", "%", " %", "\u{A0}%", "-", "\u{202F}", "e"]
        for dialect in [CSVDialect.french, .english] {
            let values = CSVValues(dialect: dialect, currency: .euro)
            // Written by hand: the shares of the examples and near misses.
            let samples = [
                "50 %", "50%", "44,83%", "44.83%", "0,45", "0.45", "1", "0", "100 %", "100,0 %", "0,450", "007 %", "101 %", "1,01",
                "0,0000000000001", "0,000000000001", "0,00000000000001 %", "1 000 %", ",5", "5,", "",
            ]
            var texts = samples
            for _ in 0..<4_000 {
                texts.append((0..<Int.random(in: 1...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
            }
            for text in texts {
                let general = try? values.generalShare(text)
                if let plain = values.plainShare(text) {
                    #expect(plain.numerator == general?.numerator && plain.denominator == general?.denominator, "\(text.debugDescription)")
                }
                let read = try? values.share(text)
                #expect(read?.numerator == general?.numerator && read?.denominator == general?.denominator, "\(text.debugDescription)")
            }
        }
        // « 50 % » is 5/10, as `Share(exactly: 0.5)` makes it.
        let share = CSVValues(dialect: .french, currency: .euro).plainShare("50 %")
        #expect(share?.numerator == 5 && share?.denominator == 10)
    }

    @Test("A cell starting with a digit, folded only when asked, folds as any cell and names no side nor Cerfa title")
    func cellsStartingWithDigits() {
        var generator = SplitMix64(seed: 0xD1_617)
        let pieces = ["1", "2013", "80 000", ",", " ", "Charges", "PRODUITS", "Dépenses", "Ressources", "€", "%", "(eur)", "é"]
        for _ in 0..<2_000 {
            let text = String(Int.random(in: 0...9, using: &generator))
                + (0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let cell = CSVCell(text: text, line: 1, column: 1)
            #expect(cell.startsWithDigit)
            #expect(!cell.isBlank)
            #expect(cell.folded == CSVVocabulary.normalized(text), "\(text.debugDescription)")
            #expect(CerfaReading.sideTitle(folded: cell.folded) == nil, "\(text.debugDescription)")
            #expect(CSVVocabulary.side(folded: cell.folded) == nil, "\(text.debugDescription)")
        }
        #expect(!CSVCell(text: " 1", line: 1, column: 1).startsWithDigit)
        #expect(CSVCell(text: "Charges", line: 1, column: 1).folded == "charges")
    }

    @Test("The amounts of a French export (narrow no-break spaces, « € » after a no-break space) are read on their bytes")
    func frenchExportAmounts() {
        let values = CSVValues(dialect: .french, currency: .euro)
        #expect(values.plainAmount("840\u{202F}965,00\u{A0}€") == Money(minorUnits: 84_096_500))
        #expect(values.plainAmount("2\u{202F}169\u{202F}500\u{A0}€") == Money(minorUnits: 216_950_000))
        #expect(values.plainAmount("135 000") == Money(minorUnits: 13_500_000))
    }

    @Test("Random Latin text folds as Foundation folds it")
    func foldingRandomText() {
        var generator = SplitMix64(seed: 0x00C1_5CE7)
        let pieces: [String] =
            [
                "(eur)", "(EUR)", "(Eur)", "(éur)", "(ÉUR", "(", "€", "%", " ", "-", "'", "’", "\u{A0}", "\u{202F}", "\u{200C}",
                "\u{200D}", "\u{2060}", "e\u{301}",
            ]
            + (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in
                Bool.random(using: &generator)
                    ? pieces.randomElement(using: &generator)!
                    : String(Self.tableScalars.randomElement(using: &generator)!)
            }.joined()
            #expect(
                CSVVocabulary.normalized(text) == CSVVocabulary.normalizedByFoundation(text),
                "\(text.debugDescription)")
        }
    }

    @Test("The one-pass fold is the two-pass fold, on every scalar of the table in every context that matters")
    func onePassFold() {
        let table = LatinFolds.table
        func folds(_ text: String) -> (one: String?, two: String?) {
            var text = text
            return text.withUTF8 { bytes in
                func fold(_ body: (UnsafeMutableBufferPointer<UInt8>) -> Int?) -> String? {
                    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * bytes.count + 1) { buffer in
                        body(buffer).map { String(decoding: UnsafeBufferPointer(rebasing: buffer[..<$0]), as: UTF8.self) }
                    }
                }
                return (
                    fold { CSVVocabulary.fold(bytes, into: $0, table: table) },
                    fold { CSVVocabulary.foldInTwoPasses(bytes, into: $0, table: table) }
                )
            }
        }
        for scalar in Self.tableScalars {
            for text in [String(scalar), "x\(scalar)y", " \(scalar) ", "\(scalar)%\(scalar)", "(eur)\(scalar)", "\(scalar)(EUR)", "(\(scalar)ur)"] {
                let (one, two) = folds(text)
                #expect(one == two, "\(text.debugDescription)")
            }
        }
        // The one pass goes to two at a `(`, which the table never gives, nor an upper-case letter it would not lower.
        for entry in stride(from: 0, to: table.count, by: 5) {
            for byte in table[(entry + 1)..<(entry + 1 + Int(table[entry]))] {
                #expect(byte != 0x28 && !(byte &- 0x41 < 26), "entry \(entry / 5)")
            }
        }
    }

    @Test(
        "Text outside the table is folded by Foundation",
        arguments: [
            ("Re\u{301}gion Rho\u{302}ne", "region rhone"), ("ＭＯＮＴＡＮＴ (€)", "montant"),
            ("Ρεγιόν", "ρεγιον"),
            ("Dépenses", "depenses"), ("Sous-total", "sous total"), ("Montant (EUR)", "montant"),
            ("Œuvre straße", "œuvre strasse"),
        ])
    func foldingOutsideTheTable(_ text: String, _ folded: String) {
        #expect(CSVVocabulary.normalized(text) == folded)
    }

    @Test(
        "Random CSV texts split into the same records, or fail with the same error, as a character-by-character reader"
    )
    func recordsAgainstACharacterReader() {
        var generator = SplitMix64(seed: 0xC5F0)
        let pieces = [
            ";", ",", "\t", "\"", "\"\"", "\n", "\r", "\r\n", " ", "\u{A0}", "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}", "a", "é",
            "1 000,50", "€", "x\u{301}",
        ]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...14, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            for separator: Character in [";", ",", "\t"] {
                let fast = Result { () throws(InputError) in
                    try CSVText.records(text, separator: separator, file: "f.csv")
                }
                let reference = Result { () throws(InputError) in
                    try referenceRecords(text, separator: separator, file: "f.csv")
                }
                switch (fast, reference) {
                case (.success(let rows), .success(let expected)):
                    #expect(rows.map(\.line) == expected.map(\.line), "\(text.debugDescription)")
                    #expect(rows.map(\.cells) == expected.map(\.cells), "\(text.debugDescription)")
                case (.failure(let error), .failure(let expected)):
                    #expect(error == expected, "\(text.debugDescription)")
                default:
                    Issue.record("\(text.debugDescription): \(fast) against \(reference)")
                }
            }
        }
    }
}

extension CSVTextTests {
    @Test(
        "A separator or a line end followed by a combining mark still counts (a character-by-character reader missed it)"
    )
    func structuralScalarsBeforeMarks() throws {
        let rows = try CSVText.records("a;\u{301}b\nc\n\u{200D}d", separator: ";", file: nil)
        #expect(rows.map { $0.cells.map(\.text) } == [["a", "\u{301}b"], ["c"], ["\u{200D}d"]])
        #expect(
            try referenceRecords("a;\u{301}b", separator: ";", file: nil).map { $0.cells.map(\.text) }
                == [["a;\u{301}b"]])
    }
}

/// The records of a CSV text, read character by character as the reader first did: the reference the scalar reader
/// is checked against.
func referenceRecords(_ text: String, separator: Character, file: String?) throws(InputError)
    -> [CSVRow]
{
    var rows: [CSVRow] = []
    var cells: [CSVCell] = []
    var field = ""
    var line = 1
    var rowLine = 1
    var fieldLine = 1
    var inQuotes = false
    var wasQuoted = false
    var quoteLine = 1
    var quoteColumn = 1
    var iterator = text.makeIterator()
    var pending: Character? = nil

    func endField() {
        cells.append(CSVCell(text: field, line: fieldLine, column: cells.count + 1))
        field = ""
        wasQuoted = false
        fieldLine = line
    }
    func endRow() {
        endField()
        rows.append(CSVRow(line: rowLine, cells: cells))
        cells = []
    }

    while let character = pending ?? iterator.next() {
        pending = nil
        if inQuotes {
            if character == "\"" {
                let next = iterator.next()
                if next == "\"" {
                    field.append("\"")
                } else {
                    inQuotes = false
                    pending = next
                }
            } else {
                if character.isNewline { line += 1 }
                field.append(character)
            }
            continue
        }
        switch character {
        case "\"" where CSVText.trimmed(field).isEmpty && !wasQuoted:
            field = ""
            inQuotes = true
            wasQuoted = true
            quoteLine = line
            quoteColumn = cells.count + 1
        case separator:
            endField()
        case _ where character.isNewline:
            line += 1
            endRow()
            rowLine = line
            fieldLine = line
        default:
            if wasQuoted, !character.unicodeScalars.allSatisfy(CSVText.isBlank) {
                throw InputError(
                    file: file, path: "", reason: "text after the closing quote of a cell", line: line,
                    column: cells.count + 1)
            }
            if !wasQuoted { field.append(character) }
        }
    }
    if inQuotes {
        throw InputError(
            file: file, path: "", reason: "a quoted cell is never closed (a \" is missing)",
            line: quoteLine,
            column: quoteColumn)
    }
    if !field.isEmpty || wasQuoted || !cells.isEmpty { endRow() }
    return rows
}
