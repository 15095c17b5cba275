import Foundation

/// A rule that judges several years of one cluster at once — a trajectory — rather than one budget.
///
/// On a ``BudgetHistory`` the engine runs every other rule on each full year, and a trajectory rule once, on the
/// history as a whole: its ``RuleContext/history`` holds every year's figures, and its `budget` stands for the
/// history (its cluster and latest year, no lines). On a single budget a trajectory rule finds
/// nothing unless it implements ``Rule/evaluate(_:)`` itself.
///
/// ```swift
/// struct NoFall: TrajectoryRule {
///     static let fell = MessageTemplate(id: "acme/no-fall.fell", english: "…", french: "…")
///     static let description = RuleDescription(…, messages: [fell])
///     func evaluate(history context: RuleContext) throws -> [Diagnostic] {
///         guard let history = context.history else { return [] }
///         let shares = history.years.compactMap { $0.privateShare(basis: .gross, preferring: .computed)?.share }
///         return zip(shares, shares.dropFirst()).contains { $1 < $0 }
///             ? [context.diagnostic(Self.fell)] : []
///     }
/// }
/// ```
public protocol TrajectoryRule: Rule {
    /// Evaluates the rule across the years of `context.history`, which the engine always sets here.
    func evaluate(history context: RuleContext) throws -> [Diagnostic]

    /// The trajectory the rule judges — each year's private share and the share it requires — for reports to
    /// print; `nil` (the default) when the rule has none to show.
    func trajectory(_ context: RuleContext) throws -> Trajectory?
}

extension TrajectoryRule {
    /// On a single budget there is no trajectory to judge: nothing.
    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] { [] }

    /// No trajectory to show.
    public func trajectory(_ context: RuleContext) throws -> Trajectory? { nil }
}
