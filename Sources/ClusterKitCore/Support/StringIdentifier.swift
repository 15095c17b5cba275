/// An identifier spelt as a string in files and reports: a revenue source, a revenue kind, a funding regime, a
/// message template.
///
/// A conforming type stores its `rawValue` and gets the rest from here: creation from a literal
/// (`let id: RevenueSourceID = "regionalVoucher"`), its description (the string itself), an order (the strings'),
/// and `Codable` as a bare string (the standard library's coding of a `RawRepresentable` type).
public protocol StringIdentifier: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral where RawValue == String
{
    /// Creates the identifier spelt `rawValue`.
    init(rawValue: String)
}

extension StringIdentifier {
    /// Creates the identifier spelt `value`.
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    /// The identifier as written.
    public var description: String { rawValue }
    /// Identifiers in the order of their spelling.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
