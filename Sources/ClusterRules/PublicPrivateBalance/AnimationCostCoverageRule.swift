import ClusterKitCore

/// `animation-cost-coverage` (opt-in): private cash resources do not cover the operating and animation expenses, as
/// some funders demand (Mecabourg's: the Rhône-Alpes region, the intercommunalities and the Ain department).
public struct AnimationCostCoverageRule: OptInRule {
    /// Creates the rule.
    public init() {}

    static let short = MessageTemplate(
        id: "animation-cost-coverage.short",
        english: "Private cash resources ({private}) do not cover the operating and animation expenses ({operating}): {gap} short.",
        french: "Les ressources privées en numéraire ({private}) ne couvrent pas les dépenses de fonctionnement et d'animation ({operating}) : il manque {gap}.")
    static let add = MessageTemplate(
        id: "animation-cost-coverage.add",
        english: "add {amount} of private cash revenue (the budget grows with it)",
        french: "ajouter {amount} de recettes privées en numéraire (le budget augmente d'autant)")
    static let cut = MessageTemplate(
        id: "animation-cost-coverage.cut",
        english: "cut the operating and animation expenses by {amount}",
        french: "réduire de {amount} les dépenses de fonctionnement et d'animation")

    public static let description = RuleDescription(
        id: "animation-cost-coverage",
        name: LocalizedText(english: "Animation costs covered by private cash", french: "Frais d'animation couverts par l'autofinancement"),
        rationale: LocalizedText(
            english: """
                Some funders ask that the cluster's own money pay at least for its running: Mecabourg's funders (the \
                Rhône-Alpes region, the intercommunalities, the Ain department) require that self-financing cover at \
                least the animation costs. The rule compares private cash resources — valued time pays no bill — with \
                the operating and animation expenses. It is opt-in: only funders who demand it make it a rule.
                """,
            french: """
                Certains financeurs demandent que les ressources propres du cluster paient au moins son fonctionnement : \
                les financeurs de Mécabourg (région Rhône-Alpes, intercommunalités, conseil général de l'Ain) exigent \
                que l'autofinancement couvre au minimum les frais d'animation. La règle compare les ressources privées \
                en numéraire — la valorisation des temps ne paie aucune facture — aux dépenses de fonctionnement et \
                d'animation. Elle est optionnelle : seuls les financeurs qui l'exigent en font une règle.
                """),
        citation: Memento.cite("p. 30, « que l'autofinancement couvre au minimum les frais d'animation »"),
        defaultSeverity: .warning,
        messages: [short, add, cut],
        triggeringExamples: [
            RuleExample(
                Budget(
                    cluster: caseStudy("Mecabourg", valuedTimeAllowed: false), year: 2013,
                    resources: [.line(.region, 160_000), .line(.membershipFees, 95_000), .line(.actionParticipation, 35_000)],
                    expenses: [
                        ExpenseLine(id: "animation", amount: Money(major: 135_000), nature: .operating),
                        ExpenseLine(id: "actions", amount: Money(major: 155_000)),
                    ]),
                note: "Mecabourg 2013: 130,000 of private cash against 135,000 of animation."),
            RuleExample(
                Budget(
                    cluster: exampleCluster(), year: 2013,
                    resources: [.line(.region, 100_000), .line(.membershipFees, 30_000), .line(.memberTime, 50_000)],
                    expenses: [ExpenseLine(id: "animation", amount: Money(major: 60_000), nature: .operating),
                               ExpenseLine(id: "actions", amount: Money(major: 120_000))]),
                note: "Valued time does not pay the animation: 30,000 of cash against 60,000."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget(
                    cluster: exampleCluster(), year: 2013,
                    resources: [.line(.region, 100_000), .line(.membershipFees, 60_000)],
                    expenses: [ExpenseLine(id: "animation", amount: Money(major: 60_000), nature: .operating),
                               ExpenseLine(id: "actions", amount: Money(major: 100_000))]),
                note: "Exactly covered."),
            RuleExample(
                Budget(
                    cluster: exampleCluster(), year: 2013, resources: [.line(.region, 100_000)],
                    expenses: [ExpenseLine(id: "actions", amount: Money(major: 100_000))]),
                note: "No operating expense in the plan."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let metrics = context.metrics
        let operating = metrics.operatingExpenses
        let privateCash = metrics.privateCash
        guard privateCash.amount < operating.amount else { return [] }
        let gap = try operating.amount.subtracting(privateCash.amount)
        let arguments: MessageArguments = [
            "private": .money(privateCash.amount), "operating": .money(operating.amount), "gap": .money(gap),
        ]
        return [
            context.diagnostic(
                Self.short, arguments, measured: .money(privateCash.amount),
                threshold: .money(operating.amount), lines: operating.lines + privateCash.lines,
                remediation: Remediation(
                    context.option(gap, Self.add, move: .addResource(context.newPrivateRevenue)),
                    alternatives: [context.option(gap, Self.cut, move: .remove(from: operating.lines))]),
                explanation: [
                    ExplanationItem(
                        LocalizedText(english: "Private cash resources, Priv(cash)", french: "Ressources privées en numéraire, Priv(num.)"),
                        .money(privateCash.amount)),
                    ExplanationItem(
                        LocalizedText(english: "Operating and animation expenses", french: "Dépenses de fonctionnement et d'animation"),
                        .money(operating.amount)),
                ])
        ]
    }
}
