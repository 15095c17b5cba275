import ClusterKitCore
import ClusterKitTesting
import ClusterRules
import Foundation
import Testing
import TestSupport

/// A pôle de compétitivité's budget of whole euros.
func categoryBudget(impactReporting: Bool = false, resources: [ResourceLine], expenses: [ExpenseLine]) -> Budget {
    Budget(
        cluster: ClusterProfile(name: "Pôle test", kind: .pole, founded: 2005, members: 150, impactReporting: impactReporting),
        year: 2013, resources: resources, expenses: expenses)
}

/// An action of whole euros.
func categoryAction(_ id: String, _ major: Int64, _ category: MissionCategory?, regime: FundingRegimeID? = nil) -> ExpenseLine {
    ExpenseLine(id: id, amount: Money(major: major), category: category, regime: regime)
}

/// Euros and cents, exactly: `exactEuros("19340.66")`.
func exactEuros(_ text: String) -> Money { Money(exactly: Decimal(string: text)!)! }

extension Budget {
    /// The budget with one more resource line.
    func addingResource(_ line: ResourceLine) -> Budget {
        var copy = self
        copy.resources.append(line)
        return copy
    }

    /// The budget with the amount of one resource line changed by `delta` minor units.
    func adjustingResource(_ id: String, by delta: Int64) -> Budget {
        var copy = self
        let index = copy.resources.firstIndex { $0.id == id }!
        copy.resources[index].amount = Money(minorUnits: copy.resources[index].amount.minorUnits + delta)
        return copy
    }

    /// The budget with one resource line split: `amount` of it earmarked to `action`, the rest as it was.
    func earmarking(_ amount: Money, of id: String, to action: String) -> Budget {
        var copy = adjustingResource(id, by: -amount.minorUnits)
        var part = copy.resources.first { $0.id == id }!
        part.id += "-" + action
        part.amount = amount
        part.action = action
        copy.resources.append(part)
        return copy
    }

    /// The budget with the amount of one expense line changed by `delta` minor units.
    func adjustingExpense(_ id: String, by delta: Int64) -> Budget {
        var copy = self
        let index = copy.expenses.firstIndex { $0.id == id }!
        copy.expenses[index].amount = Money(minorUnits: copy.expenses[index].amount.minorUnits + delta)
        return copy
    }
}

extension ResourceLine {
    /// A resource line of an exact amount.
    static func exact(_ source: RevenueSourceID, _ amount: Money, id: String, action: String? = nil) -> ResourceLine {
        ResourceLine(id: id, source: source, amount: amount, action: action)
    }
}

@Suite("Mission categories of the pôles' funding guide")
struct MissionCategoryTests {
    let cap: RuleID = "mission-category-cap"

    @Test("A category B action of 100,000 with 60,000 of earmarked public money is 10,000 over its 50% ceiling")
    func categoryB() throws {
        let budget = categoryBudget(
            resources: [.line(.state, 60_000, id: "state", action: "factory"), .line(.actionParticipation, 40_000, action: "factory")],
            expenses: [categoryAction("factory", 100_000, .b)])
        let found = try diagnostics(of: cap, on: budget)
        let diagnostic = try #require(found.first)
        #expect(found.count == 1)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.measured == .money(Money(major: 60_000)))
        #expect(diagnostic.threshold == .money(Money(major: 50_000)))
        #expect(diagnostic.lines == ["factory", "state"])
        let fix = try #require(diagnostic.remediation)
        #expect(fix.amount == Money(major: 10_000))
        #expect(diagnostic.message.rendered(in: .english).contains("€10,000.00 over the ceiling"))
        #expect(diagnostic.message.rendered(in: .french).contains("10\u{202F}000,00\u{00A0}€ au-dessus du plafond"))

        // The fix: replace 10,000 of the earmarked public money by private money earmarked to the action.
        let fixed = budget.adjustingResource("state", by: -fix.amount.minorUnits)
            .addingResource(.exact(.actionParticipation, fix.amount, id: "more-participation", action: "factory"))
        #expect(try diagnostics(of: cap, on: fixed).isEmpty)
        #expect(try diagnostics(of: cap, on: fixed.adjustingResource("state", by: 1)).count == 1, "one cent more is over")
    }

    @Test("A category C action under NN120/90-E1/90 costing 50,000 with 30,000 public is 5,000 over")
    func categoryC() throws {
        let budget = categoryBudget(
            resources: [.line(.region, 30_000, action: "training"), .line(.actionParticipation, 20_000, action: "training")],
            expenses: [categoryAction("training", 50_000, .c, regime: .nn120_90)])
        let diagnostic = try #require(try diagnostics(of: cap, on: budget).first)
        #expect(diagnostic.remediation?.amount == Money(major: 5_000))
        #expect(diagnostic.threshold == .money(Money(major: 25_000)))
        #expect(diagnostic.message.rendered(in: .english).contains("category C (regime NN120/90-E1/90)"))
        let fixed = budget.adjustingResource("region", by: -500_000)
            .addingResource(.exact(.actionParticipation, Money(major: 5_000), id: "more", action: "training"))
        #expect(try diagnostics(of: cap, on: fixed).isEmpty)
    }

    @Test("Any public money on a category D action is an error; a category A action may be 100% public")
    func categoriesDAndA() throws {
        let service = categoryBudget(
            resources: [.line(.services, 39_999, action: "studies"), .line(.region, 1, action: "studies")],
            expenses: [categoryAction("studies", 40_000, .d)])
        let diagnostic = try #require(try diagnostics(of: cap, on: service).first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message.id == "mission-category-cap.category-d")
        #expect(diagnostic.remediation?.amount == Money(major: 1))
        #expect(try diagnostics(of: cap, on: service.adjustingResource("region", by: -100).adjustingResource("services", by: 100)).isEmpty)

        let strategy = categoryBudget(resources: [.line(.state, 120_000, action: "strategy")], expenses: [categoryAction("strategy", 120_000, .a)])
        #expect(try diagnostics(of: cap, on: strategy).isEmpty)
        #expect(try check(strategy, with: .pole).diagnostics.filter { $0.ruleID == cap }.isEmpty)
    }

    @Test("Unearmarked public money reaches a category D service pro rata of its uncovered cost; earmarking private revenue fixes it")
    func sharedPublicOnCategoryD() throws {
        // Region 80,000 unearmarked; the service covers 20,000 of its 40,000 itself: uncovered 80,000 (A) and
        // 20,000 (D), so the service takes a fifth of the region's money.
        let budget = categoryBudget(
            resources: [.line(.region, 80_000), .line(.membershipFees, 20_000), .line(.services, 20_000, action: "studies")],
            expenses: [categoryAction("strategy", 80_000, .a), categoryAction("studies", 40_000, .d)])
        let diagnostic = try #require(try diagnostics(of: cap, on: budget).first)
        #expect(diagnostic.measured == .money(Money(major: 16_000)))
        let fix = try #require(diagnostic.remediation)
        #expect(fix.primary.summary.id == "mission-category-cap.earmark")
        #expect(fix.amount == Money(major: 20_000))
        // Earmark the membership fees to the service: the budget unchanged, the region's money all goes to A.
        let fixed = budget.earmarking(fix.amount, of: "membershipFees", to: "studies")
        #expect(try diagnostics(of: cap, on: fixed).isEmpty)
        #expect(try CheckedBudget(fixed, catalog: .builtIn).metrics.allocation.action("strategy")?.publicFunding == Money(major: 80_000))
    }

    @Test("The private revenue to earmark against shared public money is the least that works, to the cent")
    func earmarkIsMinimal() throws {
        // Category C at 50%: 20,000 earmarked public, and 100,000 unearmarked shared with a category A action.
        let budget = categoryBudget(
            resources: [.line(.region, 20_000, action: "training"), .line(.state, 100_000)],
            expenses: [categoryAction("training", 100_000, .c, regime: .nn120_90), categoryAction("strategy", 50_000, .a)])
        let diagnostic = try #require(try diagnostics(of: cap, on: budget).first)
        // Shared: 100,000 × 80,000 / 130,000 = 61,538.46; public 81,538.46 against 50,000.
        #expect(diagnostic.measured == .money(exactEuros("81538.46")))
        let fix = try #require(diagnostic.remediation)
        // x = (U·u − m·W) / (U − m) = (100,000 × 80,000 − 30,000 × 130,000) / 70,000 = 58,571.43, rounded up.
        #expect(fix.amount == exactEuros("58571.43"))
        let fixed = budget.addingResource(.exact(.actionParticipation, fix.amount, id: "participation", action: "training"))
        // (Shared money the action no longer takes goes to the others: here to the category A action, which the
        // rule then reports on its own; the training action is within its ceiling.)
        #expect(try diagnostics(of: cap, on: fixed).filter { $0.lines.contains("training") }.isEmpty)
        let short = budget.addingResource(.exact(.actionParticipation, exactEuros("58571.42"), id: "participation", action: "training"))
        #expect(try diagnostics(of: cap, on: short).filter { $0.lines.contains("training") }.count == 1, "one cent less is not enough")
    }

    @Test("When earmarked public money alone is over and shared money adds to it, the fix covers the action with private money")
    func coverAction() throws {
        let budget = categoryBudget(
            resources: [.line(.state, 5_000, id: "state-d", action: "services"), .line(.region, 50_000)],
            expenses: [categoryAction("services", 40_000, .d), categoryAction("strategy", 60_000, .a)])
        let diagnostic = try #require(try diagnostics(of: cap, on: budget).first)
        let fix = try #require(diagnostic.remediation)
        #expect(fix.primary.summary.id == "mission-category-cap.cover")
        // 5,000 of earmarked public money to replace, and the 35,000 its earmarks leave uncovered.
        #expect(fix.amount == Money(major: 40_000))
        let fixed = budget.adjustingResource("state-d", by: -500_000)
            .addingResource(.exact(.services, fix.amount, id: "sales", action: "services"))
        #expect(try diagnostics(of: cap, on: fixed).isEmpty)
        // Its move says so: the 5,000 moved off the earmarked public line to private funding earmarked to the action,
        // then the other 35,000 as private funding earmarked to it; applied, the rule is silent.
        guard case .split(.move(let from, let replacing), let replaced, .addResource(let covering))? = fix.primary.move else {
            Issue.record("the cover fix's move is \(String(describing: fix.primary.move))")
            return
        }
        #expect(from == ["state-d"] && replaced == Money(major: 5_000))
        #expect(replacing.source == .actionParticipation && replacing.action == "services" && covering.action == "services")
        let applied = try RuleVerifier.applying(fix.primary, of: diagnostic, to: budget)
        #expect(applied.resources.map(\.amount) == [.zero(.euro), Money(major: 50_000), Money(major: 5_000), Money(major: 35_000)])
        #expect(try diagnostics(of: cap, on: applied).isEmpty)
    }

    @Test("A regime's amount counts all its actions together: two de minimis actions of 150,000 are 100,000 over")
    func pooledDeMinimis() throws {
        let budget = categoryBudget(
            resources: [.line(.region, 150_000, action: "coaching"), .line(.department, 150_000, action: "export")],
            expenses: [
                categoryAction("coaching", 150_000, .c, regime: .deMinimis2013), categoryAction("export", 150_000, .c, regime: .deMinimis2013),
            ])
        let diagnostic = try #require(try diagnostics(of: cap, on: budget).first)
        #expect(diagnostic.message.id == "mission-category-cap.pooled")
        #expect(diagnostic.threshold == .money(Money(major: 200_000)))
        let fix = try #require(diagnostic.remediation)
        #expect(fix.amount == Money(major: 100_000))
        let fixed = budget.adjustingResource("department", by: -fix.amount.minorUnits)
            .addingResource(.exact(.actionParticipation, fix.amount, id: "participation", action: "export"))
        #expect(try diagnostics(of: cap, on: fixed).isEmpty)
        // Under the 2023 regulation, EUR 300,000: the same actions are within it.
        var recent = budget
        recent.expenses = recent.expenses.map { var line = $0; line.regime = .deMinimis2023; return line }
        #expect(try diagnostics(of: cap, on: recent).isEmpty)
    }

    @Test("Category A public money of 100,000 in a 600,000 budget is 16.7%: over 15%, within 20% with impact reporting")
    func categoryAShare() throws {
        let id: RuleID = "category-a-budget-share"
        let budget = categoryBudget(
            resources: [.line(.state, 100_000, id: "state", action: "strategy"), .line(.region, 200_000), .line(.membershipFees, 300_000)],
            expenses: [categoryAction("strategy", 100_000, .a), categoryAction("factory", 500_000, .b)])
        let diagnostic = try #require(try diagnostics(of: id, on: budget).first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.measuredShare == Share(1, over: 6))
        #expect(diagnostic.threshold == .share(Share(percent: 15)))
        #expect(diagnostic.message.rendered(in: .english).hasPrefix("Public funding of category A missions (for the State) is 16.7% of the budget"))
        #expect(diagnostic.lines == ["strategy"])

        var reporting = budget
        reporting.cluster.impactReporting = true
        #expect(try diagnostics(of: id, on: reporting).isEmpty)

        // Move 10,000 of category A's public money to the category B action, and as much private money the other
        // way, the budget unchanged.
        let fix = try #require(diagnostic.remediation)
        #expect(fix.amount == Money(major: 10_000))
        let moved = budget.adjustingResource("state", by: -fix.amount.minorUnits)
            .addingResource(.exact(.state, fix.amount, id: "state-b", action: "factory"))
            .adjustingResource("membershipFees", by: -fix.amount.minorUnits)
            .addingResource(.exact(.membershipFees, fix.amount, id: "fees-a", action: "strategy"))
        #expect(try diagnostics(of: id, on: moved).isEmpty)
        // Or cut category A and its earmarked funding by (C − t·R) / (1 − t) = 11,764.71.
        let cut = try #require(fix.alternatives.first)
        #expect(cut.amount == exactEuros("11764.71"))
        let smaller = budget.adjustingResource("state", by: -cut.amount.minorUnits).adjustingExpense("strategy", by: -cut.amount.minorUnits)
        #expect(try diagnostics(of: id, on: smaller).isEmpty)
        #expect(try diagnostics(of: id, on: smaller.adjustingResource("state", by: 1).adjustingExpense("strategy", by: 1)).count == 1)
    }

    @Test("Public money beyond the sum of the actions' ceilings is reported in money, and replacing it clears the rule")
    func budgetCeiling() throws {
        let id: RuleID = "public-funding-ceiling"
        let budget = categoryBudget(
            resources: [.line(.region, 90_000), .line(.membershipFees, 30_000)],
            expenses: [categoryAction("factory", 100_000, .b), categoryAction("services", 20_000, .d)])
        let diagnostic = try #require(try diagnostics(of: id, on: budget).first)
        #expect(diagnostic.measured == .money(Money(major: 90_000)))
        #expect(diagnostic.threshold == .money(Money(major: 50_000)))
        let fix = try #require(diagnostic.remediation)
        #expect(fix.amount == Money(major: 40_000))
        let fixed = budget.adjustingResource("region", by: -fix.amount.minorUnits)
            .addingResource(.exact(.services, fix.amount, id: "sales"))
        #expect(try diagnostics(of: id, on: fixed).isEmpty)

        // An action without a category counts at its full cost: the rule cannot blame what it cannot check.
        let partly = categoryBudget(
            resources: [.line(.region, 70_000), .line(.membershipFees, 50_000)],
            expenses: [categoryAction("factory", 80_000, .b), categoryAction("operating", 40_000, nil)])
        #expect(try diagnostics(of: id, on: partly).isEmpty)
    }

    @Test("Lines the category rules cannot check get a note saying why")
    func uncategoryAction() throws {
        let id: RuleID = "uncategorized-action"
        let budget = categoryBudget(
            resources: [.line(.region, 100_000)],
            expenses: [
                categoryAction("operating", 30_000, nil), categoryAction("training", 30_000, .c), categoryAction("factory", 40_000, .b),
            ])
        let found = try diagnostics(of: id, on: budget)
        #expect(found.map(\.severity) == [.note, .note])
        #expect(Set(found.map(\.message.id)) == ["uncategorized-action.none", "uncategorized-action.no-regime"])
        #expect(Set(found.map(\.lines)) == [["operating"], ["training"]])
    }

    @Test("The mission-category rules are in the pole preset, not in recommended or grappe")
    func presets() {
        let ids: [RuleID] = ["mission-category-cap", "category-a-budget-share", "public-funding-ceiling", "uncategorized-action"]
        for id in ids {
            #expect(RuleSet.pole.contains(id))
            #expect(RuleSet.all.contains(id))
            #expect(!RuleSet.recommended.contains(id))
            #expect(!RuleSet.grappe.contains(id))
        }
    }
}

@Suite("The fictitious pôle example with mission categories")
struct PoleCategoriesExampleTests {
    @Test("Public money is allocated earmarked first, the rest pro rata of uncovered cost, to the cent")
    func allocation() throws {
        let budget = try exampleBudget("pole-categories-example")
        let metrics = try CheckedBudget(budget, catalog: .builtIn).metrics
        let allocation = metrics.allocation
        #expect(allocation.unearmarkedPublic.amount == Money(major: 440_000))
        // Uncovered: 225,000 (B), 100,000 and 110,000 (C), 20,000 (D) — 455,000 sharing 440,000.
        let expected: [String: Money] = [
            "strategie": Money(major: 150_000), "usine-a-projets": exactEuros("217582.42"), "formation": exactEuros("96703.30"),
            "accompagnement-pme": exactEuros("106373.62"), "prestations": exactEuros("19340.66"),
        ]
        for (id, amount) in expected { #expect(allocation.action(id)?.publicFunding == amount, "\(id)") }
        let total = allocation.actions.reduce(Int64(0)) { $0 + $1.publicFunding.minorUnits }
        #expect(total == metrics.publicResources.amount.minorUnits, "the parts add up to the public resources exactly")
        #expect(allocation.unallocated.isZero)
        #expect(allocation.publicFunding(of: .a).amount == Money(major: 150_000))
    }

    @Test("Its category D service is the one finding of the category rules; earmarking 20,000 of private revenue fixes it")
    func findings() throws {
        let budget = try exampleBudget("pole-categories-example")
        let categoryRules: Set<RuleID> = ["mission-category-cap", "category-a-budget-share", "public-funding-ceiling", "uncategorized-action"]
        let found = try check(budget, with: .pole).diagnostics.filter { categoryRules.contains($0.ruleID) }
        #expect(found.map(\.ruleID) == ["mission-category-cap"])
        let diagnostic = try #require(found.first)
        #expect(diagnostic.lines == ["prestations"])
        #expect(diagnostic.measured == .money(exactEuros("19340.66")))
        let fix = try #require(diagnostic.remediation)
        #expect(fix.amount == Money(major: 20_000))
        // Earmark 20,000 of the membership fees to the service instead of the project factory, the budget unchanged:
        // the factory's uncovered cost grows by as much as the service's shrinks, and stays within 50%.
        let fixed = budget.earmarking(fix.amount, of: "cotisations", to: "prestations")
        #expect(try check(fixed, with: .pole).diagnostics.filter { categoryRules.contains($0.ruleID) }.isEmpty)
        let allocation = try CheckedBudget(fixed, catalog: .builtIn).metrics.allocation
        #expect(allocation.action("prestations")?.publicFunding.isZero == true)
        #expect(allocation.action("usine-a-projets")?.publicFunding == exactEuros("236923.08"))
    }
}
