import ClusterKitCore

/// `declared-figures`: the self-financing a cluster publishes (`cluster.declared.selfFinancing`) matches neither the
/// gross nor the net self-financing computed from its plan of financing, within 2 points.
public struct DeclaredFiguresRule: Rule {
    /// Creates the rule.
    public init() {}

    static let tolerance = Parameter<Share>(
        "tolerance", default: Share(percent: 2),
        english: "Largest gap accepted between the published figure and the computed ones (our default: 2 points).",
        french: "Écart maximal accepté entre le chiffre publié et les chiffres calculés (valeur par défaut de ClusterKit : 2 points).",
        defaultIsOurs: true)

    static let mismatch = MessageTemplate(
        id: "declared-figures.mismatch",
        english: "The cluster publishes {declared} of self-financing, but its plan of financing gives {gross} gross and {net} net: more than {tolerance} points apart.",
        french: "Le cluster affiche {declared} d'autofinancement, mais son plan de financement donne {gross} en brut et {net} en net : un écart de plus de {tolerance} points.")

    public static let description = RuleDescription(
        id: "declared-figures",
        name: LocalizedText(english: "Published figures match the budget", french: "Chiffres publiés conformes au budget"),
        rationale: LocalizedText(
            english: """
                Each case study of the memento states a « niveau d'autofinancement » beside its plan of financing, and \
                the two do not always agree: Cluster Rhône-Alpes Eco-énergies publishes 30% for 2013 (35% in its \
                history) while its table gives 170,000 of private resources out of 720,000, 23.6%. Practices of \
                valuing member time differ so much that budgets are hard to read; a published figure is credible when \
                it matches the gross (valued time included) or the net (cash only) self-financing of the budget it \
                comes with. Our default tolerance is 2 points.
                """,
            french: """
                Chaque cas du mémento affiche un « niveau d'autofinancement » à côté de son plan de financement, et les \
                deux ne concordent pas toujours : le Cluster Rhône-Alpes Eco-énergies publie 30 % pour 2013 (35 % dans \
                son historique) alors que son tableau donne 170 000 de ressources privées sur 720 000, soit 23,6 %. Les \
                pratiques de valorisation des temps diffèrent tant que les budgets sont difficiles à interpréter ; un \
                chiffre publié est crédible s'il correspond à l'autofinancement brut (valorisation comprise) ou net \
                (numéraire seul) du budget qui l'accompagne. Tolérance par défaut de ClusterKit : 2 points.
                """),
        citation: Memento.cite("p. 12, « La difficulté d'interprétation des budgets et plans de financement » ; p. 26, « Niveau d'autofinancement 2013 »"),
        defaultSeverity: .warning,
        parameters: [tolerance],
        messages: [mismatch],
        triggeringExamples: [
            RuleExample(
                Budget(
                    cluster: ClusterProfile(
                        name: "Cluster Rhône-Alpes Eco-énergies", kind: .grappe, founded: 2005, members: 220,
                        declared: DeclaredFigures(selfFinancing: Share(percent: 30))),
                    year: 2013, resources: [.line(.region, 550_000), .line(.membershipFees, 170_000)],
                    expenses: [
                        ExpenseLine(id: "operating", amount: Money(major: 200_000), nature: .operating),
                        ExpenseLine(id: "actions", amount: Money(major: 420_000)),
                    ]),
                note: "Cluster Rhône-Alpes Eco-énergies 2013: 30% published, 23.6% in its table."),
            RuleExample(
                Budget.balanced(
                    ClusterProfile(name: "Neopolia", declared: DeclaredFigures(selfFinancing: Share(percent: 45))),
                    resources: [.line(.membershipFees, 380_000), .line(.memberTime, 250_000), .line(.region, 597_000)]),
                note: "45% published between a 51.3% gross and a 38.9% net: neither within 2 points."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(
                    ClusterProfile(name: "Neopolia", declared: DeclaredFigures(selfFinancing: Share(percent: 50))),
                    resources: [.line(.membershipFees, 380_000), .line(.memberTime, 250_000), .line(.region, 597_000)]),
                note: "Neopolia 2013: « 50 % brut » published, 51.3% gross computed."),
            RuleExample(
                Budget.balanced(
                    ClusterProfile(name: "Neopolia", declared: DeclaredFigures(selfFinancing: Share(percent: 40))),
                    resources: [.line(.membershipFees, 380_000), .line(.memberTime, 250_000), .line(.region, 597_000)]),
                note: "40% published: the 38.9% net, within 2 points."),
            RuleExample(
                Budget.balanced(exampleCluster(), resources: [.line(.region, 70_000), .line(.membershipFees, 30_000)]),
                note: "Nothing published: nothing to check."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        guard let declared = context.budget.cluster.declared?.selfFinancing else { return [] }
        let metrics = context.metrics
        let tolerance = try context.value(of: Self.tolerance)
        let gaps = (metrics.selfFinancingGross.map { declared.distance(to: $0) }, metrics.selfFinancingNet.map { declared.distance(to: $0) })
        guard let nearest = gaps.0.map({ gap in gaps.1.map { min(gap, $0) } ?? gap }) ?? gaps.1, nearest > tolerance else { return [] }
        let unknown = MessageArgument.localized(LocalizedText.notAvailable)
        return [
            context.diagnostic(
                Self.mismatch,
                [
                    "declared": .share(declared), "gross": metrics.selfFinancingGross.map { .share($0) } ?? unknown,
                    "net": metrics.selfFinancingNet.map { .share($0) } ?? unknown, "tolerance": Self.points(tolerance),
                ],
                measured: .share(nearest), threshold: .share(tolerance),
                explanation: [
                    ExplanationItem(LocalizedText(english: "Published self-financing", french: "Autofinancement publié"), .share(declared)),
                    ExplanationItem(
                        LocalizedText(english: "Gross self-financing, Priv / R", french: "Autofinancement brut, Priv / R"),
                        metrics.selfFinancingGross.map { .share($0) } ?? unknown),
                    ExplanationItem(
                        LocalizedText(english: "Net self-financing, Priv(cash) / R(cash)", french: "Autofinancement net, Priv(num.) / R(num.)"),
                        metrics.selfFinancingNet.map { .share($0) } ?? unknown),
                    ExplanationItem(LocalizedText(english: "Smallest gap", french: "Plus petit écart"), .share(nearest)),
                ])
        ]
    }

    /// A gap between two shares in percentage points: `2`, or `2.5` in English and `2,5` in French.
    static func points(_ gap: Share) -> MessageArgument {
        .localized(LocalizedText(
            english: ValueFormatter(language: .english).points(gap), french: ValueFormatter(language: .french).points(gap)))
    }
}
