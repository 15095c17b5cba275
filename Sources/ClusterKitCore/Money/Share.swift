import Foundation

/// An exact ratio — a part of a whole, or a threshold such as 15% — compared without floating point.
///
/// Two shares compare by cross-multiplication in 128-bit integers, so a budget at exactly 50%
/// passes a 50% floor and one cent under fails it:
///
/// ```swift
/// let priv = try Share(Money(major: 145_000), ofNonZero: Money(major: 290_000))
/// priv >= Share(percent: 50)   // true, exactly
/// ```
///
/// A share from two amounts: ``init(_:of:)`` (optional, `nil` for a whole of zero) or ``init(_:ofNonZero:)``
/// (throws). The amount that brings a part to a threshold, in either direction: ``additionToReach(_:part:of:)`` and
/// ``removalToReach(_:part:of:)`` (the whole moving with the part), ``transferToReach(_:part:of:)`` (the whole
/// unchanged), ``dilutionToReach(_:part:of:)`` (the rest growing).
public struct Share: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// The numerator of the ratio.
    public let numerator: Int64
    /// The denominator of the ratio, always positive.
    public let denominator: Int64

    /// Creates the ratio `numerator / denominator`.
    /// - Precondition: `denominator > 0`.
    public init(_ numerator: Int64, over denominator: Int64) {
        precondition(denominator > 0, "a share needs a positive denominator")
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The share `part / whole`, or `nil` when `whole` is zero or negative, or the currencies differ.
    public init?(_ part: Money, of whole: Money) {
        guard whole.minorUnits > 0, part.currency == whole.currency else { return nil }
        self.init(part.minorUnits, over: whole.minorUnits)
    }

    /// The share `part / whole` of a whole that cannot be zero (a rule's total expenses, once it has checked there are
    /// some): `let personnel = try Share(staff, ofNonZero: expenses)`.
    ///
    /// A rule that throws becomes a diagnostic of its own (the engine's `rule-failed`), the other rules still run.
    /// - Throws: ``MoneyError/noWhole(_:)`` when `whole` is zero or negative, ``MoneyError/currencyMismatch(_:_:)``
    ///   for two currencies.
    public init(_ part: Money, ofNonZero whole: Money) throws(MoneyError) {
        guard part.currency == whole.currency else { throw .currencyMismatch(part.currency, whole.currency) }
        guard whole.minorUnits > 0 else { throw .noWhole(whole) }
        self.init(part.minorUnits, over: whole.minorUnits)
    }

    /// A whole percentage: `Share(percent: 15)` is 15/100.
    public init(percent: Int64) { self.init(percent, over: 100) }

    /// A decimal fraction, exactly: `Share(exactly: 0.15)` is 15/100 (from a `Decimal`, never a `Double`).
    ///
    /// Returns `nil` for more than 12 decimals or a value too large to hold.
    public init?(exactly fraction: Decimal) {
        guard fraction.isFinite else { return nil }
        for places in 0...12 {
            let scale = Self.powerOfTen(places)
            var scaled = fraction * Decimal(scale)
            var rounded = Decimal()
            NSDecimalRound(&rounded, &scaled, 0, .plain)
            if rounded == scaled {
                guard let numerator = Int64(NSDecimalNumber(decimal: rounded).stringValue) else { return nil }
                self.init(numerator, over: scale)
                return
            }
        }
        return nil
    }

    /// Zero.
    public static let zero = Share(0, over: 1)
    /// One: the whole.
    public static let one = Share(1, over: 1)

    /// The ratio as a `Double`, for display only; never compare with it.
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// The ratio rounded half-up to `places` decimals, as an exact decimal (`0.4483` for 130/290 at 4 places).
    package func rounded(toPlaces places: Int) -> Decimal {
        if let digits = roundedDigits(toPlaces: places), let exact = ExactArithmetic.decimal(digits, places: places) {
            return exact
        }
        var exact = Decimal(numerator) / Decimal(denominator)
        var result = Decimal()
        NSDecimalRound(&result, &exact, places, .plain)
        return result
    }

    /// The ratio rounded half away from zero (as `.plain` rounds) to `places` decimals, as the integer of its digits
    /// (`4483` for 130/290 at 4 places), in exact integers with no `Decimal` division; `nil` past 18 places.
    package func roundedDigits(toPlaces places: Int) -> Int128? {
        guard (0...18).contains(places) else { return nil }
        var scale: Int128 = 1
        for _ in 0..<places { scale *= 10 }
        return ExactArithmetic.divide(Int128(numerator) * scale, by: Int128(denominator), rounding: .toNearestOrAwayFromZero)
    }

    /// The complement `1 − self`.
    package var complement: Share { Share(denominator - numerator, over: denominator) }

    public static func < (lhs: Share, rhs: Share) -> Bool {
        Int128(lhs.numerator) * Int128(rhs.denominator) < Int128(rhs.numerator) * Int128(lhs.denominator)
    }

    public static func == (lhs: Share, rhs: Share) -> Bool {
        Int128(lhs.numerator) * Int128(rhs.denominator) == Int128(rhs.numerator) * Int128(lhs.denominator)
    }

    public func hash(into hasher: inout Hasher) {
        let divisor = ExactArithmetic.gcd(numerator.magnitude, denominator.magnitude)
        hasher.combine(numerator / Int64(divisor))
        hasher.combine(denominator / Int64(divisor))
    }

    /// `"130/290"`: the exact ratio.
    public var description: String { "\(numerator)/\(denominator)" }

    /// `self × amount`, rounded up to the minor unit (unbounded: ``Money/portion(_:rounding:)`` is the checked form).
    func ceilingOfProduct(with amount: Money) -> Int128 {
        ExactArithmetic.ceilingDivision(Int128(numerator) * Int128(amount.minorUnits), Int128(denominator))
    }

    static func powerOfTen(_ places: Int) -> Int64 {
        var value: Int64 = 1
        for _ in 0..<places { value *= 10 }
        return value
    }

}

extension Share {
    /// The amount to **add** to a component `part` of `whole` so that it reaches `target`, the whole growing by
    /// the same amount: `x = (t·R − C) / (1 − t)`, rounded up to the cent.
    ///
    /// Returns zero when the component already reaches the target, and `nil` when no addition can reach it
    /// (a target of 100% or more) or the result does not fit in ``Money``.
    public static func additionToReach(_ target: Share, part: Money, of whole: Money) -> Money? {
        let p = Int128(target.numerator), q = Int128(target.denominator)
        guard p < q else { return nil }
        let numerator = p * Int128(whole.minorUnits) - q * Int128(part.minorUnits)
        guard numerator > 0 else { return .zero(whole.currency) }
        return money(ExactArithmetic.ceilingDivision(numerator, q - p), currency: whole.currency)
    }

    /// The amount to **remove** from a component `part` of `whole` so that it falls to `target`, the whole
    /// shrinking by the same amount: `y = (C − t·R) / (1 − t)`, rounded up to the cent.
    ///
    /// Returns zero when the component is already at or under the target, `nil` for a target of 100% or more.
    public static func removalToReach(_ target: Share, part: Money, of whole: Money) -> Money? {
        let p = Int128(target.numerator), q = Int128(target.denominator)
        guard p < q else { return nil }
        let numerator = q * Int128(part.minorUnits) - p * Int128(whole.minorUnits)
        guard numerator > 0 else { return .zero(whole.currency) }
        return money(ExactArithmetic.ceilingDivision(numerator, q - p), currency: whole.currency)
    }

    /// The amount to **move** into (positive) or out of (negative) a component so that it reaches `target`
    /// while the whole stays the same: `t·R − C`, rounded away from zero to the cent.
    public static func transferToReach(_ target: Share, part: Money, of whole: Money) -> Money? {
        let p = Int128(target.numerator), q = Int128(target.denominator)
        let numerator = p * Int128(whole.minorUnits) - q * Int128(part.minorUnits)
        let magnitude = ExactArithmetic.ceilingDivision(Swift.abs(numerator), q)
        return money(numerator < 0 ? -magnitude : magnitude, currency: whole.currency)
    }

    /// The amount of **other** resources to add so that a component `part` of `whole` falls to `target`, the
    /// component itself unchanged: `x = (C − t·R) / t`, rounded up to the cent.
    ///
    /// Returns zero when the component is already at or under the target, `nil` for a target of zero.
    public static func dilutionToReach(_ target: Share, part: Money, of whole: Money) -> Money? {
        let p = Int128(target.numerator), q = Int128(target.denominator)
        guard p > 0 else { return nil }
        let numerator = q * Int128(part.minorUnits) - p * Int128(whole.minorUnits)
        guard numerator > 0 else { return .zero(whole.currency) }
        return money(ExactArithmetic.ceilingDivision(numerator, p), currency: whole.currency)
    }

    private static func money(_ minorUnits: Int128, currency: CurrencyCode) -> Money? {
        guard let units = Int64(exactly: minorUnits) else { return nil }
        return Money(minorUnits: units, currency: currency)
    }
}

extension Share {
    /// The distance `|self − other|` between two shares, exact (or rounded down to 10⁻¹² when the exact ratio does
    /// not fit in 64-bit terms): `0.3.distance(to: 0.2361)` is about 6.4 points.
    package func distance(to other: Share) -> Share {
        let (difference, overflow) = (Int128(numerator) * Int128(other.denominator))
            .subtractingReportingOverflow(Int128(other.numerator) * Int128(denominator))
        guard !overflow, difference != .min else { return Share(Int64.max, over: 1) }
        return Share.reduced(difference < 0 ? -difference : difference, over: Int128(denominator) * Int128(other.denominator))
    }

    /// `numerator / denominator` (numerator ≥ 0, denominator > 0) in lowest terms; rounded down to 12 decimals when
    /// it does not fit in 64-bit terms even then.
    package static func reduced(_ numerator: Int128, over denominator: Int128) -> Share {
        var (x, y) = (numerator, denominator)
        while y != 0 { (x, y) = (y, x % y) }
        let divisor = Swift.max(x, 1)
        if let n = Int64(exactly: numerator / divisor), let d = Int64(exactly: denominator / divisor) {
            return Share(n, over: d)
        }
        // Past 10⁶ (a ratio no budget gives) the value is clamped rather than trapping.
        guard numerator / denominator < 1_000_000 else { return Share(Int64.max, over: 1_000_000_000_000) }
        var (numerator, denominator) = (numerator, denominator)
        while denominator > Int128.max / 16 { (numerator, denominator) = (numerator >> 4, denominator >> 4) }
        var remainder = numerator % denominator
        var value = numerator / denominator
        for _ in 0..<12 {
            remainder *= 10
            value = value * 10 + remainder / denominator
            remainder %= denominator
        }
        return Share(Int64(value), over: 1_000_000_000_000)
    }
}
