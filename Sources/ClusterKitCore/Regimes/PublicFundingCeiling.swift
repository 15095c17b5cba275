/// The most public money a regime allows an action: a share of the eligible cost, the eligible cost and the amount
/// possibly limited.
///
/// ```swift
/// let ceiling = PublicFundingCeiling(regime: "NN120/90-E1/90", share: Share(percent: 50))
/// ceiling.maximum(forCost: Money(major: 50_000))   // 25,000.00 EUR
/// ```
public struct PublicFundingCeiling: Hashable, Sendable {
    /// The regime that sets the ceiling (after any delegation: a category C action's notified regime).
    public var regime: FundingRegimeID
    /// The largest share of the eligible cost public money may pay, from zero to one.
    public var share: Share
    /// The most cost that is eligible in the budget's year (`nil`: the whole cost of the action). The limit counts
    /// all the budget's actions under the same regime together (Wallonia's EUR 160,000 of running costs a year).
    public var eligibleCostLimit: Money?
    /// The most public money in the budget's year (`nil`: no limit beyond the share). The limit counts all the
    /// budget's actions under the same regime together (de minimis' EUR 200,000 per undertaking).
    public var amountLimit: Money?

    /// Creates a ceiling.
    public init(regime: FundingRegimeID, share: Share, eligibleCostLimit: Money? = nil, amountLimit: Money? = nil) {
        self.regime = regime
        self.share = share
        self.eligibleCostLimit = eligibleCostLimit
        self.amountLimit = amountLimit
    }

    /// The most public money an action of this cost may receive: ``share`` × min(cost, ``eligibleCostLimit``), at
    /// most ``amountLimit``, rounded down to the cent (so that an amount is within the ceiling exactly when it is at
    /// most this).
    ///
    /// A share under zero counts as zero and one over one as one. Returns `nil` when a limit is in another currency
    /// than the cost.
    public func maximum(forCost cost: Money) -> Money? {
        var eligible = max(cost.minorUnits, 0)
        if let limit = eligibleCostLimit {
            guard limit.currency == cost.currency else { return nil }
            eligible = min(eligible, max(limit.minorUnits, 0))
        }
        let rate = min(max(share, .zero), .one)
        // 0 ≤ rate ≤ 1 and 0 ≤ eligible: the product divided by the denominator fits in Int64 and rounds down.
        var units = Int64(Int128(rate.numerator) * Int128(eligible) / Int128(rate.denominator))
        if let limit = amountLimit {
            guard limit.currency == cost.currency else { return nil }
            units = min(units, max(limit.minorUnits, 0))
        }
        return Money(minorUnits: units, currency: cost.currency)
    }
}
