import ClusterKitCore

/// `mission-category-cap`: an action receives more public funding than its mission category (category C: its
/// notified regime; an action without a category: its regime) allows.
public struct MissionCategoryCapRule: PoleRule {
    /// Creates the rule.
    public init() {}

    static let over = MessageTemplate(
        id: "mission-category-cap.over",
        english: "'{action}' receives {public} of public funding ({earmarked} earmarked, {shared} shared pro rata from unearmarked public resources), over the {ceiling} that {scope} allows on its cost of {cost} ({share}): {over} over the ceiling.",
        french: "« {action} » reçoit {public} de financement public ({earmarked} affectés, {shared} de ressources publiques non affectées réparties au prorata), au-delà des {ceiling} que permet {scope} sur son coût de {cost} ({share}) : {over} au-dessus du plafond.")
    static let categoryD = MessageTemplate(
        id: "mission-category-cap.category-d",
        english: "'{action}' is a category D commercial service, which public money must not fund, yet it receives {public} of public funding ({earmarked} earmarked, {shared} shared pro rata from unearmarked public resources).",
        french: "« {action} » est une prestation commerciale de catégorie D, que l'argent public ne doit pas financer ; elle reçoit pourtant {public} de financement public ({earmarked} affectés, {shared} de ressources publiques non affectées réparties au prorata).")
    static let pooled = MessageTemplate(
        id: "mission-category-cap.pooled",
        english: "The actions under regime {regime} ({actions}) receive {public} of public funding together, over the {ceiling} the regime allows them in a year: {over} over the ceiling.",
        french: "Les actions relevant du régime {regime} ({actions}) reçoivent ensemble {public} de financement public, au-delà des {ceiling} que le régime leur permet sur un an : {over} au-dessus du plafond.")
    static let pooledReplace = MessageTemplate(
        id: "mission-category-cap.pooled-replace",
        english: "replace {amount} of the public funding earmarked to these actions by private funding earmarked to them (the budget unchanged)",
        french: "remplacer {amount} du financement public affecté à ces actions par un financement privé qui leur est affecté (budget inchangé)")
    static let replace = MessageTemplate(
        id: "mission-category-cap.replace",
        english: "replace {amount} of the public funding earmarked to '{action}' by private funding earmarked to it (the budget unchanged)",
        french: "remplacer {amount} du financement public affecté à « {action} » par un financement privé qui lui est affecté (budget inchangé)")
    static let earmark = MessageTemplate(
        id: "mission-category-cap.earmark",
        english: "earmark {amount} of private revenue to '{action}', so that less of the unearmarked public funding, shared pro rata of uncovered cost, reaches it",
        french: "affecter {amount} de recettes privées à « {action} », pour qu'elle reçoive moins de l'argent public non affecté, réparti au prorata du coût non couvert")
    static let cover = MessageTemplate(
        id: "mission-category-cap.cover",
        english: "fund '{action}' with {amount} of private revenue earmarked to it: {replace} in place of earmarked public funding, the rest to cover its cost so that no unearmarked public funding reaches it",
        french: "financer « {action} » par {amount} de recettes privées qui lui sont affectées : {replace} à la place du financement public affecté, le reste pour couvrir son coût afin qu'aucun argent public non affecté ne lui revienne")

    public static let description = RuleDescription(
        id: "mission-category-cap",
        name: LocalizedText(english: "Mission category ceiling", french: "Plafond de la catégorie de mission"),
        rationale: LocalizedText(
            english: """
                The pôles' funding guide sorts a pôle's missions in four categories, each with a ceiling of public \
                funding on the action's cost: A (missions for the State) 100%, B (innovation, collaborative R&D) \
                50%, C (support to member companies) what the notified aid regime of the action allows — 50% under \
                NN120/90, E1/90 — and D (commercial services) nothing. An action's public funding is the public \
                money earmarked to it plus its part of the unearmarked public money, shared in proportion to the \
                cost its earmarked resources leave uncovered; the report shows that allocation. An action without a \
                category but under a regime of the catalogue is held to that regime's ceiling.
                """,
            french: """
                Le guide de financement des pôles range leurs missions en quatre catégories, chacune plafonnant le \
                financement public du coût de l'action : A (missions pour le compte de l'État) 100 %, B \
                (innovation, R&D collaborative) 50 %, C (accompagnement des entreprises adhérentes) ce que permet le \
                régime notifié applicable à l'action — 50 % pour NN120/90, E1/90 — et D (prestations commerciales) \
                rien. Le financement public d'une action est l'argent public qui lui est affecté, plus sa part de \
                l'argent public non affecté, réparti au prorata du coût que ses ressources affectées laissent à \
                couvrir ; le rapport montre cette répartition. Une action sans catégorie mais relevant d'un régime \
                du catalogue est tenue au plafond de ce régime.
                """),
        citation: Memento.missionCategories,
        defaultSeverity: .error,
        parameters: [allocationParameter],
        messages: [over, categoryD, pooled, pooledReplace, replace, earmark, cover],
        triggeringExamples: [
            RuleExample(
                poleBudget(
                    resources: [.line(.state, 60_000, action: "factory"), .line(.actionParticipation, 40_000, action: "factory")],
                    expenses: [action("factory", 100_000, .b)]),
                note: "Category B at 60%: 10,000 over the 50% ceiling."),
            RuleExample(
                poleBudget(
                    resources: [.line(.region, 30_000, action: "training"), .line(.actionParticipation, 20_000, action: "training")],
                    expenses: [action("training", 50_000, .c, regime: .nn120_90)]),
                note: "Category C under NN120/90, E1/90 at 60%: 5,000 over the regime's 50%."),
            RuleExample(
                poleBudget(
                    resources: [.line(.state, 100_000), .line(.services, 20_000, action: "studies")],
                    expenses: [action("strategy", 80_000, .a), action("studies", 40_000, .d)]),
                note: "A category D service whose own revenue covers half its cost takes a pro-rata part of the unearmarked public money."),
            RuleExample(
                poleBudget(
                    resources: [
                        .line(.state, 60_000), .line(.membershipFees, 40_000), .line(.region, 10_000, action: "studies"),
                    ],
                    expenses: [action("strategy", 70_000, .a), action("studies", 40_000, .d)]),
                note: "A category D service with 10,000 of public funding earmarked to it and 18,000 shared from the unearmarked 60,000 (30,000 of the 100,000 uncovered): the 10,000 replaced by private funding and the 30,000 uncovered covered, 40,000 in all."),
            RuleExample(
                poleBudget(
                    resources: [.line(.region, 150_000, action: "coaching"), .line(.department, 150_000, action: "export")],
                    expenses: [action("coaching", 150_000, .c, regime: .deMinimis2013), action("export", 150_000, .c, regime: .deMinimis2013)]),
                note: "Two de minimis actions, each within EUR 200,000, together 300,000: 100,000 over."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                poleBudget(resources: [.line(.state, 120_000, action: "strategy")], expenses: [action("strategy", 120_000, .a)]),
                note: "Category A funded 100% by the State."),
            RuleExample(
                poleBudget(
                    resources: [.line(.region, 50_000), .line(.membershipFees, 50_000, action: "factory")],
                    expenses: [action("factory", 100_000, .b)]),
                note: "Category B at exactly 50%."),
            RuleExample(
                poleBudget(
                    resources: [
                        .line(.region, 40_000), .line(.membershipFees, 40_000), .line(.services, 30_000, action: "studies"),
                    ],
                    expenses: [action("animation", 80_000, .b), action("studies", 30_000, .d)]),
                note: "A category D service paid by its own revenue, earmarked to it."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        // Long: one diagnostic per capped action, its arguments, fix and explanation built in place.
        let allocation = context.metrics.allocation
        let currency = context.budget.currency
        let shared = Int128(allocation.unearmarkedPublic.amount.minorUnits)
        let uncoveredTotal = allocation.actions.reduce(Int128(0)) { $0 + Int128($1.uncovered.minorUnits) }
        var found: [Diagnostic] = []
        var overIDs: Set<String> = []
        let ceilings = ActionCeilings(context)
        // Gathered only when a line is named: nothing is built on a budget the rule passes.
        var names = LazyLineNames(context.budget)
        for entry in ceilings.entries {
            guard let (terms, maximum) = entry.ceiling else { continue }
            let funding = entry.funding
            let received = funding.publicFunding
            guard received > maximum else { continue }
            overIDs.insert(funding.id)
            let over = try received.subtracting(maximum)
            let earmarked = funding.earmarkedPublic.amount
            var arguments: MessageArguments = [
                "action": .text(names.get().label(funding.id) ?? funding.id), "scope": .localized(ActionCeilings.scope(of: entry)),
                "public": .money(received), "earmarked": .money(earmarked), "shared": .money(funding.sharedPublic),
                "ceiling": .money(maximum), "share": .share(terms.share), "cost": .money(funding.cost), "over": .money(over),
            ]
            let fix: RemediationOption
            // Private funding earmarked to the action: what every fix below brings in.
            let privateFunding = ResourceLine.remedy(
                .actionParticipation, currency, label: "private funding", action: funding.id)
            if over <= earmarked {
                // Earmarked public money replaced by earmarked private money: the uncovered cost, hence the shared
                // part, stays the same, and the action's public funding falls by exactly the amount.
                fix = context.option(
                    over, Self.replace, arguments, move: .move(from: funding.earmarkedPublic.lines, to: privateFunding))
            } else if earmarked <= maximum {
                // Earmark x of private money: the shared part becomes U·(u − x)/(W − x), at most m = ceiling −
                // earmarked public when x ≥ (U·u − m·W) / (U − m), rounded up to the cent.
                let room = Int128(maximum.minorUnits - earmarked.minorUnits)
                let numerator = shared * Int128(funding.uncovered.minorUnits) - room * uncoveredTotal
                let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: shared - room)
                let amount = Money(minorUnits: Int64(quotient + (remainder > 0 ? 1 : 0)), currency: currency)
                fix = context.option(amount, Self.earmark, arguments, move: .addResource(privateFunding))
            } else {
                // Earmarked public money alone is over the ceiling, and the shared part adds to it: replace the
                // excess of earmarked public money by earmarked private money (the uncovered cost unchanged), then
                // cover the uncovered cost with earmarked private money, so that none of the shared part reaches it.
                let replace = try earmarked.subtracting(maximum)
                arguments["replace"] = .money(replace)
                fix = context.option(
                    try replace.adding(funding.uncovered), Self.cover, arguments,
                    move: .split(
                        .move(from: funding.earmarkedPublic.lines, to: privateFunding), amount: replace,
                        then: .addResource(privateFunding)))
            }
            let isCategoryD = funding.category == .d
            found.append(
                context.diagnostic(
                    isCategoryD ? Self.categoryD : Self.over, arguments,
                    measured: .money(received), threshold: .money(maximum),
                    lines: [funding.id] + funding.earmarkedPublic.lines, remediation: Remediation(fix),
                    explanation: [
                        ExplanationItem(LocalizedText(english: "Cost of the action", french: "Coût de l'action"), .money(funding.cost)),
                        ExplanationItem(LocalizedText(english: "Public funding earmarked to it", french: "Financement public qui lui est affecté"), .money(earmarked)),
                        ExplanationItem(LocalizedText(english: "Resources of any sector earmarked to it", french: "Ressources de tout secteur qui lui sont affectées"), .money(funding.earmarked)),
                        ExplanationItem(LocalizedText(english: "Cost left uncovered", french: "Coût non couvert"), .money(funding.uncovered)),
                        ExplanationItem(LocalizedText(english: "Unearmarked public resources, shared pro rata of uncovered cost", french: "Ressources publiques non affectées, réparties au prorata du coût non couvert"), .money(allocation.unearmarkedPublic.amount)),
                        ExplanationItem(LocalizedText(english: "Its part of them", french: "Sa part"), .money(funding.sharedPublic)),
                        ExplanationItem(LocalizedText(english: "Ceiling", french: "Plafond"), .share(terms.share)),
                        ExplanationItem(LocalizedText(english: "Most public funding allowed", french: "Financement public maximal"), .money(maximum)),
                    ]))
        }
        // A regime whose limits count all its actions together (an amount or an eligible cost per year): once no
        // action is over its own ceiling, the actions together must stay within the regime's.
        for group in try ceilings.groups() where group.isPooled {
            guard !group.entries.contains(where: { overIDs.contains($0.funding.id) }) else { continue }
            let received = try Money.sum(group.entries.map(\.funding.publicFunding), currency: currency)
            guard received > group.maximum else { continue }
            let over = try received.subtracting(group.maximum)
            let earmarked = try Money.sum(group.entries.map(\.funding.earmarkedPublic.amount), currency: currency)
            let arguments: MessageArguments = [
                "regime": .text(group.regime.rawValue), "actions": .list(group.entries.map { names.get().name($0.funding.id) }),
                "public": .money(received), "ceiling": .money(group.maximum), "over": .money(over),
            ]
            // Replacing earmarked public money by earmarked private money lowers the group's public funding by as
            // much (the private line earmarked to the first of its actions by id, whatever the order of the
            // budget's lines); when the excess is shared public money, the per-action fixes above are the way.
            let remediation = over <= earmarked
                ? Remediation(
                    context.option(
                        over, Self.pooledReplace, arguments,
                        move: .move(
                            from: group.entries.flatMap(\.funding.earmarkedPublic.lines),
                            to: .remedy(
                                .actionParticipation, currency, label: "private funding",
                                action: group.entries.map(\.funding.id).min()))))
                : nil
            found.append(
                context.diagnostic(
                    Self.pooled, arguments, measured: .money(received), threshold: .money(group.maximum),
                    lines: group.entries.flatMap { [$0.funding.id] + $0.funding.earmarkedPublic.lines },
                    remediation: remediation,
                    explanation: group.entries.map {
                        ExplanationItem(
                            LocalizedText(english: "Public funding of '\($0.funding.id)'", french: "Financement public de « \($0.funding.id) »"),
                            .money($0.funding.publicFunding))
                    } + [
                        ExplanationItem(LocalizedText(english: "Public funding earmarked to them", french: "Financement public qui leur est affecté"), .money(earmarked)),
                        ExplanationItem(LocalizedText(english: "Most public funding the regime allows them together", french: "Financement public maximal que le régime leur permet ensemble"), .money(group.maximum)),
                    ]))
        }
        return found
    }
}
