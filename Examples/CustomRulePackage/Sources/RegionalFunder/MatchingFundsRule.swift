import ClusterKitCore

/// `example-region/matching-funds`: the Region pays at most as much as the members do — its subsidy may not exceed
/// a percentage (100 by default) of the membership fees.
///
/// A regional funder's own requirement, of the kind the memento reports funders making (Mecabourg's funders demand
/// that self-financing cover at least the animation costs). This funder and its scheme are fictional: the rule
/// shows how a host writes one, with its own namespace, parameters, bilingual messages, examples, explanation and
/// remediation.
public struct MatchingFundsRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The most the Region pays, in percent of the membership fees.
    public static let matchPercent = Parameter<Int>(
        "matchPercent", default: 100,
        english: "Most the Region pays, in percent of the membership fees.",
        french: "Plafond de la subvention régionale, en pourcentage des cotisations.")

    /// The Region pays more than its share of the fees.
    public static let over = MessageTemplate(
        id: "example-region/matching-funds.over",
        english: "The Region pays {region}, more than {percent}% of the {fees} of membership fees ({maximum}): {over} over.",
        french: "La Région verse {region}, plus de {percent} % des {fees} de cotisations ({maximum}) : {over} de trop.")

    /// The fix: ask the Region for less, or raise the fees.
    public static let reduce = MessageTemplate(
        id: "example-region/matching-funds.reduce",
        english: "ask the Region for {amount} less, or raise membership fees so that they match its subsidy",
        french: "demander {amount} de moins à la Région, ou relever les cotisations à hauteur de sa subvention")

    public static let description = RuleDescription(
        id: RuleID("matching-funds", namespace: "example-region"),
        name: LocalizedText(english: "Regional matching funds", french: "Contrepartie des cotisations"),
        rationale: LocalizedText(
            english: """
                The Region supports clusters whose members commit: it pays at most one euro for each euro of \
                membership fees (a percentage the scheme can change). Regional subsidies above the fees mean the \
                cluster depends on the Region more than on its members.
                """,
            french: """
                La Région soutient les clusters dont les membres s'engagent : elle verse au plus un euro par euro de \
                cotisations (un pourcentage que le dispositif peut changer). Une subvention régionale supérieure aux \
                cotisations signale un cluster qui dépend davantage de la Région que de ses membres.
                """),
        citation: Citation(document: "Example Region, cluster support scheme (fictional)", location: "art. 4"),
        defaultSeverity: .warning,
        parameters: [matchPercent],
        messages: [over, reduce],
        triggeringExamples: [
            RuleExample(
                Budget.balanced(
                    ClusterProfile(name: "Cosmetic Valley", kind: .pole),
                    resources: [.line(.region, 250_000), .line(.membershipFees, 200_000), .line(.state, 200_000)]),
                note: "Cosmetic Valley 2013: 250,000 from the regions against 200,000 of fees."),
            RuleExample(
                Budget.balanced(
                    ClusterProfile(name: "x"), resources: [.line(.region, 100_001), .line(.membershipFees, 100_000)]),
                note: "One euro over."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(
                    ClusterProfile(name: "Mecabourg"),
                    resources: [.line(.region, 50_000), .line(.membershipFees, 95_000), .line(.department, 60_000)]),
                note: "Mecabourg 2013: 50,000 from the region against 95,000 of fees."),
            RuleExample(
                Budget.balanced(ClusterProfile(name: "x"), resources: [.line(.region, 100_000), .line(.membershipFees, 100_000)]),
                note: "Exactly one euro per euro."),
            RuleExample(
                Budget.balanced(
                    ClusterProfile(name: "Cosmetic Valley", kind: .pole),
                    resources: [.line(.region, 250_000), .line(.membershipFees, 200_000)]),
                parameters: ["matchPercent": .integer(150)],
                note: "A scheme matching 150% of the fees allows 300,000."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let metrics = context.metrics
        let percent = try context.value(of: Self.matchPercent)
        let region = metrics.total(ofSource: .region)
        let fees = metrics.total(of: .membershipFees)
        // The most the Region may pay: fees × percent / 100, exact, rounded down to the cent (a ceiling not to pass).
        let maximum = try fees.amount.portion(Share(Int64(percent), over: 100), rounding: .down)
        guard region.amount > maximum else { return [] }
        let over = try region.amount - maximum
        let arguments: MessageArguments = [
            "region": .money(region.amount), "fees": .money(fees.amount), "percent": .integer(percent),
            "maximum": .money(maximum), "over": .money(over),
        ]
        return [
            context.diagnostic(
                Self.over, arguments, measured: .money(region.amount),
                threshold: .money(maximum), lines: region.lines + fees.lines,
                // The fix comes off the Region's lines only (the fees' lines are named too, as the figure compared).
                remediation: Remediation(context.option(over, Self.reduce, move: .remove(from: region.lines))),
                explanation: [
                    ExplanationItem(LocalizedText(english: "Regional subsidy", french: "Subvention régionale"), .money(region.amount)),
                    ExplanationItem(LocalizedText(english: "Membership fees", french: "Cotisations"), .money(fees.amount)),
                    ExplanationItem(LocalizedText(english: "Matching rate (%)", french: "Taux de contrepartie (%)"), .integer(percent)),
                    ExplanationItem(LocalizedText(english: "Most the Region may pay", french: "Plafond régional"), .money(maximum)),
                ])
        ]
    }
}
