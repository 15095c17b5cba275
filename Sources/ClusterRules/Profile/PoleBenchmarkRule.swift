import ClusterKitCore

/// `pole-benchmark`: for pôles de compétitivité, the budget's mix against the pôles' averages of the 2012 evaluation
/// (the budget and the public share of 2011, sales of services and success fees of 2012).
public struct PoleBenchmarkRule: PoleRule {
    /// Creates the rule.
    public init() {}

    static let averageBudget = Parameter<Money>("averageBudget", default: Money(major: 1_090_000), english: "The pôles' average budget in 2011.", french: "Budget moyen des pôles en 2011.")
    static let averageMembershipFees = Parameter<Share>("averageMembershipFees", default: Share(169, over: 1000), english: "Membership fees' average share (16.9%; the memento gives no year).", french: "Part moyenne des cotisations (16,9 % ; le mémento ne précise pas l'année).")
    static let averageServices = Parameter<Share>("averageServices", default: Share(102, over: 1000), english: "Services' average share in 2012.", french: "Part moyenne de la vente de prestations en 2012.")
    static let averageSuccessFees = Parameter<Share>("averageSuccessFees", default: Share(14, over: 1000), english: "Success fees' average share in 2012.", french: "Part moyenne des success fees en 2012.")
    static let averagePublic = Parameter<Share>("averagePublic", default: Share(percent: 68), english: "Public funding's average share in 2011 (about 68%).", french: "Part moyenne des financements publics en 2011 (environ 68 %).")

    static let mix = MessageTemplate(
        id: "pole-benchmark.mix",
        english: "Against the pôles' averages (2011 and 2012): budget {budget} (average {averageBudget}); membership fees {fees} ({averageFees}); services {services} ({averageServices}); success fees {successFees} ({averageSuccessFees}); public funding {public} (about {averagePublic}).",
        french: "Au regard de la moyenne des pôles (2011 et 2012) : budget {budget} (moyenne {averageBudget}) ; cotisations {fees} ({averageFees}) ; prestations {services} ({averageServices}) ; success fees {successFees} ({averageSuccessFees}) ; financements publics {public} (environ {averagePublic}).")

    public static let description = RuleDescription(
        id: "pole-benchmark",
        name: LocalizedText(english: "Against the pôles' averages", french: "Au regard de la moyenne des pôles"),
        rationale: LocalizedText(
            english: """
                The 2012 evaluation of the pôles de compétitivité gives their average budget: EUR 1.09 million in \
                2011, of which membership fees 16.9% (some pôles have a premium fee giving access to more services), \
                sales of services 10.2% in 2012 (up from 3% in 2008), success fees 1.4% (0.1% in 2008, four years \
                before), and public funding about 68% in 2011 (nearly 80% in 2008), the State and the regions paying \
                equal parts of 45% of the budget. The memento notes that pôles with larger budgets seem to have more private funding. This note \
                sets a pôle's mix beside those averages; it speaks of pôles only.
                """,
            french: """
                L'évaluation des pôles de compétitivité de 2012 donne leur budget moyen : 1,09 M€ sur l'exercice \
                2011, dont cotisations 16,9 % (certains pôles ayant une cotisation premium donnant droit à des \
                prestations supplémentaires), vente de prestations 10,2 % en 2012 (contre 3 % en 2008), success fees \
                1,4 % (0,1 % en 2008, quatre ans plus tôt), et financements publics environ 68 % en 2011 (près de \
                80 % en 2008), l'État et les conseils régionaux apportant à parité 45 % du budget. Le mémento relève une corrélation apparente entre le budget des \
                pôles et la part de financement privé. Cette note situe le mix d'un pôle au regard de ces moyennes ; \
                elle ne concerne que les pôles.
                """),
        citation: Memento.cite("p. 11, « Statistiques et retours d'expériences sur le budget des pôles de compétitivité en 2011 » ; « du budget des pôles en 2012 » ; « les revenus issus de success fees restent marginaux »"),
        defaultSeverity: .note,
        parameters: [averageBudget, averageMembershipFees, averageServices, averageSuccessFees, averagePublic],
        messages: [mix],
        triggeringExamples: [
            RuleExample(
                Budget.balanced(
                    caseStudy("Cosmetic Valley"),
                    resources: [.line(.region, 1_089_500), .line(.membershipFees, 200_000), .line(.services, 53_000), .line(.otherPrivate, 827_000)]),
                note: "Cosmetic Valley 2013: twice the average budget, fees 9.2%, public 50.2%.")
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(exampleCluster(kind: .grappe), resources: [.line(.region, 50_000), .line(.membershipFees, 50_000)]),
                note: "A grappe is not compared with the pôles.")
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let metrics = context.metrics
        guard context.budget.cluster.kind == .pole, let publicShare = Share(metrics.publicResources.amount, of: metrics.fundingBase)
        else { return [] }
        func share(_ kind: RevenueKind) -> Share { metrics.share(of: kind) ?? .zero }
        let averagePublic = try context.value(of: Self.averagePublic)
        let figures: [(LocalizedText, String, Share, String, Share)] = [
            (LocalizedText(english: "Membership fees", french: "Cotisations"), "fees", share(.membershipFees),
             "averageFees", try context.value(of: Self.averageMembershipFees)),
            (LocalizedText(english: "Services", french: "Prestations"), "services", share(.services),
             "averageServices", try context.value(of: Self.averageServices)),
            (LocalizedText(english: "Success fees", french: "Primes de succès (success fees)"), "successFees", share(.successFees),
             "averageSuccessFees", try context.value(of: Self.averageSuccessFees)),
            (LocalizedText(english: "Public funding", french: "Financements publics"), "public", publicShare,
             "averagePublic", averagePublic),
        ]
        var arguments: MessageArguments = [
            "budget": .money(metrics.fundingBase),
            "averageBudget": .money(try context.value(of: Self.averageBudget)),
        ]
        var explanation = [
            ExplanationItem(metrics.wholeLabel, .money(metrics.fundingBase))
        ]
        for (label, key, value, averageKey, average) in figures {
            arguments[key] = .share(value)
            arguments[averageKey] = .share(average)
            explanation.append(ExplanationItem(label, .share(value)))
        }
        return [
            context.diagnostic(
                Self.mix, arguments, measured: .share(publicShare), threshold: .share(averagePublic),
                lines: metrics.publicResources.lines, explanation: explanation)
        ]
    }
}
