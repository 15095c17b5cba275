import Foundation

/// A budget a rule's documentation shows, with the parameters to run the rule with, and whether it must trigger.
public struct RuleExample: Sendable {
    /// The budget (a history's stand-in when ``history`` is set).
    public var budget: Budget
    /// The history, for an example of a trajectory rule (``TrajectoryRule``); `nil` for a budget.
    public var history: BudgetHistory?
    /// Parameter values other than the defaults.
    public var parameters: [String: ParameterValue]
    /// What the example shows, in a sentence.
    public var note: String?
    /// Where the example is written, so that a failing check points at it.
    package var file: String
    /// The line of the example.
    package var line: Int

    /// Creates an example.
    public init(
        _ budget: Budget, parameters: [String: ParameterValue] = [:], note: String? = nil,
        file: String = #filePath, line: Int = #line
    ) {
        self.budget = budget
        self.parameters = parameters
        self.note = note
        self.file = file
        self.line = line
    }

    /// Creates an example on a history, for a trajectory rule.
    public init(
        history: BudgetHistory, parameters: [String: ParameterValue] = [:], note: String? = nil,
        file: String = #filePath, line: Int = #line
    ) {
        self.init(history.standIn, parameters: parameters, note: note, file: file, line: line)
        self.history = history
    }
}
