import ClusterKitCore

extension FundingRegimeID {
    /// The working-conditions fund's regime.
    public static let workingConditionsFund: FundingRegimeID = "working-conditions-fund"
}

/// A specialised fund that pays part of a collective action on working conditions; the companies pay the rest.
///
/// Modelled on the memento's Mecabourg case study: a research project on working conditions for which the FACT
/// (Fonds pour l'amélioration des conditions de travail) « ayant, au final, financé 75 % de l'action, les 25 %
/// restant ayant été refacturés aux entreprises ». This package takes those 75% as the fund's ceiling — an
/// assumption of the example, not a rule the memento states. The fund pays real costs only, so it allows no valued
/// time.
///
/// A budget names it on the actions it funds (`"regime": "working-conditions-fund"`, with category C in a pôle's
/// budget); the built-in `mission-category-cap` rule then holds those actions to the fund's ceiling.
public struct WorkingConditionsFund: FundingRegime {
    /// The largest share of an action's cost the fund pays.
    public static let share = Share(percent: 75)

    /// Creates the regime.
    public init() {}

    public var id: FundingRegimeID { .workingConditionsFund }

    public var name: LocalizedText {
        LocalizedText(english: "Working-conditions fund", french: "Fonds pour l'amélioration des conditions de travail")
    }

    public var summary: LocalizedText {
        LocalizedText(
            english: "Pays at most 75% of a collective action on working conditions; the companies pay the rest.",
            french: "Finance au plus 75 % d'une action collective sur les conditions de travail ; les entreprises paient le reste.")
    }

    public var citation: Citation {
        Citation(document: "Modèles économiques des clusters (2013)", location: "Mecabourg, « Commentaires et prospective »")
    }

    public var allowsValuedTime: Bool { false }

    public func ceiling(for action: ExpenseLine, in context: RegimeContext) -> PublicFundingCeiling? {
        PublicFundingCeiling(regime: id, share: Self.share)
    }
}
