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

    /// The plan with `extra` constraints, and without those of the `relaxed` rules (a year-by-year plan's glide path;
    /// `RuleVerifier`'s least change for one constraint).
    package func plan(
        _ budget: Budget, terms: PlanTerms, file: String?, extra: [ShareConstraint], relaxed: Set<RuleID>
    ) throws -> Plan {
        let given = try CheckedBudget(budget, catalog: engine.catalog, file: file)
        let next = try Self.nextYear(from: budget, metrics: given.metrics)
        let checked = next.budget == budget ? given : try CheckedBudget(next.budget, catalog: engine.catalog, file: file)
        let metrics = checked.metrics
        let stated = try constraints(for: checked)
        let planned = stated.constraints.filter { terms.clear.contains($0.severity) && !relaxed.contains($0.ruleID) } + extra
        func makeModel(step: Int64?) throws -> PlanningModel {
            try PlanningModel(
                budget: next.budget, metrics: metrics, catalog: engine.catalog, terms: terms, constraints: planned, step: step)
        }
        // In whole steps; where no plan moves by whole steps (a bound between two steps), in cents.
        var model = try makeModel(step: nil)
        var solved = try model.solveIfPossible()
        if solved == nil, model.step > 1 {
            model = try makeModel(step: 1)
            solved = try model.solveIfPossible()
        }
        guard let amounts = solved else { throw PlanningError.infeasible(conflict: try model.conflict()) }
        var changes = model.changes(amounts)
        let reasons = model.reasons(model.lineChanges(amounts), constraints: planned)
        let byLine = Dictionary(zip(model.lines.map(\.id), reasons), uniquingKeysWith: { a, _ in a })
        for index in changes.indices { changes[index].reasons = byLine[changes[index].lineID] ?? [] }
        let plannedBudget = try Self.apply(changes, to: next.budget, newLines: model.newLines(amounts))
        return Plan(
            original: budget, terms: terms, constraints: planned, changes: changes, budget: plannedBudget,
            before: engine.check(given, file: file),
            report: engine.check(try CheckedBudget(plannedBudget, catalog: engine.catalog, file: file), file: file),
            notPlanned: stated.notPlanned, step: Money(minorUnits: model.step, currency: budget.currency),
            notCleared: stated.constraints.filter { !terms.clear.contains($0.severity) && !relaxed.contains($0.ruleID) },
            bindingCaps: try model.bindingCaps(amounts), carriedOver: next.carriedOver, dropped: next.dropped)
    }

    /// The budget a plan starts from, and the lines left out of the planning. A forecast is its own start, its lines
    /// that are not funding or pass money on carried over unchanged. Realised accounts (a closed year) give next
    /// year's budget, for the next fiscal period: the lines that are not funding (financial and exceptional income,
    /// reversals, transfers: the closed year's accounting, not next year's funding) are dropped with the accounting
    /// expenses; money passed on is carried over with the expense it pays; the other expenses follow the resources
    /// so that the budget balances (the closed year's result is not planned).
    static func nextYear(
        from budget: Budget, metrics: BudgetMetrics
    ) throws -> (budget: Budget, carriedOver: [String], dropped: [String]) {
        let leftOut = metrics.resources.filter { !$0.funds }
        guard budget.statement == .realised else { return (budget, leftOut.map(\.id), []) }
        var next = budget
        next.year += 1
        next.period = budget.period.map { FiscalPeriod(start: $0.start.yearLater, end: $0.end.yearLater) }
        next.statement = .forecast
        next.forecast = [:]
        next.cluster.declared = nil
        let dropped = Set(leftOut.filter { !$0.passThrough }.map(\.index))
        next.resources = budget.resources.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
        next.expenses = budget.expenses.filter { $0.nature != .accounting }
        let passedOn = Set(budget.resources.filter(\.passThrough).compactMap(\.action))
        let following = next.expenses.indices.filter { !passedOn.contains(next.expenses[$0].id) }
        let kept = next.expenses.indices.filter { passedOn.contains(next.expenses[$0].id) }
            .reduce(Int64(0)) { $0 + next.expenses[$1].amount.minorUnits }
        let total = next.resources.reduce(Int64(0)) { $0 + $1.amount.minorUnits } - kept
        if total >= 0, !following.isEmpty {
            let shares = distribute(total, over: following.map { next.expenses[$0].amount.minorUnits })
            for (slot, index) in following.enumerated() {
                next.expenses[index].amount = Money(minorUnits: shares[slot], currency: budget.currency)
            }
        }
        return (
            next, leftOut.filter(\.passThrough).map(\.id),
            leftOut.filter { !$0.passThrough }.map(\.id)
        )
    }

    /// The revenue that comes with work of its own: its change goes to the programme's actions, not to every
    /// expense.
    static let workSources: Set<RevenueSourceID> = [.services, .events, .actionParticipation]

    /// The budget with the changes made: resources changed and added, and the expenses following them so that the
    /// budget keeps its balance. New revenue funds the work it comes with: a line earmarked for an action changes
    /// that action; billed services, events and participations in actions change the programme's actions in
    /// proportion to their amounts; any other change (fees, public funding) changes every operating and programme
    /// expense in proportion (to the cent, largest remainders first). The expenses that money passed through pays
    /// for keep theirs, as do accounting expenses; declared figures are left out.
    static func apply(_ changes: [Plan.Change], to budget: Budget, newLines: [ResourceLine]) throws -> Budget {
        var planned = budget
        let after = Dictionary(changes.map { ($0.lineID, $0.after) }, uniquingKeysWith: { a, _ in a })
        for index in planned.resources.indices {
            if let amount = after[planned.resources[index].id] { planned.resources[index].amount = amount }
        }
        planned.resources += newLines
        // The expenses that pay money on (the actions of lines passed through) keep their amounts: the plan leaves
        // those lines, so a partner's share never comes to exceed the expense it is part of.
        let passedOn = Set(budget.resources.filter(\.passThrough).compactMap(\.action))
        var following = planned.expenses.indices.filter {
            !passedOn.contains(planned.expenses[$0].id) && planned.expenses[$0].nature != .accounting
        }
        if following.isEmpty { following = planned.expenses.indices.filter { !passedOn.contains(planned.expenses[$0].id) } }
        if following.isEmpty { following = Array(planned.expenses.indices) }
        let actions = following.filter { planned.expenses[$0].nature == .programme }
        var delta = [Int64](repeating: 0, count: planned.expenses.count)
        var general = Int64(0), work = Int64(0)
        let actionOf = Dictionary(
            budget.resources.filter { !$0.passThrough }.compactMap { line in line.action.map { (line.id, $0) } },
            uniquingKeysWith: { a, _ in a })
        let followingByID = Dictionary(following.map { (planned.expenses[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        for change in changes {
            if let earmarked = actionOf[change.lineID], let index = followingByID[earmarked] {
                delta[index] += change.difference
            } else if workSources.contains(change.source), !actions.isEmpty {
                work += change.difference
            } else {
                general += change.difference
            }
        }
        func share(_ amount: Int64, over indices: [Int]) {
            for (slot, part) in distribute(amount, over: indices.map { planned.expenses[$0].amount.minorUnits }).enumerated() {
                delta[indices[slot]] += part
            }
        }
        share(work, over: actions)
        share(general, over: following)
        // Where routing would take an expense below zero (a large cut), the whole change follows in proportion.
        if zip(planned.expenses, delta).contains(where: { $0.amount.minorUnits + $1 < 0 }) {
            delta = [Int64](repeating: 0, count: planned.expenses.count)
            share(changes.reduce(0) { $0 + $1.difference }, over: following)
        }
        for index in planned.expenses.indices where delta[index] != 0 {
            planned.expenses[index].amount = Money(
                minorUnits: planned.expenses[index].amount.minorUnits + delta[index], currency: budget.currency)
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
        /// Whether the variable is a line's with terms of its own (its bounds are the terms', not the caps').
        var isNamed = false
    }

    var lines: [Line] = []
    var variables: [Variable] = []
    var program = LinearProgram(variableCount: 0)
    var groupNames: [String] = []
    let terms: PlanTerms
    let currency: CurrencyCode
    /// The step of every variable, in minor units: a variable's value is a whole number of steps (one cent for the
    /// exact plan).
    let step: Int64
    /// The rows of ClusterKit's caps: the row, and the most it allows (in minor units).
    var caps: [(row: Int, variable: Int, limit: Rational)] = []

    /// The term name of the cap on fees' growth in a conflict or among the caps that bind: its field in the terms.
    static let feeGrowthCapName = "caps.feeGrowth"

    init(
        budget: Budget, metrics: BudgetMetrics, catalog: Catalog, terms: PlanTerms, constraints: [ShareConstraint],
        step: Int64? = nil
    ) throws {
        // Long by design: the program is written in the order it is read — the lines, their classes, a variable each
        // way per class, the bounds, then the share constraints — each step reading what the one before built.
        self.terms = terms
        currency = budget.currency
        let total = budget.resources.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        self.step = step ?? (terms.round ?? PlanTerms.defaultStep(forTotal: Money(minorUnits: total, currency: currency))).minorUnits
        let unit = Rational(integer: Int128(self.step))
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
        let funding = budget.resources.filter { existing.contains($0.id) }
        for (position, line) in terms.lines.enumerated() {
            guard let id = budget.resourceID(named: line.id, among: funding) else {
                throw PlanningError.unknownLine(line.id, field: "lines[\(position)].id", known: Budget.names(of: funding))
            }
            named[id] = line
        }
        // Which side of each constraint a line is on: lines alike in every respect share a variable.
        let selectors = constraints.flatMap { [$0.part, $0.whole.selector] }
        func signature(_ line: Line) -> [Bool] {
            selectors.map { $0.contains(id: line.id, kind: line.kind, sector: line.sector, nature: line.nature) }
                + [line.sector == .public, line.kind == .membershipFees]
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
                    index, own, members: budget.cluster.members, group: group("line \(line.id)"),
                    capGroup: group(Self.feeGrowthCapName), rows: &rows)
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
            rows.append(.init(coefficients: [position: unit], relation: .atMost, bound: Rational(held), group: -1))
        }
        // ClusterKit's cap on the growth of fees, on each increase of fees lines held today.
        if let cap = terms.feeGrowthCap {
            for (position, variable) in variables.enumerated() where variable.sign > 0 && !variable.isNamed {
                let held = variable.lines.reduce(Int64(0)) { $0 + lines[$1].amount }
                guard held > 0, lines[variable.lines[0]].kind == .membershipFees else { continue }
                let limit = try Rational(integer: Int128(held)).multiplied(by: Rational(Int128(cap.numerator), Int128(cap.denominator)))
                caps.append((rows.count, position, limit))
                rows.append(.init(
                    coefficients: [position: unit], relation: .atMost, bound: limit, group: group(Self.feeGrowthCapName)))
            }
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
                if value != 0 { coefficients[position] = Rational(integer: value * Int128(self.step)) }
            }
            rows.append(.init(
                coefficients: coefficients, relation: .atLeast, bound: Rational(integer: -start * direction),
                group: group(constraint.name)))
        }
        if terms.budgetFixed {
            var coefficients: [Int: Rational] = [:]
            for (position, variable) in variables.enumerated() {
                coefficients[position] = Rational(integer: Int128(variable.sign) * Int128(self.step))
            }
            rows.append(.init(coefficients: coefficients, relation: .equal, bound: .zero, group: group("budget fixed")))
        }
        program = LinearProgram(variableCount: variables.count, rows: rows)
    }

    /// A line with terms of its own: a variable each way, and rows that keep its amount within its bounds.
    private mutating func addBoundedLine(
        _ index: Int, _ own: PlanTerms.LineTerms, members: Int?, group: Int, capGroup: Int, rows: inout [LinearProgram.Row]
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
        variables.append(Variable(sign: 1, lines: [index], isPublic: line.sector == .public, isNamed: true))
        variables.append(Variable(sign: -1, lines: [index], isPublic: line.sector == .public, isNamed: true))
        // The amount stays within the line's bounds (its terms); at or above zero is a row of every decrease.
        let net: [Int: Rational] = [up: Rational(integer: Int128(step)), down: Rational(integer: -Int128(step))]
        rows.append(.init(coefficients: net, relation: .atLeast, bound: Rational(integer: low - amount), group: group))
        if let high {
            rows.append(.init(coefficients: net, relation: .atMost, bound: Rational(integer: high - amount), group: group))
        }
        // ClusterKit's cap on fees' growth, unless the line's own terms say how much it may rise.
        if let cap = terms.feeGrowthCap, own.maximumIncrease == nil, !own.fixed, line.kind == .membershipFees, amount > 0 {
            let limit = try Rational(integer: amount).multiplied(by: Rational(Int128(cap.numerator), Int128(cap.denominator)))
            caps.append((rows.count, up, limit))
            rows.append(.init(coefficients: net, relation: .atMost, bound: limit, group: capGroup))
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

    /// The value of each variable in the plan, in steps: the exact optimum of the objective rounded to whole steps
    /// (``LinearProgram/minimizeInteger(_:incumbent:nodeLimit:)``), then, among the plans of that cost, the
    /// least change, from the first plan as a known solution (so the second solve always has one).
    /// - Throws: ``PlanningError/infeasible(conflict:)`` naming the smallest conflicting set of terms and conditions
    ///   when no plan in whole steps is found.
    mutating func solve() throws -> [Int64] {
        guard let values = try solveIfPossible() else { throw PlanningError.infeasible(conflict: try conflict()) }
        return values
    }

    /// The smallest conflicting set of terms and conditions, by name.
    func conflict() throws -> [String] { try program.conflict().map { groupNames[$0] } }

    /// ``solve()``, `nil` where no plan in whole steps exists (no conflict sought).
    mutating func solveIfPossible() throws -> [Int64]? {
        let primary = costs(terms.objective)
        guard case .optimal(let first, let best) = try program.minimizeInteger(primary) else { return nil }
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

    /// Each line's change, in minor units: a variable's steps shared among its lines in proportion to their
    /// amounts, so that each line moves by whole steps — but a line a decrease would take below zero, which falls to
    /// zero, the rest of its share going to the lines of its class that still hold some.
    func lineChanges(_ values: [Int64]) -> [Int64] {
        var change = [Int64](repeating: 0, count: lines.count)
        for (position, variable) in variables.enumerated() where values[position] != 0 {
            let held = variable.lines.map { lines[$0].amount }
            var shares = Planner.distribute(values[position], over: held).map { $0 * step }
            if variable.sign < 0 {
                var excess = Int64(0)
                for slot in shares.indices where shares[slot] > held[slot] {
                    excess += shares[slot] - held[slot]
                    shares[slot] = held[slot]
                }
                for slot in shares.indices where excess > 0 {
                    let taken = min(excess, held[slot] - shares[slot])
                    shares[slot] += taken
                    excess -= taken
                }
            }
            for (slot, index) in variable.lines.enumerated() { change[index] += shares[slot] * Int64(variable.sign) }
        }
        return change
    }

    /// The caps that bind at `values`: those less than one step short of their limit, by their term name.
    func bindingCaps(_ values: [Int64]) throws -> [String] {
        var binding: [String] = []
        for cap in caps {
            let left = try program.rows[cap.row].left(at: values.map { Rational($0) })
            if try cap.limit.subtracting(left) < Rational(step), !binding.contains(Self.feeGrowthCapName) {
                binding.append(Self.feeGrowthCapName)
            }
        }
        return binding
    }

    /// Why each line changes: the planned conditions its change serves — a floor whose part it is in (or a ceiling
    /// whose whole it grows) for a rise, a ceiling whose part it is in (or a floor whose whole it lowers) for a
    /// fall — among those the budget did not meet or that the plan leaves within a step of their bound; `budget
    /// fixed` for a fall that keeps the total.
    func reasons(_ changes: [Int64], constraints: [ShareConstraint]) -> [[String]] {
        let before = lines.map { Int128($0.amount) }
        let after = zip(before, changes).map { $0 + Int128($1) }
        let relevant = constraints.filter { constraint in
            let p = Int128(constraint.threshold.numerator), q = Int128(constraint.threshold.denominator)
            let direction: Int128 = constraint.bound == .floor ? 1 : -1
            func margin(_ amounts: [Int128]) -> Int128 {
                zip(lines, amounts).reduce(Int128(0)) { sum, pair in
                    let (line, amount) = pair
                    let inPart = constraint.part.contains(id: line.id, kind: line.kind, sector: line.sector, nature: line.nature)
                    let inWhole = constraint.whole.selector.contains(
                        id: line.id, kind: line.kind, sector: line.sector, nature: line.nature)
                    return sum + ((inPart ? q : 0) - (inWhole ? p : 0)) * amount
                } * direction
            }
            return margin(before) < 0 || margin(after) < Int128(step) * q
        }
        return zip(lines, changes).map { line, change in
            guard change != 0 else { return [] }
            var names: [String] = relevant.filter { constraint in
                // The change moves the constraint's margin its way: a rise of a floor's part (or of a ceiling's
                // whole alone), a fall of a ceiling's part (or of a floor's whole alone).
                let p = Int128(constraint.threshold.numerator), q = Int128(constraint.threshold.denominator)
                let inPart = constraint.part.contains(id: line.id, kind: line.kind, sector: line.sector, nature: line.nature)
                let inWhole = constraint.whole.selector.contains(
                    id: line.id, kind: line.kind, sector: line.sector, nature: line.nature)
                let weight = ((inPart ? q : 0) - (inWhole ? p : 0)) * (constraint.bound == .floor ? 1 : -1)
                return weight * Int128(change.signum()) > 0
            }.map(\.name)
            if change < 0, terms.budgetFixed { names.append("budget fixed") }
            return names
        }
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

extension CalendarDate {
    /// The same day a year later (28 February for a 29th).
    fileprivate var yearLater: CalendarDate {
        CalendarDate(year: year + 1, month: month, day: day) ?? CalendarDate(year: year + 1, month: month, day: day - 1) ?? self
    }
}
