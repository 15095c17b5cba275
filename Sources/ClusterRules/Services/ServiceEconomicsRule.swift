import ClusterKitCore

/// `service-economics`: each service the cluster declares with its real cost — a margin or a net cost for the cluster
/// (« producteur de marge ou coût net pour le cluster ? », p. 49), a free service at its real cost (p. 44) — and the
/// services declared without one.
public struct ServiceEconomicsRule: Rule {
    /// Creates the rule.
    public init() {}

    static let margin = MessageTemplate(
        id: "service-economics.margin",
        english: "{service} brings in {revenue} for a cost of {cost}: a margin of {result} for the cluster.",
        french: "{service} rapporte {revenue} pour un coût de {cost} : une marge de {result} pour le cluster.")
    static let netCost = MessageTemplate(
        id: "service-economics.net-cost",
        english: "{service} brings in {revenue} for a cost of {cost}: a net cost of {result} for the cluster — a choice to make knowingly, or a price to review.",
        french: "{service} rapporte {revenue} pour un coût de {cost} : un coût net de {result} pour le cluster — un choix à assumer, ou un prix à revoir.")
    static let free = MessageTemplate(
        id: "service-economics.free",
        english: "{service} is free to members and really costs {cost}: show that cost to the members (« mettre en avant le coût réel »).",
        french: "{service} est gratuit pour les membres et coûte réellement {cost} : mettre ce coût en avant auprès des membres (« mettre en avant le coût réel »).")
    static let unknown = MessageTemplate(
        id: "service-economics.unknown",
        english: "{count} {count|service has|services have} no cost in the budget: {services}; without {count|its|their} real cost, the cluster cannot tell a margin from a net cost.",
        french: "{count} {count|service n'a|services n'ont} pas de coût dans le budget : {services} ; sans {count|son|leur} coût réel, le cluster ne peut distinguer une marge d'un coût net.")

    public static let description = RuleDescription(
        id: "service-economics",
        name: LocalizedText(english: "Cost and margin of each service", french: "Coût et marge de chaque service"),
        rationale: LocalizedText(
            english: """
                The memento asks a cluster building its range of services to work out each service's economic \
                model — « producteur de marge ou coût net pour le cluster ? » (p. 49) —, to be able to measure the \
                cost of a service « qu'il soit gratuit ou payant » and to show members the real cost of the free \
                ones (p. 44), and to set the fee knowing the cost and the market value of the services it includes \
                (p. 46). A budget shows services as revenue lines only; the services a cluster declares \
                (`cluster.services`) can give what each brings in (`revenue`, zero for a free one) and what it \
                really costs (`cost`, the team's time included). The rule gives each declared service's margin or \
                net cost, the real cost of the free ones, and lists those without a cost. Notes: a net cost can be \
                a choice (a service that draws members), and the memento asks the question without answering it.
                """,
            french: """
                Le mémento demande au cluster qui bâtit sa gamme de services de construire le modèle économique de \
                chacun — « producteur de marge ou coût net pour le cluster ? » (p. 49) —, de savoir mesurer le coût \
                d'un service « qu'il soit gratuit ou payant » et de mettre en avant auprès des membres le coût réel \
                des services gratuits (p. 44), et de fixer la cotisation en connaissant le coût et la valeur \
                marchande des services qu'elle inclut (p. 46). Un budget ne montre les services que comme lignes de \
                recettes ; les services que le cluster déclare (`cluster.services`) peuvent donner ce que chacun \
                rapporte (`revenue`, zéro pour un service gratuit) et ce qu'il coûte réellement (`cost`, temps de \
                l'équipe compris). La règle donne la marge ou le coût net de chaque service déclaré, le coût réel \
                des services gratuits, et liste ceux qui n'ont pas de coût. Des notes : un coût net peut être un \
                choix (un service qui attire des membres), et le mémento pose la question sans y répondre.
                """),
        citation: Memento.cite("p. 44, « Valoriser l'ensemble des services gratuits (mettre en avant le coût réel) » ; p. 49, « Construire le modèle économique de chaque service : producteur de marge ou coût net pour le cluster ? »"),
        defaultSeverity: .note,
        messages: [margin, netCost, free, unknown],
        triggeringExamples: [
            RuleExample(
                Self.example([ServiceOffer(id: "watch", label: "Veille", revenue: Money(major: 30_000), cost: Money(major: 42_000))]),
                note: "A watch service billed 30,000 that costs 42,000: a net cost of 12,000."),
            RuleExample(
                Self.example([ServiceOffer(id: "helpdesk", label: "Conseil de premier niveau", revenue: Money(major: 0), cost: Money(major: 18_000))]),
                note: "A free service that costs 18,000."),
            RuleExample(Self.example([ServiceOffer(id: "training", label: "Formation")]), note: "A service without its cost."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(exampleCluster(), resources: [.line(.services, 40_000), .line(.region, 60_000)]),
                note: "Services billed, none declared: the budget cannot show their cost."),
        ])

    /// A budget for the examples: a grappe with the services given.
    static func example(_ services: [ServiceOffer]) -> Budget {
        var cluster = exampleCluster()
        cluster.services = services
        return Budget.balanced(cluster, resources: [.line(.services, 30_000), .line(.membershipFees, 30_000), .line(.region, 40_000)])
    }

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let services = context.budget.cluster.services
        guard !services.isEmpty else { return [] }
        var found: [Diagnostic] = []
        var unknown: [ServiceOffer] = []
        func name(_ service: ServiceOffer) -> MessageArgument {
            // The cluster's own name for the service, in its own words: not translated.
            .text(LineNames.name(label: service.label, id: service.id))
        }
        for service in services {
            guard let cost = service.cost else {
                unknown.append(service)
                continue
            }
            let revenue = service.revenue ?? Money(minorUnits: 0, currency: cost.currency)
            var explanation = [
                ExplanationItem(LocalizedText(english: "Revenue", french: "Recettes"), .money(revenue)),
                ExplanationItem(LocalizedText(english: "Real cost", french: "Coût réel"), .money(cost)),
            ]
            if revenue.isZero {
                found.append(context.diagnostic(Self.free, ["service": name(service), "cost": .money(cost)], measured: .money(cost), explanation: explanation))
            } else if revenue >= cost {
                let result = try revenue.subtracting(cost)
                explanation.append(ExplanationItem(LocalizedText(english: "Margin", french: "Marge"), .money(result)))
                found.append(context.diagnostic(
                    Self.margin, ["service": name(service), "revenue": .money(revenue), "cost": .money(cost), "result": .money(result)],
                    measured: .money(result), explanation: explanation))
            } else {
                let result = try cost.subtracting(revenue)
                explanation.append(ExplanationItem(LocalizedText(english: "Net cost", french: "Coût net"), .money(result)))
                found.append(context.diagnostic(
                    Self.netCost, ["service": name(service), "revenue": .money(revenue), "cost": .money(cost), "result": .money(result)],
                    measured: .money(result), explanation: explanation))
            }
        }
        if !unknown.isEmpty {
            found.append(context.diagnostic(
                Self.unknown,
                ["count": .integer(unknown.count), "services": .list(unknown.map { LineNames.name(label: $0.label, id: $0.id) })],
                measured: .count(unknown.count),
                explanation: [ExplanationItem(LocalizedText(english: "Services declared", french: "Services déclarés"), .integer(services.count))]))
        }
        return found
    }
}
