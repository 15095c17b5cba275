import ClusterKitCore
/// A linear programme over non-negative variables, solved exactly: a two-phase tableau simplex in ``Rational``
/// arithmetic with Bland's rule (which cannot cycle), rows brought in as they bind on large programmes, and solutions
/// in whole cents by rounding the optimal vertex in the direction the constraints need (a dive: one variable rounded
/// and fixed at a time, the rest solved again), with a branch and bound as a cross-check on small programmes.
struct LinearProgram: Sendable {
    enum Relation: Sendable { case atMost, atLeast, equal }

    /// One constraint `coefficients · x (relation) bound`, with the group of terms it comes from (for conflicts).
    struct Row: Sendable {
        var coefficients: [Int: Rational]
        var relation: Relation
        var bound: Rational
        var group: Int
    }

    enum Outcome: Sendable {
        case optimal(values: [Rational], objective: Rational)
        case infeasible
        case unbounded
    }

    var variableCount: Int
    var rows: [Row] = []

    /// Programmes with more rows than this bring their rows in as they bind (see ``minimize(_:)``); smaller ones are
    /// solved whole, as they always were.
    static let lazyRowThreshold = 20
    /// Programmes with at most this many variables have their rounded optimum cross-checked by a branch and bound.
    static let branchingVariableLimit = 16

    /// The minimum of `objective · x` under the rows, `x ≥ 0`.
    ///
    /// A large programme is solved on the rows that `x = 0` breaks first; the rows the optimum breaks are added and the
    /// programme solved again, until the optimum meets every row (then it is the optimum of the whole programme,
    /// being one of a relaxation) or a relaxation has no solution (then neither has the whole). Each round adds a row,
    /// so this ends; on a budget of many funders most rows never bind, and the programme stays small.
    func minimize(_ objective: [Rational]) throws(PlanningError) -> Outcome {
        try solveLazily(objective).outcome
    }

    /// ``minimize(_:)``, with the indices of the rows the last solve used (for an infeasible programme, a subset of
    /// rows that already conflict).
    func solveLazily(_ objective: [Rational]) throws(PlanningError) -> (outcome: Outcome, active: [Int]) {
        guard rows.count > Self.lazyRowThreshold else {
            return (try Self.solve(rows, variableCount: variableCount, objective: objective), Array(rows.indices))
        }
        let zero = [Rational](repeating: .zero, count: variableCount)
        var active: [Int] = []
        for index in rows.indices where try !rows[index].holds(at: zero) { active.append(index) }
        while true {
            let outcome = try Self.solve(active.map { rows[$0] }, variableCount: variableCount, objective: objective)
            switch outcome {
            case .infeasible: return (outcome, active)
            case .unbounded:
                // A relaxation may be unbounded where the whole is not: solve the whole.
                guard active.count < rows.count else { return (outcome, active) }
                active = Array(rows.indices)
            case .optimal(let values, _):
                let taken = Set(active)
                var broken: [Int] = []
                for index in rows.indices where !taken.contains(index) {
                    if try !rows[index].holds(at: values) { broken.append(index) }
                }
                if broken.isEmpty { return (outcome, active) }
                active = (active + broken).sorted()
            }
        }
    }

    /// Whether `values` meet every row exactly.
    func holds(at values: [Rational]) throws(PlanningError) -> Bool {
        for row in rows where try !row.holds(at: values) { return false }
        return true
    }

    /// The objective's value at `values`.
    static func value(of objective: [Rational], at values: [Rational]) throws(PlanningError) -> Rational {
        var total = Rational.zero
        for (cost, value) in zip(objective, values) where !cost.isZero && !value.isZero {
            total = try total.adding(cost.multiplied(by: value))
        }
        return total
    }

    /// The minimum of `objective · x` under `rows`, `x ≥ 0`: the two-phase simplex on every row given.
    static func solve(_ rows: [Row], variableCount: Int, objective: [Rational]) throws(PlanningError) -> Outcome {
        // Right-hand sides made non-negative.
        var rows = rows
        for index in rows.indices where rows[index].bound.isNegative {
            for (key, value) in rows[index].coefficients { rows[index].coefficients[key] = try value.negated() }
            rows[index].bound = try rows[index].bound.negated()
            switch rows[index].relation {
            case .atMost: rows[index].relation = .atLeast
            case .atLeast: rows[index].relation = .atMost
            case .equal: break
            }
        }
        let m = rows.count, n = variableCount
        let slackCount = rows.filter { $0.relation != .equal }.count
        let artificialCount = rows.filter { $0.relation != .atMost }.count
        let columns = n + slackCount + artificialCount
        let firstArtificial = n + slackCount
        var tableau = [[Rational]](repeating: [Rational](repeating: .zero, count: columns + 1), count: m)
        var basis = [Int](repeating: 0, count: m)
        var slack = n, artificial = firstArtificial
        for (i, row) in rows.enumerated() {
            for (key, value) in row.coefficients { tableau[i][key] = value }
            tableau[i][columns] = row.bound
            switch row.relation {
            case .atMost:
                tableau[i][slack] = Rational.one
                basis[i] = slack
                slack += 1
            case .atLeast:
                tableau[i][slack] = Rational(integer: -1)
                slack += 1
                tableau[i][artificial] = Rational.one
                basis[i] = artificial
                artificial += 1
            case .equal:
                tableau[i][artificial] = Rational.one
                basis[i] = artificial
                artificial += 1
            }
        }
        var solver = Tableau(rows: tableau, basis: basis, columns: columns)
        if artificialCount > 0 {
            var phaseOne = [Rational](repeating: .zero, count: columns)
            for j in firstArtificial..<columns { phaseOne[j] = Rational.one }
            guard try solver.run(costs: phaseOne, allowed: columns) else { return .unbounded }
            if try solver.objective(phaseOne).isPositive { return .infeasible }
            try solver.driveOut(from: firstArtificial)
        }
        var costs = [Rational](repeating: .zero, count: columns)
        for j in 0..<n { costs[j] = objective[j] }
        guard try solver.run(costs: costs, allowed: firstArtificial) else { return .unbounded }
        var values = [Rational](repeating: .zero, count: n)
        for (i, column) in solver.basis.enumerated() where column < n { values[column] = solver.rows[i][columns] }
        return .optimal(values: values, objective: try solver.objective(costs))
    }

    /// The minimum of `objective · x` over integer `x` (whole cents). Always ends quickly:
    ///
    /// 1. the exact optimum (an integer optimum is returned as it is);
    /// 2. a dive from it: the first fractional variable is rounded in the direction the rows binding at the current
    ///    optimum need (up where it raises them, down where it lowers them), fixed there, and the rest solved again —
    ///    at most two solves per variable; `incumbent`, a known solution in whole cents, competes with it;
    /// 3. the objective has integer coefficients, so no solution in cents beats `⌈optimum⌉`: a solution at that
    ///    bound is optimal and returned;
    /// 4. otherwise, on a small programme, a branch and bound of at most `nodeLimit` nodes seeded with the best
    ///    solution found looks for a better one (the cross-check); on a large one the best solution found is kept.
    ///
    /// `.infeasible` means no solution in whole cents was found (the exact programme may have some: the planner then
    /// names the rows that conflict in whole cents).
    func minimizeInteger(
        _ objective: [Rational], incumbent: [Rational]? = nil, nodeLimit: Int = 60
    ) throws(PlanningError) -> Outcome {
        let relaxed = try minimize(objective)
        guard case .optimal(let values, let optimum) = relaxed else { return relaxed }
        if values.allSatisfy(\.isInteger) { return relaxed }
        var best: (values: [Rational], objective: Rational)? = nil
        if let incumbent, incumbent.allSatisfy(\.isInteger), try holds(at: incumbent) {
            best = (incumbent, try Self.value(of: objective, at: incumbent))
        }
        if let dived = try dive(objective, from: values), best.map({ dived.objective < $0.objective }) ?? true {
            best = dived
        }
        let bound = Rational(integer: optimum.ceiling)
        if let best, best.objective <= bound { return .optimal(values: best.values, objective: best.objective) }
        if variableCount <= Self.branchingVariableLimit {
            best = try branchAndBound(objective, incumbent: best, nodeLimit: nodeLimit)
        }
        guard let best else { return .infeasible }
        return .optimal(values: best.values, objective: best.objective)
    }

    /// The dive of ``minimizeInteger(_:incumbent:nodeLimit:)``: from the exact optimum `start`, the first fractional
    /// variable rounded in the direction the binding rows need (the other way if that has no solution), fixed, the
    /// programme solved again, until every variable is whole; `nil` if a variable can be fixed neither way. At most
    /// two solves per variable. The solution is checked against every row before it is returned.
    func dive(_ objective: [Rational], from start: [Rational]) throws(PlanningError) -> (values: [Rational], objective: Rational)? {
        var program = self, values = start
        while let index = values.firstIndex(where: { !$0.isInteger }) {
            let value = values[index]
            var directions = [value.ceiling, value.floor]
            if try program.need(of: index, at: values) < 0 { directions.reverse() }
            var fixed = false
            for target in directions {
                var trial = program
                trial.rows.append(Row(coefficients: [index: .one], relation: .equal, bound: Rational(integer: target), group: -1))
                if case .optimal(let next, _) = try trial.minimize(objective) {
                    program = trial
                    values = next
                    fixed = true
                    break
                }
            }
            guard fixed else { return nil }
        }
        // Verified: every row of the programme, exactly, in whole cents.
        guard try holds(at: values) else { return nil }
        return (values, try Self.value(of: objective, at: values))
    }

    /// Which way the rows binding at `values` want variable `index` to move: the sum, over the inequalities met with
    /// no slack, of the sign of its coefficient on the side that keeps the row met (positive: up).
    func need(of index: Int, at values: [Rational]) throws(PlanningError) -> Int {
        var need = 0
        for row in rows where row.relation != .equal {
            guard let coefficient = row.coefficients[index], !coefficient.isZero else { continue }
            guard try row.left(at: values) == row.bound else { continue }
            let helps = (coefficient.isPositive) == (row.relation == .atLeast)
            need += helps ? 1 : -1
        }
        return need
    }

    /// A branch and bound on the first fractional variable, from `incumbent` (a solution in whole cents, if any),
    /// for at most `nodeLimit` nodes: the best solution in whole cents found. A node holds at most a lower and an
    /// upper bound per variable (the tightest of its branches), so its programme has at most two rows per variable
    /// more than the root's, however deep the search.
    func branchAndBound(
        _ objective: [Rational], incumbent: (values: [Rational], objective: Rational)?, nodeLimit: Int
    ) throws(PlanningError) -> (values: [Rational], objective: Rational)? {
        typealias Bounds = [Int: (lower: Int128?, upper: Int128?)]
        var best = incumbent
        var stack: [Bounds] = [[:]]
        var nodes = 0
        while let bounds = stack.popLast(), nodes < nodeLimit {
            nodes += 1
            var program = self
            for (index, bound) in bounds.sorted(by: { $0.key < $1.key }) {
                if let lower = bound.lower {
                    program.rows.append(Row(coefficients: [index: .one], relation: .atLeast, bound: Rational(integer: lower), group: -1))
                }
                if let upper = bound.upper {
                    program.rows.append(Row(coefficients: [index: .one], relation: .atMost, bound: Rational(integer: upper), group: -1))
                }
            }
            guard case .optimal(let values, let value) = try program.minimize(objective) else { continue }
            // The objective has integer coefficients: an integer solution cannot beat ⌈value⌉.
            if let best, Rational(integer: value.ceiling) >= best.objective { continue }
            guard let index = values.firstIndex(where: { !$0.isInteger }) else {
                best = (values, value)
                continue
            }
            let x = values[index]
            var up = bounds, down = bounds
            up[index, default: (nil, nil)].lower = x.ceiling
            down[index, default: (nil, nil)].upper = x.floor
            stack.append(up)
            stack.append(down)
        }
        return best
    }

    /// Whether some `x ≥ 0` (in whole cents, where `integer`) meets the rows of the given groups (and the rows of no
    /// group, `group < 0`).
    func isFeasible(groups: Set<Int>, integer: Bool) throws(PlanningError) -> Bool {
        try restricted(to: groups).isFeasible(integer: integer)
    }

    /// The programme with the rows of the given groups and the rows of no group only.
    func restricted(to groups: Set<Int>) -> LinearProgram {
        var program = self
        program.rows = rows.filter { $0.group < 0 || groups.contains($0.group) }
        return program
    }

    /// Whether some `x ≥ 0` (in whole cents, where `integer`) meets every row.
    func isFeasible(integer: Bool) throws(PlanningError) -> Bool {
        let zero = [Rational](repeating: .zero, count: variableCount)
        let outcome = integer ? try minimizeInteger(zero) : try minimize(zero)
        if case .infeasible = outcome { return false }
        return true
    }

    /// A smallest set of groups that cannot be met together, for a programme in which
    /// ``minimizeInteger(_:incumbent:nodeLimit:)`` found no solution in whole cents (a deletion filter: each group is
    /// dropped in turn and kept out if the rest still conflict). The filter works on the exact programme where it is
    /// infeasible — from the groups of the rows its last solve used, which already conflict — and in whole cents
    /// only where just the cents conflict. Never empty: the rows of no group alone are met by `x = 0`.
    func conflict() throws(PlanningError) -> [Int] {
        let exact = try solveLazily([Rational](repeating: .zero, count: variableCount))
        if case .infeasible = exact.outcome { return try conflict(from: exact.active, integer: false) }
        return try conflict(from: Array(rows.indices), integer: true)
    }

    /// The deletion filter over the groups of the rows `from`, which conflict (exactly, or in whole cents).
    private func conflict(from active: [Int], integer: Bool) throws(PlanningError) -> [Int] {
        var kept = Set(active.map { rows[$0].group }.filter { $0 >= 0 })
        for group in kept.sorted() {
            var without = kept
            without.remove(group)
            if try !isFeasible(groups: without, integer: integer) { kept = without }
        }
        return kept.sorted()
    }
}

extension LinearProgram.Row {
    /// `coefficients · values`, exactly.
    func left(at values: [Rational]) throws(PlanningError) -> Rational {
        var total = Rational.zero
        for (key, coefficient) in coefficients where !values[key].isZero {
            total = try total.adding(coefficient.multiplied(by: values[key]))
        }
        return total
    }

    /// Whether `values` meet the row exactly.
    func holds(at values: [Rational]) throws(PlanningError) -> Bool {
        let left = try left(at: values)
        return switch relation {
        case .atMost: left <= bound
        case .atLeast: left >= bound
        case .equal: left == bound
        }
    }
}

/// A simplex tableau in canonical form: each row's basic column is a unit column.
private struct Tableau {
    var rows: [[Rational]]
    var basis: [Int]
    let columns: Int

    func objective(_ costs: [Rational]) throws(PlanningError) -> Rational {
        var total = Rational.zero
        for (i, column) in basis.enumerated() {
            total = try total.adding(costs[column].multiplied(by: rows[i][columns]))
        }
        return total
    }

    /// Pivots with Bland's rule until no reduced cost is negative (`true`), or a column is unbounded (`false`).
    /// Only columns under `allowed` may enter.
    mutating func run(costs: [Rational], allowed: Int) throws(PlanningError) -> Bool {
        while true {
            var entering: Int? = nil
            let basic = Set(basis)
            for j in 0..<allowed where !basic.contains(j) {
                var reduced = costs[j]
                for (i, column) in basis.enumerated() where !rows[i][j].isZero && !costs[column].isZero {
                    reduced = try reduced.subtracting(costs[column].multiplied(by: rows[i][j]))
                }
                if reduced.isNegative {
                    entering = j
                    break
                }
            }
            guard let entering else { return true }
            var leaving: Int? = nil
            var bestRatio = Rational.zero
            for i in rows.indices where rows[i][entering].isPositive {
                let ratio = try rows[i][columns].divided(by: rows[i][entering])
                if let current = leaving {
                    if ratio < bestRatio || (ratio == bestRatio && basis[i] < basis[current]) {
                        leaving = i
                        bestRatio = ratio
                    }
                } else {
                    leaving = i
                    bestRatio = ratio
                }
            }
            guard let leaving else { return false }
            try pivot(row: leaving, column: entering)
        }
    }

    mutating func pivot(row r: Int, column c: Int) throws(PlanningError) {
        let pivot = rows[r][c]
        for j in 0...columns where !rows[r][j].isZero { rows[r][j] = try rows[r][j].divided(by: pivot) }
        for i in rows.indices where i != r && !rows[i][c].isZero {
            let factor = rows[i][c]
            for j in 0...columns where !rows[r][j].isZero {
                rows[i][j] = try rows[i][j].subtracting(factor.multiplied(by: rows[r][j]))
            }
        }
        basis[r] = c
    }

    /// After phase one: pivots the artificial columns (from `first` on) out of the basis, and drops the rows that are
    /// redundant (an artificial column that cannot leave).
    mutating func driveOut(from first: Int) throws(PlanningError) {
        var i = 0
        while i < rows.count {
            if basis[i] >= first {
                if let j = (0..<first).first(where: { !rows[i][$0].isZero }) {
                    try pivot(row: i, column: j)
                } else {
                    rows.remove(at: i)
                    basis.remove(at: i)
                    continue
                }
            }
            i += 1
        }
    }
}
