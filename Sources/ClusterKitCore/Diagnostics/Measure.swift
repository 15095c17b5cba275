import Foundation

/// A figure a diagnostic measured or compares with: a share, an amount or a count.
public enum Measure: Hashable, Sendable {
    /// A ratio, such as 12.07% of resources.
    case share(Share)
    /// An amount of money.
    case money(Money)
    /// A count, such as a number of members or clients.
    case count(Int)
}
