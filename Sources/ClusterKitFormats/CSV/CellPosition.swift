import ClusterKitCore

/// Where a cell is in a table: its line (a CSV file's line, a sheet's row) and column, 1-based, as ``InputError``
/// names them.
package struct CellPosition: Hashable, Sendable {
    /// The line.
    package var line: Int
    /// The column (A = 1).
    package var column: Int

    /// Creates a position.
    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

extension InputError {
    /// An error at a cell of a table: the reason, then the cell's column by letter and, when known, by heading
    /// (`… (column C « Montant € »)`), and the cell's line and column — the one wording every table reader uses.
    static func at(_ cell: CellPosition, heading: String? = nil, file: String?, path: String, reason: String) -> InputError {
        let heading = heading.map { " « \($0) »" } ?? ""
        return InputError(
            file: file, path: path, reason: "\(reason) (column \(columnLetters(cell.column))\(heading))", line: cell.line,
            column: cell.column)
    }
}
