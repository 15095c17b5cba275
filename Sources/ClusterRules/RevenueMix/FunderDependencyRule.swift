import ClusterKitCore

/// `funder-dependency`: one funder pays more than half of the budget. A note by default (our choice): the memento
/// holds up Neopolia, heavily publicly funded, as « un exemple à suivre ». A public line with no funder and a generic
/// label is not one funder: a note asks for the split. A note for a cluster under 3 years old.
public struct FunderDependencyRule: Rule {
    /// Creates the rule.
    public init() {}

    static let threshold = Parameter<Share>(
        "threshold", default: Share(percent: 50), english: "Largest share of resources one funder should pay.",
        french: "Part maximale des ressources qu'un seul financeur devrait apporter.", defaultIsOurs: true)

    static let over = MessageTemplate(
        id: "funder-dependency.over",
        english: "{funder} pays {share} of resources ({part} of {total}), over {threshold}: the end of its support or a budget cut would endanger the cluster.",
        french: "Un seul financeur, {funder}, apporte {share} des ressources ({part} sur {total}), au-delà de {threshold} : la fin de son soutien ou une coupe budgétaire mettrait le cluster en danger.")
    static let young = MessageTemplate(
        id: "funder-dependency.young",
        english: "{funder} pays {share} of resources ({part} of {total}), over {threshold}; the cluster is {age} {age|year|years} old, and a cluster being created leans on its founding funders while self-financing is very delicate.",
        french: "Un seul financeur, {funder}, apporte {share} des ressources ({part} sur {total}), au-delà de {threshold} ; le cluster a {age} {age|an|ans}, et un cluster en création s'appuie sur ses financeurs fondateurs tant que l'autofinancement est très délicat.")
    static let aggregated = MessageTemplate(
        id: "funder-dependency.aggregated",
        english: "{lines} ({part}, {share} of resources) holds public funding without naming its funders: whether one funder pays more than {threshold} cannot be told; give the split by funder (one line each, or its `funder`).",
        french: "{lines} ({part}, soit {share} des ressources) regroupe des financements publics sans en nommer les financeurs : on ne peut dire si l'un d'eux apporte plus de {threshold} ; donner la ventilation par financeur (une ligne chacun, ou son `funder`).")
    static let replace = MessageTemplate(
        id: "funder-dependency.replace",
        english: "replace {amount} of {funder}'s funding by other resources (the total unchanged)",
        french: "remplacer {amount} de ce qu'apporte {funder} par d'autres ressources (total inchangé)")
    static let dilute = MessageTemplate(
        id: "funder-dependency.dilute",
        english: "add {amount} of resources from others, keeping {funder}'s funding",
        french: "ajouter {amount} de ressources d'autres origines, en conservant ce qu'apporte {funder}")

    public static let description = RuleDescription(
        id: "funder-dependency",
        name: LocalizedText(english: "Dependency on one funder", french: "Dépendance à un financeur"),
        rationale: LocalizedText(
            english: """
                Public budgets are constrained and supports end: DATAR's triennial support to the grappes was coming \
                to term when the memento was written. A cluster that one funder pays for more than half is one \
                decision away from losing its balance. Funders are the public bodies, and the private parties a line \
                names as its `funder` (membership fees from many members are not one funder). The 50% default is ours, and \
                so is the note: the memento presents Neopolia, with « un investissement massif et exceptionnel des \
                pouvoirs publics », as « un exemple à suivre » (p. 25). Raise the severity where a funder's exit is a \
                risk. A public line with no `funder` and a generic label (« 74 – Subventions d'exploitation », \
                « Subventions publiques ») holds funders the table does not name: it is not one funder, and the note \
                asks for the split. A cluster under 3 years old gets a note (unless a configuration sets the severity): \
                a cluster being created leans on its founding funders (« autofinancement très délicat pour les clusters en \
                création », p. 21).
                """,
            french: """
                Les budgets publics sont contraints et les soutiens ont une fin : le soutien triennal de la DATAR aux \
                grappes arrivait à échéance lors de la rédaction du mémento. Un cluster financé à plus de moitié par \
                un seul financeur est à une décision de perdre son équilibre. Sont des financeurs les organismes \
                publics, et les parties privées qu'une ligne nomme dans `funder` (les cotisations de nombreux membres \
                ne sont pas un financeur). Le seuil de 50 % est une valeur de ClusterKit, comme le choix d'une note : le \
                mémento présente Neopolia, objet d'« un investissement massif et exceptionnel des pouvoirs publics », \
                comme « un exemple à suivre » (p. 25). Relever la gravité là où le retrait d'un financeur est un \
                risque. Une ligne publique sans `funder` et au libellé générique (« 74 – Subventions d'exploitation », \
                « Subventions publiques ») regroupe des financeurs que le tableau ne nomme pas : ce n'est pas un \
                financeur, et la note demande la ventilation. Un cluster de moins de 3 ans reçoit une note (sauf gravité \
                fixée par une configuration) : un cluster en création s'appuie sur ses financeurs fondateurs \
                (« autofinancement très délicat pour les clusters en création », p. 21).
                """),
        citation: Memento.cite("« Mise en contexte », « Un soutien financier triennal apporté par la DATAR aux grappes d'entreprises qui arrive à échéance » ; p. 25, « Un exemple à suivre »"),
        defaultSeverity: .note,
        parameters: [threshold, FundingPurpose.minimumAge],
        messages: [over, young, aggregated, replace, dilute],
        triggeringExamples: [
            RuleExample(
                Budget.balanced(
                    exampleCluster(),
                    resources: [.line(.region, 500_001, funder: "Région"), .line(.membershipFees, 499_999)]),
                note: "One euro over half."),
            RuleExample(
                Budget.balanced(
                    exampleCluster(),
                    resources: [.line(.otherPrivate, 60_000, funder: "Orange"), .line(.membershipFees, 40_000)]),
                note: "A private funder named on its line counts too."),
            RuleExample(
                Budget.balanced(
                    ClusterProfile(name: "Soliage", kind: .grappe, founded: 2011, members: 100),
                    resources: [
                        ResourceLine(id: "subsidies", label: "74 – Subventions d'exploitation", source: .otherPublic, amount: Money(major: 290_000)),
                        ResourceLine(id: "other", label: "75 – Autres produits de gestion courante", source: .otherPrivate, amount: Money(major: 210_000)),
                    ]),
                note: "Soliage 2013 as a Cerfa 15059 gives it: 290,000 of « 74 – Subventions d'exploitation » in 500,000, 58%, from funders the line does not name: a note asking for the split, not one funder."),
            RuleExample(
                Budget.balanced(
                    exampleCluster(founded: 2012),
                    resources: [.line(.region, 60_000, funder: "Région"), .line(.membershipFees, 40_000)]),
                note: "A one-year-old cluster 60% funded by its region: a note."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(exampleCluster(), resources: [.line(.region, 50_000, funder: "Région"), .line(.state, 50_000)]),
                note: "Exactly half."),
            RuleExample(
                Budget.balanced(exampleCluster(), resources: [.line(.membershipFees, 80_000), .line(.region, 20_000)]),
                note: "Membership fees come from many members: not one funder."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let metrics = context.metrics
        let threshold = try context.value(of: Self.threshold)
        var diagnostics: [Diagnostic] = []
        let youngAge = try YoungCluster.age(context)
        // Lines that hold several unnamed public funders are not one funder: a note asking for the split.
        let aggregated = AggregatedPublicLines.lines(context)
        let aggregatedIDs = Set(aggregated.map(\.id))
        if !aggregated.isEmpty {
            var amount = Money.zero(metrics.currency)
            for line in aggregated { amount = try amount.adding(line.amount) }
            let check = ShareThreshold(
                direction: .ceiling, part: LineTotal(amount: amount, lines: aggregated.map(\.id)), whole: metrics.fundingBase,
                threshold: threshold,
                partLabel: LocalizedText(english: "Public funding, funders not named", french: "Financements publics, financeurs non nommés"))
            if check.isBreached, let share = check.share {
                // Lines named by their labels, the same in both languages.
                let names = aggregated.map { LineNames.name(label: $0.label, id: $0.id) }
                diagnostics.append(
                    context.diagnostic(
                        Self.aggregated, check.arguments.merging(["lines": .list(names)]) { $1 },
                        severity: .note, measured: .share(share), threshold: .share(threshold), lines: check.part.lines,
                        explanation: [
                            ExplanationItem(check.partLabel, .money(amount)),
                            ExplanationItem(check.wholeName(metrics), .money(metrics.fundingBase)),
                            ExplanationItem(LocalizedText(english: "Share", french: "Part"), .share(share)),
                            ExplanationItem(LocalizedText(english: "Ceiling", french: "Plafond"), .share(threshold)),
                        ]))
            }
        }
        for entry in metrics.funderTotals {
            let funder = entry.key, total = entry.total
            // A funder's lines are listed when read (a pass over the budget's lines): read once.
            if !aggregatedIDs.isEmpty {
                let lines = total.lines
                if !lines.isEmpty, lines.allSatisfy(aggregatedIDs.contains) { continue }
            }
            var check = ShareThreshold(
                direction: .ceiling, part: total, whole: metrics.fundingBase, threshold: threshold,
                partLabel: LocalizedText(english: "", french: ""), remedy: .transfer)
            guard check.isBreached else { continue }
            // The label is written only for a funder over the threshold.
            let named = FrenchArticle.withArticle(funder)
            check.partLabel = LocalizedText(english: "Paid by \(funder)", french: "Apporté par \(named)")
            // In French prose a funder's name takes its article where its first word tells it (« la Région
            // Rhône-Alpes », « l'État »); the templates put it after « par », « qu' » or a comma, never after « de ».
            var arguments: MessageArguments = [
                "funder": named == funder ? .text(funder) : .localized(LocalizedText(english: funder, french: named)),
            ]
            if let youngAge { arguments["age"] = .integer(youngAge) }
            let dilute = Share.dilutionToReach(threshold, part: total.amount, of: metrics.fundingBase).map {
                [context.option($0, Self.dilute, arguments, move: .addResource(context.newPrivateRevenue))]
            } ?? []
            // The replacement: the same kind of resource as the funder's largest line (the first by id among equals,
            // so that the order of the budget's lines changes nothing), from another funder.
            let lines = total.lines, funded = Set(lines)
            let source = context.budget.resources.filter { funded.contains($0.id) }
                .min { $0.amount != $1.amount ? $0.amount > $1.amount : $0.id < $1.id }?.source ?? .otherPrivate
            let other = ResourceLine.remedy(source, metrics.currency, label: "another funder", funder: "another funder")
            if let diagnostic = try check.diagnostic(
                context, message: youngAge == nil ? Self.over : Self.young, fix: Self.replace, alternatives: dilute,
                severity: youngAge == nil ? nil : .note, extraArguments: arguments, fixMove: .move(from: lines, to: other))
            {
                diagnostics.append(diagnostic)
            }
        }
        return diagnostics
    }
}
