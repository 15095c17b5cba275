import ClusterKitCore

/// `public-funding-ceiling`: the budget takes more public money than the ceilings of its actions add up to, so that
/// no allocation among actions could keep each one within its ceiling.
public struct PublicFundingCeilingRule: PoleRule {
    /// Creates the rule.
    public init() {}

    static let over = MessageTemplate(
        id: "public-funding-ceiling.over",
        english: "Public resources ({public}) exceed the {allowed} the budget's missions may receive (the sum of their ceilings) by {over}: no allocation among the actions can keep each within its ceiling.",
        french: "Les ressources publiques ({public}) dépassent de {over} les {allowed} que les missions du budget peuvent recevoir (la somme de leurs plafonds) : aucune répartition entre les actions ne peut tenir chacune sous son plafond.")
    static let replace = MessageTemplate(
        id: "public-funding-ceiling.replace",
        english: "replace {amount} of public funding by private revenue (the budget unchanged)",
        french: "remplacer {amount} de financements publics par des recettes privées (budget inchangé)")

    public static let description = RuleDescription(
        id: "public-funding-ceiling",
        name: LocalizedText(english: "Public funding ceiling of the budget", french: "Plafond de financement public du budget"),
        rationale: LocalizedText(
            english: """
                Each mission category (or regime) caps the public funding of an action at a share of its cost: \
                100% for category A, 50% for B, the notified regime's for C, nothing for D. Summed over the \
                actions, these ceilings give the most public money the budget's missions can take; public \
                resources beyond it are too much whichever way they are earmarked, and must be replaced by private \
                revenue. A regime that limits an amount or an eligible cost per year counts all its actions \
                together. Actions without a ceiling (no category and no regime) count at their full cost, so the \
                rule never blames a budget it cannot fully check.
                """,
            french: """
                Chaque catégorie de mission (ou régime) plafonne le financement public d'une action à une part de \
                son coût : 100 % en catégorie A, 50 % en B, celle du régime notifié en C, rien en D. Additionnés \
                sur les actions, ces plafonds donnent le maximum d'argent public que les missions du budget peuvent \
                recevoir ; les ressources publiques au-delà sont de trop, quelle que soit leur affectation, et \
                doivent être remplacées par des recettes privées. Un régime qui limite un montant ou un coût \
                admissible par an compte toutes ses actions ensemble. Les actions sans plafond (ni catégorie ni \
                régime) comptent pour leur coût entier : la règle ne met jamais en cause un budget qu'elle ne peut \
                vérifier entièrement.
                """),
        citation: Memento.missionCategories,
        defaultSeverity: .error,
        parameters: [allocationParameter],
        messages: [over, replace],
        triggeringExamples: [
            RuleExample(
                poleBudget(
                    resources: [.line(.region, 90_000), .line(.membershipFees, 30_000)],
                    expenses: [action("factory", 100_000, .b), action("services", 20_000, .d)]),
                note: "90,000 of public money for missions that may take 50,000 (B) and nothing (D): 40,000 too much."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                poleBudget(
                    resources: [.line(.state, 100_000, action: "strategy"), .line(.region, 50_000), .line(.membershipFees, 50_000)],
                    expenses: [action("strategy", 100_000, .a), action("factory", 100_000, .b)]),
                note: "150,000 of public money for 100,000 (A) + 50,000 (B) of ceilings: exactly at the limit."),
            RuleExample(
                poleBudget(resources: [.line(.region, 100_000)], expenses: [action("operating", 100_000, nil)]),
                note: "No action has a ceiling: nothing to check."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let ceilings = ActionCeilings(context)
        guard ceilings.anyCapped else { return [] }
        let currency = context.budget.currency
        let capped = try Money.sum(try ceilings.groups().map(\.maximum), currency: currency)
        let unchecked = try Money.sum(ceilings.entries.filter { $0.ceiling == nil }.map(\.funding.cost), currency: currency)
        let allowed = try capped.adding(unchecked)
        let publicResources = context.metrics.publicResources
        guard publicResources.amount > allowed else { return [] }
        let over = try publicResources.amount.subtracting(allowed)
        return [
            context.diagnostic(
                Self.over,
                ["public": .money(publicResources.amount), "allowed": .money(allowed), "over": .money(over)],
                measured: .money(publicResources.amount), threshold: .money(allowed), lines: publicResources.lines,
                remediation: Remediation(context.option(over, Self.replace)),
                explanation: [
                    ExplanationItem(LocalizedText(english: "Public resources (Pub)", french: "Ressources publiques (Pub)"), .money(publicResources.amount)),
                    ExplanationItem(LocalizedText(english: "Ceilings of the actions that have one, summed", french: "Somme des plafonds des actions qui en ont un"), .money(capped)),
                    ExplanationItem(LocalizedText(english: "Cost of the actions without a ceiling, counted in full", french: "Coût des actions sans plafond, compté en entier"), .money(unchecked)),
                ])
        ]
    }
}
