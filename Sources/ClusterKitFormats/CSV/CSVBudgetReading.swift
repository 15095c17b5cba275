import ClusterKitCore
import Foundation

/// The state of reading one file: where each field of the budget came from, for error messages.
struct CSVBudgetReading {
    typealias Side = CSVVocabulary.Side
    typealias Column = CSVVocabulary.Column

    let file: String?
    let dialect: CSVDialect
    let catalog: Catalog
    var values: CSVValues
    /// The cell each field of the budget was read from.
    var cells = FieldCells()
    /// The table's column headings, by column, for messages.
    var headings: [Int: String] = [:]
    /// The catalogue's sources by their normalized names, made at the first line that needs them.
    var sourceNames: [String: RevenueSourceID]?
    /// The sources found so far, by the text of the cell naming each (``CSVVocabulary/source(_:catalog:names:)``
    /// depends on nothing else while a file is read).
    var foundSources: [String: RevenueSourceID] = [:]
    /// What was inferred, in the order read (``InferredValue``).
    var inferred: [InferredValue] = []
    /// Whether the table's headings are English: the language of its messages' way out.
    var english = false
    /// In the side-by-side layout, the sides that have a Source (resources) or Type (expenses) column: a side without
    /// one has its lines placed by their labels' words.
    var explicitColumns: Set<Side> = []
    /// In sections, the heading of the table's Source (or Type) column, when it has one: a blank cell of it is placed
    /// by the label, and a label nothing places is asked for in that column.
    var sourceHeading: String?
    /// The cell of each line (``FieldCells`` holds it too, by path), by side and index: where a line is in the sheet,
    /// for the order in which lines get their ids.
    var resourceCells: [CellPosition?] = []
    var expenseCells: [CellPosition?] = []
    /// The folded label of each line read from a label cell (its ``CSVCell/folded``), by side and index: what its id is
    /// made from, folded once.
    var resourceFolds: [String?] = []
    var expenseFolds: [String?] = []
    /// What was inferred of each line, by side and index, before the lines have their ids.
    var pending: [(side: Side, index: Int, value: InferredValue)] = []

    init(file: String?, dialect: CSVDialect, catalog: Catalog) {
        self.file = file
        self.dialect = dialect
        self.catalog = catalog
        self.values = CSVValues(dialect: dialect, currency: .euro)
    }

    /// In a file whose cells are separated by commas, the likely cause of a value beyond the table's columns: a label
    /// holding a comma (« Actions collectives (export, innovation) »), split in two unless it is quoted.
    func commaHint(_ row: CSVRow) -> String {
        guard dialect.separator == ",", let first = row.cells.first(where: { !$0.isBlank }),
            let next = row.cells.first(where: { $0.column > first.column && !$0.isBlank }),
            next.text.first == " " || !next.trimmed.contains(where: \.isNumber)
        else { return "" }
        return "; if the label holds a comma, put it between double quotes: the cells of this file are separated by commas, so « \(first.trimmed),\(next.text) » was split at it"
    }

    /// An error at a cell, naming its column by letter and heading.
    func fail(_ cell: CSVCell?, _ path: FieldPath, _ reason: String) -> InputError {
        guard let cell else { return InputError(file: file, path: path.description, reason: reason) }
        return .at(cell.position, heading: headings[cell.column], file: file, path: path.description, reason: reason)
    }

    /// An error of the budget's validation, placed at the cell its field came from.
    func located(_ error: InputError) -> InputError { cells.located(error, file: file, headings: headings) }

    // Callers compute the path (`at(…)`, which records the cell's position) before the call, not in its argument
    // list: a mutation of `cells` while `self` is read for the call copies the dictionary, once per line.
    func value<T>(_ cell: CSVCell, _ path: @autoclosure () -> FieldPath, _ read: (String) throws(CSVValueError) -> T) throws(InputError) -> T {
        do { return try read(cell.trimmed) } catch { throw fail(cell, path(), error.reason) }
    }

    /// Records the cell of a line (``resourceCells``, ``expenseCells``) and its label's cell, whose text is the line's
    /// label (``resourceFolds``, ``expenseFolds``).
    mutating func setLineCell(_ side: Side, _ index: Int, _ cell: CellPosition?, label: CSVCell?) {
        if side == .resources {
            Self.set(&resourceCells, index, cell)
            Self.set(&resourceFolds, index, label?.folded)
        } else {
            Self.set(&expenseCells, index, cell)
            Self.set(&expenseFolds, index, label?.folded)
        }
    }

    private static func set<T>(_ values: inout [T?], _ index: Int, _ value: T?) {
        while values.count <= index { values.append(nil) }
        values[index] = value
    }

    /// The folded label of a line, if it was recorded.
    func lineFold(_ side: Side, _ index: Int) -> String? {
        let folds = side == .resources ? resourceFolds : expenseFolds
        guard index < folds.count else { return nil }
        return folds[index]
    }

    // MARK: The whole file

    /// The index of the row of the sides' headings (`Dépenses`, `Ressources`), if any.
    static func titleIndex(_ rows: [CSVRow]) -> Int? {
        rows.firstIndex(where: { row in row.cells.contains { CSVVocabulary.side(folded: $0.folded) != nil } })
    }

    /// Whether a row holds both sides' titles: the side-by-side layout's heading row.
    static func holdsBothSides(_ row: CSVRow) -> Bool {
        let sides = Set(row.cells.compactMap { CSVVocabulary.side(folded: $0.folded) })
        return sides.count == 2
    }

    mutating func read(_ rows: [CSVRow]) throws(InputError) -> Budget {
        if !rows.contains(where: Self.holdsBothSides), let start = Self.sectionsIndex(rows) {
            return try readSections(rows, from: start)
        }
        guard let titleIndex = Self.titleIndex(rows) else {
            throw InputError(
                file: file, path: "",
                reason: "no plan of financing: a row with the headings « Dépenses » and « Ressources » (or Expenses and Resources) is missing")
        }
        let (head, layout) = try readHead(rows, titleIndex: titleIndex)
        var profile = head
        var resources: [(line: ResourceLine, explicitID: Bool)] = []
        var expenses: [(line: ExpenseLine, explicitID: Bool)] = []
        var totals: [Side: Money] = [.resources: .zero(profile.currency), .expenses: .zero(profile.currency)]
        for row in rows[layout.firstDataRow...] where !row.isBlank {
            if let stray = row.cells.first(where: { !$0.isBlank && layout.side(of: $0.column) == nil }) {
                throw fail(stray, .budget, "a value outside the table's columns: give the column a heading, or clear the cell\(commaHint(row))")
            }
            for group in layout.groups {
                let cells = group.cells(row)
                switch try classify(cells, side: group.side) {
                case .skip: continue
                case .total(let cell):
                    let stated = try value(cell, .side(group.side), values.amount)
                    let sum = totals[group.side]!
                    guard stated == sum else {
                        let format = ValueFormatter(language: .english)
                        throw fail(
                            cell, .side(group.side),
                            "the Total row says \(format.string(stated)), but the \(group.side.rawValue) above add up to \(format.string(sum)): correct a line or the total")
                    }
                case .line:
                    if group.side == .resources {
                        let line = try readResource(cells, index: resources.count)
                        totals[.resources] = try add(line.amount, to: totals[.resources]!, cells[.amount])
                        resources.append((line, cells[.id] != nil))
                    } else {
                        let line = try readExpense(cells, index: expenses.count)
                        totals[.expenses] = try add(line.amount, to: totals[.expenses]!, cells[.amount])
                        expenses.append((line, cells[.id] != nil))
                    }
                }
            }
        }
        let idNotes = assignIDs(&resources, &expenses)
        for item in pending {
            var value = item.value
            value.line = item.side == .resources ? resources[item.index].line.id : expenses[item.index].line.id
            inferred.append(value)
        }
        inferred += idNotes
        guard let name = profile.name else {
            throw InputError(file: file, path: "cluster.name", reason: "the cluster's name is missing: add a row « Cluster;<name> » above the table")
        }
        guard let year = profile.year else {
            throw InputError(file: file, path: "year", reason: "the budget's year is missing: add a row « Année;<year> » above the table")
        }
        profile.cluster.name = name
        return Budget(
            cluster: profile.cluster, year: year, currency: profile.currency, resources: resources.map(\.line),
            expenses: expenses.map(\.line))
    }

    /// The side-by-side layout's head: the cluster's description and the titles above the table (`rows` up to
    /// `titleIndex`), then the table's headings (the row at `titleIndex` and the one under it, if it holds headings).
    /// What every side-by-side table reads before its lines, by ``read(_:)`` and by ``CSVFastTable``.
    mutating func readHead(_ rows: [CSVRow], titleIndex: Int) throws(InputError) -> (Profile, Layout) {
        var profile = Profile()
        var titles: [CSVCell] = []
        for row in rows[..<titleIndex] where !row.isBlank {
            if let title = Self.title(row) { titles.append(title) } else { try readDescription(row, into: &profile) }
        }
        applyTitles(titles, to: &profile)
        values = CSVValues(dialect: dialect, currency: profile.currency)

        let layout = try readLayout(rows, titleIndex: titleIndex)
        english = SpreadsheetBudgetReader.isEnglishTitle(rows[titleIndex])
        for group in layout.groups where group.columns.contains(where: { $0.1 == (group.side == .resources ? .source : .nature) }) {
            explicitColumns.insert(group.side)
        }
        return (profile, layout)
    }

    /// The cell a line was read from, if it was recorded.
    func lineCell(_ side: Side, _ index: Int) -> CellPosition? {
        let cells = side == .resources ? resourceCells : expenseCells
        guard index < cells.count else { return nil }
        return cells[index]
    }

    func add(_ amount: Money, to total: Money, _ cell: CSVCell?) throws(InputError) -> Money {
        do { return try total.adding(amount) } catch {
            throw fail(cell, .budget, "the amounts add up to more than ClusterKit can hold exactly")
        }
    }

    /// Gives every line without an id one made from its label (`region-rhone-alpes`, ``CSVVocabulary/slug(_:)``),
    /// unique in the budget; a line without a label gets its JSON default (`resources[2]`). A suffixed id
    /// (`salon-2`: two labels give `salon`; the first in the sheet, by row then column, keeps `salon`) is returned as
    /// inferred, naming the line it collided with.
    mutating func assignIDs(
        _ resources: inout [(line: ResourceLine, explicitID: Bool)], _ expenses: inout [(line: ExpenseLine, explicitID: Bool)]
    ) -> [InferredValue] {
        var ids = LineIDs(
            taken: Set(resources.filter(\.explicitID).map(\.line.id) + expenses.filter(\.explicitID).map(\.line.id)),
            capacity: resources.count + expenses.count)
        var notes: [InferredValue] = []
        func claim(_ label: String?, _ side: Side, _ index: Int) -> String {
            let slug = CSVVocabulary.slug(folded: lineFold(side, index) ?? CSVVocabulary.normalized(label ?? ""))
            let owner: LineIDs.Owner = lineCell(side, index).map { .cell($0) } ?? .line(side, index)
            let (id, collided) = ids.claimNoting(slug.isEmpty ? "\(side.rawValue)[\(index)]" : slug, owner: owner)
            if let collided {
                notes.append(InferredValue(
                    line: id, field: "id", value: id,
                    from: "\(owner.description) « \(label ?? "") »; \(slug) was taken by \(collided)"))
            }
            return id
        }
        // In the order the sheet shows the lines (row, then column: side by side, the expenses' column first), so
        // that the first of two same labels keeps the plain id.
        var order: [(side: Side, index: Int, cell: CellPosition?)] = []
        for index in expenses.indices where !expenses[index].explicitID {
            order.append((.expenses, index, lineCell(.expenses, index)))
        }
        for index in resources.indices where !resources[index].explicitID {
            order.append((.resources, index, lineCell(.resources, index)))
        }
        let sorted = order.enumerated().sorted { first, second in
            switch (first.element.cell, second.element.cell) {
            case let (one?, other?) where one != other: (one.line, one.column) < (other.line, other.column)
            default: first.offset < second.offset
            }
        }.map(\.element)
        for item in sorted {
            if item.side == .expenses {
                expenses[item.index].line.id = claim(expenses[item.index].line.label, .expenses, item.index)
            } else {
                resources[item.index].line.id = claim(resources[item.index].line.label, .resources, item.index)
            }
        }
        return notes
    }
}
