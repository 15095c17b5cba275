import ClusterKitCore

extension ResourceLine {
    /// A resource line for a remediation's move to write (`RemediationMove`): its id and amount are set when the move
    /// is applied.
    static func remedy(
        _ source: RevenueSourceID, _ currency: CurrencyCode, label: String = "remediation", funder: String? = nil,
        action: String? = nil, sponsor: SponsorTerms? = nil
    ) -> ResourceLine {
        ResourceLine(
            id: "remediation", label: label, source: source, amount: .zero(currency), funder: funder, action: action,
            sponsor: sponsor)
    }
}

extension RuleContext {
    /// Private revenue of no particular kind, for a fix that adds or moves in private money.
    var newPrivateRevenue: ResourceLine { .remedy(.otherPrivate, metrics.currency, label: "private revenue") }

    /// The ids of the budget's resource lines earmarked to one of `actions`, among `lines`.
    func lines(_ lines: [String], earmarkedTo actions: Set<String>) -> [String] {
        let candidates = Set(lines)
        return budget.resources.filter { candidates.contains($0.id) && $0.action.map(actions.contains) == true }.map(\.id)
    }
}
