import Synchronization

/// A total and what it is the total of: a source, a revenue kind, a funder.
public struct KeyedTotal<Key: Hashable & Sendable>: Hashable, Sendable {
    /// What the total sums the lines of.
    public let key: Key
    /// The total.
    public let total: LineTotal

    /// Creates a keyed total.
    package init(_ key: Key, _ total: LineTotal) {
        self.key = key
        self.total = total
    }
}

extension Dictionary where Key: Sendable, Value == LineTotal {
    /// The totals by key.
    init(keyed totals: [KeyedTotal<Key>]) {
        self.init(minimumCapacity: totals.count)
        for entry in totals { self[entry.key] = entry.total }
    }
}
