import ClusterKitCore

/// `public-private-balance`: the private share of the whole budget under its target — from the target's year a
/// warning, an error where `errorFromTargetYear` is set (the `pole` preset sets it); before it, or with no year, a
/// note; a note too for a cluster under 3 years old, a public-service cluster no one set a target for, or a verdict
/// that depends on a basis the target does not state.
///
/// The target is the one a budget of its year is judged against (`FundingTarget`): the rule set's, else the
/// cluster's own `targets`, else 50% by 2016 for a pôle budget of the 2013–2018 performance contracts, else the
/// memento's 50% « à terme », with no date. Gross self-financing by default (our choice); net where the funders forbid
/// valued time or the target says so.
public struct PublicPrivateBalanceRule: Rule {
    /// Creates the rule.
    public init() {}

    static let errorFromTargetYear = Parameter<Bool>(
        "errorFromTargetYear", default: false,
        english: "Whether a budget of the target year or later under a dated target is an error (our reading of the pôles' contracts; set by the pole preset).",
        french: "Si un budget de l'année cible ou postérieur sous un objectif daté est une erreur (notre lecture des contrats des pôles ; fixé par le préréglage pole).",
        defaultIsOurs: true)

    static let under = MessageTemplate(
        id: "public-private-balance.under",
        english: "{resources} are {share} of the budget ({basis}; {part} of {total}), under the {threshold} target due by {targetYear}, judged on the whole budget.",
        french: "{resources} représentent {share} du budget ({basis} ; {part} sur {total}), sous l'objectif de {threshold} à atteindre au plus tard en {targetYear}, apprécié sur le budget global.")
    static let underSince = MessageTemplate(
        id: "public-private-balance.under-since",
        english: "{resources} are {share} of the budget ({basis}; {part} of {total}), under the {threshold} target due since {targetYear}, judged on the whole budget.",
        french: "{resources} représentent {share} du budget ({basis} ; {part} sur {total}), sous l'objectif de {threshold} qui devait être atteint en {targetYear}, apprécié sur le budget global.")
    static let underUndated = MessageTemplate(
        id: "public-private-balance.under-undated",
        english: "{resources} are {share} of the budget ({basis}; {part} of {total}), under the {threshold} target, which has no date: a direction to hold to over time, not a shortfall (judged on the whole budget).",
        french: "{resources} représentent {share} du budget ({basis} ; {part} sur {total}), sous l'objectif de {threshold}, sans échéance fixée : un cap à tenir dans la durée, non un manquement (apprécié sur le budget global).")
    static let ahead = MessageTemplate(
        id: "public-private-balance.ahead",
        english: "{resources} are {share} of the budget ({basis}; {part} of {total}), {gap} short of the {threshold} target due by {targetYear}; {yearsLeft} {yearsLeft|year is|years are} left to reach it (judged on the whole budget).",
        french: "{resources} représentent {share} du budget ({basis} ; {part} sur {total}), à {gap} de l'objectif de {threshold} à atteindre au plus tard en {targetYear} ; il reste {yearsLeft} {yearsLeft|an|ans} pour l'atteindre (apprécié sur le budget global).")
    static let basisDependent = MessageTemplate(
        id: "public-private-balance.basis-dependent",
        english: "{resources} are {share} of the budget ({basis}; {part} of {total}) and {otherShare} of total income ({otherPart} of {otherTotal}): the {threshold} target{due} is missed on one basis and met on the other, and it does not say which one it is measured on.",
        french: "{resources} représentent {share} du budget ({basis} ; {part} sur {total}) et {otherShare} du total des produits ({otherPart} sur {otherTotal}) : l'objectif de {threshold}{due} est manqué sur une base et atteint sur l'autre, et il ne dit pas sur laquelle il se mesure.")
    static let memberInterests = MessageTemplate(
        id: "public-private-balance.member-interests",
        english: "{resources} are {share} of the budget ({basis}; {part} of {total}), under {threshold}: a cluster that serves its members' interests is expected above 50% (« Autofinancement > 50 % », p. 21).",
        french: "{resources} représentent {share} du budget ({basis} ; {part} sur {total}), sous {threshold} : un cluster voué à la défense des intérêts de ses membres est attendu au-delà de 50 % (« Autofinancement > 50 % », p. 21).")
    static let publicService = MessageTemplate(
        id: "public-private-balance.public-service",
        english: "{resources} are {share} of the budget ({basis}; {part} of {total}), under {threshold}; no funder has set this cluster a target, and the memento reads a cluster with a public-service mission of economic development as largely publicly funded by design (« Mission de service public », « Large financement public », p. 21).",
        french: "{resources} représentent {share} du budget ({basis} ; {part} sur {total}), sous {threshold} ; aucun financeur n'a fixé d'objectif à ce cluster, et le mémento voit un cluster investi d'une mission de service public de développement économique comme largement financé sur fonds publics par construction (« Mission de service public », « Large financement public », p. 21).")
    static let young = MessageTemplate(
        id: "public-private-balance.young",
        english: "{resources} are {share} of the budget ({basis}; {part} of {total}), under {threshold}; the cluster is {age} {age|year|years} old, and self-financing is very delicate for clusters being created.",
        french: "{resources} représentent {share} du budget ({basis} ; {part} sur {total}), sous {threshold} ; le cluster a {age} {age|an|ans}, et l'autofinancement est très délicat pour les clusters en création.")
    static let add = MessageTemplate(
        id: "public-private-balance.add",
        english: "add {amount} of private revenue (the budget grows with it)",
        french: "ajouter {amount} de recettes privées (le budget augmente d'autant)")
    static let replace = MessageTemplate(
        id: "public-private-balance.replace",
        english: "replace {amount} of public funding by private revenue (the budget unchanged)",
        french: "remplacer {amount} de financements publics par des recettes privées (budget inchangé)")

    public static let description = RuleDescription(
        id: "public-private-balance",
        name: LocalizedText(english: "Public/private balance (50/50)", french: "Équilibre public/privé (50/50)"),
        rationale: LocalizedText(
            english: """
                Funders ask clusters to balance public and private funding: the pôles committed in their 2013–2018 \
                performance contracts to a balanced budget by 2016 at the latest, and a private majority in the \
                medium term (p. 11). For other clusters the memento gives no date: Mecabourg aims at 50% « à terme », \
                and the working group speaks of « un socle de 50 % de financement privé » reached through a \
                transition phase (p. 21). A cluster's own or its funders' targets come first. The memento also warns \
                against a single model (p. 21): a cluster with a public-service mission of economic development is \
                largely publicly funded by design, so without a funder's target it gets a note, while a cluster \
                serving its members' interests is expected above 50%; a cluster under 3 years old gets a note \
                (« autofinancement très délicat pour les clusters en création »). The working group asks that the \
                50/50 rule be judged on the cluster's whole budget, not action by action — so this rule reads the \
                global budget only. The private share is gross (valued member time counted) by our default, unless \
                the funders forbid valued time or the target is net. A target is judged in its time: before its year, \
                the distance and the years left are a note (a single budget holds no baseline share to draw a path \
                from; `transition-trajectory` draws it over a history); from its year, a warning (an error for the \
                pole preset); a target « à terme » or « à moyen terme » with no year is a note, never a shortfall. A \
                target whose `basis` states the funder's own definition (whole budget or total income, valued time or \
                not, public sources counted as own resources) is judged on it; a target that states no basis is \
                judged on the memento's, with the share on total income shown beside it where it differs, and where \
                the two verdicts differ the finding is a note that says so.
                """,
            french: """
                Les financeurs demandent aux clusters d'équilibrer financements publics et privés : les pôles se sont \
                engagés dans leurs contrats de performance 2013-2018 à un financement équilibré au plus tard d'ici \
                2016, et à un financement privé majoritaire à moyen terme (p. 11). Pour les autres clusters, le \
                mémento ne donne pas d'échéance : Mécabourg vise 50 % « à terme », et le groupe de travail parle \
                d'« un socle de 50 % de financement privé » atteint au terme d'une phase transitoire (p. 21). Les \
                objectifs propres au cluster ou fixés par ses financeurs passent d'abord. Le mémento met aussi en \
                garde contre le modèle unique (p. 21) : un cluster investi d'une mission de service public de \
                développement économique est largement financé sur fonds publics par construction, et reçoit donc \
                une note en l'absence d'objectif d'un financeur, tandis qu'un cluster voué aux intérêts de ses \
                membres est attendu au-delà de 50 % ; un cluster de moins de 3 ans reçoit une note (« autofinancement \
                très délicat pour les clusters en création »). Le groupe de travail demande de juger la règle du \
                50/50 sur le financement global du cluster et non action par action : la règle lit donc le budget \
                global. La part privée est brute (valorisation des temps comprise) par notre choix, sauf si les \
                financeurs interdisent la valorisation ou si l'objectif est net. Un objectif est jugé en son temps : \
                avant son année, l'écart et les années restantes font une note (un budget seul ne porte pas la part \
                de l'année de référence d'où tracer une trajectoire ; `transition-trajectory` la trace sur un \
                historique) ; à partir de son année, un avertissement (une erreur pour le préréglage pole) ; un \
                objectif « à terme » ou « à moyen terme » sans année est une note, jamais un manquement. Un objectif \
                dont la base (`basis`) énonce la définition du financeur (budget global ou total des produits, \
                valorisation ou non, sources publiques comptées comme ressources propres) est jugé sur elle ; un \
                objectif qui ne dit pas sa base est jugé sur celle du mémento, la part sur le total des produits \
                étant montrée à côté si elle diffère, et si les deux verdicts diffèrent, le constat est une note qui \
                le dit.
                """),
        citation: Memento.cite("p. 11, « un financement public/privé équilibré » ; p. 21, « Deux finalités » ; p. 68, « sur le financement global du cluster et non action par action »"),
        defaultSeverity: .warning,
        parameters: [
            FundingTarget.target, FundingTarget.targetYear, FundingTarget.basis,
            errorFromTargetYear,
            FundingPurpose.minimumAge,
        ],
        messages: [under, underSince, underUndated, ahead, basisDependent, memberInterests, publicService, young, add, replace],
        triggeringExamples: [
            RuleExample(
                Budget.balanced(
                    caseStudy("Mecabourg", valuedTimeAllowed: false),
                    resources: [.line(.region, 160_000), .line(.membershipFees, 95_000), .line(.actionParticipation, 35_000)]),
                note: "Mecabourg 2013: 130,000 private of 290,000, 44.8%, under the memento's 50% « à terme », with no date: a note; 30,000 of private revenue to add."),
            RuleExample(
                Budget.balanced(
                    caseStudy("Neopolia"),
                    resources: [.line(.membershipFees, 380_000), .line(.memberTime, 250_000), .line(.region, 597_000)]),
                parameters: ["basis": .text("net")],
                note: "Neopolia 2013 on a net basis: 380 of 977 kEUR of cash, 38.9%."),
            RuleExample(
                Budget.balanced(exampleCluster(), resources: [.line(.region, 50_001), .line(.membershipFees, 49_999)]),
                note: "One euro under 50%."),
            RuleExample(
                Budget.balanced(
                    caseStudy("Cosmetic Valley"),
                    resources: [.line(.otherPublic, 1_089_500), .line(.membershipFees, 200_000), .line(.otherPrivate, 880_000)]),
                note: "Cosmetic Valley 2013, a pôle: 1,080,000 private of 2,169,500, 49.8%, 0.2% short of the 50% due by 2016 (the 2013–2018 performance contracts), three years early: a note."),
            RuleExample(
                Budget.balanced(
                    caseStudy("Cosmetic Valley"),
                    resources: [.line(.otherPublic, 1_089_500), .line(.membershipFees, 200_000), .line(.otherPrivate, 880_000)]),
                parameters: ["errorFromTargetYear": .boolean(true), "targetYear": .integer(2013)],
                note: "The same budget with a target year of 2013 and the pole preset's errorFromTargetYear: an error."),
            RuleExample(
                Budget.balanced(
                    ClusterProfile(
                        name: "Soliage", kind: .grappe, founded: 2011,
                        targets: FundingTargets(privateShare: Share(percent: 50), year: 2014, source: "« Autofinancement de 50 % visé à moyen terme (2014) », p. 60")),
                    resources: [.line(.otherPublic, 290_000), .line(.membershipFees, 210_000)]),
                note: "Soliage 2013 against its own target, 50% by 2014: 42%, two years old — a note."),
            RuleExample(
                Budget.balanced(
                    caseStudy("Rhône-Alpes Eco-énergies", purpose: .publicService),
                    resources: [.line(.region, 550_000, funder: "Région Rhône-Alpes"), .line(.membershipFees, 170_000)]),
                note: "Cluster Rhône-Alpes Eco-énergies 2013, initiated and funded by the region for « une mission importante de développement économique » (p. 23): 23.6%, a note."),
            RuleExample(
                Budget.balanced(
                    ClusterProfile(
                        name: "Example", kind: .grappe, founded: 2005,
                        targets: FundingTargets(privateShare: Share(percent: 50), year: 2013)),
                    resources: [.line(.region, 50_001), .line(.membershipFees, 49_999)]),
                note: "One euro under 50% in the target's own year: a warning."),
            RuleExample(
                Budget.balanced(
                    ClusterProfile(
                        name: "Example", kind: .grappe, founded: 2005,
                        targets: FundingTargets(privateShare: Share(percent: 50), year: 2013)),
                    resources: [.line(.region, 45_000), .line(.membershipFees, 40_000), .line(.financialIncome, 15_000)]),
                note: "40,000 private of a funding base of 85,000 (47.1%), but 55,000 of 100,000 of total income (55%) with the financial income: the target says no basis, a note that says so."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(exampleCluster(), resources: [.line(.region, 50_000), .line(.membershipFees, 50_000)]),
                note: "Exactly 50%."),
            RuleExample(
                Budget.balanced(
                    caseStudy("Neopolia"),
                    resources: [.line(.membershipFees, 380_000), .line(.memberTime, 250_000), .line(.region, 597_000)]),
                note: "Neopolia 2013 on a gross basis: 51.3%, the memento's « 50 % brut »."),
            RuleExample(
                Budget.balanced(
                    ClusterProfile(name: "Example", kind: .grappe, targets: FundingTargets(privateShare: Share(percent: 40))),
                    resources: [.line(.region, 60_000), .line(.membershipFees, 40_000)]),
                note: "40% private against the cluster's own 40% target."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        // Long: the verdict depends on the cluster's age and purpose, on when the target is due, and on its basis.
        let budget = context.budget
        let target = try FundingTarget(context, cluster: budget.cluster, year: budget.year)
        let measure = try target.measure(context, cluster: budget.cluster)
        let check = ShareThreshold(
            direction: .floor, part: measure.part, whole: measure.whole, threshold: target.share,
            partLabel: measure.partLabel, wholeLabel: measure.wholeLabel,
            // A share to reach, not a floor under which the cluster is in danger.
            thresholdLabel: LocalizedText(english: "Target", french: "Objectif"))
        // Where the target does not say its basis, the share on total income is shown beside the memento's.
        let other = try target.totalIncomeMeasure(context, cluster: budget.cluster)
        let otherShare = other?.share
        func beside(_ diagnostic: Diagnostic?) -> [Diagnostic] {
            guard var diagnostic else { return [] }
            // Shown where it differs from the memento's (lines that are not funding, or passed on).
            if let otherShare, otherShare != measure.share {
                diagnostic.explanation.append(
                    ExplanationItem(
                        LocalizedText(english: "Share on total income (the target states no basis)", french: "Part sur le total des produits (l'objectif ne précise pas sa base)"),
                        .share(otherShare)))
            }
            return [diagnostic]
        }
        // On the net basis, public cash is replaced (public valued time is not in its whole).
        let basis = try target.basis(context, cluster: budget.cluster)
        // Written only when the target is missed (the public lines listed then too).
        func replace() -> [RemediationOption] {
            let publicLines = basis == .net ? context.metrics.publicCash.lines : context.metrics.publicResources.lines
            return Share.transferToReach(target.share, part: measure.part.amount, of: measure.whole).map {
                [context.option($0, Self.replace, move: .move(from: publicLines, to: context.newPrivateRevenue))]
            } ?? []
        }
        var arguments: MessageArguments = [
            "basis": .localized(measure.label),
            "resources": .localized(
                target.definition != nil && measure.wholeLabel != nil || target.definition?.ownResources.isEmpty == false
                    ? LocalizedText(english: "Own resources on the funder's basis", french: "Les ressources propres au sens du financeur")
                    : LocalizedText(english: "Private resources", french: "Les ressources privées")),
        ]
        let isYoung = try Self.isYoung(context)
        let isPublicService = FundingPurpose.of(budget.cluster) == .publicService && !target.isSet
        // One decision of the severity, which the planner's constraint states too (PlannableRules.swift).
        let severity = try Self.missSeverity(context, target: target, share: measure.share, otherShare: otherShare)
        // A verdict that depends on the basis is a note that says so.
        if !isYoung, !isPublicService, let other, let otherShare, let share = measure.share,
            (share < target.share) != (otherShare < target.share)
        {
            arguments["otherShare"] = .share(otherShare)
            arguments["otherPart"] = .money(other.part.amount)
            arguments["otherTotal"] = .money(other.whole)
            arguments["share"] = .share(share)
            arguments["part"] = .money(measure.part.amount)
            arguments["total"] = .money(measure.whole)
            arguments["threshold"] = .share(target.share)
            arguments["due"] = .localized(
                target.year.map { year in
                    budget.year > year
                        ? LocalizedText(english: " due since \(year)", french: " qui devait être atteint en \(year)")
                        : LocalizedText(english: " due by \(year)", french: " à atteindre au plus tard en \(year)")
                } ?? LocalizedText(english: ", which has no date,", french: ", sans échéance fixée,"))
            let missed = share < target.share ? measure : other
            return beside(
                context.diagnostic(
                    Self.basisDependent, arguments, severity: .note, measured: .share(missed.share ?? .zero),
                    threshold: .share(target.share), lines: missed.part.lines,
                    explanation: [
                        ExplanationItem(measure.partLabel, .money(measure.part.amount)),
                        ExplanationItem(measure.wholeLabel ?? context.metrics.wholeLabel, .money(measure.whole)),
                        ExplanationItem(LocalizedText(english: "Share", french: "Part"), .share(share)),
                        ExplanationItem(other.partLabel, .money(other.part.amount)),
                        ExplanationItem(other.wholeLabel ?? context.metrics.wholeLabel, .money(other.whole)),
                        ExplanationItem(LocalizedText(english: "Target", french: "Objectif"), .share(target.share)),
                    ]))
        }
        let message: MessageTemplate
        if let age = budget.age, isYoung {
            message = Self.young
            arguments["age"] = .integer(age)
        } else if isPublicService {
            message = Self.publicService
        } else if let year = target.year, budget.year < year {
            // Before the target's year: the distance and the years left, a note (a single budget holds no baseline
            // share to draw a path from; transition-trajectory draws it from a history).
            message = Self.ahead
            arguments["targetYear"] = .integer(year)
            arguments["yearsLeft"] = .integer(year - budget.year)
            arguments["gap"] = .localized(FundingTarget.points(target.gap(from: measure.share ?? .zero)))
        } else if let year = target.year {
            message = budget.year > year ? Self.underSince : Self.under
            arguments["targetYear"] = .integer(year)
        } else if FundingPurpose.of(budget.cluster) == .memberInterests {
            message = Self.memberInterests
        } else {
            // A target « à terme » or « à moyen terme », with no year: a note, never a shortfall.
            message = Self.underUndated
        }
        return beside(
            try check.diagnostic(
                context, message: message, fix: Self.add, alternatives: replace(),
                severity: severity, extraArguments: arguments))
    }
}

extension PublicPrivateBalanceRule {
    /// Whether the cluster is under `FundingPurpose.minimumAge` (3 years): its findings are notes.
    static func isYoung(_ context: RuleContext) throws -> Bool {
        try context.budget.age.map { $0 < (try context.value(of: FundingPurpose.minimumAge)) } ?? false
    }

    /// The severity of a share under the target on this budget, `nil` for the rule's default (a warning): a note for
    /// a cluster under 3 years old, a public-service cluster no funder set a target for, a verdict that depends on
    /// the basis (`share` on the target's basis and `otherShare` on total income on either side of it), a target
    /// not yet due, and a target with no year; an error from the target's year when `errorFromTargetYear` is set.
    /// The evaluation and the planner's constraint both read it, so they cannot disagree.
    static func missSeverity(_ context: RuleContext, target: FundingTarget, share: Share?, otherShare: Share?) throws
        -> Severity?
    {
        let budget = context.budget
        if try isYoung(context) { return .note }
        if FundingPurpose.of(budget.cluster) == .publicService, !target.isSet { return .note }
        if let share, let otherShare, (share < target.share) != (otherShare < target.share) { return .note }
        if let year = target.year {
            if budget.year < year { return .note }
            return try context.value(of: errorFromTargetYear) ? .error : nil
        }
        if FundingPurpose.of(budget.cluster) == .memberInterests { return nil }
        return .note
    }
}
