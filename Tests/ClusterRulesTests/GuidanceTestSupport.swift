import ClusterKitCore
import ClusterRules
import Testing
import TestSupport

extension Budget {
    /// A copy with one more resource line, and an expense of the same amount so that the plan still balances: the
    /// way a remediation that adds revenue is applied.
    func adding(_ line: ResourceLine) -> Budget {
        var copy = self
        copy.resources.append(line)
        copy.expenses.append(ExpenseLine(id: "\(line.id)-cost", amount: line.amount))
        return copy
    }

    /// A copy where the resource line `id` holds `amount`, and the first expense moves by the same difference.
    func setting(_ id: String, to amount: Money) throws -> Budget {
        var copy = self
        let index = try #require(copy.resources.firstIndex { $0.id == id }, "no resource line \(id)")
        let difference = try amount.subtracting(copy.resources[index].amount)
        copy.resources[index].amount = amount
        copy.expenses[0].amount = try copy.expenses[0].amount.adding(difference)
        return copy
    }
}

/// The grappe of the success-fee "done when": 1,000,000 EUR, 80,000 of success fees earned on projects won in public
/// calls (fixed fee of the engagement 200,000), 53% private.
func successFeeGrappe() -> Budget {
    Budget.balanced(
        ClusterProfile(name: "Grappe", kind: .grappe, founded: 2005, members: 80),
        resources: [
            .line(.successFees, 80_000, id: "success-fees", successFee: SuccessFeeTerms(basis: .publicCall, fixedFee: Money(major: 200_000))),
            .line(.membershipFees, 300_000, id: "fees"),
            .line(.services, 150_000, id: "services"),
            .line(.region, 470_000, id: "region"),
        ])
}

/// The ids of the rules that reported on a budget.
func ruleIDs(_ report: BudgetReport) -> Set<String> { Set(report.diagnostics.map(\.ruleID.description)) }
