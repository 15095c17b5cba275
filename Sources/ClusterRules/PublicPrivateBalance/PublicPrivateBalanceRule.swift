import ClusterKitCore

/// `public-private-balance`: the private share of the whole budget under the 50/50 target.
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
        parameters: [
            RuleParameter(
                "target", .share(Share(percent: 50)), english: "Private share of the budget to reach.",
                french: "Part privée du budget à atteindre."),
            RuleParameter(
                "basis", .text("gross"),
                english: "gross (valued time counted) or net (cash only); net always applies where valued time is not allowed.",
                french: "gross (brut, valorisation comprise) ou net (numéraire seul) ; net s'applique toujours si la valorisation est interdite.",
                allowedValues: ["gross", "net"]),
        ],
        messages: [
            MessageTemplate(
                id: "public-private-balance.under",
                english: "Private resources are {share} of the budget ({basis}; {part} of {total}), under the {threshold} target, judged on the whole budget.",
                french: "Les ressources privées représentent {share} du budget ({basis} ; {part} sur {total}), sous l'objectif de {threshold}, apprécié sur le budget global."),
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
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let metrics = context.metrics
        let net = try context.text("basis") == "net" || !context.budget.cluster.valuedTimeAllowed
        let part = net ? metrics.privateCash : metrics.privateResources
        let whole = net ? metrics.cashResources : metrics.totalResources
        let target = try context.share("target")
        let basis = net
            ? LocalizedText(english: "net, cash only", french: "net, hors valorisation")
            : LocalizedText(english: "gross, valued time included", french: "brut, valorisation comprise")
        let check = ShareThreshold(
            direction: .floor, part: part, whole: whole, threshold: target,
            partLabel: net
                ? LocalizedText(english: "Private cash resources, Priv(cash)", french: "Ressources privées en numéraire, Priv(num.)")
                : LocalizedText(english: "Private resources (Priv)", french: "Ressources privées (Priv)"),
            wholeLabel: net
                ? LocalizedText(english: "Cash resources, R(cash)", french: "Ressources en numéraire, R(num.)")
                : LocalizedText(english: "Total resources (R)", french: "Total des ressources (R)"))
        let replace = try Share.transferToReach(target, part: part.amount, of: whole).map {
            [try context.option($0, "public-private-balance.replace")]
        } ?? []
        return try check.diagnostic(
            context, message: "public-private-balance.under", fix: "public-private-balance.add", alternatives: replace,
            extraArguments: ["basis": .localized(basis)]
        ).map { [$0] } ?? []
    }
}
