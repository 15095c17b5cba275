import ClusterKitCore

/// `budget-balance`: the plan of financing must balance — total resources equal total expenses. Realised accounts are
/// not judged by it: their difference is the year's result (`operating-result`).
public struct BudgetBalanceRule: Rule {
    /// Creates the rule.
    public init() {}

    static let tolerance = Parameter<Money>(
        "tolerance", default: .zero(), english: "Difference accepted between the two totals (our default: none).",
        french: "Écart accepté entre les deux totaux (valeur par défaut de ClusterKit : aucun).",
        defaultIsOurs: true)

    static let resourcesShort = MessageTemplate(
        id: "budget-balance.resources-short",
        english: "Expenses ({expenses}) exceed resources ({resources}) by {difference}: the plan of financing does not balance, resources are short.",
        french: "Les dépenses ({expenses}) dépassent les ressources ({resources}) de {difference} : le plan de financement n'est pas équilibré, il manque des ressources.")
    static let expensesShort = MessageTemplate(
        id: "budget-balance.expenses-short",
        english: "Resources ({resources}) exceed expenses ({expenses}) by {difference}: the plan of financing does not balance, expenses are short.",
        french: "Les ressources ({resources}) dépassent les dépenses ({expenses}) de {difference} : le plan de financement n'est pas équilibré, il manque des dépenses.")
    static let addResources = MessageTemplate(
        id: "budget-balance.add-resources",
        english: "find {amount} of resources, or cut expenses by as much",
        french: "trouver {amount} de ressources, ou réduire d'autant les dépenses")
    static let addExpenses = MessageTemplate(
        id: "budget-balance.add-expenses",
        english: "account for {amount} of expenses, or remove as much from the resources",
        french: "justifier {amount} de dépenses, ou retirer autant des ressources")

    public static let description = RuleDescription(
        id: "budget-balance",
        name: LocalizedText(english: "Balanced plan of financing", french: "Plan de financement équilibré"),
        rationale: LocalizedText(
            english: """
                A plan of financing lists what the budget pays for and what pays for it; the two sides must be equal. \
                A difference means a line is missing or a figure is wrong, and every share computed from the budget \
                is then unreliable. Realised accounts (`"statement": "realised"`) need not balance: their difference \
                is the year's result, which `operating-result` reports.
                """,
            french: """
                Un plan de financement met en regard les dépenses et les ressources qui les financent : les deux \
                totaux doivent être égaux. Un écart signale une ligne manquante ou un chiffre faux, et toutes les \
                parts calculées sur le budget deviennent douteuses. Des comptes réalisés (`"statement": "realised"`) \
                n'ont pas à s'équilibrer : leur écart est le résultat de l'exercice, que rapporte `operating-result`.
                """),
        citation: Memento.planOfFinancing,
        defaultSeverity: .error,
        parameters: [tolerance],
        messages: [resourcesShort, expensesShort, addResources, addExpenses],
        triggeringExamples: [
            RuleExample(
                Budget(
                    cluster: caseStudy("Rhône-Alpes Eco-énergies"), year: 2013,
                    resources: [.line(.region, 550_000), .line(.membershipFees, 170_000)],
                    expenses: [ExpenseLine(id: "operating", amount: Money(major: 200_000), nature: .operating),
                               ExpenseLine(id: "actions", amount: Money(major: 420_000))]),
                note: "The memento's 2013 table: 720,000 of resources against 620,000 of expenses.")
        ],
        nonTriggeringExamples: [
            RuleExample(Budget.balanced(exampleCluster(), resources: [.line(.region, 50_000), .line(.membershipFees, 50_000)])),
            RuleExample(
                Budget(
                    cluster: exampleCluster(), year: 2013, resources: [.line(.region, 100_000)],
                    expenses: [ExpenseLine(id: "operating", amount: Money(major: 100_050), nature: .operating)]),
                parameters: ["tolerance": .amount(50)], note: "A difference within the tolerance."),
            RuleExample(
                Budget(
                    cluster: exampleCluster(), year: 2013, resources: [.line(.region, 100_000)],
                    expenses: [ExpenseLine(id: "operating", amount: Money(major: 110_000), nature: .operating)],
                    statement: .realised),
                note: "Realised accounts: the 10,000 difference is the year's deficit, not an input error."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let metrics = context.metrics
        // Realised accounts: the difference is the year's result (operating-result).
        guard metrics.statement == .forecast else { return [] }
        let tolerance = try context.value(of: Self.tolerance)
        let difference = try metrics.totalResources.subtracting(metrics.totalExpenses)
        guard let gap = difference.magnitude, gap > tolerance else { return [] }
        let resourcesShort = difference.minorUnits < 0
        let arguments: MessageArguments = [
            "resources": .money(metrics.totalResources), "expenses": .money(metrics.totalExpenses), "difference": .money(gap),
        ]
        return [
            context.diagnostic(
                resourcesShort ? Self.resourcesShort : Self.expensesShort, arguments,
                measured: .money(gap), threshold: .money(tolerance),
                remediation: Remediation(
                    context.option(
                        gap, resourcesShort ? Self.addResources : Self.addExpenses,
                        move: resourcesShort
                            ? .addResource(context.newPrivateRevenue)
                            : .addExpense(ExpenseLine(id: "remediation", label: "expenses", amount: .zero(metrics.currency))))),
                explanation: [
                    ExplanationItem(LocalizedText.totalResources, .money(metrics.totalResources)),
                    ExplanationItem(LocalizedText(english: "Total expenses (E)", french: "Total des dépenses (E)"), .money(metrics.totalExpenses)),
                ])
        ]
    }
}
