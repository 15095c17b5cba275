import ClusterKitCore

/// `success-fee-proportion`: a success fee over 25% of the fixed engineering fee of the same engagement — the
/// variable part must stay marginal.
public struct SuccessFeeProportionRule: Rule {
    /// Creates the rule.
    public init() {}

    static let threshold = Parameter<Share>(
        "threshold", default: Share(percent: 25),
        english: "Largest success fee, as a share of the fixed fee of the same engagement (ours).",
        french: "Success fee maximal, en part du montant fixe de la même prestation (valeur de ClusterKit).",
        defaultIsOurs: true)

    static let over = MessageTemplate(
        id: "success-fee-proportion.over",
        english: "The success fee {line} ({part}) is {share} of the fixed fee of the same engagement ({total}), over {threshold}: the variable part should stay marginal.",
        french: "Le success fee {line} ({part}) représente {share} du montant fixe de la même prestation ({total}), au-delà de {threshold} : la part variable doit rester marginale.")
    static let noFixedFee = MessageTemplate(
        id: "success-fee-proportion.no-fixed-fee",
        english: "The success fee {line} ({part}) has no fixed fee to go with it: the whole engagement is paid on success, where the variable part should stay marginal.",
        french: "Le success fee {line} ({part}) n'est accompagné d'aucun montant fixe : toute la prestation est payée au succès, alors que la part variable doit rester marginale.")
    static let cut = MessageTemplate(
        id: "success-fee-proportion.cut",
        english: "lower the success fee by {amount}, to {threshold} of the fixed fee",
        french: "réduire le success fee de {amount}, à {threshold} du montant fixe")
    static let raise = MessageTemplate(
        id: "success-fee-proportion.raise",
        english: "raise the fixed fee of the engagement by {amount}, keeping the success fee",
        french: "augmenter de {amount} le montant fixe de la prestation, en conservant le success fee")

    public static let description = RuleDescription(
        id: "success-fee-proportion",
        name: LocalizedText(english: "Success fee against the fixed fee", french: "Success fee au regard du montant fixe"),
        rationale: LocalizedText(
            english: """
                The working group accepts success fees only in a well-defined frame: the fee must stay marginal next \
                to the fixed cost of the engineering service the company pays for — a reasonable variable part on top \
                of a fixed fee. This rule compares each success fee with the fixed fee of the same engagement \
                (`successFee.fixedFee`); lines that state no fixed fee cannot be checked. The memento gives no \
                figure: the 25% ceiling is ours.
                """,
            french: """
                Le groupe de travail n'admet les success fees que dans un cadre bien défini : leur montant doit rester \
                marginal par rapport au coût fixe de la prestation d'ingénierie payée par l'entreprise — un montant \
                variable raisonnable au regard du montant fixe. La règle compare chaque success fee au montant fixe \
                de la même prestation (`successFee.fixedFee`) ; une ligne qui n'en indique pas ne peut être vérifiée. \
                Le mémento ne donne pas de chiffre : le plafond de 25 % est une valeur de ClusterKit.
                """),
        citation: Memento.cite("p. 59, « Le recours aux success fees » ; « Le montant des success fees doit rester marginal par rapport au coût fixe d'une prestation d'ingénierie »"),
        defaultSeverity: .warning,
        parameters: [threshold],
        messages: [over, noFixedFee, cut, raise],
        triggeringExamples: [
            RuleExample(
                Budget.balanced(
                    exampleCluster(),
                    resources: [
                        .line(.successFees, 80_000, successFee: SuccessFeeTerms(basis: .publicCall, fixedFee: Money(major: 200_000))),
                        .line(.membershipFees, 450_000), .line(.region, 470_000),
                    ]),
                note: "80,000 on a fixed fee of 200,000: 40%."),
            RuleExample(
                Budget.balanced(
                    exampleCluster(),
                    resources: [
                        .line(.successFees, 5_000, successFee: SuccessFeeTerms(basis: .market, fixedFee: .zero())),
                        .line(.region, 95_000),
                    ]),
                note: "A fee with no fixed part at all."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(
                    exampleCluster(),
                    resources: [
                        .line(.successFees, 50_000, successFee: SuccessFeeTerms(basis: .publicCall, fixedFee: Money(major: 200_000))),
                        .line(.region, 950_000),
                    ]),
                note: "Exactly 25% of the fixed fee."),
            RuleExample(
                Budget.balanced(
                    exampleCluster(),
                    resources: [.line(.successFees, 50_000, successFee: SuccessFeeTerms(basis: .market)), .line(.region, 950_000)]),
                note: "No fixed fee stated: nothing to compare with."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let threshold = try context.value(of: Self.threshold)
        var diagnostics: [Diagnostic] = []
        for line in context.metrics.resourceLines(of: .successFees) {
            guard let fixedFee = line.successFee?.fixedFee, !line.amount.isZero else { continue }
            let check = ShareThreshold(
                direction: .ceiling, part: LineTotal(amount: line.amount, lines: [line.id]), whole: fixedFee,
                threshold: threshold, partLabel: LocalizedText(english: "Success fee", french: "Prime de succès (success fee)"),
                wholeLabel: LocalizedText(english: "Fixed fee of the engagement", french: "Montant fixe de la prestation"),
                remedy: .transfer)
            let arguments: MessageArguments = ["line": .text(LineNames.name(label: line.label, id: line.id))]
            if fixedFee.isZero {
                // No fixed part: the ratio is unbounded; the fix is a fixed fee of at least fee / threshold.
                let raise = check.dilution(
                    context, Self.raise, check.arguments.merging(arguments) { $1 }, move: .elsewhere)
                diagnostics.append(
                    context.diagnostic(
                        Self.noFixedFee, check.arguments.merging(arguments) { $1 },
                        measured: .money(line.amount), threshold: .share(threshold), lines: [line.id],
                        remediation: raise.first.map { Remediation($0) },
                        explanation: [
                            ExplanationItem(check.partLabel, .money(line.amount)),
                            ExplanationItem(check.wholeName(context.metrics), .money(fixedFee)),
                            ExplanationItem(LocalizedText(english: "Ceiling", french: "Plafond"), .share(threshold)),
                        ]))
            } else if let diagnostic = try check.diagnostic(
                context, message: Self.over, fix: Self.cut,
                alternatives: check.dilution(context, Self.raise, arguments, move: .elsewhere), extraArguments: arguments)
            {
                diagnostics.append(diagnostic)
            }
        }
        return diagnostics
    }
}
