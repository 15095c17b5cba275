import ClusterKitCore
import Foundation
import Testing
import TestSupport

@testable import ClusterKitFormats

/// Reads a CSV text as a budget.
func csvBudget(_ text: String, dialect: CSVDialect? = nil, file: String = "budget.csv") throws(InputError) -> Budget {
    try CSVBudgetReader(dialect: dialect).decode(Data(text.utf8), file: file).budget
}

/// The input error a CSV text gives, if any.
func csvError(_ text: String) -> InputError? {
    do {
        _ = try csvBudget(text)
        return nil
    } catch {
        return error
    }
}

/// A small French plan of financing, with the description rows `head` and the table rows `lines` under the heading
/// `Dépenses;Type;Montant;%;Ressources;Source;Montant;%`.
func frenchTable(_ lines: [String], head: [String] = ["Cluster;Essai", "Année;2013"]) -> String {
    (head + ["", "Dépenses;Type;Montant;%;Ressources;Source;Montant;%"] + lines).joined(separator: "\n") + "\n"
}

/// The JSON Mecabourg 2013 as a spreadsheet can give it: no provenance, and its target without the basis and source a
/// spreadsheet has no column for.
func mecabourg2013WithoutTargetNotes() throws -> Budget {
    var budget = try mecabourg2013()
    budget.cluster.targets?.basis = nil
    budget.cluster.targets?.source = nil
    budget.provenance = nil
    return budget
}

@Suite("Spreadsheet (CSV) budgets")
struct CSVBudgetReaderTests {
    // MARK: The examples made from the memento's case studies

    @Test("Mecabourg 2013, French export with a BOM, CRLF and the memento's two heading rows, is the JSON budget")
    func mecabourgFrench() throws {
        let data = try Data(contentsOf: repositoryFile("Examples/csv/mecabourg-2013.csv"))
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "the fixture has a byte-order mark")
        #expect(String(decoding: data, as: UTF8.self).contains("\r\n"), "the fixture has Windows line ends")
        let budget = try CSVBudgetReader().decode(data, file: "Examples/csv/mecabourg-2013.csv").budget
        #expect(budget == (try mecabourg2013WithoutTargetNotes()))
    }

    @Test("Mecabourg 2013, English export with quoted \"€135,000.00\" amounts, is the JSON budget")
    func mecabourgEnglish() throws {
        let data = try Data(contentsOf: repositoryFile("Examples/csv/mecabourg-2013-en.csv"))
        #expect(try CSVBudgetReader().decode(data).budget == (try mecabourg2013WithoutTargetNotes()))
    }

    @Test("Mecabourg 2013 from CSV gives the memento's figures: 290,000 balanced, self-financing 44.8%")
    func mecabourgFigures() throws {
        let data = try Data(contentsOf: repositoryFile("Examples/csv/mecabourg-2013.csv"))
        let metrics = try CheckedBudget(try CSVBudgetReader().decode(data).budget).metrics
        #expect(metrics.totalResources == Money(major: 290_000) && metrics.totalExpenses == Money(major: 290_000))
        #expect(metrics.privateResources.amount == Money(major: 130_000))
        #expect(ValueFormatter(language: .french).string(try #require(metrics.selfFinancingGross)) == "44,8\u{00A0}%")
    }

    @Test("Cosmetic Valley 2013, French export with no-break spaces (U+202F, U+00A0), gives the JSON budget's metrics")
    func cosmeticValley() throws {
        let data = try Data(contentsOf: repositoryFile("Examples/csv/cosmetic-valley-2013.csv"))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\u{202F}") && text.contains("\u{00A0}€"), "the fixture uses no-break spaces")
        let csv = try CheckedBudget(try CSVBudgetReader().decode(data, file: "cosmetic-valley-2013.csv").budget).metrics
        let json = try CheckedBudget(
            try BudgetDecoder().decode(Data(contentsOf: repositoryFile("Examples/cosmetic-valley-2013.json"))).budget).metrics
        #expect(csv.totalResources == json.totalResources && csv.totalExpenses == json.totalExpenses)
        #expect(csv.publicResources.amount == json.publicResources.amount)
        #expect(csv.privateResources.amount == json.privateResources.amount)
        #expect(csv.inKindResources.amount == json.inKindResources.amount)
        #expect(csv.operatingExpenses.amount == json.operatingExpenses.amount)
        #expect(csv.programmeExpenses.amount == json.programmeExpenses.amount)
        #expect(csv.bySource.mapValues(\.amount) == json.bySource.mapValues(\.amount))
        #expect(csv.byKind.mapValues(\.amount) == json.byKind.mapValues(\.amount))
        #expect(csv.selfFinancingGross == json.selfFinancingGross && csv.selfFinancingNet == json.selfFinancingNet)
        // The memento: 2,169,500 EUR, private 1,080,000 = 49.8%, membership fees 9.2%.
        #expect(csv.totalResources == Money(major: 2_169_500))
        #expect(csv.privateResources.amount == Money(major: 1_080_000))
        let french = ValueFormatter(language: .french)
        #expect(french.string(try #require(csv.selfFinancingGross)) == "49,8\u{00A0}%")
        #expect(french.string(try #require(csv.share(of: .membershipFees))) == "9,2\u{00A0}%")
    }

    @Test("Lines without an id get one from their label, unique in the budget")
    func slugs() throws {
        let data = try Data(contentsOf: repositoryFile("Examples/csv/cosmetic-valley-2013.csv"))
        let budget = try CSVBudgetReader().decode(data).budget
        #expect(budget.resources.map(\.id).prefix(3) == ["etat", "regions", "departement"])
        // « Participation des entreprises sur des actions spécifiques », cut between words, not after « sur des ».
        #expect(budget.resources[7].id == "participation-des-entreprises")
        #expect(budget.expenses[0].id == "fonctionnement-animation" && budget.expenses[0].nature == .operating)
        let twice = try csvBudget(frenchTable(["Action;action;10;;Cotisations;;5;", "Action;action;10;;Cotisations;;15;"]))
        #expect(twice.expenses.map(\.id) == ["action", "action-2"])
        #expect(twice.resources.map(\.id) == ["cotisations", "cotisations-2"])
    }

    // MARK: Values

    @Test("French amounts: spaces of every width, decimal comma, euro sign; exact to the cent",
          arguments: [
            ("1 227 000,50 €", 122_700_050), ("1\u{00A0}227\u{00A0}000,50\u{00A0}€", 122_700_050),
            ("1\u{202F}227\u{202F}000,5", 122_700_050), ("1.227.000,50", 122_700_050), ("290000", 29_000_000),
            ("290 000 EUR", 29_000_000), ("€ 0,01", 1), ("  35 000 € ", 3_500_000),
          ] as [(String, Int64)])
    func frenchAmounts(_ text: String, _ cents: Int64) throws {
        #expect(try CSVValues(dialect: .french, currency: .euro).amount(text) == Money(minorUnits: cents))
    }

    @Test("English amounts: comma thousands, decimal point",
          arguments: [("€1,227,000.50", 122_700_050), ("1227000.5", 122_700_050), ("290,000", 29_000_000), ("0.01 EUR", 1)]
            as [(String, Int64)])
    func englishAmounts(_ text: String, _ cents: Int64) throws {
        #expect(try CSVValues(dialect: .english, currency: .euro).amount(text) == Money(minorUnits: cents))
    }

    @Test("Amounts that are not exact, positive, or in this file's format are refused with a reason",
          arguments: [
            ("12,345", "more than two decimals"), ("-5 000 €", "negative"), ("(5 000)", "negative"), ("1 22 000", "misplaced"),
            ("135000.50", "misplaced"), ("1 227 k€", "thousands"), ("abc", "not a number"),
            ("99999999999999999999", "too large"), ("", "not a number"), ("5 000 $", "not a number"),
          ])
    func badFrenchAmounts(_ text: String, _ reason: String) {
        #expect(throws: CSVValueError.self) { try CSVValues(dialect: .french, currency: .euro).amount(text) }
        do {
            _ = try CSVValues(dialect: .french, currency: .euro).amount(text)
        } catch {
            #expect(error.reason.contains(reason), "\(text): \(error.reason)")
        }
    }

    @Test("A euro sign in a budget of another currency is refused")
    func currencyMismatch() {
        #expect(throws: CSVValueError.self) { try CSVValues(dialect: .french, currency: "USD").amount("5 000 €") }
        #expect((try? CSVValues(dialect: .french, currency: "USD").amount("5 000 USD")) == Money(major: 5_000, currency: "USD"))
    }

    @Test("Shares, counts and flags")
    func otherValues() throws {
        let french = CSVValues(dialect: .french, currency: .euro)
        #expect(try french.share("45 %") == Share(percent: 45))
        #expect(try french.share("44,83\u{00A0}%") == Share(4_483, over: 10_000))
        #expect(try french.share("0,45") == Share(percent: 45))
        #expect(throws: CSVValueError.self) { try french.share("45") }
        #expect(throws: CSVValueError.self) { try french.share("120 %") }
        #expect(try french.integer("1 200") == 1_200)
        #expect(throws: CSVValueError.self) { try french.integer("2,5") }
        #expect(try french.decimal("2,5") == Decimal(string: "2.5"))
        #expect(throws: CSVValueError.self) { try french.decimal(String(repeating: "9", count: 40)) }
        #expect(throws: CSVValueError.self) { try french.share("0," + String(repeating: "1", count: 40)) }
        #expect(try french.boolean("Oui") && !(try french.boolean("non")) && (try french.boolean("x")))
        #expect(throws: CSVValueError.self) { try french.boolean("peut-être") }
    }

    // MARK: Layout

    @Test("One heading row, a section heading without amount, an \"of which\" detail, a subtotal, comments: all read")
    func layout() throws {
        let budget = try csvBudget(frenchTable([
            "Fonctionnement;fonctionnement;60 000;;Subventions;;;",
            ";;;;Région;;40 000;",
            ";;;;Dont SGAR;;10 000;",
            "Actions;action;40 000;;Cotisations;;60 000;",
            "Sous-total;;100 000;;;;;",
            "Total;;100 000;100 %;Total;;100 000;100 %",
        ]))
        #expect(budget.resources.map(\.source) == [.region, .membershipFees])
        #expect(budget.expenses.map(\.nature) == [.operating, .programme])
        #expect(budget.expenses.map(\.amount) == [Money(major: 60_000), Money(major: 40_000)])
    }

    @Test("Every column of the budget format can be given, in French")
    func allColumns() throws {
        let text = """
            Cluster;Pôle Essai
            Type;pôle
            Année;2014
            Devise;EUR
            Création;2010
            Adhérents;120
            Dont entreprises;100
            ETP;3,5
            Suivi d'impact;oui
            Valorisation autorisée;oui
            Comptabilité analytique;non
            Autofinancement déclaré;30 %
            Objectif part privée;50 %
            Année objectif;2016
            Année de référence;2013
            Satellite;Essai SAS;SAS;non
            Service;veille;Veille;20 %;8

            Dépenses;Id;Type;Catégorie;Régime;Action collective;Montant;Ressources;Id;Source;Financeur;Secteur;En nature;Action;Prime de succès;Forfait;Sponsor membre;Intérêt direct;Montant;Commentaire
            Formation;formation;action;C;NN120/90-E1/90;oui;100 000;Région;region;region;Région Essai;;;formation;;;;;50 000;subvention 2014
            ;;;;;;;Prime;sf;successFees;;;;;appel à projets;20 000;;;5 000;
            ;;;;;;;Sponsor;sp;sponsorship;;;;;;;oui;non;10 000;
            ;;;;;;;CCI;cci;secondment;;public;oui;;;;;;35 000;
            """
        let budget = try CSVBudgetReader(catalog: catalogWithTestRegime).decode(Data(text.utf8))
        let cluster = budget.cluster
        #expect(cluster.name == "Pôle Essai" && cluster.kind == .pole && budget.year == 2014 && cluster.founded == 2010)
        #expect(cluster.members == 120 && cluster.enterprises == 100 && cluster.staff == Decimal(string: "3.5"))
        #expect(cluster.impactReporting && cluster.valuedTimeAllowed && cluster.analyticAccounting == false)
        #expect(cluster.declared?.selfFinancing == Share(percent: 30))
        #expect(cluster.targets == FundingTargets(privateShare: Share(percent: 50), year: 2016, baselineYear: 2013))
        #expect(cluster.satellites == [Satellite(name: "Essai SAS", form: "SAS", capturesBillableServices: false)])
        #expect(cluster.services == [ServiceOffer(id: "veille", label: "Veille", uptake: Share(percent: 20), minimumClients: 8)])
        #expect(budget.expenses == [
            ExpenseLine(id: "formation", label: "Formation", amount: Money(major: 100_000), nature: .programme, category: .c,
                        regime: "NN120/90-E1/90", collective: true)
        ])
        #expect(budget.resources[0] == ResourceLine(
            id: "region", label: "Région", source: .region, amount: Money(major: 50_000), funder: "Région Essai", action: "formation"))
        #expect(budget.resources[1].successFee == SuccessFeeTerms(basis: .publicCall, fixedFee: Money(major: 20_000)))
        #expect(budget.resources[2].sponsor == SponsorTerms(isMember: true, directInterest: false))
        #expect(budget.resources[3].sector == .public && budget.resources[3].inKind == true)
    }

    @Test("A tab-separated export and an Excel « sep= » line are read")
    func otherSeparators() throws {
        let tabs = "Cluster\tEssai\nAnnée\t2013\nDépenses\tMontant\tRessources\tSource\tMontant\nActions\t1 000,50\tCotisations\t\t1 000,50\n"
        #expect(try csvBudget(tabs).resources[0].amount == Money(minorUnits: 100_050))
        let excel = "sep=,\nCluster,Essai\nYear,2013\nExpenses,Amount,Resources,Amount\nActions,\"1,000.50\",Cotisations,1000.5\n"
        #expect(try csvBudget(excel).expenses[0].amount == Money(minorUnits: 100_050))
    }

    // MARK: Errors name the file, the line and the column

    @Test("Bad input: an error naming file, line, column and reason", arguments: [
        (frenchTable(["Actions;action;12,345;;Cotisations;;100;"]), 5, 3, "more than two decimals"),
        (frenchTable(["Actions;action;100;;Cotisations;;-100;"]), 5, 7, "negative"),
        (frenchTable(["Actions;action;100;;Cotisation;membership;100;"]), 5, 6, "unknown revenue source « membership » (did you mean 'membershipFees'"),
        (frenchTable(["Actions;action;100;;Région Rhône;;100;"]), 5, 5, "which revenue source is « Région Rhône »"),
        (frenchTable(["Actions;action;100;;Cotisations;;100;", "Total;;150;;;;;"]), 6, 3, "the Total row says €150.00, but the expenses above add up to €100.00"),
        (frenchTable(["Actions;truc;100;;Cotisations;;100;"]), 5, 2, "not a kind of expense"),
        (frenchTable(["Actions;action;;;Cotisations;;100;"]), 5, 1, "has no amount"),
        (frenchTable(["Actions;action;100;;Cotisations;;100;;oops"]), 5, 9, "outside the table's columns"),
        (frenchTable(["\"Actions;action;100;;Cotisations;;100;"]), 5, 1, "never closed"),
        (frenchTable(["Actions;action;100;;Cotisations;;100;"], head: ["Cluster;Essai", "Anée;2013"]), 2, 1, "unknown key « Anée » above the table (did you mean « annee »"),
        (frenchTable(["Actions;action;100;;Cotisations;;100;"], head: ["Cluster;Essai", "Année;3013"]), 2, 2, "not a plausible year"),
        ("Cluster;Essai\nAnnée;2013\nDépenses;Montant;Ressources;Source;Montant;Financeurr\n", 3, 6, "unknown heading « Financeurr » on the resources side (did you mean « financeur »"),
        ("Cluster;Essai\nAnnée;2013\nDépenses;Montant;Ressources;Source\nActions;100;Cotisations;;\n", 3, 3, "no amount column"),
    ] as [(String, Int, Int, String)])
    func errors(_ text: String, _ line: Int, _ column: Int, _ reason: String) throws {
        let error = try #require(csvError(text))
        #expect(error.file == "budget.csv")
        #expect(error.line == line && error.column == column, "\(error)")
        #expect(error.reason.contains(reason), "\(error)")
    }

    @Test("Errors found when the budget is checked point at the cell they come from")
    func validationErrors() throws {
        let duplicate = try #require(csvError("""
            Cluster;Essai
            Année;2013
            Dépenses;Id;Montant;Ressources;Id;Source;Action;Montant
            Actions;fees;100;Cotisations;fees;;;100
            """))
        #expect(duplicate.path == "resources[0].id" && duplicate.line == 4 && duplicate.column == 5, "\(duplicate)")
        #expect(duplicate.description.hasPrefix("budget.csv:4:5: resources[0].id: id 'fees' is already used by expenses[0]"))
        let earmark = try #require(csvError("""
            Cluster;Essai
            Année;2013
            Dépenses;Id;Montant;Ressources;Id;Source;Action;Montant
            Actions;actions;100;Cotisations;fees;;action;100
            """))
        #expect(earmark.path == "resources[0].action" && earmark.line == 4 && earmark.column == 7, "\(earmark)")
        #expect(earmark.reason.contains("did you mean 'actions'"))
    }

    @Test("A file neither UTF-8 nor Windows-1252 (a byte Windows-1252 leaves undefined) is refused, naming the line")
    func notUTF8() throws {
        var data = Data("Cluster;Essai\nAnnée;2013\n".utf8)
        data.append(contentsOf: [0x41, 0x81, 0x0A])  // 0x81: no character in Windows-1252 (issue 26 reads 0x80, €)
        #expect(throws: InputError.self) { try CSVBudgetReader().decode(data, file: "x.csv").budget }
        do {
            _ = try CSVBudgetReader().decode(data, file: "x.csv").budget
        } catch {
            #expect(error.line == 3 && error.reason.contains("not UTF-8"))
        }
    }

    @Test("Missing name, year or table, and a missing side, are errors")
    func missingParts() {
        #expect(csvError(frenchTable(["Actions;action;100;;Cotisations;;100;"], head: ["Année;2013"]))?.path == "cluster.name")
        #expect(csvError(frenchTable(["Actions;action;100;;Cotisations;;100;"], head: ["Cluster;Essai"]))?.path == "year")
        #expect(csvError("Cluster;Essai\nAnnée;2013\n")?.reason.contains("no plan of financing") == true)
        #expect(csvError("Cluster;Essai\nAnnée;2013\nDépenses;Montant\nActions;100\n")?.reason.contains("« Ressources »") == true)
    }
}
