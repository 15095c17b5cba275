import ClusterKitCore

/// `public-private-balance`: the private share of the whole budget under the 50/50 target — a warning before the
/// target year, and an error from it where `errorFromTargetYear` is set (the `pole` preset sets it).
///
/// The target and its year are the rule set's parameters when it sets them, else the cluster's `targets`, else 50%
/// by 2016. Gross self-financing by default; net where the funders forbid valued time.
public struct PublicPrivateBalanceRule: Rule {
    /// Creates the rule.
    public init() {}

    public static let description = RuleDescription(
        id: "public-private-balance",
        name: LocalizedText(english: "Public/private balance (50/50)", french: "Équilibre public/privé (50/50)"),
        rationale: LocalizedText(
            english: """
                Funders ask clusters to balance public and private funding: the pôles committed in their 2013–2018 \
                performance contracts to a balanced budget by 2016 at the latest, and a private majority in the \
                medium term. The working group asks that the 50/50 rule be judged on the cluster's whole budget, not \
                action by action — so this rule reads the global budget only. The private share is gross (valued \
                member time counted) unless the funders forbid valued time, where it is net (real cash only).
                """,
            french: """
                Les financeurs demandent aux clusters d'équilibrer financements publics et privés : les pôles se sont \
                engagés dans leurs contrats de performance 2013-2018 à un budget équilibré au plus tard en 2016, et à \
                un financement privé majoritaire à moyen terme. Le groupe de travail demande de juger la règle du \
                50/50 sur le financement global du cluster et non action par action : la règle lit donc le budget \
                global. La part privée est brute (valorisation des temps comprise), sauf si les financeurs \
                interdisent la valorisation : elle est alors nette (flux financiers réels).
                """),
        citation: Memento.cite("p. 11; recommandations « sur le financement global du cluster et non action par action »"),
        defaultSeverity: .warning,
        parameters: FundingTarget.parameters + [
            FundingTarget.basisParameter,
            RuleParameter(
                "errorFromTargetYear", .boolean(false),
                english: "Whether a budget of the target year or later under the target is an error (the pôles' contracts; set by the pole preset).",
                french: "Si un budget de l'année cible ou postérieur sous l'objectif est une erreur (contrats des pôles ; fixé par le préréglage pole)."),
        ],
        messages: [
            MessageTemplate(
                id: "public-private-balance.under",
                english: "Private resources are {share} of the budget ({basis}; {part} of {total}), under the {threshold} target due by {targetYear}, judged on the whole budget.",
                french: "Les ressources privées représentent {share} du budget ({basis} ; {part} sur {total}), sous l'objectif de {threshold} à atteindre en {targetYear}, apprécié sur le budget global."),
            MessageTemplate(
                id: "public-private-balance.add",
                english: "add {amount} of private revenue (the budget grows with it)",
                french: "ajouter {amount} de recettes privées (le budget augmente d'autant)"),
            MessageTemplate(
                id: "public-private-balance.replace",
                english: "replace {amount} of public funding by private revenue (the budget unchanged)",
                french: "remplacer {amount} de financements publics par des recettes privées (budget inchangé)"),
        ],
        triggeringExamples: [
            RuleExample(
                Budget.balanced(
                    exampleCluster("Mecabourg", valuedTimeAllowed: false),
                    resources: [.line(.region, 160_000), .line(.membershipFees, 95_000), .line(.actionParticipation, 35_000)]),
                note: "Mecabourg 2013: 130,000 private of 290,000, 44.8%; 30,000 of private revenue to add."),
            RuleExample(
                Budget.balanced(
                    exampleCluster("Neopolia"),
                    resources: [.line(.membershipFees, 380_000), .line(.memberTime, 250_000), .line(.region, 597_000)]),
                parameters: ["basis": .text("net")],
                note: "Neopolia 2013 on a net basis: 380 of 977 kEUR of cash, 38.9%."),
            RuleExample(
                Budget.balanced(exampleCluster(), resources: [.line(.region, 50_001), .line(.membershipFees, 49_999)]),
                note: "One euro under 50%."),
            RuleExample(
                Budget.balanced(
                    exampleCluster("Pôle", kind: .pole), year: 2016,
                    resources: [.line(.state, 60_000), .line(.membershipFees, 40_000)]),
                parameters: ["errorFromTargetYear": .boolean(true)],
                note: "A pôle at 40% in 2016, the target year: an error."),
            RuleExample(
                Budget.balanced(
                    ClusterProfile(name: "Soliage", kind: .grappe, founded: 2011, targets: FundingTargets(privateShare: Share(percent: 50), year: 2014)),
                    resources: [.line(.otherPublic, 290_000), .line(.membershipFees, 210_000)]),
                note: "Soliage 2013 against its own target, 50% by 2014: 42%."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(exampleCluster(), resources: [.line(.region, 50_000), .line(.membershipFees, 50_000)]),
                note: "Exactly 50%."),
            RuleExample(
                Budget.balanced(
                    exampleCluster("Neopolia"),
                    resources: [.line(.membershipFees, 380_000), .line(.memberTime, 250_000), .line(.region, 597_000)]),
                note: "Neopolia 2013 on a gross basis: 51.3%, the memento's « 50 % brut »."),
            RuleExample(
                Budget.balanced(
                    ClusterProfile(name: "Example", kind: .grappe, targets: FundingTargets(privateShare: Share(percent: 40))),
                    resources: [.line(.region, 60_000), .line(.membershipFees, 40_000)]),
                note: "40% private against the cluster's own 40% target."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let budget = context.budget
        let target = try FundingTarget(context, cluster: budget.cluster)
        let basis = try FundingTarget.basis(context).applying(to: budget.cluster)
        let (part, whole) = context.metrics.privateShareParts(basis)
        let check = ShareThreshold(
            direction: .floor, part: part, whole: whole, threshold: target.share,
            partLabel: basis == .net
                ? LocalizedText(english: "Private cash resources, Priv(cash)", french: "Ressources privées en numéraire, Priv(num.)")
                : LocalizedText(english: "Private resources (Priv)", french: "Ressources privées (Priv)"),
            wholeLabel: basis == .net
                ? LocalizedText(english: "Cash resources, R(cash)", french: "Ressources en numéraire, R(num.)")
                : LocalizedText(english: "Total resources (R)", french: "Total des ressources (R)"))
        // Written only when the target is missed.
        func replace() throws -> [RemediationOption] {
            try Share.transferToReach(target.share, part: part.amount, of: whole).map {
                [try context.option($0, "public-private-balance.replace")]
            } ?? []
        }
        let due = try context.boolean("errorFromTargetYear") && budget.year >= target.year
        return try check.diagnostic(
            context, message: "public-private-balance.under", fix: "public-private-balance.add", alternatives: try replace(),
            severity: due ? .error : nil,
            extraArguments: ["basis": .localized(basis.label), "targetYear": .integer(target.year)]
        ).map { [$0] } ?? []
    }
}
