import Foundation

/// How serious a diagnostic is.
public enum Severity: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Breaks a funder's rule.
    case error
    /// A vigilance point of the memento.
    case warning
    /// Information that helps a reader.
    case note

    /// Whether `lhs` is less severe than `rhs`: a note is less severe than a warning, a warning than an error, so
    /// that "at least as severe as a warning" reads `severity >= .warning`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }
}
