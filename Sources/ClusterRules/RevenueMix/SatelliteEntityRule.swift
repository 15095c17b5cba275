import ClusterKitCore

/// `satellite-entity`: a for-profit satellite (SAS, SEM) the cluster created takes the billable services.
public struct SatelliteEntityRule: Rule {
    /// Creates the rule.
    public init() {}

    static let captures = MessageTemplate(
        id: "satellite-entity.captures",
        english: "{satellite} ({form}), an entity the cluster created, sells billable services: it drains part of the private revenue the cluster could raise, which this budget does not show.",
        french: "{satellite} ({form}), entité créée par le cluster, commercialise des prestations : elle capte une partie des ressources privées que le cluster pourrait percevoir, et que ce budget ne montre pas.")

    public static let description = RuleDescription(
        id: "satellite-entity",
        name: LocalizedText(english: "Satellite taking billable services", french: "Entité satellite captant les prestations"),
        rationale: LocalizedText(
            english: """
                To meet companies' solvent needs, some clusters created for-profit entities that sell services (R&D, \
                tests, feasibility studies): Cluster WEST a SAS, Pôle Innovation Automobile a SEM, Mecabourg the SAS \
                AinGIL. Most billable services then go to the private entity, partly draining the cluster of the \
                private revenue it could raise — and its budget understates its real activity. This note appears for \
                each satellite the profile says captures billable services (`capturesBillableServices`).
                """,
            french: """
                Pour répondre à des besoins solvables d'entreprises, certains clusters ont créé des structures à but \
                lucratif qui commercialisent des prestations (R&D, tests, études de faisabilité) : une SAS pour le \
                Cluster WEST, une SEM pour le Pôle Innovation Automobile, la SAS AinGIL pour Mécabourg. L'essentiel \
                des prestations facturables est alors dirigé vers l'entité privée, vidant en partie le cluster de son \
                potentiel de captation de ressources privées — et son budget ne reflète pas toute son activité. Cette \
                note apparaît pour chaque satellite dont le profil indique qu'il capte des prestations \
                (`capturesBillableServices`).
                """),
        citation: Memento.satellites,
        defaultSeverity: .note,
        messages: [captures],
        triggeringExamples: [
            RuleExample(
                Budget.balanced(
                    ClusterProfile(
                        name: "Mecabourg", kind: .grappe, founded: 2002, members: 60,
                        satellites: [Satellite(name: "AinGIL", form: "SAS", capturesBillableServices: true)]),
                    resources: [.line(.region, 160_000), .line(.membershipFees, 130_000)]),
                note: "Mecabourg and the SAS AinGIL.")
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(
                    ClusterProfile(
                        name: "Example", kind: .grappe, satellites: [Satellite(name: "Holding", form: "SAS", capturesBillableServices: false)]),
                    resources: [.line(.region, 50_000), .line(.membershipFees, 50_000)]),
                note: "A satellite that sells nothing the cluster could bill."),
            RuleExample(Budget.balanced(exampleCluster(), resources: [.line(.region, 50_000), .line(.membershipFees, 50_000)]), note: "No satellite."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let services = context.metrics.total(of: .services)
        return context.budget.cluster.satellites.filter(\.capturesBillableServices).map { satellite in
            context.diagnostic(
                Self.captures,
                [
                    "satellite": .text(satellite.name),
                    "form": satellite.form.map { .text($0) } ?? .localized(LocalizedText(english: "for-profit", french: "à but lucratif")),
                ],
                explanation: [
                    ExplanationItem(LocalizedText(english: "Satellite", french: "Entité satellite"), .text(satellite.name)),
                    ExplanationItem(
                        LocalizedText(english: "Billed services left in the cluster's budget", french: "Prestations facturées restant au budget du cluster"),
                        .money(services.amount)),
                ])
        }
    }
}
