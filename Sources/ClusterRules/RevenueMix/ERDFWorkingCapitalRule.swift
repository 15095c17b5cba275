import ClusterKitCore

/// `erdf-working-capital`: the money a cluster carries before it is paid — European funds (passed on to partners or
/// not), events, services billed beyond their forecast — against the working capital it needs, and the reserves when
/// the file gives them. The id keeps its first name (European funds), which configurations use.
public struct ERDFWorkingCapitalRule: Rule {
    /// Creates the rule.
    public init() {}

    static let present = MessageTemplate(
        id: "erdf-working-capital.present",
        english: "{amount} ({share} of resources) is money the cluster carries before it is paid — {parts}: mind the working capital it needs{erdf}.",
        french: "{amount} ({share} des ressources) sont des sommes que le cluster porte avant d'être payé — {parts} : attention au fonds de roulement qu'elles demandent{erdf}.")
    static let covered = MessageTemplate(
        id: "erdf-working-capital.covered",
        english: "{amount} ({share} of resources) is money the cluster carries before it is paid — {parts}; its reserves of {reserves} cover it{erdf}.",
        french: "{amount} ({share} des ressources) sont des sommes que le cluster porte avant d'être payé — {parts} ; ses réserves de {reserves} les couvrent{erdf}.")
    static let short = MessageTemplate(
        id: "erdf-working-capital.short",
        english: "{amount} ({share} of resources) is money the cluster carries before it is paid — {parts}; its reserves of {reserves} cover {coverage} of it: ask the funders for advances, or finance the working capital (« Financer le BFR », p. 68){erdf}.",
        french: "{amount} ({share} des ressources) sont des sommes que le cluster porte avant d'être payé — {parts} ; ses réserves de {reserves} en couvrent {coverage} : demander des avances aux financeurs, ou financer le BFR (p. 68){erdf}.")

    static let erdfWords = LocalizedText(
        english: "; European funds also come with heavy administrative constraints",
        french: " ; les fonds européens s'accompagnent en outre de lourdes contraintes administratives")

    public static let description = RuleDescription(
        id: "erdf-working-capital",
        name: LocalizedText(english: "Working capital: European funds, events, services", french: "Fonds de roulement : fonds européens, événementiels, services"),
        rationale: LocalizedText(
            english: """
                Some of a cluster's money arrives after it is spent, and the memento names each: European funds \
                (FEDER) come with administrative constraints and weigh on working capital, the cluster paying before \
                it is reimbursed (p. 13) — passed on to project partners or not, since the cluster advances its \
                partners' shares too; events carry « un risque financier important » and « le besoin de fonds de \
                roulement » (p. 52); and the working group asks funders to finance the working capital that growing \
                private services and collective actions need (p. 68). The rule adds up what the budget carries: its \
                European funds (lines of source `erdf`, passed-on ones included), its events, and, on realised \
                accounts with their forecast, the services billed beyond the forecast (a single budget shows growth \
                nowhere else). When the file gives the reserves held at the start of the year (`reserves`), it says \
                whether they cover that sum. A note: the memento gives no ratio of working capital to revenue, and \
                the sum carried is an upper bound of the need, which depends on payment delays the budget does not \
                give.
                """,
            french: """
                Une partie de l'argent d'un cluster arrive après avoir été dépensée, et le mémento en nomme chaque \
                source : les fonds européens (FEDER) s'accompagnent de contraintes administratives et pèsent sur le \
                fonds de roulement, le cluster payant avant d'être remboursé (p. 13) — qu'ils soient reversés à des \
                partenaires ou non, le cluster avançant aussi leurs parts ; les événementiels portent « un risque \
                financier important » et « le besoin de fonds de roulement » (p. 52) ; et le groupe de travail \
                demande aux financeurs de financer le BFR lié à la montée en puissance des prestations privées et au \
                portage d'actions collectives (p. 68). La règle additionne ce que le budget porte : ses fonds \
                européens (lignes de source `erdf`, fonds reversés compris), ses événementiels et, sur des comptes \
                réalisés avec leur prévision, les services facturés au-delà de la prévision (un budget seul ne montre \
                la croissance nulle part ailleurs). Quand le fichier donne les réserves détenues en début d'exercice \
                (`reserves`), elle dit si elles couvrent cette somme. Une note : le mémento ne donne aucun ratio de \
                fonds de roulement, et la somme portée majore un besoin qui dépend de délais de paiement que le \
                budget ne donne pas.
                """),
        citation: Memento.cite("p. 13, « Feder : attention aux contraintes administratives et impact sur le fonds de roulement » ; p. 52, « des risques à la mesure des gains financiers escomptés » ; p. 68, « Financer le BFR lié à la montée en puissance des prestations privées, au portage d'actions collectives »"),
        defaultSeverity: .note,
        messages: [present, covered, short],
        triggeringExamples: [
            RuleExample(
                Budget.balanced(exampleCluster(), resources: [.line(.erdf, 100_000), .line(.region, 100_000), .line(.membershipFees, 100_000)]),
                note: "A third of the budget from the ERDF."),
            RuleExample(AerospaceValley.accounts2025, note: "Aerospace Valley 2024–2025: 1,170,000 of EU projects passed on to partners, 22.7% of income."),
            RuleExample(
                Budget.balanced(
                    caseStudy("Cosmetic Valley"),
                    resources: [.line(.events, 403_000), .line(.membershipFees, 200_000), .line(.region, 1_566_500)]),
                note: "Cosmetic Valley 2013: 403,000 of events in 2,169,500."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(exampleCluster(), resources: [.line(.state, 100_000), .line(.region, 100_000), .line(.membershipFees, 100_000)]),
                note: "No European funds, no events, no services beyond a forecast.")
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let budget = context.budget, metrics = context.metrics
        let currency = budget.currency
        var total = Money(minorUnits: 0, currency: currency)
        var parts: [LocalizedText] = [], lines: [String] = []
        var explanation: [ExplanationItem] = []

        // European funds: every line of source erdf, passed on or not (the passed-on lines are out of the metrics'
        // source totals, not out of the cash the cluster advances).
        var erdf = Money(minorUnits: 0, currency: currency), passed = erdf
        var inferred = false
        for line in budget.resources where line.source == .erdf {
            erdf = try erdf.adding(line.amount)
            if line.passThrough { passed = try passed.adding(line.amount) }
            if line.passThroughInferred { inferred = true }
            lines.append(line.id)
        }
        if !erdf.isZero {
            total = try total.adding(erdf)
            let label = LocalizedText(english: "European funds (ERDF)", french: "Fonds européens (FEDER)")
            explanation.append(ExplanationItem(label, .money(erdf)))
            if passed.isZero {
                parts.append(LocalizedText(english: "European funds \(erdf.formatted(in: .english))", french: "fonds européens \(erdf.formatted(in: .french))"))
            } else if passed == erdf {
                explanation.append(ExplanationItem(LocalizedText(english: "of which passed on to partners", french: "dont reversés aux partenaires"), .money(passed)))
                parts.append(LocalizedText(
                    english: "European funds \(erdf.formatted(in: .english)), all passed on to partners\(inferred ? " (inferred)" : "")",
                    french: "fonds européens \(erdf.formatted(in: .french)), entièrement reversés aux partenaires\(inferred ? " (inféré)" : "")"))
            } else {
                explanation.append(ExplanationItem(LocalizedText(english: "of which passed on to partners", french: "dont reversés aux partenaires"), .money(passed)))
                parts.append(LocalizedText(
                    english: "European funds \(erdf.formatted(in: .english)), \(passed.formatted(in: .english)) of them passed on to partners\(inferred ? " (inferred)" : "")",
                    french: "fonds européens \(erdf.formatted(in: .french)), dont \(passed.formatted(in: .french)) reversés aux partenaires\(inferred ? " (inféré)" : "")"))
            }
        }
        let events = metrics.total(ofSource: .events)
        if !events.amount.isZero {
            total = try total.adding(events.amount)
            lines += events.lines
            explanation.append(ExplanationItem(LocalizedText(english: "Events", french: "Événementiels"), .money(events.amount)))
            parts.append(LocalizedText(english: "events \(events.amount.formatted(in: .english))", french: "événementiels \(events.amount.formatted(in: .french))"))
        }
        // Services growing: on realised accounts with their forecast, what was billed beyond the forecast.
        if budget.statement == .realised, !budget.forecast.isEmpty {
            var growth = Money(minorUnits: 0, currency: currency)
            var grown: [String] = []
            for line in budget.resources where line.source == .services {
                guard let planned = budget.forecast[line.id], line.amount > planned else { continue }
                growth = try growth.adding(try line.amount.subtracting(planned))
                grown.append(line.id)
            }
            if !growth.isZero {
                total = try total.adding(growth)
                lines += grown
                explanation.append(ExplanationItem(LocalizedText(english: "Services billed beyond the forecast", french: "Services facturés au-delà de la prévision"), .money(growth)))
                parts.append(LocalizedText(
                    english: "services billed \(growth.formatted(in: .english)) beyond the forecast",
                    french: "services facturés \(growth.formatted(in: .french)) au-delà de la prévision"))
            }
        }
        guard !total.isZero, let share = Share(total, of: metrics.totalResources) else { return [] }
        explanation.append(ExplanationItem(LocalizedText(english: "Carried before payment", french: "Porté avant paiement"), .money(total)))
        explanation.append(ExplanationItem(LocalizedText.totalResources, .money(metrics.totalResources)))
        explanation.append(ExplanationItem(LocalizedText(english: "Share", french: "Part"), .share(share)))
        var arguments: MessageArguments = [
            "amount": .money(total), "share": .share(share), "parts": .localizedList(parts),
            // The remark on European funds' administrative constraints, only where there are European funds.
            "erdf": erdf.isZero ? .text("") : .localized(Self.erdfWords),
        ]
        var template = Self.present
        if let reserves = budget.reserves {
            arguments["reserves"] = .money(reserves)
            explanation.append(ExplanationItem(LocalizedText(english: "Reserves at the start of the year", french: "Réserves en début d'exercice"), .money(reserves)))
            if reserves >= total {
                template = Self.covered
            } else {
                template = Self.short
                let coverage = Share(reserves, of: total) ?? .zero
                arguments["coverage"] = .share(coverage)
                explanation.append(ExplanationItem(LocalizedText(english: "Covered by the reserves", french: "Couvert par les réserves"), .share(coverage)))
            }
        }
        return [
            context.diagnostic(
                template, arguments, measured: .share(share), lines: lines, explanation: explanation)
        ]
    }
}
