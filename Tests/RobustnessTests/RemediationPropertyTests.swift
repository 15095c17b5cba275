import ClusterKitCore
import ClusterRules
import ClusterKitFuzzTargets
import Foundation
import Testing
import TestSupport

/// A primary remediation is an amount and a move — add revenue of a kind, remove some, balance the plan. Over
/// generated budgets: making the move with the amount makes the rule pass, and making it with one cent less does
/// not (the amount is the least that fixes it, rounded up to the cent).
@Suite struct RemediationPropertyTests {
    /// How the primary fix of a rule changes a budget.
    enum Move {
        /// Add the amount to the part (a line like the part's first, else of `source`); the budget grows with it.
        case grow(default: RevenueSourceID)
        /// Remove the amount from the part's lines; the budget shrinks with it.
        case shrink
        /// Add the amount to the short side of the plan of financing.
        case balance
    }

    /// The rules whose primary fix is an addition or a removal, and the move that applies it.
    static let moves: [RuleID: Move] = [
        "membership-fee-floor": .grow(default: .membershipFees),
        "billed-revenue-floor": .grow(default: .services),
        "public-private-balance": .grow(default: .membershipFees),
        "valued-time-ceiling": .shrink,
        "event-risk": .shrink,
        "success-fee-reliance": .shrink,
        "budget-balance": .balance,
    ]

    static func applying(_ move: Move, _ amount: Money, of diagnostic: Diagnostic, to budget: Budget) -> Budget {
        var budget = budget
        switch move {
        case .grow(let source):
            var line = budget.resources.first { diagnostic.lines.contains($0.id) }
                ?? ResourceLine(id: "", source: source, amount: amount)
            line.id = "remediation"
            line.amount = amount
            budget.resources.append(line)
        case .shrink:
            var left = amount.minorUnits
            for index in budget.resources.indices where diagnostic.lines.contains(budget.resources[index].id) {
                let taken = min(left, budget.resources[index].amount.minorUnits)
                budget.resources[index].amount = Money(minorUnits: budget.resources[index].amount.minorUnits - taken)
                left -= taken
            }
        case .balance:
            if diagnostic.message.id == "budget-balance.resources-short" {
                budget.resources.append(ResourceLine(id: "remediation", source: .otherPrivate, amount: amount))
            } else {
                budget.expenses.append(ExpenseLine(id: "remediation", amount: amount, nature: .operating))
            }
        }
        return budget
    }

    @Test func thePrimaryRemediationMakesItsRulePassAndOneCentLessDoesNot() throws {
        var applied: [RuleID: Int] = [:]
        for seed in PropertyTests.seeds {
            var generator = BudgetGenerator(seed: seed)
            let budget = generator.budget()
            let rules = generator.ruleSet()
            for diagnostic in try PropertyTests.report(budget, rules).budgets[0].diagnostics {
                guard let move = Self.moves[diagnostic.ruleID], let amount = diagnostic.remediation?.amount else { continue }
                applied[diagnostic.ruleID, default: 0] += 1
                let fixed = Self.applying(move, amount, of: diagnostic, to: budget)
                let after = try PropertyTests.report(fixed, rules).budgets[0].diagnostics
                #expect(
                    !after.contains { $0.ruleID == diagnostic.ruleID && $0.message.id == diagnostic.message.id },
                    "seed \(seed): \(diagnostic.ruleID) still fires after \(amount)")
                guard amount.minorUnits > 0 else { continue }
                let almost = Self.applying(move, Money(minorUnits: amount.minorUnits - 1), of: diagnostic, to: budget)
                let short = try PropertyTests.report(almost, rules).budgets[0].diagnostics
                #expect(
                    short.contains { $0.ruleID == diagnostic.ruleID && $0.message.id == diagnostic.message.id },
                    "seed \(seed): \(diagnostic.ruleID) passes with one cent less than \(amount)")
            }
        }
        // Every rule of the table met its remediation on some generated budget.
        for rule in Self.moves.keys { #expect(applied[rule, default: 0] > 0, "\(rule) was never remediated") }
    }
}
