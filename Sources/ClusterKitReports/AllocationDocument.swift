import ClusterKitCore
import Foundation

extension JSONReportRenderer {
    /// The `allocation` of a budget in `clusterkit.report/1`: which public money went to which action.
    struct AllocationDocument {
        struct Action {
            let action: String
            let category: MissionCategory?
            let regime: FundingRegimeID?
            let cost: Decimal
            let earmarkedPublic: Decimal
            let uncovered: Decimal
            let sharedPublic: Decimal
            let `public`: Decimal
            let publicShare: Decimal?
        }

        let method = "earmarked public resources first; unearmarked public resources pro rata of uncovered cost"
        let unearmarkedPublic: Decimal
        let unallocated: Decimal
        let actions: [Action]

        init(_ allocation: PublicFundingAllocation) {
            unearmarkedPublic = allocation.unearmarkedPublic.amount.decimalValue
            unallocated = allocation.unallocated.decimalValue
            // By line id: the order of a budget's lines never changes a report.
            actions = allocation.actions.sorted { $0.id < $1.id }.map {
                Action(
                    action: $0.id, category: $0.category, regime: $0.regime, cost: $0.cost.decimalValue,
                    earmarkedPublic: $0.earmarkedPublic.amount.decimalValue, uncovered: $0.uncovered.decimalValue,
                    sharedPublic: $0.sharedPublic.decimalValue, public: $0.publicFunding.decimalValue,
                    publicShare: $0.publicShare.map(JSONReportRenderer.share))
            }
        }
    }
}
