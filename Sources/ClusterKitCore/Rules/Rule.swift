import Foundation

/// A check of a budget against one piece of guidance: a static description, and an evaluation that reports
/// diagnostics.
///
/// A rule reads the ``BudgetMetrics`` in its ``RuleContext`` (never rescanning lines for totals) and its parameters,
/// and returns the diagnostics it finds — none when the budget is fine. A rule that throws does not stop the others:
/// the engine reports the failure as a diagnostic of its own.
///
/// ```swift
/// struct MinimumMembers: Rule {
///     static let minimum = Parameter<Int>("minimum", default: 20, english: "Members required", french: "Adhérents requis")
///     static let under = MessageTemplate(
///         id: "acme/minimum-members.under", english: "{members} members, under {minimum}.",
///         french: "{members} adhérents, sous le minimum de {minimum}.")
///
///     static let description = RuleDescription(
///         id: RuleID("minimum-members", namespace: "acme"),
///         name: LocalizedText(english: "Minimum members", french: "Nombre minimal d'adhérents"),
///         rationale: LocalizedText(english: "…", french: "…"),
///         citation: Citation(document: "Acme funding rules (2026)", location: "art. 3"),
///         defaultSeverity: .warning,
///         parameters: [minimum],
///         messages: [under])
///
///     func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
///         let minimum = try context.value(of: Self.minimum)
///         guard let members = context.budget.cluster.members, members < minimum else { return [] }
///         return [context.diagnostic(Self.under, ["members": .integer(members), "minimum": .integer(minimum)],
///                                    measured: .count(members), threshold: .count(minimum))]
///     }
/// }
/// ```
public protocol Rule: Sendable {
    /// What the rule is: id, name, rationale, source, default severity, parameters, messages and examples.
    static var description: RuleDescription { get }

    /// Evaluates the rule on the budget of `context`.
    func evaluate(_ context: RuleContext) throws -> [Diagnostic]
}

/// A marker for rules that run only when a rule set names them (or in the `all` preset), never by default.
public protocol OptInRule: Rule {}

extension Rule {
    /// The description of this rule's type.
    public var ruleDescription: RuleDescription { Self.description }
    /// Whether the rule is opt-in.
    package var isOptIn: Bool { self is any OptInRule }
}

/// Why a rule could not be evaluated or configured.
public struct RuleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var reason: String
    /// Creates an error.
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
