import ClusterKitCore

/// `erdf-working-capital`: European funds (FEDER) in the budget — administrative burden and weight on working
/// capital.
public struct ERDFWorkingCapitalRule: Rule {
    /// Creates the rule.
    public init() {}

    static let present = MessageTemplate(
        id: "erdf-working-capital.present",
        english: "European funds (ERDF) make {part} ({share} of resources): mind their administrative constraints and their weight on working capital.",
        french: "Les fonds européens (FEDER) représentent {part} ({share} des ressources) : attention aux contraintes administratives et à l'impact sur le fonds de roulement.")

    public static let description = RuleDescription(
        id: "erdf-working-capital",
        name: LocalizedText(english: "European funds and working capital", french: "Fonds européens et fonds de roulement"),
        rationale: LocalizedText(
            english: """
                European funds (ERDF, FEDER in French) can finance a large part of a cluster's actions, but the \
                memento's model plan of financing flags them: they come with heavy administrative constraints and \
                weigh on working capital, as the cluster carries the expense before the funds arrive. The working \
                group also asks funders to finance the working capital clusters need. This note appears whenever the \
                budget counts European funds (source `erdf`).
                """,
            french: """
                Les fonds européens (FEDER) peuvent financer une large part des actions d'un cluster, mais le plan de \
                financement type du mémento les signale : attention aux contraintes administratives et à l'impact sur \
                le fonds de roulement, le cluster portant la dépense avant de recevoir les fonds. Le groupe de travail \
                demande aussi aux financeurs de financer le BFR des clusters. Cette note apparaît dès que le budget \
                compte des fonds européens (source `erdf`).
                """),
        citation: Memento.cite("p. 13, « Feder : attention aux contraintes administratives et impact sur le fonds de roulement »"),
        defaultSeverity: .note,
        messages: [present],
        triggeringExamples: [
            RuleExample(
                Budget.balanced(exampleCluster(), resources: [.line(.erdf, 100_000), .line(.region, 100_000), .line(.membershipFees, 100_000)]),
                note: "A third of the budget from the ERDF.")
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(exampleCluster(), resources: [.line(.state, 100_000), .line(.region, 100_000), .line(.membershipFees, 100_000)]),
                note: "No European funds.")
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let metrics = context.metrics
        let erdf = metrics.total(ofSource: .erdf)
        guard !erdf.amount.isZero,
            let share = Share(erdf.amount, of: metrics.fundingBase)
        else { return [] }
        return [
            context.diagnostic(
                Self.present, ["part": .money(erdf.amount), "share": .share(share)],
                measured: .share(share), lines: erdf.lines,
                explanation: [
                    ExplanationItem(LocalizedText(english: "European funds (ERDF)", french: "Fonds européens (FEDER)"), .money(erdf.amount)),
                    ExplanationItem(metrics.wholeLabel, .money(metrics.fundingBase)),
                    ExplanationItem(LocalizedText(english: "Share", french: "Part"), .share(share)),
                ])
        ]
    }
}
