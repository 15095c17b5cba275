/// What a rule sees when it evaluates: the budget, its metrics, the catalogue, its parameters and severity.
///
/// The context is one value so that it can grow (a history, an allocation of public funding) without breaking the
/// rules already written against it.
public struct RuleContext: Sendable {
    /// The budget under evaluation.
    public let budget: Budget
    /// Its figures, computed once for every rule.
    public let metrics: BudgetMetrics
    /// The revenue sources (and regimes) in force.
    public let catalog: Catalog
    /// The description of the rule being evaluated.
    public var description: RuleDescription { rule.value }
    /// The severity the rule set gives the rule (its default unless overridden).
    public private(set) var severity: Severity
    /// Whether the rule set overrode the severity; rules that pick a severity themselves then keep the override.
    package private(set) var severityIsOverridden: Bool
    /// The figures of every year, when a trajectory rule (``TrajectoryRule``) evaluates a history; `nil` otherwise.
    public let history: HistoryMetrics?
    private var parameters: [String: ParameterValue]
    /// The rule's description, shared with its rule set entry rather than copied for every rule and budget.
    private var rule: DescriptionBox

    /// Creates the context of a rule judging a budget. The engine makes these; tests of a rule can too.
    package init(
        _ budget: CheckedBudget, description: RuleDescription, severity: Severity? = nil,
        parameters: [String: ParameterValue] = [:]
    ) {
        self.init(
            budget: budget.budget, metrics: budget.metrics, catalog: budget.catalog, history: nil,
            description: description, severity: severity, parameters: parameters)
    }

    /// Creates the context of a trajectory rule (``TrajectoryRule``) judging a history: its ``budget`` stands for the
    /// history as a whole (its cluster, its latest year, its currency, no lines).
    package init(
        history: CheckedHistory, description: RuleDescription, severity: Severity? = nil,
        parameters: [String: ParameterValue] = [:]
    ) {
        self.init(history: history)
        self.rule = DescriptionBox(description)
        self.severity = severity ?? description.defaultSeverity
        self.severityIsOverridden = severity != nil
        self.parameters = parameters
    }

    /// The engine's context for a history as a whole, to bind to each trajectory rule in turn: its `budget` stands
    /// for the history (cluster, latest year, currency, no lines).
    init(history: CheckedHistory) {
        let standIn = history.history.standIn
        self.init(
            budget: standIn, metrics: BudgetMetrics(withoutLines: standIn), catalog: history.catalog,
            history: history.metrics)
    }

    /// A context bound to a rule.
    private init(
        budget: Budget, metrics: BudgetMetrics, catalog: Catalog, history: HistoryMetrics?, description: RuleDescription,
        severity: Severity?, parameters: [String: ParameterValue]
    ) {
        self.budget = budget
        self.metrics = metrics
        self.catalog = catalog
        self.rule = DescriptionBox(description)
        self.severity = severity ?? description.defaultSeverity
        self.severityIsOverridden = severity != nil
        self.parameters = parameters
        self.history = history
    }

    /// The engine's context for one budget, to bind to each rule of the set in turn (``bind(_:)``): the budget, its
    /// metrics, the catalogue and the history are stored once per budget, not once per rule.
    init(budget: Budget, metrics: BudgetMetrics, catalog: Catalog, history: HistoryMetrics?) {
        self.budget = budget
        self.metrics = metrics
        self.catalog = catalog
        self.rule = DescriptionBox.unbound
        self.severity = DescriptionBox.unbound.value.defaultSeverity
        self.severityIsOverridden = false
        self.parameters = [:]
        self.history = history
    }

    /// Makes the context that of another rule of the set: its description, severity and parameters. (The entry is
    /// read in place: a copy of it would copy its rule.)
    mutating func bind(_ entries: [RuleSet.Entry], at position: Int) {
        rule = entries[position].box
        severity = entries[position].severity ?? entries[position].box.value.defaultSeverity
        severityIsOverridden = entries[position].severity != nil
        parameters = entries[position].parameters
    }

    /// The value of a parameter: the rule set's, else the declared default.
    /// - Throws: ``RuleError`` when the rule declares no such parameter.
    @usableFromInline
    func parameter(_ name: String) throws -> ParameterValue {
        // Most rules run with their defaults: then there is nothing to look up.
        if !parameters.isEmpty, let value = parameters[name] { return value }
        guard let value = rule.value.defaultValue(of: name) else {
            throw RuleError("rule '\(description.id)' reads parameter '\(name)', which it does not declare")
        }
        return value
    }

    /// Whether the rule set gave this parameter a value (rather than the default applying).
    func isSet(_ name: String) -> Bool { !parameters.isEmpty && parameters[name] != nil }

    /// A diagnostic of this rule, with its id, citation and severity filled in: the message is `template` (one of the
    /// templates the rule's description lists) with `arguments` for its placeholders.
    ///
    /// - Parameters:
    ///   - template: the message, a static value of the rule (`Self.under`).
    ///   - arguments: the values of the template's placeholders.
    ///   - severity: a severity the rule picks itself (e.g. an error from the target year on); an override in the
    ///     rule set still wins.
    ///   - measured: the figure measured.
    ///   - threshold: the threshold it was compared with.
    ///   - lines: the ids of the lines concerned.
    ///   - remediation: the amount that would fix it, where a number can.
    ///   - explanation: the figures that entered the computation, for a reader to check by hand.
    public func diagnostic(
        _ template: MessageTemplate, _ arguments: MessageArguments = [:], severity: Severity? = nil,
        measured: Measure? = nil, threshold: Measure? = nil, lines: [String] = [], remediation: Remediation? = nil,
        explanation: [ExplanationItem] = []
    ) -> Diagnostic {
        // Realised accounts speak of « produits » and « charges » in French, a plan of financing of « ressources » and
        // « dépenses »: the rules write the latter, and the context rewords them for the accounts.
        let realised = budget.statement == .realised
        return Diagnostic(
            ruleID: rule.value.id,
            severity: severityIsOverridden ? self.severity : (severity ?? self.severity),
            message: realised
                ? Message(RealisedWording.apply(template), RealisedWording.apply(arguments))
                : Message(template, arguments),
            measured: measured,
            threshold: threshold, lines: lines, remediation: remediation, citation: rule.value.citation,
            explanation: realised
                ? explanation.map { ExplanationItem(RealisedWording.apply($0.label), $0.value) } : explanation)
    }

    /// A remediation option: an amount, the message (a template of the rule) that says what to do with it, and where
    /// the amount goes when the diagnostic's lines and measure do not say it (``RemediationMove``).
    public func option(
        _ amount: Money, _ template: MessageTemplate, _ arguments: MessageArguments = [:], move: RemediationMove? = nil
    ) -> RemediationOption {
        RemediationOption(
            amount: amount, template: budget.statement == .realised ? RealisedWording.apply(template) : template,
            arguments: budget.statement == .realised ? RealisedWording.apply(arguments) : arguments, move: move)
    }
}

/// A rule's description in a reference: rule set entries and evaluation contexts share it instead of copying its
/// texts, parameters, messages and examples for every rule of every budget.
final class DescriptionBox: Sendable {
    /// The description.
    let value: RuleDescription
    /// Whether the rule judges histories (``TrajectoryRule``): asked once, not with a dynamic cast at every check.
    let judgesHistories: Bool

    init(_ value: RuleDescription, judgesHistories: Bool = false) {
        self.value = value
        self.judgesHistories = judgesHistories
    }

    /// The description of a context not yet bound to a rule.
    static let unbound = DescriptionBox(
        RuleDescription(
            id: RuleID("unbound", namespace: RuleSet.engineNamespace),
            name: LocalizedText(english: "No rule", french: "Aucune règle"),
            rationale: LocalizedText(english: "", french: ""), citation: Citation(document: ""), defaultSeverity: .note,
            messages: []))
}
