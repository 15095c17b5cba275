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

    init(_ currency: CurrencyCode, capacity: Int = 0) {
        amount = .zero(currency)
        lines = []
        if capacity > 0 { lines.reserveCapacity(capacity) }
    }

    mutating func add(_ money: Money, line: String) throws(MoneyError) {
        amount = try amount.adding(money)
        lines.append(line)
    }

    /// Adds to the amount only: the caller lists the line elsewhere.
    mutating func addAmount(_ money: Money) throws(MoneyError) {
        amount = try amount.adding(money)
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
    ///
    /// Worked out on first use and kept (the mission-category rules and the JSON report read it): a budget checked
    /// by rules that never read it does not pay for it.
    public var allocation: PublicFundingAllocation { lazyAllocation.value }
    private let lazyAllocation: LazyAllocation

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

        // The line each id was first seen on: expenses[i] as −1 − i, resources[i] as i. Paths are written only for
        // an error: a valid budget costs no string formatting.
        var seen: [String: Int] = [:]
        seen.reserveCapacity(budget.expenses.count + budget.resources.count)
        func place(_ code: Int) -> String { code < 0 ? "expenses[\(-1 - code)]" : "resources[\(code)]" }
        for index in budget.expenses.indices {
            let line = budget.expenses[index]
            var path: String { place(-1 - index) }
            if let other = seen.updateValue(-1 - index, forKey: line.id) {
                throw fail(path + ".id", "id '\(line.id)' is already used by \(place(other))")
            }
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

        // Room for every line from the start: the totals grow without reallocating.
        let count = budget.resources.count
        var total = LineTotal(currency, capacity: count), pub = LineTotal(currency, capacity: count)
        var priv = LineTotal(currency, capacity: count), inKind = LineTotal(currency)
        // Until a line in kind shows up, the cash totals list the same lines as the sector totals: they share them
        // (see `splitCash`), and only their amounts are summed.
        var privCash = LineTotal(currency), pubCash = LineTotal(currency)
        var publicInKind = false, privateInKind = false
        var byFunder: [String: LineTotal] = [:]
        byFunder.reserveCapacity(min(count, 16))
        // Each distinct source of the budget (a handful, however many lines) is looked up in the catalogue once and
        // gets a slot, found again by comparing ids rather than hashing them; the totals by source and by kind are
        // summed in the slots, and keyed once at the end.
        var sources: [SourceSlot] = [], kinds: [KindSlot] = []
        var publicCallFees = LineTotal(currency), earmarked: [String: LineTotal] = [:]
        var resolved: [ResolvedResource] = []
        resolved.reserveCapacity(count)
        // The kind slot of each line, for the lists summed at the end.
        var lineKinds: [Int] = []
        lineKinds.reserveCapacity(count)
        for index in budget.resources.indices {
            let line = budget.resources[index]
            var path: String { place(index) }
            if let other = seen.updateValue(index, forKey: line.id) {
                throw fail(path + ".id", "id '\(line.id)' is already used by \(place(other))")
            }
            let slot: Int
            if let known = sources.firstIndex(where: { $0.id == line.source }) {
                slot = known
            } else {
                guard let source = catalog.source(line.source) else {
                    let nearest = catalog.sourceIDs(nearestTo: line.source.rawValue)
                    let hint = nearest.isEmpty ? "" : " (did you mean \(nearest.map { "'\($0)'" }.joined(separator: ", "))?)"
                    throw fail(path + ".source", "unknown revenue source '\(line.source)'\(hint)")
                }
                let kind = source.kind
                let kindSlot = kinds.firstIndex { $0.kind == kind } ?? kinds.count
                if kindSlot == kinds.count { kinds.append(KindSlot(kind: kind, currency: currency)) }
                slot = sources.count
                sources.append(
                    SourceSlot(id: line.source, kind: kindSlot, sector: source.sector, nature: source.nature, total: LineTotal(currency)))
            }
            let kindSlot = sources[slot].kind, kind = kinds[kindSlot].kind
            if line.amount.currency != currency {
                throw fail(path + ".amount", "amount in \(line.amount.currency), but the budget is in \(currency)")
            }
            if let action = line.action, (seen[action] ?? 0) >= 0 {
                let nearest = Suggestions.nearest(to: action, among: budget.expenses.map(\.id))
                let hint = nearest.isEmpty ? "" : " (did you mean \(nearest.map { "'\($0)'" }.joined(separator: ", "))?)"
                throw fail(path + ".action", "no expense has the id '\(action)'\(hint)")
            }
            if line.successFee != nil, kind != .successFees {
                throw fail(path + ".successFee", "success-fee terms belong on a success-fee line, not on '\(line.source)'")
            }
            if line.sponsor != nil, kind != .sponsorship {
                throw fail(path + ".sponsor", "sponsor terms belong on a sponsorship line, not on '\(line.source)'")
            }
            let sector = line.sector ?? sources[slot].sector
            let nature: ResourceNature = line.inKind.map { $0 ? .inKind : .cash } ?? sources[slot].nature
            let funder = line.funderName
            resolved.append(
                ResolvedResource(
                    index: index, id: line.id, source: line.source, kind: kind, sector: sector, nature: nature,
                    amount: line.amount, funder: funder))
            lineKinds.append(kindSlot)
            do throws(MoneyError) {
                try total.add(line.amount, line: line.id)
                switch (sector, nature) {
                case (.public, .cash):
                    try pub.add(line.amount, line: line.id)
                    if publicInKind {
                        try pubCash.add(line.amount, line: line.id)
                    } else {
                        try pubCash.addAmount(line.amount)
                    }
                case (.private, .cash):
                    try priv.add(line.amount, line: line.id)
                    if privateInKind {
                        try privCash.add(line.amount, line: line.id)
                    } else {
                        try privCash.addAmount(line.amount)
                    }
                    try kinds[kindSlot].privateCash.addAmount(line.amount)
                    kinds[kindSlot].privateCashLines += 1
                case (.public, .inKind):
                    if !publicInKind { Self.splitCash(&pubCash, from: pub, &publicInKind) }
                    try pub.add(line.amount, line: line.id)
                    try inKind.add(line.amount, line: line.id)
                case (.private, .inKind):
                    if !privateInKind { Self.splitCash(&privCash, from: priv, &privateInKind) }
                    try priv.add(line.amount, line: line.id)
                    try inKind.add(line.amount, line: line.id)
                }
                try sources[slot].total.add(line.amount, line: line.id)
                try kinds[kindSlot].total.addAmount(line.amount)
                kinds[kindSlot].lines += 1
                if sector == .public || line.funder != nil {
                    try byFunder[funder, default: LineTotal(currency)].add(line.amount, line: line.id)
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

        var expenses = LineTotal(currency, capacity: budget.expenses.count), operating = LineTotal(currency)
        var programme = LineTotal(currency, capacity: budget.expenses.count)
        for index in budget.expenses.indices {
            let line = budget.expenses[index]
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

        if !publicInKind { pubCash.lines = pub.lines }
        if !privateInKind { privCash.lines = priv.lines }
        // The lists by kind: shared with the kind's source when it has only one, and with the kind's total when all
        // its lines are private cash; the others made in one pass over the lines.
        var sourcesOfKind = [Int](repeating: 0, count: kinds.count)
        for source in sources { sourcesOfKind[source.kind] += 1 }
        for source in sources where sourcesOfKind[source.kind] == 1 { kinds[source.kind].total.lines = source.total.lines }
        let listing = kinds.indices.map { slot in
            (total: sourcesOfKind[slot] > 1, privateCash: 0 < kinds[slot].privateCashLines && kinds[slot].privateCashLines < kinds[slot].lines)
        }
        if listing.contains(where: { $0.total || $0.privateCash }) {
            for position in resolved.indices {
                let slot = lineKinds[position]
                if listing[slot].total { kinds[slot].total.lines.append(resolved[position].id) }
                if listing[slot].privateCash, resolved[position].sector == .private, resolved[position].nature == .cash {
                    kinds[slot].privateCash.lines.append(resolved[position].id)
                }
            }
        }
        for slot in kinds.indices where kinds[slot].privateCashLines == kinds[slot].lines {
            kinds[slot].privateCash.lines = kinds[slot].total.lines
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
        // Keyed by assignment into dictionaries made to size: `Dictionary(uniqueKeysWithValues:)` went through a
        // merge that cost 13,600 instructions per check of a typical budget, this 7,800 (Documentation/Performance.md).
        var bySource = [RevenueSourceID: LineTotal](minimumCapacity: sources.count)
        for slot in sources { bySource[slot.id] = slot.total }
        var byKind = [RevenueKind: LineTotal](minimumCapacity: kinds.count)
        var privateCashByKind = [RevenueKind: LineTotal](minimumCapacity: kinds.count)
        for slot in kinds {
            byKind[slot.kind] = slot.total
            if slot.privateCashLines > 0 { privateCashByKind[slot.kind] = slot.privateCash }
        }
        self.bySource = bySource
        self.byKind = byKind
        self.byFunder = byFunder
        self.privateCashByKind = privateCashByKind
        publicCallSuccessFees = publicCallFees
        earmarkedByAction = earmarked
        // With no negative amount, no sum of the allocation can overflow where the totals above did not, so it can
        // wait until read. A budget built in code with a negative amount has it worked out now, so that an overflow
        // is an input error here.
        if budget.resources.allSatisfy({ $0.amount.minorUnits >= 0 }), budget.expenses.allSatisfy({ $0.amount.minorUnits >= 0 }) {
            lazyAllocation = LazyAllocation { [budget, resolved, earmarked] in
                (try? PublicFundingAllocation(budget, resources: resolved, earmarked: earmarked))
                    ?? PublicFundingAllocation(unallocated: budget.currency)
            }
        } else {
            do throws(MoneyError) {
                let allocation = try PublicFundingAllocation(budget, resources: resolved, earmarked: earmarked)
                lazyAllocation = LazyAllocation { allocation }
            } catch {
                throw fail("resources", "the public resources add up to more than ClusterKit can hold exactly")
            }
        }
    }
}

extension BudgetMetrics {
    /// At the first line in kind of a sector, the sector's cash total stops sharing the sector's lines: it gets its
    /// own list, the lines so far (all cash).
    fileprivate static func splitCash(_ cash: inout LineTotal, from sector: LineTotal, _ split: inout Bool) {
        cash.lines = sector.lines
        split = true
    }
}

/// The allocation of a budget's public funding, worked out on first use and kept (``BudgetMetrics/allocation``).
final class LazyAllocation: Sendable {
    private let state = Locked<PublicFundingAllocation?>(nil)
    private let work: @Sendable () -> PublicFundingAllocation

    init(_ work: @escaping @Sendable () -> PublicFundingAllocation) { self.work = work }

    /// The allocation; the first reader works it out, under the lock, for every other.
    var value: PublicFundingAllocation {
        state.withLock { cached in
            if let cached { return cached }
            let value = work()
            cached = value
            return value
        }
    }
}

/// A source of the budget being summed: its catalogue entry, read once, and its total (``BudgetMetrics``).
private struct SourceSlot {
    let id: RevenueSourceID
    /// The slot of its kind.
    let kind: Int
    let sector: Sector
    let nature: ResourceNature
    var total: LineTotal
}

/// A revenue kind of the budget being summed: its total, and the total of its private cash.
private struct KindSlot {
    let kind: RevenueKind
    var total: LineTotal
    var privateCash: LineTotal
    /// How many lines the kind has, and how many of them are private cash (their lists are made at the end).
    var lines = 0, privateCashLines = 0

    init(kind: RevenueKind, currency: CurrencyCode) {
        self.kind = kind
        total = LineTotal(currency)
        privateCash = LineTotal(currency)
    }
}
