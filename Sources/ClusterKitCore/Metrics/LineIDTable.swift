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
///
/// What it buys, and for whom: a budget users have (tens to hundreds of lines) fits one segment, and takes the plain
/// path — hash, probe, insert. The segment-by-segment filling matters only past 4,096 lines, where the benchmark's
/// scaling criterion lives: at 100,000 lines it took a line from 210 to 145 ns (alternating `perf stat` runs,
/// Documentation/Performance.md, « Line ids in a compact hash table »), and the table of 32-bit slots from 170–210 to 150 ns against a
/// dictionary of strings. Both are kept for that criterion, behind ``segmentSize``; a differential test holds the
/// table to a dictionary at 12, 300, 5,000 and 30,000 lines.
struct LineIDTable {
    /// How a slot packs a line: 32 bits, `fragment << positionBits | (position + 1)`, 0 for an empty slot.
    enum Layout {
        /// Bits of a line's position (plus one, so that 0 means empty): up to 262,143 lines, more than
        /// ``BudgetDecoder/maximumLineCount``.
        static let positionBits = 18
        static let positionMask: UInt64 = (1 << positionBits) - 1
        /// Bits of the id's hash kept in a slot, to skip most string comparisons: the rest of a 32-bit slot.
        static let fragmentBits = 32 - positionBits
        /// Where the fragment starts in a 64-bit key: its top `fragmentBits` bits.
        static let fragmentShift = 64 - fragmentBits
    }

    /// A line's key: the hash of its id above ``Layout/positionBits`` (its home slot from there up, its fragment
    /// in the top bits) and its position below.
    struct Key {
        let bits: UInt64

        init(hash: Int, position: Int) {
            bits = UInt64(bitPattern: Int64(hash)) & ~Layout.positionMask | UInt64(position)
        }

        /// A key to look an id up by (position 0, unused).
        init(hash: Int) { bits = UInt64(bitPattern: Int64(hash)) }

        var position: Int { Int(bits & Layout.positionMask) }
        var fragment: UInt32 { UInt32(truncatingIfNeeded: bits >> UInt64(Layout.fragmentShift)) }
        /// The hash bits that choose the home slot.
        var probeBits: Int { Int(truncatingIfNeeded: bits >> UInt64(Layout.positionBits)) }
    }

    /// A slot of the table.
    struct Slot {
        let bits: UInt32
        static let empty = Slot(bits: 0)

        init(bits: UInt32) { self.bits = bits }
        init(_ key: Key) { bits = key.fragment << UInt32(Layout.positionBits) | UInt32(key.position + 1) }

        var isEmpty: Bool { bits == 0 }
        var fragment: UInt32 { bits >> UInt32(Layout.positionBits) }
        /// The position of the line it holds.
        var position: Int { Int(bits & UInt32(Layout.positionMask)) - 1 }
    }

    private var slots: [Slot]
    private let mask: Int
    /// The lines, read in place (a copy of a line or of its id would retain strings).
    private let expenses: [ExpenseLine], resources: [ResourceLine]
    /// The first line whose id an earlier line already has (the smallest such position), with that earlier line.
    private(set) var firstDuplicate: (position: Int, earlier: Int)?

    /// The slots of a segment (32 KiB), filled while it stays in the cache; a table of at most this many slots (a
    /// budget of up to 4,096 lines) is filled directly.
    static let segmentSize = 1 << 13

    /// Builds the table of a budget's lines: its expenses, then its resources.
    init(expenses: [ExpenseLine], resources: [ResourceLine]) {
        let count = expenses.count + resources.count
        self.expenses = expenses
        self.resources = resources
        precondition(UInt64(count + 1) < 1 << UInt64(Layout.positionBits), "more lines than a slot can name")
        var size = 16
        while size < count * 2 { size *= 2 }
        slots = Array(repeating: .empty, count: size)
        mask = size - 1
        firstDuplicate = nil
        let segments = size / Self.segmentSize
        if segments <= 1 {
            for position in 0..<count { insert(key(position)) }
            return
        }
        // Past 4,096 lines (see the type's comment): hashed in one pass, then placed by segment (stable: positions
        // stay in order within a segment), and inserted segment by segment.
        var keys: [Key] = [], starts = [Int](repeating: 0, count: segments + 1)
        keys.reserveCapacity(count)
        for position in 0..<count {
            let key = key(position)
            keys.append(key)
            starts[segment(of: key) + 1] += 1
        }
        for segment in 0..<segments { starts[segment + 1] += starts[segment] }
        let ordered = [Key](unsafeUninitializedCapacity: count) { buffer, initialized in
            for key in keys {
                let segment = segment(of: key)
                buffer.initializeElement(at: starts[segment], to: key)
                starts[segment] += 1
            }
            initialized = count
        }
        for key in ordered { insert(key) }
    }

    /// The key of the line at a position.
    private func key(_ position: Int) -> Key {
        let hash =
            position < expenses.count ? expenses[position].id.hashValue : resources[position - expenses.count].id.hashValue
        return Key(hash: hash, position: position)
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
    private func home(_ key: Key) -> Int { key.probeBits & mask }

    /// The segment of a key's home slot.
    private func segment(of key: Key) -> Int { home(key) / Self.segmentSize }

    /// Adds a line's key, or records it as a duplicate when an earlier line has its id.
    private mutating func insert(_ key: Key) {
        let position = key.position, fragment = key.fragment
        var slot = home(key)
        while !slots[slot].isEmpty {
            let stored = slots[slot]
            if stored.fragment == fragment, sameID(position, stored.position) {
                if position < firstDuplicate?.position ?? .max { firstDuplicate = (position, stored.position) }
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Slot(key)
    }

    /// The position of the first line with this id, if any.
    func position(of id: String) -> Int? {
        let key = Key(hash: id.hashValue)
        let fragment = key.fragment
        var slot = home(key)
        while !slots[slot].isEmpty {
            let stored = slots[slot]
            if stored.fragment == fragment, line(stored.position, has: id) { return stored.position }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
