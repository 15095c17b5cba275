import ClusterKitCore

extension RuleVerifier {
    /// A remediation option applied to a budget: where its amount went, for a failure's message.
    struct AppliedMove {
        var budget: Budget
        var said: String
    }

    /// Why an option cannot be applied to a budget.
    struct MoveError: Error, CustomStringConvertible {
        var description: String
    }

    /// The budget with a remediation option of `diagnostic` applied (see `RemediationMove` for where the money goes).
    ///
    /// A host's tests may call it to see a fix at work: run the rule on the result and expect silence.
    /// - Throws: an error that says why, when the option names a line the budget does not have, or says nothing of
    ///   where its amount goes and its diagnostic cannot say it either (no lines, or no measure against a threshold).
    public static func applying(_ option: RemediationOption, of diagnostic: Diagnostic, to budget: Budget) throws -> Budget {
        try apply(option, of: diagnostic, to: budget).budget
    }

    /// The move an option makes: its own, or the one its diagnostic implies.
    static func move(of option: RemediationOption, in diagnostic: Diagnostic) throws -> RemediationMove {
        guard let move = option.move(in: diagnostic) else {
            throw MoveError(
                description: "says nothing of where its amount goes, and the diagnostic cannot say it (it needs lines, "
                    + "and a measured value against a threshold of the same kind): give the option a `move`")
        }
        return move
    }

    static func apply(_ option: RemediationOption, of diagnostic: Diagnostic, to budget: Budget) throws -> AppliedMove {
        var budget = budget
        let amount = option.amount
        let move = try move(of: option, in: diagnostic)
        let said: String
        switch move {
        case .add(let lines):
            try change(lines, by: amount.minorUnits, in: &budget)
            said = "\(amount) added to \(lines.joined(separator: ", "))"
        case .remove(let lines):
            try change(lines, by: -amount.minorUnits, in: &budget)
            said = "\(amount) removed from \(lines.joined(separator: ", "))"
        case .addResource(var line):
            line.id = freeID(in: budget)
            line.amount = amount
            budget.resources.append(line)
            said = "\(amount) added as a new '\(line.source)' resource"
        case .addExpense(var line):
            line.id = freeID(in: budget)
            line.amount = amount
            budget.expenses.append(line)
            said = "\(amount) added as a new \(line.nature.rawValue) expense"
        case .move(let lines, var line):
            try change(lines, by: -amount.minorUnits, in: &budget)
            line.id = freeID(in: budget)
            line.amount = amount
            budget.resources.append(line)
            said = "\(amount) moved from \(lines.joined(separator: ", ")) to a new '\(line.source)' resource"
        case .transfer(let from, let to):
            try change(from, by: -amount.minorUnits, in: &budget)
            try change(to, by: amount.minorUnits, in: &budget)
            said = "\(amount) moved from \(from.joined(separator: ", ")) to \(to.joined(separator: ", "))"
        case .all(let moves):
            var parts: [String] = []
            for move in moves {
                var each = option
                each.move = move
                let applied = try apply(each, of: diagnostic, to: budget)
                budget = applied.budget
                parts.append(applied.said)
            }
            said = parts.joined(separator: "; ")
        case .split(let first, let part, let then):
            guard part.currency == amount.currency, part.minorUnits >= 0, part <= amount else {
                throw MoveError(description: "splits off \(part), more than its amount of \(amount)")
            }
            var parts: [String] = []
            for (move, each) in [(first, part), (then, try amount.subtracting(part))] {
                let applied = try apply(RemediationOption(amount: each, summary: option.summary, move: move), of: diagnostic, to: budget)
                budget = applied.budget
                parts.append(applied.said)
            }
            said = parts.joined(separator: "; then ")
        case .elsewhere:
            throw MoveError(description: "changes no line of the budget")
        }
        return AppliedMove(budget: budget, said: said)
    }

    /// Adds `delta` minor units to `lines`, pro rata to their amounts (evenly when they sum to zero), the last line
    /// taking the rounding.
    static func change(_ lines: [String], by delta: Int64, in budget: inout Budget) throws {
        guard !lines.isEmpty else { throw MoveError(description: "names no line to change") }
        enum Place { case resource(Int), expense(Int) }
        var places: [Place] = []
        for id in lines {
            if let index = budget.resources.firstIndex(where: { $0.id == id }) {
                places.append(.resource(index))
            } else if let index = budget.expenses.firstIndex(where: { $0.id == id }) {
                places.append(.expense(index))
            } else {
                throw MoveError(description: "names the line '\(id)', which the budget does not have")
            }
        }
        func amount(_ place: Place) -> Money {
            switch place {
            case .resource(let index): budget.resources[index].amount
            case .expense(let index): budget.expenses[index].amount
            }
        }
        let amounts = places.map { Int128(amount($0).minorUnits) }
        let total = amounts.reduce(0, +)
        var left = Int128(delta)
        for (offset, place) in places.enumerated() {
            let part: Int128
            if offset == places.count - 1 {
                part = left
            } else if total != 0 {
                part = Int128(delta) * amounts[offset] / total
            } else {
                part = Int128(delta) / Int128(places.count)
            }
            left -= part
            let old = amount(place)
            guard let units = Int64(exactly: Int128(old.minorUnits) + part) else {
                throw MoveError(description: "takes '\(lines[offset])' past what an amount holds")
            }
            let new = Money(minorUnits: units, currency: old.currency)
            switch place {
            case .resource(let index): budget.resources[index].amount = new
            case .expense(let index): budget.expenses[index].amount = new
            }
        }
    }

    /// `remediation`, or `remediation-2`, … : an id no line of the budget has.
    static func freeID(in budget: Budget) -> String {
        let taken = Set(budget.resources.map(\.id) + budget.expenses.map(\.id))
        var id = "remediation", number = 1
        while taken.contains(id) {
            number += 1
            id = "remediation-\(number)"
        }
        return id
    }

    /// The history with the option applied to the year its summary names (`{year}`), else the last year whose budget has
    /// every line the diagnostic names. On a year published as a summary, an added resource is private revenue: the
    /// total and the private resources grow by the amount.
    static func apply(
        _ option: RemediationOption, of diagnostic: Diagnostic, to history: BudgetHistory
    ) throws -> (BudgetHistory, String) {
        var history = history
        let named: Int? = if case .integer(let year) = option.summary.arguments["year"] { year } else { nil }
        let latest = history.years.indices.sorted { history.years[$0].year > history.years[$1].year }
        let index = named.flatMap { year in latest.first { history.years[$0].year == year } }
            ?? latest.first { index in
                guard let budget = history.years[index].budget else { return false }
                let ids = Set(budget.resources.map(\.id) + budget.expenses.map(\.id))
                return diagnostic.lines.allSatisfy(ids.contains)
            }
            ?? latest.first
        guard let index else { throw MoveError(description: "has no year to apply it to") }
        let year = history.years[index].year
        if let budget = history.years[index].budget {
            let applied = try apply(option, of: diagnostic, to: budget)
            history.years[index].budget = applied.budget
            return (history, "\(applied.said) in \(year)")
        }
        // A summary: only private revenue added can be applied.
        let move = try move(of: option, in: diagnostic)
        switch move {
        case .addResource, .add: break
        default: throw MoveError(description: "moves money within \(year), which the history gives as a summary only")
        }
        guard var summary = history.years[index].published, let total = summary.total, let share = summary.selfFinancing
        else { throw MoveError(description: "adds to \(year), whose summary gives no total and private share") }
        let amount = option.amount
        let privateBefore = summary.privateResources
            ?? Money(minorUnits: Int64((Int128(total.minorUnits) * Int128(share.numerator)) / Int128(share.denominator)), currency: total.currency)
        let newTotal = try total + amount, newPrivate = try privateBefore + amount
        // The new share, exactly: (s·T + x) / (T + x) from the published share, not from a rounded private amount.
        let numerator = Int128(share.numerator) * Int128(total.minorUnits) + Int128(share.denominator) * Int128(amount.minorUnits)
        let denominator = Int128(share.denominator) * Int128(newTotal.minorUnits)
        let divisor = gcd(numerator, denominator)
        guard let n = Int64(exactly: numerator / divisor), let d = Int64(exactly: denominator / divisor), d > 0 else {
            throw MoveError(description: "takes the share of \(year) past what a share holds")
        }
        summary.total = newTotal
        summary.selfFinancing = Share(n, over: d)
        if summary.privateResources != nil { summary.privateResources = newPrivate }
        history.years[index].published = summary
        return (history, "\(amount) of private revenue added in \(year)")
    }

    private static func gcd(_ a: Int128, _ b: Int128) -> Int128 {
        var (x, y) = (a < 0 ? -a : a, b < 0 ? -b : b)
        while y != 0 { (x, y) = (y, x % y) }
        return Swift.max(x, 1)
    }

    /// Whether `after` still holds the finding `diagnostic` reported: a diagnostic of the rule on one of its lines (on
    /// any line, when either names none) with the same message, or one that still asks for a fix. A standing note the
    /// rule gives on the same lines without a remediation (success fees that may be requalified, once the share no
    /// longer flips) is not the finding.
    static func stillFires(_ diagnostic: Diagnostic, in after: [Diagnostic]) -> Diagnostic? {
        let lines = Set(diagnostic.lines)
        return after.first { other in
            other.message.id != Engine.ruleFailedMessage.id
                && (lines.isEmpty || other.lines.isEmpty || !lines.isDisjoint(with: other.lines))
                && (other.message.id == diagnostic.message.id || other.remediation != nil)
        }
    }
}
