/// The identifier of a revenue source, such as `membershipFees` or a host program's own `regionalVoucher`.
public struct RevenueSourceID: StringIdentifier {
    /// The identifier as written in a budget file.
    public let rawValue: String
    /// Creates an identifier.
    public init(rawValue: String) { self.rawValue = rawValue }
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
