import ClusterKitCore

/// `pole-private-majority`: a pôle's budget after 2016 whose private share is under half — the memento's expectation
/// that the pôles create « les conditions d'un financement privé majoritaire à moyen terme » (p. 11).
public struct PoleMajorityRule: PoleRule {
    /// Creates the rule.
    public init() {}

    static let under = MessageTemplate(
        id: "pole-private-majority.under",
        english: "In {year}, private resources are {share} of the pôle's budget (gross; {part} of {total}): the pôles' 2013–2018 performance contracts asked each pôle for a balanced public/private funding, then for the conditions of « un financement privé majoritaire à moyen terme » (p. 11), more than half.",
        french: "En {year}, les ressources privées représentent {share} du budget du pôle (brut ; {part} sur {total}) : les contrats de performance 2013-2018 demandaient à chaque pôle un financement public/privé équilibré, puis de créer les conditions d'« un financement privé majoritaire à moyen terme » (p. 11), soit plus de la moitié.")

    public static let description = RuleDescription(
        id: "pole-private-majority",
        name: LocalizedText(english: "Pôles after 2016: a private majority", french: "Pôles après 2016 : une majorité privée"),
        rationale: LocalizedText(
            english: """
                The memento reports the pôles' commitment in their 2013–2018 performance contracts: to raise their \
                own resources to reach « au plus tard d'ici 2016 un financement public/privé équilibré » and to \
                create the conditions of « un financement privé majoritaire à moyen terme » (p. 11). After 2016, the \
                expectation the memento states for a pôle is therefore a private majority. The rule reads a pôle's \
                budget whose year is after 2016 and gives a note when private resources (gross, valued time \
                included, on the funding base) are not over half (a majority is more than half). A note, not a warning: « à moyen terme » sets no date, \
                and a pôle's own contract, where it sets a target, is judged by `public-private-balance`.
                """,
            french: """
                Le mémento rapporte l'engagement des pôles dans leurs contrats de performance 2013-2018 : accroître \
                leurs ressources propres pour atteindre « au plus tard d'ici 2016 un financement public/privé \
                équilibré » et créer les conditions d'« un financement privé majoritaire à moyen terme » (p. 11). \
                Après 2016, l'attente que le mémento exprime pour un pôle est donc une majorité privée. La règle lit \
                le budget d'un pôle postérieur à 2016 et donne une note quand les ressources privées (brut, \
                valorisation comprise, sur la base de financement) ne dépassent pas la moitié (une majorité est plus de la moitié). Une note et non un \
                avertissement : « à moyen terme » ne fixe pas d'échéance, et l'objectif propre d'un pôle, quand son \
                contrat en fixe un, est jugé par `public-private-balance`.
                """),
        citation: Memento.cite("p. 11, « un financement public/privé équilibré » ; « créer les conditions d'un financement privé majoritaire à moyen terme »"),
        defaultSeverity: .note,
        messages: [under],
        triggeringExamples: [
            RuleExample(
                {
                    var budget = Budget.balanced(
                        exampleCluster("Pôle exemple", kind: .pole, founded: 2005, members: 200),
                        resources: [.line(.region, 520_000), .line(.membershipFees, 300_000), .line(.services, 180_000)])
                    budget.year = 2020
                    return budget
                }(),
                note: "A pôle in 2020 at 48% private."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(
                    caseStudy("Cosmetic Valley"),
                    resources: [.line(.events, 403_000), .line(.membershipFees, 200_000), .line(.region, 1_566_500)]),
                note: "Cosmetic Valley 2013: before 2016, the contracts' balanced funding is public-private-balance's to judge."),
            RuleExample(AerospaceValley.accounts2025, note: "Aerospace Valley 2024–2025: 2,325,000 of 3,811,000, 61.0% private."),
        ])

    /// The last year of the contracts' « au plus tard d'ici 2016 ».
    static let balanceYear = 2016

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let budget = context.budget, metrics = context.metrics
        guard budget.cluster.kind == .pole, budget.year > Self.balanceYear, let share = metrics.selfFinancingGross,
            share <= Share(percent: 50)
        else { return [] }
        return [
            context.diagnostic(
                Self.under,
                ["year": .text(budget.yearLabel), "share": .share(share), "part": .money(metrics.privateResources.amount), "total": .money(metrics.fundingBase)],
                measured: .share(share), threshold: .share(Share(percent: 50)), lines: metrics.privateResources.lines,
                explanation: [
                    ExplanationItem(LocalizedText(english: "Private resources (Priv)", french: "Ressources privées (Priv)"), .money(metrics.privateResources.amount)),
                    ExplanationItem(metrics.wholeLabel, .money(metrics.fundingBase)),
                    ExplanationItem(LocalizedText(english: "Share", french: "Part"), .share(share)),
                    ExplanationItem(LocalizedText(english: "Majority", french: "Majorité"), .share(Share(percent: 50))),
                ])
        ]
    }
}
