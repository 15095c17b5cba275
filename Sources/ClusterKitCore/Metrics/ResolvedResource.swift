import Synchronization

/// A resource line with its sector, nature and kind resolved against the catalogue (line overrides applied).
package struct ResolvedResource: Hashable, Sendable {
    /// The line's position in `Budget.resources`.
    package let index: Int
    /// The line's id.
    package let id: String
    /// The line's source.
    package let source: RevenueSourceID
    /// The source's family.
    package let kind: RevenueKind
    /// Public or private, after the line's override.
    package let sector: Sector
    /// Cash or in kind, after the line's override.
    package let nature: ResourceNature
    /// The amount.
    package let amount: Money
    /// The funder it counts for.
    package let funder: String
    /// Whether the line passes money on to partners (left out of every share).
    package var passThrough = false

    /// Whether the line funds the cluster: neither passed through nor of the ``Sector/notFunding`` sector.
    package var funds: Bool { !passThrough && sector != .notFunding }
}
