/// A regime whose ceiling is a share of the action's cost, possibly with a limit on the amount: the shape of the
/// notified regimes, EU block exemptions and de minimis regulations ClusterKit ships (in ``Catalog/builtIn``, by the
/// ids of ``FundingRegimeID``: `Catalog.builtIn.regime(.nn120_90)`).
///
/// A host program can make its own with the same initializer when its regime is that simple, or conform a type of
/// its own to `FundingRegime` when the ceiling depends on the budget (the cluster's age, its kind).
public struct StateAidRegime: FundingRegime, Hashable {
    public let id: FundingRegimeID
    public let name: LocalizedText
    public let summary: LocalizedText
    public let citation: Citation
    /// The largest share of an action's cost public money may pay.
    public let share: Share
    /// The most public money an action may receive, in the currency the regulation writes it in; a budget in
    /// another currency gets no ceiling from the regime rather than a wrong one.
    public let amountLimit: Money?

    /// Creates a regime.
    public init(
        id: FundingRegimeID, name: LocalizedText, summary: LocalizedText, citation: Citation, share: Share,
        amountLimit: Money? = nil
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.citation = citation
        self.share = share
        self.amountLimit = amountLimit
    }

    public func ceiling(for action: ExpenseLine, in context: RegimeContext) -> PublicFundingCeiling? {
        if let amountLimit, amountLimit.currency != context.currency { return nil }
        return PublicFundingCeiling(regime: id, share: share, amountLimit: amountLimit)
    }
}
