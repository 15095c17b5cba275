import ClusterKitCore

/// `public-private-balance`: the private share of the whole budget under its target — a warning, an error from the
/// target year where `errorFromTargetYear` is set (the `pole` preset sets it), a note for a cluster under 3 years old
/// or a public-service cluster no one set a target for.
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
        english: "Private resources are {share} of the budget ({basis}; {part} of {total}), under the {threshold} target due by {targetYear}, judged on the whole budget.",
        french: "Les ressources privées représentent {share} du budget ({basis} ; {part} sur {total}), sous l'objectif de {threshold} à atteindre au plus tard en {targetYear}, apprécié sur le budget global.")
    static let underSince = MessageTemplate(
        id: "public-private-balance.under-since",
        english: "Private resources are {share} of the budget ({basis}; {part} of {total}), under the {threshold} target due since {targetYear}, judged on the whole budget.",
        french: "Les ressources privées représentent {share} du budget ({basis} ; {part} sur {total}), sous l'objectif de {threshold} qui devait être atteint en {targetYear}, apprécié sur le budget global.")
    static let underUndated = MessageTemplate(
        id: "public-private-balance.under-undated",
        english: "Private resources are {share} of the budget ({basis}; {part} of {total}), under the {threshold} target, which has no date, judged on the whole budget.",
        french: "Les ressources privées représentent {share} du budget ({basis} ; {part} sur {total}), sous l'objectif de {threshold}, sans échéance fixée, apprécié sur le budget global.")
    static let memberInterests = MessageTemplate(
        id: "public-private-balance.member-interests",
        english: "Private resources are {share} of the budget ({basis}; {part} of {total}), under {threshold}: a cluster that serves its members' interests is expected above 50% (« Autofinancement > 50 % », p. 21).",
        french: "Les ressources privées représentent {share} du budget ({basis} ; {part} sur {total}), sous {threshold} : un cluster voué à la défense des intérêts de ses membres est attendu au-delà de 50 % (« Autofinancement > 50 % », p. 21).")
    static let publicService = MessageTemplate(
        id: "public-private-balance.public-service",
        english: "Private resources are {share} of the budget ({basis}; {part} of {total}), under {threshold}; no funder has set this cluster a target, and the memento reads a cluster with a public-service mission of economic development as largely publicly funded by design (« Mission de service public », « Large financement public », p. 21).",
        french: "Les ressources privées représentent {share} du budget ({basis} ; {part} sur {total}), sous {threshold} ; aucun financeur n'a fixé d'objectif à ce cluster, et le mémento voit un cluster investi d'une mission de service public de développement économique comme largement financé sur fonds publics par construction (« Mission de service public », « Large financement public », p. 21).")
    static let young = MessageTemplate(
        id: "public-private-balance.young",
        english: "Private resources are {share} of the budget ({basis}; {part} of {total}), under {threshold}; the cluster is {age} {age|year|years} old, and self-financing is very delicate for clusters being created.",
        french: "Les ressources privées représentent {share} du budget ({basis} ; {part} sur {total}), sous {threshold} ; le cluster a {age} {age|an|ans}, et l'autofinancement est très délicat pour les clusters en création.")
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
                the funders forbid valued time or the target is net.
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
                financeurs interdisent la valorisation ou si l'objectif est net.
                """),
        citation: Memento.cite("p. 11, « un financement public/privé équilibré » ; p. 21, « Deux finalités » ; p. 68, « sur le financement global du cluster et non action par action »"),
        defaultSeverity: .warning,
        parameters: [
            FundingTarget.target, FundingTarget.targetYear, FundingTarget.basis,
            errorFromTargetYear,
            FundingPurpose.minimumAge,
        ],
        messages: [under, underSince, underUndated, memberInterests, publicService, young, add, replace],
        triggeringExamples: [
            RuleExample(
                Budget.balanced(
                    caseStudy("Mecabourg", valuedTimeAllowed: false),
                    resources: [.line(.region, 160_000), .line(.membershipFees, 95_000), .line(.actionParticipation, 35_000)]),
                note: "Mecabourg 2013: 130,000 private of 290,000, 44.8%; 30,000 of private revenue to add."),
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
                note: "Cosmetic Valley 2013, a pôle: 1,080,000 private of 2,169,500, 49.8%, under the 50% due by 2016 (the 2013–2018 performance contracts)."),
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
        let budget = context.budget
        let target = try FundingTarget(context, cluster: budget.cluster, year: budget.year)
        let basis = try target.basis(context, cluster: budget.cluster)
        let (part, whole) = context.metrics.privateShareParts(basis)
        let check = ShareThreshold(
            direction: .floor, part: part, whole: whole, threshold: target.share,
            partLabel: basis == .net
                ? LocalizedText(english: "Private cash resources, Priv(cash)", french: "Ressources privées en numéraire, Priv(num.)")
                : LocalizedText(english: "Private resources (Priv)", french: "Ressources privées (Priv)"),
            wholeLabel: basis == .net
                ? LocalizedText(english: "Cash resources, R(cash)", french: "Ressources en numéraire, R(num.)") : nil,
            // A share to reach, not a floor under which the cluster is in danger (the English word is kept as recorded).
            thresholdLabel: LocalizedText(english: "Floor", french: "Objectif"))
        // On the net basis, public cash is replaced (public valued time is not in its whole).
        let publicLines = basis == .net ? context.metrics.publicCash.lines : context.metrics.publicResources.lines
        // Written only when the target is missed.
        func replace() -> [RemediationOption] {
            Share.transferToReach(target.share, part: part.amount, of: whole).map {
                [context.option($0, Self.replace, move: .move(from: publicLines, to: context.newPrivateRevenue))]
            } ?? []
        }
        var arguments: MessageArguments = ["basis": .localized(basis.label)]
        let message: MessageTemplate
        var severity: Severity? = nil
        if let age = budget.age, age < (try context.value(of: FundingPurpose.minimumAge)) {
            message = Self.young
            arguments["age"] = .integer(age)
            severity = .note
        } else if FundingPurpose.of(budget.cluster) == .publicService, !target.isSet {
            message = Self.publicService
            severity = .note
        } else if let year = target.year {
            message = budget.year > year ? Self.underSince : Self.under
            arguments["targetYear"] = .integer(year)
            if try context.value(of: Self.errorFromTargetYear), budget.year >= year { severity = .error }
        } else if FundingPurpose.of(budget.cluster) == .memberInterests {
            message = Self.memberInterests
        } else {
            message = Self.underUndated
        }
        return try check.diagnostic(
            context, message: message, fix: Self.add, alternatives: replace(),
            severity: severity, extraArguments: arguments
        ).map { [$0] } ?? []
    }
}
