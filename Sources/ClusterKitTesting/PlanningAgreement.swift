import ClusterKitCore
import ClusterKitPlanning

extension RuleVerifier {
    /// What the agreement of a plannable rule with its planner's constraints counted.
    struct PlanningTally {
        /// Examples on which the rule stated its constraints and they were compared with what it reports.
        var examples = 0
        /// Remediation options applied and checked against the constraints re-stated on the fixed budget.
        var fixes = 0
        /// Remediation amounts compared with the planner's least change for the constraint.
        var comparisons = 0
    }

    /// Checks that a rule adopting `PlannableRule` (ClusterKitPlanning) says the same thing to the planner as to a
    /// reader, on one example budget (a history's example is not planned):
    ///
    /// - where it states constraints, it reports a finding exactly when one of them is not met, at the severity
    ///   of the constraints not met;
    /// - where it states none (a condition the plan keeps by construction), the plan made for the example leaves
    ///   no finding of the rule;
    /// - each remediation option, applied, gives a budget on which the constraints stated again are met — those of
    ///   its finding, and every one that was met before;
    /// - where the option's move is one the planner can make (money added to or taken from lines, a new resource
    ///   line, money moved off lines to a new one or to others), its amount is the planner's least change for the
    ///   finding's constraints alone, under terms that allow that move only, in cents (the exact plan: the
    ///   planner's rounding to whole cents is the direction the constraint needs, as the rule's own).
    static func checkPlanning(
        _ rule: any PlannableRule, example: RuleExample, engine: Engine, found: [Diagnostic], tally: inout PlanningTally,
        fail: (String) -> Void
    ) {
        // Long: the four agreements above, in that order, each reading the constraints the one before found.
        guard example.history == nil else { return }
        let id = type(of: rule).description.id
        let budget = example.budget
        let planner = Planner(engine: engine)
        func stated(_ budget: Budget) throws -> [ShareConstraint]? {
            let result = try planner.constraints(for: budget)
            return result.notPlanned.contains(id) ? nil : result.constraints
        }
        let before: [ShareConstraint], metrics: BudgetMetrics
        do {
            guard let constraints = try stated(budget) else { return }
            before = constraints
            metrics = try CheckedBudget(budget, catalog: engine.catalog).metrics
        } catch {
            fail("the planner cannot state the rule's constraints: \(error)")
            return
        }
        tally.examples += 1
        let exact = PlanTerms(
            clear: Set(Severity.allCases), round: Money(minorUnits: 1, currency: budget.currency), feeGrowthCap: nil)

        // A rule that states no constraint says the plan keeps its condition: the plan must leave it silent.
        if before.isEmpty {
            guard !found.isEmpty else { return }
            do {
                let plan = try planner.plan(budget, terms: exact)
                if let left = plan.report.diagnostics.first(where: { $0.ruleID == id }) {
                    fail(
                        "states no constraint for the planner, yet reports '\(found[0].message.id)', and the plan for "
                            + "this budget still reports '\(left.message.rendered(in: .english))'")
                }
            } catch {
                fail("states no constraint for the planner, yet reports '\(found[0].message.id)', and no plan is made: \(error)")
            }
            return
        }

        // The rule fires exactly when a constraint is not met, at that constraint's severity.
        let unmet = before.filter { !$0.isMet(by: metrics) }
        if found.isEmpty, let first = unmet.first {
            fail("reports nothing, but its planner's constraint \(describe(first)) is not met")
        }
        if !found.isEmpty, unmet.isEmpty {
            fail(
                "reports '\(found[0].message.id)', but every constraint it states for the planner is met: "
                    + before.map(describe).joined(separator: "; "))
        }
        let reported = Set(found.map(\.severity)), planned = Set(unmet.map(\.severity))
        if !found.isEmpty, !unmet.isEmpty, reported != planned {
            fail(
                "reports at severity \(reported.map(\.rawValue).sorted().joined(separator: ", ")), but its planner's "
                    + "constraints not met are of severity \(planned.map(\.rawValue).sorted().joined(separator: ", "))")
        }

        for diagnostic in found {
            guard let remediation = diagnostic.remediation, !unmet.isEmpty else { continue }
            // The constraints of the finding: those not met whose part holds one of its lines, else all not met.
            let resources = metrics.resources.filter { diagnostic.lines.contains($0.id) }
            let own = unmet.filter { constraint in resources.contains { constraint.part.contains(id: $0.id, kind: $0.kind, sector: $0.sector, nature: $0.nature) } }
            let targets = own.isEmpty ? unmet : own
            let others = Set(unmet.map(\.name)).subtracting(targets.map(\.name))
            for (role, option) in [("remediation", remediation.primary)] + remediation.alternatives.map({ ("alternative", $0) }) {
                guard option.move != .elsewhere else { continue }
                let name = "the \(role) '\(option.summary.id)' of diagnostic '\(diagnostic.message.id)'"
                // Applied, the constraints stated again are met: the finding's, and every one met before.
                let fixed: Budget
                do {
                    fixed = try apply(option, of: diagnostic, to: budget).budget
                    guard let after = try stated(fixed) else {
                        fail("\(name), applied, gives a budget the rule no longer states constraints for")
                        continue
                    }
                    let fixedMetrics = try CheckedBudget(fixed, catalog: engine.catalog).metrics
                    tally.fixes += 1
                    for constraint in after where !others.contains(constraint.name) && !constraint.isMet(by: fixedMetrics) {
                        fail("\(name), applied (\(option.amount)), leaves its planner's constraint \(describe(constraint)) not met")
                    }
                } catch {
                    continue  // An option that cannot be applied fails the remediation check already.
                }
                // Its amount is the planner's least change for the finding's constraints, by the same move.
                guard budget.statement != .realised,
                      let move = try? self.move(of: option, in: diagnostic),
                      let (terms, decrease) = planTerms(for: move, on: budget, metrics: metrics, exact: exact)
                else { continue }
                tally.comparisons += 1
                do {
                    let plan = try planner.plan(budget, terms: terms, file: nil, extra: targets, relaxed: [id])
                    let least = decrease ? plan.decrease : plan.newRevenue
                    if least != option.amount {
                        fail(
                            "\(name) gives \(option.amount), but the planner's least change for "
                                + "\(targets.map(\.name).joined(separator: ", ")) by the same move is \(least)")
                    }
                } catch {
                    fail("\(name) gives \(option.amount), but the planner finds no change by the same move: \(error)")
                }
            }
        }
    }

    /// The terms under which the planner may make `move` only (every other funding line fixed), and whether its
    /// amount is then the plan's decrease (a removal) rather than its new revenue; `nil` for a move the planner does
    /// not make (a new expense, several moves of one amount) or that names a line outside the funding base.
    static func planTerms(
        for move: RemediationMove, on budget: Budget, metrics: BudgetMetrics, exact: PlanTerms
    ) -> (PlanTerms, decrease: Bool)? {
        let funding = metrics.resources.filter(\.funds).map(\.id)
        var terms = exact
        var rising: [String] = [], falling: [String] = []
        var decrease = false
        switch move {
        case .add(let lines): rising = lines
        case .remove(let lines):
            falling = lines
            decrease = true
        case .addResource(let line): terms.newLines = [line.source]
        case .move(let lines, let line):
            falling = lines
            terms.newLines = [line.source]
            terms.budgetFixed = true
        case .transfer(let from, let to):
            (falling, rising) = (from, to)
            terms.budgetFixed = true
        case .addExpense, .all, .split, .elsewhere: return nil
        }
        guard Set(rising + falling).isSubset(of: funding), Set(rising).isDisjoint(with: falling) else { return nil }
        let amounts = Dictionary(budget.resources.map { ($0.id, $0.amount) }, uniquingKeysWith: { a, _ in a })
        terms.lines = funding.map { line in
            if rising.contains(line) { return PlanTerms.LineTerms(id: line) }
            if falling.contains(line) {
                return PlanTerms.LineTerms(id: line, minimum: .zero(budget.currency), maximum: amounts[line])
            }
            return PlanTerms.LineTerms(id: line, fixed: true)
        }
        return (terms, decrease)
    }

    /// `name (floor|ceiling t of the whole)`, for a failure's message.
    static func describe(_ constraint: ShareConstraint) -> String {
        "\(constraint.name) (\(constraint.bound.rawValue) \(constraint.threshold) of \(constraint.whole.rawValue))"
    }
}
