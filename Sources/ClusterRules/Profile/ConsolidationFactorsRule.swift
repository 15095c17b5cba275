import ClusterKitCore

/// `consolidation-factors`: which of the variables that favour the consolidation of a cluster's economic model
/// hold, which are missing, and which the budget does not state.
public struct ConsolidationFactorsRule: Rule {
    /// Creates the rule.
    public init() {}

    /// A favourable variable a budget file can show.
    package enum Factor: String, Hashable, Sendable, CaseIterable {
        /// More than 3 years of existence.
        case age
        /// More than 50 members.
        case members
        /// Analytic accounting, a dashboard, or a tool that reports the impact of projects.
        case monitoring

        /// The variable's name, with the rule's thresholds.
        func name(minimumAge: Int, minimumMembers: Int) -> LocalizedText {
            switch self {
            case .age: LocalizedText(english: "more than \(minimumAge) years of existence", french: "plus de \(minimumAge) ans d'existence")
            case .members: LocalizedText(english: "more than \(minimumMembers) members", french: "plus de \(minimumMembers) membres")
            case .monitoring:
                LocalizedText(
                    english: "monitoring tools (analytic accounting, dashboard)",
                    french: "des outils de suivi et de pilotage (comptabilité analytique, tableau de bord)")
            }
        }
    }

    /// Whether a favourable variable holds for a budget.
    package enum Status: Hashable, Sendable {
        /// It holds.
        case holds
        /// It does not hold.
        case missing
        /// The budget does not say.
        case unknown
    }

    static let minimumAge = Parameter<Int>("minimumAge", default: defaultThresholds.age, english: "Years of existence to exceed.", french: "Années d'existence à dépasser.")
    static let minimumMembers = Parameter<Int>("minimumMembers", default: defaultThresholds.members, english: "Members to exceed.", french: "Nombre d'adhérents à dépasser.")

    static let summary = MessageTemplate(
        id: "consolidation-factors.summary",
        english: "Favourable to consolidating the economic model — present: {held}; missing: {missing}; not stated in the budget: {unknown}. Weigh also what a budget cannot show: the place of SMEs, a market orientation, companies' involvement in governance, the standing in the local ecosystem.",
        french: "Variables favorables à la consolidation du modèle économique — réunies : {held} ; absentes : {missing} ; non indiquées dans le budget : {unknown}. À apprécier aussi, ce qu'un budget ne montre pas : la place des PME, l'orientation « marché », l'implication des entreprises dans la gouvernance, l'insertion dans l'écosystème local.")

    public static let description = RuleDescription(
        id: "consolidation-factors",
        name: LocalizedText(english: "Factors of consolidation", french: "Facteurs de consolidation"),
        rationale: LocalizedText(
            english: """
                The memento lists the variables that favour the consolidation of a cluster's economic model. Three \
                can be read from a budget file: more than 3 years of existence (trust among members takes time), more \
                than 50 members, and monitoring tools — time tracking, analytic accounting, a dashboard that shows \
                the value of membership and measures the impact on companies over time. The others need a human \
                eye: a large place for SMEs, a market orientation and a real will to act commercially together, \
                actions with short- and medium-term returns, companies strongly involved in governance, and a good \
                standing in the local ecosystem. This note says which of the three hold, which are missing, and which \
                the budget does not state; it stays silent when all three hold.
                """,
            french: """
                Le mémento dresse la liste des variables favorables à la consolidation du modèle économique d'un \
                cluster. Trois se lisent dans un fichier budgétaire : plus de 3 ans d'existence (la confiance entre \
                membres demande du temps), plus de 50 membres, et des outils de suivi — suivi des temps, comptabilité \
                analytique, tableau de bord qui valorise l'action du cluster et mesure dans le temps les impacts pour \
                les entreprises. Les autres demandent un regard humain : une place importante des PME, une \
                orientation « marché » et une volonté réelle d'actions commerciales communes, des actions à retombées \
                à court et moyen terme, une implication très forte des entreprises dans la gouvernance, une bonne \
                insertion dans l'écosystème local. Cette note indique lesquelles des trois sont réunies, lesquelles \
                manquent, et lesquelles le budget n'indique pas ; elle se tait quand les trois sont réunies.
                """),
        citation: Memento.consolidation,
        defaultSeverity: .note,
        parameters: [minimumAge, minimumMembers],
        messages: [summary],
        triggeringExamples: [
            RuleExample(
                Budget.balanced(exampleCluster(founded: 2011, members: 100), resources: [.line(.region, 290_000), .line(.membershipFees, 210_000)]),
                note: "Soliage 2013: created in 2011, about 100 members; monitoring not stated."),
            RuleExample(
                Budget.balanced(
                    ClusterProfile(name: "Example", founded: 2005, members: 40, analyticAccounting: true),
                    resources: [.line(.region, 50_000), .line(.membershipFees, 50_000)]),
                note: "40 members: one favourable variable missing."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(
                    ClusterProfile(name: "PLAB", founded: 1992, members: 94, analyticAccounting: true),
                    resources: [.line(.region, 46_000), .line(.membershipFees, 54_000)]),
                note: "PLAB: founded in 1992, 94 members, analytic follow-up of each collective action."),
            RuleExample(
                Budget.balanced(
                    ClusterProfile(name: "Example", founded: 2009, members: 51, impactReporting: true),
                    resources: [.line(.region, 50_000), .line(.membershipFees, 50_000)]),
                note: "Four years, 51 members, and a tool reporting the impact of projects."),
        ])

    /// The status of each favourable variable for a budget.
    package static func statuses(of budget: Budget, minimumAge: Int, minimumMembers: Int) -> [Factor: Status] {
        Dictionary(uniqueKeysWithValues: Factor.allCases.map {
            ($0, status(of: $0, budget, minimumAge: minimumAge, minimumMembers: minimumMembers))
        })
    }

    /// The status of one favourable variable for a budget.
    static func status(of factor: Factor, _ budget: Budget, minimumAge: Int, minimumMembers: Int) -> Status {
        let cluster = budget.cluster
        func status(_ value: Bool?) -> Status { value.map { $0 ? .holds : .missing } ?? .unknown }
        switch factor {
        case .age: return status(budget.age.map { $0 > minimumAge })
        case .members: return status(cluster.members.map { $0 > minimumMembers })
        case .monitoring: return cluster.impactReporting ? .holds : status(cluster.analyticAccounting)
        }
    }

    /// The thresholds of the memento: more than 3 years, more than 50 members.
    static let defaultThresholds = (age: 3, members: 50)

    /// The variables' names with the default thresholds, written once rather than at every evaluation.
    static let defaultNames = names(minimumAge: defaultThresholds.age, minimumMembers: defaultThresholds.members)

    /// The variables' names with these thresholds.
    static func names(minimumAge: Int, minimumMembers: Int) -> [(Factor, LocalizedText)] {
        Factor.allCases.map { ($0, $0.name(minimumAge: minimumAge, minimumMembers: minimumMembers)) }
    }

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let minimumAge = try context.value(of: Self.minimumAge)
        let minimumMembers = try context.value(of: Self.minimumMembers)
        // One pass over the three variables, each name written once (with the default thresholds, never).
        let named = (minimumAge, minimumMembers) == Self.defaultThresholds
            ? Self.defaultNames : Self.names(minimumAge: minimumAge, minimumMembers: minimumMembers)
        var held: [LocalizedText] = [], missing: [LocalizedText] = [], unknown: [LocalizedText] = []
        for (factor, name) in named {
            switch Self.status(of: factor, context.budget, minimumAge: minimumAge, minimumMembers: minimumMembers) {
            case .holds: held.append(name)
            case .missing: missing.append(name)
            case .unknown: unknown.append(name)
            }
        }
        guard held.count < named.count else { return [] }
        /// The names as one argument, joined for the language when the message is rendered.
        func names(_ texts: [LocalizedText]) -> MessageArgument {
            texts.isEmpty ? .localized(LocalizedText(english: "none", french: "aucune")) : .localizedList(texts)
        }
        return [
            context.diagnostic(
                Self.summary,
                ["held": names(held), "missing": names(missing), "unknown": names(unknown)],
                measured: .count(held.count), threshold: .count(named.count),
                explanation: [
                    ExplanationItem(
                        LocalizedText(english: "Age (years)", french: "Ancienneté (années)"),
                        context.budget.age.map { .integer($0) } ?? .notStated),
                    ExplanationItem(
                        LocalizedText(english: "Members", french: "Adhérents"),
                        context.budget.cluster.members.map { .integer($0) } ?? .notStated),
                    ExplanationItem(
                        LocalizedText(english: "Analytic accounting", french: "Comptabilité analytique"),
                        context.budget.cluster.analyticAccounting.map { .yesNo($0) } ?? .notStated),
                    ExplanationItem(
                        LocalizedText(english: "Impact reporting", french: "Outil de suivi de l'impact"),
                        .yesNo(context.budget.cluster.impactReporting)),
                ])
        ]
    }
}
