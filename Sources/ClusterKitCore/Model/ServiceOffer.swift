import Foundation

/// A paid service the cluster sells or plans, with the uptake it expects among members, and — where the cluster knows
/// them — what it brings in and what it really costs (« producteur de marge ou coût net pour le cluster ? », p. 49).
public struct ServiceOffer: Hashable, Sendable, Codable {
    /// The service's identifier.
    public var id: String
    /// Its name.
    public var label: String?
    /// The share of members expected to buy it; the memento's example is 10%.
    public var uptake: Share
    /// The number of clients it needs to be worth running; the memento's example is 10.
    public var minimumClients: Int
    /// What the service brings in over the year (`revenue`): zero for a free service, one included in the fee.
    package var revenue: Money?
    /// What it really costs the cluster over the year (`cost`), the team's time included.
    package var cost: Money?

    /// Creates a service description.
    /// - Parameters:
    ///   - id: the service's identifier.
    ///   - label: its name.
    ///   - uptake: the share of members expected to buy it.
    ///   - minimumClients: the clients it needs to be worth running.
    ///   - revenue: what it brings in over the year; zero for a free service.
    ///   - cost: what it really costs the cluster over the year.
    public init(
        id: String, label: String? = nil, uptake: Share = Share(percent: 10), minimumClients: Int = 10,
        revenue: Money? = nil, cost: Money? = nil
    ) {
        self.id = id
        self.label = label
        self.uptake = uptake
        self.minimumClients = minimumClients
        self.revenue = revenue
        self.cost = cost
    }

    public init(from decoder: any Decoder) throws {
        let fields = try FieldReader(decoder, allowed: ["id", "label", "uptake", "minimumClients", "revenue", "cost"])
        id = try fields.required("id")
        label = try fields.optional("label")
        uptake = try fields.share("uptake") ?? Share(percent: 10)
        minimumClients = try fields.nonNegativeInteger("minimumClients") ?? 10
        // In euros until the budget that holds the profile gives its currency (``inCurrency(_:)``).
        revenue = try fields.optionalAmount("revenue", currency: .euro)
        cost = try fields.optionalAmount("cost", currency: .euro)
    }

    public func encode(to encoder: any Encoder) throws {
        var out = FieldWriter(encoder)
        try out.write(id, "id")
        try out.write(label, "label")
        try out.write(uptake, "uptake")
        try out.write(minimumClients, "minimumClients")
        try out.write(revenue, "revenue")
        try out.write(cost, "cost")
    }

    /// The service with its amounts in `currency`: a profile is read before the budget's currency.
    package func inCurrency(_ currency: CurrencyCode) -> ServiceOffer {
        var copy = self
        copy.revenue = revenue.map { Money(minorUnits: $0.minorUnits, currency: currency) }
        copy.cost = cost.map { Money(minorUnits: $0.minorUnits, currency: currency) }
        return copy
    }
}
