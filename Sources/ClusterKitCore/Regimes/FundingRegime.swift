/// A set of rules on how much public money an action may receive: a pôles' mission category, a notified aid regime,
/// an EU block exemption, a host program's own decree.
///
/// A regime says, for one action of one budget, the ceiling of public funding it allows (``ceiling(for:in:)``): a
/// share of the action's cost, possibly with a limit on the eligible cost or on the amount. It may depend on the
/// budget — a regime may vary over the cluster's life (its age, ``RegimeContext/age``) — and may delegate to
/// another regime of the catalogue (the pôles' category C takes the ceiling of the action's notified regime).
///
/// ClusterRules ships the memento's regimes (`Catalog.builtIn`). A host program adds its own by conforming a value
/// type to this protocol and passing a ``Catalog`` that holds it — there is no global registry:
///
/// ```swift
/// struct RegionalScheme: FundingRegime {
///     var id: FundingRegimeID { "acme-regional-scheme" }
///     var name: LocalizedText { LocalizedText(english: "Regional scheme", french: "Dispositif régional") }
///     var summary: LocalizedText { LocalizedText(english: "60% of the action's cost.", french: "60 % du coût de l'action.") }
///     var citation: Citation { Citation(document: "Acme regional scheme (2026)", location: "art. 4") }
///     func ceiling(for action: ExpenseLine, in context: RegimeContext) -> PublicFundingCeiling? {
///         PublicFundingCeiling(regime: id, share: Share(percent: 60))
///     }
/// }
/// let catalog = try Catalog.builtIn.adding(RegionalScheme())
/// ```
///
/// Budgets name a regime in `expenses[].regime`; an id the catalogue does not hold is an input error.
public protocol FundingRegime: Sendable {
    /// The identifier budget files use in `expenses[].regime`.
    var id: FundingRegimeID { get }
    /// The regime's short name.
    var name: LocalizedText { get }
    /// What the regime allows, in a sentence or two a cluster manager understands.
    var summary: LocalizedText { get }
    /// The text that sets the regime (a regulation and its article, a decree, a slide of the memento).
    var citation: Citation { get }
    /// Whether valued member time and secondments may be counted among the resources of actions under the regime.
    ///
    /// Defaults to `true`; a regime that refuses in-kind resources returns `false`.
    var allowsValuedTime: Bool { get }

    /// The ceiling of public funding the regime allows for an action of a budget, or `nil` when it cannot say (the
    /// cluster's age is unknown, the budget's currency is not the one the regime's amounts are in, a delegation
    /// leads nowhere).
    ///
    /// The ceiling concerns the budget's year only: aid the regime counts over several years (de minimis) can
    /// only be checked for the part the budget shows.
    func ceiling(for action: ExpenseLine, in context: RegimeContext) -> PublicFundingCeiling?
}

extension FundingRegime {
    /// Valued time may be counted, unless a regime says otherwise.
    public var allowsValuedTime: Bool { true }
}
