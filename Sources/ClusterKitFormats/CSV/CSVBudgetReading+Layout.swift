import ClusterKitCore
import Foundation

extension CSVBudgetReading {
    struct Group {
        var side: Side
        var columns: [(Int, Column)] {
            didSet { kinds = columns.reduce(0) { $0 | $1.1.bit } }
        }
        /// The kinds of the columns, one bit each (``CSVVocabulary/Column/bit``): a kind the side has no column for is
        /// looked up without going through the columns.
        private(set) var kinds: UInt32

        init(side: Side, columns: [(Int, Column)]) {
            self.side = side
            self.columns = columns
            self.kinds = columns.reduce(0) { $0 | $1.1.bit }
        }

        /// The cells of this side of a row.
        func cells(_ row: CSVRow) -> RowCells { RowCells(row: row, columns: columns, kinds: kinds) }
    }

    /// One side of a row: the non-blank cells of the side's columns, by what each column holds (the first non-blank
    /// one, when two columns have a kind). A view of the row and of the layout's columns, made without copying either.
    struct RowCells {
        let row: CSVRow
        let columns: [(Int, Column)]
        /// The kinds of ``columns`` (``Group/kinds``).
        let kinds: UInt32

        /// The first non-blank cell of a kind.
        subscript(kind: Column) -> CSVCell? {
            guard kinds & kind.bit != 0 else { return nil }
            for (column, other) in columns where other == kind {
                if let cell = row.cell(column), !cell.isBlank { return cell }
            }
            return nil
        }

        /// Whether a non-blank cell's column holds a kind of which `accepts` is true.
        func hasAny(where accepts: (Column) -> Bool) -> Bool {
            for (column, kind) in columns where accepts(kind) {
                if let cell = row.cell(column), !cell.isBlank { return true }
            }
            return false
        }

        /// The first non-blank cell of each kind.
        var filled: [(kind: Column, cell: CSVCell)] {
            var filled: [(kind: Column, cell: CSVCell)] = []
            for (column, kind) in columns where !filled.contains(where: { $0.kind == kind }) {
                if let cell = row.cell(column), !cell.isBlank { filled.append((kind, cell)) }
            }
            return filled
        }
    }

    struct Layout {
        var groups: [Group]
        var firstDataRow: Int
        /// The side of each column the table's headings span, by column (1-based; nil beyond them).
        var sides: [Side?]
        func side(of column: Int) -> Side? { column >= 0 && column < sides.count ? sides[column] : nil }
    }

    /// Reads the headings: one row where each side's title heads its label column (`Dépenses;Montant;…;Ressources;…`),
    /// or two rows as the memento prints them — the sides' titles, then `Nature;Montant €;%` under each.
    mutating func readLayout(_ rows: [CSVRow], titleIndex: Int) throws(InputError) -> Layout {
        let titles = rows[titleIndex]
        var starts: [(column: Int, side: Side)] = []
        for cell in titles.cells {
            guard let side = CSVVocabulary.side(folded: cell.folded) else { continue }
            if starts.contains(where: { $0.side == side }) {
                throw fail(cell, .budget, "a second « \(cell.trimmed) » heading: the table has one column group per side")
            }
            starts.append((cell.column, side))
        }
        for side in [Side.expenses, .resources] where !starts.contains(where: { $0.side == side }) {
            let name = side == .expenses ? "« Dépenses » (Expenses)" : "« Ressources » (Resources)"
            throw fail(nil, .side(side), "the table has no \(name) heading on line \(titles.line): both sides of the plan of financing are needed")
        }
        // Two header rows when the row under the titles names an amount column for a side.
        var headingRow = titles
        var firstDataRow = titleIndex + 1
        if titleIndex + 1 < rows.count {
            let next = rows[titleIndex + 1]
            let namesAmount = starts.contains { start in
                next.cells.contains { $0.column >= start.column && Column.named(folded: $0.folded, on: start.side) == .amount }
            }
            if namesAmount {
                headingRow = next
                firstDataRow = titleIndex + 2
            }
        }
        let lastColumn = max(headingRow.cells.count, titles.cells.count)
        var groups: [Group] = []
        var width: [Int: Side] = [:]
        for (offset, start) in starts.enumerated() {
            let end = offset + 1 < starts.count ? starts[offset + 1].column - 1 : lastColumn
            var columns: [(Int, Column)] = [(start.column, .label)]
            headings[start.column] = titles.cell(start.column)?.trimmed
            width[start.column] = start.side
            for column in stride(from: start.column + 1, through: end, by: 1) {
                guard let heading = headingRow.cell(column), !heading.isBlank else { continue }
                guard let kind = Column.named(folded: heading.folded, on: start.side) else {
                    let known = Column.allowed(on: start.side).flatMap(\.headings)
                    let nearest = Suggestions.nearest(to: CSVVocabulary.normalized(heading.text), among: known)
                    let hint = Suggestions.hint(nearest, quote: { "« \($0) »" })
                    throw fail(heading, .budget, "unknown heading « \(heading.trimmed) » on the \(start.side.rawValue) side\(hint)")
                }
                if let other = columns.first(where: { $0.1 == kind }), kind != .share, kind != .comment {
                    throw fail(heading, .budget, "the \(start.side.rawValue) side already has this column in \(InputError.columnLetters(other.0))")
                }
                columns.append((column, kind))
                headings[column] = heading.trimmed
                width[column] = start.side
            }
            guard columns.contains(where: { $0.1 == .amount }) else {
                throw fail(headingRow.cell(start.column) ?? titles.cell(start.column), .side(start.side),
                           "the \(start.side.rawValue) side has no amount column (« Montant » or « Amount »)")
            }
            groups.append(Group(side: start.side, columns: columns))
        }
        var sides: [Side?] = Array(repeating: nil, count: (width.keys.max() ?? 0) + 1)
        for (column, side) in width where column >= 0 { sides[column] = side }
        return Layout(groups: groups, firstDataRow: firstDataRow, sides: sides)
    }
}
