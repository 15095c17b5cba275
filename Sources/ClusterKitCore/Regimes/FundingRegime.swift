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

/// What a regime sees when it sets a ceiling: the budget (its year, its cluster and the cluster's age) and the
/// catalogue, through which it may delegate to another regime.
public struct RegimeContext: Sendable {
    /// The budget whose action is under the regime.
    public let budget: Budget
    /// The regimes in force, for delegation.
    public let catalog: Catalog
    /// How many delegations led here.
    private var depth = 0

    /// How many delegations may nest before a chain counts as a cycle and sets no ceiling.
    static let maximumDelegationDepth = 8

    /// Creates a context for a budget and a catalogue.
    public init(budget: Budget, catalog: Catalog) {
        self.budget = budget
        self.catalog = catalog
    }

    /// The budget's fiscal year.
    public var year: Int { budget.year }
    /// The cluster's age in the budget's year (year − founding year), if its founding year is known. The first
    /// year of a cluster's life is age 0.
    public var age: Int? { budget.age }
    /// Who the cluster is.
    public var cluster: ClusterProfile { budget.cluster }
    /// The budget's currency.
    public var currency: CurrencyCode { budget.currency }

    /// The ceiling another regime of the catalogue sets for the action: how a regime delegates.
    ///
    /// Returns `nil` when the catalogue has no such regime, when that regime sets no ceiling, or when delegations
    /// nest deeper than 8 levels (a regime that, directly or not, delegates to itself).
    public func ceiling(under id: FundingRegimeID, for action: ExpenseLine) -> PublicFundingCeiling? {
        guard depth < Self.maximumDelegationDepth, let regime = catalog.regime(id) else { return nil }
        var inner = self
        inner.depth += 1
        return regime.ceiling(for: action, in: inner)
    }
}
