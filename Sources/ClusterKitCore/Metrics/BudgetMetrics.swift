import Synchronization

/// The figures every rule reads, computed in one pass over a budget (the definitions of `RULES.md`).
///
/// Rules never rescan lines for totals: they read these. Building the metrics also checks the budget against the
/// catalogue (known sources, unique line ids, earmarks that name an expense, totals that fit), so a budget that has
/// metrics is a valid one.
public struct BudgetMetrics: Sendable {
    /// Every figure, computed once: a copy of the metrics (into each rule's context, into the report) is one
    /// reference.
    private let storage: MetricsStorage
    /// The budget's currency.
    public var currency: CurrencyCode { storage.currency }
    /// R: total resources.
    public var totalResources: Money { storage.totalResources }
    /// E: total expenses.
    public var totalExpenses: Money { storage.totalExpenses }
    /// Pub: resources whose sector is public.
    public var publicResources: LineTotal { storage.publicResources }
    /// Priv: resources whose sector is private.
    public var privateResources: LineTotal { storage.privateResources }
    /// Resources in kind (valued time, secondment).
    public var inKindResources: LineTotal { storage.inKindResources }
    /// Private resources that are real money flows: Priv(cash).
    public var privateCash: LineTotal { storage.privateCash }
    /// Public resources that are real money flows: Pub(cash).
    public var publicCash: LineTotal { storage.publicCash }
    /// Operating and animation expenses.
    public var operatingExpenses: LineTotal { storage.operatingExpenses }
    /// Programme (action) expenses.
    public var programmeExpenses: LineTotal { storage.programmeExpenses }
    /// Every resource line, resolved (made from the budget's lines at each read).
    public var resources: [ResolvedResource] { storage.table.resolved }
    /// The total of each source the budget names, in the order the budget first names it.
    public var sourceTotals: [KeyedTotal<RevenueSourceID>] { storage.table.sourceTotals }
    /// The total of each revenue kind the budget has, in the order the budget first has it.
    public var kindTotals: [KeyedTotal<RevenueKind>] { storage.table.kindTotals }
    /// The private cash of each revenue kind that has some — what the cluster really bills or collects, by family
    /// —, in the order of ``kindTotals``.
    public var privateCashKindTotals: [KeyedTotal<RevenueKind>] { storage.table.privateCashKindTotals }
    /// The total of each funder, in the order the budget first names it: public lines by their `funder` (else
    /// their label), and private lines that name a `funder`. Private lines that name none (membership fees from many
    /// members) belong to no single funder.
    public var funderTotals: [KeyedTotal<String>] { storage.table.funderTotals }

    /// Totals per source id (a dictionary made from ``sourceTotals`` at each read: ``total(ofSource:)``
    /// looks one up without it).
    public var bySource: [RevenueSourceID: LineTotal] { Dictionary(keyed: sourceTotals) }
    /// Totals per revenue kind (made from ``kindTotals`` at each read).
    public var byKind: [RevenueKind: LineTotal] { Dictionary(keyed: kindTotals) }
    /// Totals per funder (made from ``funderTotals`` at each read).
    public var byFunder: [String: LineTotal] { Dictionary(keyed: funderTotals) }
    /// Private cash per revenue kind (made from ``privateCashKindTotals`` at each read).
    public var privateCashByKind: [RevenueKind: LineTotal] { Dictionary(keyed: privateCashKindTotals) }
    /// Success fees earned on projects won in public calls (`successFee.basis == publicCall`) that the budget counts
    /// as private cash: the fees a funder may requalify as public money.
    public var publicCallSuccessFees: LineTotal { storage.publicCallSuccessFees }
    /// The resources earmarked to each expense (`resources[].action`), by expense id, whatever their sector: the
    /// funding an action brings with it (subsidies and companies' participations).
    public var earmarkedByAction: [String: LineTotal] { storage.earmarkedByAction }
    /// Which public money goes to which action: earmarked public resources first, the unearmarked ones shared pro
    /// rata of each action's uncovered cost (see ``PublicFundingAllocation``).
    ///
    /// Worked out on first use and kept (the mission-category rules and the JSON report read it): a budget checked
    /// by rules that never read it does not pay for it.
    public var allocation: PublicFundingAllocation { storage.allocation }

    /// R(cash): resources that are real money flows.
    public var cashResources: Money { Money(minorUnits: totalResources.minorUnits - inKindResources.amount.minorUnits, currency: currency) }

    /// Gross self-financing (autofinancement brut): Priv / R, valued member time included. `nil` when R is zero.
    public var selfFinancingGross: Share? { Share(privateResources.amount, of: totalResources) }

    /// Net self-financing (autofinancement net): Priv(cash) / R(cash), the real money flows only. `nil` when R(cash)
    /// is zero.
    public var selfFinancingNet: Share? { Share(privateCash.amount, of: cashResources) }

    /// The total of a revenue kind (zero when the budget has none).
    public func total(of kind: RevenueKind) -> LineTotal {
        let table = storage.table
        return table.kinds.firstIndex { $0.kind == kind }.map(table.kindTotal(at:)) ?? LineTotal(currency)
    }

    /// The total of a source (zero when the budget names none).
    public func total(ofSource source: RevenueSourceID) -> LineTotal {
        let table = storage.table
        return table.sources.firstIndex { $0.id == source }.map { LineTotal(amount: table.sources[$0].total, of: table, .source(Int32($0))) }
            ?? LineTotal(currency)
    }

    /// The resource lines of a revenue kind, in budget order (none when the budget has none).
    ///
    /// For a rule that reads what lines carry beyond their amounts — the terms of a success fee, a sponsor — without
    /// reading every line of the budget: the metrics keep the kind of each line apart, in a few bytes.
    public func resourceLines(of kind: RevenueKind) -> [ResourceLine] {
        let table = storage.table
        guard let slot = table.kinds.firstIndex(where: { $0.kind == kind }).map(Int32.init) else { return [] }
        var lines: [ResourceLine] = []
        for position in table.attributes.indices where table.selects(position, .kind(slot)) {
            lines.append(table.lines[position])
        }
        return lines
    }

    /// The private cash of a revenue kind (zero when the budget has none).
    public func privateCash(of kind: RevenueKind) -> LineTotal {
        let table = storage.table
        return table.kinds.firstIndex { $0.kind == kind && $0.privateCashLines > 0 }.map(table.privateCash(at:)) ?? LineTotal(currency)
    }

    /// The share of R a revenue kind makes; `nil` when R is zero.
    public func share(of kind: RevenueKind) -> Share? { Share(total(of: kind).amount, of: totalResources) }

    /// Computes the metrics of a budget, checking it against the catalogue.
    /// - Throws: ``InputError`` naming the field path (`resources[2].source`) and the reason.
    public init(_ budget: Budget, catalog: Catalog = .builtIn, file: String? = nil) throws(InputError) {
        storage = try MetricsStorage(budget, catalog: catalog, file: file)
    }
}

/// The figures of ``BudgetMetrics``, shared by its copies.
final class MetricsStorage: Sendable {
    let currency: CurrencyCode
    let totalResources: Money
    let totalExpenses: Money
    let publicResources: LineTotal
    let privateResources: LineTotal
    let inKindResources: LineTotal
    let privateCash: LineTotal
    let publicCash: LineTotal
    let operatingExpenses: LineTotal
    let programmeExpenses: LineTotal
    let publicCallSuccessFees: LineTotal
    let earmarkedByAction: [String: LineTotal]
    /// The lines the totals list when read.
    let table: LineTable
    /// The allocation of the public funding, once worked out.
    private let lazyAllocation = AtomicLazyReference<AllocationBox>()

    /// The allocation, worked out by the first reader. Two threads reading it first at once may both work it out;
    /// one result is kept, and both are the same.
    var allocation: PublicFundingAllocation {
        if let box = lazyAllocation.load() { return box.value }
        let value = (try? PublicFundingAllocation(table, currency: currency, earmarked: earmarkedByAction))
            ?? PublicFundingAllocation(unallocated: currency)
        return lazyAllocation.storeIfNil(AllocationBox(value)).value
    }

    init(_ budget: Budget, catalog: Catalog, file: String?) throws(InputError) {
        let currency = budget.currency
        self.currency = currency
        func fail(_ path: String, _ reason: String) -> InputError { InputError(file: file, path: path, reason: reason) }
        let lineCount = budget.resources.count + budget.expenses.count
        guard lineCount <= BudgetDecoder.maximumLineCount else {
            throw fail(
                "resources", "the budget has \(lineCount) lines (resources and expenses), more than the "
                    + "\(BudgetDecoder.maximumLineCount) ClusterKit checks")
        }

        // Lines by position in the order they are read: expenses[i] at i, resources[i] after the expenses. Paths are
        // written only for an error: a valid budget costs no string formatting. Lines are read in place
        // (`expenseLines[index].id`): a copy of a line would retain each of its strings.
        let expenseLines = budget.expenses, lines = budget.resources, expenseCount = expenseLines.count
        func place(_ position: Int) -> String {
            position < expenseCount ? "expenses[\(position)]" : "resources[\(position - expenseCount)]"
        }
        // Duplicate ids are found as the table is built, and reported on the line of the pass where the first one is.
        let ids = LineIDTable(expenses: expenseLines, resources: lines)
        let duplicate = ids.firstDuplicate
        var expenses = Money.zero(currency), operating = expenses, programme = expenses
        for index in expenseLines.indices {
            var path: String { place(index) }
            if let duplicate, duplicate.position == index {
                throw fail(path + ".id", "id '\(expenseLines[index].id)' is already used by \(place(duplicate.earlier))")
            }
            let amount = expenseLines[index].amount
            if amount.currency != currency {
                throw fail(path + ".amount", "amount in \(amount.currency), but the budget is in \(currency)")
            }
            if let regime = expenseLines[index].regime, catalog.regime(regime) == nil {
                let nearest = catalog.regimeIDs(nearestTo: regime.rawValue)
                let hint = catalog.regimeIDs.isEmpty
                    ? " (the catalogue holds no funding regime: Catalog.builtIn holds the built-in ones)"
                    : Suggestions.hint(nearest)
                throw fail(path + ".regime", "unknown funding regime '\(regime)'\(hint)")
            }
            do throws(MoneyError) {
                expenses = try expenses.adding(amount)
                if expenseLines[index].nature == .operating {
                    operating = try operating.adding(amount)
                } else {
                    programme = try programme.adding(amount)
                }
            } catch {
                throw fail("expenses", "the expenses up to expenses[\(index)] add up to more than ClusterKit can hold exactly")
            }
        }

        // One pass that sums amounts only: each total lists its lines when read (`LineTotal`).
        var total = Money.zero(currency), pub = total, priv = total, inKind = total, privCash = total, pubCash = total
        var publicCallFees = total
        let count = lines.count
        // Each distinct source, kind and funder of the budget (a handful, however many lines) gets a slot the first
        // time a line names it, and its totals are summed in the slot: a source is found by its position in the
        // catalogue, a kind among the few the budget has, a funder by its name (hashed once per line).
        var sources: [SourceSlot] = [], kinds: [KindSlot] = [], funders: [FunderSlot] = []
        var funderSlots: [String: Int32] = [:], earmarked: [String: Money] = [:]
        // Made to size from the start (a growing array reallocates at every doubling).
        sources.reserveCapacity(min(count, catalog.sourceTraits.count))
        kinds.reserveCapacity(min(count, catalog.sourceTraits.count))
        funders.reserveCapacity(min(count, 16))
        funderSlots.reserveCapacity(min(count, 16))
        var attributes: [LineAttributes] = []
        attributes.reserveCapacity(count)
        for index in lines.indices {
            var path: String { place(expenseCount + index) }
            if let duplicate, duplicate.position == expenseCount + index {
                throw fail(path + ".id", "id '\(lines[index].id)' is already used by \(place(duplicate.earlier))")
            }
            guard let position = catalog.sourcePosition(lines[index].source) else {
                let source = lines[index].source
                let nearest = catalog.sourceIDs(nearestTo: source.rawValue)
                let hint = Suggestions.hint(nearest)
                throw fail(path + ".source", "unknown revenue source '\(source)'\(hint)")
            }
            var slot = Int32(sources.firstIndex { $0.position == position } ?? -1)
            if slot < 0 {
                let traits = catalog.sourceTraits[position]
                let kindSlot = kinds.firstIndex { $0.kind == traits.kind } ?? kinds.count
                if kindSlot == kinds.count { kinds.append(KindSlot(kind: traits.kind, currency: currency)) }
                slot = Int32(sources.count)
                sources.append(
                    SourceSlot(
                        id: lines[index].source, position: position, kind: Int32(kindSlot), sector: traits.sector,
                        nature: traits.nature, total: .zero(currency)))
            }
            let source = sources[Int(slot)], kindSlot = Int(source.kind), kind = kinds[kindSlot].kind
            let amount = lines[index].amount
            if amount.currency != currency {
                throw fail(path + ".amount", "amount in \(amount.currency), but the budget is in \(currency)")
            }
            if let action = lines[index].action, (ids.position(of: action) ?? expenseCount) >= expenseCount {
                let nearest = Suggestions.nearest(to: action, among: budget.expenses.map(\.id))
                let hint = Suggestions.hint(nearest)
                throw fail(path + ".action", "no expense has the id '\(action)'\(hint)")
            }
            if lines[index].successFee != nil, kind != .successFees {
                throw fail(path + ".successFee", "success-fee terms belong on a success-fee line, not on '\(source.id)'")
            }
            if lines[index].sponsor != nil, kind != .sponsorship {
                throw fail(path + ".sponsor", "sponsor terms belong on a sponsorship line, not on '\(source.id)'")
            }
            let sector = lines[index].sector ?? source.sector
            let nature: ResourceNature = lines[index].inKind.map { $0 ? .inKind : .cash } ?? source.nature
            let isPublicCallFee = sector == .private && nature == .cash && lines[index].successFee?.basis == .publicCall
            var funderSlot: Int32 = -1
            do throws(MoneyError) {
                total = try total.adding(amount)
                switch (sector, nature) {
                case (.public, .cash):
                    pub = try pub.adding(amount)
                    pubCash = try pubCash.adding(amount)
                case (.private, .cash):
                    priv = try priv.adding(amount)
                    privCash = try privCash.adding(amount)
                    kinds[kindSlot].privateCash = try kinds[kindSlot].privateCash.adding(amount)
                    kinds[kindSlot].privateCashLines += 1
                case (.public, .inKind):
                    pub = try pub.adding(amount)
                    inKind = try inKind.adding(amount)
                case (.private, .inKind):
                    priv = try priv.adding(amount)
                    inKind = try inKind.adding(amount)
                }
                sources[Int(slot)].total = try sources[Int(slot)].total.adding(amount)
                kinds[kindSlot].total = try kinds[kindSlot].total.adding(amount)
                if sector == .public || lines[index].funder != nil {
                    let funder = lines[index].funderName
                    if let known = funderSlots[funder] {
                        funderSlot = known
                        funders[Int(known)].total = try funders[Int(known)].total.adding(amount)
                    } else {
                        funderSlot = Int32(funders.count)
                        funderSlots[funder] = funderSlot
                        funders.append(FunderSlot(name: funder, total: amount))
                    }
                }
                if isPublicCallFee { publicCallFees = try publicCallFees.adding(amount) }
                if let action = lines[index].action {
                    earmarked[action] = try (earmarked[action] ?? .zero(currency)).adding(amount)
                }
            } catch {
                throw fail("resources", "the resources up to \(path) add up to more than ClusterKit can hold exactly")
            }
            attributes.append(
                LineAttributes(
                    source: slot, kind: Int32(kindSlot), funder: funderSlot, sector: sector, nature: nature,
                    isPublicCallFee: isPublicCallFee))
        }

        let table = LineTable(
            lines: lines, attributes: attributes, expenses: expenseLines, sources: sources, kinds: kinds, funders: funders)
        totalResources = total
        totalExpenses = expenses
        publicResources = LineTotal(amount: pub, of: table, .sector(.public))
        privateResources = LineTotal(amount: priv, of: table, .sector(.private))
        inKindResources = LineTotal(amount: inKind, of: table, .inKind)
        privateCash = LineTotal(amount: privCash, of: table, .sectorCash(.private))
        publicCash = LineTotal(amount: pubCash, of: table, .sectorCash(.public))
        operatingExpenses = LineTotal(amount: operating, of: table, .expenses(.operating))
        programmeExpenses = LineTotal(amount: programme, of: table, .expenses(.programme))
        publicCallSuccessFees = LineTotal(amount: publicCallFees, of: table, .publicCallSuccessFees)
        var earmarkedByAction = [String: LineTotal](minimumCapacity: earmarked.count)
        for (action, amount) in earmarked { earmarkedByAction[action] = LineTotal(amount: amount, of: table, .action(action)) }
        self.earmarkedByAction = earmarkedByAction
        self.table = table
        // With no negative amount, no sum of the allocation can overflow where the totals above did not, so it can
        // wait until read. A budget built in code with a negative amount has it worked out now, so that an overflow
        // is an input error here.
        if !(budget.resources.allSatisfy({ $0.amount.minorUnits >= 0 }) && budget.expenses.allSatisfy({ $0.amount.minorUnits >= 0 })) {
            do throws(MoneyError) {
                let allocation = try PublicFundingAllocation(table, currency: currency, earmarked: earmarkedByAction)
                _ = lazyAllocation.storeIfNil(AllocationBox(allocation))
            } catch {
                throw fail("resources", "the public resources add up to more than ClusterKit can hold exactly")
            }
        }
    }
}

/// An allocation of public funding, once worked out (``MetricsStorage/allocation``).
final class AllocationBox: Sendable {
    let value: PublicFundingAllocation

    init(_ value: PublicFundingAllocation) { self.value = value }
}
