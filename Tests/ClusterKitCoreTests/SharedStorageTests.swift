import ClusterKitCore
import Foundation
import Testing
import TestSupport

/// The values the engine keeps cheap to copy — totals that list their lines when read, keyed totals as arrays,
/// message arguments as a list of pairs, diagnostics over one shared storage — behave as the plain values they
/// replace: the same lines, the same lookups, the same equality, and a change to a copy never shows in another.
@Suite("Shared storage")
struct SharedStorageTests {
    /// Lines in an order where budget order and id order differ, with an in-kind line, a funder on a private line,
    /// an earmark and a public-call success fee.
    let budget = Budget.balanced(
        ClusterProfile(name: "x"),
        resources: [
            .line(.region, 40, id: "z-region", label: "Région"), .line(.membershipFees, 10, id: "fees"),
            .line(.memberTime, 5, id: "time"), .line(.state, 20, id: "a-state", label: "État"),
            .line(.region, 15, id: "m-region", label: "Région"), .line(.sponsorship, 10, id: "sponsor", funder: "Orange"),
        ])

    @Test("A total lists the lines it sums, in budget order, and equals the same total listed by hand")
    func totalsListTheirLines() throws {
        let metrics = try CheckedBudget(budget).metrics
        #expect(metrics.publicResources.lines == ["z-region", "a-state", "m-region"])
        #expect(metrics.privateResources.lines == ["fees", "time", "sponsor"])
        #expect(metrics.privateCash.lines == ["fees", "sponsor"])
        #expect(metrics.inKindResources.lines == ["time"])
        #expect(metrics.publicResources == LineTotal(amount: Money(major: 75), lines: ["z-region", "a-state", "m-region"]))
        #expect(metrics.publicResources != LineTotal(amount: Money(major: 75), lines: ["z-region", "a-state"]))
        #expect(metrics.total(ofSource: .region) == LineTotal(amount: Money(major: 55), lines: ["z-region", "m-region"]))
        #expect(metrics.total(ofSource: .erdf) == LineTotal(amount: .zero(), lines: []))
        #expect(metrics.privateCash(of: .membershipFees).lines == ["fees"])
        #expect(metrics.privateCash(of: .memberTime).amount == .zero(), "time is in kind: no private cash")
        let expenses = metrics.operatingExpenses.lines + metrics.programmeExpenses.lines
        #expect(expenses.sorted() == budget.expenses.map(\.id).sorted())
    }

    @Test("Keyed totals come in the order the budget first names them; the dictionaries agree with them")
    func keyedTotals() throws {
        let metrics = try CheckedBudget(budget).metrics
        #expect(metrics.sourceTotals.map(\.key) == [.region, .membershipFees, .memberTime, .state, .sponsorship])
        #expect(metrics.funderTotals.map(\.key) == ["Région", "État", "Orange"])
        #expect(metrics.funderTotals[0].total.lines == ["z-region", "m-region"])
        for entry in metrics.sourceTotals { #expect(metrics.bySource[entry.key] == entry.total) }
        for entry in metrics.kindTotals { #expect(metrics.byKind[entry.key] == entry.total) }
        for entry in metrics.funderTotals { #expect(metrics.byFunder[entry.key] == entry.total) }
        for entry in metrics.privateCashKindTotals { #expect(metrics.privateCashByKind[entry.key] == entry.total) }
        #expect(metrics.privateCashByKind[.memberTime] == nil)
        // The resolved lines are the budget's, in its order.
        #expect(metrics.resources.map(\.id) == budget.resources.map(\.id))
        #expect(metrics.resources.map(\.funder) == ["Région", "fees", "time", "État", "Région", "Orange"])
    }

    @Test("Message arguments: looked up by name, equal whatever their order, merged with the other's values first")
    func messageArguments() {
        let arguments: MessageArguments = ["share": .share(Share(percent: 12)), "amount": .integer(3)]
        #expect(arguments["share"] == .share(Share(percent: 12)))
        #expect(arguments["missing"] == nil)
        #expect(arguments == ["amount": .integer(3), "share": .share(Share(percent: 12))])
        #expect(arguments.hashValue == MessageArguments(["amount": .integer(3), "share": .share(Share(percent: 12))]).hashValue)
        #expect(arguments != ["amount": .integer(4), "share": .share(Share(percent: 12))])
        let merged = arguments.merging(["amount": .integer(5), "basis": .text("gross")]) { $1 }
        #expect(merged.keys == ["share", "amount", "basis"])
        #expect(merged["amount"] == .integer(5))
        var edited = arguments
        edited["amount"] = nil
        edited["year"] = .integer(2016)
        #expect(edited.keys == ["share", "year"])
        #expect(arguments.keys == ["share", "amount"], "a change to a copy never shows in the original")
    }

    @Test("A remediation option's summary says its amount, unless its message gives one")
    func optionAmount() {
        let template = MessageTemplate(id: "test.fix", english: "Add {amount}.", french: "Ajouter {amount}.")
        let option = RemediationOption(amount: Money(major: 28_750), summary: Message(template))
        #expect(option.summary.rendered(in: .english) == "Add €28,750.00.")
        let given = RemediationOption(amount: Money(major: 1), summary: Message(template, ["amount": .text("all of it")]))
        #expect(given.summary.rendered(in: .french) == "Ajouter all of it.")
    }

    @Test("A localized list is joined in each language when rendered")
    func localizedList() {
        let template = MessageTemplate(id: "test.list", english: "Held: {held}.", french: "Réunis : {held}.")
        let message = Message(
            template,
            ["held": .localizedList([LocalizedText(english: "age", french: "l'âge"), LocalizedText(english: "members", french: "les adhérents")])])
        #expect(message.rendered(in: .english) == "Held: age and members.")
        #expect(message.rendered(in: .french) == "Réunis\u{00A0}: l'âge et les adhérents.")
    }

    @Test("A diagnostic is a value: a change to a copy never shows in another")
    func diagnosticCopies() {
        let template = MessageTemplate(id: "test.note", english: "Note.", french: "Note.")
        let original = Diagnostic(ruleID: "test/x", severity: .note, message: Message(template), lines: ["b", "a"])
        var copy = original
        #expect(copy == original)
        copy.lines.append("c")
        copy.severity = .error
        #expect(original.lines == ["b", "a"])
        #expect(original.severity == .note)
        #expect(copy.lines == ["b", "a", "c"])
        #expect(copy != original)
        var same = original
        same.lines = ["b", "a"]
        #expect(same == original, "equal fields make equal diagnostics, whatever their storage")
        #expect(Set([same, original]).count == 1)
    }

    @Test("Duplicate ids and earmarks are found among many lines, each error naming both lines")
    func lineIDs() throws {
        func failure(_ budget: Budget) -> InputError? {
            do {
                _ = try CheckedBudget(budget).metrics
                return nil
            } catch { return error }
        }
        let many = (0..<20_000).map { ResourceLine.line(.membershipFees, 1, id: "line-\($0)") }
        var budget = Budget.balanced(ClusterProfile(name: "x"), resources: many)
        #expect(failure(budget) == nil)
        budget.resources[19_999].id = "line-3"
        let duplicate = try #require(failure(budget))
        #expect(duplicate.path == "resources[19999].id")
        #expect(duplicate.reason.contains("already used by resources[3]"))
        budget.resources[10].source = "nowhere"
        #expect(failure(budget)?.path == "resources[10].source", "an earlier line's error is met first")
        budget.resources[10].source = .membershipFees
        budget.resources[19_999].id = "expenses"
        #expect(failure(budget)?.reason.contains("already used by expenses[0]") == true)
        budget.resources[19_999].id = "line-19999"
        budget.expenses.append(ExpenseLine(id: "expenses", amount: .zero(), nature: .programme))
        #expect(failure(budget)?.path == "expenses[1].id")
        budget.expenses.removeLast()
        budget.resources[5].action = "expenses"
        #expect(failure(budget) == nil, "an earmark to an expense")
        budget.resources[5].action = "line-7"
        #expect(failure(budget)?.path == "resources[5].action", "an earmark to a resource line")
        budget.resources[5].action = "nothing"
        #expect(failure(budget)?.path == "resources[5].action")
    }

    @Test(
        "The duplicate reported is the first one a reading in order meets, at every size of the table of ids",
        arguments: [12, 300, 5_000, 30_000])
    func firstDuplicate(lineCount: Int) throws {
        var random = SplitMix64(seed: UInt64(lineCount))
        for _ in 0..<8 {
            // Ids from a pool a little larger than the budget, so that some repeat and most do not.
            let ids = (0..<lineCount).map { _ in "id-\(Int.random(in: 0..<lineCount * 4, using: &random))" }
            let expenseCount = Int.random(in: 1...max(1, lineCount / 10), using: &random)
            var budget = Budget.balanced(
                ClusterProfile(name: "x"), resources: ids[expenseCount...].map { .line(.membershipFees, 1, id: $0) })
            budget.expenses = ids[..<expenseCount].map { ExpenseLine(id: $0, amount: .zero(), nature: .programme) }
            func place(_ position: Int) -> String {
                position < expenseCount ? "expenses[\(position)]" : "resources[\(position - expenseCount)]"
            }
            // The reference: a dictionary of the ids met so far, read in order.
            var seen: [String: Int] = [:], expected: (path: String, reason: String)?
            for (position, id) in ids.enumerated() {
                if let earlier = seen[id] {
                    expected = (place(position) + ".id", "id '\(id)' is already used by \(place(earlier))")
                    break
                }
                seen[id] = position
            }
            do {
                _ = try CheckedBudget(budget).metrics
                #expect(expected == nil)
            } catch {
                #expect(error.path == expected?.path)
                #expect(error.reason == expected?.reason)
            }
        }
    }
}
