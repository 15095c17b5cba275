import ClusterKitCore
/// Which resource lines a part (or a whole) of a share adds up: by revenue kind, sector, nature or line id.
///
/// A selector reads a line's resolved attributes, so it selects the lines a plan adds as well as the budget's own.
/// Every criterion left `nil` selects every line.
///
/// ```swift
/// // Billed revenue: private cash other than membership fees.
/// let billed = LineSelector(sector: .private, nature: .cash, excludedKinds: [.membershipFees])
/// ```
public struct LineSelector: Hashable, Sendable {
    /// The revenue kinds selected; `nil` for every kind.
    public var kinds: Set<RevenueKind>?
    /// Kinds never selected.
    public var excludedKinds: Set<RevenueKind>
    /// The sector selected; `nil` for both.
    public var sector: Sector?
    /// The nature selected; `nil` for both.
    public var nature: ResourceNature?
    /// The ids of the lines selected; `nil` for any line (a line a plan adds has a new id, so is never among them).
    public var lineIDs: Set<String>?

    /// Creates a selector.
    public init(
        kinds: Set<RevenueKind>? = nil, excludedKinds: Set<RevenueKind> = [], sector: Sector? = nil,
        nature: ResourceNature? = nil, lineIDs: Set<String>? = nil
    ) {
        self.kinds = kinds
        self.excludedKinds = excludedKinds
        self.sector = sector
        self.nature = nature
        self.lineIDs = lineIDs
    }

    /// Every resource line.
    public static let all = LineSelector()

    /// Whether the selector selects a line of this id, kind, sector and nature.
    public func contains(id: String, kind: RevenueKind, sector: Sector, nature: ResourceNature) -> Bool {
        if let kinds, !kinds.contains(kind) { return false }
        if excludedKinds.contains(kind) { return false }
        if let required = self.sector, required != sector { return false }
        if let required = self.nature, required != nature { return false }
        if let lineIDs, !lineIDs.contains(id) { return false }
        return true
    }

    /// Whether the selector selects a resolved line.
    package func contains(_ line: ResolvedResource) -> Bool {
        contains(id: line.id, kind: line.kind, sector: line.sector, nature: line.nature)
    }
}
