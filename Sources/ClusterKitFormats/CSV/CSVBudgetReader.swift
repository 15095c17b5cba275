import ClusterKitCore
import Foundation

/// Reads a budget kept in a spreadsheet and exported as CSV: the cluster's description in `key;value` rows, then the
/// plan of financing with its two sides — expenses (dépenses) and resources (ressources) — side by side, as the
/// memento prints them (p. 13, and every case study).
///
/// ```text
/// Cluster;Mecabourg
/// Année;2013
/// Type;grappe
///
/// Dépenses;Type;Montant €;%;Ressources;Source;Montant €;%
/// Fonctionnement & Animation;fonctionnement;135 000 €;47%;Région Rhône Alpes;region;50 000 €;17%
/// Dépenses directes du Pôle RH;action;35 000 €;12%;Cotisations;;95 000 €;33%
/// Total;;290 000 €;100%;Total;;290 000 €;100%
/// ```
///
/// French exports (`;`, decimal comma, spaces or no-break spaces as thousands separators, `€`) and English ones
/// (`,`, decimal point, `"1,227,000.50"`) are both read, UTF-8 with or without a byte-order mark, with any line
/// ends. Amounts are exact. `Documentation/CSVFormat.md` lists every heading and key in both languages.
///
/// The budget table of the French subsidy forms — Cerfa n° 12156 (budget prévisionnel) and n° 15059 (compte rendu
/// financier, « Prévision » and « Réalisation ») — is recognised and read as the form lays it out (`CerfaTable`): a
/// forecast, or realised accounts with their forecast, with the form's rows mapped to the catalogue's sources.
///
/// Every error is an `InputError` naming the file, the line and the column (and the field of the budget it would
/// fill); nothing is read half. The budget read is checked against the catalogue, as `BudgetDecoder` checks JSON.
public struct CSVBudgetReader: Sendable {
    /// The revenue sources a budget may name.
    public var catalog: Catalog
    /// The dialect to read; `nil` detects it (`;` → decimal comma, `,` → decimal point, an Excel `sep=` line wins).
    public var dialect: CSVDialect?

    /// Creates a reader.
    public init(catalog: Catalog = .builtIn, dialect: CSVDialect? = nil) {
        self.catalog = catalog
        self.dialect = dialect
    }

    /// Reads one budget and checks it against the catalogue.
    /// - Throws: `InputError` naming the file, line, column and reason.
    public func decode(_ data: Data, file: String? = nil) throws(InputError) -> CheckedBudget {
        // The usual table read on its bytes; anything else, and every error, by the general path.
        if let budget = CSVFastTable.budget(data, dialect: dialect, catalog: catalog, file: file) { return budget }
        return try generalDecode(data, file: file)
    }

    /// ``decode(_:file:)`` by the general path alone: the records split into cells, then read
    /// (``budget(_:dialect:catalog:file:)``). What the fast path (``CSVFastTable``) must agree with.
    func generalDecode(_ data: Data, file: String? = nil) throws(InputError) -> CheckedBudget {
        let document = try CSVDocument(data, dialect: dialect, file: file) { Self.tableStart($0) != nil }
        var budget = try Self.budget(document.rows, dialect: document.dialect, catalog: catalog, file: file)
        if let note = document.note {
            budget.inferred.insert(InferredValue(line: nil, field: "encoding", value: "windows-1252", from: note), at: 0)
        }
        return budget
    }

    /// The budget a table's records hold, checked against the catalogue: the path every table takes, a CSV file's or
    /// a workbook's sheet (``SpreadsheetBudgetReader``), so that a layout this reader learns, spreadsheets read too.
    static func budget(_ rows: [CSVRow], dialect: CSVDialect, catalog: Catalog, file: String?) throws(InputError) -> CheckedBudget {
        if CerfaTable.isCerfa(rows) { return try CerfaTable.budget(rows, dialect: dialect, catalog: catalog, file: file) }
        var reading = CSVBudgetReading(file: file, dialect: dialect, catalog: catalog)
        let budget = try reading.read(rows)
        do throws(InputError) {
            var checked = try CheckedBudget(budget, catalog: catalog, file: file)
            checked.inferred = reading.inferred
            return checked
        } catch {
            throw reading.located(error)
        }
    }

    /// The index of the row that starts a table this reader recognises (the row of the sides' headings), if the
    /// records hold one: how a workbook's sheet holding a budget is told from the others.
    static func tableStart(_ rows: [CSVRow]) -> Int? {
        CerfaTable.titleIndex(rows) ?? CSVBudgetReading.titleIndex(rows)
    }
}
