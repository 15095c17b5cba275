/// The one check of a budget against a catalogue: everything that makes a budget unfit to be summed and judged,
/// found before any figure is computed.
///
/// It checks, in the order the errors are reported: the number of lines; the year (``Budget/plausibleYears``); each expense (an id used once, the
/// budget's currency, a known funding regime); each resource (an id used once, a known source, the known other
/// sources it `includes`, the budget's currency, an `action` that names an expense, success-fee and sponsor terms on lines of their kind); and that the amounts add
/// up within what ``Money`` holds. What it learns on the way — each resource's place in the catalogue, and the
/// expense its `action` names — is kept for the metrics, which then only sum (``BudgetMetrics``).
struct BudgetValidation {
    /// What the validation found of each resource line, in budget order.
    let resources: [CheckedResourceLine]
    /// Whether a line has a negative amount (only a budget built in code can): its public funding allocation is then
    /// worked out at once, so that an overflow in it is an input error too.
    let hasNegativeAmount: Bool

    /// Checks a budget.
    /// - Throws: ``InputError`` naming the field path and the reason.
    /// - Parameter known: what the reader of the budget's lines knows of them (``CheckedBudget/KnownLines``), taken
    ///   as true (debug builds check it).
    init(_ budget: Budget, catalog: Catalog, file: String?, known: CheckedBudget.KnownLines? = nil) throws(InputError) {
        // Long by design: the checks in the order their errors are reported, in one pass over each side.
        let currency = budget.currency
        func fail(_ path: String, _ reason: String) -> InputError { InputError(file: file, path: path, reason: reason) }
        let lineCount = budget.resources.count + budget.expenses.count
        guard lineCount <= BudgetDecoder.maximumLineCount else {
            throw fail(
                "resources", "the budget has \(lineCount) lines (resources and expenses), more than the "
                    + "\(BudgetDecoder.maximumLineCount) ClusterKit checks")
        }
        // Lines by position in the order they are read: expenses[i] at i, resources[i] after the expenses. Paths are
        // written only for an error: a valid budget costs no string formatting. Lines are read in place
        // (`expenses[index].id`): a copy of a line would retain each of its strings.
        let expenses = budget.expenses, resources = budget.resources, expenseCount = expenses.count
        func place(_ position: Int) -> String {
            position < expenseCount ? "expenses[\(position)]" : "resources[\(position - expenseCount)]"
        }
        // A year a file cannot give (every reader refuses it): a budget built in code, or a form whose « Exercice »
        // says `1013`, is refused as the JSON of it would be.
        guard Budget.plausibleYears.contains(budget.year) else {
            throw fail("year", "\(budget.year) is not a plausible year")
        }
        try Self.validateTargets(budget.cluster, catalog: catalog, file: file)
        // Duplicate ids are found as the table is built, and reported on the line of the pass where the first one is.
        // A reader that made the ids distinct needs no table for that: it is built when an `action` or the forecast
        // amounts need it.
        let distinctIDs = known?.distinctIDs ?? false
        assert(
            !distinctIDs || LineIDTable(expenses: expenses, resources: resources).firstDuplicate == nil,
            "a reader said its lines' ids are distinct, and they are not")
        var table = distinctIDs ? nil : LineIDTable(expenses: expenses, resources: resources)
        func ids() -> LineIDTable {
            if let table { return table }
            let made = LineIDTable(expenses: expenses, resources: resources)
            table = made
            return made
        }
        let duplicate = table?.firstDuplicate
        let knownPositions = known?.sourcePositions ?? []
        // The sum of the amounts' magnitudes: when it fits, every sum the metrics and the allocation make of some of
        // the lines fits too (with no negative amount, it is the running total itself).
        var magnitude: Int64 = 0, expenseSum: Int64 = 0, resourceSum: Int64 = 0
        var hasNegativeAmount = false
        for index in expenses.indices {
            var path: String { place(index) }
            if let duplicate, duplicate.position == index {
                throw fail(path + ".id", "id '\(expenses[index].id)' is already used by \(place(duplicate.earlier))")
            }
            let amount = expenses[index].amount
            if amount.currency != currency {
                throw fail(path + ".amount", "amount in \(amount.currency), but the budget is in \(currency)")
            }
            if let regime = expenses[index].regime, catalog.regime(regime) == nil {
                let hint = catalog.regimeIDs.isEmpty
                    ? " (the catalogue holds no funding regime: Catalog.builtIn holds the built-in ones)"
                    : Suggestions.hint(catalog.regimeIDs(nearestTo: regime.rawValue))
                throw fail(path + ".regime", "unknown funding regime '\(regime)'\(hint)")
            }
            hasNegativeAmount = hasNegativeAmount || amount.minorUnits < 0
            guard let sum = Self.adding(amount, to: magnitude) else {
                throw fail("expenses", "the expenses up to expenses[\(index)] add up to more than ClusterKit can hold exactly")
            }
            magnitude = sum
            // Bounded by the magnitudes: it fits.
            expenseSum += amount.minorUnits
        }
        // The resources are summed on their own, as the metrics sum them.
        magnitude = 0
        var passedThrough: [Int: Int64] = [:]
        var checked: [CheckedResourceLine] = []
        checked.reserveCapacity(resources.count)
        for index in resources.indices {
            var path: String { place(expenseCount + index) }
            if let duplicate, duplicate.position == expenseCount + index {
                throw fail(path + ".id", "id '\(resources[index].id)' is already used by \(place(duplicate.earlier))")
            }
            let source = resources[index].source
            let position: Int
            if index < knownPositions.count, knownPositions[index] >= 0, knownPositions[index] < catalog.sourceTraits.count {
                position = Int(knownPositions[index])
                assert(catalog.sourcePosition(source) == position, "a reader gave resources[\(index)] a wrong source position")
            } else {
                guard let found = catalog.sourcePosition(source) else {
                    throw fail(path + ".source", Self.unknownSource(source, in: catalog))
                }
                position = found
            }
            if !resources[index].includes.isEmpty {
                try Self.validateIncludes(resources[index].includes, of: source, at: path, catalog: catalog, file: file)
            }
            let amount = resources[index].amount
            if amount.currency != currency {
                throw fail(path + ".amount", "amount in \(amount.currency), but the budget is in \(currency)")
            }
            var earmark = -1
            if let action = resources[index].action {
                guard let expense = ids().position(of: action), expense < expenseCount else {
                    let hint = Suggestions.hint(Suggestions.nearest(to: action, among: expenses.map(\.id)))
                    throw fail(path + ".action", "no expense has the id '\(action)'\(hint)")
                }
                if expenses[expense].nature == .accounting {
                    throw fail(path + ".action", "'\(action)' is an accounting entry (nature accounting), not an action")
                }
                if resources[index].passThrough {
                    // A pass-through line takes as much out of its expense: no more than the expense has.
                    let passed = passedThrough[expense, default: 0] &+ Swift.max(amount.minorUnits, 0)
                    guard passed <= Swift.max(expenses[expense].amount.minorUnits, 0) else {
                        throw fail(
                            path + ".amount",
                            "the money passed through to '\(action)' is more than the expense itself "
                                + "(\(expenses[expense].amount)): a partner's share comes out of the expense it is part of")
                    }
                    passedThrough[expense] = passed
                }
                earmark = expense
            } else if resources[index].passThrough {
                throw fail(
                    path + ".passThrough",
                    "a pass-through line names the expense it passes money on through: give its 'action'")
            }
            let kind = catalog.sourceTraits[position].kind
            if resources[index].successFee != nil, kind != .successFees {
                throw fail(path + ".successFee", "success-fee terms belong on a success-fee line, not on '\(source)'")
            }
            if resources[index].sponsor != nil, kind != .sponsorship {
                throw fail(path + ".sponsor", "sponsor terms belong on a sponsorship line, not on '\(source)'")
            }
            hasNegativeAmount = hasNegativeAmount || amount.minorUnits < 0
            guard let sum = Self.adding(amount, to: magnitude) else {
                throw fail("resources", "the resources up to \(path) add up to more than ClusterKit can hold exactly")
            }
            magnitude = sum
            resourceSum += amount.minorUnits
            checked.append(CheckedResourceLine(source: Int32(position), expense: Int32(earmark)))
        }
        // Resources less expenses: the result.
        guard !resourceSum.subtractingReportingOverflow(expenseSum).overflow else {
            throw fail("expenses", "the resources and the expenses add up to more than ClusterKit can hold exactly")
        }
        try Self.validateStatement(budget, ids: budget.forecast.isEmpty ? nil : ids(), file: file)
        self.resources = checked
        self.hasNegativeAmount = hasNegativeAmount
    }

    /// Checks the other sources a line holds unsplit (`includes`): each known to the catalogue, not the line's own
    /// source, listed once.
    private static func validateIncludes(
        _ includes: [RevenueSourceID], of source: RevenueSourceID, at path: String, catalog: Catalog, file: String?
    ) throws(InputError) {
        for (position, included) in includes.enumerated() {
            let field = "\(path).includes[\(position)]"
            guard catalog.sourcePosition(included) != nil else {
                throw InputError(file: file, path: field, reason: Self.unknownSource(included, in: catalog))
            }
            if included == source {
                throw InputError(
                    file: file, path: field,
                    reason: "'\(included)' is the line's own source: includes lists the other sources its amount holds")
            }
            if includes[..<position].contains(included) {
                throw InputError(file: file, path: field, reason: "'\(included)' is listed twice")
            }
        }
    }

    /// Checks the public sources a target's funder counts as own resources (`basis.ownResources`): known, and public.
    private static func validateTargets(_ cluster: ClusterProfile, catalog: Catalog, file: String?) throws(InputError) {
        for (index, target) in cluster.targetList.enumerated() {
            for (position, id) in (target.definition?.ownResources ?? []).enumerated() {
                let path = cluster.targetList.count == 1
                    ? "cluster.targets.basis.ownResources[\(position)]"
                    : "cluster.targets[\(index)].basis.ownResources[\(position)]"
                guard let source = catalog.source(id) else {
                    throw InputError(file: file, path: path, reason: unknownSource(id, in: catalog))
                }
                guard source.sector == .public else {
                    throw InputError(
                        file: file, path: path,
                        reason: "'\(id)' is not a public source: own resources list the public sources a funder counts as the cluster's own")
                }
            }
        }
    }

    /// Why a source id is refused: unknown to the catalogue, with the nearest ids it holds.
    private static func unknownSource(_ id: RevenueSourceID, in catalog: Catalog) -> String {
        "unknown revenue source '\(id)'\(Suggestions.hint(catalog.sourceIDs(nearestTo: id.rawValue)))"
    }

    /// Checks the fields of real accounts: the fiscal period and the forecast amounts of a realised statement.
    /// - Parameter ids: the table of the lines' ids; `nil` when the budget has no forecast amounts.
    private static func validateStatement(_ budget: Budget, ids: LineIDTable?, file: String?) throws(InputError) {
        func fail(_ path: String, _ reason: String) -> InputError { InputError(file: file, path: path, reason: reason) }
        if let period = budget.period {
            guard period.start < period.end else {
                throw fail("period.end", "the period ends on \(period.end), not after it starts (\(period.start))")
            }
            guard period.months <= FiscalPeriod.maximumMonths else {
                throw fail(
                    "period.end",
                    "the period spans \(period.months) months, more than the \(FiscalPeriod.maximumMonths) a fiscal year may")
            }
            guard budget.year == period.end.year else {
                throw fail(
                    "year", "the year is \(budget.year) but the period ends in \(period.end.year): a budget's year is the "
                        + "year its period ends")
            }
        }
        guard !budget.forecast.isEmpty else { return }
        guard budget.statement == .realised else {
            throw fail("forecast", "forecast amounts belong on a realised statement (\"statement\": \"realised\")")
        }
        let lineIDs = budget.expenses.map(\.id) + budget.resources.map(\.id)
        for (id, amount) in budget.forecast.sorted(by: { $0.key < $1.key }) {
            guard ids?.position(of: id) != nil else {
                let hint = Suggestions.hint(Suggestions.nearest(to: id, among: lineIDs))
                throw fail("forecast.\(id)", "no line has the id '\(id)'\(hint)")
            }
            guard amount.currency == budget.currency else {
                throw fail("forecast.\(id)", "amount in \(amount.currency), but the budget is in \(budget.currency)")
            }
            guard amount.minorUnits.magnitude <= UInt64(Int64.max / 4) else {
                throw fail("forecast.\(id)", "the amount is more than ClusterKit can compare exactly")
            }
        }
    }

    /// What the validation found of a resource line, for the metrics to sum it without looking anything up again:
    /// 8 bytes a line.
    struct CheckedResourceLine {
        /// The position of its source in the catalogue.
        let source: Int32
        /// The position of the expense its `action` names among the budget's expenses, −1 when it names none.
        let expense: Int32
    }

    /// `sum + |amount|`, or `nil` when it does not fit.
    private static func adding(_ amount: Money, to sum: Int64) -> Int64? {
        let units = amount.minorUnits
        guard units != .min else { return nil }
        let (result, overflow) = sum.addingReportingOverflow(units < 0 ? -units : units)
        return overflow ? nil : result
    }
}
