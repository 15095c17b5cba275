/// Whether a resource is a real money flow or the valuation of something given in kind.
public enum ResourceNature: String, Hashable, Sendable, Codable, CaseIterable {
    /// A real money flow (flux financier réel).
    case cash
    /// Valued member time or seconded staff and means (valorisation, mise à disposition).
    case inKind
}
