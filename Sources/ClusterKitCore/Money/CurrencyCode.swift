import Foundation

/// An ISO 4217 currency code, such as `EUR`.
///
/// A budget has one currency; every ``Money`` value of the budget carries it.
public struct CurrencyCode: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The three letters packed in one integer, first letter highest: a code (and so every ``Money``) is a plain
    /// value that copies without reference counting, and compares in the letters' order.
    private let letters: UInt32

    /// The three upper-case letters of the code.
    public var rawValue: String {
        String(decoding: [16, 8, 0].map { UInt8(truncatingIfNeeded: letters >> $0) }, as: UTF8.self)
    }

    /// Creates a code from its three letters; returns `nil` unless they are three ASCII upper-case letters.
    public init?(rawValue: String) {
        guard rawValue.utf8.count == 3, rawValue.utf8.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) })
        else { return nil }
        letters = rawValue.utf8.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Creates a code from a literal; the literal must be three ASCII upper-case letters.
    public init(stringLiteral value: String) {
        guard let code = CurrencyCode(rawValue: value) else { preconditionFailure("'\(value)' is not an ISO 4217 code") }
        self = code
    }

    /// The euro, the default currency of a budget.
    public static let euro: CurrencyCode = "EUR"

    /// The number of minor units in one major unit. ClusterKit holds every currency in hundredths.
    package var minorUnitsPerMajorUnit: Int64 { 100 }
    /// The decimal places of a major unit: 2, for hundredths.
    package var minorUnitPlaces: Int { 2 }

    public var description: String { rawValue }

    public static func < (lhs: CurrencyCode, rhs: CurrencyCode) -> Bool { lhs.letters < rhs.letters }

    // On the packed letters, not through `rawValue` (RawRepresentable's defaults would write the string each time).
    public static func == (lhs: CurrencyCode, rhs: CurrencyCode) -> Bool { lhs.letters == rhs.letters }

    public func hash(into hasher: inout Hasher) { hasher.combine(letters) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let code = CurrencyCode(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not an ISO 4217 currency code (three upper-case letters)")
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
