/// The revenue sources and funding regimes a budget may name: a value the host passes in.
///
/// ``builtIn`` holds the memento's sources and ClusterKit's regimes (its ``sources`` and ``regimes``; one regime by its id,
/// `Catalog.builtIn.regime(.deMinimis2023)`), and is every default. A host adds its own with `adding(_:)`; an id that is already taken
/// is an error, so a custom source can never silently replace a built-in one.
public struct Catalog: Sendable {
    /// The position of each source in ``sourceIDs``, `sourceList` and `sourceTraits`.
    private var sourcePositions: [RevenueSourceID: Int]
    private var sourceList: [any RevenueSource]
    /// What the metrics read of each source, read once when it is added rather than through its existential at
    /// every line of every budget.
    private(set) var sourceTraits: [SourceTraits]
    /// The ids of the sources, in the order they were added.
    public private(set) var sourceIDs: [RevenueSourceID]
    private var regimesByID: [FundingRegimeID: any FundingRegime] = [:]
    /// The ids of the funding regimes, in the order they were added.
    public private(set) var regimeIDs: [FundingRegimeID] = []

    /// An empty catalogue.
    public init() {
        sourcePositions = [:]
        sourceList = []
        sourceTraits = []
        sourceIDs = []
    }

    /// The memento's revenue sources and ClusterKit's funding regimes (the built-in regimes' ids are the constants of
    /// ``FundingRegimeID``): the catalogue every decoder, engine and renderer uses unless given another. A host
    /// with sources or regimes of its own adds them to this one.
    public static let builtIn: Catalog = {
        var catalog = Catalog()
        // Built-in ids are distinct (a test checks it), so the catalogue cannot refuse them.
        for source in BuiltInRevenueSource.all { try! catalog.add(source) }
        for regime in BuiltInRegimes.all { try! catalog.add(regime) }
        return catalog
    }()

    /// The source with this id, if the catalogue has one.
    public func source(_ id: RevenueSourceID) -> (any RevenueSource)? { sourcePositions[id].map { sourceList[$0] } }

    /// The position of a source in the catalogue (into ``sourceIDs`` and `sourceTraits`), `nil` when it has none.
    package func sourcePosition(_ id: RevenueSourceID) -> Int? { sourcePositions[id] }

    /// All sources, in the order they were added.
    public var sources: [any RevenueSource] { sourceList }

    /// Adds a source.
    /// - Throws: ``CatalogError/duplicateSource(_:)`` when the id is taken.
    public mutating func add(_ source: any RevenueSource) throws(CatalogError) {
        guard sourcePositions[source.id] == nil else { throw .duplicateSource(source.id) }
        sourcePositions[source.id] = sourceList.count
        sourceList.append(source)
        sourceTraits.append(SourceTraits(kind: source.kind, sector: source.sector, nature: source.nature))
        sourceIDs.append(source.id)
    }

    /// A copy of the catalogue with one more source.
    /// - Throws: ``CatalogError/duplicateSource(_:)`` when the id is taken.
    public func adding(_ source: any RevenueSource) throws(CatalogError) -> Catalog {
        var copy = self
        try copy.add(source)
        return copy
    }

    /// The source ids nearest to an unknown one, best first, for "did you mean" messages.
    package func sourceIDs(nearestTo unknown: String, limit: Int = 3) -> [RevenueSourceID] {
        Suggestions.nearest(to: unknown, among: sourceIDs.map(\.rawValue), limit: limit).map { RevenueSourceID(rawValue: $0) }
    }

    /// The funding regime with this id, if the catalogue has one.
    public func regime(_ id: FundingRegimeID) -> (any FundingRegime)? { regimesByID[id] }

    /// All funding regimes, in the order they were added.
    public var regimes: [any FundingRegime] { regimeIDs.compactMap { regimesByID[$0] } }

    /// Adds a funding regime.
    /// - Throws: ``CatalogError/duplicateRegime(_:)`` when the id is taken.
    public mutating func add(_ regime: any FundingRegime) throws(CatalogError) {
        guard regimesByID[regime.id] == nil else { throw .duplicateRegime(regime.id) }
        regimesByID[regime.id] = regime
        regimeIDs.append(regime.id)
    }

    /// A copy of the catalogue with one more funding regime.
    /// - Throws: ``CatalogError/duplicateRegime(_:)`` when the id is taken.
    public func adding(_ regime: any FundingRegime) throws(CatalogError) -> Catalog {
        var copy = self
        try copy.add(regime)
        return copy
    }

    /// A copy with storage of its own: what one core checks with, so that the reference counts a check updates are
    /// not on memory another core updates too (see `Engine.check(_:parallel:)`).
    func unshared() -> Catalog {
        var copy = Catalog()
        for source in sourceList { try? copy.add(source) }
        for id in regimeIDs { if let regime = regimesByID[id] { try? copy.add(regime) } }
        return copy
    }

    /// The regime ids nearest to an unknown one, best first, for "did you mean" messages.
    package func regimeIDs(nearestTo unknown: String, limit: Int = 3) -> [FundingRegimeID] {
        Suggestions.nearest(to: unknown, among: regimeIDs.map(\.rawValue), limit: limit).map { FundingRegimeID(rawValue: $0) }
    }
}

/// A source's kind, sector and nature, as the catalogue read them when the source was added.
struct SourceTraits: Sendable {
    let kind: RevenueKind
    let sector: Sector
    let nature: ResourceNature
}

/// Why a ``Catalog`` refused an addition.
public enum CatalogError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A source with this id is already in the catalogue.
    case duplicateSource(RevenueSourceID)
    /// A funding regime with this id is already in the catalogue.
    case duplicateRegime(FundingRegimeID)

    public var description: String {
        switch self {
        case .duplicateSource(let id): "the catalogue already has a revenue source '\(id)'"
        case .duplicateRegime(let id): "the catalogue already has a funding regime '\(id)'"
        }
    }
}
