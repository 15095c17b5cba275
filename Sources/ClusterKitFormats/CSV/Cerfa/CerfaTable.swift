import ClusterKitCore
import Foundation

/// A side of the budget table of the subsidy forms.
package enum CerfaSide: String, Hashable, Sendable {
    /// CHARGES: classes 6 and 86 of the chart of accounts.
    case charges
    /// PRODUITS: classes 7 and 87.
    case products
}

/// Where a cell is in the file: its line and column, 1-based, as ``InputError`` names them.
package struct CerfaCellPosition: Hashable, Sendable {
    /// The file line.
    package var line: Int
    /// The column (A = 1).
    package var column: Int
}

/// The header of a filled form: the association and its fiscal year.
package struct CerfaHeader: Hashable, Sendable {
    /// « Nom de l'association ».
    package var name: String?
    /// « Exercice »: `2013`, or `2024-2025` for a fiscal year off the calendar.
    package var exercice: String?
    /// « Date de début », as an ISO date (`2024-04-01`).
    package var start: String?
    /// « Date de fin », as an ISO date (`2025-03-31`).
    package var end: String?

    /// The budget's `year`: the year the fiscal year ends in — of « Date de fin », else the last four-digit year of
    /// « Exercice » (`2024-2025` → 2025); `nil` when the header says neither.
    package var year: Int? {
        if let end, let year = Int(end.prefix(4)) { return year }
        guard let exercice else { return nil }
        let years = exercice.split(whereSeparator: { !$0.isNumber }).compactMap { $0.count == 4 ? Int($0) : nil }
        return years.last
    }
}

/// One row of a side of the table, with its amounts as the file gives them (scaled to euros).
package struct CerfaRow: Hashable, Sendable {
    /// What the row is in the form's structure.
    package enum Role: Hashable, Sendable {
        /// A numbered heading (`74 – Subventions d'exploitation`), whose amount is its lines' sum when it has lines.
        case heading
        /// A line: under a heading (the funders under 74) or on its own (a line the association added).
        case line
        /// A « dont » line (« Dont cotisations, dons manuels ou legs »): a part of its heading's amount.
        case part
        /// A total (« Total des charges », « TOTAL »): the sum of the rows above it on its side.
        case total
    }

    /// The role.
    package var role: Role
    /// The account number written in the label, or the form's account for a known row (`74`, `756`); `nil` for a line
    /// the form does not know and the label does not number.
    package var account: String?
    /// The label as written, account number included.
    package var label: String
    /// The form's label of the known row this is, `nil` for a line the form does not print.
    package var formLabel: String?
    /// What a filled form wrote after the colon of the form's label (the funder of « Région(s) : … »).
    package var detail: String?
    /// The account of the heading the row falls under (`74` for « Région(s) »), `nil` above the first heading.
    package var heading: String?
    /// The amount in the forecast column (« Montant » of the 12156, « Prévision » of the 15059).
    package var forecast: Money?
    /// The amount in the realised column (« Réalisation » of the 15059).
    package var realised: Money?
    /// The label's cell.
    package var labelCell: CerfaCellPosition
    /// The forecast amount's cell.
    package var forecastCell: CerfaCellPosition?
    /// The realised amount's cell.
    package var realisedCell: CerfaCellPosition?

    /// The amount of a column.
    package func amount(_ column: CerfaColumn) -> Money? { column == .forecast ? forecast : realised }
    /// The cell of a column's amount.
    package func cell(_ column: CerfaColumn) -> CerfaCellPosition? { column == .forecast ? forecastCell : realisedCell }
}

/// An amount column of the table.
package enum CerfaColumn: String, Hashable, Sendable, CaseIterable {
    /// « Montant » (12156) or « Prévision » (15059).
    case forecast
    /// « Réalisation » (15059).
    case realised
}

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
    /// Where the header gives each field of the budget it sets, by the field's path (`cluster.name`, `year`,
    /// `period.start`, `period.end`): the cell of the value, so that an error in the budget names the cell.
    package var headerCells: [String: CerfaCellPosition] = [:]

    /// Reads a table from a CSV file's bytes (UTF-8 with or without a byte-order mark; `;` or `,` detected).
    /// - Throws: ``InputError`` naming the file, the cell and the reason.
    package static func read(_ data: Data, file: String? = nil) throws(InputError) -> CerfaTable {
        let text = try CSVText.document(data, file: file)
        let detected = CSVText.detectDialect(text)
        var dialect = detected.dialect
        var rows = try CSVText.records(text, separator: dialect.separator, file: file)
        if detected.skipFirstLine, !rows.isEmpty {
            rows.removeFirst()
        } else if CerfaReading.titleIndex(rows) == nil, let other = records(text, besides: dialect, file: file) {
            (dialect, rows) = other
        }
        return try read(rows, dialect: dialect, file: file)
    }

    /// Reads a table from a file's records.
    /// - Throws: ``InputError`` naming the file, the cell and the reason.
    static func read(_ rows: [CSVRow], dialect: CSVDialect, file: String?) throws(InputError) -> CerfaTable {
        var reading = CerfaReading(file: file, dialect: dialect)
        return try reading.read(rows)
    }

    /// A form's records split by another separator than the detected one: a form's first lines are often a title alone
    /// on its row, which tells no separator; the separator is the one that splits the « CHARGES » / « PRODUITS » row.
    /// `nil` when no other separator does.
    static func records(_ text: String, besides dialect: CSVDialect, file: String?) -> (dialect: CSVDialect, rows: [CSVRow])? {
        for other in [CSVDialect.french, .english, CSVDialect(separator: "\t", decimalMark: ",")] where other != dialect {
            guard let split = try? CSVText.records(text, separator: other.separator, file: file),
                CerfaReading.titleIndex(split) != nil
            else { continue }
            return (other, split)
        }
        return nil
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
        for cell in rows[index].cells where !cell.isBlank && CerfaReading.sideTitle(cell.text) == nil {
            let folded = CSVVocabulary.normalized(cell.text)
            if folded.hasPrefix("prevision") || folded.hasPrefix("realis") { marked = true; continue }
            guard folded.hasPrefix("montant") || folded.isEmpty || folded.hasPrefix("budget") || folded.hasPrefix("prevu")
                || folded.hasPrefix("reel") || cell.trimmed.hasPrefix("%")
            else { return nil }
        }
        if marked { return index }
        let headerKeys: Set<String> = ["nom de l association", "exercice", "date de debut", "date de fin"]
        if rows[..<index].contains(where: { $0.cells.contains { headerKeys.contains(CSVVocabulary.normalized($0.text)) } }) {
            return index
        }
        let numbered = rows[(index + 1)...].contains { $0.cells.contains { CerfaForm.account(in: $0.text)?.rest.isEmpty == false } }
        return numbered ? index : nil
    }
}

/// The state of reading one table.
private struct CerfaReading {
    let file: String?
    let dialect: CSVDialect
    let values: CSVValues
    /// The column headings of the title row, for messages.
    var headings: [Int: String] = [:]

    init(file: String?, dialect: CSVDialect) {
        self.file = file
        self.dialect = dialect
        self.values = CSVValues(dialect: dialect, currency: .euro)
    }

    func fail(_ cell: CSVCell, _ reason: String) -> InputError {
        let heading = headings[cell.column].map { " « \($0) »" } ?? ""
        return InputError(
            file: file, path: "", reason: "\(reason) (column \(InputError.columnLetters(cell.column))\(heading))",
            line: cell.line, column: cell.column)
    }

    func fail(at position: CerfaCellPosition, _ reason: String) -> InputError {
        fail(CSVCell(text: "", line: position.line, column: position.column), reason)
    }

    /// The row of the sides' titles: a cell « CHARGES » (or « Charges », « DÉPENSES ») and a cell « PRODUITS ».
    static func titleIndex(_ rows: [CSVRow]) -> Int? {
        rows.firstIndex { row in
            let sides = row.cells.compactMap { sideTitle($0.text) }
            return sides.contains(.charges) && sides.contains(.products)
        }
    }

    /// The side a title cell names: « CHARGES », « Charges (en K€) », « PRODUITS », « Produits en euros ».
    static func sideTitle(_ text: String) -> CerfaSide? {
        let folded = CSVVocabulary.normalized(text)
        for (word, side) in [("charges", CerfaSide.charges), ("produits", .products)] where folded.hasPrefix(word) {
            // « CHARGES », « Charges (en K€) », « CHARGES (1) »; not a row such as « Charges sociales ».
            let rest = folded.dropFirst(word.count)
            if rest.isEmpty || rest == " en" || rest.hasPrefix(" en ") || (rest.first == " " && rest.dropFirst().allSatisfy(\.isNumber)) {
                return side
            }
        }
        return nil
    }

    /// Whether text names thousands of euros: « en K€ », « k€ », « KEUR », « milliers d'euros ».
    static func namesThousands(_ text: String) -> Bool {
        let lowered = text.lowercased()
        if lowered.contains("k€") || lowered.contains("k €") { return true }
        let words = CSVVocabulary.normalized(text).split(separator: " ")
        if words.contains("keur") || words.contains("keuros") { return true }
        return CSVVocabulary.normalized(text).contains("milliers d euros")
    }

    mutating func read(_ rows: [CSVRow]) throws(InputError) -> CerfaTable {
        guard let titleIndex = Self.titleIndex(rows) else {
            throw InputError(
                file: file, path: "",
                reason: "no row with a « CHARGES » cell and a « PRODUITS » cell: this is not the budget table of a Cerfa 12156 or 15059")
        }
        let (header, headerCells) = try readHeader(rows[..<titleIndex])
        let title = rows[titleIndex]
        for cell in title.cells where !cell.isBlank { headings[cell.column] = cell.trimmed }
        // The unit: a heading of the table or a line of the header naming thousands.
        let thousands = rows[...titleIndex].contains { $0.cells.contains { Self.namesThousands($0.text) } }
        let scale: Int64 = thousands ? 1000 : 1

        // The sides: the label column of each, and its amount columns up to the next side.
        let sideStarts: [(CerfaSide, Int)] = title.cells.compactMap { cell in
            Self.sideTitle(cell.text).map { ($0, cell.column) }
        }
        var layouts: [(side: CerfaSide, label: Int, forecast: Int?, realised: Int?)] = []
        for (index, (side, start)) in sideStarts.enumerated() {
            let end = index + 1 < sideStarts.count ? sideStarts[index + 1].1 : (title.cells.count + 1)
            var forecast: Int?, realised: Int?
            for column in (start + 1)..<max(start + 1, end) {
                guard let cell = title.cell(column) else { continue }
                let folded = CSVVocabulary.normalized(cell.text)
                if folded.hasPrefix("realis") || folded.hasPrefix("reel") {
                    realised = realised ?? column
                } else if folded.hasPrefix("prevision") || folded.hasPrefix("montant") || folded.hasPrefix("budget")
                    || folded.hasPrefix("prevu")
                {
                    forecast = forecast ?? column
                }
            }
            guard forecast != nil || realised != nil else {
                throw fail(title.cell(start)!, "the side « \(title.cell(start)!.trimmed) » has no amount column: head it « Montant », or « Prévision » and « Réalisation »")
            }
            layouts.append((side, start, forecast, realised))
        }
        guard Set(layouts.map(\.side)).count == 2, layouts.count == 2 else {
            throw fail(title.cells[0], "the title row must have one « CHARGES » and one « PRODUITS » cell")
        }
        let hasRealised = layouts.contains { $0.realised != nil }
        let hasForecast = layouts.contains { $0.forecast != nil }
        guard layouts.allSatisfy({ ($0.realised != nil) == hasRealised && ($0.forecast != nil) == hasForecast }) else {
            throw fail(title.cells[0], "both sides must have the same amount columns (« Montant », or « Prévision » and « Réalisation »)")
        }

        var sides: [CerfaSide: [CerfaRow]] = [:]
        for layout in layouts {
            sides[layout.side] = try readSide(
                layout.side, rows[(titleIndex + 1)...], label: layout.label, forecast: layout.forecast,
                realised: layout.realised, scale: scale)
        }
        let columns = [hasForecast ? CerfaColumn.forecast : nil, hasRealised ? .realised : nil].compactMap { $0 }
        let table = CerfaTable(
            header: header, scale: scale, columns: columns, charges: sides[.charges] ?? [], products: sides[.products] ?? [],
            headerCells: headerCells)
        try checkStructure(table)
        return table
    }

    /// The header's `key;value` pairs, anywhere on the rows above the table, and the cell of each value by the path of
    /// the budget field it sets.
    func readHeader(
        _ rows: ArraySlice<CSVRow>
    ) throws(InputError) -> (header: CerfaHeader, cells: [String: CerfaCellPosition]) {
        var header = CerfaHeader()
        var cells: [String: CerfaCellPosition] = [:]
        func place(_ cell: CSVCell?, _ paths: String...) {
            guard let cell else { return }
            for path in paths { cells[path] = CerfaCellPosition(line: cell.line, column: cell.column) }
        }
        for row in rows {
            var index = 0
            while index < row.cells.count {
                let key = CSVVocabulary.normalized(row.cells[index].text)
                // The value is the next non-blank cell.
                var valueIndex = index + 1
                while valueIndex < row.cells.count, row.cells[valueIndex].isBlank { valueIndex += 1 }
                let value = valueIndex < row.cells.count ? row.cells[valueIndex] : nil
                var used = true
                switch key {
                case "nom de l association", "nom", "association", "nom de l organisme", "denomination":
                    header.name = value?.trimmed
                    place(value, "cluster.name")
                case "exercice", "exercice comptable", "annee":
                    header.exercice = value?.trimmed
                    // The year is read from « Date de fin » when the header gives one.
                    if cells["period.end"] == nil { place(value, "year") }
                case "date de debut", "debut", "date de debut de l exercice", "du":
                    if let value { header.start = try date(value) }
                    place(value, "period.start")
                case "date de fin", "fin", "date de fin de l exercice", "au":
                    if let value { header.end = try date(value) }
                    place(value, "period.end", "year")
                default:
                    used = false
                }
                index = used && value != nil ? valueIndex + 1 : index + 1
            }
        }
        if let start = header.start, let end = header.end, end <= start, let cell = cells["period.end"] {
            throw fail(at: cell, "the « date de fin » \(end) is not after the « date de début » \(start)")
        }
        return (header, cells)
    }

    /// A date written `01/04/2024` (French order) or `2024-04-01`, as `2024-04-01`.
    func date(_ cell: CSVCell) throws(InputError) -> String {
        let text = cell.trimmed
        var parts: [Int] = []
        let french = text.contains("/") || (text.contains(".") && !text.contains("-"))
        for part in text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }) {
            guard let number = Int(part) else { parts = []; break }
            parts.append(number)
        }
        guard parts.count == 3 else { throw fail(cell, "'\(text)' is not a date: write it such as 01/04/2024") }
        let (day, month, year) = french ? (parts[0], parts[1], parts[2]) : (parts[2], parts[1], parts[0])
        guard (1900...2200).contains(year), let date = CalendarDate(year: year, month: month, day: day) else {
            throw fail(cell, "'\(text)' is not a date: write it such as 01/04/2024")
        }
        return date.description
    }

    /// An amount cell, scaled to euros.
    func amount(_ cell: CSVCell, scale: Int64) throws(InputError) -> Money {
        if scale == 1 {
            do { return try values.amount(cell.text) } catch { throw fail(cell, error.reason) }
        }
        var text = cell.trimmed
        for mark in ["k€", "K€", "k €", "K €", "KEUR", "keur", "€"] where text.hasSuffix(mark) {
            text = CSVText.trimmed(String(text.dropLast(mark.count)))
        }
        let thousands: Decimal
        do { thousands = try values.decimal(text) } catch { throw fail(cell, error.reason) }
        guard let money = Money(exactly: thousands * Decimal(scale)) else {
            throw fail(cell, "'\(cell.trimmed)' thousands of euros is not a whole number of cents")
        }
        return money
    }

    /// The rows of one side, below the title row, up to the end of the file.
    func readSide(
        _ side: CerfaSide, _ rows: ArraySlice<CSVRow>, label labelColumn: Int, forecast: Int?, realised: Int?, scale: Int64
    ) throws(InputError) -> [CerfaRow] {
        // Long by design: one pass over the rows, each kind of row of the form (heading, account, « dont » sub-line,
        // total) handled where it is met, since a row's meaning depends on the heading above it.
        var result: [CerfaRow] = []
        var heading: String?
        for row in rows {
            guard let labelCell = row.cell(labelColumn) else { continue }
            let forecastCell = forecast.flatMap { row.cell($0) }.flatMap { $0.isBlank ? nil : $0 }
            let realisedCell = realised.flatMap { row.cell($0) }.flatMap { $0.isBlank ? nil : $0 }
            let label = labelCell.trimmed
            if label.isEmpty {
                if let cell = forecastCell ?? realisedCell { throw fail(cell, "an amount without a label in column \(InputError.columnLetters(labelColumn))") }
                continue
            }
            let forecastAmount = try forecastCell.map { cell throws(InputError) in try amount(cell, scale: scale) }
            let realisedAmount = try realisedCell.map { cell throws(InputError) in try amount(cell, scale: scale) }
            let position = CerfaCellPosition(line: labelCell.line, column: labelCell.column)
            var entry = CerfaRow(
                role: .line, account: nil, label: label, formLabel: nil, detail: nil, heading: heading,
                forecast: forecastAmount, realised: realisedAmount, labelCell: position,
                forecastCell: forecastCell.map { CerfaCellPosition(line: $0.line, column: $0.column) },
                realisedCell: realisedCell.map { CerfaCellPosition(line: $0.line, column: $0.column) })
            let folded = CSVVocabulary.normalized(label)
            if folded == "total" || folded.hasPrefix("total ") {
                entry.role = .total
                entry.heading = nil
                result.append(entry)
                heading = nil
                continue
            }
            let numbered = CerfaForm.account(in: label)
            var known = CerfaForm.row(labelled: numbered?.rest ?? label, on: side)
            // The account written wins over a label of another account's row (« 70 – Cotisations » is a 70).
            if let numbered, let row = known?.row, !row.account.hasPrefix(numbered.account), !numbered.account.hasPrefix(row.account) {
                known = nil
            }
            if let numbered {
                guard numbered.account.hasPrefix(side == .charges ? "6" : "7") || numbered.account.hasPrefix(side == .charges ? "86" : "87")
                else {
                    throw fail(labelCell, "account \(numbered.account) is not on the \(side == .charges ? "CHARGES (6, 86)" : "PRODUITS (7, 87)") side")
                }
                entry.account = numbered.account
            } else if let known {
                entry.account = known.row.account
            }
            entry.formLabel = known?.row.label
            entry.detail = known?.detail
            if let known, known.row.isPart { entry.role = .part }
            if let account = entry.account, CerfaForm.isHeading(account), numbered != nil || known?.row.isHeading == true {
                entry.role = .heading
                heading = account
                entry.heading = nil
            } else if let account = entry.account, let current = heading, !account.hasPrefix(current) {
                // A line of another heading than the one above it: it starts its own group.
                heading = String(account.prefix(2))
                entry.heading = heading
            }
            // A row with nothing in it is the form's empty line.
            if entry.role != .heading, entry.forecast == nil, entry.realised == nil { continue }
            result.append(entry)
        }
        return result
    }

    /// The headings and their lines agree, a « dont » line is not above its heading, and each total is the sum of the
    /// rows above it.
    func checkStructure(_ table: CerfaTable) throws(InputError) {
        for rows in [table.charges, table.products] {
            // The rows under a heading: counted through it, not on their own.
            var covered: Set<Int> = []
            for (index, row) in rows.enumerated() where row.role == .heading {
                covered.formUnion(CerfaTable.lines(of: index, in: rows).indices)
            }
            for column in table.columns {
                var sum: Int64 = 0
                /// Adds to a sum, an error at the cell when it would overflow.
                func add(_ amount: Int64, to total: inout Int64, at row: CerfaRow) throws(InputError) {
                    let (value, overflow) = total.addingReportingOverflow(amount)
                    guard !overflow else {
                        throw fail(at: row.cell(column) ?? row.labelCell, "the amounts add up to more than ClusterKit can hold exactly")
                    }
                    total = value
                }
                for (index, row) in rows.enumerated() {
                    switch row.role {
                    case .total:
                        if let stated = row.amount(column), stated.minorUnits != sum {
                            throw fail(
                                at: row.cell(column) ?? row.labelCell,
                                "« \(row.label) » is \(Self.euros(stated.minorUnits)) but the rows above it add up to \(Self.euros(sum))")
                        }
                    case .heading:
                        let lines = CerfaTable.lines(of: index, in: rows)
                        var additions: Int64 = 0, parts: Int64 = 0, hasAdditions = false
                        for line in lines {
                            guard let amount = line.amount(column)?.minorUnits else { continue }
                            if line.role == .part {
                                try add(amount, to: &parts, at: line)
                                if let stated = row.amount(column)?.minorUnits, parts > stated {
                                    throw fail(
                                        at: line.cell(column) ?? line.labelCell,
                                        "the « dont » lines add up to \(Self.euros(parts)), more than their heading « \(row.label) » (\(Self.euros(stated)))")
                                }
                            } else {
                                hasAdditions = true
                                try add(amount, to: &additions, at: line)
                            }
                        }
                        let stated = row.amount(column)?.minorUnits
                        if hasAdditions {
                            if let stated, stated != additions {
                                throw fail(
                                    at: row.cell(column) ?? row.labelCell,
                                    "« \(row.label) » is \(Self.euros(stated)) but its lines add up to \(Self.euros(additions))")
                            }
                            try add(additions, to: &sum, at: row)
                        } else {
                            try add(stated ?? parts, to: &sum, at: row)
                        }
                    case .line, .part:
                        if !covered.contains(index) { try add(row.amount(column)?.minorUnits ?? 0, to: &sum, at: row) }
                    }
                }
            }
        }
    }

    /// An amount in cents for a message: `1 227 000,50 €`-style, French.
    static func euros(_ cents: Int64) -> String { CerfaEuros.string(cents) }
}

/// Amounts in messages about a Cerfa table, as the form writes them: `1 227 000,50 €`.
enum CerfaEuros {
    /// An amount in cents, French: a narrow no-break space between thousands, a decimal comma, a no-break space
    /// before `€`.
    static func string(_ cents: Int64) -> String {
        let whole = String(cents / 100)
        var grouped = ""
        for (offset, character) in whole.reversed().enumerated() {
            if offset > 0, offset % 3 == 0 { grouped.append("\u{202F}") }
            grouped.append(character)
        }
        let fraction = cents % 100
        return String(grouped.reversed()) + (fraction == 0 ? "" : String(format: ",%02d", fraction)) + "\u{00A0}€"
    }
}
