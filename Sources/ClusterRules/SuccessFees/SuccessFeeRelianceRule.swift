import ClusterKitCore

/// `success-fee-reliance`: success fees over 5% of the budget — the cluster bets its balance on them.
public struct SuccessFeeRelianceRule: Rule {
    /// Creates the rule.
    public init() {}

    static let threshold = Parameter<Share>(
        "threshold", default: Share(percent: 5),
        english: "Largest share of resources success fees should make (ours; the pôles' 2012 average was 1.4%).",
        french: "Part maximale des ressources que devraient représenter les success fees (valeur de ClusterKit ; moyenne des pôles en 2012 : 1,4 %).",
        defaultIsOurs: true)

    static let over = MessageTemplate(
        id: "success-fee-reliance.over",
        english: "Success fees are {share} of resources ({part} of {total}), over {threshold}: the cluster bets its balance on successes it does not control (the pôles' average was 1.4% in 2012).",
        french: "Les success fees représentent {share} des ressources ({part} sur {total}), au-delà de {threshold} : le cluster parie son équilibre sur des succès qu'il ne maîtrise pas (moyenne des pôles en 2012 : 1,4 %).")
    static let fix = MessageTemplate(
        id: "success-fee-reliance.fix",
        english: "count on {amount} less of success fees to come down to {threshold} (the budget shrinks with it)",
        french: "compter sur {amount} de success fees en moins pour revenir à {threshold} (le budget diminue d'autant)")
    static let dilute = MessageTemplate(
        id: "success-fee-reliance.dilute",
        english: "add {amount} of other resources, keeping the success fees",
        french: "ajouter {amount} d'autres ressources, en conservant les success fees")

    public static let description = RuleDescription(
        id: "success-fee-reliance",
        name: LocalizedText(english: "Reliance on success fees", french: "Dépendance aux success fees"),
        rationale: LocalizedText(
            english: """
                Success fees are paid only when a project the cluster helped build wins, or a market it helped open is \
                signed. The working group is wary of them: a cluster that leans on them plays down its groundwork and \
                bets its future balance on successes it does not control. In the pôles they were marginal — 1.4% of \
                budgets in 2012, up from 0.1% in 2008. The 5% ceiling is ours, set well above that average.
                """,
            french: """
                Les success fees ne sont perçus que si un projet accompagné par le cluster est retenu, ou si un marché \
                qu'il a aidé à conquérir est signé. Le groupe de travail s'en méfie : un cluster qui s'en remet à eux \
                minimise son action de fond et parie sur un équilibre financier futur qu'il ne maîtrise pas. Dans les \
                pôles, ils restaient marginaux : 1,4 % des budgets en 2012, contre 0,1 % en 2008. Le plafond de 5 % est \
                une valeur de ClusterKit, nettement au-dessus de cette moyenne.
                """),
        citation: Memento.cite("p. 59, « Le recours aux success fees » ; « Un risque que le cluster s'en remette trop largement aux success fees » ; p. 11, « les revenus issus de success fees restent marginaux »"),
        defaultSeverity: .warning,
        parameters: [threshold],
        messages: [over, fix, dilute],
        triggeringExamples: [
            RuleExample(
                Budget.balanced(
                    exampleCluster(),
                    resources: [
                        .line(.successFees, 80_000, successFee: SuccessFeeTerms(basis: .publicCall, fixedFee: Money(major: 200_000))),
                        .line(.membershipFees, 450_000), .line(.region, 470_000),
                    ]),
                note: "80,000 of success fees in 1,000,000: 8%."),
            RuleExample(
                Budget.balanced(exampleCluster(), resources: [.line(.successFees, 5_001), .line(.region, 94_999)]),
                note: "One euro over 5%."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(exampleCluster(), resources: [.line(.successFees, 5_000), .line(.region, 95_000)]),
                note: "Exactly 5%."),
            RuleExample(
                Budget.balanced(exampleCluster(kind: .pole), resources: [.line(.successFees, 14_000), .line(.region, 986_000)]),
                note: "The pôles' 2012 average, 1.4%."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let metrics = context.metrics
        let check = ShareThreshold(
            direction: .ceiling, part: metrics.total(of: .successFees), whole: metrics.fundingBase,
            threshold: try context.value(of: Self.threshold),
            partLabel: LocalizedText(english: "Success fees", french: "Primes de succès (success fees)"))
        return try check.diagnostic(
            context, message: Self.over, fix: Self.fix,
            alternatives: check.dilution(context, Self.dilute)
        ).map { [$0] } ?? []
    }
}
