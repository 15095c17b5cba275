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
    package var year: Int { budget.year }
    /// The cluster's age in the budget's year (year − founding year), if its founding year is known. The first
    /// year of a cluster's life is age 0.
    public var age: Int? { budget.age }
    /// Who the cluster is.
    package var cluster: ClusterProfile { budget.cluster }
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
