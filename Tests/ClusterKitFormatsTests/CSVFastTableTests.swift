import ClusterKitCore
import Foundation
import Testing
import TestSupport

@testable import ClusterKitFormats

/// The CSV reader's fast path (``CSVFastTable``) held to its general path: on every CSV file of the repository
/// (examples, fixtures, fuzz seeds), on tables of many lines, and on thousands of mutants of them, `decode` gives what
/// `generalDecode` gives — the same budget, the same inferred values, or the same error — and the fast path, when it
/// reads a file, reads it as the general path does.
@Suite("CSV fast path")
struct CSVFastTableTests {
    /// The CSV files of the repository: examples, layout fixtures, the CSV fuzz target's seeds.
    static func files() throws -> [(name: String, data: Data)] {
        var files: [(String, Data)] = []
        for folder in ["Examples/csv", "Examples/cerfa", "Tests/Fixtures/spreadsheets/layouts", "Fuzz/seeds/csv-importer"] {
            let url = repositoryFile(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() where name.hasSuffix(".csv") {
                files.append(("\(folder)/\(name)", try Data(contentsOf: url.appendingPathComponent(name))))
            }
        }
        return files
    }

    /// A table of `lines` lines in the layout of the benchmark's CSV (`;`, decimal commas, a Type and a Source
    /// column, a Total row that adds up), with ids on every seventh expense and funders on resources.
    static func largeTable(lines: Int) -> Data {
        let sources = [("Région", "region"), ("État", "state"), ("Cotisations", "membershipFees"), ("Prestations", "services")]
        func amount(_ cents: Int, euro: Bool) -> String {
            let euros = cents / 100, rest = cents % 100
            // Thousands apart by a narrow no-break space, as a French export writes them.
            var value = euros / 1_000
            var whole = value > 0 ? String(format: "%03d", euros % 1_000) : String(euros)
            while value > 0 {
                let group = value % 1_000
                value /= 1_000
                whole = (value > 0 ? String(format: "%03d", group) : String(group)) + "\u{202F}" + whole
            }
            return "\(whole),\(String(format: "%02d", rest))\(euro ? " €" : "")"
        }
        var out = "Nom du cluster;Grand\nExercice;2013\n\nDépenses;Id;Type;Montant;%;Ressources;Source;Financeur;Montant\n"
        var total = 0
        for index in 0..<lines {
            let (name, source) = sources[index % sources.count]
            let cents = 100_000 + index * 37
            total += cents
            let id = index % 7 == 0 ? "e\(index)" : ""
            let nature = index % 3 == 0 ? "fonctionnement" : "action"
            let funder = source == "region" ? "Conseil régional" : ""
            // Every fifth label repeats an earlier one: ids collide and get suffixes.
            let label = index % 5 == 0 ? "Salon" : "Action n° \(index) « é »"
            let resource = index % 5 == 0 ? "\(name) " : "\(name) \(index)"
            out += "\(label);\(id);\(nature);\(amount(cents, euro: false));;\(resource);\(source);\(funder);\(amount(cents, euro: true))\n"
        }
        out += "Total;;;\(amount(total, euro: true));100 %;Total;;;\(amount(total, euro: false))\n"
        return Data(out.utf8)
    }

    /// A checked budget's lines as JSON bytes.
    static func json(_ checked: CheckedBudget) -> Data? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try? encoder.encode(checked.budget)
    }

    /// Whether `decode` agrees with `generalDecode` on a file, and whether the fast path read it.
    @discardableResult
    static func agree(_ data: Data, dialect: CSVDialect? = nil, _ name: String) -> Bool {
        let reader = CSVBudgetReader(dialect: dialect)
        let general = Result { () throws(InputError) in try reader.generalDecode(data, file: "table.csv") }
        let decoded = Result { () throws(InputError) in try reader.decode(data, file: "table.csv") }
        let fast = CSVFastTable.budget(data, dialect: dialect, catalog: .builtIn, file: "table.csv")
        switch (general, decoded) {
        case (.success(let one), .success(let other)):
            #expect(one.budget == other.budget, "\(name): the budgets differ")
            // Byte for byte too: `==` on strings does not see a change of normalization form.
            #expect(Self.json(one) == Self.json(other), "\(name): the budgets' JSON differ")
            #expect(one.inferred == other.inferred, "\(name): the inferred values differ")
        case (.failure(let one), .failure(let other)):
            #expect(one == other, "\(name): the errors differ")
        case (.success, .failure(let error)):
            Issue.record("\(name): the general path reads it, decode says \(error)")
        case (.failure(let error), .success):
            Issue.record("\(name): the general path says \(error), decode reads it")
        }
        if let fast {
            guard case .success(let one) = general else {
                Issue.record("\(name): the fast path reads what the general path refuses")
                return true
            }
            #expect(one.budget == fast.budget && one.inferred == fast.inferred, "\(name): the fast path differs")
            #expect(Self.json(one) == Self.json(fast), "\(name): the fast path's JSON differs")
        }
        return fast != nil
    }

    @Test func everyCSVFileOfTheRepositoryIsReadAsTheGeneralPathReadsIt() throws {
        var read: [String] = []
        for (name, data) in try Self.files() where Self.agree(data, name) { read.append(name) }
        // The fast path reads the usual tables: the examples of the side-by-side layout, French and with a BOM.
        #expect(read.contains("Examples/csv/cosmetic-valley-2013.csv"), "\(read)")
        #expect(read.contains("Examples/csv/mecabourg-2013.csv"), "\(read)")
    }

    @Test func largeTablesAreReadAsTheGeneralPathReadsThem() throws {
        for lines in [1, 10, 333, 1_000] {
            let data = Self.largeTable(lines: lines)
            #expect(Self.agree(data, "\(lines) lines"), "the fast path does not read the table of \(lines) lines")
            // With a dialect given, and with CRLF line ends.
            Self.agree(data, dialect: .french, "\(lines) lines, French given")
            let crlf = Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
            #expect(Self.agree(crlf, "\(lines) lines, CRLF"))
        }
    }

    /// The fast path tells the check that its lines' ids are distinct (``CheckedBudget/KnownLines``): an id written
    /// twice, on one side or across both, is left to the general path and its error; an id written in the file that a
    /// label's id would take makes that label's id take a suffix, as in the general path.
    @Test func idsWrittenTwiceAreLeftToTheGeneralPath() throws {
        let head = "Nom du cluster;Grand\nExercice;2013\n\nDépenses;Id;Type;Montant;Ressources;Id;Source;Montant\n"
        let cases: [(name: String, rows: String, fast: Bool)] = [
            ("one id on two expenses", "Salon;e1;action;100;Région;r1;region;150\nStand;e1;action;50;;;;\n", false),
            ("one id on both sides", "Salon;x;action;100;Région;x;region;100\n", false),
            ("an id a label would take", "Salon;;action;100;Région;salon;region;150\nStand;;action;50;;;;\n", true),
            // One id as `String`s compare them: NFC and NFD, `K` and the Kelvin sign, on one side and across.
            ("NFC and NFD ids", "Salon;\u{E9};action;100;Région;r1;region;150\nStand;e\u{301};action;50;;;;\n", false),
            ("NFC and NFD ids across", "Salon;\u{E9};action;150;Région;e\u{301};region;150\n", false),
            ("K and the Kelvin sign", "Salon;K;action;150;Région;\u{212A};region;150\n", false),
            ("an id with a trailing no-break space", "Salon;e1\u{A0};action;100;Région;r1;region;150\nStand;e1;action;50;;;;\n", false),
            // Ids written that the ids given would take: the given ones take a suffix.
            ("a written resources[1]", "Salon;;action;100;;resources[1];region;50\n;;action;50;;;region;100\n", true),
            ("a written salon-2", "Salon;;action;100;Région;salon-2;region;150\nSalon;;action;50;;;;\n", true),
            ("a non-ASCII written id", "Œuvre;;action;100;Région;œuvre;region;150\nŒuvre;;action;50;;;;\n", true),
        ]
        for (name, rows, fast) in cases {
            let data = Data((head + rows).utf8)
            #expect(Self.agree(data, name) == fast, "\(name): read by the fast path: \(!fast)")
        }
        let error = #expect(throws: InputError.self) {
            try CSVBudgetReader().decode(Data((head + cases[0].rows).utf8), file: "table.csv")
        }
        #expect(error?.path == "expenses[1].id", "\(String(describing: error))")
        let budget = try CSVBudgetReader().decode(Data((head + cases[2].rows).utf8), file: "table.csv")
        #expect(budget.expenses.map(\.id) == ["salon-2", "stand"])
        let suffixed = try CSVBudgetReader().decode(Data((head + cases[8].rows).utf8), file: "table.csv")
        #expect(suffixed.expenses.map(\.id) == ["salon", "salon-3"])
    }

    /// A Source cell that writes a catalogue's id in another normalization form (`e` and a combining accent for `é`)
    /// names the catalogue's source, spelt as the catalogue spells it, on both paths.
    @Test func aSourceInAnotherNormalizationFormIsTheCatalogueSpelling() throws {
        struct Voucher: RevenueSource {
            var id: RevenueSourceID { "chèqueRégional" }
            var sector: Sector { .public }
            var nature: ResourceNature { .cash }
            var kind: RevenueKind { .subsidy }
            func name(in language: Language) -> String { "Regional voucher" }
        }
        let catalog = try Catalog.builtIn.adding(Voucher())
        let head = "Nom du cluster;Grand\nExercice;2013\n\nDépenses;Type;Montant;Ressources;Source;Montant\n"
        for cell in ["chèqueRégional", "che\u{300}queRe\u{301}gional"] {
            let data = Data((head + "Salon;action;100;Chèque;\(cell);100\n").utf8)
            let reader = CSVBudgetReader(catalog: catalog)
            let general = try reader.generalDecode(data, file: "t.csv")
            let fast = try #require(CSVFastTable.budget(data, dialect: nil, catalog: catalog, file: "t.csv"))
            for budget in [general, fast] {
                #expect(budget.resources.map { Array($0.source.rawValue.utf8) } == [Array("chèqueRégional".utf8)])
            }
        }
    }

    /// The tokens a mutant inserts or puts in place of a byte: separators, quotes, line ends, blanks of every width,
    /// words the readers look for, bytes that are not UTF-8.
    static let tokens: [[UInt8]] = [
        "\"", ";", ",", "\t", "\n", "\r", "\r\n", " ", "\u{A0}", "\u{202F}", "\u{2007}", "\u{85}", "\u{2028}", "0", "9", "€",
        "Total", "Sous-total", "Dont ", "Charges", "Produits", "Dépenses", "Ressources", "Id", "region", "action", "é", "-",
        "sep=;\n", "Montant", "%", "(", "k€", "1 000", "x", "Cluster;Autre\n", "\u{FEFF}",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0x0B], [0x00]]

    @Test func mutantsOfEveryFileAreReadAsTheGeneralPathReadsThem() throws {
        var generator = SplitMix(seed: 20_261_207)
        var read = 0, total = 0
        let seeds = try Self.files().map { ($0.name, Array($0.data)) } + [("1,000 lines", Array(Self.largeTable(lines: 60)))]
        for (name, bytes) in seeds {
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            for round in 0..<100 {
                var mutant = bytes
                let position = bytes.isEmpty ? 0 : Int(generator.next() % UInt64(bytes.count))
                let token = Self.tokens[Int(generator.next() % UInt64(Self.tokens.count))]
                switch round % 6 {
                case 0: mutant.insert(contentsOf: token, at: position)
                case 1:
                    if !mutant.isEmpty { mutant.replaceSubrange(position...position, with: token) }
                case 2:
                    if !mutant.isEmpty { mutant.remove(at: position) }
                case 3:
                    // A line repeated, dropped or moved.
                    var copy = lines
                    let line = Int(generator.next() % UInt64(copy.count))
                    switch generator.next() % 3 {
                    case 0: copy.insert(copy[line], at: line)
                    case 1: copy.remove(at: line)
                    default: copy.swapAt(line, Int(generator.next() % UInt64(copy.count)))
                    }
                    mutant = Array(copy.joined(separator: [0x0A]))
                case 4:
                    // A cell's text in place of another's.
                    var cells = bytes.split(separator: 0x3B, omittingEmptySubsequences: false).map(Array.init)
                    if cells.count > 1 {
                        let one = Int(generator.next() % UInt64(cells.count)), other = Int(generator.next() % UInt64(cells.count))
                        cells[one] = cells[other]
                        mutant = Array(cells.joined(separator: [0x3B]))
                    }
                default: mutant = Array(bytes.prefix(position))
                }
                total += 1
                if Self.agree(Data(mutant), "\(name), mutant \(round)") { read += 1 }
            }
        }
        // Not a vacuous agreement: the fast path read a good part of the mutants (the others had what it leaves to
        // the general path).
        #expect(read > total / 20, "the fast path read \(read) of \(total) mutants")
    }
}

/// A small deterministic generator (SplitMix64), so that the mutants are the same at every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

@Suite("ASCII line ids")
struct ASCIILineIDsTests {
    /// ``ASCIILineIDs`` gives the ids and names the owners ``LineIDs`` does, on claims that collide often (few
    /// distinct bases, ids written in the file among them, bases that look like suffixed ids).
    @Test func claimsAsLineIDsDo() throws {
        var generator = SplitMix(seed: 31)
        let bases = ["salon", "salon-2", "region", "a", "action-de-formation", "resources[3]", "x-2-2"]
        for round in 0..<200 {
            let taken = Set((0..<Int(generator.next() % 4)).map { _ in bases[Int(generator.next() % UInt64(bases.count))] })
            var general = LineIDs(taken: taken, capacity: 8)
            var ascii = try #require(ASCIILineIDs(taken: taken, capacity: 8))
            for claim in 0..<Int(generator.next() % 40) {
                let base = bases[Int(generator.next() % UInt64(bases.count))]
                let owner = LineIDs.Owner.cell(CellPosition(line: round, column: claim))
                let one = general.claimNoting(base, owner: owner), other = ascii.claimNoting(base, owner: owner)
                #expect(one.id == other.id && one.collidedWith == other.collidedWith, "round \(round), claim \(claim): \(base)")
            }
        }
        #expect(ASCIILineIDs(taken: ["région"], capacity: 1) == nil)
    }
}
