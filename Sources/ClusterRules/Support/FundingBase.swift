import ClusterKitCore

extension BudgetMetrics {
    /// What the whole of a share is called in an explanation: total resources, or — when some lines are not funding
    /// or pass money through — the funding base the shares are computed on.
    var wholeLabel: LocalizedText {
        fundingBase == totalResources
            ? LocalizedText.totalResources
            : LocalizedText(
                english: "Funding base (R, less the lines that are not funding or are passed on)",
                french: "Base de financement (R, hors produits non financeurs et fonds reversés)")
    }
}
