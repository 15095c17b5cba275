import ClusterKitCore
import ClusterRules
import Testing
import TestSupport

/// The property tests catch the bugs they exist for: each test here plants one — a share compared in floating point,
/// diagnostics put in an order that follows the budget's lines — and expects the property to find it. A property
/// that these mutants passed would prove nothing.
@Suite struct MutantTests {
    @Test func theScalingPropertyCatchesAShareComparedInFloatingPoint() throws {
        // Floors on shares as a careless rule would write them: the fraction and its threshold as Doubles.
        let mutant = try RuleSet(name: "mutant", rules: [FloatingPointFloors()])
        let outcome = try PropertyTests.scalingCounterexamples { budget, _ in
            try Engine(ruleSet: mutant, catalog: .builtIn).check([BudgetInput(budget, file: "generated.json")])
        }
        #expect(!outcome.counterexamples.isEmpty, "the scaling property let a floating-point comparison through")
        // An exact floor of the same kind passes the same property on the same budgets.
        let exact = try RuleSet(name: "exact", rules: [MembershipFeeFloorRule()])
        let control = try PropertyTests.scalingCounterexamples { budget, _ in
            try Engine(ruleSet: exact, catalog: .builtIn).check([BudgetInput(budget, file: "generated.json")])
        }
        #expect(control.counterexamples.isEmpty, "\(control.counterexamples.prefix(3))")
        #expect(control.findings > 0)
    }

    @Test func theReorderingPropertyCatchesDiagnosticsInTheOrderOfTheLines() throws {
        // An engine whose sort is not total: by severity only, ties left in the order the budget lists the lines
        // the diagnostics name — what a sort on an incomplete key does with an unstable algorithm.
        let outcome = try PropertyTests.reorderingCounterexamples { budget, rules in
            var report = try PropertyTests.report(budget, rules)
            let position = Dictionary(
                (budget.resources.map(\.id) + budget.expenses.map(\.id)).enumerated().map { ($1, $0) },
                uniquingKeysWith: { first, _ in first })
            for index in report.budgets.indices {
                let diagnostics = report.budgets[index].diagnostics
                report.budgets[index].diagnostics = diagnostics.indices.sorted { a, b in
                    let x = diagnostics[a], y = diagnostics[b]
                    if x.severity != y.severity { return x.severity > y.severity }
                    let p = x.lines.compactMap { position[$0] }.min() ?? -1, q = y.lines.compactMap { position[$0] }.min() ?? -1
                    return p != q ? p < q : a < b
                }.map { diagnostics[$0] }
            }
            return report
        }
        #expect(!outcome.counterexamples.isEmpty, "the reordering property let an input-dependent order through")
    }
}

/// Floors on the share of each revenue kind, at every 5% from 5% to 95%, compared as `Double`s — the way a careless
/// rule would write `membership-fee-floor` and its kin. Within 2^53 cents a quotient of two integers rounds the same
/// way at every scale; past it the amounts themselves round, and a share that sits exactly on a floor falls under it
/// at some scales and not at others.
private struct FloatingPointFloors: Rule {
    static let under = MessageTemplate(id: "mutant/under", english: "Under.", french: "Sous le plancher.")
    static let description = RuleDescription(
        id: RuleID("floating-point-floors", namespace: "mutant"),
        name: LocalizedText(english: "Floors in floating point", french: "Planchers en virgule flottante"),
        rationale: LocalizedText(english: "A planted bug.", french: "Un bogue planté."),
        citation: Citation(document: "Tests"), defaultSeverity: .warning,
        messages: [under])

    func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (_, total) in context.metrics.byKind.sorted(by: { $0.key < $1.key }) {
            guard let share = Share(total.amount, of: context.metrics.totalResources) else { continue }
            for percent in stride(from: Int64(5), through: 95, by: 5) {
                let floor = Share(percent: percent)
                guard share.doubleValue < floor.doubleValue else { continue }
                found.append(
                    context.diagnostic(Self.under, measured: .share(share), threshold: .share(floor), lines: total.lines))
            }
        }
        return found
    }
}
