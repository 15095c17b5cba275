import Foundation

/// The public funding one expense line (an action, or the running costs) receives in the analytic allocation.
///
/// `publicFunding = earmarkedPublic + sharedPublic`: the public resources earmarked to the line, and its part of the
/// public resources earmarked to nothing, shared in proportion to the cost the earmarked resources leave uncovered.
package struct ActionFunding: Hashable, Sendable {
    /// The line's position in `Budget.expenses`.
    package let index: Int
    /// The line's id.
    package let id: String
    /// The line's cost (its amount).
    package let cost: Money
    /// Its mission category, if it has one.
    package let category: MissionCategory?
    /// The funding regime it names, if any.
    package let regime: FundingRegimeID?
    /// The public resources earmarked to it (`resources[].action`).
    package let earmarkedPublic: LineTotal
    /// The resources of any sector earmarked to it.
    package let earmarked: Money
    /// The part of its cost that earmarked resources leave uncovered: `max(0, cost − earmarked)`.
    package let uncovered: Money
    /// Its part of the unearmarked public resources, in proportion to its uncovered cost.
    package let sharedPublic: Money

    /// All the public funding it receives: earmarked plus shared.
    package var publicFunding: Money {
        Money(minorUnits: earmarkedPublic.amount.minorUnits + sharedPublic.minorUnits, currency: cost.currency)
    }

    /// Its public funding as a share of its cost; `nil` for a line that costs nothing.
    package var publicShare: Share? { Share(publicFunding, of: cost) }
}

/// Which public money goes to which action: the analytic allocation of `RULES.md`, computed once with the metrics.
///
/// The public resources earmarked to an expense (`resources[].action`) go to it. The public resources earmarked to
/// nothing are shared among all expense lines in proportion to the part of each line's cost that the resources
/// earmarked to it (of any sector) leave uncovered. Amounts are exact: the shares are rounded down to the cent and
/// the cents left over go, one each, to the lines with the largest remainders (the smaller line id on a tie), so
/// the parts add up to the shared amount exactly and the same budget always gives the same allocation, whatever
/// the order of its lines.
///
/// When no cost is left uncovered, the unearmarked public money has nowhere to go: it stays ``unallocated``.
///
/// ```swift
/// let metrics = try BudgetMetrics(budget)
/// for action in metrics.allocation.actions {
///     print(action.id, action.publicFunding, action.publicShare?.doubleValue ?? 0)
/// }
/// ```
package struct PublicFundingAllocation: Hashable, Sendable {
    /// One entry per expense line, in budget order.
    package let actions: [ActionFunding]
    /// The public resources earmarked to no expense: the money shared pro rata of uncovered cost.
    package let unearmarkedPublic: LineTotal
    /// Unearmarked public money that no uncovered cost could take (zero unless every cost is covered already).
    package let unallocated: Money
    private let byCategory: [MissionCategory: LineTotal]

    /// The entry of the expense line with this id.
    package func action(_ id: String) -> ActionFunding? { actions.first { $0.id == id } }

    /// The public funding of the actions of a mission category, and their ids (zero and none when no action has
    /// it).
    package func publicFunding(of category: MissionCategory) -> LineTotal {
        byCategory[category] ?? LineTotal(amount: .zero(unearmarkedPublic.amount.currency), lines: [])
    }

    /// No action and nothing allocated: what a budget whose sums cannot be held would get (``BudgetMetrics`` checks
    /// them first, so it never does).
    init(unallocated currency: CurrencyCode) {
        actions = []
        byCategory = [:]
        unearmarkedPublic = LineTotal(currency)
        unallocated = .zero(currency)
    }

    /// Allocates a budget's public resources, already resolved and validated by ``BudgetMetrics``.
    ///
    /// - Parameters:
    ///   - table: the budget's lines, resolved.
    ///   - earmarked: the resources of any sector earmarked to each expense, by expense id.
    init(_ table: LineTable, currency: CurrencyCode, earmarked: [String: LineTotal]) throws(MoneyError) {
        let lines = table.lines, expenses = table.expenses
        var earmarkedPublic: [String: LineTotal] = [:]
        var unearmarked = LineTotal(currency)
        // Money passed on to partners funds none of the cluster's actions, and takes as much out of its expense's cost.
        var passedThrough: [String: Int64] = [:]
        for position in table.attributes.indices where table.attributes[position].isPassThrough {
            if let action = lines[position].action { passedThrough[action, default: 0] += lines[position].amount.minorUnits }
        }
        for position in table.attributes.indices
        where table.attributes[position].sector == .public && !table.attributes[position].isPassThrough {
            if let action = lines[position].action {
                try earmarkedPublic[action, default: LineTotal(currency)].add(lines[position].amount, line: lines[position].id)
            } else {
                try unearmarked.add(lines[position].amount, line: lines[position].id)
            }
        }

        // Most budgets earmark nothing: then no expense needs looking up.
        // An accounting entry (66–69) is no action: it has no cost to cover.
        let uncovered = expenses.map { line in
            line.nature == .accounting
                ? 0
                : max(
                    0,
                    line.amount.minorUnits - (earmarked.isEmpty ? 0 : earmarked[line.id]?.amount.minorUnits ?? 0)
                        - (passedThrough.isEmpty ? 0 : passedThrough[line.id] ?? 0))
        }
        // Shared in the order of the line ids, so that a tie goes the same way whatever the order of the lines.
        let byID = expenses.indices.sorted { expenses[$0].id < expenses[$1].id }
        let shared = Self.distribute(unearmarked.amount.minorUnits, proRata: byID.map { uncovered[$0] }).map { parts in
            var inBudgetOrder = [Int64](repeating: 0, count: parts.count)
            for (position, index) in byID.enumerated() { inBudgetOrder[index] = parts[position] }
            return inBudgetOrder
        }

        var actions: [ActionFunding] = []
        var byCategory: [MissionCategory: LineTotal] = [:]
        actions.reserveCapacity(expenses.count)
        for index in expenses.indices where expenses[index].nature != .accounting {
            let line = expenses[index]
            let funding = ActionFunding(
                index: index, id: line.id, cost: line.amount, category: line.category, regime: line.regime,
                earmarkedPublic: earmarkedPublic.isEmpty ? LineTotal(currency) : earmarkedPublic[line.id] ?? LineTotal(currency),
                earmarked: earmarked.isEmpty ? .zero(currency) : earmarked[line.id]?.amount ?? .zero(currency),
                uncovered: Money(minorUnits: uncovered[index], currency: currency),
                sharedPublic: Money(minorUnits: shared?[index] ?? 0, currency: currency))
            if let category = line.category {
                try byCategory[category, default: LineTotal(currency)].add(funding.publicFunding, line: line.id)
            }
            actions.append(funding)
        }
        self.actions = actions
        self.byCategory = byCategory
        unearmarkedPublic = unearmarked
        unallocated = shared == nil ? unearmarked.amount : .zero(currency)
    }

    /// Splits `amount` minor units in proportion to `weights` (non-negative), exactly: each part rounded down, the
    /// units left over given one each to the largest remainders, the earlier index first on a tie. `nil` when the
    /// weights add up to zero.
    static func distribute(_ amount: Int64, proRata weights: [Int64]) -> [Int64]? {
        let total = weights.reduce(Int128(0)) { $0 + Int128($1) }
        guard total > 0 else { return nil }
        var parts: [Int64] = []
        var remainders: [(remainder: Int128, index: Int)] = []
        parts.reserveCapacity(weights.count)
        var given: Int128 = 0
        for (index, weight) in weights.enumerated() {
            let (quotient, remainder) = (Int128(amount) * Int128(weight)).quotientAndRemainder(dividingBy: total)
            // quotient ≤ amount, which is an Int64.
            parts.append(Int64(quotient))
            given += quotient
            remainders.append((remainder, index))
        }
        remainders.sort { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }
        for entry in remainders.prefix(Int(Int128(amount) - given)) { parts[entry.index] += 1 }
        return parts
    }
}
