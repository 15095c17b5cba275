import ClusterKitCore
/// Plans the least change to a budget that clears every planned finding together, exactly.
///
/// Each rule that adopts ``PlannableRule`` states its condition as share constraints; the planner writes them as one
/// linear programme over the changes of the resource lines, solves it in exact rational arithmetic (a simplex with
/// Bland's rule), rounds the optimum to whole cents in the direction the constraints need (a dive that always ends
/// quickly, cross-checked by a branch and bound on small programmes), builds the planned budget and runs the engine
/// on it again.
///
/// ```swift
/// let planner = Planner(engine: Engine(ruleSet: .grappe))
/// let plan = try planner.plan(budget)
/// print(plan.newRevenue, plan.unresolved.isEmpty)
/// ```
public struct Planner: Sendable {
    /// The engine whose rule set, catalogue and suppressions the plan is made for and checked with.
    public var engine: Engine

    /// Creates a planner.
    public init(engine: Engine) { self.engine = engine }

    /// The constraints the enabled rules state for `budget` (every severity), and the rules that state none.
    /// - Throws: `InputError` for a budget the catalogue refuses; what a rule throws.
    public func constraints(for budget: Budget, file: String? = nil) throws -> (constraints: [ShareConstraint], notPlanned: [RuleID]) {
        try constraints(for: try CheckedBudget(budget, catalog: engine.catalog, file: file))
    }

    /// The constraints the enabled rules state for a checked budget, and the rules that state none.
    func constraints(for checked: CheckedBudget) throws -> (constraints: [ShareConstraint], notPlanned: [RuleID]) {
        var constraints: [ShareConstraint] = [], notPlanned: [RuleID] = []
        for entry in engine.ruleSet.entries where entry.isEnabled {
            let context = RuleContext(
                checked, description: entry.description, severity: entry.severity, parameters: entry.parameters)
            if let rule = entry.rule as? any PlannableRule, let stated = try rule.planningConstraints(context) {
                constraints += stated
            } else {
                notPlanned.append(entry.id)
            }
        }
        return (constraints, notPlanned.sorted())
    }

    /// The plan for `budget` under `terms`.
    /// - Throws: ``PlanningError/infeasible(conflict:)`` naming the conflicting terms and conditions when no plan
    ///   exists; `InputError` for an invalid budget; ``PlanningError`` for terms naming unknown lines or sources.
    public func plan(_ budget: Budget, terms: PlanTerms = PlanTerms(), file: String? = nil) throws -> Plan {
        try plan(budget, terms: terms, file: file, extra: [], relaxed: [])
    }

    /// The plan with `extra` constraints, and without those of the `relaxed` rules (a year-by-year plan's glide path).
    func plan(
        _ budget: Budget, terms: PlanTerms, file: String?, extra: [ShareConstraint], relaxed: Set<RuleID>
    ) throws -> Plan {
        let checked = try CheckedBudget(budget, catalog: engine.catalog, file: file)
        let metrics = checked.metrics
        let stated = try constraints(for: checked)
        let planned = stated.constraints.filter { terms.clear.contains($0.severity) && !relaxed.contains($0.ruleID) } + extra
        var model = try PlanningModel(budget: budget, metrics: metrics, catalog: engine.catalog, terms: terms, constraints: planned)
        let amounts = try model.solve()
        let changes = model.changes(amounts)
        let plannedBudget = try Self.apply(changes, to: budget, newLines: model.newLines(amounts))
        return Plan(
            original: budget, terms: terms, constraints: planned, changes: changes, budget: plannedBudget,
            before: engine.check(checked, file: file),
            report: engine.check(try CheckedBudget(plannedBudget, catalog: engine.catalog, file: file), file: file),
            notPlanned: stated.notPlanned)
    }

    /// The budget with the changes made: resources changed and added, expenses following the resources' change in
    /// proportion to their amounts (to the cent, largest remainders first) — but for the expenses that money passed
    /// through pays for, which keep theirs — declared figures left out.
    static func apply(_ changes: [Plan.Change], to budget: Budget, newLines: [ResourceLine]) throws -> Budget {
        var planned = budget
        let after = Dictionary(changes.map { ($0.lineID, $0.after) }, uniquingKeysWith: { a, _ in a })
        for index in planned.resources.indices {
            if let amount = after[planned.resources[index].id] { planned.resources[index].amount = amount }
        }
        planned.resources += newLines
        let growth = changes.reduce(Int64(0)) { $0 + $1.difference }
        // The expenses that pay money on (the actions of lines passed through) keep their amounts: the plan leaves
        // those lines, so a partner's share never comes to exceed the expense it is part of.
        let passedOn = Set(budget.resources.filter(\.passThrough).compactMap(\.action))
        var following = planned.expenses.indices.filter { !passedOn.contains(planned.expenses[$0].id) }
        if following.isEmpty { following = Array(planned.expenses.indices) }
        let amounts = following.map { planned.expenses[$0].amount.minorUnits }
        for (slot, share) in Self.distribute(growth, over: amounts).enumerated() {
            planned.expenses[following[slot]].amount = Money(
                minorUnits: amounts[slot] + share, currency: budget.currency)
        }
        planned.cluster.declared = nil
        return planned
    }

    /// `total` shared among slots in proportion to `weights` (all to the first when they are all zero), each share
    /// rounded down and the cents left over given to the largest remainders: the shares add up to `total` exactly.
    static func distribute(_ total: Int64, over weights: [Int64]) -> [Int64] {
        guard !weights.isEmpty else { return [] }
        let sum = weights.reduce(Int128(0)) { $0 + Int128($1) }
        guard sum > 0 else { return [total] + [Int64](repeating: 0, count: weights.count - 1) }
        let sign: Int128 = total < 0 ? -1 : 1
        let magnitude = Int128(total) * sign
        var shares = weights.map { magnitude * Int128($0) / sum }
        var left = magnitude - shares.reduce(0, +)
        let order = weights.indices.sorted { a, b in
            let ra = magnitude * Int128(weights[a]) % sum, rb = magnitude * Int128(weights[b]) % sum
            return ra != rb ? ra > rb : a < b
        }
        for index in order where left > 0 {
            shares[index] += 1
            left -= 1
        }
        return shares.map { Int64($0 * sign) }
    }
}

/// The linear programme of a plan: its variables (classes of lines that move together), rows and objectives.
struct PlanningModel {
    /// One line of the budget, or one the plan may add.
    struct Line {
        var id: String
        var label: String?
        var source: RevenueSourceID
        var kind: RevenueKind
        var sector: Sector
        var nature: ResourceNature
        var amount: Int64
        var isNew: Bool
    }

    /// One variable: an increase (sign +1) or a decrease (−1) of a class of lines that every constraint sees alike.
    struct Variable {
        var sign: Int
        var lines: [Int]
        var isPublic: Bool
    }

    var lines: [Line] = []
    var variables: [Variable] = []
    var program = LinearProgram(variableCount: 0)
    var groupNames: [String] = []
    let terms: PlanTerms
    let currency: CurrencyCode

    init(
        budget: Budget, metrics: BudgetMetrics, catalog: Catalog, terms: PlanTerms, constraints: [ShareConstraint]
    ) throws {
        // Long by design: the program is written in the order it is read — the lines, their classes, a variable each
        // way per class, the bounds, then the share constraints — each step reading what the one before built.
        self.terms = terms
        currency = budget.currency
        // The funding base only: lines that are not funding or pass money on are in no share, and a plan leaves them.
        for line in metrics.resources where line.funds {
            lines.append(Line(
                id: line.id, label: budget.resources[line.index].label, source: line.source, kind: line.kind,
                sector: line.sector, nature: line.nature, amount: line.amount.minorUnits, isNew: false))
        }
        let existing = Set(lines.map(\.id))
        for source in terms.newLines {
            guard let definition = catalog.source(source) else { throw PlanningError.unknownSource(source) }
            var id = "plan-\(source.rawValue)", suffix = 2
            while existing.contains(id) || lines.contains(where: { $0.id == id }) {
                id = "plan-\(source.rawValue)-\(suffix)"
                suffix += 1
            }
            lines.append(Line(
                id: id, label: definition.name(in: .english), source: source, kind: definition.kind,
                sector: definition.sector, nature: definition.nature, amount: 0, isNew: true))
        }
        var named: [String: PlanTerms.LineTerms] = [:]
        for line in terms.lines {
            guard existing.contains(line.id) else { throw PlanningError.unknownLine(line.id) }
            named[line.id] = line
        }
        // Which side of each constraint a line is on: lines alike in every respect share a variable.
        let selectors = constraints.flatMap { [$0.part, $0.whole.selector] }
        func signature(_ line: Line) -> [Bool] {
            selectors.map { $0.contains(id: line.id, kind: line.kind, sector: line.sector, nature: line.nature) }
                + [line.sector == .public]
        }
        var classes: [[Bool]: Int] = [:]
        var rows: [LinearProgram.Row] = []
        func group(_ name: String) -> Int {
            if let index = groupNames.firstIndex(of: name) { return index }
            groupNames.append(name)
            return groupNames.count - 1
        }
        for (index, line) in lines.enumerated() {
            if let own = named[line.id] {
                try addBoundedLine(
                    index, own, members: budget.cluster.members, group: group("line \(line.id)"), rows: &rows)
                continue
            }
            let key = signature(line)
            // An increase: unbounded, shared with the lines of its class.
            if let position = classes[key + [true]] {
                variables[position].lines.append(index)
            } else {
                classes[key + [true]] = variables.count
                variables.append(Variable(sign: 1, lines: [index], isPublic: line.sector == .public))
            }
            // A decrease, down to zero, where lines may fall.
            guard terms.unnamedLinesMayFall, !line.isNew, line.amount > 0 else { continue }
            if let position = classes[key + [false]] {
                variables[position].lines.append(index)
            } else {
                classes[key + [false]] = variables.count
                variables.append(Variable(sign: -1, lines: [index], isPublic: line.sector == .public))
            }
        }
        // Each decrease at most what its lines hold.
        for (position, variable) in variables.enumerated() where variable.sign < 0 {
            let held = variable.lines.reduce(Int64(0)) { $0 + lines[$1].amount }
            rows.append(.init(coefficients: [position: Rational.one], relation: .atMost, bound: Rational(held), group: -1))
        }
        // The share constraints: q·part − p·whole ≥ 0 for a floor, ≤ 0 for a ceiling.
        for constraint in constraints {
            let p = Int128(constraint.threshold.numerator), q = Int128(constraint.threshold.denominator)
            let whole = constraint.whole.selector
            func weight(_ line: Line) -> Int128 {
                let inPart = constraint.part.contains(id: line.id, kind: line.kind, sector: line.sector, nature: line.nature)
                let inWhole = whole.contains(id: line.id, kind: line.kind, sector: line.sector, nature: line.nature)
                return (inPart ? q : 0) - (inWhole ? p : 0)
            }
            let direction: Int128 = constraint.bound == .floor ? 1 : -1
            var start = Int128(0)
            for line in lines { start += weight(line) * Int128(line.amount) }
            var coefficients: [Int: Rational] = [:]
            for (position, variable) in variables.enumerated() {
                let value = weight(lines[variable.lines[0]]) * Int128(variable.sign) * direction
                if value != 0 { coefficients[position] = Rational(integer: value) }
            }
            rows.append(.init(
                coefficients: coefficients, relation: .atLeast, bound: Rational(integer: -start * direction),
                group: group(constraint.name)))
        }
        if terms.budgetFixed {
            var coefficients: [Int: Rational] = [:]
            for (position, variable) in variables.enumerated() { coefficients[position] = Rational(Int64(variable.sign)) }
            rows.append(.init(coefficients: coefficients, relation: .equal, bound: .zero, group: group("budget fixed")))
        }
        program = LinearProgram(variableCount: variables.count, rows: rows)
    }

    /// A line with terms of its own: a variable each way, and rows that keep its amount within its bounds.
    private mutating func addBoundedLine(
        _ index: Int, _ own: PlanTerms.LineTerms, members: Int?, group: Int, rows: inout [LinearProgram.Row]
    ) throws {
        let line = lines[index], amount = Int128(line.amount)
        var low = Int128(0), high: Int128? = nil
        if own.fixed {
            low = amount
            high = amount
        }
        if let minimum = own.minimum { low = max(low, Int128(minimum.minorUnits)) }
        if let maximum = own.maximum { high = min(high ?? Int128(maximum.minorUnits), Int128(maximum.minorUnits)) }
        if let each = own.maximumPerMember {
            guard let members else { throw PlanningError.membersUnknown(own.id) }
            let cap = Int128(each.minorUnits) * Int128(members)
            high = min(high ?? cap, cap)
        }
        if let increase = own.maximumIncrease {
            let cap = amount + amount * Int128(increase.numerator) / Int128(increase.denominator)
            high = min(high ?? cap, cap)
        }
        if let decrease = own.maximumDecrease {
            low = max(low, amount - amount * Int128(decrease.numerator) / Int128(decrease.denominator))
        } else if !terms.unnamedLinesMayFall && !own.fixed && own.minimum == nil {
            low = max(low, amount)
        }
        let up = variables.count, down = up + 1
        variables.append(Variable(sign: 1, lines: [index], isPublic: line.sector == .public))
        variables.append(Variable(sign: -1, lines: [index], isPublic: line.sector == .public))
        // The amount stays within the line's bounds (its terms); at or above zero is a row of every decrease.
        let net: [Int: Rational] = [up: .one, down: Rational(integer: -1)]
        rows.append(.init(coefficients: net, relation: .atLeast, bound: Rational(integer: low - amount), group: group))
        if let high {
            rows.append(.init(coefficients: net, relation: .atMost, bound: Rational(integer: high - amount), group: group))
        }
    }

    /// The objective's cost of each variable; `tieBreak` is the least total change, a decrease of private revenue
    /// counting double (a plan replaces public funding before it cuts private revenue).
    private func costs(_ objective: PlanTerms.Objective, tieBreak: Bool = false) -> [Rational] {
        variables.map { variable in
            if tieBreak { return variable.sign < 0 && !variable.isPublic ? Rational(2) : .one }
            return switch objective {
            case .leastNewRevenue: variable.sign > 0 ? .one : .zero
            case .leastTotalChange: .one
            case .leastPublicReplaced: variable.sign < 0 && variable.isPublic ? .one : .zero
            }
        }
    }

    /// The value of each variable in the plan, in minor units: the exact optimum of the objective rounded to whole
    /// cents (``LinearProgram/minimizeInteger(_:incumbent:nodeLimit:)``), then, among the plans of that cost, the
    /// least change, from the first plan as a known solution (so the second solve always has one).
    /// - Throws: ``PlanningError/infeasible(conflict:)`` naming the smallest conflicting set of terms and conditions
    ///   when no plan in whole cents is found.
    mutating func solve() throws -> [Int64] {
        let primary = costs(terms.objective)
        guard case .optimal(let first, let best) = try program.minimizeInteger(primary) else {
            throw PlanningError.infeasible(conflict: try program.conflict().map { groupNames[$0] })
        }
        // Among the plans of least primary cost, the least change.
        var tied = program
        tied.rows.append(.init(
            coefficients: Dictionary(uniqueKeysWithValues: primary.enumerated().filter { !$0.element.isZero }.map { ($0.offset, $0.element) }),
            relation: .atMost, bound: best, group: -1))
        let secondary = costs(terms.objective, tieBreak: true)
        var values = first
        if case .optimal(let better, _) = try tied.minimizeInteger(secondary, incumbent: first) { values = better }
        return try values.map { value in
            guard value.isInteger, let cents = Int64(exactly: value.numerator) else { throw PlanningError.tooLarge }
            return cents
        }
    }

    /// Each line's change: a variable's value shared among its lines in proportion to their amounts.
    func lineChanges(_ values: [Int64]) -> [Int64] {
        var change = [Int64](repeating: 0, count: lines.count)
        for (position, variable) in variables.enumerated() where values[position] != 0 {
            let shares = Planner.distribute(values[position], over: variable.lines.map { lines[$0].amount })
            for (slot, index) in variable.lines.enumerated() { change[index] += shares[slot] * Int64(variable.sign) }
        }
        return change
    }

    func changes(_ values: [Int64]) -> [Plan.Change] {
        zip(lines, lineChanges(values)).compactMap { line, change in
            guard change != 0 else { return nil }
            return Plan.Change(
                lineID: line.id, label: line.label, source: line.source, sector: line.sector,
                before: Money(minorUnits: line.amount, currency: currency),
                after: Money(minorUnits: line.amount + change, currency: currency), isNew: line.isNew)
        }
    }

    func newLines(_ values: [Int64]) -> [ResourceLine] {
        zip(lines, lineChanges(values)).compactMap { line, change in
            guard line.isNew, change > 0 else { return nil }
            return ResourceLine(
                id: line.id, label: line.label, source: line.source, amount: Money(minorUnits: change, currency: currency))
        }
    }
}
