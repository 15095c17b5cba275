import Foundation

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
