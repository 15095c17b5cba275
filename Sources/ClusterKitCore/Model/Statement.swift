import Foundation

/// What a budget's figures are: a plan that must balance, or accounts whose difference is the year's result.
public enum Statement: String, Hashable, Sendable, Codable, CaseIterable {
    /// A plan of financing or budget prévisionnel (the Cerfa 12156 table): resources must equal expenses.
    case forecast
    /// Realised accounts — a compte de résultat, the « réalisation » column of a compte rendu financier (Cerfa
    /// 15059): resources less expenses is the year's result (excédent or déficit), a finding, never an input error.
    case realised
}
