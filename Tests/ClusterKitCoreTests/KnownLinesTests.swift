import ClusterKitCore
import Foundation
import Testing
import TestSupport

/// What a reader tells the check of its lines (`CheckedBudget.KnownLines`) changes no figure and no error, and the
/// metrics find a budget's funders in the order it names them, however many it has.
@Suite("A checked budget: known lines and funders")
struct KnownLinesTests {
    static let expenses = [
        ExpenseLine(id: "a", amount: Money(major: 100)), ExpenseLine(id: "b", amount: Money(major: 50), nature: .operating),
    ]
    static let resources = [
        ResourceLine(id: "r1", source: .region, amount: Money(major: 60), funder: "Région", action: "a"),
        ResourceLine(id: "r2", source: .membershipFees, amount: Money(major: 90)),
    ]

    @Test("Known ids and source positions give the figures and errors of the full check, with an action and forecast amounts")
    func knownLinesChangeNothing() throws {
        var budget = Budget(cluster: ClusterProfile(name: "x"), year: 2013, resources: Self.resources, expenses: Self.expenses)
        budget.statement = .realised
        budget.forecast = ["a": Money(major: 90), "r2": Money(major: 80)]
        let plain = try CheckedBudget(budget)
        let positions = Self.resources.map { Int32(Catalog.builtIn.sourcePosition($0.source)!) }
        let told = [
            CheckedBudget.KnownLines(distinctIDs: true, sourcePositions: positions),
            CheckedBudget.KnownLines(distinctIDs: true, sourcePositions: []),
            CheckedBudget.KnownLines(distinctIDs: false, sourcePositions: [positions[0], -1]),
        ]
        for known in told {
            let checked = try CheckedBudget(budget, catalog: .builtIn, file: nil, known: known)
            #expect(checked.metrics.earmarkedByAction.keys.sorted() == ["a"])
            #expect(checked.metrics.earmarkedByAction["a"]?.amount == plain.metrics.earmarkedByAction["a"]?.amount)
            #expect(checked.metrics.funderTotals.map(\.key) == plain.metrics.funderTotals.map(\.key))
            #expect(checked.metrics.sourceTotals.map(\.key) == plain.metrics.sourceTotals.map(\.key))
            #expect(checked.metrics.privateResources.amount == plain.metrics.privateResources.amount)
        }
        // An action or a forecast amount that names no line: the same error, told or not.
        var wrongAction = budget
        wrongAction.resources[0].action = "zz"
        var wrongForecast = budget
        wrongForecast.forecast["zz"] = Money(major: 1)
        for wrong in [wrongAction, wrongForecast] {
            let full = #expect(throws: InputError.self) { try CheckedBudget(wrong) }
            let told = #expect(throws: InputError.self) {
                try CheckedBudget(wrong, catalog: .builtIn, file: nil, known: .init(distinctIDs: true, sourcePositions: positions))
            }
            #expect(full != nil && full == told, "\(String(describing: full)) / \(String(describing: told))")
        }
    }

    /// Lines naming `distinct` funders, each named again at random, a repeat in two of written in NFD (the same
    /// funder as a `String`), every fifth line by its label rather than a funder.
    @Test("Funders are totalled in the order the budget first names them, past the dictionary's threshold too", arguments: [1, 7, 8, 9, 30, 1_100, 2_000])
    func funderOrder(_ distinct: Int) throws {
        var lines: [ResourceLine] = []
        var generator = SplitMix64(seed: UInt64(distinct))
        for index in 0..<(distinct * 3) {
            let number = index < distinct ? index : Int.random(in: 0..<distinct, using: &generator)
            let name = Bool.random(using: &generator) ? "Re\u{301}gion \(number)" : "Région \(number)"
            let funder: String? = index % 5 == 4 ? nil : name
            lines.append(
                ResourceLine(
                    id: "l\(index)", label: funder == nil ? name : nil, source: index % 3 == 0 ? .membershipFees : .region,
                    amount: Money(major: Int64(1 + index)), funder: funder))
        }
        let total = lines.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        let budget = Budget(
            cluster: ClusterProfile(name: "x"), year: 2013, resources: lines,
            expenses: [ExpenseLine(id: "e", amount: Money(minorUnits: total))])
        let metrics = try CheckedBudget(budget).metrics
        // Public lines count for their funder (else their label); private ones only when they name a funder.
        var order: [String] = [], sums: [String: Int64] = [:], members: [String: [String]] = [:]
        for line in lines where line.source == .region || line.funder != nil {
            let name = line.funder ?? line.label ?? line.id
            if sums[name] == nil { order.append(name) }
            sums[name, default: 0] += line.amount.minorUnits
            members[name, default: []].append(line.id)
        }
        #expect(metrics.funderTotals.map(\.key) == order)
        // The first spelling of each funder is the one kept.
        #expect(metrics.funderTotals.map { Array($0.key.utf8) } == order.map { Array($0.utf8) })
        for entry in metrics.funderTotals {
            #expect(entry.total.amount.minorUnits == sums[entry.key] && entry.total.lines == members[entry.key])
        }
    }
}
