import ClusterKitCore
import Foundation
import Testing
import TestSupport

@testable import ClusterKitFormats

/// The checked budget of a layout fixture (Tests/Fixtures/spreadsheets/layouts, figures made up for these tests).
private func layout(_ name: String) throws -> CheckedBudget {
    let input = try BudgetFile.read(contentsOf: repositoryFile("Tests/Fixtures/spreadsheets/layouts/\(name)").path)
    guard case .budget(let checked)? = input.document else { throw InputError(file: name, path: "", reason: "no budget") }
    return checked
}

/// The error a layout fixture, or CSV text, gives.
private func layoutError(csv text: String, file: String = "budget.csv") -> InputError? {
    do {
        _ = try BudgetFile.read(Data(text.utf8), file: file)
        return nil
    } catch {
        return error
    }
}

private func euros(_ value: Int64) -> Money { Money(major: value) }

/// Each line's source (resources) or nature (expenses), by label.
private func sources(_ budget: CheckedBudget) -> [String: String] {
    Dictionary(uniqueKeysWithValues: budget.resources.map { ($0.label ?? $0.id, $0.source.rawValue) })
}
private func natures(_ budget: CheckedBudget) -> [String: String] {
    Dictionary(budget.expenses.map { ($0.label ?? $0.id, $0.nature.rawValue) }, uniquingKeysWith: { first, _ in first })
}

/// The inferred entries as `line field=value`.
private func inferred(_ budget: CheckedBudget) -> [String] {
    budget.inferred.map { "\($0.line ?? "-") \($0.field)=\($0.value)" }
}

@Suite("Spreadsheets as people lay them out (issue 26)")
struct SpreadsheetLayoutTests {
    @Test("Vertical, PRODUITS first: a title gives name and year, the % column is ignored, totals checked")
    func verticalProduitsFirst() throws {
        let budget = try layout("vertical-produits-first.csv")
        #expect(budget.cluster.name == "Grappe Numérique Loire" && budget.year == 2026)
        // 80,000 + 90,000 + 30,000 + 50,000 = 250,000; 120,000 + 20,000 + 60,000 + 50,000 = 250,000.
        #expect(budget.metrics.totalResources == euros(250_000) && budget.metrics.totalExpenses == euros(250_000))
        #expect(sources(budget) == [
            "Cotisations des adhérents": "membershipFees", "Conseil régional Pays de la Loire": "region",
            "Prestations de formation": "services", "Valorisation du temps des adhérents": "memberTime",
        ])
        #expect(natures(budget) == [
            "Salaires et charges sociales": "operating", "Loyers": "operating", "Actions collectives": "programme",
            "Temps des adhérents valorisé": "programme",
        ])
        // Public: the region's 90,000 of 250,000 (36 %); private 160,000 (64 %); net of valued time 110,000 / 200,000.
        #expect(budget.metrics.publicResources.amount == euros(90_000))
        #expect(budget.metrics.selfFinancingGross == Share(euros(160_000), of: euros(250_000)))
        #expect(budget.metrics.selfFinancingNet == Share(euros(110_000), of: euros(200_000)))
        #expect(inferred(budget).contains("conseil-regional-pays-de-la-loire source=region"))
        #expect(inferred(budget).contains("- cluster.name=Grappe Numérique Loire") && inferred(budget).contains("- year=2026"))
        #expect(budget.inferred.first { $0.line == "cotisations-des-adherents" }?.from == "« Cotisations »")
    }

    @Test("Vertical, DÉPENSES first: headings, subtotals checked and not counted twice, blank rows (.ods)")
    func verticalChargesFirst() throws {
        let budget = try layout("vertical-charges-first.ods")
        #expect(budget.cluster.name == "Cluster Mer & Littoral" && budget.year == 2025)
        // 95,000 + 15,000 + 5,000 + 40,000 + 25,000 = 180,000; subtotals 115,000 and 65,000 are not lines.
        #expect(budget.expenses.count == 5 && budget.resources.count == 6)
        #expect(budget.metrics.totalExpenses == euros(180_000) && budget.metrics.totalResources == euros(180_000))
        // Public 60,000 + 20,000 + 10,000 = 90,000 (50 %); private 50,000 + 30,000 + 10,000 = 90,000.
        #expect(budget.metrics.publicResources.amount == euros(90_000))
        #expect(budget.metrics.selfFinancingGross == Share(euros(90_000), of: euros(180_000)))
        #expect(sources(budget)["Brest Métropole"] == "intercommunality" && sources(budget)["État (DGE)"] == "state")
        #expect(sources(budget)["Inscriptions au salon"] == "events" && sources(budget)["Sponsoring"] == "sponsorship")
        #expect(natures(budget)["Salon Euromaritime"] == "programme" && natures(budget)["Honoraires comptables"] == "operating")
    }

    @Test("Account numbers: « 74 » above 7411…7415 is their subtotal, 768 not funding, 60–68 natures (.xlsx)")
    func accounts74() throws {
        let budget = try layout("accounts-74.xlsx")
        #expect(budget.cluster.name == "Technopôle Numérique Rennes" && budget.year == 2026)
        #expect(!budget.resources.contains { $0.label == "Subventions d'exploitation" })
        // 40,000 + (30,000 + 60,000 + 20,000 + 25,000 + 15,000) + 45,000 + 1,000 = 236,000.
        #expect(budget.metrics.totalResources == euros(236_000) && budget.metrics.totalExpenses == euros(236_000))
        #expect(sources(budget) == [
            "Prestations de services": "services", "État - DGE": "state", "Région Bretagne": "region",
            "Département d'Ille-et-Vilaine": "department", "Rennes Métropole": "intercommunality", "FEDER": "erdf",
            "Cotisations": "membershipFees", "Produits financiers": "financialIncome",
        ])
        #expect(natures(budget) == [
            "Achats": "operating", "Services extérieurs (loyers)": "operating", "Autres services extérieurs": "operating",
            "Charges de personnel": "operating", "Actions collectives": "programme", "Dotations aux amortissements": "accounting",
        ])
        // The funding base leaves out 768's 1,000: 235,000; private 40,000 + 45,000 = 85,000.
        #expect(budget.metrics.fundingBase == euros(235_000))
        #expect(budget.metrics.selfFinancingGross == Share(euros(85_000), of: euros(235_000)))
        #expect(budget.inferred.contains { $0.field == "source" && $0.value == "region" && $0.line == "region-bretagne" && $0.from.hasPrefix("account 7412, « ") })
        #expect(budget.inferred.contains { $0.field == "nature" && $0.value == "accounting" && $0.from == "account 68" })
    }

    @Test("English, the budget on the sheet after a cover sheet; a % column of formulas ignored (.xlsx)")
    func englishCover() throws {
        let budget = try layout("english-cover.xlsx")
        #expect(budget.cluster.name == "Nordic Link Cluster" && budget.year == 2026)
        // 120,000 + 60,000 + 45,000 + 30,000 + 45,000 = 300,000; 150,000 + 30,000 + 60,000 + 40,000 + 20,000.
        #expect(budget.metrics.totalResources == euros(300_000) && budget.metrics.totalExpenses == euros(300_000))
        #expect(sources(budget) == [
            "Membership fees": "membershipFees", "Regional council": "region", "ERDF (Interreg)": "erdf",
            "Sponsorship": "sponsorship", "Events and registrations": "events",
        ])
        #expect(natures(budget) == [
            "Staff salaries": "operating", "Office rent": "operating", "Trade fairs": "programme", "Studies": "programme",
            "Travel": "operating",
        ])
        // Public 60,000 + 45,000 = 105,000; private 195,000 of 300,000 (65 %).
        #expect(budget.metrics.selfFinancingGross == Share(euros(195_000), of: euros(300_000)))
    }

    @Test("Valued time and means made available on both sides: in kind, out of the net share (.ods)")
    func valuedTime() throws {
        let budget = try layout("valued-time.ods")
        #expect(budget.metrics.totalResources == euros(130_000) && budget.metrics.totalExpenses == euros(130_000))
        #expect(sources(budget)["Valorisation du temps des adhérents"] == "memberTime")
        #expect(sources(budget)["Mise à disposition de locaux"] == "secondment")
        #expect(natures(budget)["Temps des adhérents valorisé"] == "programme")
        // In kind 30,000 + 10,000 = 40,000; private 40,000 + 40,000 = 80,000 of 130,000 gross; net 40,000 of 90,000.
        #expect(budget.metrics.inKindResources.amount == euros(40_000))
        #expect(budget.metrics.selfFinancingGross == Share(euros(80_000), of: euros(130_000)))
        #expect(budget.metrics.selfFinancingNet == Share(euros(40_000), of: euros(90_000)))
    }

    @Test("« Budget 2025 » beside « Réalisé 2025 »: realised accounts with their forecast (.xlsx)")
    func realisedBesideBudget() throws {
        let budget = try layout("realised-budget.xlsx")
        #expect(budget.statement == .realised && budget.year == 2025 && budget.cluster.name == "Pôle Mécanique Est")
        // Realised: 95,000 + 62,000 + 80,000 + 15,000 = 252,000; 138,000 + 20,000 + 85,000 = 243,000; result 9,000.
        #expect(budget.metrics.totalResources == euros(252_000) && budget.metrics.totalExpenses == euros(243_000))
        #expect(budget.forecast["cotisations"] == euros(100_000) && budget.forecast["actions"] == euros(90_000))
        #expect(budget.metrics.selfFinancingGross == Share(euros(157_000), of: euros(252_000)))
        #expect(inferred(budget).contains("- statement=realised"))
        #expect(sources(budget)["État - DREETS"] == "state" && sources(budget)["Subvention Région Grand Est"] == "region")
    }

    @Test("Side by side with free headings and « 80 000 » amounts: a plan of financing, not a Cerfa form")
    func sideBySideFree() throws {
        let budget = try layout("side-by-side-free.csv")
        #expect(budget.cluster.name == "Agri Sud-Ouest Innovation" && budget.year == 2026)
        // 60,000 + 50,000 + 30,000 = 140,000; 80,000 + 12,000 + 40,000 + 8,000 = 140,000; public 50,000.
        #expect(budget.metrics.totalResources == euros(140_000) && budget.metrics.totalExpenses == euros(140_000))
        #expect(sources(budget) == ["Cotisations": "membershipFees", "Conseil régional Occitanie": "region", "Prestations": "services"])
        #expect(natures(budget) == ["Salaires": "operating", "Loyers": "operating", "Actions collectives": "programme", "Études": "programme"])
        #expect(budget.metrics.selfFinancingGross == Share(euros(90_000), of: euros(140_000)))
        #expect(inferred(budget).contains("conseil-regional-occitanie source=region"))
    }

    @Test("Side by side below a title row: the title gives the name and the year; a stray cell is still an error")
    func sideBySideTitle() throws {
        let text = """
            Grappe Essai — Plan de financement 2027

            Dépenses;Type;Montant;Ressources;Source;Montant
            Animation;fonctionnement;100;Région;region;60
            ;;;Cotisations;membershipFees;40
            """
        let budget = try BudgetFile.read(Data(text.utf8), file: "titled.csv").budget
        // 60 + 40 = 100 a side.
        #expect(budget?.cluster.name == "Grappe Essai" && budget?.year == 2027)
        #expect(budget?.resources.map(\.amount) == [euros(60), euros(40)])
        let stray = layoutError(csv: "Essai — Budget 2026\nPoste;Montant\nProduits\nCotisations;100;oops\nCharges\nSalaires;100\n")
        #expect(stray?.line == 4 && stray?.column == 3 && stray?.reason.contains("outside the table's columns") == true)
    }

    @Test("Excel's French CSV in Windows-1252 with a % column: decoded with a note")
    func excelWindows1252() throws {
        let budget = try layout("excel-fr-1252.csv")
        #expect(budget.cluster.name == "Association Cluster Lumière" && budget.year == 2026)
        #expect(budget.inferred.first?.field == "encoding" && budget.inferred.first?.value == "windows-1252")
        // 45,000 + 30,000 + 15,000 + 22,500 + 37,500 = 150,000; public 30,000 + 15,000 + 22,500 = 67,500 (45 %).
        #expect(budget.metrics.totalResources == euros(150_000) && budget.metrics.totalExpenses == euros(150_000))
        #expect(budget.metrics.publicResources.amount == euros(67_500))
        #expect(sources(budget) == [
            "Cotisations des membres": "membershipFees", "Subvention Conseil départemental": "department",
            "Métropole de Lyon": "intercommunality", "Bpifrance": "otherPublic",
            "Participation des entreprises aux actions": "actionParticipation",
        ])
        #expect(natures(budget) == ["Personnel": "operating", "Frais généraux": "operating", "Événements": "programme"])
    }

    @Test("A formula's result is rounded to the cent with a note; a formula without a value is an error at its cell")
    func formulas() throws {
        let budget = try layout("rounded-formula.xlsx")
        // =100000/3 → 33,333.33 and =200000/3 → 66,666.67: 100,000.00, as the total says.
        #expect(budget.resources.map(\.amount) == [Money(minorUnits: 3_333_333), Money(minorUnits: 6_666_667)])
        #expect(budget.inferred.contains { $0.field == "amount" && $0.value == "33333.33" && $0.from.hasPrefix("cell B4") })
        let error = #expect(throws: InputError.self) { try layout("uncomputed-formula.xlsx") }
        #expect(error?.line == 8 && error?.column == 2 && error?.reason.contains("open and save") == true)
        // A typed constant with more decimals stays an error.
        let typed = layoutError(csv: "Essai — Budget 2026\nPoste;Montant\nProduits\nCotisations;10,005\nCharges\nSalaires;10,005\n")
        #expect(typed?.reason.contains("more than two decimals") == true)
    }

    @Test("A total or subtotal that disagrees is an error naming both cells")
    func totalMismatch() {
        let error = layoutError(csv: """
            Essai — Budget 2026
            Poste;Montant
            Produits
            Cotisations;100
            Région;50
            Total produits;160
            Charges
            Salaires;150
            """)
        #expect(error?.line == 6 && error?.reason.contains("cell B6") == true && error?.reason.contains("B4…B5") == true)
        let parent = layoutError(csv: """
            Essai — Budget 2026
            Compte;Intitulé;Montant
            Produits
            74;Subventions;100
            7412;Région;60
            7413;Département;30
            Charges
            64;Salaires;90
            """)
        #expect(parent?.line == 4 && parent?.reason.contains("C5…C6") == true, "\(String(describing: parent))")
    }

    @Test("A label nothing places is an error naming the cell, the label and the way out; ambiguous ones are never guessed")
    func unplaced() {
        for label in ["Divers", "Autres produits", "Subvention"] {
            let error = layoutError(csv: "Essai — Budget 2026\nPoste;Montant\nProduits\n\(label);100\nCharges\nSalaires;100\n")
            #expect(error?.line == 4 && error?.column == 1, "\(label)")
            #expect(error?.reason.contains("« \(label) »") == true && error?.reason.contains("colonne « Source »") == true)
            #expect(error?.reason.contains("« Cotisations » (membershipFees)") == true)
        }
        let english = layoutError(csv: "Test — Budget 2026\nItem,Amount\nIncome\nMiscellaneous,100\nExpenditure\nSalaries,100\n")
        #expect(english?.reason.contains("« Membership fees » (membershipFees)") == true && english?.reason.contains("« Source » column") == true)
        let expense = layoutError(csv: "Essai — Budget 2026\nPoste;Montant\nProduits\nCotisations;100\nCharges\nDivers;100\n")
        #expect(expense?.line == 6 && expense?.reason.contains("colonne « Type »") == true)
        // A Source or Type column wins over the words.
        let typed = try? BudgetFile.read(
            Data("Essai — Budget 2026\nPoste;Montant;Type\nProduits\nCotisations;100;region\nCharges\nSalaires;100;action\n".utf8),
            file: "typed.csv")
        #expect(typed?.budget?.resources.first?.source == .region && typed?.budget?.expenses.first?.nature == .programme)
    }

    @Test("The lexicon folds case, accents and plurals, and never guesses between two sources")
    func lexicon() throws {
        #expect(try BudgetLexicon.source("COTISATION").get().value == .membershipFees)
        #expect(try BudgetLexicon.source("Mécénat d'entreprises").get().value == .sponsorship)
        #expect(try BudgetLexicon.source("Subvention DREETS").get().value == .state)
        #expect(try BudgetLexicon.source("Communauté de communes du Pays").get().value == .intercommunality)
        #expect(try BudgetLexicon.source("Reprises sur provisions").get().value == .provisionReversals)
        #expect(throws: BudgetLexicon.MissError.self) { try BudgetLexicon.source("Formation CCI").get() }
        #expect(throws: BudgetLexicon.MissError.self) { try BudgetLexicon.source("Divers").get() }
        #expect(try BudgetLexicon.nature("Frais généraux").get().value == .operating)
        #expect(try BudgetLexicon.nature("Dotations aux provisions").get().value == .accounting)
        #expect(BudgetLexicon.account(in: "7412 - Région")?.number == "7412" && BudgetLexicon.account(in: "80 000") == nil)
    }

    @Test("File type by content: JSON under any name, a legacy .xls refused, an unknown type lists the formats")
    func typeByContent() throws {
        let json = try Data(contentsOf: repositoryFile("Examples/mecabourg-2013.json"))
        #expect(try BudgetFile.read(json, file: "budget").budget?.cluster.name == "Mecabourg")
        let xls = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
        let legacy = #expect(throws: InputError.self) { try BudgetFile.read(xls, file: "budget.csv") }
        #expect(legacy?.reason.contains("save it as .xlsx or .ods") == true)
        let unknown = #expect(throws: InputError.self) { try BudgetFile.read(Data("hello".utf8), file: "budget.txt") }
        #expect(unknown?.reason.contains(".xlsx or .ods workbook") == true && unknown?.reason.contains("CSV") == true)
        let csv = try Data(contentsOf: repositoryFile("Tests/Fixtures/spreadsheets/layouts/vertical-produits-first.csv"))
        #expect(try BudgetFile.read(csv, file: "export.txt").budget?.cluster.name == "Grappe Numérique Loire")
    }

    @Test("A 300,000-line CSV is refused before it is split, naming its size in MB")
    func lineLimit() {
        var text = "Cluster;Big\nAnnée;2026\nDépenses;Type;Montant;Ressources;Source;Montant\n"
        text += String(repeating: "Actions;action;1;Cotisations;;1\n", count: 300_000)
        let start = ContinuousClock.now
        let error = layoutError(csv: text)
        #expect(ContinuousClock.now - start < .seconds(1))
        #expect(error?.reason.contains("more than 100000 lines") == true && error?.reason.contains(" MB") == true)
    }

    // MARK: Issue 26, what was left

    @Test("A Cerfa table's header reads the description's rows (Type, Création, Adhérents) as the CSV does")
    func cerfaProfileRows() throws {
        // Mecabourg's 12156 with its card's figures: created 2002, 60 member companies; a grappe.
        let budget = try layout("cerfa-12156-profile-rows.csv")
        #expect(budget.cluster.name == "Mecabourg" && budget.year == 2013)
        #expect(budget.cluster.kind == .grappe && budget.cluster.founded == 2002 && budget.cluster.members == 60)
        // The form's figures are unchanged: 290,000 a side, 160,000 public (memento p. 31).
        #expect(budget.metrics.totalResources == euros(290_000) && budget.metrics.totalExpenses == euros(290_000))
        #expect(budget.metrics.publicResources.amount == euros(160_000))

        // A value that cannot be read, an unknown key with a value, a key without one: errors naming the cell.
        let text = try String(contentsOf: repositoryFile("Tests/Fixtures/spreadsheets/layouts/cerfa-12156-profile-rows.csv"), encoding: .utf8)
        func error(_ from: String, _ to: String) -> InputError? {
            layoutError(csv: text.replacingOccurrences(of: from, with: to), file: "cerfa.csv")
        }
        let members = error("Adhérents;60;;", "Adhérents;soixante;;")
        #expect(members?.line == 5 && members?.column == 2 && members?.path == "cluster.members", "\(String(describing: members))")
        let kind = error("Type;grappe;;", "Type;association;;")
        #expect(kind?.line == 3 && kind?.column == 2 && kind?.reason.contains("not a kind of cluster") == true)
        let unknown = error("Type;grappe;;", "Responsable;Jean Dupont;;")
        #expect(unknown?.line == 3 && unknown?.column == 1 && unknown?.reason.contains("unknown key « Responsable »") == true)
        let empty = error("Type;grappe;;", "Type;;;")
        #expect(empty?.line == 3 && empty?.reason.contains("« Type » has no value") == true)
        let currency = error("Type;grappe;;", "Devise;USD;;")
        #expect(currency?.line == 3 && currency?.column == 2 && currency?.reason.contains("in euros") == true)
        // A title row (one filled cell) stays a title.
        #expect(error("Type;grappe;;", "Budget voté en assemblée générale;;;") == nil)
    }

    @Test("The words an entry was inferred from are the label's as written; folding is for matching only")
    func wordsAsWritten() throws {
        #expect(try BudgetLexicon.source("Subvention Région").get().from == "Région")
        #expect(try BudgetLexicon.source("Subvention Conseil Régional d'Auvergne").get().from == "Conseil Régional")
        #expect(try BudgetLexicon.source("COTISATIONS 2026").get().from == "COTISATIONS")
        #expect(try BudgetLexicon.source("Mise à disposition de locaux").get().from == "Mise à disposition")
        #expect(try BudgetLexicon.source("Programme LEADER (FEADER)").get().from == "FEADER")
        #expect(try BudgetLexicon.nature("Études de marché").get().from == "Études")
        // A region's name beside a funder says where the funder is: « DRAAF Centre-Val de Loire » is the State.
        #expect(try BudgetLexicon.source("DRAAF Centre-Val de Loire").get().value == .state)
        #expect(try BudgetLexicon.source("Région Centre-Val de Loire").get().value == .region)
        // In a report, as written.
        let realised = try layout("realised-budget.xlsx")
        #expect(realised.inferred.first { $0.line == "subvention-region-grand-est" }?.from == "« Région »")
        let vertical = try layout("vertical-produits-first.csv")
        #expect(vertical.inferred.first { $0.line == "conseil-regional-pays-de-la-loire" }?.from == "« Conseil régional »")
    }

    @Test("Ids made from labels: cut between words, never on a small word, « (s) » dropped, ASCII, a suffix only on a collision, said")
    func readableIDs() throws {
        #expect(CSVVocabulary.slug("Participation des entreprises aux actions collectives") == "participation-des-entreprises")
        #expect(CSVVocabulary.slug("Région(s) : Auvergne-Rhône-Alpes") == "region-auvergne-rhone-alpes")
        #expect(CSVVocabulary.slug("Communauté de communes Cœur du Perche") == "communaute-de-communes-coeur-du-perche")
        #expect(CSVVocabulary.slug("Expert-comptable et commissaire aux comptes") == "expert-comptable-et-commissaire")
        #expect(CSVVocabulary.slug(String(repeating: "x", count: 50)) == String(repeating: "x", count: 40))
        for label in ["Salaires", "Loyer et charges locatives", "Valorisation du temps des adhérents passé sur les actions"] {
            #expect(CSVVocabulary.slug(label).count <= 40 && !CSVVocabulary.slug(label).hasSuffix("-"), "\(label)")
        }
        // The layout fixtures: an id cut short stops on a word, and the same label on both sides collides once.
        let excel = try layout("excel-fr-1252.csv")
        #expect(excel.resources.map(\.id).contains("participation-des-entreprises"))
        let valued = try layout("valued-time.ods")
        // The resource (row 7) comes first in the sheet and keeps the plain id; the expense (row 13) is suffixed.
        #expect(valued.resources.first { $0.source == .secondment }?.id == "mise-a-disposition-de-locaux")
        #expect(valued.expenses.first { $0.label == "Mise à disposition de locaux" }?.id == "mise-a-disposition-de-locaux-2")
        let note = valued.inferred.first { $0.field == "id" }
        #expect(note?.line == "mise-a-disposition-de-locaux-2" && note?.from.contains("cell A13") == true && note?.from.contains("cell A7") == true)
        #expect(valued.inferred.filter { $0.field == "id" }.count == 1)
        // No fixture but that one has a suffixed id, and none ends on a small word.
        for name in ["vertical-produits-first.csv", "vertical-charges-first.ods", "accounts-74.xlsx", "english-cover.xlsx",
                     "realised-budget.xlsx", "side-by-side-free.csv", "excel-fr-1252.csv", "template-filled-fr.csv"] {
            let budget = try layout(name)
            let ids = budget.resources.map(\.id) + budget.expenses.map(\.id)
            #expect(Set(ids).count == ids.count && !ids.contains { $0.range(of: #"-[0-9]+$"#, options: .regularExpression) != nil }, "\(name): \(ids)")
            #expect(!ids.contains { id in CSVVocabulary.slugTrailingWords.contains { id.hasSuffix("-" + $0) } }, "\(name): \(ids)")
            #expect(ids.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, "\(name): \(ids)")
        }
        // The Cerfa rows' ids: « Région(s) » is 74-region.
        let cerfa = try layout("cerfa-12156-profile-rows.csv")
        #expect(cerfa.resources.map(\.id).contains("74-region") && cerfa.resources.map(\.id).contains("756-dont-cotisations-dons-manuels"))
    }

    @Test("First contact: the template filled in as a director would, French and English, read with the figures computed by hand")
    func filledTemplate() throws {
        for name in ["template-filled-fr.csv", "template-filled-en.csv"] {
            let budget = try layout(name)
            #expect(budget.cluster.name == "Grappe Agroalimentaire du Perche" && budget.year == 2026, "\(name)")
            // 46,500 + 14,000 + 9,500 + 6,000 + 55,000 + 12,000 + 15,000 + 8,000 + 20,000 + 12,000 = 198,000.
            // 98,000 + 9,600 + 7,400 + 4,500 + 1,500 + 42,000 + 21,000 + 2,000 + 12,000 = 198,000.
            #expect(budget.metrics.totalResources == euros(198_000) && budget.metrics.totalExpenses == euros(198_000))
            // Public: 55,000 + 12,000 + 15,000 + 8,000 + 20,000 = 110,000; private 88,000, of which 12,000 valued time.
            #expect(budget.metrics.publicResources.amount == euros(110_000))
            #expect(budget.metrics.selfFinancingGross == Share(euros(88_000), of: euros(198_000)))
            #expect(budget.metrics.selfFinancingNet == Share(euros(76_000), of: euros(186_000)))
            // Operating: 98,000 + 9,600 + 7,400 + 4,500 + 1,500 + 2,000 = 123,000; programme 42,000 + 21,000 + 12,000.
            #expect(budget.expenses.filter { $0.nature == .operating }.map(\.amount.minorUnits).reduce(0, +) == 12_300_000)
            #expect(sources(budget)["Partenariats entreprises"] == "sponsorship" && sources(budget)["DRAAF Centre-Val de Loire"] == "state")
            #expect(sources(budget)["Programme LEADER (FEADER)"] == "erdf")
            #expect(natures(budget)["Communication et site internet"] == "operating" && natures(budget)["Déplacements"] == "operating")
            #expect(budget.inferred.contains { $0.line == "draaf-centre-val-de-loire" && $0.from == "« DRAAF »" })
        }
        // A label split at its comma in a comma-separated file: the error says so.
        let text = try String(contentsOf: repositoryFile("Tests/Fixtures/spreadsheets/layouts/template-filled-en.csv"), encoding: .utf8)
        let split = layoutError(csv: text.replacingOccurrences(of: "\"Actions collectives (export, innovation)\"", with: "Actions collectives (export, innovation)"))
        #expect(split?.reason.contains("put it between double quotes") == true, "\(String(describing: split))")
        // A label no word places, in a table with a Source column: the way out names that column, in French.
        let unplaced = layoutError(csv: "Essai — Budget 2026\nPoste;Montant;Source\nProduits\nRecettes diverses;100;\nCharges\nSalaires;100;\n")
        #expect(unplaced?.reason.contains("quelle source de recettes est « Recettes diverses »") == true)
        #expect(unplaced?.reason.contains("dans sa cellule « Source »") == true)
    }
}
