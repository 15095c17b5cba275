import ClusterKitCore
/// Why the planner could not produce a plan.
public enum PlanningError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No change within the terms clears every planned condition: the smallest conflicting set of terms and
    /// conditions found, by name.
    case infeasible(conflict: [String])
    /// The terms (or a scenario) name a line the budget does not have, by neither its id nor its label: the name, the
    /// field path of the name in its document (`lines[0].id`), and the lines the budget has (`id (label)`).
    case unknownLine(String, field: String, known: [String])
    /// The terms name a revenue source the catalogue does not know.
    case unknownSource(RevenueSourceID)
    /// The figures are too large to solve exactly.
    case tooLarge
    /// The terms cap a line per member, and the budget does not say how many members the cluster has.
    case membersUnknown(String)
    /// A history to plan year by year has no full year (one with its lines) to start from.
    case noFullYear

    public var description: String {
        switch self {
        case .infeasible(let conflict):
            "no plan within the terms: these conflict: \(conflict.joined(separator: ", "))"
        case .unknownLine(let name, let field, let known):
            "\(field): the budget has no line '\(name)' (by id or label); its lines: \(known.joined(separator: ", "))"
        case .unknownSource(let id): "the terms name revenue source '\(id)', which the catalogue does not know"
        case .tooLarge: "the figures are too large to plan exactly"
        case .membersUnknown(let id):
            "the terms cap line '\(id)' per member, and the budget does not give the cluster's members"
        case .noFullYear: "the history has no full year (with its lines) to plan from"
        }
    }
}
