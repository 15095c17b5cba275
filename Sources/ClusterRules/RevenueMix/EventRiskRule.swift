import ClusterKitCore

/// `event-risk`: events over 10% of the budget — real financial and legal risk, working capital, staff diverted. A
/// note by default (our choice): the memento also calls events « une manne potentielle ».
public struct EventRiskRule: Rule {
    /// Creates the rule.
    public init() {}

    static let threshold = Parameter<Share>(
        "threshold", default: Share(percent: 10), english: "Largest share of resources events should make (ours).",
        french: "Part maximale des ressources que devraient représenter les événementiels (valeur de ClusterKit).",
        defaultIsOurs: true)

    static let over = MessageTemplate(
        id: "event-risk.over",
        english: "Events are {share} of resources ({part} of {total}), over {threshold}: real financial and legal risks, working capital to carry them, and staff drawn from the cluster's everyday work. Test the concept and consider outsourcing the organisation.",
        french: "Les événementiels représentent {share} des ressources ({part} sur {total}), au-delà de {threshold} : des risques financiers et juridiques réels, un fonds de roulement pour les porter, et une équipe détournée de l'action courante. Tester le concept et envisager d'externaliser l'organisation.")
    static let fix = MessageTemplate(
        id: "event-risk.fix",
        english: "take {amount} of events out of the cluster's own budget (e.g. by outsourcing their organisation) to come down to {threshold}",
        french: "sortir {amount} d'événementiels du budget propre du cluster (par exemple en externalisant leur organisation) pour revenir à {threshold}")
    static let dilute = MessageTemplate(
        id: "event-risk.dilute",
        english: "add {amount} of other resources, keeping the events",
        french: "ajouter {amount} d'autres ressources, en conservant les événementiels")

    public static let description = RuleDescription(
        id: "event-risk",
        name: LocalizedText(english: "Reliance on events", french: "Poids des événementiels"),
        rationale: LocalizedText(
            english: """
                Trade fairs, congresses and other large events can pay well and make the cluster known, but the \
                memento warns that the risks match the expected gains: a significant financial risk and the working \
                capital to carry it, legal risks and the approvals the trade requires, and staff drawn away from the \
                cluster's everyday work. It advises a real market study, testing the concept first (Atlanpack started \
                with a congress before launching VS Pack), and outsourcing the organisation to professionals. The 10% \
                threshold is ours, and so is the note: events are also « parfois très payante » and « une manne \
                potentielle » (p. 45, p. 52), and Cosmetic Valley, at 19% of events, is the memento's example of \
                « la palette complète » of private revenue (p. 34). Raise the severity where events are a risk.
                """,
            french: """
                Salons, congrès et autres manifestations à large audience peuvent être très payants et faire \
                connaître le cluster, mais le mémento prévient : des risques à la mesure des gains escomptés — un \
                risque financier important et le fonds de roulement pour le porter, des risques juridiques et des \
                agréments propres à la profession, un investissement humain au détriment de l'action courante. Il \
                conseille une vraie étude de marché, de tester le concept (Atlanpack a commencé par un congrès avant \
                VS Pack) et d'externaliser l'organisation à des professionnels. Le seuil de 10 % est une valeur de \
                ClusterKit, comme le choix d'une note : l'événementiel est aussi « parfois très payant » et « une \
                manne potentielle » (p. 45, p. 52), et Cosmetic Valley, à 19 % d'événementiels, illustre pour le \
                mémento « la palette complète » des recettes privées (p. 34). Relever la gravité là où \
                l'événementiel est un risque.
                """),
        citation: Memento.events,
        defaultSeverity: .note,
        parameters: [threshold],
        messages: [over, fix, dilute],
        triggeringExamples: [
            RuleExample(
                Budget.balanced(
                    caseStudy("Cosmetic Valley"),
                    resources: [.line(.events, 403_000), .line(.membershipFees, 200_000), .line(.region, 1_566_500)]),
                note: "Cosmetic Valley 2013: 403,000 of events in 2,169,500, 18.6%."),
            RuleExample(
                Budget.balanced(exampleCluster(), resources: [.line(.events, 10_001), .line(.region, 89_999)]),
                note: "One euro over 10%."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(exampleCluster(), resources: [.line(.events, 10_000), .line(.region, 90_000)]),
                note: "Exactly 10%."),
            RuleExample(
                Budget.balanced(exampleCluster(), resources: [.line(.actionParticipation, 40_000), .line(.region, 60_000)]),
                note: "Companies paying their share of a stand at a fair are participations, not events the cluster runs."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let metrics = context.metrics
        let check = ShareThreshold(
            direction: .ceiling, part: metrics.total(of: .events), whole: metrics.fundingBase,
            threshold: try context.value(of: Self.threshold),
            partLabel: LocalizedText(english: "Events", french: "Organisation d'événements"))
        return try check.diagnostic(
            context, message: Self.over, fix: Self.fix, alternatives: check.dilution(context, Self.dilute)
        ).map { [$0] } ?? []
    }
}
