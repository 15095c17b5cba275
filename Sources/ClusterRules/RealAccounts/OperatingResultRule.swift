import ClusterKitCore

/// `operating-result`: on realised accounts, the year's result — a deficit a warning, with its share of the funding
/// base and the memento's question on reserves and working capital; a surplus a note.
public struct OperatingResultRule: Rule {
    /// Creates the rule.
    public init() {}

    static let deficit = MessageTemplate(
        id: "operating-result.deficit",
        english: "The year closes with a deficit of {amount} ({share} of the funding base of {base}): do the reserves and the working capital carry it, while subsidies such as ERDF funds are paid late?",
        french: "L'exercice se clôt sur un déficit de {amount} ({share} de la base de financement de {base}) : les réserves et le fonds de roulement permettent-ils de le porter, quand des subventions comme le FEDER sont versées avec retard ?")
    static let surplus = MessageTemplate(
        id: "operating-result.surplus",
        english: "The year closes with a surplus of {amount} ({share} of the funding base of {base}): it adds to the reserves that carry the working capital.",
        french: "L'exercice se clôt sur un excédent de {amount} ({share} de la base de financement de {base}) : il renforce les réserves qui portent le fonds de roulement.")

    public static let description = RuleDescription(
        id: "operating-result",
        name: LocalizedText(english: "Result of the year", french: "Résultat de l'exercice"),
        rationale: LocalizedText(
            english: """
                Realised accounts — a compte de résultat, the « réalisation » column of a compte rendu financier — \
                do not balance by construction: resources less expenses is the year's result. A deficit is no input \
                error but a finding: the cluster pays it from its reserves. The memento names the search for « un \
                nouvel équilibre financier » among clusters' first concerns (p. 9), and its working group asks funders \
                to finance the working capital clusters need (p. 68). The rule reports the deficit \
                with its share of the funding base, a warning, and a surplus as a note. It is silent on a forecast, \
                which `budget-balance` holds to balance.
                """,
            french: """
                Des comptes réalisés — un compte de résultat, la colonne « réalisation » d'un compte rendu financier \
                — ne s'équilibrent pas par construction : les ressources moins les dépenses donnent le résultat de \
                l'exercice. Un déficit n'est pas une erreur de saisie mais un constat : le cluster le paie sur ses \
                réserves. Le mémento range la recherche d'« un nouvel équilibre financier » parmi les premières \
                préoccupations des clusters (p. 9), et son groupe de travail demande aux financeurs de financer le BFR \
                des clusters (p. 68). La règle rapporte le déficit avec sa part de la base de financement, en \
                avertissement, et l'excédent en note. Elle ne dit rien d'un budget prévisionnel, que `budget-balance` \
                tient à l'équilibre.
                """),
        citation: Memento.cite("p. 9, « La recherche d'un nouvel équilibre financier » ; p. 68, « Financer le BFR lié à la montée en puissance des prestations privées, au portage d'actions collectives »"),
        defaultSeverity: .warning,
        messages: [deficit, surplus],
        triggeringExamples: [
            RuleExample(
                AerospaceValley.accounts2025,
                note: "Aerospace Valley, April 2024 – March 2025: a deficit of 106,000, 2.8% of its 3,811,000 funding base."),
            RuleExample(
                Budget(
                    cluster: exampleCluster(), year: 2013, resources: [.line(.region, 60_000), .line(.membershipFees, 50_000)],
                    expenses: [ExpenseLine(id: "operating", amount: Money(major: 100_000), nature: .operating)],
                    statement: .realised),
                note: "A surplus of 10,000: a note."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget(
                    cluster: exampleCluster(), year: 2013, resources: [.line(.region, 100_000)],
                    expenses: [ExpenseLine(id: "operating", amount: Money(major: 110_000), nature: .operating)]),
                note: "A forecast: its imbalance is budget-balance's to report."),
            RuleExample(
                Budget(
                    cluster: exampleCluster(), year: 2013, resources: [.line(.region, 100_000)],
                    expenses: [ExpenseLine(id: "operating", amount: Money(major: 100_000), nature: .operating)],
                    statement: .realised),
                note: "Realised accounts that close at zero."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let metrics = context.metrics
        guard metrics.statement == .realised, !metrics.result.isZero, let amount = metrics.result.magnitude else { return [] }
        let isDeficit = metrics.result.minorUnits < 0
        let share: MessageArgument = Share(amount, of: metrics.fundingBase).map { .share($0) }
            ?? .localized(LocalizedText.notAvailable)
        return [
            context.diagnostic(
                isDeficit ? Self.deficit : Self.surplus,
                ["amount": .money(amount), "share": share, "base": .money(metrics.fundingBase)],
                severity: isDeficit ? nil : .note, measured: .money(metrics.result), threshold: .money(.zero(metrics.currency)),
                explanation: [
                    ExplanationItem(LocalizedText(english: "Total resources", french: "Total des produits"), .money(metrics.totalResources)),
                    ExplanationItem(LocalizedText(english: "Total expenses", french: "Total des charges"), .money(metrics.totalExpenses)),
                    ExplanationItem(LocalizedText(english: "Result", french: "Résultat"), .money(metrics.result)),
                    ExplanationItem(metrics.wholeLabel, .money(metrics.fundingBase)),
                ])
        ]
    }
}
