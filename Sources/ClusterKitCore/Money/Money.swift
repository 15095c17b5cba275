import Foundation

/// An exact amount of money: integer minor units (cents) and a currency.
///
/// No floating point ever touches an amount. Sums are checked: an overflow is reported as
/// ``MoneyError/overflow`` rather than trapping, so that a hostile or mistaken input becomes
/// an input error.
///
/// ```swift
/// let fees = Money(major: 95_000)                  // 95,000.00 EUR
/// let total = try fees.adding(Money(minorUnits: 50))  // 95,000.50 EUR
/// ```
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The amount in minor units (cents for the euro).
    public let minorUnits: Int64
    /// The currency of the amount.
    public let currency: CurrencyCode

    /// Creates an amount from minor units.
    public init(minorUnits: Int64, currency: CurrencyCode = .euro) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Creates an amount from a whole number of major units (euros).
    ///
    /// - Precondition: the amount fits in 64-bit minor units. Use ``init(exactly:currency:)`` for
    ///   values that come from input.
    public init(major: Int64, currency: CurrencyCode = .euro) {
        let (value, overflow) = major.multipliedReportingOverflow(by: currency.minorUnitsPerMajorUnit)
        precondition(!overflow, "\(major) \(currency) does not fit in minor units")
        self.init(minorUnits: value, currency: currency)
    }

    /// Creates an amount from a decimal number of major units, exactly.
    ///
    /// Returns `nil` when the number has more than two decimals or does not fit in 64-bit minor units.
    public init?(exactly major: Decimal, currency: CurrencyCode = .euro) {
        guard major.isFinite else { return nil }
        var scaled = major * Decimal(currency.minorUnitsPerMajorUnit)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        guard rounded == scaled else { return nil }
        guard rounded >= Decimal(Int64.min), rounded <= Decimal(Int64.max) else { return nil }
        // Decimal → Int64 through its exact string form: Decimal's own integer conversions saturate silently.
        guard let units = Int64(NSDecimalNumber(decimal: rounded).stringValue) else { return nil }
        self.init(minorUnits: units, currency: currency)
    }

    /// No money, in the given currency.
    public static func zero(_ currency: CurrencyCode = .euro) -> Money { Money(minorUnits: 0, currency: currency) }

    /// Whether the amount is zero.
    public var isZero: Bool { minorUnits == 0 }

    /// The amount as an exact decimal number of major units (`840965.5`).
    public var decimalValue: Decimal {
        // Digits and an exponent: no division.
        ExactArithmetic.decimal(Int128(minorUnits), places: currency.minorUnitPlaces)
            ?? Decimal(minorUnits) / Decimal(currency.minorUnitsPerMajorUnit)
    }

    /// The sum of two amounts of the same currency.
    /// - Throws: ``MoneyError/overflow`` or ``MoneyError/currencyMismatch(_:_:)``.
    package func adding(_ other: Money) throws(MoneyError) -> Money {
        guard currency == other.currency else { throw .currencyMismatch(currency, other.currency) }
        let (value, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        guard !overflow else { throw .overflow }
        return Money(minorUnits: value, currency: currency)
    }

    /// The difference of two amounts of the same currency.
    /// - Throws: ``MoneyError/overflow`` or ``MoneyError/currencyMismatch(_:_:)``.
    package func subtracting(_ other: Money) throws(MoneyError) -> Money {
        guard currency == other.currency else { throw .currencyMismatch(currency, other.currency) }
        let (value, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
        guard !overflow else { throw .overflow }
        return Money(minorUnits: value, currency: currency)
    }

    /// The absolute value of the amount; `nil` for the one value that has none (`Int64.min` minor units).
    package var magnitude: Money? {
        guard minorUnits != .min else { return nil }
        return Money(minorUnits: Swift.abs(minorUnits), currency: currency)
    }

    /// The sum of amounts, all of `currency`.
    /// - Throws: ``MoneyError/overflow`` when the sum does not fit, or a currency mismatch.
    public static func sum<S: Sequence>(_ amounts: S, currency: CurrencyCode = .euro) throws(MoneyError) -> Money
    where S.Element == Money {
        var total = Money.zero(currency)
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    /// Orders amounts of the same currency; amounts of different currencies order by currency code first.
    public static func < (lhs: Money, rhs: Money) -> Bool {
        if lhs.currency != rhs.currency { return lhs.currency < rhs.currency }
        return lhs.minorUnits < rhs.minorUnits
    }

    /// `"95000.00 EUR"`: exact, language-neutral. Renderers format amounts for a language.
    public var description: String {
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        let perMajor = UInt64(currency.minorUnitsPerMajorUnit)
        let fraction = String(magnitude % perMajor)
        return "\(sign)\(magnitude / perMajor).\(fraction.count < 2 ? "0" + fraction : fraction) \(currency)"
    }
}

/// Why an arithmetic operation on ``Money`` failed.
public enum MoneyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The result does not fit in 64-bit minor units.
    case overflow
    /// The two amounts are in different currencies.
    case currencyMismatch(CurrencyCode, CurrencyCode)
    /// A share of this whole was asked for, and it is zero or negative (``Share/init(_:ofNonZero:)``).
    case noWhole(Money)

    public var description: String {
        switch self {
        case .overflow: "the amounts add up to more than ClusterKit can hold exactly (about 92 million billion)"
        case .currencyMismatch(let a, let b): "amounts in \(a) and \(b) cannot be combined"
        case .noWhole(let whole): "a share of \(whole) has no value: the whole must be more than zero"
        }
    }
}

extension Money {
    /// The sum of two amounts of one currency: `let total = try fees + services`.
    /// - Throws: ``MoneyError/currencyMismatch(_:_:)`` for two currencies, ``MoneyError/overflow`` past what
    ///   ``minorUnits`` holds.
    public static func + (lhs: Money, rhs: Money) throws(MoneyError) -> Money { try lhs.adding(rhs) }

    /// The difference of two amounts of one currency: `let short = try expenses - resources`.
    /// - Throws: ``MoneyError`` as ``+(_:_:)`` does.
    public static func - (lhs: Money, rhs: Money) throws(MoneyError) -> Money { try lhs.subtracting(rhs) }

    /// The amount `count` times over — "500 € per member" is `try Money(major: 500) * members`.
    /// - Throws: ``MoneyError/overflow`` past what ``minorUnits`` holds.
    public static func * (lhs: Money, rhs: Int) throws(MoneyError) -> Money {
        guard let count = Int64(exactly: rhs) else { throw .overflow }
        let (value, overflow) = lhs.minorUnits.multipliedReportingOverflow(by: count)
        guard !overflow else { throw .overflow }
        return Money(minorUnits: value, currency: lhs.currency)
    }

    /// The amount `count` times over: `try members * Money(major: 500)`.
    /// - Throws: ``MoneyError/overflow`` past what ``minorUnits`` holds.
    public static func * (lhs: Int, rhs: Money) throws(MoneyError) -> Money { try rhs * lhs }

    /// The part of this amount that `share` makes, to the minor unit: `try budget.portion(Share(percent: 15))` is
    /// 15% of the budget.
    ///
    /// The product is exact (128-bit) and rounded once, by `rule`. The default rounds up, as the rules round the
    /// amounts they ask for (a floor of 15% of 100.01 € needs 15.01 €, not 15.00 €); a ceiling that must not be
    /// exceeded rounds down (`.down`).
    /// - Throws: ``MoneyError/overflow`` when the result does not fit in ``minorUnits``.
    public func portion(_ share: Share, rounding rule: FloatingPointRoundingRule = .up) throws(MoneyError) -> Money {
        let product = Int128(minorUnits) * Int128(share.numerator)
        guard let units = Int64(exactly: ExactArithmetic.divide(product, by: Int128(share.denominator), rounding: rule))
        else { throw .overflow }
        return Money(minorUnits: units, currency: currency)
    }
}
