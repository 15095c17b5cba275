import ClusterKitCore

/// `membership-fee-floor`: membership fees under 15% of the budget — "quelle dynamique et conscience collective ?"
public struct MembershipFeeFloorRule: Rule {
    /// Creates the rule.
    public init() {}

    static let threshold = Parameter<Share>(
        "threshold", default: Share(percent: 15), english: "Smallest share of resources membership fees should make.",
        french: "Part minimale des ressources que doivent représenter les cotisations.")

    static let under = MessageTemplate(
        id: "membership-fee-floor.under",
        english: "Membership fees are {share} of resources ({part} of {total}), under {threshold}: what collective drive and awareness? An original cluster, or a cluster in danger?",
        french: "Les cotisations représentent {share} des ressources ({part} sur {total}), sous {threshold} : quelle dynamique et conscience collective ? Cluster original ou cluster en danger ?")
    static let mixed = MessageTemplate(
        id: "membership-fee-floor.mixed",
        english: "Membership fees and billed services share one amount the table does not split ({lines}, {amount}): fees are between {low} and {high} of resources, and the {threshold} floor cannot be judged.",
        french: "Cotisations et facturation de services sont confondues en un montant que le tableau ne ventile pas ({lines}, {amount}) : les cotisations représentent entre {low} et {high} des ressources, et le plancher de {threshold} ne peut être apprécié.")
    static let young = MessageTemplate(
        id: "membership-fee-floor.young",
        english: "Membership fees are {share} of resources ({part} of {total}), under {threshold}; the cluster is {age} {age|year|years} old, and while a cluster is being created its members' commitment is still forming and self-financing is very delicate.",
        french: "Les cotisations représentent {share} des ressources ({part} sur {total}), sous {threshold} ; le cluster a {age} {age|an|ans}, et pour un cluster en création l'engagement des membres se construit encore et l'autofinancement est très délicat.")
    static let fix = MessageTemplate(
        id: "membership-fee-floor.fix",
        english: "add {amount} of membership fees to reach {threshold} (the budget grows with them)",
        french: "ajouter {amount} de cotisations pour atteindre {threshold} (le budget augmente d'autant)")

    public static let description = RuleDescription(
        id: "membership-fee-floor",
        name: LocalizedText(english: "Membership fees floor", french: "Plancher des cotisations"),
        rationale: LocalizedText(
            english: """
                Membership fees measure how much members themselves commit to the cluster. Under 15% of the budget, \
                the memento asks what collective drive is left: an original cluster, or a cluster in danger? Fees are \
                the quickest private lever, though raising them may cost members in hard times. A cluster under 3 \
                years old gets a note, never a warning (« autofinancement très délicat pour les clusters en \
                création », p. 21).
                """,
            french: """
                Les cotisations mesurent l'engagement des membres envers le cluster. Sous 15 % du budget, le mémento \
                s'interroge : quelle dynamique et conscience collective ? Cluster original ou cluster en danger ? \
                C'est le levier privé le plus immédiat, au risque de perdre des adhérents en période difficile. Un \
                cluster de moins de 3 ans reçoit une note, jamais un avertissement (« autofinancement très délicat \
                pour les clusters en création », p. 21).
                """),
        citation: Memento.cite("p. 13, « Cotisation : < 15% » ; p. 46, « cluster original ou cluster en danger ? »"),
        defaultSeverity: .warning,
        parameters: [threshold, FundingPurpose.minimumAge],
        messages: [under, young, mixed, fix],
        triggeringExamples: [
            RuleExample(
                Budget.balanced(
                    caseStudy("Cosmetic Valley"),
                    resources: [.line(.region, 1_969_500), .line(.membershipFees, 200_000)]),
                note: "Cosmetic Valley 2013: 200,000 of fees in 2,169,500, 9.2%."),
            RuleExample(
                Budget.balanced(exampleCluster(), resources: [.line(.region, 85_001), .line(.membershipFees, 14_999)]),
                note: "One euro under 15%."),
            RuleExample(
                Budget.balanced(exampleCluster(founded: 2012), resources: [.line(.region, 90_000), .line(.membershipFees, 10_000)]),
                note: "A one-year-old grappe at 10%: a note, not a warning."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(caseStudy("Mecabourg"), resources: [.line(.region, 195_000), .line(.membershipFees, 95_000)]),
                note: "Mecabourg 2013: 95,000 of 290,000, 33%."),
            RuleExample(
                Budget.balanced(exampleCluster(), resources: [.line(.region, 85_000), .line(.membershipFees, 15_000)]),
                note: "Exactly 15%."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let fees = context.metrics.total(of: .membershipFees), threshold = try context.value(of: Self.threshold)
        let mixed = try MixedFeeLines(context)
        if !mixed.isEmpty, let note = try mixed.undecided(
            context, message: Self.mixed, low: try fees.amount.subtracting(mixed.feeSourced.amount),
            whole: context.metrics.fundingBase, threshold: threshold)
        {
            return [note]
        }
        let check = ShareThreshold(
            direction: .floor, part: fees, whole: context.metrics.fundingBase,
            threshold: threshold,
            partLabel: LocalizedText(english: "Membership fees", french: "Cotisations"))
        let age = try YoungCluster.age(context)
        return try check.diagnostic(
            context, message: age == nil ? Self.under : Self.young, fix: Self.fix, severity: age == nil ? nil : .note,
            extraArguments: age.map { ["age": .integer($0)] } ?? [:]
        ).map { [$0] } ?? []
    }
}
