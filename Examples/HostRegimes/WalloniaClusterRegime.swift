import ClusterKitCore

/// Wallonia's 2007 decree on business clusters as a funding regime: an example of a regime a host program writes
/// itself, with ClusterKit's public API only.
///
/// It encodes the decree of 18 January 2007 as it stood before the decree of 11 April 2024 amended it (implementing
/// order of 2 May 2024, in force since 1 July 2024). A budget whose fiscal year starts on or after 1 July 2024 falls
/// under the amended text, which this example does not encode: the regime sets no ceiling for it, and
/// `uncategorized-action` reports its lines as under a regime that sets none.
///
/// The Walloon Region subsidises a recognised cluster's eligible running costs, up to EUR 160,000 a year: all of
/// them in the first three years of the cluster's life, 80% in years 4 to 6, 50% from year 7 on. The ceiling thus
/// depends on the cluster's age — a transition period expressed as a regime. The first year of a cluster's life is
/// its founding year (age 0 in ``RegimeContext/age``).
///
/// A host program registers it in the catalogue it checks budgets with, and a budget names it on the lines it
/// funds:
///
/// ```swift
/// let catalog = try Catalog.builtIn.adding(WalloniaClusterRegime())
/// let budget = try BudgetDecoder(catalog: catalog).decode(data)   // "regime": "wallonia-clusters-2007"
/// let report = Engine(ruleSet: rules, catalog: catalog).check(budget)
/// ```
public struct WalloniaClusterRegime: FundingRegime {
    /// The id budgets write in `expenses[].regime`.
    public static let id: FundingRegimeID = "wallonia-clusters-2007"
    /// The most running costs that are eligible in a year.
    public static let yearlyEligibleCosts = Money(major: 160_000)

    /// Creates the regime.
    public init() {}

    public var id: FundingRegimeID { Self.id }

    public var name: LocalizedText {
        LocalizedText(
            english: "Wallonia, 2007 decree on business clusters",
            french: "Wallonie, décret de 2007 relatif aux réseaux d'entreprises ou clusters")
    }

    public var summary: LocalizedText {
        LocalizedText(
            english: "Eligible running costs of a recognised cluster, up to EUR 160,000 a year, funded 100% in years 1–3 of its life, 80% in years 4–6 and 50% afterwards.",
            french: "Frais de fonctionnement admissibles d'un cluster reconnu, jusqu'à 160 000 EUR par an, financés à 100 % les années 1 à 3 de sa vie, à 80 % les années 4 à 6 et à 50 % ensuite.")
    }

    public var citation: Citation {
        Citation(
            document: "Décret du 18 janvier 2007 relatif au soutien et au développement des réseaux d'entreprises ou clusters (Région wallonne)",
            location: "text of 2007, before its amendment by the décret du 11 avril 2024 (in force on 1 July 2024)")
    }

    /// The day the amended decree came into force: a fiscal year starting then or later is not under this text.
    public static let amendedTextInForce = CalendarDate(year: 2024, month: 7, day: 1)!

    /// The share of eligible running costs the Region funds in a year of the cluster's life (1 for its founding
    /// year); `nil` before the cluster exists.
    public static func share(inYearOfLife year: Int) -> Share? {
        switch year {
        case ..<1: nil
        case 1...3: .one
        case 4...6: Share(percent: 80)
        default: Share(percent: 50)
        }
    }

    public func ceiling(for action: ExpenseLine, in context: RegimeContext) -> PublicFundingCeiling? {
        guard context.currency == .euro, let age = context.age, let share = Self.share(inYearOfLife: age + 1) else {
            return nil
        }
        // The 2007 text only: a fiscal year from 1 July 2024 is under the amended decree.
        let start = context.budget.period?.start ?? CalendarDate(year: context.budget.year, month: 1, day: 1)!
        guard start < Self.amendedTextInForce else { return nil }
        return PublicFundingCeiling(regime: id, share: share, eligibleCostLimit: Self.yearlyEligibleCosts)
    }
}
