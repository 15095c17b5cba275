import ClusterKitCore

/// The cell each field of a budget read from a table came from, by the field's path: the CSV and Cerfa readers fill
/// it as they read, so that an error the budget's validation finds afterwards names the cell to correct.
package struct FieldCells: Hashable, Sendable {
    private var cells: [FieldPath: CellPosition] = [:]

    /// An empty map.
    package init() {}

    /// The cell a field was read from.
    subscript(path: FieldPath) -> CellPosition? {
        get { cells[path] }
        set { cells[path] = newValue }
    }

    /// Adds the cells another map holds (theirs win).
    mutating func merge(_ other: FieldCells) { cells.merge(other.cells) { _, theirs in theirs } }

    /// The cell of a field, or of the nearest field holding it that was read from one (`resources[2].id` → the
    /// line's cell, `resources[2]`).
    func cell(of path: FieldPath) -> CellPosition? {
        var path = path
        while true {
            if let cell = cells[path] { return cell }
            guard let parent = path.parent else { return nil }
            path = parent
        }
    }

    /// An error of the budget's validation, placed at the cell its field came from, the column named by its heading
    /// when `headings` has one; the error as it is when it names a cell already or no field of its path was read.
    func located(_ error: InputError, file: String?, headings: [Int: String] = [:]) -> InputError {
        guard error.line == nil, let path = FieldPath(error.path), let cell = cell(of: path) else { return error }
        return .at(cell, heading: headings[cell.column], file: file, path: error.path, reason: error.reason)
    }
}
