import ClusterKitCore

/// `collective-action-balance` (opt-in): a collective action's earmarked funding — subsidies and companies'
/// participations — does not cover its cost; each collective action should seek its own balance (PLAB).
public struct CollectiveActionBalanceRule: OptInRule {
    /// Creates the rule.
    public init() {}

    static let coverage = Parameter<Share>(
        "coverage", default: .one, english: "Share of a collective action's cost its earmarked funding should cover.",
        french: "Part du coût d'une action collective que doivent couvrir les ressources qui lui sont affectées.")

    static let short = MessageTemplate(
        id: "collective-action-balance.short",
        english: "The collective action {action} costs {total}; the funding earmarked to it ({part}: subsidies and participations) covers {share}, under {threshold}: each collective action should seek its own balance.",
        french: "L'action collective {action} coûte {total} ; les ressources qui lui sont affectées ({part} : subventions et participations) en couvrent {share}, sous {threshold} : chaque action collective doit rechercher son propre équilibre.")
    static let fix = MessageTemplate(
        id: "collective-action-balance.fix",
        english: "find {amount} more of funding earmarked to the action (participations of the members taking part, or a subsidy for it)",
        french: "trouver {amount} de financement supplémentaire affecté à l'action (participations des adhérents concernés, ou subvention dédiée)")

    public static let description = RuleDescription(
        id: "collective-action-balance",
        name: LocalizedText(english: "Balance of each collective action", french: "Équilibre de chaque action collective"),
        rationale: LocalizedText(
            english: """
                PLAB, whose collective actions are its reason for being, follows each collective action analytically \
                and seeks its financial balance systematically: the public funding obtained for the action plus the \
                price each member pays, the same for all, subsidy deducted, must cover its cost. The memento also \
                warns against dumping on collective actions to attract companies. This rule checks each expense \
                marked `collective` against the resources earmarked to it (`resources[].action`). It is opt-in: the \
                50/50 rule itself is judged on the whole budget, not action by action.
                """,
            french: """
                PLAB, dont les actions collectives sont la raison d'être, suit chaque action collective en analytique \
                et recherche systématiquement son équilibre financier : le financement public obtenu pour l'action et \
                le prix payé par chaque adhérent, identique pour tous, subvention déduite, doivent en couvrir le coût. \
                Le mémento met aussi en garde contre le dumping sur les actions collectives pour capter la clientèle. \
                La règle vérifie chaque dépense marquée `collective` face aux ressources qui lui sont affectées \
                (`resources[].action`). Elle est optionnelle : la règle du 50/50 s'apprécie, elle, sur le budget \
                global et non action par action.
                """),
        citation: Memento.collectiveActions,
        defaultSeverity: .warning,
        parameters: [coverage],
        messages: [short, fix],
        triggeringExamples: [
            RuleExample(
                Budget(
                    cluster: exampleCluster("PLAB", founded: 1992, members: 94), year: 2013,
                    resources: [
                        .line(.region, 40_000, id: "subsidy", action: "training"),
                        .line(.actionParticipation, 20_000, id: "participations", action: "training"),
                        .line(.membershipFees, 40_000),
                    ],
                    expenses: [
                        ExpenseLine(id: "animation", amount: Money(major: 30_000), nature: .operating),
                        ExpenseLine(id: "training", amount: Money(major: 70_000), collective: true),
                    ]),
                note: "60,000 earmarked to a 70,000 collective action: 10,000 short.")
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget(
                    cluster: exampleCluster("PLAB", founded: 1992, members: 94), year: 2013,
                    resources: [
                        .line(.region, 40_000, id: "subsidy", action: "training"),
                        .line(.actionParticipation, 30_000, id: "participations", action: "training"),
                        .line(.membershipFees, 30_000),
                    ],
                    expenses: [
                        ExpenseLine(id: "animation", amount: Money(major: 30_000), nature: .operating),
                        ExpenseLine(id: "training", amount: Money(major: 70_000), collective: true),
                    ]),
                note: "Subsidy and participations cover the action exactly."),
            RuleExample(
                Budget(
                    cluster: exampleCluster(), year: 2013, resources: [.line(.region, 100_000)],
                    expenses: [ExpenseLine(id: "fair", amount: Money(major: 100_000))]),
                note: "An action not marked collective is not checked."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let metrics = context.metrics
        let coverage = try context.value(of: Self.coverage)
        var diagnostics: [Diagnostic] = []
        for action in context.budget.expenses where action.collective {
            let check = ShareThreshold(
                direction: .floor, part: metrics.earmarkedByAction[action.id] ?? LineTotal(amount: .zero(metrics.currency), lines: []),
                whole: action.amount, threshold: coverage,
                partLabel: LocalizedText(english: "Funding earmarked to the action", french: "Ressources affectées à l'action"),
                wholeLabel: LocalizedText(english: "Cost of the action", french: "Coût de l'action"), remedy: .transfer)
            if let diagnostic = try check.diagnostic(
                context, message: Self.short, fix: Self.fix,
                extraArguments: ["action": .text(action.label ?? action.id)], lines: [action.id] + check.part.lines,
                fixMove: .addResource(
                    .remedy(.actionParticipation, metrics.currency, label: "participations", action: action.id)))
            {
                diagnostics.append(diagnostic)
            }
        }
        return diagnostics
    }
}
