extension FundingRegimeID {
    /// The notified French aid regime NN120/90, E1/90: 50% (the pôles' guide's example for category C).
    public static let nn120_90: FundingRegimeID = "NN120/90-E1/90"
    /// GBER article 27, investment aid for innovation clusters: 50% of eligible costs.
    public static let gberInnovationClusterInvestment: FundingRegimeID = "GBER-27-investment"
    /// GBER article 27, operating aid for innovation clusters: 50% of total eligible costs over the period of aid.
    public static let gberInnovationClusterOperating: FundingRegimeID = "GBER-27-operating"
    /// De minimis under Regulation (EU) No 1407/2013: EUR 200,000 per undertaking over three fiscal years.
    public static let deMinimis2013: FundingRegimeID = "de-minimis-1407/2013"
    /// De minimis under Regulation (EU) 2023/2831: EUR 300,000 per undertaking over three years.
    public static let deMinimis2023: FundingRegimeID = "de-minimis-2023/2831"
}

/// The funding regimes ClusterKit ships: the pôles' mission categories, the notified regime the pôles' guide names,
/// the EU block exemption for innovation clusters and the de minimis regulations.
///
/// ``Catalog/builtIn`` holds them with the memento's revenue sources; a host adds its own regimes to it.
package enum BuiltInRegimes {
    /// `NN120/90-E1/90`: the notified aid regime the pôles' funding guide gives for category C missions, 50% of the
    /// action's cost.
    package static let nn120_90 = StateAidRegime(
        id: .nn120_90,
        name: LocalizedText(english: "Notified aid regime NN120/90, E1/90", french: "Régime d'aides notifié NN120/90, E1/90"),
        summary: LocalizedText(
            english: "The notified aid regime the pôles' funding guide cites for category C missions (support to member companies: collective actions such as training, help building projects, consulting): public funding up to 50% of the action's cost.",
            french: "Le régime d'aides notifié que le guide de financement des pôles cite pour les missions de catégorie C (accompagnement des entreprises adhérentes : actions collectives, formation, aide au montage de projets, conseil) : financement public jusqu'à 50 % du coût de l'action."),
        citation: MissionCategoryRegime.guideCitation,
        share: Share(percent: 50))

    /// Article 27 of the EU General Block Exemption Regulation: aid for innovation clusters.
    static let gberArticle27 = Citation(
        document: "Commission Regulation (EU) No 651/2014 (General Block Exemption Regulation)",
        location: "art. 27 ; art. 59, as amended by Regulation (EU) 2023/1315: applicable until 31 December 2026")

    /// The GBER's last day of application (article 59, as prolonged by Regulation (EU) 2023/1315).
    static let gberEnd = CalendarDate(year: 2026, month: 12, day: 31)

    /// The EU General Block Exemption Regulation, article 27: investment aid for innovation clusters, 50% of the
    /// eligible costs.
    package static let innovationClusterInvestment = StateAidRegime(
        id: .gberInnovationClusterInvestment,
        name: LocalizedText(
            english: "GBER art. 27: investment aid for innovation clusters",
            french: "RGEC art. 27 : aides à l'investissement en faveur des pôles d'innovation"),
        summary: LocalizedText(
            english: "Aid for building or upgrading an innovation cluster (its facilities, equipment, shared research infrastructure) is exempt from notification up to 50% of the eligible costs. The regulation allows a bonus in assisted areas, which ClusterKit does not apply. The GBER applies until 31 December 2026: a later budget gets no ceiling from it.",
            french: "Les aides à la création ou à la modernisation d'un pôle d'innovation (locaux, équipements, infrastructures de recherche partagées) sont exemptées de notification jusqu'à 50 % des coûts admissibles. Le règlement prévoit une majoration dans les zones assistées, que ClusterKit n'applique pas. Le RGEC s'applique jusqu'au 31 décembre 2026 : un budget postérieur n'en reçoit aucun plafond."),
        citation: gberArticle27,
        share: Share(percent: 50), applicableUntil: gberEnd)

    /// The EU General Block Exemption Regulation, article 27: operating aid for innovation clusters, 50% of the
    /// total eligible costs over the period of aid.
    package static let innovationClusterOperating = StateAidRegime(
        id: .gberInnovationClusterOperating,
        name: LocalizedText(
            english: "GBER art. 27: operating aid for innovation clusters",
            french: "RGEC art. 27 : aides au fonctionnement des pôles d'innovation"),
        summary: LocalizedText(
            english: "Operating aid for running an innovation cluster (animation, marketing, management of its facilities, events) is exempt from notification up to 50% of the total eligible costs over the period during which the aid is granted. A budget shows one year: ClusterKit holds each year to 50%, although the regulation would let a year above it be balanced by the other years of the period. The GBER applies until 31 December 2026: a later budget gets no ceiling from it.",
            french: "Les aides au fonctionnement d'un pôle d'innovation (animation, promotion, gestion des installations, événements) sont exemptées de notification jusqu'à 50 % du total des coûts admissibles sur la période pendant laquelle l'aide est octroyée. Un budget montre une année : ClusterKit tient chaque année à 50 %, même si le règlement permettrait de compenser une année au-dessus par les autres années de la période. Le RGEC s'applique jusqu'au 31 décembre 2026 : un budget postérieur n'en reçoit aucun plafond."),
        citation: gberArticle27,
        share: Share(percent: 50), applicableUntil: gberEnd)

    /// De minimis under Regulation (EU) No 1407/2013: at most EUR 200,000 per single undertaking over three fiscal
    /// years.
    package static let deMinimis2013 = StateAidRegime(
        id: .deMinimis2013,
        name: LocalizedText(english: "De minimis (Regulation (EU) No 1407/2013)", french: "De minimis (règlement (UE) n° 1407/2013)"),
        summary: LocalizedText(
            english: "Aid of at most EUR 200,000 per single undertaking over three fiscal years is not State aid and may pay the whole cost. A budget shows one year: ClusterKit holds the budget's actions under the regime, together, to EUR 200,000; it cannot see the de minimis aid received in the two previous fiscal years, which lowers what is left.",
            french: "Les aides d'au plus 200 000 EUR par entreprise unique sur trois exercices fiscaux ne sont pas des aides d'État et peuvent couvrir tout le coût. Un budget montre une année : ClusterKit tient ensemble les actions du budget relevant du régime à 200 000 EUR ; il ne voit pas les aides de minimis reçues pendant les deux exercices précédents, qui réduisent ce qui reste."),
        citation: Citation(document: "Commission Regulation (EU) No 1407/2013 (de minimis aid)", location: "art. 3"),
        share: .one, amountLimit: Money(major: 200_000))

    /// De minimis under Regulation (EU) 2023/2831: at most EUR 300,000 per single undertaking over three years.
    package static let deMinimis2023 = StateAidRegime(
        id: .deMinimis2023,
        name: LocalizedText(english: "De minimis (Regulation (EU) 2023/2831)", french: "De minimis (règlement (UE) 2023/2831)"),
        summary: LocalizedText(
            english: "Aid of at most EUR 300,000 per single undertaking over any period of three years is not State aid and may pay the whole cost (the regulation that replaced No 1407/2013 from 2024). A budget shows one year: ClusterKit holds the budget's actions under the regime, together, to EUR 300,000; it cannot see the de minimis aid received earlier in the period.",
            french: "Les aides d'au plus 300 000 EUR par entreprise unique sur toute période de trois ans ne sont pas des aides d'État et peuvent couvrir tout le coût (le règlement qui remplace le n° 1407/2013 depuis 2024). Un budget montre une année : ClusterKit tient ensemble les actions du budget relevant du régime à 300 000 EUR ; il ne voit pas les aides de minimis reçues plus tôt dans la période."),
        citation: Citation(document: "Commission Regulation (EU) 2023/2831 (de minimis aid)", location: "art. 3"),
        share: .one, amountLimit: Money(major: 300_000))

    /// Every built-in regime: the four mission categories, then the notified, block-exempted and de minimis ones.
    package static let all: [any FundingRegime] =
        MissionCategoryRegime.all + [nn120_90, innovationClusterInvestment, innovationClusterOperating, deMinimis2013, deMinimis2023]
}
