import ClusterKitCore

/// `category-a-budget-share`: the public funding of category A missions (for the State) is over 15% of the pôle's
/// budget, or 20% when the pôle has a tool reporting the impact of its projects.
public struct CategoryABudgetShareRule: PoleRule {
    /// Creates the rule.
    public init() {}

    static let threshold = Parameter<Share>(
        "threshold", default: Share(percent: 15),
        english: "Largest share of the budget the public funding of category A may make.",
        french: "Part maximale du budget que peut représenter le financement public de la catégorie A.")
    static let thresholdWithImpactReporting = Parameter<Share>(
        "thresholdWithImpactReporting", default: Share(percent: 20),
        english: "The same, for a pôle with a tool reporting the impact of its projects.",
        french: "La même, pour un pôle doté d'un outil de suivi de l'impact des projets.")

    static let over = MessageTemplate(
        id: "category-a-budget-share.over",
        english: "Public funding of category A missions (for the State) is {share} of the budget ({part} of {total}), over {threshold}: {basis}.",
        french: "Le financement public des missions de catégorie A (pour le compte de l'État) représente {share} du budget ({part} sur {total}), au-delà de {threshold} : {basis}.")
    static let move = MessageTemplate(
        id: "category-a-budget-share.move",
        english: "move {amount} of public funding from category A missions to other missions, and as much private funding the other way (earmarked; the budget unchanged)",
        french: "déplacer {amount} de financement public des missions de catégorie A vers d'autres missions, et autant de financement privé en sens inverse (par affectation ; budget inchangé)")
    static let cut = MessageTemplate(
        id: "category-a-budget-share.cut",
        english: "cut category A missions and the public funding earmarked to them by {amount} (the budget shrinks with it)",
        french: "réduire de {amount} les missions de catégorie A et le financement public qui leur est affecté (le budget diminue d'autant)")

    public static let description = RuleDescription(
        id: "category-a-budget-share",
        name: LocalizedText(english: "Category A share of the budget", french: "Part de la catégorie A dans le budget"),
        rationale: LocalizedText(
            english: """
                The missions a pôle carries out for the State — its strategy, the labelling of collaborative R&D \
                projects, reporting — may be funded entirely by public money, but together they may take at most \
                15% of the pôle's budget, or 20% when the pôle has a tool that reports the impact of its projects \
                (`impactReporting`). The public funding of category A actions comes from the allocation the report \
                shows; the budget is the total of resources.
                """,
            french: """
                Les missions qu'un pôle exerce pour le compte de l'État — sa stratégie, la labellisation de projets \
                collaboratifs de R&D, le reporting — peuvent être financées entièrement sur fonds publics, mais \
                ensemble au plus à hauteur de 15 % du budget du pôle, ou de 20 % s'il dispose d'un outil de suivi de \
                l'impact des projets (`impactReporting`). Le financement public des actions de catégorie A vient de \
                la répartition que montre le rapport ; le budget est le total des ressources.
                """),
        citation: Memento.missionCategories,
        defaultSeverity: .error,
        parameters: [allocationParameter, threshold, thresholdWithImpactReporting],
        messages: [over, move, cut],
        triggeringExamples: [
            RuleExample(
                poleBudget(
                    resources: [.line(.state, 100_000, action: "strategy"), .line(.region, 200_000), .line(.membershipFees, 300_000)],
                    expenses: [action("strategy", 100_000, .a), action("factory", 500_000, .b)]),
                note: "100,000 of category A public funding in a 600,000 budget: 16.7%, over 15%."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                poleBudget(
                    impactReporting: true,
                    resources: [.line(.state, 100_000, action: "strategy"), .line(.region, 200_000), .line(.membershipFees, 300_000)],
                    expenses: [action("strategy", 100_000, .a), action("factory", 500_000, .b)]),
                note: "The same budget with an impact-reporting tool: 16.7%, under 20%."),
            RuleExample(
                poleBudget(
                    resources: [.line(.state, 90_000, action: "strategy"), .line(.region, 210_000), .line(.membershipFees, 300_000)],
                    expenses: [action("strategy", 90_000, .a), action("factory", 510_000, .b)]),
                note: "Exactly 15%."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let reporting = context.budget.cluster.impactReporting
        let threshold = try context.value(of: reporting ? Self.thresholdWithImpactReporting : Self.threshold)
        let check = ShareThreshold(
            direction: .ceiling, part: context.metrics.allocation.publicFunding(of: .a),
            whole: context.metrics.fundingBase, threshold: threshold,
            partLabel: LocalizedText(english: "Public funding of category A missions", french: "Financement public des missions de catégorie A"),
            remedy: .transfer)
        let other = try context.value(of: Self.thresholdWithImpactReporting)
        let basis = reporting
            ? LocalizedText(
                english: "the ceiling for a pôle with a tool reporting the impact of its projects",
                french: "le plafond d'un pôle doté d'un outil de suivi de l'impact des projets")
            : LocalizedText(
                english: "the ceiling without a tool reporting the impact of projects (\(ValueFormatter(language: .english).string(other)) with one)",
                french: "le plafond sans outil de suivi de l'impact des projets (\(ValueFormatter(language: .french).string(other)) avec)")
        // The moves: category A actions, the public lines earmarked to them, and an action of another category.
        let actionsA = Set(context.budget.expenses.filter { $0.category == .a }.map(\.id))
        let publicA = context.lines(context.metrics.publicResources.lines, earmarkedTo: actionsA)
        // (The first other action by id, and the source of the largest of those lines: whatever the lines' order.)
        let otherAction = context.budget.expenses.filter { $0.nature == .programme && $0.category != .a }.min { $0.id < $1.id }
        let earmarkedA = Set(publicA)
        let source = context.budget.resources.filter { earmarkedA.contains($0.id) }
            .min { $0.amount != $1.amount ? $0.amount > $1.amount : $0.id < $1.id }?.source ?? .otherPublic
        let move: RemediationMove? = otherAction.map { otherAction in
            var moves: [RemediationMove] = [
                .move(
                    from: publicA,
                    to: .remedy(source, context.metrics.currency, label: "public funding", action: otherAction.id))
            ]
            // As much private funding goes the other way, earmarked to the category A action, so that its cost left
            // uncovered — hence its part of the unearmarked public money — stays the same: taken from the private
            // funding earmarked to the other action, else from the unearmarked private funding.
            let privateLines = context.metrics.privateResources.lines
            var privateOther = context.lines(privateLines, earmarkedTo: [otherAction.id])
            if privateOther.isEmpty {
                let earmarked = Set(context.budget.resources.filter { $0.action != nil }.map(\.id))
                privateOther = privateLines.filter { !earmarked.contains($0) }
            }
            if !privateOther.isEmpty {
                moves.append(
                    .move(
                        from: privateOther,
                        to: .remedy(
                            .actionParticipation, context.metrics.currency, label: "private funding",
                            action: actionsA.sorted().first)))
            }
            return .all(moves)
        }
        let cut = Share.removalToReach(threshold, part: check.part.amount, of: check.whole).map {
            [context.option($0, Self.cut, move: .all([.remove(from: actionsA.sorted()), .remove(from: publicA)]))]
        } ?? []
        return try check.diagnostic(
            context, message: Self.over, fix: Self.move, alternatives: cut,
            extraArguments: ["basis": .localized(basis)], fixMove: move
        ).map { [$0] } ?? []
    }
}
