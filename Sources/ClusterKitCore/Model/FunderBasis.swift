import Foundation

/// A funder's own definition of the private share a target is measured on (`basis` given as an object in
/// `cluster.targets`): `{ "whole": "fundingBase" | "totalIncome", "valuedTime": true | false, "ownResources": [...] }`.
///
/// On `fundingBase` the whole is the funding base (lines that are not funding and pass-through lines left out) and the
/// part is the private resources; on `totalIncome` the whole is every resource line, and the part is every line that
/// is not public funding (the pôles' « ressources propres »: private resources, and the lines that are not funding
/// such as financial income and provision reversals). On both, the public sources listed in `ownResources` count in
/// the part (European project funding, in some pôles' contracts), and without `valuedTime` the in-kind lines are left
/// out of part and whole.
package struct FunderBasis: Hashable, Sendable, Codable {
    /// What the share is a share of.
    package enum Whole: String, Hashable, Sendable, CaseIterable, Codable {
        /// The funding base (the memento's R, ClusterKit's default whole).
        case fundingBase
        /// Every resource line: total income (produits), lines that are not funding and pass-through lines included.
        case totalIncome
    }

    /// What the share is a share of; `fundingBase` when the object does not say.
    package var whole: Whole
    /// Whether valued member time and secondments count (in part and whole); `true` when the object does not say.
    package var valuedTime: Bool
    /// The public sources the funder's definition counts as the cluster's own resources.
    package var ownResources: [RevenueSourceID]

    /// A definition.
    package init(whole: Whole = .fundingBase, valuedTime: Bool = true, ownResources: [RevenueSourceID] = []) {
        self.whole = whole
        self.valuedTime = valuedTime
        self.ownResources = ownResources
    }

    /// The plain gross or net basis nearest to the definition: gross where valued time counts, else net.
    package var nearest: SelfFinancingBasis { valuedTime ? .gross : .net }

    package init(from decoder: any Decoder) throws {
        let fields = try FieldReader(decoder, allowed: ["whole", "valuedTime", "ownResources"])
        whole = try fields.choice("whole") ?? .fundingBase
        valuedTime = try fields.optional("valuedTime") ?? true
        ownResources = try fields.optional("ownResources", as: [RevenueSourceID].self) ?? []
    }

    package func encode(to encoder: any Encoder) throws {
        var out = FieldWriter(encoder)
        try out.write(whole, "whole")
        try out.write(valuedTime, "valuedTime")
        if !ownResources.isEmpty { try out.write(ownResources, "ownResources") }
    }

    /// The definition in words, for messages; `name` gives a source's name in a language.
    package func label(naming name: (RevenueSourceID, Language) -> String) -> LocalizedText {
        var english = [whole == .totalIncome ? "on total income" : "on the funding base"]
        var french = [whole == .totalIncome ? "sur le total des produits" : "sur les ressources de financement"]
        english.append(valuedTime ? "valued time included" : "valued time excluded")
        french.append(valuedTime ? "valorisation comprise" : "hors valorisation")
        if !ownResources.isEmpty {
            english.append("own resources including " + ownResources.map { name($0, .english) }.joined(separator: ", "))
            french.append("ressources propres incluant " + ownResources.map { name($0, .french) }.joined(separator: ", "))
        }
        return LocalizedText(
            english: "the funder's basis: " + english.joined(separator: ", "),
            french: "base du financeur : " + french.joined(separator: ", "))
    }
}

extension BudgetMetrics {
    /// The private part and the whole on a funder's definition (``FunderBasis``).
    package func privateShareParts(_ definition: FunderBasis) -> (part: LineTotal, whole: Money) {
        var part: Int64 = 0, whole: Int64 = 0
        var lines: [String] = []
        let own = Set(definition.ownResources)
        for line in resources {
            if definition.whole == .fundingBase, !line.funds { continue }
            if !definition.valuedTime, line.nature == .inKind { continue }
            whole += line.amount.minorUnits
            let counts = switch line.sector {
            case .private: true
            case .public: own.contains(line.source)
            case .notFunding: definition.whole == .totalIncome
            }
            if counts {
                part += line.amount.minorUnits
                lines.append(line.id)
            }
        }
        return (
            LineTotal(amount: Money(minorUnits: part, currency: currency), lines: lines),
            Money(minorUnits: whole, currency: currency)
        )
    }
}
