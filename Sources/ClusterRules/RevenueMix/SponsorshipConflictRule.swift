import ClusterKitCore

/// `sponsorship-conflict`: a sponsor is a member of the cluster or has a direct interest in it.
public struct SponsorshipConflictRule: Rule {
    /// Creates the rule.
    public init() {}

    static let conflict = MessageTemplate(
        id: "sponsorship-conflict.conflict",
        english: "The sponsorship {line} ({amount}) comes from a sponsor who {relation}: a risk of conflict of interest — a sponsor should hold no direct interest in the cluster and not be involved in it.",
        french: "Le sponsoring {line} ({amount}) vient d'un sponsor qui {relation} : un risque de conflit d'intérêt — un sponsor ne doit pas détenir d'intérêt direct ni être impliqué dans le cluster.")
    static let replace = MessageTemplate(
        id: "sponsorship-conflict.replace",
        english: "find the {amount} from a sponsor with no stake in the cluster",
        french: "trouver les {amount} auprès d'un sponsor sans lien d'intérêt avec le cluster")

    public static let description = RuleDescription(
        id: "sponsorship-conflict",
        name: LocalizedText(english: "Sponsor with a stake in the cluster", french: "Sponsor impliqué dans le cluster"),
        rationale: LocalizedText(
            english: """
                A cluster's brand and its qualified base of prospects are worth something to third parties, and \
                sponsoring is emerging as a resource. The memento asks clusters to decide first which sponsors are \
                acceptable, to avoid conflicts of interest: a sponsor should hold no direct interest in the cluster \
                and not be involved in it. This rule reads the `sponsor` terms of sponsorship lines.
                """,
            french: """
                La marque d'un cluster et sa base de prospects qualifiée ont de la valeur pour des tiers, et le \
                sponsoring émerge comme ressource. Le mémento demande de réfléchir préalablement au profil de \
                sponsors acceptable, pour éviter les conflits d'intérêt : un sponsor ne doit pas détenir d'intérêt \
                direct ni être impliqué dans le cluster. La règle lit les conditions `sponsor` des lignes de \
                sponsoring.
                """),
        citation: Memento.sponsorship,
        defaultSeverity: .warning,
        messages: [conflict, replace],
        triggeringExamples: [
            RuleExample(
                Budget.balanced(
                    exampleCluster(),
                    resources: [.line(.sponsorship, 40_000, sponsor: SponsorTerms(isMember: true)), .line(.region, 60_000)]),
                note: "A member sponsors the cluster."),
            RuleExample(
                Budget.balanced(
                    exampleCluster(),
                    resources: [.line(.sponsorship, 40_000, sponsor: SponsorTerms(directInterest: true)), .line(.region, 60_000)]),
                note: "The sponsor has a direct interest in the cluster's work."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(
                    exampleCluster(),
                    resources: [.line(.sponsorship, 40_000, sponsor: SponsorTerms()), .line(.region, 60_000)]),
                note: "A sponsor with no stake in the cluster.")
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for line in context.metrics.resourceLines(of: .sponsorship) {
            // A line of nothing is no sponsorship (the fix below empties it).
            guard let sponsor = line.sponsor, sponsor.isMember || sponsor.directInterest, !line.amount.isZero else { continue }
            let relation: LocalizedText =
                switch (sponsor.isMember, sponsor.directInterest) {
                case (true, true):
                    LocalizedText(english: "is a member and has a direct interest in it", french: "en est membre et y détient un intérêt direct")
                case (true, false): LocalizedText(english: "is a member of the cluster", french: "est membre du cluster")
                default: LocalizedText(english: "has a direct interest in the cluster", french: "détient un intérêt direct dans le cluster")
                }
            let arguments: MessageArguments = ["line": .text(LineNames.name(label: line.label, id: line.id)), "amount": .money(line.amount), "relation": .localized(relation)]
            diagnostics.append(
                context.diagnostic(
                    Self.conflict, arguments, measured: .money(line.amount), lines: [line.id],
                    remediation: Remediation(
                        context.option(
                            line.amount, Self.replace, arguments,
                            move: .move(
                                from: [line.id],
                                to: .remedy(.sponsorship, context.metrics.currency, label: "another sponsor", sponsor: SponsorTerms())))),
                    explanation: [
                        ExplanationItem(LocalizedText(english: "Sponsorship", french: "Sponsoring"), .money(line.amount)),
                        ExplanationItem(LocalizedText(english: "Sponsor is a member", french: "Sponsor membre"), .yesNo(sponsor.isMember)),
                        ExplanationItem(
                            LocalizedText(english: "Sponsor has a direct interest", french: "Sponsor détenant un intérêt direct"),
                            .yesNo(sponsor.directInterest)),
                    ]))
        }
        return diagnostics
    }
}
