import ClusterKitCore
/// A rule whose condition the ``Planner`` can plan for: it states it as ``ShareConstraint``s over the budget's
/// resource lines, reading the same parameters its evaluation reads.
///
/// A rule that does not adopt the protocol (or returns `nil`) is listed in ``Plan/notPlanned``, never ignored.
public protocol PlannableRule: Rule {
    /// The rule's condition on the budget of `context` (its parameters and severity are the rule set's), or `nil`
    /// when it cannot be written as share constraints for this budget.
    func planningConstraints(_ context: RuleContext) throws -> [ShareConstraint]?
}

extension RuleContext {
    /// The severity a diagnostic of this rule would have if the rule picked `chosen`: the rule set's override wins,
    /// as it does in ``diagnostic(_:_:severity:measured:threshold:lines:remediation:explanation:)``.
    public func plannedSeverity(_ chosen: Severity? = nil) -> Severity {
        severityIsOverridden ? severity : (chosen ?? severity)
    }
}
