import ClusterKitCore
import ClusterRules

/// What this package adds to ClusterKit, ready to use: a catalogue with its source and regime, and rule sets with
/// its rule.
///
/// ```swift
/// let budget = try BudgetDecoder(catalog: RegionalFunder.catalog).decode(data, file: path)
/// let engine = Engine(ruleSet: try RegionalFunder.ruleSet(.recommended), catalog: RegionalFunder.catalog)
/// print(TextReportRenderer().render(try engine.check([BudgetInput(budget, file: path)])))
/// ```
public enum RegionalFunder {
    /// ClusterKit's standard catalogue (the memento's sources and the built-in regimes), with the purchasing rebate
    /// and the working-conditions fund.
    public static let catalog: Catalog = {
        // The ids are this package's own, distinct from the built-in ones (a test checks it): the catalogue cannot
        // refuse them.
        try! Catalog.builtIn.adding(PurchasingRebate()).adding(WorkingConditionsFund())
    }()

    /// This package's rules.
    public static let rules: [any Rule] = [MatchingFundsRule()]

    /// A built-in preset with this package's rules added.
    /// - Throws: ``RuleSetError`` if a rule's id collides with one of the preset (it cannot: they are namespaced).
    public static func ruleSet(_ preset: Preset) throws(RuleSetError) -> RuleSet {
        try preset.ruleSet.union(RuleSet(name: "example-region", rules: rules), name: "\(preset.rawValue)+example-region")
    }
}
