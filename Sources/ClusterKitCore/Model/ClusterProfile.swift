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

/// A for-profit entity the cluster created (SAS, SEM, …), which may take its billable services.
public struct Satellite: Hashable, Sendable, Codable {
    /// The entity's name (e.g. `"AinGIL"`).
    public var name: String
    /// Its legal form (e.g. `"SAS"`, `"SEM"`).
    public var form: String?
    /// Whether it sells the services the cluster could bill itself.
    public var capturesBillableServices: Bool

    /// Creates a satellite description.
    public init(name: String, form: String? = nil, capturesBillableServices: Bool = false) {
        self.name = name
        self.form = form
        self.capturesBillableServices = capturesBillableServices
    }

    public init(from decoder: any Decoder) throws {
        let fields = try FieldReader(decoder, allowed: ["name", "form", "capturesBillableServices"])
        name = try fields.required("name")
        form = try fields.optional("form")
        capturesBillableServices = try fields.optional("capturesBillableServices") ?? false
    }
}

/// A paid service the cluster sells or plans, with the uptake it expects among members.
public struct ServiceOffer: Hashable, Sendable, Codable {
    /// The service's identifier.
    public var id: String
    /// Its name.
    public var label: String?
    /// The share of members expected to buy it; the memento's example is 10%.
    public var uptake: Share
    /// The number of clients it needs to be worth running; the memento's example is 10.
    public var minimumClients: Int

    /// Creates a service description.
    public init(id: String, label: String? = nil, uptake: Share = Share(percent: 10), minimumClients: Int = 10) {
        self.id = id
        self.label = label
        self.uptake = uptake
        self.minimumClients = minimumClients
    }

    public init(from decoder: any Decoder) throws {
        let fields = try FieldReader(decoder, allowed: ["id", "label", "uptake", "minimumClients"])
        id = try fields.required("id")
        label = try fields.optional("label")
        uptake = try fields.share("uptake") ?? Share(percent: 10)
        minimumClients = try fields.nonNegativeInteger("minimumClients") ?? 10
    }

    public func encode(to encoder: any Encoder) throws {
        var out = FieldWriter(encoder)
        try out.write(id, "id")
        try out.write(label, "label")
        try out.write(uptake, "uptake")
        try out.write(minimumClients, "minimumClients")
    }
}

/// The trajectory a cluster committed to: a private share to reach by a year, from a baseline year.
public struct FundingTargets: Hashable, Sendable, Codable {
    /// The private share to reach (default 50%).
    public var privateShare: Share?
    /// The year by which to reach it (2016 for the pôles' 2013–2018 contracts).
    public var year: Int?
    /// The year the glide path starts from.
    public var baselineYear: Int?

    /// Creates targets.
    public init(privateShare: Share? = nil, year: Int? = nil, baselineYear: Int? = nil) {
        self.privateShare = privateShare
        self.year = year
        self.baselineYear = baselineYear
    }

    public init(from decoder: any Decoder) throws {
        let fields = try FieldReader(decoder, allowed: ["privateShare", "year", "baselineYear"])
        privateShare = try fields.share("privateShare")
        year = try fields.year("year")
        baselineYear = try fields.year("baselineYear")
    }

    public func encode(to encoder: any Encoder) throws {
        var out = FieldWriter(encoder)
        try out.write(privateShare, "privateShare")
        try out.write(year, "year")
        try out.write(baselineYear, "baselineYear")
    }
}

/// Figures the cluster itself publishes, to check against the computed ones.
public struct DeclaredFigures: Hashable, Sendable, Codable {
    /// The self-financing share the cluster states (niveau d'autofinancement).
    public var selfFinancing: Share?

    /// Creates declared figures.
    public init(selfFinancing: Share? = nil) { self.selfFinancing = selfFinancing }

    public init(from decoder: any Decoder) throws {
        let fields = try FieldReader(decoder, allowed: ["selfFinancing"])
        selfFinancing = try fields.share("selfFinancing")
    }

    public func encode(to encoder: any Encoder) throws {
        var out = FieldWriter(encoder)
        try out.write(selfFinancing, "selfFinancing")
    }
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
    /// The trajectory the cluster committed to.
    public var targets: FundingTargets?
    /// Figures the cluster publishes.
    public var declared: DeclaredFigures?

    /// Creates a profile; only the name is required.
    public init(
        name: String, kind: ClusterKind? = nil, founded: Int? = nil, members: Int? = nil, enterprises: Int? = nil,
        staff: Decimal? = nil, impactReporting: Bool = false, valuedTimeAllowed: Bool = true,
        analyticAccounting: Bool? = nil, satellites: [Satellite] = [], services: [ServiceOffer] = [],
        targets: FundingTargets? = nil, declared: DeclaredFigures? = nil
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
        self.targets = targets
        self.declared = declared
    }

    static let fields = [
        "name", "kind", "founded", "members", "enterprises", "staff", "impactReporting", "valuedTimeAllowed",
        "analyticAccounting", "satellites", "services", "targets", "declared",
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
        targets = try fields.optional("targets")
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
        try out.write(targets, "targets")
        try out.write(declared, "declared")
    }
}
