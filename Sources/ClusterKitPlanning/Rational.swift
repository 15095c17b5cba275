import ClusterKitCore
/// An exact fraction of 128-bit integers, always reduced, its denominator positive: the numbers of the planner's
/// linear programmes. Every operation is overflow-checked and throws ``PlanningError/tooLarge`` rather than trapping
/// or losing precision; no floating point is involved anywhere.
struct Rational: Hashable, Comparable, Sendable, CustomStringConvertible {
    let numerator: Int128
    let denominator: Int128

    static let zero = Rational(integer: 0)
    static let one = Rational(integer: 1)

    init(integer: Int128) {
        numerator = integer
        denominator = 1
    }

    init(_ integer: Int64) { self.init(integer: Int128(integer)) }

    /// `numerator / denominator`, reduced.
    init(_ numerator: Int128, _ denominator: Int128) throws(PlanningError) {
        guard denominator != 0 else { throw .tooLarge }
        var n = numerator, d = denominator
        if d < 0 {
            guard n != .min, d != .min else { throw .tooLarge }
            n = -n
            d = -d
        }
        guard d != 1 else {
            self.numerator = n
            self.denominator = 1
            return
        }
        let divisor = Int128(ExactArithmetic.gcd(n.magnitude, d.magnitude))
        self.numerator = divisor == 1 ? n : n / divisor
        self.denominator = divisor == 1 ? d : d / divisor
    }

    var isZero: Bool { numerator == 0 }
    var isNegative: Bool { numerator < 0 }
    var isPositive: Bool { numerator > 0 }
    var isInteger: Bool { denominator == 1 }

    /// The largest integer not above the fraction.
    var floor: Int128 { ExactArithmetic.divide(numerator, by: denominator, rounding: .down) }
    /// The smallest integer not below the fraction.
    var ceiling: Int128 { ExactArithmetic.divide(numerator, by: denominator, rounding: .up) }

    var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    private static func multiply(_ a: Int128, _ b: Int128) throws(PlanningError) -> Int128 {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow else { throw .tooLarge }
        return value
    }

    private static func add(_ a: Int128, _ b: Int128) throws(PlanningError) -> Int128 {
        let (value, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw .tooLarge }
        return value
    }

    func adding(_ other: Rational) throws(PlanningError) -> Rational {
        if denominator == other.denominator {
            return try Rational(Self.add(numerator, other.numerator), denominator)
        }
        // Over the least common multiple, to keep the numbers small.
        let g = Int128(ExactArithmetic.gcd(denominator.magnitude, other.denominator.magnitude))
        let left = try Self.multiply(numerator, other.denominator / g)
        let right = try Self.multiply(other.numerator, denominator / g)
        return try Rational(Self.add(left, right), Self.multiply(denominator, other.denominator / g))
    }

    func negated() throws(PlanningError) -> Rational {
        guard numerator != .min else { throw .tooLarge }
        return Rational(unchecked: -numerator, denominator)
    }

    func subtracting(_ other: Rational) throws(PlanningError) -> Rational { try adding(other.negated()) }

    func multiplied(by other: Rational) throws(PlanningError) -> Rational {
        if isZero || other.isZero { return .zero }
        // Cross-reduce first, to keep the numbers small.
        let g1 = Int128(ExactArithmetic.gcd(numerator.magnitude, other.denominator.magnitude))
        let g2 = Int128(ExactArithmetic.gcd(other.numerator.magnitude, denominator.magnitude))
        return try Rational(
            Self.multiply(numerator / g1, other.numerator / g2), Self.multiply(denominator / g2, other.denominator / g1))
    }

    func divided(by other: Rational) throws(PlanningError) -> Rational {
        guard !other.isZero else { throw .tooLarge }
        return try multiplied(by: Rational(other.denominator, other.numerator))
    }

    private init(unchecked numerator: Int128, _ denominator: Int128) {
        self.numerator = numerator
        self.denominator = denominator
    }

    static func < (lhs: Rational, rhs: Rational) -> Bool {
        // Compared by the sign of the difference when the cross products would overflow.
        let (a, o1) = lhs.numerator.multipliedReportingOverflow(by: rhs.denominator)
        let (b, o2) = rhs.numerator.multipliedReportingOverflow(by: lhs.denominator)
        if !o1 && !o2 { return a < b }
        return (try? lhs.subtracting(rhs).isNegative) ?? (lhs.floor < rhs.floor)
    }
}
