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
    /// The last day the regime applies (the GBER: 31 December 2026); a budget whose year starts later gets no
    /// ceiling from it, and `uncategorized-action` says the regime has ended.
    package let applicableUntil: CalendarDate?

    /// Creates a regime.
    /// - Parameters:
    ///   - id: the identifier budget files use.
    ///   - name: the regime's short name.
    ///   - summary: what it allows.
    ///   - citation: the text that sets it.
    ///   - share: the largest share of an action's cost public money may pay.
    ///   - amountLimit: the most public money an action may receive.
    ///   - applicableUntil: the last day the regime applies, if the text sets one.
    public init(
        id: FundingRegimeID, name: LocalizedText, summary: LocalizedText, citation: Citation, share: Share,
        amountLimit: Money? = nil, applicableUntil: CalendarDate? = nil
    ) {
        self.applicableUntil = applicableUntil
        self.id = id
        self.name = name
        self.summary = summary
        self.citation = citation
        self.share = share
        self.amountLimit = amountLimit
    }

    public func ceiling(for action: ExpenseLine, in context: RegimeContext) -> PublicFundingCeiling? {
        if let amountLimit, amountLimit.currency != context.currency { return nil }
        if hasEnded(for: context.budget) { return nil }
        return PublicFundingCeiling(regime: id, share: share, amountLimit: amountLimit)
    }
}

extension StateAidRegime {
    /// Whether the regime no longer applies in the budget's year: its fiscal year starts after the regime's last day.
    package func hasEnded(for budget: Budget) -> Bool {
        guard let applicableUntil else { return false }
        let start = budget.period?.start ?? CalendarDate(year: budget.year, month: 1, day: 1)
        return start.map { $0 > applicableUntil } ?? false
    }
}
