import ClusterKitCore
import Foundation
import Testing
import TestSupport

@testable import ClusterKitFormats

@Suite("Cerfa tables in a workbook and among CSV tables")
struct CerfaWorkbookTests {
    /// The cells of an example Cerfa CSV, row by row: amounts as numbers (`135 000` → `135000`), as a spreadsheet
    /// stores them, and text escaped for the sheet's XML.
    static func cells(_ name: String) throws -> [[String]] {
        let text = String(decoding: try Data(contentsOf: repositoryFile("Examples/cerfa/\(name)")), as: UTF8.self)
        return text.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n").map { line in
            line.split(separator: ";", omittingEmptySubsequences: false).map { cell in
                let compact = cell.replacingOccurrences(of: " ", with: "")
                if !compact.isEmpty, compact.allSatisfy(\.isNumber) { return compact }
                return cell.replacingOccurrences(of: "&", with: "&amp;")
            }
        }
    }

    @Test("Mecabourg's 12156 as an .xlsx sheet gives the CSV export's budget")
    func workbook() throws {
        let bytes = ZipBuilder.workbook(sheet: sheetXML(try Self.cells("mecabourg-2013-12156.csv")), sheetName: "Cerfa 12156").bytes
        let fromWorkbook = try SpreadsheetBudgetReader().decode(Data(bytes), file: "cerfa.xlsx").budget
        let fromCSV = try CSVBudgetReader().decode(
            Data(contentsOf: repositoryFile("Examples/cerfa/mecabourg-2013-12156.csv")), file: "cerfa.csv").budget
        #expect(fromWorkbook == fromCSV)
        #expect(fromWorkbook.resources.count == 5 && fromWorkbook.expenses.count == 5)
    }

    @Test("Soliage's 15059 as an .xlsx sheet: a realised budget, its « Prévision » column empty")
    func workbook15059() throws {
        let bytes = ZipBuilder.workbook(sheet: sheetXML(try Self.cells("soliage-2012-2013-15059.csv"))).bytes
        let budget = try SpreadsheetBudgetReader().decode(Data(bytes), file: "cerfa.xlsx").budget
        #expect(budget.statement == .realised)
        #expect(budget.forecast.isEmpty)
        #expect(budget.resources.map(\.amount.minorUnits) == [29_000_000, 21_000_000])
    }

    @Test("A plan of financing titled « Charges » and « Produits » with a « Cluster » key stays a plan of financing")
    func notCerfa() throws {
        let text = "Cluster;Essai\nAnnée;2013\nCharges;Montant;Produits;Source;Montant\nAnimation;100;Région;region;100\n"
        let rows = try CSVText.records(text, separator: ";", file: nil)
        #expect(!CerfaTable.isCerfa(rows))
        let budget = try CSVBudgetReader().decode(Data(text.utf8), file: "plan.csv").budget
        #expect(budget.cluster.name == "Essai" && budget.resources.map(\.source) == [.region])
        // The same titles with only amount columns and no mark of the form: still the plan of financing's layout.
        let plain = "Cluster;Essai\nAnnée;2013\nCharges;Montant;Produits;Montant\nAnimation;100;Cotisations;100\n"
        #expect(!CerfaTable.isCerfa(try CSVText.records(plain, separator: ";", file: nil)))
        #expect(try CSVBudgetReader().decode(Data(plain.utf8), file: "plan.csv").budget.resources.map(\.source) == [.membershipFees])
    }
}
