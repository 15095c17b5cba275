import ClusterKitCore
import Foundation
import Testing
import TestSupport

@testable import ClusterKitFormats

/// A Cerfa table's bytes: UTF-8 with a byte-order mark and CRLF line ends, as a French spreadsheet exports CSV.
private func cerfa(_ lines: [String]) -> Data {
    Data([0xEF, 0xBB, 0xBF]) + Data(lines.joined(separator: "\r\n").utf8)
}

private func example(_ name: String) throws -> Data { try Data(contentsOf: repositoryFile("Examples/cerfa/\(name)")) }

/// The error reading or mapping a table throws; fails the test when there is none.
private func error(_ data: Data, file: String = "budget.csv") -> InputError? {
    do {
        _ = try CerfaTable.read(data, file: file).mapped(file: file)
        return nil
    } catch { return error }
}

/// The budget a forecast Cerfa table gives, its lines' unspecified natures as the model's default (`programme`), built
/// here by hand from the mapped lines; the reader's own wiring (`CerfaBudget.budget(file:)`, through
/// `CSVBudgetReader`) is tested in `Tests/clusterkitTests/CerfaCheckTests.swift`.
private func forecastBudget(_ mapped: CerfaBudget, name: String, year: Int) throws -> Budget {
    let resources = try mapped.resources.map { entry in
        ResourceLine(id: entry.id, label: entry.label, source: try #require(entry.source), amount: try #require(entry.forecast), funder: entry.funder)
    }
    let expenses = try mapped.expenses.map { entry in
        ExpenseLine(id: entry.id, label: entry.label, amount: try #require(entry.forecast), nature: entry.nature == .operating ? .operating : .programme)
    }
    return Budget(cluster: ClusterProfile(name: name), year: year, resources: resources, expenses: expenses)
}

@Suite("Cerfa 12156 and 15059 budget tables")
struct CerfaTableTests {
    // MARK: The examples

    @Test("Mecabourg 2013 as a Cerfa 12156: the header, one amount column, the memento's lines on the form's rows")
    func mecabourg12156() throws {
        let data = try example("mecabourg-2013-12156.csv")
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "the example has a byte-order mark")
        let table = try CerfaTable.read(data, file: "mecabourg-2013-12156.csv")
        #expect(table.header == CerfaHeader(name: "Mecabourg", exercice: "2013", start: "2013-01-01", end: "2013-12-31"))
        #expect(table.scale == 1 && table.columns == [.forecast])
        let mapped = try table.mapped()
        #expect(mapped.statement == .forecast)
        let resources = mapped.resources.map { "\($0.source!.rawValue) \($0.forecast!.minorUnits / 100) \($0.funder ?? "-")" }
        #expect(
            resources == [
                "actionParticipation 35000 -", "region 50000 Région Rhône Alpes", "department 60000 Conseil Général de l'Ain",
                "intercommunality 50000 Intercommunalité(s) : EPCI", "membershipFees 95000 -",
            ])
        #expect(mapped.expenses.map { $0.forecast!.minorUnits / 100 } == [135_000, 35_000, 80_000, 30_000, 10_000])
        #expect(mapped.expenses.map(\.nature) == [.operating, .unspecified, .unspecified, .unspecified, .unspecified])
        #expect(Set(mapped.resources.map(\.id) + mapped.expenses.map(\.id)).count == 10, "ids are unique")
    }

    @Test("Mecabourg's 12156 gives the JSON budget's figures: 290,000 balanced, private 130,000 (44.8%), operating 135,000")
    func mecabourg12156Metrics() throws {
        let mapped = try CerfaTable.read(try example("mecabourg-2013-12156.csv")).mapped()
        let fromCerfa = try CheckedBudget(forecastBudget(mapped, name: "Mecabourg", year: 2013)).metrics
        let fromJSON = try CheckedBudget(mecabourg2013()).metrics
        #expect(fromCerfa.totalResources == Money(major: 290_000) && fromCerfa.totalExpenses == Money(major: 290_000))
        #expect(fromCerfa.privateResources.amount == Money(major: 130_000))
        #expect(fromCerfa.publicResources.amount == fromJSON.publicResources.amount)
        #expect(fromCerfa.selfFinancingGross == fromJSON.selfFinancingGross)
        #expect(fromCerfa.selfFinancingNet == fromJSON.selfFinancingNet)
        #expect(fromCerfa.operatingExpenses.amount == fromJSON.operatingExpenses.amount)
        #expect(fromCerfa.programmeExpenses.amount == fromJSON.programmeExpenses.amount)
        #expect(
            fromCerfa.sourceTotals.map { "\($0.key) \($0.total.amount.minorUnits)" }.sorted()
                == fromJSON.sourceTotals.map { "\($0.key) \($0.total.amount.minorUnits)" }.sorted())
    }

    @Test("The k€ twin of Mecabourg's 12156 (« Montant (en K€) ») gives exactly the euro table's lines")
    func thousandsTwin() throws {
        let euros = try CerfaTable.read(try example("mecabourg-2013-12156.csv"))
        let thousands = try CerfaTable.read(try example("mecabourg-2013-12156-keur.csv"))
        #expect(thousands.scale == 1000 && euros.scale == 1)
        #expect(try thousands.mapped() == (try euros.mapped()))
    }

    @Test("Soliage 2013 as a Cerfa 15059: « Prévision » and « Réalisation » columns, the « Prévision » left empty, the realised statement")
    func soliage15059() throws {
        let table = try CerfaTable.read(try example("soliage-2012-2013-15059.csv"))
        #expect(table.columns == [.forecast, .realised])
        let mapped = try table.mapped()
        #expect(mapped.statement == .realised)
        // The memento publishes no forecast of Soliage's 2013 (its 2012 budget is no forecast of 2013): the column is empty.
        #expect(
            mapped.resources.map { "\($0.source!.rawValue) \($0.forecast == nil) \($0.realised!.minorUnits / 100)" }
                == ["otherPublic true 290000", "membershipFees true 210000"])
        // 75 given whole, without its « dont cotisations » line: fees and other income, unsplit.
        #expect(mapped.resources[1].includes == [.otherPrivate])
        #expect(mapped.expenses.map { "\($0.forecast == nil) \($0.realised!.minorUnits / 100)" } == ["true 500000"])
        // The memento's figures (p. 60): 2013, 210 of 500 k€ private (42%).
        let realisedPrivate = mapped.resources.filter { $0.source == .membershipFees }.compactMap(\.realised?.minorUnits).reduce(0, +)
        #expect(realisedPrivate == 21_000_000)
    }

    // MARK: The form's rows

    static let header = [
        "Budget prévisionnel de l'association;;;", "Nom de l'association;Pôle test;;",
        "Exercice;2024-2025;Date de début;01/04/2024;Date de fin;31/03/2025", "CHARGES;Montant;PRODUITS;Montant",
    ]

    @Test("The header: name, exercice, start and end, in French or ISO dates, on one row or several")
    func header() throws {
        let table = try CerfaTable.read(cerfa(Self.header + ["64 – Charges de personnel;100;70 – Vente de produits finis;100"]))
        #expect(table.header == CerfaHeader(name: "Pôle test", exercice: "2024-2025", start: "2024-04-01", end: "2025-03-31"))
        let iso = try CerfaTable.read(
            cerfa([
                "Nom de l'association;Pôle test", "Exercice;2024", "Date de début;2024-01-01", "Date de fin;2024-12-31",
                "CHARGES;Montant;PRODUITS;Montant", "64 – Charges de personnel;100;70;100",
            ]))
        #expect(iso.header == CerfaHeader(name: "Pôle test", exercice: "2024", start: "2024-01-01", end: "2024-12-31"))
        #expect(table.header.year == 2025 && iso.header.year == 2024)
        #expect(CerfaHeader(exercice: "2024/2025").year == 2025 && CerfaHeader(exercice: "Exercice 2013").year == 2013)
        #expect(CerfaHeader(name: "x").year == nil)
    }

    @Test("A date that is no date, or an end before the start, is an error naming the cell")
    func badDates() throws {
        let wrong = try #require(error(cerfa(["Date de début;31/02/2024", "CHARGES;Montant;PRODUITS;Montant"])))
        #expect(wrong.line == 1 && wrong.column == 2 && wrong.reason.hasPrefix("'31/02/2024' is not a date"))
        let reversed = try #require(error(cerfa(["Date de début;01/04/2025;Date de fin;31/03/2025", "CHARGES;Montant;PRODUITS;Montant"])))
        #expect(reversed.line == 1 && reversed.column == 4 && reversed.reason.contains("is not after"))
    }

    @Test("An « Exercice » that is no plausible year (1013) is refused, as the JSON of the budget would be")
    func implausibleYear() throws {
        let form = cerfa([
            "Nom de l'association;Pôle test", "Exercice;1013", "CHARGES;Montant;PRODUITS;Montant",
            "64 – Charges de personnel;100;756 – Cotisations;100",
        ])
        // Found by the csv-importer fuzz target: the form was read, and its JSON refused.
        let refused = #expect(throws: InputError.self) { try CSVBudgetReader().decode(form, file: "budget.csv") }
        #expect(refused?.path == "year" && refused?.reason.hasPrefix("1013 is not a plausible year") == true, "\(String(describing: refused))")
        #expect(refused?.line == 2 && refused?.column == 2)
        let plausible = Data(String(decoding: form, as: UTF8.self).replacingOccurrences(of: "1013", with: "2013").utf8)
        #expect(try CSVBudgetReader().decode(plausible, file: "budget.csv").year == 2013)
    }

    @Test("Every funder line under 74 maps to its public source, the heading is not counted twice")
    func fundersUnder74() throws {
        let rows = [
            "64 – Charges de personnel;1 000;74 – Subventions d'exploitation;1 000",
            ";;État : préciser le(s) ministère(s);100", ";;Région(s) :;100", ";;Département(s) :;100",
            ";;Intercommunalité(s) : EPCI;100", ";;Commune(s) : Ivry-sur-Seine;100", ";;Organismes sociaux (CAF, etc. détailler) :;100",
            ";;Fonds européens (FSE, FEDER, etc.);100", ";;L'agence de services et de paiement (emplois aidés);100",
            ";;Autres établissements publics;100", ";;Aides privées (fondation);100",
            "TOTAL DES CHARGES;1 000;TOTAL DES PRODUITS;1 000",
        ]
        let mapped = try CerfaTable.read(cerfa(Self.header + rows)).mapped()
        #expect(
            mapped.resources.map(\.source!.rawValue) == [
                "state", "region", "department", "intercommunality", "otherPublic", "otherPublic", "erdf", "otherPublic",
                "otherPublic", "otherPrivate",
            ])
        #expect(mapped.resources.map(\.forecast!.minorUnits).reduce(0, +) == 100_000, "1,000 €, the heading not added")
        #expect(mapped.resources[4].funder == "Ivry-sur-Seine")
        #expect(mapped.resources[5].funder == "Organismes sociaux")
    }

    @Test("A heading that disagrees with its lines is an error naming the heading's amount cell")
    func headingDisagrees() throws {
        let rows = ["64 – Charges de personnel;300;74 – Subventions d'exploitation;300", ";;Région(s) :;100", ";;Département(s) :;100"]
        let wrong = try #require(error(cerfa(Self.header + rows)))
        #expect(wrong.line == 5 && wrong.column == 4)
        #expect(wrong.reason == "« 74 – Subventions d'exploitation » is 300\u{00A0}€ but its lines add up to 200\u{00A0}€ (column D « Montant »)")
    }

    @Test("75 with « Dont cotisations »: the fees, and the rest of 75 as other private income")
    func dontCotisations() throws {
        let rows = [
            "64 – Charges de personnel;1 000;75 – Autres produits de gestion courante;1 000",
            ";;Dont cotisations, dons manuels ou legs;800", "TOTAL DES CHARGES;1 000;TOTAL DES PRODUITS;1 000",
        ]
        let mapped = try CerfaTable.read(cerfa(Self.header + rows)).mapped()
        #expect(mapped.resources.map { "\($0.source!.rawValue) \($0.forecast!.minorUnits / 100)" } == ["otherPrivate 200", "membershipFees 800"])
        let tooMuch = try #require(error(cerfa(Self.header + ["64;100;75 – Autres produits de gestion courante;100", ";;Dont cotisations;150"])))
        #expect(tooMuch.line == 6 && tooMuch.column == 4 && tooMuch.reason.hasPrefix("the « dont » lines add up to 150"))
    }

    @Test("76–79 map to the four not-funding sources; 66–69 are accounting charges; 86 the in-kind counterpart of 87")
    func notFundingAndValuedTime() throws {
        let rows = [
            "64 – Charges de personnel;1 000;70 – Vente de produits finis, de marchandises, prestations de services;600",
            "66 – Charges financières;10;76 – Produits financiers;100", "67 – Charges exceptionnelles;20;77 – Produits exceptionnels;100",
            "68 – Dotation aux amortissements;30;78 – Reprises sur amortissements et provisions;100",
            "69 – Impôt sur les bénéfices;40;79 – Transferts de charges;200", "TOTAL DES CHARGES;1 100;TOTAL DES PRODUITS;1 100",
            "86 – Emplois des contributions volontaires en nature;;87 – Contributions volontaires en nature;",
            "Secours en nature;;Bénévolat;300", "Mise à disposition gratuite de biens et prestations;200;Prestations en nature;200",
            "Prestations;;Dons en nature;50", "Personnel bénévole;350;;", "TOTAL;1 650;TOTAL;1 650",
        ]
        let mapped = try CerfaTable.read(cerfa(Self.header + rows)).mapped()
        #expect(
            mapped.resources.map(\.source!.rawValue) == [
                "services", "financialIncome", "exceptionalIncome", "provisionReversals", "chargeTransfers", "memberTime",
                "secondment", "secondment",
            ])
        #expect(mapped.expenses.map(\.nature!) == [.unspecified, .accounting, .accounting, .accounting, .accounting, .inKindCounterpart, .inKindCounterpart])
        #expect(mapped.expenses.map(\.account) == ["64", "66", "67", "68", "69", "861", "864"])
    }

    @Test("Labels with or without their account numbers give the same lines")
    func accountNumbersOptional() throws {
        let numbered = Self.header + [
            "64 – Charges de personnel;500;706 – Prestations de services;200", "66 - Charges financières;100;756. Cotisations;300",
            ";;74 – Subventions d'exploitation;100", ";;870 Bénévolat;0",
        ]
        let bare = Self.header + [
            "Charges de personnel;500;Vente de produits finis, de marchandises, prestations de services;200",
            "Charges financières;100;Cotisations;300", ";;Subventions d'exploitation;100", ";;Bénévolat;0",
        ]
        let a = try CerfaTable.read(cerfa(numbered)).mapped(), b = try CerfaTable.read(cerfa(bare)).mapped()
        #expect(a.resources.map(\.source) == b.resources.map(\.source))
        #expect(a.resources.map(\.forecast) == b.resources.map(\.forecast))
        #expect(a.expenses.map(\.nature) == b.expenses.map(\.nature))
        #expect(a.resources.map(\.source!.rawValue) == ["services", "membershipFees", "otherPublic", "memberTime"])
        // The account written wins over a label of another account's row.
        let conflicting = try CerfaTable.read(cerfa(Self.header + ["64;100;70 – Cotisations;100"])).mapped()
        #expect(conflicting.resources.map(\.source) == [.services])
    }

    @Test("A product row that maps to no source is an error naming its cell, never a guess")
    func unmappable() throws {
        let rows = ["64 – Charges de personnel;100;Recettes diverses du salon;100"]
        let wrong = try #require(error(cerfa(Self.header + rows), file: "pole.csv"))
        #expect(wrong.file == "pole.csv" && wrong.line == 5 && wrong.column == 3)
        #expect(wrong.reason.hasPrefix("the product row « Recettes diverses du salon » maps to no revenue source"))
        #expect(wrong.description.hasPrefix("pole.csv:5:3: the product row"))
        // A line the form does not print but a source's name does: mapped by the name.
        let named = try CerfaTable.read(cerfa(Self.header + ["64;100;Sponsoring;100"])).mapped()
        #expect(named.resources.map(\.source) == [.sponsorship])
    }

    @Test("A total that disagrees with the rows above it is an error naming the total's cell")
    func wrongTotal() throws {
        let rows = ["64 – Charges de personnel;1 000;70;1 000", "66 – Charges financières;5;;", "TOTAL DES CHARGES;1 000;TOTAL DES PRODUITS;1 000"]
        let wrong = try #require(error(cerfa(Self.header + rows)))
        #expect(wrong.line == 7 && wrong.column == 2)
        #expect(wrong.reason == "« TOTAL DES CHARGES » is 1\u{202F}000\u{00A0}€ but the rows above it add up to 1\u{202F}005\u{00A0}€ (column B « Montant »)")
    }

    @Test("Cents are read exactly, in euros and in thousands; a k€ amount finer than a cent is refused")
    func cents() throws {
        let euros = try CerfaTable.read(cerfa(Self.header + ["64;1 234,56;70;1 234,56", "TOTAL;1 234,56;TOTAL;1 234,56"])).mapped()
        #expect(euros.resources[0].forecast == Money(minorUnits: 123_456))
        let thousands = try CerfaTable.read(
            cerfa(Array(Self.header.dropLast()) + ["CHARGES;Montant en K€;PRODUITS;Montant en K€", "64;1,23456;70;1,23456"])
        ).mapped()
        #expect(thousands.resources[0].forecast == Money(minorUnits: 123_456))
        let finer = try #require(error(cerfa(Array(Self.header.dropLast()) + ["CHARGES;Montant k€;PRODUITS;Montant k€", "64;1,234567;70;1"])))
        #expect(finer.line == 5 && finer.column == 2 && finer.reason.contains("not a whole number of cents"))
    }

    @Test("« milliers d'euros » or « en K€ » in the header scales the table")
    func thousandsInHeader() throws {
        for unit in ["Montants en milliers d'euros", "Budget en K€", "Unité : KEUR"] {
            let table = try CerfaTable.read(cerfa([unit] + Self.header + ["64;3;70;3"]))
            #expect(table.scale == 1000, "\(unit)")
            #expect(try table.mapped().expenses[0].forecast == Money(major: 3_000))
        }
    }

    @Test("The byte-order mark is optional, and a comma-separated export with decimal points reads the same")
    func bomAndDialect() throws {
        let lines = Self.header + ["64 – Charges de personnel;1 000,50;70;1 000,50"]
        let withBOM = try CerfaTable.read(cerfa(lines)).mapped()
        let without = try CerfaTable.read(Data(lines.joined(separator: "\n").utf8)).mapped()
        #expect(withBOM == without)
        let english = try CerfaTable.read(
            Data(["Nom de l'association,Pôle test", "CHARGES,Montant,PRODUITS,Montant", "64,\"1,000.50\",70,\"1,000.50\""].joined(separator: "\n").utf8))
        #expect(try english.mapped().resources[0].forecast == withBOM.resources[0].forecast)
    }

    @Test("A file without the CHARGES / PRODUITS title row, or a side without an amount column, is refused")
    func notACerfa() throws {
        let none = try #require(error(cerfa(["Cluster;Mecabourg", "Dépenses;Montant;Ressources;Montant"])))
        #expect(none.reason.hasPrefix("no row with a « CHARGES » cell and a « PRODUITS » cell"))
        // How a reader tells a Cerfa table from the memento's layout (Dépenses / Ressources).
        #expect(CerfaTable.isCerfa(try CSVText.records("Nom de l'association;X\nCHARGES;Montant;PRODUITS;Montant", separator: ";", file: nil)))
        #expect(!CerfaTable.isCerfa(try CSVText.records(String(decoding: try Data(contentsOf: repositoryFile("Examples/csv/mecabourg-2013.csv")), as: UTF8.self), separator: ";", file: nil)))
        let noAmount = try #require(error(cerfa(["CHARGES;Notes;PRODUITS;Montant"])))
        #expect(noAmount.line == 1 && noAmount.column == 1 && noAmount.reason.contains("has no amount column"))
    }

    @Test("An amount without a label, a negative amount, or an account of the other side is an error at its cell")
    func badCells() throws {
        let orphan = try #require(error(cerfa(Self.header + [";100;70;100"])))
        #expect(orphan.line == 5 && orphan.column == 2)
        let negative = try #require(error(cerfa(Self.header + ["64;-100;70;100"])))
        #expect(negative.line == 5 && negative.column == 2 && negative.reason.hasPrefix("negative amount"))
        let otherSide = try #require(error(cerfa(Self.header + ["74 – Subventions;100;70;100"])))
        #expect(otherSide.line == 5 && otherSide.column == 1 && otherSide.reason.hasPrefix("account 74 is not on the CHARGES"))
    }

    @Test("A 15059 row filled in one column only keeps the other absent")
    func oneColumnFilled() throws {
        let rows = [
            "CHARGES;Prévision;Réalisation;%;PRODUITS;Prévision;Réalisation;%",
            "64 – Charges de personnel;1 000;1 200;120 %;74 – Subventions d'exploitation;1 000;;", ";;;;Région(s) :;1 000;;",
            ";;;;Département(s) :;;1 200;", "TOTAL DES CHARGES;1 000;1 200;;TOTAL DES PRODUITS;1 000;1 200;",
        ]
        let mapped = try CerfaTable.read(cerfa(Array(Self.header.dropLast()) + rows)).mapped()
        #expect(mapped.resources.map { "\($0.source!.rawValue) \(String(describing: $0.forecast?.minorUnits)) \(String(describing: $0.realised?.minorUnits))" } == [
            "region Optional(100000) nil", "department nil Optional(120000)",
        ])
        #expect(mapped.expenses[0].forecastCell == CerfaCellPosition(line: 5, column: 2))
        #expect(mapped.expenses[0].realisedCell == CerfaCellPosition(line: 5, column: 3))
    }

    @Test("A 15059 heading filled in « Prévision » alone and detailed in « Réalisation » carries its forecast, not twice")
    func headingForecastLinesRealised() throws {
        let rows = [
            "CHARGES;Prévision;Réalisation;PRODUITS;Prévision;Réalisation",
            "64 – Charges de personnel;1 000;1 200;74 – Subventions d'exploitation;1 000;", ";;;Région(s) :;;700",
            ";;;Département(s) :;;500", "TOTAL DES CHARGES;1 000;1 200;TOTAL DES PRODUITS;1 000;1 200",
        ]
        let mapped = try CerfaTable.read(cerfa(Array(Self.header.dropLast()) + rows)).mapped()
        #expect(
            mapped.resources.map { "\($0.source!.rawValue) \(String(describing: $0.forecast?.minorUnits)) \(String(describing: $0.realised?.minorUnits))" }
                == ["otherPublic Optional(100000) nil", "region nil Optional(70000)", "department nil Optional(50000)"])
    }

    @Test("Amounts whose sum would overflow are an error at a cell, not a crash")
    func overflow() throws {
        let huge = "90 000 000 000 000 000"
        let wrong = try #require(error(cerfa(Self.header + ["64;\(huge);70;1", "66;\(huge);;"])))
        #expect(wrong.line == 6 && wrong.column == 2 && wrong.reason.hasPrefix("the amounts add up to more than"))
    }

    @Test("Mutated examples are read or refused with an error, never a crash")
    func mutations() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces: [[UInt8]] = [Array(";".utf8), Array("\r\n".utf8), Array("\"".utf8), Array("74".utf8), Array("TOTAL".utf8),
            Array("Dont cotisations".utf8), Array("k€".utf8), Array("-".utf8), Array("9".utf8), Array(",".utf8), [0xFF]]
        var read = 0, refused = 0
        for name in ["mecabourg-2013-12156.csv", "mecabourg-2013-12156-keur.csv", "soliage-2012-2013-15059.csv"] {
            let original = [UInt8](try example(name))
            for _ in 0..<150 {
                var bytes = original
                for _ in 0..<(1 + next(4)) {
                    let at = next(bytes.count)
                    switch next(3) {
                    case 0: bytes.removeSubrange(at..<min(bytes.count, at + 1 + next(8)))
                    case 1: bytes.insert(contentsOf: pieces[next(pieces.count)], at: at)
                    default: bytes[at] = UInt8(truncatingIfNeeded: next(256))
                    }
                    if bytes.isEmpty { bytes = [0x3B] }
                }
                do {
                    _ = try CerfaTable.read(Data(bytes), file: name).mapped(file: name)
                    read += 1
                } catch {
                    #expect(error.file == name)
                    refused += 1
                }
            }
        }
        #expect(read > 0 && refused > 0, "both ways exercised: \(read) read, \(refused) refused")
    }

    @Test("86 and 87 must balance, column by column: the same contributions, received and used")
    func valuedContributionsBalance() throws {
        let rows = [
            "64 – Charges de personnel;100;70;100", "86 – Emplois des contributions volontaires en nature;;87 – Contributions volontaires en nature;",
            "Personnel bénévole;300;Bénévolat;350", "Temps des dirigeants;50;;",
        ]
        let balanced = try CerfaTable.read(cerfa(Self.header + rows)).mapped()
        #expect(balanced.expenses.map(\.nature) == [.unspecified, .inKindCounterpart, .inKindCounterpart], "a line added under 86 is its counterpart too")
        let wrong = try #require(error(cerfa(Self.header + rows.dropLast())))
        #expect(wrong.line == 7 && wrong.column == 4)
        #expect(wrong.reason.hasPrefix("the valued contributions do not balance: 87 (contributions volontaires en nature) is 350\u{00A0}€ but 86"))
    }

    @Test("A funder's own name under 74 maps to its kind of body and names the funder; the form's lines keep theirs")
    func funderNames() throws {
        let rows = [
            "64;400;74 – Subventions d'exploitation;400", ";;Conseil régional Grand Est;100", ";;Ville de Mulhouse;100",
            ";;Communauté d'agglomération Mulhouse Alsace Agglomération;100", ";;FEDER (programme opérationnel Alsace);100",
        ]
        let mapped = try CerfaTable.read(cerfa(Self.header + rows)).mapped()
        #expect(mapped.resources.map(\.source!.rawValue) == ["region", "otherPublic", "intercommunality", "erdf"])
        #expect(mapped.resources.map(\.funder) == [
            "Conseil régional Grand Est", "Ville de Mulhouse", "Communauté d'agglomération Mulhouse Alsace Agglomération",
            "FEDER (programme opérationnel Alsace)",
        ])
    }

    @Test("The sides' titles: « CHARGES », « CHARGES (1) », « Charges en euros »; a row « Charges sociales » is not one")
    func sideTitles() throws {
        for title in ["CHARGES (1);Montant;PRODUITS (2);Montant", "Charges en euros;Montant;Produits en euros;Montant"] {
            let table = try CerfaTable.read(cerfa(["Nom de l'association;X", title, "64;100;70;100"]))
            #expect(table.charges.count == 1 && table.products.count == 1, "\(title)")
        }
        let notTitle = try #require(error(cerfa(["Charges sociales;100;Produits financiers;100"])))
        #expect(notTitle.reason.hasPrefix("no row with a « CHARGES » cell"))
    }
}
