import ClusterKitCore

/// `billed-revenue-floor`: billed private revenue under 20% of the budget — "utilité et valeur ajoutée du cluster ?"
public struct BilledRevenueFloorRule: Rule {
    /// Creates the rule.
    public init() {}

    static let threshold = Parameter<Share>(
        "threshold", default: Share(percent: 20), english: "Smallest share of resources billed revenue should make.",
        french: "Part minimale des ressources que doit représenter la facturation.")

    static let under = MessageTemplate(
        id: "billed-revenue-floor.under",
        english: "Billed revenue is {share} of resources ({part} of {total}), under {threshold}: what usefulness and added value does the cluster show?",
        french: "La facturation représente {share} des ressources ({part} sur {total}), sous {threshold} : utilité et valeur ajoutée du cluster ?")
    static let mixed = MessageTemplate(
        id: "billed-revenue-floor.mixed",
        english: "Membership fees and billed services share one amount the table does not split ({lines}, {amount}): billed revenue is between {low} and {high} of resources, and the {threshold} floor cannot be judged.",
        french: "Cotisations et facturation de services sont confondues en un montant que le tableau ne ventile pas ({lines}, {amount}) : la facturation représente entre {low} et {high} des ressources, et le plancher de {threshold} ne peut être apprécié.")
    static let young = MessageTemplate(
        id: "billed-revenue-floor.young",
        english: "Billed revenue is {share} of resources ({part} of {total}), under {threshold}; the cluster is {age} {age|year|years} old, and a new range of services takes time to bring in revenue while self-financing is very delicate for clusters being created.",
        french: "La facturation représente {share} des ressources ({part} sur {total}), sous {threshold} ; le cluster a {age} {age|an|ans}, et une nouvelle gamme de services met du temps à générer des ressources, l'autofinancement étant très délicat pour les clusters en création.")
    static let fix = MessageTemplate(
        id: "billed-revenue-floor.fix",
        english: "bill {amount} more (services, participation in actions, events) to reach {threshold}, the budget growing with it",
        french: "facturer {amount} de plus (prestations, participations aux actions, événements) pour atteindre {threshold}, le budget augmentant d'autant")

    public static let description = RuleDescription(
        id: "billed-revenue-floor",
        name: LocalizedText(english: "Billed revenue floor", french: "Plancher de la facturation"),
        rationale: LocalizedText(
            english: """
                What members pay for — services, participation in actions, events, sponsoring — shows that the \
                cluster is useful to them. Billed revenue is the private cash other than membership fees; under 20% \
                of the budget, the memento asks what usefulness and added value the cluster shows. A cluster under 3 \
                years old gets a note, never a warning: a new range of services takes time to bring in revenue (p. 21).
                """,
            french: """
                Ce que les membres paient — prestations, participations aux actions, événements, sponsoring — montre \
                que le cluster leur est utile. La facturation s'entend des recettes privées en numéraire hors \
                cotisations ; sous 20 % du budget, le mémento interroge : utilité et valeur ajoutée du cluster ? Un \
                cluster de moins de 3 ans reçoit une note, jamais un avertissement : une nouvelle gamme de services \
                met du temps à générer des ressources (p. 21).
                """),
        citation: Memento.cite("p. 13, « Utilité et valeur ajoutée du cluster ? »"),
        defaultSeverity: .warning,
        parameters: [threshold, FundingPurpose.minimumAge],
        messages: [under, young, mixed, fix],
        triggeringExamples: [
            RuleExample(
                Budget.balanced(
                    caseStudy("Mecabourg"),
                    resources: [.line(.region, 160_000), .line(.membershipFees, 95_000), .line(.actionParticipation, 35_000)]),
                note: "Mecabourg 2013: 35,000 billed of 290,000, 12.1%."),
            RuleExample(
                Budget.balanced(exampleCluster(), resources: [.line(.region, 80_000), .line(.services, 19_999), .line(.memberTime, 1)]),
                note: "One euro under 20%; valued time is not billed."),
            RuleExample(
                Budget.balanced(exampleCluster(founded: 2011), resources: [.line(.region, 90_000), .line(.services, 10_000)]),
                note: "A two-year-old grappe billing 10%: a note, not a warning."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(exampleCluster(), resources: [.line(.region, 80_000), .line(.services, 10_000), .line(.events, 10_000)]),
                note: "Exactly 20%."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let metrics = context.metrics
        let fees = metrics.privateCash(of: .membershipFees)
        let billed = LineTotal(amount: try metrics.privateCash.amount.subtracting(fees.amount), lines: [])
        let threshold = try context.value(of: Self.threshold)
        let mixed = try MixedFeeLines(context)
        if !mixed.isEmpty, let note = try mixed.undecided(
            context, message: Self.mixed, low: try billed.amount.subtracting(mixed.otherSourced.amount),
            whole: metrics.fundingBase, threshold: threshold)
        {
            return [note]
        }
        var check = ShareThreshold(
            direction: .floor, part: billed, whole: metrics.fundingBase, threshold: threshold,
            partLabel: LocalizedText(english: "Billed revenue (private cash, fees excluded)", french: "Facturation (recettes privées en numéraire hors cotisations)"))
        guard check.isBreached else { return [] }
        // The lines are listed only when the floor is missed.
        let feeLines = Set(fees.lines)
        check.part = LineTotal(amount: billed.amount, lines: metrics.privateCash.lines.filter { !feeLines.contains($0) })
        let age = try YoungCluster.age(context)
        return try check.diagnostic(
            context, message: age == nil ? Self.under : Self.young, fix: Self.fix, severity: age == nil ? nil : .note,
            extraArguments: age.map { ["age": .integer($0)] } ?? [:]
        ).map { [$0] } ?? []
    }
}
