import Synchronization

/// A resource line with its sector, nature and kind resolved against the catalogue (line overrides applied).
public struct ResolvedResource: Hashable, Sendable {
    /// The line's position in `Budget.resources`.
    public let index: Int
    /// The line's id.
    public let id: String
    /// The line's source.
    public let source: RevenueSourceID
    /// The source's family.
    public let kind: RevenueKind
    /// Public or private, after the line's override.
    public let sector: Sector
    /// Cash or in kind, after the line's override.
    public let nature: ResourceNature
    /// The amount.
    public let amount: Money
    /// The funder it counts for.
    public let funder: String
    /// Whether the line passes money on to partners (left out of every share).
    public var passThrough = false

    /// Whether the line funds the cluster: neither passed through nor of the ``Sector/notFunding`` sector.
    public var funds: Bool { !passThrough && sector != .notFunding }
}
