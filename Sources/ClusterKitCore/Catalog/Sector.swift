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
