import ClusterKitCore

/// `valued-time-ceiling`: valued member time over 15% of the budget — "est-ce bien raisonnable ?"; an error where the
/// funders forbid counting it at all.
public struct ValuedTimeCeilingRule: Rule {
    /// Creates the rule.
    public init() {}

    public static let description = RuleDescription(
        id: "valued-time-ceiling",
        name: LocalizedText(english: "Valued time ceiling", french: "Plafond de la valorisation des temps"),
        rationale: LocalizedText(
            english: """
                Valuing the time members spend on the cluster, or staff and means lent to it, raises the apparent \
                self-financing without a euro of cash: some clusters show more than 50% that way. Over 15% of the \
                budget the memento asks whether it is reasonable. Some funders forbid counting it at all (the \
                Rhône-Alpes region for Mecabourg); then any valued time is an error. In-kind resources count here: \
                valued member time and secondments.
                """,
            french: """
                Valoriser le temps passé par les membres, ou le personnel et les moyens mis à disposition, gonfle \
                l'autofinancement apparent sans un euro de trésorerie : certains clusters affichent ainsi plus de \
                50 %. Au-delà de 15 % du budget, le mémento demande : est-ce bien raisonnable ? Certains financeurs \
                interdisent de la compter (la région Rhône-Alpes pour Mécabourg) ; toute valorisation est alors une \
                erreur. Sont comptées les ressources en nature : temps des membres et mises à disposition.
                """),
        citation: Memento.cite("p. 13; Mecabourg"),
        defaultSeverity: .warning,
        parameters: [
            RuleParameter(
                "threshold", .share(Share(percent: 15)), english: "Largest share of resources valued time should make.",
                french: "Part maximale des ressources que doit représenter la valorisation des temps.")
        ],
        messages: [
            MessageTemplate(
                id: "valued-time-ceiling.over",
                english: "Valued time and secondments are {share} of resources ({part} of {total}), over {threshold}: is that reasonable?",
                french: "La valorisation des temps et les mises à disposition représentent {share} des ressources ({part} sur {total}), au-delà de {threshold} : est-ce bien raisonnable ?"),
            MessageTemplate(
                id: "valued-time-ceiling.forbidden",
                english: "The funders do not allow valued time to be counted, yet {part} of in-kind resources ({share} of resources) are counted.",
                french: "Les financeurs n'autorisent pas la valorisation des temps, pourtant {part} de ressources en nature ({share} des ressources) sont comptés."),
            MessageTemplate(
                id: "valued-time-ceiling.fix",
                english: "count {amount} less of valued time to come down to {threshold} (the budget shrinks with it)",
                french: "valoriser {amount} de moins pour revenir à {threshold} (le budget diminue d'autant)"),
            MessageTemplate(
                id: "valued-time-ceiling.remove",
                english: "take the {amount} of in-kind resources out of the plan of financing",
                french: "retirer les {amount} de ressources en nature du plan de financement"),
        ],
        triggeringExamples: [
            RuleExample(
                Budget.balanced(
                    exampleCluster("Neopolia"),
                    resources: [.line(.membershipFees, 380_000), .line(.memberTime, 250_000), .line(.region, 597_000)]),
                note: "Neopolia 2013: 250 of 1,227 kEUR of in-kind time, 20.4%."),
            RuleExample(
                Budget.balanced(
                    exampleCluster("Mecabourg", valuedTimeAllowed: false),
                    resources: [.line(.region, 95_000), .line(.memberTime, 5_000)]),
                note: "Funders forbid valued time: any amount is an error."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(exampleCluster(), resources: [.line(.region, 85_000), .line(.memberTime, 15_000)]),
                note: "Exactly 15%."),
            RuleExample(
                Budget.balanced(exampleCluster(valuedTimeAllowed: false), resources: [.line(.region, 95_000), .line(.membershipFees, 5_000)]),
                note: "No valued time where it is forbidden."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let metrics = context.metrics
        let inKind = metrics.inKindResources
        let label = LocalizedText(english: "In-kind resources (valued time, secondments)", french: "Ressources en nature (temps valorisé, mises à disposition)")
        if !context.budget.cluster.valuedTimeAllowed {
            guard !inKind.amount.isZero else { return [] }
            let check = ShareThreshold(direction: .ceiling, part: inKind, whole: metrics.totalResources, threshold: .zero, partLabel: label)
            return try check.diagnostic(context, message: "valued-time-ceiling.forbidden", fix: "valued-time-ceiling.remove", severity: .error)
                .map { [$0] } ?? []
        }
        let check = ShareThreshold(
            direction: .ceiling, part: inKind, whole: metrics.totalResources, threshold: try context.share("threshold"), partLabel: label)
        return try check.diagnostic(context, message: "valued-time-ceiling.over", fix: "valued-time-ceiling.fix").map { [$0] } ?? []
    }
}
