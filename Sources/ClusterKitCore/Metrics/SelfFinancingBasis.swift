import Foundation

/// Which self-financing a figure measures: gross (autofinancement brut, valued member time counted) or net
/// (autofinancement net, real cash flows only).
public enum SelfFinancingBasis: String, Hashable, Sendable, CaseIterable, Codable {
    /// Priv / R: valued member time and secondments counted (« y.c. valorisation des temps »).
    case gross
    /// Priv(cash) / R(cash): the real money flows (« flux financier réel, hors valo. »).
    case net

    /// The basis that applies to a cluster: net wherever its funders forbid counting valued time
    /// (`valuedTimeAllowed: false`), else the one asked for.
    package func applying(to cluster: ClusterProfile) -> SelfFinancingBasis {
        cluster.valuedTimeAllowed ? self : .net
    }

    /// "gross, valued time included" / "net, cash only", for messages.
    package var label: LocalizedText {
        switch self {
        case .gross: LocalizedText(english: "gross, valued time included", french: "brut, valorisation comprise")
        case .net: LocalizedText(english: "net, cash only", french: "net, hors valorisation")
        }
    }
}

extension BudgetMetrics {
    /// The private resources and the whole they are a share of: Priv and R (gross), Priv(cash) and R(cash) (net).
    public func privateShareParts(_ basis: SelfFinancingBasis) -> (part: LineTotal, whole: Money) {
        switch basis {
        case .gross: (privateResources, fundingBase)
        case .net: (privateCash, cashResources)
        }
    }

    /// Self-financing on a basis; `nil` when the whole is zero.
    public func selfFinancing(_ basis: SelfFinancingBasis) -> Share? {
        let parts = privateShareParts(basis)
        return Share(parts.part.amount, of: parts.whole)
    }
}
