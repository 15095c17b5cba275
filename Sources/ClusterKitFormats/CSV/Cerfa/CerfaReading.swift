import ClusterKitCore
import Foundation

/// The state of reading one table.
struct CerfaReading {
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

    /// An error at a cell, naming its column by letter and by its heading on the title row.
    func fail(_ cell: CellPosition, _ reason: String) -> InputError {
        .at(cell, heading: headings[cell.column], file: file, path: "", reason: reason)
    }

    /// The row of the sides' titles: a cell « CHARGES » (or « Charges », « DÉPENSES ») and a cell « PRODUITS ».
    static func titleIndex(_ rows: [CSVRow]) -> Int? {
        rows.firstIndex { row in
            var charges = false, products = false
            // A cell starting with a digit (an amount) is no title: it is passed by unfolded.
            for cell in row.cells where !cell.startsWithDigit {
                switch sideTitle(folded: cell.folded) {
                case .charges: charges = true
                case .products: products = true
                case nil: continue
                }
            }
            return charges && products
        }
    }

    /// The words that open each side's title.
    private static let sideWords: [(String, CerfaSide)] = [("charges", .charges), ("produits", .products)]

    /// The side a title cell names: « CHARGES », « Charges (en K€) », « PRODUITS », « Produits en euros ».
    static func sideTitle(_ text: String) -> CerfaSide? { sideTitle(folded: CSVVocabulary.normalized(text)) }

    /// ``sideTitle(_:)`` of text already folded.
    static func sideTitle(folded: String) -> CerfaSide? {
        // A title starts with « c » or « p »: other cells are not looked at further.
        guard let first = folded.utf8.first, first == UInt8(ascii: "c") || first == UInt8(ascii: "p") else { return nil }
        for (word, side) in Self.sideWords where folded.hasPrefix(word) {
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
            Self.sideTitle(folded: cell.folded).map { ($0, cell.column) }
        }
        var layouts: [(side: CerfaSide, label: Int, forecast: Int?, realised: Int?)] = []
        for (index, (side, start)) in sideStarts.enumerated() {
            let end = index + 1 < sideStarts.count ? sideStarts[index + 1].1 : (title.cells.count + 1)
            var forecast: Int?, realised: Int?
            for column in (start + 1)..<max(start + 1, end) {
                guard let cell = title.cell(column) else { continue }
                let folded = cell.folded
                if folded.hasPrefix("realis") || folded.hasPrefix("reel") {
                    realised = realised ?? column
                } else if folded.hasPrefix("prevision") || folded.hasPrefix("montant") || folded.hasPrefix("budget")
                    || folded.hasPrefix("prevu")
                {
                    forecast = forecast ?? column
                }
            }
            guard forecast != nil || realised != nil else {
                throw fail(title.cell(start)!.position, "the side « \(title.cell(start)!.trimmed) » has no amount column: head it « Montant », or « Prévision » and « Réalisation »")
            }
            layouts.append((side, start, forecast, realised))
        }
        guard Set(layouts.map(\.side)).count == 2, layouts.count == 2 else {
            throw fail(title.cells[0].position, "the title row must have one « CHARGES » and one « PRODUITS » cell")
        }
        let hasRealised = layouts.contains { $0.realised != nil }
        let hasForecast = layouts.contains { $0.forecast != nil }
        guard layouts.allSatisfy({ ($0.realised != nil) == hasRealised && ($0.forecast != nil) == hasForecast }) else {
            throw fail(title.cells[0].position, "both sides must have the same amount columns (« Montant », or « Prévision » and « Réalisation »)")
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
    /// the budget field it sets. Besides the form's own lines (« Nom de l'association », « Exercice », « Date de
    /// début », « Date de fin »), the rows of a plan of financing's description (`Type`, `Création`, `Adhérents`, …,
    /// `Documentation/CSVFormat.md`) are read as ``CSVBudgetReader`` reads them; a key with a value that is neither is
    /// an error naming its cell, never dropped. A row of one filled cell is a title, ignored.
    func readHeader(
        _ rows: ArraySlice<CSVRow>
    ) throws(InputError) -> (header: CerfaHeader, cells: FieldCells) {
        var header = CerfaHeader()
        var cells = FieldCells()
        func place(_ cell: CSVCell?, _ paths: FieldPath...) {
            guard let cell else { return }
            for path in paths { cells[path] = cell.position }
        }
        // The rows of a plan of financing's description, read by the CSV reader's rules.
        var description = CSVBudgetReading(file: file, dialect: dialect, catalog: .builtIn)
        var profile = CSVBudgetReading.Profile()
        for row in rows {
            var index = 0
            while index < row.cells.count {
                let key = row.cells[index].folded
                // The value is the next non-blank cell.
                var valueIndex = index + 1
                while valueIndex < row.cells.count, row.cells[valueIndex].isBlank { valueIndex += 1 }
                let value = valueIndex < row.cells.count ? row.cells[valueIndex] : nil
                var used = true
                switch key {
                case "nom de l association", "nom", "association", "nom de l organisme", "denomination":
                    header.name = value?.trimmed
                    place(value, FieldPath.cluster.field("name"))
                case "exercice", "exercice comptable", "annee":
                    header.exercice = value?.trimmed
                    // The year is read from « Date de fin » when the header gives one.
                    if cells[Self.periodEnd] == nil { place(value, .year) }
                case "date de debut", "debut", "date de debut de l exercice", "du":
                    if let value { header.start = try date(value) }
                    place(value, FieldPath.period.field("start"))
                case "date de fin", "fin", "date de fin de l exercice", "au":
                    if let value { header.end = try date(value) }
                    place(value, Self.periodEnd, .year)
                default:
                    let keyCell = row.cells[index]
                    let field = CSVVocabulary.Key.named(folded: keyCell.folded)
                    guard let value else {
                        // A blank cell, or a title (one filled cell); a key of the description without its value is an error.
                        if let field, field != .name, field != .year {
                            throw fail(keyCell.position, "« \(keyCell.trimmed) » has no value in the cell after it")
                        }
                        used = false
                        break
                    }
                    guard let field else {
                        let nearest = Suggestions.nearest(to: key, among: Self.headerKeys + CSVVocabulary.Key.allKeys)
                        throw fail(
                            keyCell.position,
                            "unknown key « \(keyCell.trimmed) » above the table\(Suggestions.hint(nearest, quote: { "« \($0) »" })): write the form's header (« Nom de l'association », « Exercice », « Date de début », « Date de fin ») or a key of the cluster's description (« Type », « Création », « Adhérents »…)")
                    }
                    switch field {
                    case .name:
                        header.name = value.trimmed
                        place(value, FieldPath.cluster.field("name"))
                    case .year:
                        header.exercice = value.trimmed
                        if cells[Self.periodEnd] == nil { place(value, .year) }
                    default:
                        // A satellite or a service takes the rest of the row; any other key, its value.
                        let many = field == .satellite || field == .service
                        let takes = many ? Array(row.cells[valueIndex...]) : [value]
                        try description.readDescription(CSVRow(line: row.line, cells: [keyCell] + takes), into: &profile)
                        if field == .currency, profile.currency != .euro {
                            throw fail(value.position, "a Cerfa table is in euros: remove the « \(keyCell.trimmed) » row")
                        }
                        if many { valueIndex = row.cells.count - 1 }
                    }
                }
                index = used && value != nil ? valueIndex + 1 : index + 1
            }
        }
        if let start = header.start, let end = header.end, end <= start, let cell = cells[Self.periodEnd] {
            throw fail(cell, "the « date de fin » \(end) is not after the « date de début » \(start)")
        }
        header.cluster = profile.cluster
        cells.merge(description.cells)
        return (header, cells)
    }

    /// The keys of the form's own header, for suggestions.
    static let headerKeys = ["nom de l association", "exercice", "date de debut", "date de fin"]

    /// `period.end`, which « Date de fin » sets.
    static let periodEnd = FieldPath.period.field("end")

    /// A date written `01/04/2024` (French order) or `2024-04-01`, as `2024-04-01`.
    func date(_ cell: CSVCell) throws(InputError) -> String {
        let text = cell.trimmed
        var parts: [Int] = []
        let french = text.contains("/") || (text.contains(".") && !text.contains("-"))
        for part in text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }) {
            guard let number = Int(part) else { parts = []; break }
            parts.append(number)
        }
        guard parts.count == 3 else { throw fail(cell.position, "'\(text)' is not a date: write it such as 01/04/2024") }
        let (day, month, year) = french ? (parts[0], parts[1], parts[2]) : (parts[2], parts[1], parts[0])
        guard (1900...2200).contains(year), let date = CalendarDate(year: year, month: month, day: day) else {
            throw fail(cell.position, "'\(text)' is not a date: write it such as 01/04/2024")
        }
        return date.description
    }

    /// An amount cell, scaled to euros.
    func amount(_ cell: CSVCell, scale: Int64) throws(InputError) -> Money {
        if scale == 1 {
            do { return try values.amount(cell.text) } catch { throw fail(cell.position, error.reason) }
        }
        var text = cell.trimmed
        for mark in ["k€", "K€", "k €", "K €", "KEUR", "keur", "€"] where text.hasSuffix(mark) {
            text = CSVText.trimmed(String(text.dropLast(mark.count)))
        }
        let thousands: Decimal
        do { thousands = try values.decimal(text) } catch { throw fail(cell.position, error.reason) }
        guard let money = Money(exactly: thousands * Decimal(scale)) else {
            throw fail(cell.position, "'\(cell.trimmed)' thousands of euros is not a whole number of cents")
        }
        return money
    }
}
