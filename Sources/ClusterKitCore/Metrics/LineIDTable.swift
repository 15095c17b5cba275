/// The ids of a budget's lines, to find a duplicate id or the line an id names: an open-addressing hash table whose
/// slots are single 32-bit words — 14 bits of the id's hash, and the line's position in 18 bits (a budget has at most
/// 100,000 lines, ``BudgetDecoder/maximumLineCount``) — in one array.
///
/// Lines are named by their position in the order the metrics read them: the expenses, then the resources.
///
/// A dictionary of strings keeps its keys, its values and its occupancy in three arrays, 24 bytes and more per
/// entry: past tens of thousands of lines it leaves the processor's caches. This table takes 4 bytes a slot (1 MiB for
/// 100,000 lines), and it is filled one segment of 8,192 slots (32 KiB) at a time: the ids are hashed in one pass,
/// sorted by the segment of their home slot, and inserted segment by segment, so that the slots being written stay
/// in the cache whatever the size of the budget (Documentation/Performance.md). Lines with the same id have the same
/// home slot, so they meet in the same segment, in the order of their positions.
///
/// The table holds positions, not strings: an id is compared with the id of the line a slot names, read in place in
/// the budget's lines, only when their hashes agree.
struct LineIDTable {
    /// `(hash fragment << 18) | (position + 1)`; 0 for an empty slot.
    private var slots: [UInt32]
    private let mask: Int
    /// The lines, read in place (a copy of a line or of its id would retain strings).
    private let expenses: [ExpenseLine], resources: [ResourceLine]
    /// The first line whose id an earlier line already has (the smallest such position), with that earlier line.
    private(set) var firstDuplicate: (position: Int, earlier: Int)?

    /// The slots of a segment, filled while it stays in the cache.
    static let segmentSize = 1 << 13

    /// Builds the table of a budget's lines: its expenses, then its resources.
    init(expenses: [ExpenseLine], resources: [ResourceLine]) {
        let count = expenses.count + resources.count
        self.expenses = expenses
        self.resources = resources
        precondition(count + 1 < 1 << 18, "more lines than a slot can name")
        var size = 16
        while size < count * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        firstDuplicate = nil
        let segments = size / Self.segmentSize
        if segments <= 1 {
            for position in 0..<count { insert(key(position)) }
            return
        }
        // Hashed in one pass, then placed by segment (stable: positions stay in order within a segment).
        var keys: [UInt64] = [], starts = [Int](repeating: 0, count: segments + 1)
        keys.reserveCapacity(count)
        for position in 0..<count {
            let key = key(position)
            keys.append(key)
            starts[segment(of: key) + 1] += 1
        }
        for segment in 0..<segments { starts[segment + 1] += starts[segment] }
        let ordered = [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            for key in keys {
                let segment = segment(of: key)
                buffer.initializeElement(at: starts[segment], to: key)
                starts[segment] += 1
            }
            initialized = count
        }
        for key in ordered { insert(key) }
    }

    /// The key of the line at a position: the id's hash above bit 18 (its home slot from bit 18, its fragment from
    /// bit 50), the position below.
    private func key(_ position: Int) -> UInt64 {
        let hash =
            position < expenses.count ? expenses[position].id.hashValue : resources[position - expenses.count].id.hashValue
        return UInt64(bitPattern: Int64(hash)) & ~0x3_FFFF | UInt64(position)
    }

    /// Whether the line at a position has this id.
    private func line(_ position: Int, has id: String) -> Bool {
        position < expenses.count ? expenses[position].id == id : resources[position - expenses.count].id == id
    }

    /// Whether two lines have the same id.
    private func sameID(_ position: Int, _ other: Int) -> Bool {
        position < expenses.count
            ? line(other, has: expenses[position].id) : line(other, has: resources[position - expenses.count].id)
    }

    /// The slot a key's probing starts from.
    private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: key >> 18) & mask }

    /// The segment of a key's home slot.
    private func segment(of key: UInt64) -> Int { home(key) / Self.segmentSize }

    /// Adds a line's key, or records it as a duplicate when an earlier line has its id.
    private mutating func insert(_ key: UInt64) {
        let position = Int(key & 0x3_FFFF), fragment = UInt32(truncatingIfNeeded: key >> 50)
        var slot = home(key)
        while slots[slot] != 0 {
            let stored = slots[slot]
            if stored >> 18 == fragment {
                let other = Int(stored & 0x3_FFFF) - 1
                if sameID(position, other) {
                    if position < firstDuplicate?.position ?? .max { firstDuplicate = (position, other) }
                    return
                }
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = fragment << 18 | UInt32(position + 1)
    }

    /// The position of the first line with this id, if any.
    func position(of id: String) -> Int? {
        let hash = UInt64(bitPattern: Int64(id.hashValue))
        let fragment = UInt32(truncatingIfNeeded: hash >> 50)
        var slot = home(hash)
        while slots[slot] != 0 {
            let stored = slots[slot]
            if stored >> 18 == fragment {
                let other = Int(stored & 0x3_FFFF) - 1
                if line(other, has: id) { return other }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
