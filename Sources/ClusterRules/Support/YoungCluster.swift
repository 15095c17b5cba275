import ClusterKitCore

/// The age under which the floor and target rules give notes, never warnings (« autofinancement très délicat pour les
/// clusters en création », p. 21; « plus de 3 ans d'existence », p. 38).
enum YoungCluster {
    /// The cluster's age when it is under the rule's `minimumAge` (3 years by default), else `nil`.
    static func age(_ context: RuleContext) throws -> Int? {
        guard let age = context.budget.age, age < (try context.value(of: FundingPurpose.minimumAge)) else { return nil }
        return age
    }
}
