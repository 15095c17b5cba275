import ClusterKitCore

/// The header of a filled form: the association and its fiscal year, and what rows of a plan of financing's
/// description added above the form say of the cluster (its kind, founding year, members…).
package struct CerfaHeader: Hashable, Sendable {
    /// « Nom de l'association ».
    package var name: String?
    /// « Exercice »: `2013`, or `2024-2025` for a fiscal year off the calendar.
    package var exercice: String?
    /// « Date de début », as an ISO date (`2024-04-01`).
    package var start: String?
    /// « Date de fin », as an ISO date (`2025-03-31`).
    package var end: String?
    /// What the rows of a plan of financing's description (`Type`, `Création`, `Adhérents`, …) added above the form
    /// say of the cluster; its name is ``name``'s.
    package var cluster = ClusterProfile(name: "")

    /// The budget's `year`: the year the fiscal year ends in — of « Date de fin », else the last four-digit year of
    /// « Exercice » (`2024-2025` → 2025); `nil` when the header says neither.
    package var year: Int? {
        if let end, let year = Int(end.prefix(4)) { return year }
        guard let exercice else { return nil }
        let years = exercice.split(whereSeparator: { !$0.isNumber }).compactMap { $0.count == 4 ? Int($0) : nil }
        return years.last
    }
}
