import ClusterKitCore

/// `valued-time-ceiling`: the time members spend on the cluster, valued, over 15% of the budget — "est-ce bien
/// raisonnable ?"; an error where the funders forbid counting it at all. Secondments count only where the
/// `includeSecondments` parameter asks: the memento treats them as a legitimate private contribution (p. 11).
public struct ValuedTimeCeilingRule: Rule {
    /// Creates the rule.
    public init() {}

    static let threshold = Parameter<Share>(
        "threshold", default: Share(percent: 15), english: "Largest share of resources valued time should make.",
        french: "Part maximale des ressources que doit représenter la valorisation des temps.")
    static let includeSecondments = Parameter<Bool>(
        "includeSecondments", default: false,
        english: "Whether secondments (staff and means lent to the cluster) count with the members' valued time (our choice: not by default, as the memento counts them as a private contribution, p. 11).",
        french: "Si les mises à disposition (personnel et moyens prêtés au cluster) comptent avec le temps valorisé des membres (notre choix : non par défaut, le mémento y voyant une contribution privée, p. 11).",
        defaultIsOurs: true)

    static let over = MessageTemplate(
        id: "valued-time-ceiling.over",
        english: "Valued member time is {share} of resources ({part} of {total}), over {threshold}: is that reasonable?",
        french: "Le temps valorisé des membres représente {share} des ressources ({part} sur {total}), au-delà de {threshold} : est-ce bien raisonnable ?")
    static let overWithSecondments = MessageTemplate(
        id: "valued-time-ceiling.over-with-secondments",
        english: "Valued time and secondments are {share} of resources ({part} of {total}), over {threshold}: is that reasonable?",
        french: "La valorisation des temps et les mises à disposition représentent {share} des ressources ({part} sur {total}), au-delà de {threshold} : est-ce bien raisonnable ?")
    static let undecided = MessageTemplate(
        id: "valued-time-ceiling.undecided",
        english: "Valued member time shares one amount with another source the table does not split ({lines}, {amount}): it is between {low} and {high} of resources, and the {threshold} ceiling cannot be judged.",
        french: "Le temps valorisé des membres partage un montant avec une autre origine que le tableau ne ventile pas ({lines}, {amount}) : il représente entre {low} et {high} des ressources, et le plafond de {threshold} ne peut être jugé.")
    static let forbidden = MessageTemplate(
        id: "valued-time-ceiling.forbidden",
        english: "The funders do not allow valued time to be counted, yet {part} of it ({share} of resources) is counted.",
        french: "Les financeurs n'autorisent pas la valorisation des temps, pourtant {part} de temps valorisé ({share} des ressources) sont comptés.")
    static let fix = MessageTemplate(
        id: "valued-time-ceiling.fix",
        english: "count {amount} less of valued time to come down to {threshold} (the budget shrinks with it)",
        french: "valoriser {amount} de moins pour revenir à {threshold} (le budget diminue d'autant)")
    static let remove = MessageTemplate(
        id: "valued-time-ceiling.remove",
        english: "take the {amount} of valued time out of the plan of financing",
        french: "retirer les {amount} de temps valorisé du plan de financement")

    public static let description = RuleDescription(
        id: "valued-time-ceiling",
        name: LocalizedText(english: "Valued time ceiling", french: "Plafond de la valorisation des temps"),
        rationale: LocalizedText(
            english: """
                Valuing the time members spend on the cluster raises the apparent self-financing without a euro of \
                cash: some clusters show more than 50% that way (p. 9). Over 15% of the budget the memento asks \
                whether it is reasonable (p. 13, « Temps passé : > 15 % », the time companies spend). Some funders \
                forbid counting it at all (the Rhône-Alpes region for Mecabourg, p. 31); then any valued time is an \
                error. Staff and means lent to the cluster (secondments) are not the companies' time: the memento \
                counts them as a form of private contribution to the pôles' running (p. 11), so they are left out \
                unless `includeSecondments` is set. A line of valued time that also holds another source its table \
                does not split (`includes`: Neopolia's « temps entreprise et CCI », a CCI's secondment with the \
                companies' time) puts the share in a range; when the ceiling falls inside it, a note says it cannot \
                be judged.
                """,
            french: """
                Valoriser le temps passé par les membres gonfle l'autofinancement apparent sans un euro de \
                trésorerie : certains clusters affichent ainsi plus de 50 % (p. 9). Au-delà de 15 % du budget, le \
                mémento demande : est-ce bien raisonnable ? (p. 13, « Temps passé : > 15 % », le temps passé par les \
                entreprises). Certains financeurs interdisent de le compter (la région Rhône-Alpes pour Mécabourg, \
                p. 31) ; toute valorisation est alors une erreur. Le personnel et les moyens mis à disposition ne sont \
                pas le temps des entreprises : le mémento y voit une forme de contribution du secteur privé au \
                fonctionnement des pôles (p. 11) ; ils ne sont donc comptés que si `includeSecondments` est fixé. Une \
                ligne de temps valorisé qui contient aussi une autre origine que son tableau ne ventile pas \
                (`includes` : les « temps entreprise et CCI » de Neopolia, une mise à disposition de la CCI avec le \
                temps des entreprises) place la part dans une fourchette ; quand le plafond y tombe, une note dit \
                qu'il ne peut être jugé.
                """),
        citation: Memento.cite("p. 13, « Temps passé : > 15% » ; p. 31, « impossibilité de valoriser les temps passés par les entreprises »"),
        defaultSeverity: .warning,
        parameters: [threshold, includeSecondments],
        messages: [over, overWithSecondments, undecided, forbidden, fix, remove],
        triggeringExamples: [
            RuleExample(
                Budget.balanced(
                    caseStudy("Neopolia"),
                    resources: [.line(.membershipFees, 380_000), .line(.memberTime, 250_000), .line(.otherPublic, 597_000)]),
                note: "Neopolia 2013: 250 of 1,227 kEUR of companies' and CCI time, 20.4%."),
            RuleExample(
                Budget.balanced(
                    caseStudy("EMC2"),
                    resources: [
                        .line(.otherPublic, 700_000), .line(.secondment, 180_000), .line(.memberTime, 130_000),
                        .line(.services, 250_000), .line(.membershipFees, 210_000),
                    ]),
                parameters: ["includeSecondments": .boolean(true)],
                note: "EMC2 2013 with its 180 kEUR of secondments counted: 310 of 1,470 kEUR, 21.1%."),
            RuleExample(
                Budget.balanced(
                    caseStudy("Mecabourg", valuedTimeAllowed: false),
                    resources: [.line(.region, 50_000), .line(.intercommunality, 50_000), .line(.department, 60_000),
                                .line(.membershipFees, 95_000), .line(.actionParticipation, 30_000), .line(.memberTime, 5_000)]),
                note: "Mecabourg 2013 under Rhône-Alpes' directive, had it counted 5,000 of its 35,000 of participations as valued time: an error."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(
                    caseStudy("EMC2"),
                    resources: [
                        .line(.otherPublic, 700_000), .line(.secondment, 180_000), .line(.memberTime, 130_000),
                        .line(.services, 250_000), .line(.membershipFees, 210_000),
                    ]),
                note: "EMC2 2013: 130 of 1,470 kEUR of members' time, 8.8%; its secondments are a private contribution."),
            RuleExample(
                Budget.balanced(
                    caseStudy("Mecabourg", valuedTimeAllowed: false),
                    resources: [.line(.region, 50_000), .line(.intercommunality, 50_000), .line(.department, 60_000),
                                .line(.membershipFees, 95_000), .line(.actionParticipation, 35_000)]),
                note: "Mecabourg 2013: no valued time, where it is forbidden."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let metrics = context.metrics
        let withSecondments = try context.value(of: Self.includeSecondments)
        let valued = withSecondments ? metrics.inKindResources : metrics.total(of: .memberTime)
        let label = withSecondments
            ? LocalizedText(english: "In-kind resources (valued time, secondments)", french: "Ressources en nature (temps valorisé, mises à disposition)")
            : LocalizedText(english: "Valued member time", french: "Temps valorisé des membres")
        if !context.budget.cluster.valuedTimeAllowed {
            guard !valued.amount.isZero else { return [] }
            let check = ShareThreshold(direction: .ceiling, part: valued, whole: metrics.fundingBase, threshold: .zero, partLabel: label)
            return try check.diagnostic(context, message: Self.forbidden, fix: Self.remove, severity: .error)
                .map { [$0] } ?? []
        }
        let threshold = try context.value(of: Self.threshold)
        // Lines of valued time that also hold another source unsplit (`includes`: Neopolia's « temps entreprise et
        // CCI », a CCI secondment with the members' time): the share lies between the one without them and the one
        // with them; a ceiling between the two cannot be judged.
        let mixed = context.budget.resources.filter { line in
            valued.lines.contains(line.id) && line.includes.contains { !$0.isValuedTime }
        }
        if !mixed.isEmpty {
            var mixedAmount = Money(minorUnits: 0, currency: context.budget.currency)
            for line in mixed { mixedAmount = try mixedAmount.adding(line.amount) }
            let low = try valued.amount.subtracting(mixedAmount)
            if let lowShare = Share(low, of: metrics.fundingBase), let highShare = Share(valued.amount, of: metrics.fundingBase),
                lowShare <= threshold, highShare > threshold
            {
                let ids = mixed.map(\.id)
                return [
                    context.diagnostic(
                        Self.undecided,
                        [
                            "lines": .list(mixed.map { LineNames.name(label: $0.label, id: $0.id) }),
                            "amount": .money(mixedAmount), "low": .share(lowShare), "high": .share(highShare), "threshold": .share(threshold),
                        ],
                        severity: .note, threshold: .share(threshold), lines: ids,
                        explanation: [
                            ExplanationItem(label, .money(valued.amount)),
                            ExplanationItem(LocalizedText(english: "Lines that do not split", french: "Lignes non ventilées"), .money(mixedAmount)),
                            ExplanationItem(LocalizedText(english: "Share, at least", french: "Part, au moins"), .share(lowShare)),
                            ExplanationItem(LocalizedText(english: "Share, at most", french: "Part, au plus"), .share(highShare)),
                            ExplanationItem(LocalizedText(english: "Ceiling", french: "Plafond"), .share(threshold)),
                        ])
                ]
            }
        }
        let check = ShareThreshold(
            direction: .ceiling, part: valued, whole: metrics.fundingBase,
            threshold: threshold, partLabel: label)
        return try check.diagnostic(
            context, message: withSecondments ? Self.overWithSecondments : Self.over,
            fix: Self.fix
        ).map { [$0] } ?? []
    }
}

extension RevenueSourceID {
    /// Whether the source is valued time or a secondment: the in-kind sources `valued-time-ceiling` weighs.
    fileprivate var isValuedTime: Bool { self == .memberTime || self == .secondment }
}
