import Foundation

/// What kind of cluster a budget belongs to.
public enum ClusterKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A pôle de compétitivité, bound by the pôles' funding guide and performance contracts.
    case pole
    /// A grappe d'entreprises.
    case grappe
    /// A regional cluster.
    case regional
    /// Any other network of companies.
    case other
}

/// What a cluster is for, which sets how its funding is read (the memento p. 21, « deux finalités … principes de
/// financement différents »).
public enum ClusterPurpose: String, Hashable, Sendable, Codable, CaseIterable {
    /// A mission of territorial economic development (« mission de service public »): largely public funding by
    /// design.
    case publicService
    /// Serving its members' private interests (« défense d'intérêts privés »): self-financing above 50% expected.
    case memberInterests
    /// Both (the default).
    case mixed
}

/// Who the cluster is: the `cluster` object of a budget file.
public struct ClusterProfile: Hashable, Sendable, Codable {
    /// The cluster's name.
    public var name: String
    /// Pôle, grappe, regional cluster or other.
    public var kind: ClusterKind?
    /// The year the cluster was created.
    public var founded: Int?
    /// The number of members (adhérents).
    public var members: Int?
    /// Of which companies.
    public var enterprises: Int?
    /// Animation staff in full-time equivalents (ETP).
    public var staff: Decimal?
    /// Whether the cluster has a tool that reports the impact of projects (raises the category A cap to 20%).
    public var impactReporting: Bool
    /// Whether the funders allow counting valued member time (false for Mecabourg under Rhône-Alpes' directive).
    public var valuedTimeAllowed: Bool
    /// Whether the cluster tracks time and cost per action (comptabilité analytique, tableau de bord).
    public var analyticAccounting: Bool?
    /// For-profit entities the cluster created.
    public var satellites: [Satellite]
    /// Paid services the cluster sells or plans.
    public var services: [ServiceOffer]
    /// The targets the cluster committed to or its funders set, in the order given (`cluster.targets`, an object or
    /// a list).
    public var targetList: [FundingTargets]
    /// What the cluster is for; `nil` reads as ``ClusterPurpose/mixed``.
    public var purpose: ClusterPurpose?
    /// Figures the cluster publishes.
    public var declared: DeclaredFigures?

    /// Creates a profile; only the name is required.
    public init(
        name: String, kind: ClusterKind? = nil, founded: Int? = nil, members: Int? = nil, enterprises: Int? = nil,
        staff: Decimal? = nil, impactReporting: Bool = false, valuedTimeAllowed: Bool = true,
        analyticAccounting: Bool? = nil, satellites: [Satellite] = [], services: [ServiceOffer] = [],
        targets: FundingTargets? = nil, declared: DeclaredFigures? = nil, targetList: [FundingTargets] = [],
        purpose: ClusterPurpose? = nil
    ) {
        self.name = name
        self.kind = kind
        self.founded = founded
        self.members = members
        self.enterprises = enterprises
        self.staff = staff
        self.impactReporting = impactReporting
        self.valuedTimeAllowed = valuedTimeAllowed
        self.analyticAccounting = analyticAccounting
        self.satellites = satellites
        self.services = services
        self.targetList = targets.map { [$0] + targetList } ?? targetList
        self.purpose = purpose
        self.declared = declared
    }

    /// The first of ``targetList``; setting it replaces the first target (or adds one).
    public var targets: FundingTargets? {
        get { targetList.first }
        set {
            switch (newValue, targetList.isEmpty) {
            case (let value?, true): targetList = [value]
            case (let value?, false): targetList[0] = value
            case (nil, _): targetList = []
            }
        }
    }

    /// The target a budget of `year` is judged against: the one whose year is the nearest at or after it; else one
    /// without a year (« à terme »); else the one with the latest year (due since). `nil` when the cluster gives none.
    public func target(judgedIn year: Int) -> FundingTargets? {
        let ahead = targetList.filter { ($0.year ?? Int.min) >= year }.min { $0.year! < $1.year! }
        return ahead ?? targetList.first { $0.year == nil } ?? targetList.max { ($0.year ?? 0) < ($1.year ?? 0) }
    }

    static let fields = [
        "name", "kind", "founded", "members", "enterprises", "staff", "impactReporting", "valuedTimeAllowed",
        "analyticAccounting", "satellites", "services", "targets", "declared", "purpose",
    ]

    public init(from decoder: any Decoder) throws {
        let fields = try FieldReader(decoder, allowed: Self.fields)
        name = try fields.required("name")
        kind = try fields.choice("kind")
        founded = try fields.year("founded")
        members = try fields.nonNegativeInteger("members")
        enterprises = try fields.nonNegativeInteger("enterprises")
        staff = try fields.optional("staff")
        impactReporting = try fields.optional("impactReporting") ?? false
        valuedTimeAllowed = try fields.optional("valuedTimeAllowed") ?? true
        analyticAccounting = try fields.optional("analyticAccounting")
        satellites = try fields.optional("satellites") ?? []
        services = try fields.optional("services") ?? []
        // An object or a list of objects.
        if fields.isArray("targets") {
            targetList = try fields.array("targets") { decoder, _ in try FundingTargets(from: decoder) } ?? []
        } else {
            targetList = try fields.optional("targets", as: FundingTargets.self).map { [$0] } ?? []
        }
        purpose = try fields.choice("purpose")
        declared = try fields.optional("declared")
    }

    public func encode(to encoder: any Encoder) throws {
        var out = FieldWriter(encoder)
        try out.write(name, "name")
        try out.write(kind, "kind")
        try out.write(founded, "founded")
        try out.write(members, "members")
        try out.write(enterprises, "enterprises")
        try out.write(staff, "staff")
        try out.write(impactReporting ? true : nil, "impactReporting")
        try out.write(valuedTimeAllowed ? nil : false, "valuedTimeAllowed")
        try out.write(analyticAccounting, "analyticAccounting")
        try out.write(satellites.isEmpty ? nil : satellites, "satellites")
        try out.write(services.isEmpty ? nil : services, "services")
        // One target as an object, as before lists were allowed; several as a list.
        if targetList.count == 1 { try out.write(targetList[0], "targets") } else if !targetList.isEmpty {
            try out.write(targetList, "targets")
        }
        try out.write(purpose, "purpose")
        try out.write(declared, "declared")
    }
}
