/// One of the revenue sources of the memento's "plan de financement type" (p. 13), built into ClusterKit.
package struct BuiltInRevenueSource: RevenueSource, Hashable {
    package let id: RevenueSourceID
    package let sector: Sector
    package let nature: ResourceNature
    package let kind: RevenueKind
    /// The English name.
    package let englishName: String
    /// The French label, as the memento writes it.
    package let frenchName: String

    /// Creates a source description.
    package init(
        id: RevenueSourceID, sector: Sector, nature: ResourceNature = .cash, kind: RevenueKind,
        englishName: String, frenchName: String
    ) {
        self.id = id
        self.sector = sector
        self.nature = nature
        self.kind = kind
        self.englishName = englishName
        self.frenchName = frenchName
    }

    package func name(in language: Language) -> String { language == .french ? frenchName : englishName }
}

extension BuiltInRevenueSource {
    /// The memento's sources, in the order of its "plan de financement type", then the four lines of the accounts
    /// that are not funding (accounts 76 to 79, sector ``Sector/notFunding``).
    package static let all: [BuiltInRevenueSource] = [
        .init(id: .erdf, sector: .public, kind: .subsidy,
              englishName: "European funds (ERDF, …)", frenchName: "Fonds européens (FEDER, …)"),
        .init(id: .state, sector: .public, kind: .subsidy,
              englishName: "State (DIRECCTE, SGAR, DATAR, …)", frenchName: "État (DIRECCTE, SGAR, DATAR, …)"),
        .init(id: .region, sector: .public, kind: .subsidy, englishName: "Region", frenchName: "Région"),
        .init(id: .department, sector: .public, kind: .subsidy, englishName: "Department", frenchName: "Département"),
        .init(id: .intercommunality, sector: .public, kind: .subsidy,
              englishName: "Intercommunalities", frenchName: "Agglomérations, intercommunalités"),
        .init(id: .consularChambers, sector: .public, kind: .subsidy,
              englishName: "Chambers of commerce", frenchName: "Chambres consulaires"),
        .init(id: .otherPublic, sector: .public, kind: .subsidy,
              englishName: "Other public revenue", frenchName: "Autres recettes publiques"),
        .init(id: .membershipFees, sector: .private, kind: .membershipFees,
              englishName: "Membership fees", frenchName: "Cotisations"),
        .init(id: .actionParticipation, sector: .private, kind: .actionParticipation,
              englishName: "Companies' participation in specific actions",
              frenchName: "Participation des entreprises sur des actions spécifiques"),
        .init(id: .services, sector: .private, kind: .services,
              englishName: "Billed services", frenchName: "Prestations de services"),
        .init(id: .events, sector: .private, kind: .events,
              englishName: "Events", frenchName: "Organisation d'événements"),
        .init(id: .successFees, sector: .private, kind: .successFees,
              englishName: "Success fees on funded projects",
              frenchName: "Primes de succès sur des projets financés (success fees)"),
        .init(id: .sponsorship, sector: .private, kind: .sponsorship,
              englishName: "Brand management, sponsoring", frenchName: "Gestion de la marque du cluster, sponsoring"),
        .init(id: .otherPrivate, sector: .private, kind: .other,
              englishName: "Other private revenue", frenchName: "Autres recettes privées"),
        .init(id: .memberTime, sector: .private, nature: .inKind, kind: .memberTime,
              englishName: "Time spent by member companies (valued)",
              frenchName: "Temps passé par les entreprises (valorisation)"),
        .init(id: .secondment, sector: .private, nature: .inKind, kind: .secondment,
              englishName: "Staff or means made available", frenchName: "Mise à disposition de personnel ou de moyens"),
        .init(id: .financialIncome, sector: .notFunding, kind: .notFunding,
              englishName: "Financial income", frenchName: "Produits financiers"),
        .init(id: .exceptionalIncome, sector: .notFunding, kind: .notFunding,
              englishName: "Exceptional income", frenchName: "Produits exceptionnels"),
        .init(id: .provisionReversals, sector: .notFunding, kind: .notFunding,
              englishName: "Reversals of depreciation and provisions",
              frenchName: "Reprises sur amortissements et provisions"),
        .init(id: .chargeTransfers, sector: .notFunding, kind: .notFunding,
              englishName: "Transfers of charges", frenchName: "Transferts de charges"),
    ]
}
