import ClusterKitCore

/// `forecast-variance`: on realised accounts that carry their forecast (a compte rendu financier), each line whose
/// realisation differs from its forecast by more than both thresholds — the gaps the funder asks the association to
/// explain.
public struct ForecastVarianceRule: Rule {
    /// Creates the rule.
    public init() {}

    static let relativeThreshold = Parameter<Share>(
        "relativeThreshold", default: Share(percent: 20),
        english: "Gap to the forecast, as a share of the forecast, beyond which a line is reported (our default: 20%).",
        french: "Écart à la prévision, en part de la prévision, au-delà duquel une ligne est signalée (valeur par défaut de ClusterKit : 20 %).",
        defaultIsOurs: true)
    static let absoluteThreshold = Parameter<Money>(
        "absoluteThreshold", default: Money(major: 10_000),
        english: "Gap to the forecast, in money, beyond which a line is reported (our default: 10,000).",
        french: "Écart à la prévision, en montant, au-delà duquel une ligne est signalée (valeur par défaut de ClusterKit : 10 000).",
        defaultIsOurs: true)

    static let above = MessageTemplate(
        id: "forecast-variance.above",
        english: "Line {line}: {realised} realised against {forecast} forecast, {gap} more ({relative}): explain the gap in the compte rendu financier.",
        french: "Ligne {line} : {realised} réalisés pour {forecast} prévus, soit {gap} de plus ({relative}) : expliquer l'écart dans le compte rendu financier.")
    static let below = MessageTemplate(
        id: "forecast-variance.below",
        english: "Line {line}: {realised} realised against {forecast} forecast, {gap} less ({relative}): explain the gap in the compte rendu financier.",
        french: "Ligne {line} : {realised} réalisés pour {forecast} prévus, soit {gap} de moins ({relative}) : expliquer l'écart dans le compte rendu financier.")

    public static let description = RuleDescription(
        id: "forecast-variance",
        name: LocalizedText(english: "Gaps between forecast and realisation", french: "Écarts entre prévision et réalisation"),
        rationale: LocalizedText(
            english: """
                The compte rendu financier (Cerfa 15059) every subsidised association files sets each line's \
                realisation beside its forecast and asks for the significant gaps to be explained. On realised \
                accounts that give their forecast (`forecast`), the rule reports each line whose gap is more than \
                both thresholds: our defaults, 20% of the forecast and 10,000. They are ClusterKit's, not the form's \
                or the memento's: a funder sets its own.
                """,
            french: """
                Le compte rendu financier (Cerfa 15059) que remet toute association subventionnée met la réalisation \
                de chaque ligne en regard de sa prévision et demande d'expliquer les écarts significatifs. Sur des \
                comptes réalisés qui donnent leur prévision (`forecast`), la règle signale chaque ligne dont l'écart \
                dépasse les deux seuils : par défaut 20 % de la prévision et 10 000. Ces seuils sont ceux de \
                ClusterKit, non du formulaire ni du mémento : un financeur fixe les siens.
                """),
        citation: Citation(document: "Compte rendu financier de subvention (Cerfa n° 15059)"),
        defaultSeverity: .warning,
        parameters: [relativeThreshold, absoluteThreshold],
        messages: [above, below],
        triggeringExamples: [
            RuleExample(
                Budget(
                    cluster: exampleCluster(), year: 2013,
                    resources: [.line(.region, 100_000), .line(.events, 30_000)],
                    expenses: [ExpenseLine(id: "operating", amount: Money(major: 130_000), nature: .operating)],
                    statement: .realised, forecast: ["events": Money(major: 50_000), "region": Money(major: 100_000)]),
                note: "Events realised at 30,000 against 50,000 forecast: 20,000 less, 40%."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget(
                    cluster: exampleCluster(), year: 2013,
                    resources: [.line(.region, 100_000), .line(.events, 40_000)],
                    expenses: [ExpenseLine(id: "operating", amount: Money(major: 140_000), nature: .operating)],
                    statement: .realised, forecast: ["events": Money(major: 50_000)]),
                note: "10,000 less than forecast: not more than the 10,000 threshold."),
            RuleExample(
                Budget(
                    cluster: exampleCluster(), year: 2013,
                    resources: [.line(.region, 900_000), .line(.events, 100_000)],
                    expenses: [ExpenseLine(id: "operating", amount: Money(major: 1_000_000), nature: .operating)],
                    statement: .realised, forecast: ["region": Money(major: 850_000)]),
                note: "50,000 more than forecast, but 5.9% of it: under 20%."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let budget = context.budget
        guard budget.statement == .realised, !budget.forecast.isEmpty else { return [] }
        let relativeThreshold = try context.value(of: Self.relativeThreshold)
        let absoluteThreshold = try context.value(of: Self.absoluteThreshold)
        let realised = budget.expenses.map { ($0.id, $0.amount) } + budget.resources.map { ($0.id, $0.amount) }
        var found: [Diagnostic] = []
        for (id, amount) in realised {
            guard let forecast = budget.forecast[id] else { continue }
            // Forecast amounts are bounded when the budget is checked: the difference fits.
            let difference = try amount - forecast
            guard let gap = difference.magnitude, gap > absoluteThreshold else { continue }
            let relative = Share(gap, of: forecast)
            if let relative, relative <= relativeThreshold { continue }
            let relativeText: MessageArgument = relative.map { .share($0) }
                ?? .localized(LocalizedText(english: "nothing was forecast", french: "rien n'était prévu"))
            found.append(
                context.diagnostic(
                    difference.minorUnits > 0 ? Self.above : Self.below,
                    [
                        "line": .text(id), "realised": .money(amount), "forecast": .money(forecast), "gap": .money(gap),
                        "relative": relativeText,
                    ],
                    measured: .money(gap), threshold: .money(absoluteThreshold), lines: [id],
                    explanation: [
                        ExplanationItem(LocalizedText(english: "Forecast", french: "Prévision"), .money(forecast)),
                        ExplanationItem(LocalizedText(english: "Realised", french: "Réalisation"), .money(amount)),
                        ExplanationItem(LocalizedText(english: "Gap", french: "Écart"), .money(gap)),
                        ExplanationItem(LocalizedText(english: "Threshold, amount", french: "Seuil, montant"), .money(absoluteThreshold)),
                        ExplanationItem(
                            LocalizedText(english: "Threshold, share of the forecast", french: "Seuil, part de la prévision"),
                            .share(relativeThreshold)),
                    ]))
        }
        return found
    }
}
