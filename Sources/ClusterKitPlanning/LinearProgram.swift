import ClusterKitCore
/// A linear programme over non-negative variables, solved exactly: a two-phase tableau simplex in ``Rational``
/// arithmetic with Bland's rule (which cannot cycle), and a branch and bound for solutions in whole cents.
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

    /// The minimum of `objective · x` under the rows, `x ≥ 0`.
    func minimize(_ objective: [Rational]) throws(PlanningError) -> Outcome {
        // Right-hand sides made non-negative.
        var rows = self.rows
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

    /// The minimum of `objective · x` over integer `x` (whole cents), by branch and bound on the first fractional
    /// variable; `nodeLimit` bounds the search (then the best solution found is returned).
    func minimizeInteger(_ objective: [Rational], nodeLimit: Int = 400) throws(PlanningError) -> Outcome {
        var best: (values: [Rational], objective: Rational)? = nil
        var stack: [[Row]] = [[]]
        var nodes = 0
        var sawUnbounded = false
        while let extra = stack.popLast(), nodes < nodeLimit {
            nodes += 1
            var program = self
            program.rows += extra
            switch try program.minimize(objective) {
            case .infeasible: continue
            case .unbounded: sawUnbounded = true
            case .optimal(let values, let value):
                // The objective has integer coefficients: an integer solution cannot beat ⌈value⌉.
                if let best, Rational(integer: value.ceiling) >= best.objective { continue }
                guard let index = values.firstIndex(where: { !$0.isInteger }) else {
                    best = (values, value)
                    continue
                }
                let x = values[index]
                stack.append(extra + [Row(coefficients: [index: Rational.one], relation: .atLeast, bound: Rational(integer: x.ceiling), group: -1)])
                stack.append(extra + [Row(coefficients: [index: Rational.one], relation: .atMost, bound: Rational(integer: x.floor), group: -1)])
            }
        }
        if let best { return .optimal(values: best.values, objective: best.objective) }
        return sawUnbounded ? .unbounded : .infeasible
    }

    /// Whether some `x ≥ 0` (in whole cents, where `integer`) meets the rows of the given groups (and the rows of no
    /// group, `group < 0`).
    func isFeasible(groups: Set<Int>, integer: Bool) throws(PlanningError) -> Bool {
        var program = self
        program.rows = rows.filter { $0.group < 0 || groups.contains($0.group) }
        let zero = [Rational](repeating: .zero, count: variableCount)
        let outcome = integer ? try program.minimizeInteger(zero) : try program.minimize(zero)
        if case .infeasible = outcome { return false }
        return true
    }

    /// A smallest set of groups that cannot be met together (a deletion filter: each group is dropped in turn and
    /// kept out if the rest still conflict), or `nil` when the programme is feasible in whole cents. The filter
    /// works on the exact programme where it is infeasible, in whole cents only where just the cents conflict.
    func conflict() throws(PlanningError) -> [Int]? {
        var kept = Set(rows.map(\.group).filter { $0 >= 0 })
        let integer = try isFeasible(groups: kept, integer: false)
        if integer, try isFeasible(groups: kept, integer: true) { return nil }
        for group in kept.sorted() {
            var without = kept
            without.remove(group)
            if try !isFeasible(groups: without, integer: integer) { kept = without }
        }
        return kept.sorted()
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
