import ClusterKitCore

/// The cell each field of a budget read from a table came from, by the field's path: the CSV and Cerfa readers fill
/// it as they read, so that an error the budget's validation finds afterwards names the cell to correct.
///
/// Written far more than read — a field of every line, and read only when an error needs its cell — the map keeps
/// what it is told in the order told, a line's fields without their paths made (``place(_:_:_:_:)``), and makes the
/// map by path when it is read: a table of a thousand lines costs an append per field, not a path and a hashed insert.
package struct FieldCells: Hashable, Sendable {
    /// One thing told: the cell of a path (none: the path has no cell), or of a field of a line.
    private enum Entry: Sendable {
        case path(FieldPath, CellPosition?)
        /// `field` is relative to the line (``FieldPath/budget`` for the line itself).
        case line(CSVVocabulary.Side, Int, field: FieldPath, CellPosition?)

        var resolved: (path: FieldPath, cell: CellPosition?) {
            switch self {
            case .path(let path, let cell): (path, cell)
            case .line(let side, let index, let field, let cell): (FieldPath.line(side, index).appending(field), cell)
            }
        }
    }

    private var entries: [Entry] = []

    /// An empty map.
    package init() {}

    /// The map by path: the entries in order, a later one winning.
    private var map: [FieldPath: CellPosition] {
        var map: [FieldPath: CellPosition] = [:]
        for entry in entries {
            let (path, cell) = entry.resolved
            map[path] = cell
        }
        return map
    }

    /// The cell a field was read from.
    subscript(path: FieldPath) -> CellPosition? {
        get {
            for entry in entries.reversed() {
                let (other, cell) = entry.resolved
                if other == path { return cell }
            }
            return nil
        }
        set { entries.append(.path(path, newValue)) }
    }

    /// Records the cell of a field of a line (`field` relative to it, ``FieldPath/budget`` for the line itself): what
    /// `self[.line(side, index).appending(field)] = cell` records, without making the path.
    mutating func place(_ side: CSVVocabulary.Side, _ index: Int, _ field: FieldPath, _ cell: CellPosition?) {
        entries.append(.line(side, index, field: field, cell))
    }

    /// Adds the cells another map holds (theirs win).
    mutating func merge(_ other: FieldCells) { entries += other.entries }

    /// The cell of a field, or of the nearest field holding it that was read from one (`resources[2].id` → the
    /// line's cell, `resources[2]`).
    func cell(of path: FieldPath) -> CellPosition? { Self.cell(of: path, in: map) }

    private static func cell(of path: FieldPath, in map: [FieldPath: CellPosition]) -> CellPosition? {
        var path = path
        while true {
            if let cell = map[path] { return cell }
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

    package static func == (one: FieldCells, other: FieldCells) -> Bool { one.map == other.map }

    package func hash(into hasher: inout Hasher) { hasher.combine(map) }
}
