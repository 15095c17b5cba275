import Foundation

/// Where a year's private share comes from.
public enum FigureSource: String, Hashable, Sendable, CaseIterable, Codable {
    /// The figure the cluster publishes (its summary row).
    case published
    /// The figure computed from the year's plan of financing.
    case computed
}

/// A year's private share, with the amounts it is made of where they are known.
public struct PrivateShareFigure: Hashable, Sendable {
    /// The private share.
    public var share: Share
    /// The total the share is of (R, R(cash) or the published total); `nil` when only a share is published.
    public var whole: Money?
    /// The lines of the private resources, for a computed figure.
    public var lines: [String]
    /// Published or computed.
    public var source: FigureSource
    /// The basis of a computed figure; `nil` for a published one (clusters rarely say which they publish).
    public var basis: SelfFinancingBasis?

    /// Creates a figure.
    package init(share: Share, whole: Money?, lines: [String] = [], source: FigureSource, basis: SelfFinancingBasis? = nil) {
        self.share = share
        self.whole = whole
        self.lines = lines
        self.source = source
        self.basis = basis
    }

    /// The private revenue to add for the share to reach `target`, the total growing with it:
    /// `x = R·(t − s) / (1 − t)`, rounded up to the cent (`R − 2·Priv` for 50%). Zero when the share already reaches
    /// the target; `nil` when the total is unknown, the target is 100% or more, or the amount does not fit.
    package func additionToReach(_ target: Share) -> Money? {
        guard let whole else { return nil }
        let tn = Int128(target.numerator), td = Int128(target.denominator)
        let sn = Int128(share.numerator), sd = Int128(share.denominator)
        guard tn < td else { return nil }
        let gap = tn * sd - sn * td
        guard gap > 0 else { return .zero(whole.currency) }
        let (numerator, overflow) = Int128(whole.minorUnits).multipliedReportingOverflow(by: gap)
        let (denominator, overflow2) = sd.multipliedReportingOverflow(by: td - tn)
        guard !overflow, !overflow2 else { return nil }
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        guard let units = Int64(exactly: remainder > 0 ? quotient + 1 : quotient) else { return nil }
        return Money(minorUnits: units, currency: whole.currency)
    }
}
