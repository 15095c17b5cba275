import ClusterKitCore
import Foundation
import Testing
import TestSupport

@Suite("Metrics")
struct MetricsTests {
    /// Neopolia 2013, in kEUR: 380 member contributions, 250 in-kind time, 597 subsidies.
    let neopolia = Budget.balanced(
        ClusterProfile(name: "Neopolia"),
        resources: [.line(.membershipFees, 380), .line(.memberTime, 250), .line(.region, 597)])

    @Test("Gross and net self-financing as the memento defines them")
    func selfFinancing() throws {
        let metrics = try CheckedBudget(neopolia).metrics
        #expect(metrics.totalResources == Money(major: 1_227))
        #expect(metrics.privateResources.amount == Money(major: 630))
        #expect(metrics.inKindResources.amount == Money(major: 250))
        #expect(metrics.selfFinancingGross == Share(630, over: 1_227))
        #expect(metrics.selfFinancingNet == Share(380, over: 977))
        #expect(metrics.selfFinancingGross?.rounded(toPlaces: 3) == Decimal(string: "0.513"))
        #expect(metrics.selfFinancingNet?.rounded(toPlaces: 3) == Decimal(string: "0.389"))
    }

    @Test("Line overrides of sector and nature apply")
    func overrides() throws {
        let budget = Budget.balanced(
            ClusterProfile(name: "x"),
            resources: [.line(.secondment, 100, sector: .public), .line(.otherPrivate, 50, inKind: true)])
        let metrics = try CheckedBudget(budget).metrics
        #expect(metrics.publicResources.amount == Money(major: 100))
        #expect(metrics.inKindResources.amount == Money(major: 150))
        #expect(metrics.privateCash.amount == .zero())
        #expect(metrics.selfFinancingNet == nil, "no cash at all: the net share is undefined")
    }

    @Test("Per source, kind and funder; fees from many members belong to no single funder")
    func breakdowns() throws {
        let budget = Budget.balanced(
            ClusterProfile(name: "x"),
            resources: [
                .line(.region, 10, id: "r1", label: "Région"), .line(.region, 5, id: "r2", label: "Région"),
                .line(.membershipFees, 7), .line(.sponsorship, 3, funder: "Orange"),
            ])
        let metrics = try CheckedBudget(budget).metrics
        #expect(metrics.bySource[.region]?.amount == Money(major: 15))
        #expect(metrics.bySource[.region]?.lines == ["r1", "r2"])
        #expect(metrics.total(of: .membershipFees).amount == Money(major: 7))
        #expect(metrics.byFunder.keys.sorted() == ["Orange", "Région"])
        #expect(metrics.byFunder["Région"]?.amount == Money(major: 15))
    }

    @Test("Funders past the few compared by name, and earmarks summed by expense, equal sums over the lines")
    func manyFundersAndEarmarks() throws {
        // 30 public lines naming 9 funders in turn (more than MetricsStorage.linearFunders, 8, so that the dictionary
        // of names takes over), 10 private lines of no funder, a third of them all earmarked to one of 3 expenses.
        let sources: [RevenueSourceID] = [.region, .state, .department, .membershipFees]
        var lines: [ResourceLine] = []
        for index in 0..<40 {
            let funder: String? = index % 4 == 3 ? nil : "funder-\(index % 12)"
            let action: String? = index % 3 == 0 ? "action-\(index % 9 / 3)" : nil
            lines.append(
                ResourceLine(
                    id: "line-\(index)", source: sources[index % 4], amount: Money(major: Int64(100 + index)), funder: funder,
                    action: action))
        }
        let resources = lines.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        var expenses = (0..<3).map { ExpenseLine(id: "action-\($0)", amount: Money(minorUnits: resources / 4)) }
        expenses.append(ExpenseLine(id: "running", amount: Money(minorUnits: resources - resources / 4 * 3), nature: .operating))
        let metrics = try CheckedBudget(Budget(cluster: ClusterProfile(name: "x"), year: 2013, resources: lines, expenses: expenses)).metrics

        var byFunder: [String: (amount: Int64, lines: [String])] = [:], funderOrder: [String] = []
        var byAction: [String: (amount: Int64, lines: [String])] = [:]
        for line in lines {
            if let funder = line.funder {
                if byFunder[funder] == nil { funderOrder.append(funder) }
                byFunder[funder, default: (0, [])].amount += line.amount.minorUnits
                byFunder[funder, default: (0, [])].lines.append(line.id)
            }
            if let action = line.action {
                byAction[action, default: (0, [])].amount += line.amount.minorUnits
                byAction[action, default: (0, [])].lines.append(line.id)
            }
        }
        #expect(funderOrder.count == 9)
        #expect(metrics.funderTotals.map { $0.key } == funderOrder)
        for total in metrics.funderTotals {
            #expect(total.total.amount.minorUnits == byFunder[total.key]?.amount && total.total.lines == byFunder[total.key]?.lines)
        }
        #expect(metrics.earmarkedByAction.keys.sorted() == ["action-0", "action-1", "action-2"])
        for (action, total) in metrics.earmarkedByAction {
            #expect(total.amount.minorUnits == byAction[action]?.amount && total.lines == byAction[action]?.lines)
        }
    }

    @Test("The lines of a kind, with what they carry, in budget order; none for a kind the budget lacks")
    func resourceLinesOfAKind() throws {
        let onCall = SuccessFeeTerms(basis: .publicCall, fixedFee: Money(major: 40))
        let budget = Budget.balanced(
            ClusterProfile(name: "x"),
            resources: [
                .line(.successFees, 4, id: "fee-1", successFee: onCall), .line(.region, 50, id: "region"),
                .line(.sponsorship, 3, id: "sponsor", sponsor: SponsorTerms(isMember: true, directInterest: false)),
                .line(.successFees, 2, id: "fee-2", successFee: SuccessFeeTerms(basis: .market)),
                .line(.membershipFees, 7, id: "fees"),
            ])
        let metrics = try CheckedBudget(budget).metrics
        let fees = metrics.resourceLines(of: .successFees)
        #expect(fees.map(\.id) == ["fee-1", "fee-2"])
        #expect(fees.map(\.successFee) == [onCall, SuccessFeeTerms(basis: .market)])
        #expect(metrics.resourceLines(of: .sponsorship).map(\.sponsor) == [SponsorTerms(isMember: true, directInterest: false)])
        #expect(metrics.resourceLines(of: .subsidy).map(\.id) == ["region"])
        #expect(metrics.resourceLines(of: .events).isEmpty)
        #expect(fees.map(\.id) == metrics.total(of: .successFees).lines, "the same lines as the kind's total")
    }
}

/// A rule for engine tests: reports one note per resource line, in reverse order.
struct EveryLineRule: Rule {
    static let line = MessageTemplate(id: "test/every-line", english: "Line {line}.", french: "Ligne {line}.")
    static let description = RuleDescription(
        id: RuleID("every-line", namespace: "test"),
        name: LocalizedText(english: "Every line", french: "Chaque ligne"),
        rationale: LocalizedText(english: "For tests.", french: "Pour les tests."),
        citation: Citation(document: "Tests"), defaultSeverity: .note,
        messages: [line])

    func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        context.budget.resources.reversed().map {
            context.diagnostic(Self.line, ["line": .text($0.id)], lines: [$0.id])
        }
    }
}

/// A rule that always throws.
struct ThrowingRule: Rule {
    static let description = RuleDescription(
        id: RuleID("throws", namespace: "test"),
        name: LocalizedText(english: "Throws", french: "Lève"),
        rationale: LocalizedText(english: "For tests.", french: "Pour les tests."),
        citation: Citation(document: "Tests"), defaultSeverity: .warning, messages: [])

    struct Failure: Error, CustomStringConvertible { var description: String { "the data source is down" } }
    func evaluate(_ context: RuleContext) throws -> [Diagnostic] { throw Failure() }
}

@Suite("Engine")
struct EngineTests {
    let budget = Budget.balanced(
        ClusterProfile(name: "x"), resources: [.line(.region, 1, id: "b"), .line(.state, 1, id: "a"), .line(.membershipFees, 1, id: "c")])

    @Test("A rule that throws becomes an error naming it; the others still run")
    func throwingRule() throws {
        let report = try Engine(ruleSet: RuleSet(name: "t", rules: [ThrowingRule(), EveryLineRule()])).check(budget)
        #expect(report.diagnostics.count == 4)
        let failure = try #require(report.diagnostics.first)
        #expect(failure.ruleID == "test/throws")
        #expect(failure.severity == .error)
        #expect(failure.message.rendered(in: .english) == "The rule could not be evaluated: the data source is down")
        #expect(report.diagnostics.dropFirst().allSatisfy { $0.ruleID == "test/every-line" })
    }

    @Test("Output is sorted by severity, rule and line, whatever order rules report in")
    func order() throws {
        let report = try Engine(ruleSet: RuleSet(name: "t", rules: [EveryLineRule()])).check(budget)
        #expect(report.diagnostics.map(\.lines) == [["a"], ["b"], ["c"]])
    }

    @Test("Duplicate rule ids are rejected")
    func duplicates() throws {
        #expect(throws: RuleSetError.duplicateRule("test/every-line")) {
            try RuleSet(name: "t", rules: [EveryLineRule(), EveryLineRule()])
        }
    }

    @Test("Overrides are checked against what the rule declares")
    func overrides() throws {
        let set = try RuleSet(name: "t", rules: [EveryLineRule()])
        #expect(throws: RuleSetError.self) { try set.settingSeverity(.error, for: "test/every-lines") }
        #expect(throws: RuleSetError.unknownParameter(rule: "test/every-line", name: "threshold", suggestions: [])) {
            try set.settingParameter("threshold", to: .integer(1), for: "test/every-line")
        }
        let raised = try set.settingSeverity(.error, for: "test/every-line")
        #expect(try Engine(ruleSet: raised).check(budget).diagnostics.allSatisfy { $0.severity == .error })
        let off = try set.settingEnabled(false, for: "test/every-line")
        #expect(try Engine(ruleSet: off).check(budget).diagnostics.isEmpty)
    }

    @Test("An invalid budget is an input error and no rule runs")
    func invalidBudget() throws {
        var bad = budget
        bad.resources[0].source = "regio"
        #expect(throws: InputError.self) { try Engine(ruleSet: RuleSet(name: "t", rules: [EveryLineRule()])).check(bad) }
    }

    @Test("Messages render with their arguments in either language; a missing argument shows")
    func messages() {
        let template = MessageTemplate(id: "x", english: "{a} of {b}", french: "{a} sur {b}")
        let message = Message(template, ["a": .money(Money(major: 1_000)), "b": .share(Share(percent: 15))])
        #expect(message.rendered(in: .english) == "€1,000.00 of 15%")
        #expect(message.rendered(in: .french) == "1\u{202F}000,00\u{00A0}€ sur 15\u{00A0}%")
        #expect(Message(template, [:]).rendered(in: .english) == "{a} of {b}")
    }
}
