import Foundation

/// The identifier of a funding regime, such as `NN120/90-E1/90`.
public struct FundingRegimeID: StringIdentifier {
    /// The identifier as written in a budget file.
    public let rawValue: String
    /// Creates an identifier.
    public init(rawValue: String) { self.rawValue = rawValue }
}
