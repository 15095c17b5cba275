import ClusterKitCore
import Foundation

extension JSONReportRenderer {
    /// The `allocation` of a budget in `clusterkit.report/1`: which public money went to which action.
    struct AllocationDocument {
        struct Action {
            let action: String
            let category: MissionCategory?
            let regime: FundingRegimeID?
            let cost: ExactNumber
            let earmarkedPublic: ExactNumber
            let uncovered: ExactNumber
            let sharedPublic: ExactNumber
            let `public`: ExactNumber
            let publicShare: ExactNumber?
        }

        let method = "earmarked public resources first; unearmarked public resources pro rata of uncovered cost"
        let unearmarkedPublic: ExactNumber
        let unallocated: ExactNumber
        let actions: [Action]

        init(_ allocation: PublicFundingAllocation) {
            unearmarkedPublic = ExactNumber(allocation.unearmarkedPublic.amount)
            unallocated = ExactNumber(allocation.unallocated)
            // By line id: the order of a budget's lines never changes a report.
            actions = allocation.actions.sorted { $0.id < $1.id }.map {
                Action(
                    action: $0.id, category: $0.category, regime: $0.regime, cost: ExactNumber($0.cost),
                    earmarkedPublic: ExactNumber($0.earmarkedPublic.amount), uncovered: ExactNumber($0.uncovered),
                    sharedPublic: ExactNumber($0.sharedPublic), public: ExactNumber($0.publicFunding),
                    publicShare: $0.publicShare.map(JSONReportRenderer.share))
            }
        }
    }
}
