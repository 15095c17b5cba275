import Foundation

/// A straight glide path from a baseline share to a target share (the memento's « période de transition », p. 21).
public struct GlidePath: Hashable, Sendable {
    /// The year the path starts from.
    public var baselineYear: Int
    /// The private share in the baseline year.
    public var baselineShare: Share
    /// The private share to reach.
    public var target: Share
    /// The year by which to reach it.
    public var targetYear: Int

    /// Creates a path.
    package init(baselineYear: Int, baselineShare: Share, target: Share, targetYear: Int) {
        self.baselineYear = baselineYear
        self.baselineShare = baselineShare
        self.target = target
        self.targetYear = targetYear
    }

    /// The share the path requires in `year`: `nil` before the baseline year; the target from the target year on
    /// (or all along when the baseline already reaches it); in between, `s₀ + (t − s₀)·(y − y₀)/(Y − y₀)`, exact
    /// (or rounded down to 10⁻¹² when the exact ratio does not fit in 64-bit terms).
    package func required(in year: Int) -> Share? {
        guard year >= baselineYear else { return nil }
        guard baselineShare < target, year < targetYear else { return target }
        let n = Int128(targetYear - baselineYear), k = Int128(year - baselineYear)
        if let exact = Self.interpolate(baselineShare, target, k, n) { return exact }
        // Terms too large for 128 bits (shares built in code with huge denominators): go through 12 decimals.
        guard let s0 = Share(exactly: baselineShare.rounded(toPlaces: 12)), let t = Share(exactly: target.rounded(toPlaces: 12)),
            let approximate = Self.interpolate(s0, t, k, n)
        else { return target }
        return approximate
    }

    /// `(a·q·n + (p·b − a·q)·k) / (b·q·n)` for `s₀ = a/b`, `t = p/q`; `nil` on overflow.
    private static func interpolate(_ s0: Share, _ t: Share, _ k: Int128, _ n: Int128) -> Share? {
        let a = Int128(s0.numerator), b = Int128(s0.denominator), p = Int128(t.numerator), q = Int128(t.denominator)
        func times(_ x: Int128, _ y: Int128) -> Int128? {
            let (value, overflow) = x.multipliedReportingOverflow(by: y)
            return overflow ? nil : value
        }
        guard let aq = times(a, q), let pb = times(p, b), let aqn = times(aq, n), let bq = times(b, q),
            let denominator = times(bq, n), case let (gap, false) = pb.subtractingReportingOverflow(aq),
            let step = times(gap, k), case let (numerator, false) = aqn.addingReportingOverflow(step), numerator >= 0
        else { return nil }
        return Share.reduced(numerator, over: denominator)
    }
}
