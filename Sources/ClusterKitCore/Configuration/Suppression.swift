import Foundation

/// A decision not to report a rule's diagnostic on a budget, with the reason for it.
///
/// A suppression hides the diagnostics of its rule on the budgets it names — by cluster name and year, when given —
/// that concern its line, when given. It must carry a justification, which the report shows next to what it hid
/// (`clusterkit check --show-suppressed`): a suppressed diagnostic is counted (`summary.suppressed`), never silently
/// lost. A suppression that hides nothing is reported as a note (rule `clusterkit/unused-suppression`), so that a stale or misspelt one
/// shows. A rule that fails (message `clusterkit.rule-failed`) is always reported, whatever the suppressions.
///
/// ```swift
/// let waiver = Suppression(
///     rule: "funder-dependency", cluster: "Mecabourg", line: "cg01",
///     justification: "The department's support is voted for three years (2013–2015).")
/// let engine = Engine(ruleSet: .grappe, suppressions: [waiver])
/// ```
public struct Suppression: Hashable, Sendable {
    /// The rule whose diagnostics it hides.
    public var rule: RuleID
    /// The cluster's name (`cluster.name`), or `nil` for every cluster.
    public var cluster: String?
    /// The budget's year, or `nil` for every year.
    public var year: Int?
    /// A line id the diagnostic must concern (a resource or expense `id`), or `nil` for any diagnostic of the rule.
    public var line: String?
    /// Why the diagnostic does not apply; never empty.
    public var justification: String
    /// Where the suppression is written, for messages (e.g. `clusterkit.json: suppressions[0]`).
    public var origin: String?

    /// Creates a suppression.
    /// - Precondition: `justification` is not blank. (A configuration file without one is an ``InputError``.)
    public init(
        rule: RuleID, cluster: String? = nil, year: Int? = nil, line: String? = nil, justification: String,
        origin: String? = nil
    ) {
        precondition(!Self.isBlank(justification), "a suppression must carry a justification")
        self.rule = rule
        self.cluster = cluster
        self.year = year
        self.line = line
        self.justification = justification
        self.origin = origin
    }

    /// Whether the suppression applies to a budget (its cluster and year).
    package func covers(_ budget: Budget) -> Bool {
        (cluster == nil || cluster == budget.cluster.name) && (year == nil || year == budget.year)
    }

    /// Whether the suppression hides this diagnostic of this budget.
    package func matches(_ diagnostic: Diagnostic, in budget: Budget) -> Bool {
        diagnostic.ruleID == rule && diagnostic.message.id != Engine.ruleFailedMessage.id && covers(budget)
            && (line.map(diagnostic.lines.contains) ?? true)
    }

    /// The id of the note that reports a suppression that matched nothing.
    package static let unusedRuleID = RuleID("unused-suppression", namespace: RuleSet.engineNamespace)

    /// The message of that note.
    package static let unusedMessage = MessageTemplate(
        id: "clusterkit.unused-suppression",
        english: "The suppression of {rule} ({scope}) matched no diagnostic: remove it, or correct its rule, cluster, year or line.",
        french: "La suppression déclarée pour {rule} ({scope}) ne correspond à aucun diagnostic : retirez-la, ou corrigez sa règle, son cluster, son année ou sa ligne.")

    /// Splits diagnostics of a budget into those to report and those the suppressions hide (the first matching
    /// suppression is named).
    package static func apply(
        _ suppressions: [Suppression], to diagnostics: [Diagnostic], of budget: Budget
    ) -> (reported: [Diagnostic], suppressed: [SuppressedDiagnostic]) {
        guard !suppressions.isEmpty else { return (diagnostics, []) }
        var reported: [Diagnostic] = []
        var suppressed: [SuppressedDiagnostic] = []
        for diagnostic in diagnostics {
            if let suppression = suppressions.first(where: { $0.matches(diagnostic, in: budget) }) {
                suppressed.append(SuppressedDiagnostic(diagnostic: diagnostic, suppression: suppression))
            } else {
                reported.append(diagnostic)
            }
        }
        return (reported, suppressed)
    }

    /// A note for each suppression that hid nothing in any of these budgets, in the suppressions' order.
    package static func unusedNotes(_ suppressions: [Suppression], in budgets: [BudgetReport]) -> [Diagnostic] {
        suppressions.filter { suppression in
            !budgets.contains { $0.suppressed.contains { $0.suppression == suppression } }
        }.map(\.unusedNote)
    }

    /// The note saying this suppression matched nothing; its explanation lists what the suppression asks for.
    var unusedNote: Diagnostic {
        var scope: [LocalizedText] = []
        var explanation = [ExplanationItem(LocalizedText(english: "Rule", french: "Règle"), .text(rule.description))]
        if let cluster {
            scope.append(LocalizedText(english: "cluster \(cluster)", french: "cluster \(cluster)"))
            explanation.append(ExplanationItem(LocalizedText(english: "Cluster", french: "Cluster"), .text(cluster)))
        }
        if let year {
            scope.append(LocalizedText(english: "year \(year)", french: "année \(year)"))
            explanation.append(ExplanationItem(LocalizedText(english: "Year", french: "Année"), .integer(year)))
        }
        if let line {
            scope.append(LocalizedText(english: "line \(line)", french: "ligne \(line)"))
            explanation.append(ExplanationItem(LocalizedText(english: "Line", french: "Ligne"), .text(line)))
        }
        if scope.isEmpty { scope.append(LocalizedText(english: "every budget", french: "tous les budgets")) }
        if let origin { scope.append(LocalizedText(english: origin, french: origin)) }
        explanation.append(
            ExplanationItem(LocalizedText(english: "Justification", french: "Justification"), .text(justification)))
        let joined = LocalizedText(
            english: scope.map(\.english).joined(separator: ", "), french: scope.map(\.french).joined(separator: ", "))
        return Diagnostic(
            ruleID: Self.unusedRuleID, severity: .note,
            message: Message(Self.unusedMessage, ["rule": .text(rule.description), "scope": .localized(joined)]),
            lines: line.map { [$0] } ?? [], explanation: explanation)
    }

    static func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }
}

/// A diagnostic a suppression hid, with the suppression (and so its justification).
public struct SuppressedDiagnostic: Hashable, Sendable {
    /// The diagnostic, as the rule reported it.
    public var diagnostic: Diagnostic
    /// The suppression that hid it.
    public var suppression: Suppression

    /// Creates a record of a suppressed diagnostic.
    package init(diagnostic: Diagnostic, suppression: Suppression) {
        self.diagnostic = diagnostic
        self.suppression = suppression
    }

    /// Why it is not reported.
    package var justification: String { suppression.justification }
}
