import ClusterKitCore
import Foundation

/// The budget table of a Cerfa 12156 (one amount column) or 15059 (« Prévision » and « Réalisation ») read from a
/// CSV export: the header, the unit and both sides' rows, totals checked.
///
/// ```text
/// Nom de l'association;Mecabourg
/// Exercice;2013;Date de début;01/01/2013;Date de fin;31/12/2013
/// CHARGES;Montant;PRODUITS;Montant
/// 60 – Achats;;70 – Vente de produits finis, de marchandises, prestations de services;35 000
/// …
/// ```
package struct CerfaTable: Hashable, Sendable {
    /// The header.
    package var header: CerfaHeader
    /// Euros per unit of the file's amounts: 1, or 1,000 for a table « en K€ ».
    package var scale: Int64
    /// The amount columns the table has: `[.forecast]` for a 12156, `[.forecast, .realised]` for a 15059.
    package var columns: [CerfaColumn]
    /// The CHARGES side's rows, in order.
    package var charges: [CerfaRow]
    /// The PRODUITS side's rows, in order.
    package var products: [CerfaRow]
    /// Where the header gives each field of the budget it sets (`cluster.name`, `year`, `period.start`,
    /// `period.end`): the cell of the value, so that an error in the budget names the cell.
    package var headerCells = FieldCells()

    /// Reads a table from a CSV file's bytes (UTF-8 with or without a byte-order mark; `;` or `,` detected).
    /// - Throws: ``InputError`` naming the file, the cell and the reason.
    package static func read(_ data: Data, file: String? = nil) throws(InputError) -> CerfaTable {
        let document = try CSVDocument(data, dialect: nil, file: file) { CerfaReading.titleIndex($0) != nil }
        return try read(document.rows, dialect: document.dialect, file: file)
    }

    /// Reads a table from a file's records.
    /// - Throws: ``InputError`` naming the file, the cell and the reason.
    static func read(_ rows: [CSVRow], dialect: CSVDialect, file: String?) throws(InputError) -> CerfaTable {
        var reading = CerfaReading(file: file, dialect: dialect)
        return try reading.read(rows)
    }

    /// Whether a table's records hold a Cerfa budget table (``titleIndex(_:)``).
    static func isCerfa(_ rows: [CSVRow]) -> Bool { titleIndex(rows) != nil }

    /// The lines under the heading at an index: the rows after it up to the next heading or total.
    static func lines(of index: Int, in rows: [CerfaRow]) -> ArraySlice<CerfaRow> {
        let after = rows[(index + 1)...]
        let end = after.firstIndex { $0.role == .heading || $0.role == .total || $0.heading != rows[index].account } ?? rows.endIndex
        return rows[(index + 1)..<end]
    }

    /// The index of the title row of a Cerfa budget table, if the records hold one: a row with a « CHARGES » cell and a
    /// « PRODUITS » cell and nothing but the form's amount headings besides (« Montant », « Prévision »,
    /// « Réalisation », « % »), and a mark of the form — a line of the header (« Nom de l'association », « Exercice »,
    /// « Date de début »), a « Prévision » or « Réalisation » column, or a row numbered with its account (« 74 – … »).
    /// A plan of financing titled « Charges » and « Produits » in ``CSVBudgetReader``'s layout (a « Cluster » key, a
    /// « Source » column) is not one.
    static func titleIndex(_ rows: [CSVRow]) -> Int? {
        guard let index = CerfaReading.titleIndex(rows) else { return nil }
        var marked = false
        for cell in rows[index].cells where !cell.isBlank && CerfaReading.sideTitle(folded: cell.folded) == nil {
            let folded = cell.folded
            if folded.hasPrefix("prevision") || folded.hasPrefix("realis") { marked = true; continue }
            guard folded.hasPrefix("montant") || folded.isEmpty || folded.hasPrefix("budget") || folded.hasPrefix("prevu")
                || folded.hasPrefix("reel") || cell.trimmed.hasPrefix("%")
            else { return nil }
        }
        if marked { return index }
        let headerKeys: Set<String> = ["nom de l association", "exercice", "date de debut", "date de fin"]
        if rows[..<index].contains(where: { $0.cells.contains { headerKeys.contains($0.folded) } }) {
            return index
        }
        // An account before a label (« 74 – Subventions »), not an amount written with spaces (« 80 000 »).
        let numbered = rows[(index + 1)...].contains { row in
            row.cells.contains { cell in
                guard let rest = CerfaForm.account(in: cell.text)?.rest, !rest.isEmpty else { return false }
                return rest.contains(where: \.isLetter)
            }
        }
        return numbered ? index : nil
    }
}
