/// Whether money comes from public bodies or from private parties.
public enum Sector: String, Hashable, Sendable, Codable, CaseIterable {
    /// Subsidies and other money from the State, local authorities, the EU, chambers.
    case `public`
    /// Membership fees, billed services, events, sponsoring, valued member time.
    case `private`
    /// Neither: money in the accounts that does not fund the cluster (`"none"`: financial and exceptional income,
    /// reversals of provisions, transfers of charges). Every share is computed without it.
    case notFunding = "none"
}

/// Whether a resource is a real money flow or the valuation of something given in kind.
public enum ResourceNature: String, Hashable, Sendable, Codable, CaseIterable {
    /// A real money flow (flux financier réel).
    case cash
    /// Valued member time or seconded staff and means (valorisation, mise à disposition).
    case inKind
}

/// The identifier of a revenue source, such as `membershipFees` or a host program's own `regionalVoucher`.
public struct RevenueSourceID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The identifier as written in a budget file.
    public let rawValue: String
    /// Creates an identifier.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates an identifier from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// What kind of revenue a source is, as the memento's rules read it (its "family").
///
/// Rules ask the metrics for the total of a kind (``BudgetMetrics/total(of:)``), never for a source id, so that
/// a host program's own source counts where it belongs: a regional "premium membership" source declares the kind
/// ``membershipFees`` and the membership-fee rule counts it. The set of kinds is open; these are the memento's.
public struct RevenueKind: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The kind's identifier.
    public let rawValue: String
    /// Creates a kind.
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Subsidies and other public funding (subventions).
    public static let subsidy = RevenueKind(rawValue: "subsidy")
    /// Membership fees (cotisations).
    public static let membershipFees = RevenueKind(rawValue: "membershipFees")
    /// Companies' participation in specific actions (participation des entreprises sur des actions spécifiques).
    public static let actionParticipation = RevenueKind(rawValue: "actionParticipation")
    /// Billed services (prestations de services).
    public static let services = RevenueKind(rawValue: "services")
    /// Events the cluster organises (organisation d'événements).
    public static let events = RevenueKind(rawValue: "events")
    /// Success fees on funded projects or won markets (primes de succès).
    public static let successFees = RevenueKind(rawValue: "successFees")
    /// Brand management and sponsoring (gestion de la marque, sponsoring).
    public static let sponsorship = RevenueKind(rawValue: "sponsorship")
    /// Time members spend on the cluster, valued (temps passé par les entreprises, valorisation).
    public static let memberTime = RevenueKind(rawValue: "memberTime")
    /// Staff or means made available (mise à disposition).
    public static let secondment = RevenueKind(rawValue: "secondment")
    /// Anything else.
    public static let other = RevenueKind(rawValue: "other")
    /// Money in the accounts that is not funding: accounts 76 to 79 of the French non-profit chart of accounts.
    public static let notFunding = RevenueKind(rawValue: "notFunding")
}

/// A kind of resource a cluster's budget can hold: its identifier, sector, nature and names.
///
/// ClusterKit ships the memento's catalogue (``BuiltInRevenueSource``). A host program adds its own sources by
/// conforming a value type to this protocol and passing a ``Catalog`` that holds them — there is no global
/// registry:
///
/// ```swift
/// struct RegionalVoucher: RevenueSource {
///     var id: RevenueSourceID { "regionalVoucher" }
///     var sector: Sector { .public }
///     var nature: ResourceNature { .cash }
///     var kind: RevenueKind { .subsidy }
///     func name(in language: Language) -> String {
///         language == .french ? "Chèque innovation régional" : "Regional innovation voucher"
///     }
/// }
/// let catalog = try Catalog.builtIn.adding(RegionalVoucher())
/// ```
public protocol RevenueSource: Sendable {
    /// The identifier budget files use in `resources[].source`.
    var id: RevenueSourceID { get }
    /// The sector of the money by default; a resource line may override it.
    var sector: Sector { get }
    /// The nature of the resource by default; a resource line may override it.
    var nature: ResourceNature { get }
    /// The family the memento's rules count this source in.
    var kind: RevenueKind { get }
    /// The source's name in a language, for reports.
    func name(in language: Language) -> String
}

/// One of the revenue sources of the memento's "plan de financement type" (p. 13), built into ClusterKit.
public struct BuiltInRevenueSource: RevenueSource, Hashable {
    public let id: RevenueSourceID
    public let sector: Sector
    public let nature: ResourceNature
    public let kind: RevenueKind
    /// The English name.
    public let englishName: String
    /// The French label, as the memento writes it.
    public let frenchName: String

    /// Creates a source description.
    public init(
        id: RevenueSourceID, sector: Sector, nature: ResourceNature = .cash, kind: RevenueKind,
        englishName: String, frenchName: String
    ) {
        self.id = id
        self.sector = sector
        self.nature = nature
        self.kind = kind
        self.englishName = englishName
        self.frenchName = frenchName
    }

    public func name(in language: Language) -> String { language == .french ? frenchName : englishName }
}

extension RevenueSourceID {
    /// European funds (Fonds européens: FEDER, …).
    public static let erdf: RevenueSourceID = "erdf"
    /// The State (Etat: DIRECCTE, SGAR, DATAR, …).
    public static let state: RevenueSourceID = "state"
    /// The region (Région).
    public static let region: RevenueSourceID = "region"
    /// The department (Département).
    public static let department: RevenueSourceID = "department"
    /// Intercommunalities (agglomérations, intercommunalités).
    public static let intercommunality: RevenueSourceID = "intercommunality"
    /// Chambers of commerce and trades (chambres consulaires).
    public static let consularChambers: RevenueSourceID = "consularChambers"
    /// Other public revenue (autres recettes publiques).
    public static let otherPublic: RevenueSourceID = "otherPublic"
    /// Membership fees (cotisations).
    public static let membershipFees: RevenueSourceID = "membershipFees"
    /// Companies' participation in specific actions.
    public static let actionParticipation: RevenueSourceID = "actionParticipation"
    /// Billed services (prestations de services).
    public static let services: RevenueSourceID = "services"
    /// Events (organisation d'événements).
    public static let events: RevenueSourceID = "events"
    /// Success fees (primes de succès).
    public static let successFees: RevenueSourceID = "successFees"
    /// Brand management, sponsoring.
    public static let sponsorship: RevenueSourceID = "sponsorship"
    /// Other private revenue (autres recettes privées).
    public static let otherPrivate: RevenueSourceID = "otherPrivate"
    /// Members' valued time (temps passé par les entreprises).
    public static let memberTime: RevenueSourceID = "memberTime"
    /// Secondment of staff or means (mise à disposition).
    public static let secondment: RevenueSourceID = "secondment"
    /// Financial income (76 – produits financiers): not funding.
    public static let financialIncome: RevenueSourceID = "financialIncome"
    /// Exceptional income (77 – produits exceptionnels): not funding.
    public static let exceptionalIncome: RevenueSourceID = "exceptionalIncome"
    /// Reversals of depreciation and provisions (78 – reprises sur amortissements et provisions): not funding.
    public static let provisionReversals: RevenueSourceID = "provisionReversals"
    /// Transfers of charges (79 – transferts de charges): not funding.
    public static let chargeTransfers: RevenueSourceID = "chargeTransfers"
}

extension BuiltInRevenueSource {
    /// The memento's sources, in the order of its "plan de financement type", then the four lines of the accounts
    /// that are not funding (accounts 76 to 79, sector ``Sector/notFunding``).
    public static let all: [BuiltInRevenueSource] = [
        .init(id: .erdf, sector: .public, kind: .subsidy,
              englishName: "European funds (ERDF, …)", frenchName: "Fonds européens (FEDER, …)"),
        .init(id: .state, sector: .public, kind: .subsidy,
              englishName: "State (DIRECCTE, SGAR, DATAR, …)", frenchName: "Etat (DIRECCTE, SGAR, DATAR, …)"),
        .init(id: .region, sector: .public, kind: .subsidy, englishName: "Region", frenchName: "Région"),
        .init(id: .department, sector: .public, kind: .subsidy, englishName: "Department", frenchName: "Département"),
        .init(id: .intercommunality, sector: .public, kind: .subsidy,
              englishName: "Intercommunalities", frenchName: "Agglomérations, intercommunalités"),
        .init(id: .consularChambers, sector: .public, kind: .subsidy,
              englishName: "Chambers of commerce", frenchName: "Chambres consulaires"),
        .init(id: .otherPublic, sector: .public, kind: .subsidy,
              englishName: "Other public revenue", frenchName: "Autres recettes publiques"),
        .init(id: .membershipFees, sector: .private, kind: .membershipFees,
              englishName: "Membership fees", frenchName: "Cotisations"),
        .init(id: .actionParticipation, sector: .private, kind: .actionParticipation,
              englishName: "Companies' participation in specific actions",
              frenchName: "Participation des entreprises sur des actions spécifiques"),
        .init(id: .services, sector: .private, kind: .services,
              englishName: "Billed services", frenchName: "Prestations de services"),
        .init(id: .events, sector: .private, kind: .events,
              englishName: "Events", frenchName: "Organisation d'événements"),
        .init(id: .successFees, sector: .private, kind: .successFees,
              englishName: "Success fees on funded projects",
              frenchName: "Primes de succès sur des projets financés (success fees)"),
        .init(id: .sponsorship, sector: .private, kind: .sponsorship,
              englishName: "Brand management, sponsoring", frenchName: "Gestion de la marque du cluster, sponsoring"),
        .init(id: .otherPrivate, sector: .private, kind: .other,
              englishName: "Other private revenue", frenchName: "Autres recettes privées"),
        .init(id: .memberTime, sector: .private, nature: .inKind, kind: .memberTime,
              englishName: "Time spent by member companies (valued)",
              frenchName: "Temps passé par les entreprises (valorisation)"),
        .init(id: .secondment, sector: .private, nature: .inKind, kind: .secondment,
              englishName: "Staff or means made available", frenchName: "Mise à disposition de personnel ou de moyens"),
        .init(id: .financialIncome, sector: .notFunding, kind: .notFunding,
              englishName: "Financial income", frenchName: "Produits financiers"),
        .init(id: .exceptionalIncome, sector: .notFunding, kind: .notFunding,
              englishName: "Exceptional income", frenchName: "Produits exceptionnels"),
        .init(id: .provisionReversals, sector: .notFunding, kind: .notFunding,
              englishName: "Reversals of depreciation and provisions",
              frenchName: "Reprises sur amortissements et provisions"),
        .init(id: .chargeTransfers, sector: .notFunding, kind: .notFunding,
              englishName: "Transfers of charges", frenchName: "Transferts de charges"),
    ]
}
