import ClusterKitCore
import Foundation

/// A CSV file's records and the dialect they are written in: how the CSV reader and the Cerfa table reader both read
/// a file's bytes.
struct CSVDocument {
    /// The dialect the records were split and are read with.
    var dialect: CSVDialect
    /// The records.
    var rows: [CSVRow]
    /// A note on how the bytes were decoded: Windows-1252, when they are not UTF-8.
    var note: String?

    /// Reads a file's records (UTF-8 with or without a byte-order mark, ``CSVText/document(_:file:)``) in the dialect
    /// given, or else the one detected (``CSVText/detectDialect(_:)``), an Excel `sep=` line left out. When the
    /// records a detected separator splits hold no table (`holdsTable`), they are split by the other separator that
    /// splits a Cerfa form's « CHARGES » / « PRODUITS » row, if one does: a form's first lines are often a title alone
    /// on its row, which tells no separator.
    /// - Throws: ``InputError`` naming the file, the line and the reason.
    init(_ data: Data, dialect given: CSVDialect?, file: String?, holdsTable: ([CSVRow]) -> Bool) throws(InputError) {
        let (text, note) = try CSVText.document(data, file: file)
        self.note = note
        let detected = CSVText.detectDialect(text)
        dialect = given ?? detected.dialect
        rows = try CSVText.records(text, separator: dialect.separator, file: file)
        guard given == nil else { return }
        if detected.skipFirstLine, !rows.isEmpty {
            rows.removeFirst()
        } else if !holdsTable(rows) {
            for other in [CSVDialect.french, .english, CSVDialect(separator: "\t", decimalMark: ",")] where other != dialect {
                guard let split = try? CSVText.records(text, separator: other.separator, file: file),
                    CerfaReading.titleIndex(split) != nil
                else { continue }
                (dialect, rows) = (other, split)
                return
            }
        }
    }
}
