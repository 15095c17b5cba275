import Foundation

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
