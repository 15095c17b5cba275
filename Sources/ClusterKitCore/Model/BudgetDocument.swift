import Foundation

/// A document ClusterKit reads, checked against a catalogue: a budget (`clusterkit.budget/1`) or a history
/// (`clusterkit.history/1`).
public enum BudgetDocument: Sendable {
    /// One cluster, one year.
    case budget(CheckedBudget)
    /// One cluster, several years.
    case history(CheckedHistory)

    /// The cluster the document is about (a history's own profile).
    package var cluster: ClusterProfile {
        switch self {
        case .budget(let budget): budget.cluster
        case .history(let history): history.cluster
        }
    }
}
