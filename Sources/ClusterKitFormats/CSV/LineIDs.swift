import ClusterKitCore
/// The ids a table reader gives the lines it reads: each made unique in the budget by a numbered suffix
/// (`region`, `region-2`, …) only when two lines' labels give the same id, so that two rows with the same label make
/// two lines; the reader says which line the suffixed one collided with.
struct LineIDs {
    /// Who has an id, for the message of a collision: written out only when one happens.
    enum Owner {
        /// A description as it is written.
        case text(String)
        /// A cell: `cell B12`.
        case cell(CellPosition)
        /// A line without a cell: `resources[2]`.
        case line(CSVVocabulary.Side, Int)

        var description: String {
            switch self {
            case .text(let text): text
            case .cell(let cell): "cell \(InputError.columnLetters(cell.column))\(cell.line)"
            case .line(let side, let index): "\(side.rawValue)[\(index)]"
            }
        }
    }

    /// The ids already given or written in the file, with the line that has each.
    private var owners: [String: Owner]

    /// Starts with the ids the file writes itself, with room for `capacity` ids in all (the budget's lines): a table of
    /// a thousand lines is not rehashed as its ids are claimed.
    init(taken: Set<String> = [], capacity: Int = 0) {
        owners = [:]
        owners.reserveCapacity(max(capacity, taken.count))
        for id in taken { owners[id] = .text("an « Id » cell") }
    }

    /// `base` if no line has it yet, else `base-2`, `base-3`, … — the first free one, now taken by `owner`.
    mutating func claim(_ base: String, owner: String = "") -> String { claimNoting(base, owner: .text(owner)).id }

    /// ``claim(_:owner:)``, with the owner of `base` when `base` was taken (the id then has a suffix).
    mutating func claimNoting(_ base: String, owner: Owner) -> (id: String, collidedWith: String?) {
        // One lookup when the id is free, as it is for most lines; when it is not, its owner is put back.
        guard let previous = owners.updateValue(owner, forKey: base) else { return (base, nil) }
        owners[base] = previous
        var candidate = base, suffix = 2
        while owners[candidate] != nil {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        owners[candidate] = owner
        return (candidate, owners[base]?.description)
    }
}
