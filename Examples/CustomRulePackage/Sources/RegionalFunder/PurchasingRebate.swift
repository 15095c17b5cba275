import ClusterKitCore

extension RevenueKind {
    /// Rebates suppliers pay the cluster on its members' pooled purchases: a kind of revenue of this package's own.
    public static let purchasingRebate = RevenueKind(rawValue: "purchasingRebate")
}

extension RevenueSourceID {
    /// A supplier's year-end rebate on pooled purchases.
    public static let purchasingRebate: RevenueSourceID = "purchasingRebate"
}

/// A year-end rebate a supplier pays the cluster on what its members bought through a pooled purchasing agreement.
///
/// The memento's Mecabourg case study lists it among the cluster's resources: « un accord de mutualisation des
/// achats avec une remise de fin d'année reversée à Mécabourg en fonction du CA réalisé ». ClusterKit's catalogue has
/// no such source; this package adds it. It is private cash, so the built-in rules count it where they count private
/// cash: in self-financing, gross and net, and in billed revenue (private cash other than membership fees).
///
/// ```json
/// { "id": "rebate", "label": "Remise fin d'année achats groupés", "source": "purchasingRebate", "amount": 10000 }
/// ```
public struct PurchasingRebate: RevenueSource {
    /// Creates the source.
    public init() {}

    public var id: RevenueSourceID { .purchasingRebate }
    public var sector: Sector { .private }
    public var nature: ResourceNature { .cash }
    public var kind: RevenueKind { .purchasingRebate }

    public func name(in language: Language) -> String {
        switch language {
        case .english: "Year-end rebate on pooled purchases"
        case .french: "Remise de fin d'année sur achats mutualisés"
        }
    }
}
