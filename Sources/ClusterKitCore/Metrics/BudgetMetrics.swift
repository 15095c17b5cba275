/// A resource line with its sector, nature and kind resolved against the catalogue (line overrides applied).
public struct ResolvedResource: Hashable, Sendable {
    /// The line's position in `Budget.resources`.
    public let index: Int
    /// The line's id.
    public let id: String
    /// The line's source.
    public let source: RevenueSourceID
    /// The source's family.
    public let kind: RevenueKind
    /// Public or private, after the line's override.
    public let sector: Sector
    /// Cash or in kind, after the line's override.
    public let nature: ResourceNature
    /// The amount.
    public let amount: Money
    /// The funder it counts for.
    public let funder: String
}

/// An amount and the ids of the lines it sums.
public struct LineTotal: Hashable, Sendable {
    /// The sum.
    public internal(set) var amount: Money
    /// The lines summed, in budget order.
    public internal(set) var lines: [String]

    /// Creates a total from an amount and the lines it sums.
    public init(amount: Money, lines: [String]) {
        self.amount = amount
        self.lines = lines
    }

    init(_ currency: CurrencyCode) {
        amount = .zero(currency)
        lines = []
    }

    mutating func add(_ money: Money, line: String) throws(MoneyError) {
        amount = try amount.adding(money)
        lines.append(line)
    }
}

/// The figures every rule reads, computed in one pass over a budget (the definitions of `RULES.md`).
///
/// Rules never rescan lines for totals: they read these. Building the metrics also checks the budget against the
/// catalogue (known sources, unique line ids, earmarks that name an expense, totals that fit), so a budget that has
/// metrics is a valid one.
public struct BudgetMetrics: Sendable {
    /// The budget's currency.
    public let currency: CurrencyCode
    /// R: total resources.
    public let totalResources: Money
    /// E: total expenses.
    public let totalExpenses: Money
    /// Pub: resources whose sector is public.
    public let publicResources: LineTotal
    /// Priv: resources whose sector is private.
    public let privateResources: LineTotal
    /// Resources in kind (valued time, secondment).
    public let inKindResources: LineTotal
    /// Private resources that are real money flows: Priv(cash).
    public let privateCash: LineTotal
    /// Public resources that are real money flows: Pub(cash).
    public let publicCash: LineTotal
    /// Operating and animation expenses.
    public let operatingExpenses: LineTotal
    /// Programme (action) expenses.
    public let programmeExpenses: LineTotal
    /// Every resource line, resolved.
    public let resources: [ResolvedResource]
    /// Totals per source id.
    public let bySource: [RevenueSourceID: LineTotal]
    /// Totals per revenue kind.
    public let byKind: [RevenueKind: LineTotal]
    /// Totals per funder: public lines by their `funder` (else their label), and private lines that name a
    /// `funder`. Private lines that name none (membership fees from many members) belong to no single funder.
    public let byFunder: [String: LineTotal]
    /// Private cash per revenue kind: what the cluster really bills or collects, by family.
    public let privateCashByKind: [RevenueKind: LineTotal]
    /// Success fees earned on projects won in public calls (`successFee.basis == publicCall`) that the budget counts
    /// as private cash: the fees a funder may requalify as public money.
    public let publicCallSuccessFees: LineTotal
    /// The resources earmarked to each expense (`resources[].action`), by expense id, whatever their sector: the
    /// funding an action brings with it (subsidies and companies' participations).
    public let earmarkedByAction: [String: LineTotal]
    /// Which public money goes to which action: earmarked public resources first, the unearmarked ones shared pro
    /// rata of each action's uncovered cost (see ``PublicFundingAllocation``).
    public let allocation: PublicFundingAllocation

    /// R(cash): resources that are real money flows.
    public var cashResources: Money { Money(minorUnits: totalResources.minorUnits - inKindResources.amount.minorUnits, currency: currency) }

    /// Gross self-financing (autofinancement brut): Priv / R, valued member time included. `nil` when R is zero.
    public var selfFinancingGross: Share? { Share(privateResources.amount, of: totalResources) }

    /// Net self-financing (autofinancement net): Priv(cash) / R(cash), the real money flows only. `nil` when R(cash)
    /// is zero.
    public var selfFinancingNet: Share? { Share(privateCash.amount, of: cashResources) }

    /// The total of a revenue kind (zero when the budget has none).
    public func total(of kind: RevenueKind) -> LineTotal { byKind[kind] ?? LineTotal(currency) }

    /// The share of R a revenue kind makes; `nil` when R is zero.
    public func share(of kind: RevenueKind) -> Share? { Share(total(of: kind).amount, of: totalResources) }

    /// Computes the metrics of a budget, checking it against the catalogue.
    /// - Throws: ``InputError`` naming the field path (`resources[2].source`) and the reason.
    public init(_ budget: Budget, catalog: Catalog = .builtIn, file: String? = nil) throws(InputError) {
        let currency = budget.currency
        self.currency = currency
        func fail(_ path: String, _ reason: String) -> InputError { InputError(file: file, path: path, reason: reason) }
        let lineCount = budget.resources.count + budget.expenses.count
        guard lineCount <= BudgetDecoder.maximumLineCount else {
            throw fail(
                "resources", "the budget has \(lineCount) lines (resources and expenses), more than the "
                    + "\(BudgetDecoder.maximumLineCount) ClusterKit checks")
        }

        var seen: [String: String] = [:]
        for (index, line) in budget.expenses.enumerated() {
            let path = "expenses[\(index)]"
            if let other = seen[line.id] { throw fail(path + ".id", "id '\(line.id)' is already used by \(other)") }
            seen[line.id] = path
            if line.amount.currency != currency {
                throw fail(path + ".amount", "amount in \(line.amount.currency), but the budget is in \(currency)")
            }
            if let regime = line.regime, catalog.regime(regime) == nil {
                let nearest = catalog.regimeIDs(nearestTo: regime.rawValue)
                let hint = catalog.regimeIDs.isEmpty
                    ? " (the catalogue holds no funding regime: ClusterRules' Catalog.standard holds the built-in ones)"
                    : nearest.isEmpty ? "" : " (did you mean \(nearest.map { "'\($0)'" }.joined(separator: ", "))?)"
                throw fail(path + ".regime", "unknown funding regime '\(regime)'\(hint)")
            }
        }
        let expenseIDs = Set(budget.expenses.map(\.id))

        var total = LineTotal(currency), pub = LineTotal(currency), priv = LineTotal(currency)
        var inKind = LineTotal(currency), privCash = LineTotal(currency), pubCash = LineTotal(currency)
        var bySource: [RevenueSourceID: LineTotal] = [:], byKind: [RevenueKind: LineTotal] = [:]
        var byFunder: [String: LineTotal] = [:], privateCashByKind: [RevenueKind: LineTotal] = [:]
        var publicCallFees = LineTotal(currency), earmarked: [String: LineTotal] = [:]
        var resolved: [ResolvedResource] = []
        resolved.reserveCapacity(budget.resources.count)
        for (index, line) in budget.resources.enumerated() {
            let path = "resources[\(index)]"
            if let other = seen[line.id] { throw fail(path + ".id", "id '\(line.id)' is already used by \(other)") }
            seen[line.id] = path
            guard let source = catalog.source(line.source) else {
                let nearest = catalog.sourceIDs(nearestTo: line.source.rawValue)
                let hint = nearest.isEmpty ? "" : " (did you mean \(nearest.map { "'\($0)'" }.joined(separator: ", "))?)"
                throw fail(path + ".source", "unknown revenue source '\(line.source)'\(hint)")
            }
            if line.amount.currency != currency {
                throw fail(path + ".amount", "amount in \(line.amount.currency), but the budget is in \(currency)")
            }
            if let action = line.action, !expenseIDs.contains(action) {
                let nearest = Suggestions.nearest(to: action, among: budget.expenses.map(\.id))
                let hint = nearest.isEmpty ? "" : " (did you mean \(nearest.map { "'\($0)'" }.joined(separator: ", "))?)"
                throw fail(path + ".action", "no expense has the id '\(action)'\(hint)")
            }
            if line.successFee != nil, source.kind != .successFees {
                throw fail(path + ".successFee", "success-fee terms belong on a success-fee line, not on '\(line.source)'")
            }
            if line.sponsor != nil, source.kind != .sponsorship {
                throw fail(path + ".sponsor", "sponsor terms belong on a sponsorship line, not on '\(line.source)'")
            }
            let sector = line.sector ?? source.sector
            let nature: ResourceNature = line.inKind.map { $0 ? .inKind : .cash } ?? source.nature
            let item = ResolvedResource(
                index: index, id: line.id, source: line.source, kind: source.kind, sector: sector, nature: nature,
                amount: line.amount, funder: line.funderName)
            resolved.append(item)
            do throws(MoneyError) {
                try total.add(line.amount, line: line.id)
                switch (sector, nature) {
                case (.public, .cash):
                    try pub.add(line.amount, line: line.id)
                    try pubCash.add(line.amount, line: line.id)
                case (.private, .cash):
                    try priv.add(line.amount, line: line.id)
                    try privCash.add(line.amount, line: line.id)
                    try privateCashByKind[source.kind, default: LineTotal(currency)].add(line.amount, line: line.id)
                case (.public, .inKind):
                    try pub.add(line.amount, line: line.id)
                    try inKind.add(line.amount, line: line.id)
                case (.private, .inKind):
                    try priv.add(line.amount, line: line.id)
                    try inKind.add(line.amount, line: line.id)
                }
                try bySource[line.source, default: LineTotal(currency)].add(line.amount, line: line.id)
                try byKind[source.kind, default: LineTotal(currency)].add(line.amount, line: line.id)
                if sector == .public || line.funder != nil {
                    try byFunder[item.funder, default: LineTotal(currency)].add(line.amount, line: line.id)
                }
                if line.successFee?.basis == .publicCall, sector == .private, nature == .cash {
                    try publicCallFees.add(line.amount, line: line.id)
                }
                if let action = line.action {
                    try earmarked[action, default: LineTotal(currency)].add(line.amount, line: line.id)
                }
            } catch {
                throw fail("resources", "the resources up to \(path) add up to more than ClusterKit can hold exactly")
            }
        }

        var expenses = LineTotal(currency), operating = LineTotal(currency), programme = LineTotal(currency)
        for (index, line) in budget.expenses.enumerated() {
            do throws(MoneyError) {
                try expenses.add(line.amount, line: line.id)
                if line.nature == .operating {
                    try operating.add(line.amount, line: line.id)
                } else {
                    try programme.add(line.amount, line: line.id)
                }
            } catch {
                throw fail("expenses", "the expenses up to expenses[\(index)] add up to more than ClusterKit can hold exactly")
            }
        }

        totalResources = total.amount
        totalExpenses = expenses.amount
        publicResources = pub
        privateResources = priv
        inKindResources = inKind
        privateCash = privCash
        publicCash = pubCash
        operatingExpenses = operating
        programmeExpenses = programme
        resources = resolved
        self.bySource = bySource
        self.byKind = byKind
        self.byFunder = byFunder
        self.privateCashByKind = privateCashByKind
        publicCallSuccessFees = publicCallFees
        earmarkedByAction = earmarked
        do throws(MoneyError) {
            allocation = try PublicFundingAllocation(budget, resources: resolved, earmarked: earmarked)
        } catch {
            throw fail("resources", "the public resources add up to more than ClusterKit can hold exactly")
        }
    }
}
