import ClusterKitCore

/// The `allocation` parameter of the rules that read the analytic allocation of public funding: it names the one
/// allocation ClusterKit makes, so that `explain` and the rule reference say it is ours.
let allocationParameter = Parameter<String>(
    "allocation", default: "proRata",
    english: "How public resources earmarked to no action are shared among actions: in proportion to the part of each action's cost its earmarked resources leave uncovered (our choice; the memento sets no method).",
    french: "Répartition des ressources publiques affectées à aucune action : au prorata de la part du coût de chaque action que ses ressources affectées ne couvrent pas (notre choix ; le mémento ne fixe pas de méthode).",
    defaultIsOurs: true, allowedValues: ["proRata"])

/// The ceiling of public funding of each expense line, as its mission category (or, without one, its regime) sets
/// it: the one place the mission-category rules resolve regimes.
struct ActionCeilings {
    /// What could be said of one line's ceiling.
    enum Status {
        /// The line has a ceiling: the regime's terms and the most public money its cost allows.
        case capped(PublicFundingCeiling, maximum: Money)
        /// The line has neither a category nor a regime.
        case uncategorized
        /// A category C line that names no regime: category C's ceiling is its regime's.
        case missingRegime
        /// The regime sets no ceiling for this line this year (unknown age, another currency, a cycle).
        case noCeiling(FundingRegimeID)
    }

    /// One line, its allocation and its ceiling.
    struct Entry {
        let funding: ActionFunding
        let line: ExpenseLine
        let status: Status

        /// The ceiling, when the line has one.
        var ceiling: (terms: PublicFundingCeiling, maximum: Money)? {
            if case .capped(let terms, let maximum) = status { return (terms, maximum) }
            return nil
        }
    }

    let entries: [Entry]

    init(_ context: RuleContext) {
        let regimes = RegimeContext(budget: context.budget, catalog: context.catalog)
        entries = context.metrics.allocation.actions.map { funding in
            let line = context.budget.expenses[funding.index]
            return Entry(funding: funding, line: line, status: Self.status(of: line, cost: funding.cost, regimes))
        }
    }

    private static func status(of line: ExpenseLine, cost: Money, _ regimes: RegimeContext) -> Status {
        let terms: PublicFundingCeiling?
        let governing: FundingRegimeID
        if let category = line.category {
            let regime = MissionCategoryRegime(category)
            if category == .c, line.regime == nil { return .missingRegime }
            terms = regime.ceiling(for: line, in: regimes)
            governing = line.regime ?? regime.id
        } else if let id = line.regime {
            terms = regimes.ceiling(under: id, for: line)
            governing = id
        } else {
            return .uncategorized
        }
        guard let terms, let maximum = terms.maximum(forCost: cost) else { return .noCeiling(governing) }
        return .capped(terms, maximum: maximum)
    }

    /// Whether any line has a ceiling.
    var anyCapped: Bool { entries.contains { $0.ceiling != nil } }

    /// The lines under one regime, and the most public money they may receive together in the budget's year.
    struct Group {
        let regime: FundingRegimeID
        let entries: [Entry]
        /// The sum of the lines' own ceilings, lowered by the regime's limits when it has some (an eligible cost or
        /// an amount per year counts every line under the regime together: Wallonia's EUR 160,000 of running
        /// costs, de minimis' EUR 200,000).
        let maximum: Money
        /// Whether the regime's limits, rather than the sum of the lines' ceilings, set ``maximum``.
        let isPooled: Bool
    }

    /// The capped lines grouped by the regime that sets their ceiling, in the order of their first line.
    func groups() throws -> [Group] {
        var order: [FundingRegimeID] = []
        var members: [FundingRegimeID: [Entry]] = [:]
        for entry in entries {
            guard let regime = entry.ceiling?.terms.regime else { continue }
            if members[regime] == nil { order.append(regime) }
            members[regime, default: []].append(entry)
        }
        return try order.map { regime in
            let group = members[regime] ?? []
            var sum = Money.zero(group.first?.funding.cost.currency ?? .euro)
            var limit: Money?
            for entry in group {
                guard let (terms, maximum) = entry.ceiling else { continue }
                sum = try sum.adding(maximum)
                if terms.eligibleCostLimit != nil || terms.amountLimit != nil,
                    let pooled = terms.maximum(forCost: Money(minorUnits: .max, currency: sum.currency))
                {
                    limit = min(limit ?? pooled, pooled)
                }
            }
            let isPooled = limit.map { $0 < sum } ?? false
            return Group(regime: regime, entries: group, maximum: isPooled ? limit ?? sum : sum, isPooled: isPooled)
        }
    }

    /// What sets a line's ceiling, in words: "category B", "category C (regime NN120/90-E1/90)", "regime X".
    static func scope(of entry: Entry) -> LocalizedText {
        let regime = entry.ceiling?.terms.regime.rawValue ?? entry.line.regime?.rawValue ?? ""
        switch entry.line.category {
        case .some(.c):
            return LocalizedText(english: "category C (regime \(regime))", french: "la catégorie C (régime \(regime))")
        case .some(let category):
            return LocalizedText(english: "category \(category.rawValue)", french: "la catégorie \(category.rawValue)")
        case nil:
            return LocalizedText(english: "regime \(regime)", french: "le régime \(regime)")
        }
    }
}

/// An expense line of whole euros for rule examples: an action of a mission category, possibly under a regime.
func action(
    _ id: String, _ major: Int64, _ category: MissionCategory?, regime: FundingRegimeID? = nil,
    nature: ExpenseNature = .programme
) -> ExpenseLine {
    ExpenseLine(id: id, amount: Money(major: major), nature: nature, category: category, regime: regime)
}

/// A pôle's budget for rule examples.
func poleBudget(
    _ name: String = "Pôle exemple", impactReporting: Bool = false, resources: [ResourceLine], expenses: [ExpenseLine]
) -> Budget {
    var cluster = exampleCluster(name, kind: .pole, members: 150)
    cluster.impactReporting = impactReporting
    return Budget(cluster: cluster, year: 2013, resources: resources, expenses: expenses)
}
