/// The ids of a budget's lines, to find a duplicate id or the line an id names: an open-addressing hash table whose
/// slots are single 32-bit words — 14 bits of the id's hash, and the line's code in 18 bits (a budget has at most
/// 100,000 lines, ``BudgetDecoder/maximumLineCount``) — in one array.
///
/// A dictionary of strings keeps its keys, its values and its occupancy in three arrays, 24 bytes and more per
/// entry: past tens of thousands of lines it leaves the processor's caches, and each line then costs several
/// cache misses. Here a line costs at most one, and 100,000 lines take 1 MiB (Documentation/Performance.md). The table holds codes, not strings: an id
/// is compared with the id of the line a slot names, read through `id(of:)`, only when their hashes agree.
struct LineIDTable {
    /// `(hash fragment << 18) | (code + bias)`; 0 for an empty slot.
    private var slots: [UInt32]
    private let mask: Int
    /// Added to a code so that every stored code is positive (codes of expense lines are negative).
    private let bias: Int

    /// A table for `count` lines whose codes are at least `-bias`.
    init(count: Int, bias: Int) {
        precondition(count + 1 < 1 << 18, "more lines than a slot can name")
        var size = 16
        while size < count * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        self.bias = bias + 1
    }

    /// Adds a line's id; when another line already has it, returns that line's code and adds nothing.
    mutating func insert(_ id: String, code: Int, id lineID: (Int) -> String) -> Int? {
        let hash = id.hashValue
        let fragment = UInt32(truncatingIfNeeded: UInt64(bitPattern: Int64(hash)) >> 50)
        var slot = hash & mask
        while slots[slot] != 0 {
            let stored = slots[slot]
            if stored >> 18 == fragment {
                let other = Int(stored & 0x3_FFFF) - bias
                if lineID(other) == id { return other }
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = fragment << 18 | UInt32(code + bias)
        return nil
    }

    /// The code of the line with this id, if any.
    func code(of id: String, id lineID: (Int) -> String) -> Int? {
        let hash = id.hashValue
        let fragment = UInt32(truncatingIfNeeded: UInt64(bitPattern: Int64(hash)) >> 50)
        var slot = hash & mask
        while slots[slot] != 0 {
            let stored = slots[slot]
            if stored >> 18 == fragment {
                let other = Int(stored & 0x3_FFFF) - bias
                if lineID(other) == id { return other }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
