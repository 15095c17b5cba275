import ClusterKitCore

/// `success-fee-framework`: success fees are present — the frame they need (identified service, statutes,
/// competition and tax rules; a means of control for commissions on markets).
public struct SuccessFeeFrameworkRule: Rule {
    /// Creates the rule.
    public init() {}

    static let present = MessageTemplate(
        id: "success-fee-framework.present",
        english: "The budget counts {part} of success fees ({share} of resources): identify the service they reward, update the statutes, and respect competition and tax rules (DGCIS framing note of 15/02/2012).",
        french: "Le budget compte {part} de success fees ({share} des ressources) : identifier le service rémunéré, mettre à jour les statuts, respecter le droit de la concurrence et les règles fiscales (note de cadrage DGCIS du 15/02/2012).")
    static let commissions = MessageTemplate(
        id: "success-fee-framework.commissions",
        english: "The budget counts {part} of success fees ({share} of resources), including fees on markets or on no stated basis ({commissions}): identify the service they reward, update the statutes, respect competition and tax rules (DGCIS note of 15/02/2012), and give commissions a means of control — Mecabourg abandoned its 2% commission, which relied on members' honesty.",
        french: "Le budget compte {part} de success fees ({share} des ressources), dont des primes sur des marchés ou sans fondement indiqué ({commissions}) : identifier le service rémunéré, mettre à jour les statuts, respecter le droit de la concurrence et les règles fiscales (note DGCIS du 15/02/2012), et doter les commissions d'un moyen de contrôle — Mécabourg a abandonné sa commission de 2 %, qui reposait sur l'honnêteté des membres.")

    public static let description = RuleDescription(
        id: "success-fee-framework",
        name: LocalizedText(english: "Frame for success fees", french: "Cadre des success fees"),
        rationale: LocalizedText(
            english: """
                Charging success fees is an economic activity: the cluster must identify clearly the service the fee \
                rewards, update the association's statutes, and respect competition law and its tax consequences — \
                the DGCIS issued a framing note to the pôles on 15/02/2012. Commissions on markets won by members \
                also need a means of control: Mecabourg abandoned the 2% commission its members were to pay on \
                business the cluster brought them, because it relied on their honesty and some raised their prices \
                to pay it. This note appears whenever the budget counts success fees.
                """,
            french: """
                Percevoir des success fees est une activité économique : le cluster doit identifier clairement le \
                service rémunéré, mettre à jour les statuts de l'association, respecter le droit de la concurrence et \
                les incidences fiscales — la DGCIS a adressé une note de cadrage aux pôles le 15/02/2012. Les \
                commissions sur les marchés gagnés par les membres demandent en outre un moyen de contrôle : \
                Mécabourg a abandonné la commission de 2 % que ses membres devaient verser sur les affaires apportées \
                par le cluster, faute de contrôle autre que leur honnêteté, certains ayant augmenté leurs prix pour la \
                payer. Cette note apparaît dès que le budget compte des success fees.
                """),
        citation: Memento.cite("p. 59, « Une note de cadrage à l'intention des pôles de compétitivité (DGCIS, 15/02/2012) » ; p. 32, « Présentation de la société AinGIL » ; « repose sur l'honnêteté des membres »"),
        defaultSeverity: .note,
        messages: [present, commissions],
        triggeringExamples: [
            RuleExample(
                Budget.balanced(
                    exampleCluster(kind: .pole),
                    resources: [.line(.successFees, 14_000, successFee: SuccessFeeTerms(basis: .publicCall)), .line(.region, 986_000)]),
                note: "Fees on labelled projects that won public calls."),
            RuleExample(
                Budget.balanced(
                    caseStudy("Neopolia"),
                    resources: [.line(.successFees, 12_000, successFee: SuccessFeeTerms(basis: .market)), .line(.membershipFees, 88_000)]),
                note: "A commission on the business won by members (Neopolia's is about 1% of it)."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(caseStudy("Mecabourg"), resources: [.line(.region, 160_000), .line(.membershipFees, 130_000)]),
                note: "No success fee (Mecabourg's commission was abandoned)."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let metrics = context.metrics
        let fees = metrics.total(of: .successFees)
        guard !fees.amount.isZero, let share = metrics.share(of: .successFees) else { return [] }
        // Commissions: fees on markets, or fees whose basis the budget does not state.
        let commissions = metrics.resourceLines(of: .successFees).filter { $0.successFee?.basis != .publicCall }.map(\.id)
        let arguments: MessageArguments = [
            "part": .money(fees.amount), "share": .share(share), "commissions": .list(commissions),
        ]
        return [
            context.diagnostic(
                commissions.isEmpty ? Self.present : Self.commissions, arguments,
                measured: .money(fees.amount), lines: fees.lines,
                explanation: [
                    ExplanationItem(LocalizedText(english: "Success fees", french: "Primes de succès (success fees)"), .money(fees.amount)),
                    ExplanationItem(
                        LocalizedText(english: "Of which on public calls, counted as private", french: "Dont sur appels à projets, comptés comme privés"),
                        .money(metrics.publicCallSuccessFees.amount)),
                ])
        ]
    }
}
