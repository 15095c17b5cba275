/// A mission category of the pôles' funding guide (2013) as a funding regime: A 100% of the action's cost, B 50%,
/// C whatever the notified aid regime that applies to the action allows, D 0%.
///
/// Category C delegates: its ceiling is the one the action's own `regime` sets (for example `NN120/90-E1/90`, 50%),
/// looked up in the catalogue; a category C action that names no regime has no ceiling. The limit on category A
/// as a share of the pôle's whole budget (15%, or 20% with a tool reporting the impact of projects) is not an
/// action's ceiling: the rule `category-a-budget-share` checks it.
package struct MissionCategoryRegime: FundingRegime, Hashable {
    /// The memento's slide on the financing of clusters and EU rules, which sets out the pôles' mission categories
    /// (ClusterRules cites it as `Memento.missionCategories`).
    package static let guideCitation = Citation(
        document: Citation.mementoTitle,
        location: FrenchTypography.applied(
            to: "« Financement des clusters et réglementation communautaire » ; « Un guide méthodologique sur le financement des pôles de compétitivité »"))

    /// The category.
    package let category: MissionCategory

    /// The regime of a category.
    package init(_ category: MissionCategory) { self.category = category }

    /// The four categories' regimes, A to D.
    package static let all = MissionCategory.allCases.map(MissionCategoryRegime.init)

    /// `pole-category-A` to `pole-category-D`.
    package var id: FundingRegimeID { FundingRegimeID(rawValue: "pole-category-\(category.rawValue)") }

    /// The share of an action's cost public money may pay: 100% for A, 50% for B, 0% for D; `nil` for C, whose
    /// ceiling is its regime's.
    package var share: Share? {
        switch category {
        case .a: .one
        case .b: Share(percent: 50)
        case .c: nil
        case .d: .zero
        }
    }

    package var name: LocalizedText {
        switch category {
        case .a: LocalizedText(english: "Pôle mission category A (for the State)", french: "Mission de catégorie A (pour le compte de l'État)")
        case .b: LocalizedText(english: "Pôle mission category B (innovation, collaborative R&D)", french: "Mission de catégorie B (innovation, R&D collaborative)")
        case .c: LocalizedText(english: "Pôle mission category C (support to member companies)", french: "Mission de catégorie C (accompagnement des entreprises adhérentes)")
        case .d: LocalizedText(english: "Pôle mission category D (commercial services)", french: "Mission de catégorie D (prestations commerciales)")
        }
    }

    package var summary: LocalizedText {
        switch category {
        case .a:
            LocalizedText(
                english: "Missions for the State — the pôle's strategy, labelling of collaborative R&D projects, reporting: public funding up to 100% of the action's cost; all of them together at most 15% of the pôle's budget (20% with a tool reporting the impact of projects).",
                french: "Missions pour le compte de l'État — stratégie du pôle, labellisation de projets collaboratifs de R&D, reporting : financement public jusqu'à 100 % du coût de l'action ; l'ensemble au plus 15 % du budget du pôle (20 % avec un outil de suivi de l'impact des projets).")
        case .b:
            LocalizedText(
                english: "Stimulating innovation and collaborative R&D between companies and laboratories (project factory, network animation): public funding up to 50% of the action's cost.",
                french: "Stimuler l'innovation et la R&D collaborative entre entreprises et laboratoires (usine à projets, animation du réseau) : financement public jusqu'à 50 % du coût de l'action.")
        case .c:
            LocalizedText(
                english: "Support to member companies — collective actions such as training, help building collaborative projects, consulting: public funding up to what the notified aid regime that applies to the action allows (50% under NN120/90, E1/90); the action names it in `regime`.",
                french: "Accompagnement des entreprises adhérentes — actions collectives : formation, aide au montage de projets collaboratifs, conseil : financement public dans la limite du régime notifié applicable à l'action (50 % pour le régime NN120/90, E1/90) ; l'action le nomme dans `regime`.")
        case .d:
            LocalizedText(
                english: "Commercial services outside the pôle's missions, not meant to be aided: no public funding at all (0% of the action, 0% of the budget).",
                french: "Prestations commerciales ne relevant pas des missions du pôle, sans vocation à être aidées : aucun financement public (0 % de l'action, 0 % du budget).")
        }
    }

    package var citation: Citation { Self.guideCitation }

    package func ceiling(for action: ExpenseLine, in context: RegimeContext) -> PublicFundingCeiling? {
        if let share { return PublicFundingCeiling(regime: id, share: share) }
        guard let regime = action.regime else { return nil }
        return context.ceiling(under: regime, for: action)
    }
}
