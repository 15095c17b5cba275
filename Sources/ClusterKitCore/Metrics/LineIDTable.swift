/// The ids of a budget's lines, to find a duplicate id or the line an id names: an open-addressing hash table whose
/// slots are single 64-bit words — 32 bits of the id's hash, and the line's code — in one array.
///
/// A dictionary of strings keeps its keys, its values and its occupancy in three arrays, 24 bytes and more per
/// entry: past tens of thousands of lines it leaves the processor's caches, and each line then costs several
/// cache misses. Here a line costs one (Documentation/Performance.md). The table holds codes, not strings: an id
/// is compared with the id of the line a slot names, read through `id(of:)`, only when their hashes agree.
struct LineIDTable {
    /// `(hash fragment << 32) | (code + bias)`; 0 for an empty slot.
    private var slots: [UInt64]
    private let mask: Int
    /// Added to a code so that every stored code is positive (codes of expense lines are negative).
    private let bias: Int

    /// A table for `count` lines whose codes are at least `-bias`.
    init(count: Int, bias: Int) {
        var size = 16
        while size < count * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        self.bias = bias + 1
    }

    /// Adds a line's id; when another line already has it, returns that line's code and adds nothing.
    mutating func insert(_ id: String, code: Int, id lineID: (Int) -> String) -> Int? {
        let hash = id.hashValue
        let fragment = UInt64(truncatingIfNeeded: hash) >> 32
        var slot = hash & mask
        while slots[slot] != 0 {
            let stored = slots[slot]
            if stored >> 32 == fragment {
                let other = Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) - bias
                if lineID(other) == id { return other }
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = fragment << 32 | UInt64(code + bias)
        return nil
    }

    /// The code of the line with this id, if any.
    func code(of id: String, id lineID: (Int) -> String) -> Int? {
        let hash = id.hashValue
        let fragment = UInt64(truncatingIfNeeded: hash) >> 32
        var slot = hash & mask
        while slots[slot] != 0 {
            let stored = slots[slot]
            if stored >> 32 == fragment {
                let other = Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) - bias
                if lineID(other) == id { return other }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
