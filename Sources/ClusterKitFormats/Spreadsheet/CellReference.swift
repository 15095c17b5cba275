import ClusterKitCore

/// A cell's reference: `F12` → row 12, column 6.
struct CellReference: Equatable {
    var row: Int
    var column: Int

    init?(_ text: String) {
        var column = 0, row = 0, letters = 0, digits = 0
        for scalar in text.unicodeScalars where scalar != "$" {
            switch scalar {
            case "A"..."Z", "a"..."z":
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int(scalar.properties.uppercaseMapping.unicodeScalars.first!.value) - 64
                letters += 1
            case "0"..."9":
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(scalar.value) - 48
                digits += 1
            default: return nil
            }
        }
        guard letters > 0, digits > 0, row >= 1, column <= SheetGrid.maximumColumn, row <= SheetGrid.maximumRow else { return nil }
        self.row = row
        self.column = column
    }

    /// A range `A1:C3` (or one cell) as rows and columns.
    static func range(_ text: String) -> (rows: ClosedRange<Int>, columns: ClosedRange<Int>)? {
        let ends = text.split(separator: ":")
        guard (1...2).contains(ends.count), let first = CellReference(String(ends[0])),
            let last = CellReference(String(ends[ends.count - 1]))
        else { return nil }
        return (min(first.row, last.row)...max(first.row, last.row), min(first.column, last.column)...max(first.column, last.column))
    }

    /// `F12`.
    var name: String { InputError.columnLetters(column) + String(row) }
}
