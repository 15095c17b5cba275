import ClusterKitCore

/// `success-fee-requalification`: success fees earned on projects won in public calls may be requalified as public
/// money; an error when counting them as public flips the 50/50 result.
public struct SuccessFeeRequalificationRule: Rule {
    /// Creates the rule.
    public init() {}

    static let risk = MessageTemplate(
        id: "success-fee-requalification.risk",
        english: "{fees} of success fees were earned on projects won in public calls: they may be requalified as public money. Counted as public, the private share is {share} instead of {before} ({basis}).",
        french: "{fees} de success fees ont été perçus sur des projets retenus à des appels à projets : ils risquent d'être requalifiés en fonds publics. Si on les compte comme publics, la part privée est de {share} au lieu de {before} ({basis}).")
    static let flips = MessageTemplate(
        id: "success-fee-requalification.flips",
        english: "The budget reaches the {threshold} target only thanks to {fees} of success fees earned on projects won in public calls: counted as public money, as they may be, the private share falls from {before} to {share} ({basis}).",
        french: "Le budget n'atteint l'objectif de {threshold} que grâce à {fees} de success fees perçus sur des projets retenus à des appels à projets : s'ils sont comptés comme fonds publics, ce qu'ils risquent d'être, la part privée tombe de {before} à {share} ({basis}).")
    static let add = MessageTemplate(
        id: "success-fee-requalification.add",
        english: "add {amount} of private revenue not tied to public calls to reach {threshold} with the fees counted as public (the budget grows with it)",
        french: "ajouter {amount} de recettes privées sans lien avec des appels à projets pour atteindre {threshold}, les success fees comptés comme publics (le budget augmente d'autant)")
    static let replace = MessageTemplate(
        id: "success-fee-requalification.replace",
        english: "replace {amount} of public funding by private revenue not tied to public calls (the budget unchanged)",
        french: "remplacer {amount} de financements publics par des recettes privées sans lien avec des appels à projets (budget inchangé)")

    public static let description = RuleDescription(
        id: "success-fee-requalification",
        name: LocalizedText(english: "Requalification of success fees", french: "Requalification des success fees"),
        rationale: LocalizedText(
            english: """
                A pôle asks the partners of a project it labelled for a success fee, paid only if the project wins a \
                public call for projects and gets public aid. The working group warns that such fees may be \
                requalified as public funds presented as private money. This rule recomputes the private share with \
                the fees on public calls (`successFee.basis` = `publicCall`) counted as public. It is a warning; it is an \
                error when the budget reaches the 50/50 target only thanks to them. The target is the cluster's own \
                (`cluster.targets.privateShare`) unless the rule set sets one; the basis is gross unless the funders \
                forbid valued time, where it is net.
                """,
            french: """
                Un pôle demande aux partenaires d'un projet qu'il a labellisé une prime de succès, versée seulement si \
                le projet est retenu à un appel à projets et bénéficie d'une aide publique. Le groupe de travail \
                signale le risque d'une requalification en financements privés de fonds publics. La règle recalcule \
                la part privée en comptant comme publics les success fees sur appels à projets \
                (`successFee.basis` = `publicCall`). C'est un avertissement ; c'est une erreur quand le budget n'atteint \
                l'objectif du 50/50 que grâce à eux. L'objectif est celui du cluster (`cluster.targets.privateShare`) \
                sauf si le jeu de règles en fixe un ; la base est brute, sauf si les financeurs interdisent la \
                valorisation des temps : elle est alors nette.
                """),
        citation: Memento.cite("p. 59, « Le recours aux success fees » ; « Vigilance sur une possible requalification en financements privés de fonds publics »"),
        defaultSeverity: .warning,
        parameters: [FundingTarget.target, FundingTarget.targetYear, FundingTarget.basis],
        messages: [risk, flips, add, replace],
        triggeringExamples: [
            RuleExample(
                Budget.balanced(
                    exampleCluster(),
                    resources: [
                        .line(.successFees, 80_000, successFee: SuccessFeeTerms(basis: .publicCall, fixedFee: Money(major: 200_000))),
                        .line(.membershipFees, 450_000), .line(.region, 470_000),
                    ]),
                note: "53% private, 45% once the 80,000 of fees on public calls count as public: an error."),
            RuleExample(
                Budget.balanced(
                    exampleCluster(),
                    resources: [
                        .line(.successFees, 10_000, successFee: SuccessFeeTerms(basis: .publicCall)),
                        .line(.membershipFees, 60_000), .line(.region, 30_000),
                    ]),
                note: "70% private, still 60% with the fees counted as public: a warning."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(
                    exampleCluster(),
                    resources: [
                        .line(.successFees, 80_000, successFee: SuccessFeeTerms(basis: .market)),
                        .line(.membershipFees, 450_000), .line(.region, 470_000),
                    ]),
                note: "Fees on markets won for members are private money."),
            RuleExample(
                Budget.balanced(
                    exampleCluster(),
                    resources: [
                        .line(.successFees, 80_000, sector: .public, successFee: SuccessFeeTerms(basis: .publicCall)),
                        .line(.membershipFees, 450_000), .line(.region, 470_000),
                    ]),
                note: "Fees already counted as public."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let metrics = context.metrics
        let fees = metrics.publicCallSuccessFees
        guard !fees.amount.isZero else { return [] }
        let cluster = context.budget.cluster
        let judged = try FundingTarget(context, cluster: cluster, year: context.budget.year)
        let basis = try judged.basis(context, cluster: cluster)
        let (part, whole) = metrics.privateShareParts(basis)
        guard let before = Share(part.amount, of: whole) else { return [] }
        let target = judged.share

        let feeLines = Set(fees.lines)
        let requalified = LineTotal(
            amount: try part.amount.subtracting(fees.amount), lines: part.lines.filter { !feeLines.contains($0) })
        let check = ShareThreshold(
            direction: .floor, part: requalified, whole: whole, threshold: target,
            partLabel: LocalizedText(english: "Private resources, fees on public calls counted as public", french: "Ressources privées, success fees sur appels à projets comptés comme publics"),
            wholeLabel: basis == .net
                ? LocalizedText(english: "Cash resources, R(cash)", french: "Ressources en numéraire, R(num.)") : nil)
        guard let after = check.share else { return [] }
        let flips = before >= target && after < target
        // A cluster being created gets notes from every 50/50 rule (« autofinancement très délicat », p. 21).
        let young = context.budget.age.map { $0 < FundingPurpose.youngAge } ?? false
        let arguments = check.arguments.merging(
            ["fees": .money(fees.amount), "before": .share(before), "basis": .localized(basis.label)]) { $1 }

        var remediation: Remediation?
        if check.isBreached, let add = check.fixAmount {
            let publicLines = basis == .net ? metrics.publicCash.lines : metrics.publicResources.lines
            let replace = Share.transferToReach(target, part: requalified.amount, of: whole).map {
                [context.option($0, Self.replace, arguments, move: .move(from: publicLines, to: context.newPrivateRevenue))]
            } ?? []
            remediation = Remediation(
                context.option(add, Self.add, arguments, move: .addResource(context.newPrivateRevenue)),
                alternatives: replace)
        }
        return [
            context.diagnostic(
                flips ? Self.flips : Self.risk, arguments,
                severity: young ? .note : flips ? .error : nil, measured: .share(after), threshold: .share(target), lines: fees.lines,
                remediation: remediation,
                explanation: [
                    ExplanationItem(LocalizedText(english: "Success fees on public calls", french: "Success fees sur appels à projets"), .money(fees.amount)),
                    ExplanationItem(LocalizedText(english: "Private share as budgeted", french: "Part privée telle que budgétée"), .share(before)),
                    ExplanationItem(check.partLabel, .money(requalified.amount)),
                    ExplanationItem(check.wholeName(context.metrics), .money(whole)),
                    ExplanationItem(LocalizedText(english: "Private share, fees counted as public", french: "Part privée, success fees comptés comme publics"), .share(after)),
                    ExplanationItem(LocalizedText(english: "Target", french: "Objectif"), .share(target)),
                ])
        ]
    }
}
