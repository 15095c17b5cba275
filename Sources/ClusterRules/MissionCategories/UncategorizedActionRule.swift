import ClusterKitCore

/// `uncategorized-action`: expense lines whose public funding the mission-category rules cannot check — no
/// category (and no regime), a category C action without its notified regime, or a regime that sets no ceiling.
public struct UncategorizedActionRule: PoleRule {
    /// Creates the rule.
    public init() {}

    static let none = MessageTemplate(
        id: "uncategorized-action.none",
        english: "{count} expense {count|line has|lines have} no mission category: {actions}; {count|its|their} public funding cannot be checked against a ceiling.",
        french: "{count} {count|ligne|lignes} de dépenses sans catégorie de mission : {actions} ; {count|son|leur} financement public ne peut être comparé à aucun plafond.")
    static let noRegime = MessageTemplate(
        id: "uncategorized-action.no-regime",
        english: "{count} category C {count|action names|actions name} no notified aid regime: {actions}; category C's ceiling is the regime's, so it cannot be checked.",
        french: "{count} {count|action|actions} de catégorie C sans régime d'aides notifié : {actions} ; le plafond de la catégorie C est celui du régime, il ne peut donc être vérifié.")
    static let noCeiling = MessageTemplate(
        id: "uncategorized-action.no-ceiling",
        english: "{count} {count|action is|actions are} under a regime that sets no ceiling for this budget: {actions} ({regimes}).",
        french: "{count} {count|action relève|actions relèvent} d'un régime qui ne fixe pas de plafond pour ce budget : {actions} ({regimes}).")

    static let ended = MessageTemplate(
        id: "uncategorized-action.ended",
        english: "{count} {count|action is|actions are} under a regime that no longer applies in this budget's year: {actions} ({regimes}, applicable until {end}); name the regime that replaces it.",
        french: "{count} {count|action relève|actions relèvent} d'un régime qui ne s'applique plus l'année de ce budget : {actions} ({regimes}, applicable jusqu'au {end}) ; indiquer le régime qui le remplace.")

    public static let description = RuleDescription(
        id: "uncategorized-action",
        name: LocalizedText(english: "Action without a ceiling", french: "Action sans plafond"),
        rationale: LocalizedText(
            english: """
                The pôles' funding guide sets a ceiling of public funding for each mission category; an action \
                whose category is not given cannot be checked against it, nor can a category C action that does \
                not say which notified aid regime applies to it, nor an action under a regime that sets no ceiling \
                for this budget (a regime that depends on the cluster's age when its founding year is unknown). \
                Giving each line a category, running costs included, lets the other rules check the budget.
                """,
            french: """
                Le guide de financement des pôles fixe un plafond de financement public par catégorie de mission ; \
                une action dont la catégorie n'est pas indiquée ne peut être vérifiée, pas plus qu'une action de \
                catégorie C qui ne dit pas quel régime d'aides notifié s'y applique, ni une action relevant d'un \
                régime qui ne fixe pas de plafond pour ce budget (un régime qui dépend de l'âge du cluster quand \
                son année de création est inconnue). Donner une catégorie à chaque ligne, fonctionnement compris, \
                permet aux autres règles de vérifier le budget.
                """),
        citation: Memento.missionCategories,
        defaultSeverity: .note,
        messages: [none, noRegime, noCeiling, ended],
        triggeringExamples: [
            RuleExample(
                poleBudget(resources: [.line(.region, 100_000)], expenses: [action("operating", 60_000, nil, nature: .operating), action("factory", 40_000, .b)]),
                note: "The running costs have no category."),
            RuleExample(
                poleBudget(resources: [.line(.region, 50_000)], expenses: [action("training", 50_000, .c)]),
                note: "A category C action that names no regime."),
            RuleExample(
                {
                    var budget = poleBudget(
                        resources: [.line(.region, 50_000), .line(.membershipFees, 50_000)],
                        expenses: [action("animation", 100_000, nil, regime: .gberInnovationClusterOperating, nature: .operating)])
                    budget.year = 2027
                    return budget
                }(),
                note: "A 2027 budget whose animation is under the GBER's article 27, which applies until 31 December 2026."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                poleBudget(
                    resources: [.line(.region, 100_000)],
                    expenses: [action("operating", 60_000, .b, nature: .operating), action("training", 40_000, .c, regime: .nn120_90)]),
                note: "Every line has a category, and the category C action its regime."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        var uncategorized: [String] = [], missingRegime: [String] = [], noCeiling: [String] = []
        var regimes: [String] = [], ended: [String] = [], endedRegimes: [String] = [], ends: [String] = []
        var endDates: [CalendarDate] = []
        for entry in ActionCeilings(context).entries {
            switch entry.status {
            case .capped: break
            case .uncategorized: uncategorized.append(entry.funding.id)
            case .missingRegime: missingRegime.append(entry.funding.id)
            case .noCeiling(let regime):
                if let aid = context.catalog.regime(regime) as? StateAidRegime, aid.hasEnded(for: context.budget),
                    let end = aid.applicableUntil
                {
                    ended.append(entry.funding.id)
                    if !endedRegimes.contains(regime.rawValue) { endedRegimes.append(regime.rawValue) }
                    if !ends.contains(end.description) { ends.append(end.description) }
                    endDates.append(end)
                    continue
                }
                noCeiling.append(entry.funding.id)
                if !regimes.contains(regime.rawValue) { regimes.append(regime.rawValue) }
            }
        }
        // Named in prose once for all: a budget may hold 100,000 lines, every one of them uncategorized.
        // Gathered only when a line is named: nothing is built on a budget the rule passes.
        var names = LazyLineNames(context.budget)
        var found: [Diagnostic] = []
        for (message, lines) in [
            (Self.none, uncategorized), (Self.noRegime, missingRegime),
            (Self.noCeiling, noCeiling),
        ] where !lines.isEmpty {
            found.append(
                context.diagnostic(
                    message,
                    ["count": .integer(lines.count), "actions": names.get().list(lines), "regimes": .list(regimes)],
                    measured: .count(lines.count), lines: lines,
                    explanation: [
                        ExplanationItem(LocalizedText(english: "Expense lines", french: "Lignes de dépenses"), .integer(context.budget.expenses.count)),
                        ExplanationItem(LocalizedText(english: "Lines without a ceiling, for this reason", french: "Lignes sans plafond, pour cette raison"), .list(lines)),
                    ]))
        }
        if !ended.isEmpty {
            let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
            let mois = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
            let end = endDates.max()!
            let day = LocalizedText(
                english: "\(end.day) \(months[end.month - 1]) \(end.year)",
                french: "\(end.day == 1 ? "1er" : String(end.day)) \(mois[end.month - 1]) \(end.year)")
            found.append(
                context.diagnostic(
                    Self.ended,
                    ["count": .integer(ended.count), "actions": names.get().list(ended), "regimes": .list(endedRegimes), "end": .localized(day)],
                    measured: .count(ended.count), lines: ended,
                    explanation: [
                        ExplanationItem(LocalizedText(english: "Expense lines", french: "Lignes de dépenses"), .integer(context.budget.expenses.count)),
                        ExplanationItem(LocalizedText(english: "Regime applicable until", french: "Régime applicable jusqu'au"), .localized(day)),
                        ExplanationItem(LocalizedText(english: "Lines under a regime that has ended", french: "Lignes relevant d'un régime échu"), .list(ended)),
                    ]))
        }
        return found
    }
}
