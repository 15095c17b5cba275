import ClusterKitCore

extension Budget {
    /// The same budget with every amount multiplied by `factor` (resources, expenses, success fees' fixed fees);
    /// `nil` if an amount or a total would not fit.
    func scaled(by factor: Int64) -> Budget? {
        func scale(_ money: Money) -> Money? {
            let (value, overflow) = money.minorUnits.multipliedReportingOverflow(by: factor)
            return overflow ? nil : Money(minorUnits: value, currency: money.currency)
        }
        var copy = self
        for index in copy.resources.indices {
            guard let amount = scale(copy.resources[index].amount) else { return nil }
            copy.resources[index].amount = amount
            if let fee = copy.resources[index].successFee?.fixedFee {
                guard let scaledFee = scale(fee) else { return nil }
                copy.resources[index].successFee?.fixedFee = scaledFee
            }
        }
        for index in copy.expenses.indices {
            guard let amount = scale(copy.expenses[index].amount) else { return nil }
            copy.expenses[index].amount = amount
        }
        return copy
    }

    /// The largest amount total of either side, in minor units (to pick scale factors that fit).
    var largestSide: Int64 {
        max(
            resources.reduce(Int64(0)) { $0 + $1.amount.minorUnits },
            expenses.reduce(Int64(0)) { $0 + $1.amount.minorUnits })
    }
}
