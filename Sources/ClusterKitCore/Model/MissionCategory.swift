import Foundation

/// The four mission categories of the pôles' funding guide (2013), each with a ceiling of public funding.
public enum MissionCategory: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Missions for the State: strategy, labelling of collaborative R&D projects, reporting.
    case a = "A"
    /// Stimulating innovation and collaborative R&D between companies and labs.
    case b = "B"
    /// Support to member companies: collective actions (training, project building, consulting).
    case c = "C"
    /// Commercial services outside the pôle's missions.
    case d = "D"

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
