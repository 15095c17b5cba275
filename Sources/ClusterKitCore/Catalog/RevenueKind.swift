/// What kind of revenue a source is, as the memento's rules read it (its "family").
///
/// Rules ask the metrics for the total of a kind (``BudgetMetrics/total(of:)``), never for a source id, so that
/// a host program's own source counts where it belongs: a regional "premium membership" source declares the kind
/// ``membershipFees`` and the membership-fee rule counts it. The set of kinds is open; these are the memento's.
public struct RevenueKind: StringIdentifier {
    /// The kind's identifier.
    public let rawValue: String
    /// Creates a kind.
    public init(rawValue: String) { self.rawValue = rawValue }

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
