import Foundation

/// The integer arithmetic behind exact money: greatest common divisors, and division rounded by a stated rule.
///
/// Every rounding of an amount in ClusterKit goes through ``divide(_:by:rounding:)``, so that "rounded up to the
/// cent" means one thing everywhere.
package enum ExactArithmetic {
    /// The greatest common divisor of `a` and `b`; 1 when both are zero, so that dividing by it is always safe.
    package static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return Swift.max(a, 1)
    }

    /// The greatest common divisor of two 128-bit magnitudes (the planner's fractions); 1 when both are zero.
    package static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        // In 64 bits where the numbers fit: 128-bit division is slow.
        if let x = UInt64(exactly: a), let y = UInt64(exactly: b) { return UInt128(gcd(x, y)) }
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return Swift.max(a, 1)
    }

    /// ⌈a / b⌉, for `b > 0`.
    package static func ceilingDivision(_ a: Int128, _ b: Int128) -> Int128 { divide(a, by: b, rounding: .up) }

    /// `a / b` rounded by `rule`, for `b > 0`: `.up` is the ceiling, `.down` the floor, `.towardZero` truncates,
    /// `.awayFromZero` rounds any remainder away from zero, and the two nearest rules break ties away from zero or
    /// to the even quotient.
    package static func divide(_ a: Int128, by b: Int128, rounding rule: FloatingPointRoundingRule) -> Int128 {
        precondition(b > 0, "division by a non-positive denominator")
        let (quotient, remainder) = a.quotientAndRemainder(dividingBy: b)  // truncated: remainder has a's sign
        guard remainder != 0 else { return quotient }
        let towardZero = quotient, awayFromZero = quotient + (a < 0 ? -1 : 1)
        switch rule {
        case .towardZero: return towardZero
        case .awayFromZero: return awayFromZero
        case .up: return a < 0 ? towardZero : awayFromZero
        case .down: return a < 0 ? awayFromZero : towardZero
        case .toNearestOrAwayFromZero, .toNearestOrEven:
            let twice = remainder.magnitude * 2, divisor = b.magnitude
            if twice != divisor { return twice > divisor ? awayFromZero : towardZero }
            if rule == .toNearestOrAwayFromZero { return awayFromZero }
            return towardZero % 2 == 0 ? towardZero : awayFromZero
        @unknown default: return awayFromZero
        }
    }
}

extension ExactArithmetic {
    /// `value × 10^−places` as a `Decimal`, made from its digits: the same value, in the same compact form, as
    /// `Decimal(value) / 10^places`, without `Decimal`'s division (some 45,000 instructions a call, measured with
    /// callgrind: half the time of rendering a JSON report went there). `nil` past 64 bits of magnitude.
    package static func decimal(_ value: Int128, places: Int) -> Decimal? {
        guard var magnitude = UInt64(exactly: value.magnitude) else { return nil }
        guard magnitude != 0 else { return Decimal(0) }
        var exponent = -places
        // Compact, as the division leaves it: no trailing zero in the significand.
        while magnitude % 10 == 0 {
            magnitude /= 10
            exponent += 1
        }
        return Decimal(sign: value < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(magnitude))
    }
}
