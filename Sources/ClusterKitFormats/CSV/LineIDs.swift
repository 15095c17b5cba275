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

/// ``LineIDs`` for ids that are ASCII (every slug of a Latin label, as a rule): the same ids and the same owners
/// named, found by a hash of their bytes in a table made to size, rather than hashed as `String`s — ASCII text is
/// equal as a `String` when its bytes are. Made only when every id claimed is ASCII; `nil` when an id written in
/// the file is not.
struct ASCIILineIDs {
    private var ids: [String] = []
    private var hashes: [UInt64] = []
    private var owners: [LineIDs.Owner] = []
    /// Open addressing: the index of an id in `ids`, or −1.
    private var slots: [Int32]
    private var mask: Int

    init?(taken: Set<String>, capacity: Int) {
        guard taken.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else { return nil }
        var size = 16
        while size < 2 * (capacity + taken.count) { size *= 2 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        ids.reserveCapacity(capacity + taken.count)
        hashes.reserveCapacity(capacity + taken.count)
        owners.reserveCapacity(capacity + taken.count)
        for id in taken { insert(id, Self.hash(id), owner: .text("an « Id » cell"), at: find(id, Self.hash(id)).slot) }
    }

    /// FNV-1a of the id's bytes.
    private static func hash(_ id: String) -> UInt64 {
        var id = id
        return id.withUTF8 { bytes in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return hash
        }
    }

    /// The slot where an id is, or where it would go, and its index if it is there.
    private func find(_ id: String, _ hash: UInt64) -> (slot: Int, index: Int?) {
        var slot = Self.home(hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return (slot, nil) }
            if hashes[index] == hash, ids[index] == id { return (slot, index) }
            slot = (slot + 1) & mask
        }
    }

    private mutating func insert(_ id: String, _ hash: UInt64, owner: LineIDs.Owner, at slot: Int) {
        slots[slot] = Int32(ids.count)
        ids.append(id)
        hashes.append(hash)
        owners.append(owner)
        // At most half full: more ids than the capacity asked for double the table.
        if 2 * ids.count > slots.count {
            slots = Array(repeating: -1, count: 2 * slots.count)
            mask = slots.count - 1
            for index in ids.indices {
                var free = Self.home(hashes[index]) & mask
                while slots[free] >= 0 { free = (free + 1) & mask }
                slots[free] = Int32(index)
            }
        }
    }

    /// Where an id's probe starts (before the mask).
    private static func home(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash ^ (hash >> 29)) }

    /// ``LineIDs/claimNoting(_:owner:)`` of an ASCII id (the caller knows it is).
    mutating func claimNoting(_ base: String, owner: LineIDs.Owner) -> (id: String, collidedWith: String?) {
        let hash = Self.hash(base)
        let (slot, index) = find(base, hash)
        guard let index else {
            insert(base, hash, owner: owner, at: slot)
            return (base, nil)
        }
        var suffix = 2
        while true {
            let candidate = "\(base)-\(suffix)", candidateHash = Self.hash(candidate)
            let (free, taken) = find(candidate, candidateHash)
            if taken == nil {
                insert(candidate, candidateHash, owner: owner, at: free)
                return (candidate, owners[index].description)
            }
            suffix += 1
        }
    }
}
