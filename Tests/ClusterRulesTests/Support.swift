import ClusterKitCore
import ClusterKitTesting
import ClusterRules
import Foundation
import Testing
import TestSupport


/// Reads and checks a budget of `Examples/`, by its file name without extension.
func exampleBudget(_ name: String, catalog: Catalog = .builtIn) throws -> Budget {
    let url = repositoryRoot.appendingPathComponent("Examples/\(name).json")
    return try BudgetDecoder(catalog: catalog).decode(Data(contentsOf: url), file: "Examples/\(name).json").budget
}

/// Runs a rule set on a budget and returns its report.
func check(_ budget: Budget, with ruleSet: RuleSet, catalog: Catalog = .builtIn) throws -> BudgetReport {
    try Engine(ruleSet: ruleSet, catalog: catalog).check(budget)
}

/// Runs one built-in rule alone, with parameters, on a budget.
func diagnostics(
    of id: RuleID, on budget: Budget, parameters: [String: ParameterValue] = [:], catalog: Catalog = .builtIn
) throws -> [Diagnostic] {
    let rule = try #require(BuiltInRules.rule(id), "no built-in rule \(id)")
    return try RuleVerifier.diagnostics(of: rule, on: budget, parameters: parameters, catalog: catalog)
}

/// A share from a percentage with decimals, e.g. `percent("44.83")`.
func percent(_ text: String) -> Share { Share(exactly: Decimal(string: text)! / 100)! }

extension Diagnostic {
    /// The measured share, if the diagnostic measured one.
    var measuredShare: Share? {
        if case .share(let share) = measured { return share }
        return nil
    }
}
