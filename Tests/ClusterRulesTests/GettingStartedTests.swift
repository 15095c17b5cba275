import ClusterKitCore
import ClusterKitFormats
import ClusterKitReports
import ClusterKitTesting
import ClusterRules
import Foundation
import Testing
import TestSupport

// The code of Documentation/GettingStarted.md, compiled and run here (GuideSnippetTests checks the guide shows it).

/// Personnel costs must not exceed 70 % of expenses.
public struct PersonnelCeilingRule: Rule {
    public init() {}

    public static let ceiling = Parameter<Share>(
        "ceiling", default: Share(percent: 70),
        english: "Most of the expenses that personnel costs may take.",
        french: "Part maximale des dépenses que peuvent prendre les frais de personnel.")

    public static let over = MessageTemplate(
        id: "my-funder/personnel-ceiling.over",
        english: "Personnel costs are {share} of expenses ({personnel} of {expenses}), over {ceiling}.",
        french: "Les frais de personnel font {share} des dépenses ({personnel} sur {expenses}), au-delà de {ceiling}.")

    public static let cut = MessageTemplate(
        id: "my-funder/personnel-ceiling.cut",
        english: "cut personnel costs by {amount} (the expenses shrink with them)",
        french: "réduire les frais de personnel de {amount} (les dépenses diminuent d'autant)")

    public static let description = RuleDescription(
        id: RuleID("personnel-ceiling", namespace: "my-funder"),
        name: LocalizedText(english: "Personnel costs ceiling", french: "Plafond des frais de personnel"),
        rationale: LocalizedText(
            english: "The funder pays for actions, not for a payroll.",
            french: "Le financeur paie des actions, pas une masse salariale."),
        citation: Citation(document: "My funder's rules", location: "art. 2"),
        defaultSeverity: .warning,
        parameters: [ceiling],
        messages: [over, cut],
        triggeringExamples: [
            RuleExample(
                Budget(
                    cluster: ClusterProfile(name: "Example"), year: 2025, resources: [.line(.region, 100_000)],
                    expenses: [
                        ExpenseLine(id: "staff", amount: Money(major: 80_000), nature: .operating, kind: .personnel),
                        ExpenseLine(id: "actions", amount: Money(major: 20_000)),
                    ]),
                note: "80% of the expenses go to personnel."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget(
                    cluster: ClusterProfile(name: "Example"), year: 2025, resources: [.line(.region, 100_000)],
                    expenses: [
                        ExpenseLine(id: "staff", amount: Money(major: 70_000), nature: .operating, kind: .personnel),
                        ExpenseLine(id: "actions", amount: Money(major: 30_000)),
                    ]),
                note: "Exactly 70%."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let personnel = context.metrics.expenses(.personnel)
        let expenses = context.metrics.totalExpenses
        guard !expenses.isZero else { return [] }
        let ceiling = try context.value(of: Self.ceiling)
        let share = try Share(personnel.amount, ofNonZero: expenses)
        guard share > ceiling else { return [] }
        // Cutting personnel costs cuts the expenses too: the amount that brings the share down to the ceiling.
        let cut = Share.removalToReach(ceiling, part: personnel.amount, of: expenses) ?? personnel.amount
        return [
            context.diagnostic(
                Self.over,
                ["share": .share(share), "personnel": .money(personnel.amount), "expenses": .money(expenses),
                 "ceiling": .share(ceiling)],
                measured: .share(share), threshold: .share(ceiling), lines: personnel.lines,
                remediation: Remediation(context.option(cut, Self.cut)),
                explanation: [
                    ExplanationItem(LocalizedText(english: "Personnel costs", french: "Frais de personnel"), .money(personnel.amount)),
                    ExplanationItem(LocalizedText(english: "Expenses", french: "Dépenses"), .money(expenses)),
                ])
        ]
    }
}

@Test func personnelCeiling() {
    RuleVerifier.verify(PersonnelCeilingRule())
}

@Suite("Getting started")
struct GettingStartedTests {
    @Test("The guide's program checks its budget and prints a French Markdown report")
    func frenchMarkdownReport() throws {
        let path = repositoryFile("Tests/Fixtures/getting-started-budget.json").path
        let input = try BudgetFile.read(contentsOf: path)
        let rules = try RuleSet.recommended.adding(PersonnelCeilingRule())
        let report = try Engine(ruleSet: rules).check([input])
        let markdown = MarkdownReportRenderer(options: RenderingOptions(language: .french)).render(report)
        print(markdown)

        let found = try #require(report.budgets[0].diagnostics.first { $0.ruleID == PersonnelCeilingRule.description.id })
        #expect(found.measured == .share(Share(percent: 76)) && found.remediation?.amount == Money(major: 20_000))
        #expect(markdown.contains("Les frais de personnel font") && markdown.contains("réduire les frais de personnel de"))
    }

    @Test("The guide's budget file is the one it shows")
    func theBudgetFileIsTheGuides() throws {
        let guide = try String(contentsOf: repositoryFile("Documentation/GettingStarted.md"), encoding: .utf8)
        let file = try String(contentsOf: repositoryFile("Tests/Fixtures/getting-started-budget.json"), encoding: .utf8)
        #expect(guide.contains("```json\n" + file + "```"))
    }

    @Test("The personnel rule's first fix, personnel − 70 % × expenses, falls short: the verifier says so")
    func aFixThatFallsShort() throws {
        struct ShortFix: Rule {
            static let description = PersonnelCeilingRule.description
            func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
                var diagnostics = try PersonnelCeilingRule().evaluate(context)
                let personnel = context.metrics.expenses(.personnel).amount
                let naive = try personnel - context.metrics.totalExpenses.portion(Share(percent: 70))
                for index in diagnostics.indices { diagnostics[index].remediation?.primary.amount = naive }
                return diagnostics
            }
        }
        let failures = RuleVerifier.failures(of: ShortFix())
        let example = PersonnelCeilingRule.description.triggeringExamples[0]
        #expect(failures.count == 1)
        #expect(failures.first?.line == example.line)
        #expect(failures.first?.message.contains("does not clear it: with 10000.00 EUR removed from staff") == true, "\(failures)")
        #expect(RuleVerifier.failures(of: PersonnelCeilingRule()).isEmpty)
    }

    @Test("Money and shares, one line each, as the guide writes them")
    func moneyAndShares() throws {
        let fee = Money(major: 15_000)                     // €15,000.00: whole euros
        let cents = Money(minorUnits: 1_500_050)           // €15,000.50: cents
        let total = try fee + cents                        // throws MoneyError.overflow rather than trap
        let isMore = total > fee                           // exact, in cents
        let share = try Share(fee, ofNonZero: total)       // throws MoneyError.noWhole for a whole of zero
        let maybe = Share(fee, of: .zero())                // nil: the optional form, for a whole that may be zero
        let cut = Share.removalToReach(Share(percent: 40), part: fee, of: total)    // remove it, the whole shrinking with it
        let add = Share.additionToReach(Share(percent: 60), part: fee, of: total)   // add it, the whole growing with it
        let move = Share.transferToReach(Share(percent: 60), part: fee, of: total)  // move it in, the whole unchanged
        print(total.formatted(in: .french))                // 30 000,50 €

        #expect(isMore && maybe == nil && share == Share(1_500_000, over: 3_000_050))
        #expect(total.formatted(in: .french) == "30\u{202F}000,50\u{00A0}€" && total.formatted(in: .english) == "€30,000.50")
        #expect(cut == Money(minorUnits: 499_967) && add == Money(minorUnits: 750_075) && move == Money(minorUnits: 300_030))
        #expect(throws: MoneyError.noWhole(.zero())) { try Share(fee, ofNonZero: .zero()) }
        #expect(throws: MoneyError.overflow) { try Money(minorUnits: .max) + cents }
        // Each fix reaches its threshold exactly, and not a cent before.
        let afterCut = try Share(try fee - cut!, ofNonZero: try total - cut!)
        #expect(afterCut <= Share(percent: 40))
        #expect(try Share(try fee - cut! + Money(minorUnits: 1), ofNonZero: try total - cut! + Money(minorUnits: 1)) > Share(percent: 40))
    }

    @Test("Expense categories: a line's kind, else its nature")
    func expenseCategories() throws {
        let budget = Budget(
            cluster: ClusterProfile(name: "Example"), year: 2025, resources: [.line(.region, 100_000)],
            expenses: [
                ExpenseLine(id: "staff", amount: Money(major: 50_000), nature: .operating, kind: .personnel),
                ExpenseLine(id: "offices", amount: Money(major: 10_000), nature: .operating, kind: .premises),
                ExpenseLine(id: "running", amount: Money(major: 5_000), nature: .operating),
                ExpenseLine(id: "fair", amount: Money(major: 20_000), kind: .events),
                ExpenseLine(id: "training", amount: Money(major: 10_000)),
                ExpenseLine(id: "time", amount: Money(major: 4_000), kind: .valuedTime),
                ExpenseLine(id: "interest", amount: Money(major: 1_000), nature: .accounting),
            ])
        let metrics = try CheckedBudget(budget).metrics
        let expected: [ExpenseKind: (Int64, [String])] = [
            .personnel: (50_000, ["staff"]), .premises: (10_000, ["offices"]), .runningCosts: (5_000, ["running"]),
            .events: (20_000, ["fair"]), .actions: (10_000, ["training"]), .valuedTime: (4_000, ["time"]),
        ]
        for kind in ExpenseKind.allCases {
            #expect(metrics.expenses(kind).amount == Money(major: expected[kind]!.0), "\(kind)")
            #expect(metrics.expenses(kind).lines == expected[kind]!.1, "\(kind)")
        }
        // The file says it with `kind`; a file without it reads as before.
        let json = #"{"format": "clusterkit.budget/1", "cluster": {"name": "X"}, "year": 2025, "resources": [{"source": "region", "amount": 10}], "expenses": [{"id": "staff", "amount": 10, "nature": "operating", "kind": "personnel"}]}"#
        #expect(try BudgetDecoder().decode(Data(json.utf8)).budget.expenses.first?.kind == .personnel)
        #expect(throws: Never.self) { try BudgetFile.read(Data(json.utf8), file: "x.json") }
        #expect(throws: InputError.self) {
            _ = try BudgetFile.read(Data(json.replacingOccurrences(of: "personnel", with: "staff").utf8), file: "x.json")
        }
    }
}
