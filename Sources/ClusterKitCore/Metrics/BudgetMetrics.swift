import Synchronization

/// The figures every rule reads, computed in one pass over a budget (the definitions of `RULES.md`).
///
/// Rules never rescan lines for totals: they read these. The metrics of a budget are made by ``CheckedBudget``, once
/// the budget has been checked against the catalogue (known sources, unique line ids, earmarks that name an expense,
/// totals that fit): they only sum, and a budget that has metrics is a valid one.
public struct BudgetMetrics: Sendable {
    /// Every figure, computed once: a copy of the metrics (into each rule's context, into the report) is one
    /// reference.
    private let storage: MetricsStorage
    /// The budget's currency.
    public var currency: CurrencyCode { storage.currency }
    /// R: total resources, every line of the resources side.
    public var totalResources: Money { storage.totalResources }
    /// Whether the figures are a plan that must balance or realised accounts.
    public var statement: Statement { storage.statement }
    /// The resources that are not funding (sector ``Sector/notFunding``: financial and exceptional income, reversals
    /// of provisions, transfers of charges), left out of every share.
    public var nonFunding: LineTotal { storage.nonFunding }
    /// The money passed on to partners (`passThrough` lines), left out of every share with as much of the expenses
    /// it passes through.
    public var passThrough: LineTotal { storage.passThrough }
    /// The funding base every share is computed on: ``totalResources`` less ``nonFunding`` and ``passThrough``. It is
    /// R itself for a budget without such lines.
    public var fundingBase: Money { storage.fundingBase }
    /// Resources less expenses: zero for a balanced plan; on realised accounts, the year's result (excédent when
    /// positive, déficit when negative).
    public var result: Money { storage.result }
    /// The expenses of nature ``ExpenseNature/accounting`` (66–69): in the totals, in no operating or programme cost.
    public var accountingExpenses: LineTotal { storage.accountingExpenses }
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
    package var publicCash: LineTotal { storage.publicCash }
    /// Operating and animation expenses (less the money passed through them).
    public var operatingExpenses: LineTotal { storage.operatingExpenses }
    /// Programme (action) expenses (less the money passed through them).
    public var programmeExpenses: LineTotal { storage.programmeExpenses }
    /// The expenses of a category — personnel, premises, running costs, actions, events, valued time — and their
    /// lines: `metrics.expenses(.personnel).amount`. A line is counted by its `kind`, else by its nature
    /// (``ExpenseKind``); money passed through an expense (pass-through) is left out of its category, as of its nature.
    public func expenses(_ kind: ExpenseKind) -> LineTotal {
        LineTotal(amount: storage.expenseKinds[kind.slot], of: storage.table, .expenseKind(kind))
    }
    /// Every resource line, resolved (made from the budget's lines at each read).
    package var resources: [ResolvedResource] { storage.table.resolved }
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
    package var bySource: [RevenueSourceID: LineTotal] { Dictionary(keyed: sourceTotals) }
    /// Totals per revenue kind (made from ``kindTotals`` at each read).
    package var byKind: [RevenueKind: LineTotal] { Dictionary(keyed: kindTotals) }
    /// Totals per funder (made from ``funderTotals`` at each read).
    package var byFunder: [String: LineTotal] { Dictionary(keyed: funderTotals) }
    /// Private cash per revenue kind (made from ``privateCashKindTotals`` at each read).
    package var privateCashByKind: [RevenueKind: LineTotal] { Dictionary(keyed: privateCashKindTotals) }
    /// Success fees earned on projects won in public calls (`successFee.basis == publicCall`) that the budget counts
    /// as private cash: the fees a funder may requalify as public money.
    package var publicCallSuccessFees: LineTotal { storage.publicCallSuccessFees }
    /// The resources earmarked to each expense (`resources[].action`), by expense id, whatever their sector: the
    /// funding an action brings with it (subsidies and companies' participations).
    package var earmarkedByAction: [String: LineTotal] { storage.earmarkedByAction }
    /// The positions (in `budget.resources`) of the lines that hold other sources unsplit (`includes`), in budget
    /// order: found in the one pass, so that the rules that read them need not walk the budget.
    package var resourcesHoldingOtherSources: [Int] { storage.holdingOtherSources }
    /// Which public money goes to which action: earmarked public resources first, the unearmarked ones shared pro
    /// rata of each action's uncovered cost (see ``PublicFundingAllocation``).
    ///
    /// Worked out on first use and kept (the mission-category rules and the JSON report read it): a budget checked
    /// by rules that never read it does not pay for it.
    package var allocation: PublicFundingAllocation { storage.allocation }

    /// R(cash): the funding base's real money flows (``fundingBase`` less the resources in kind).
    public var cashResources: Money { Money(minorUnits: fundingBase.minorUnits - inKindResources.amount.minorUnits, currency: currency) }

    /// Gross self-financing (autofinancement brut): Priv / R, valued member time included, on the ``fundingBase``.
    /// `nil` when it is zero.
    public var selfFinancingGross: Share? { Share(privateResources.amount, of: fundingBase) }

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

    /// Whether the resource line at a position of the budget is among ``publicResources``' lines, without listing
    /// them.
    package func isPublicResource(at position: Int) -> Bool { storage.table.selects(position, .sector(.public)) }

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

    /// The resource lines every share leaves out — not funding or passed on to partners —, in the order of their ids
    /// (the order of a budget's lines changes no report): what every renderer lists.
    package var leftOut: [ResolvedResource] { resources.filter { !$0.funds }.sorted { $0.id < $1.id } }

    /// The share of the ``fundingBase`` a revenue kind makes; `nil` when it is zero.
    public func share(of kind: RevenueKind) -> Share? { Share(total(of: kind).amount, of: fundingBase) }

    /// Sums a checked budget (see ``CheckedBudget``, which makes them).
    init(summing budget: Budget, catalog: Catalog, validation: BudgetValidation) {
        storage = MetricsStorage(budget, catalog: catalog, checked: validation.resources)
    }

    /// The metrics of a budget without lines (all zero), which needs no check.
    init(withoutLines budget: Budget) {
        storage = MetricsStorage(
            Budget(cluster: budget.cluster, year: budget.year, currency: budget.currency, resources: [], expenses: []),
            catalog: Catalog(), checked: [])
    }

    /// Works out the allocation now (see `MetricsStorage.allocateNow()`).
    func allocateNow() throws(MoneyError) { try storage.allocateNow() }
}

/// The figures of ``BudgetMetrics``, shared by its copies.
final class MetricsStorage: Sendable {
    let currency: CurrencyCode
    let statement: Statement
    let totalResources: Money
    let totalExpenses: Money
    let nonFunding: LineTotal
    let passThrough: LineTotal
    let fundingBase: Money
    let result: Money
    let accountingExpenses: LineTotal
    let publicResources: LineTotal
    let privateResources: LineTotal
    let inKindResources: LineTotal
    let privateCash: LineTotal
    let publicCash: LineTotal
    let operatingExpenses: LineTotal
    let programmeExpenses: LineTotal
    /// The total of each expense category, by ``ExpenseKind/slot``.
    let expenseKinds: [Money]
    let publicCallSuccessFees: LineTotal
    let earmarkedByAction: [String: LineTotal]
    /// The positions of the resource lines that hold other sources unsplit (`includes`), in budget order.
    let holdingOtherSources: [Int]
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

    /// Sums a budget that ``BudgetValidation`` has checked: every sum fits (the validation summed the magnitudes),
    /// and `checked` gives each resource line's place in the catalogue and the expense it is earmarked for.
    init(_ budget: Budget, catalog: Catalog, checked: [BudgetValidation.CheckedResourceLine]) {
        // Long by design: one pass over the lines with every sum in a local; split, each part would take a dozen sums inout.
        let currency = budget.currency
        self.currency = currency
        statement = budget.statement
        // Sums of checked amounts: they fit, so plain integer addition.
        func plus(_ sum: inout Money, _ amount: Money) { sum = Money(minorUnits: sum.minorUnits + amount.minorUnits, currency: currency) }
        let expenseLines = budget.expenses, lines = budget.resources
        var expenses = Money.zero(currency), operating = expenses, programme = expenses, accounting = expenses
        var expenseKinds = [Money](repeating: expenses, count: ExpenseKind.allCases.count)
        for index in expenseLines.indices {
            let amount = expenseLines[index].amount
            plus(&expenses, amount)
            if let kind = expenseLines[index].countedKind { plus(&expenseKinds[kind.slot], amount) }
            switch expenseLines[index].nature {
            case .operating: plus(&operating, amount)
            case .programme: plus(&programme, amount)
            case .accounting: plus(&accounting, amount)
            }
        }

        // One pass that sums amounts only: each total lists its lines when read (`LineTotal`).
        var total = Money.zero(currency), pub = total, priv = total, inKind = total, privCash = total, pubCash = total
        var publicCallFees = total, notFunding = total, passed = total
        let count = lines.count
        // Each distinct source, kind and funder of the budget (a handful, however many lines) gets a slot the first
        // time a line names it, and its totals are summed in the slot: a source is found by its position in the
        // catalogue, a kind among the few the budget has, a funder by its name (see `linearFunders`).
        var sources: [SourceSlot] = [], kinds: [KindSlot] = [], funders: [FunderSlot] = []
        var funderSlots: [String: Int32] = [:]
        // The earmarks, summed by the expense the validation found for each line (no id is hashed again): each
        // expense's slot, made at the first earmark, and each slot's action as the first line writes it and total.
        var earmarkSlots: [Int32] = [], earmarks: [(action: String, total: Money)] = []
        // Made to size from the start (a growing array reallocates at every doubling).
        sources.reserveCapacity(min(count, catalog.sourceTraits.count))
        kinds.reserveCapacity(min(count, catalog.sourceTraits.count))
        funders.reserveCapacity(min(count, 16))
        var attributes: [LineAttributes] = []
        attributes.reserveCapacity(count)
        var holdingOtherSources: [Int] = []
        for index in lines.indices {
            if !lines[index].includes.isEmpty { holdingOtherSources.append(index) }
            let line = checked[index], position = Int(line.source)
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
            let source = sources[Int(slot)], kindSlot = Int(source.kind)
            let amount = lines[index].amount
            let sector = lines[index].sector ?? source.sector
            let nature: ResourceNature = lines[index].inKind.map { $0 ? .inKind : .cash } ?? source.nature
            let isPublicCallFee = sector == .private && nature == .cash && lines[index].successFee?.basis == .publicCall
            plus(&total, amount)
            if lines[index].passThrough {
                // In R and in its own total only: money passed on is no funding of the cluster; nor is it a cost of
                // the cluster's, so it comes off the expense it passes through (the validation found it).
                plus(&passed, amount)
                let minus = Money(minorUnits: -amount.minorUnits, currency: currency)
                if expenseLines[Int(line.expense)].nature == .operating { plus(&operating, minus) } else { plus(&programme, minus) }
                if let kind = expenseLines[Int(line.expense)].countedKind { plus(&expenseKinds[kind.slot], minus) }
                attributes.append(
                    LineAttributes(
                        source: slot, kind: Int32(kindSlot), funder: -1, sector: sector, nature: nature,
                        isPublicCallFee: false, isPassThrough: true))
                continue
            }
            sources[Int(slot)].lines += 1
            // A revenue kind sums funding only: a line that is not funding is in its source's total, not its kind's.
            let funds = sector != .notFunding
            if funds { kinds[kindSlot].lines += 1 }
            switch (sector, nature) {
            case (.public, .cash):
                plus(&pub, amount)
                plus(&pubCash, amount)
            case (.private, .cash):
                plus(&priv, amount)
                plus(&privCash, amount)
                plus(&kinds[kindSlot].privateCash, amount)
                kinds[kindSlot].privateCashLines += 1
            case (.public, .inKind):
                plus(&pub, amount)
                plus(&inKind, amount)
            case (.private, .inKind):
                plus(&priv, amount)
                plus(&inKind, amount)
            case (.notFunding, _):
                plus(&notFunding, amount)
            }
            plus(&sources[Int(slot)].total, amount)
            if funds { plus(&kinds[kindSlot].total, amount) }
            var funderSlot: Int32 = -1
            if sector == .public || (sector == .private && lines[index].funder != nil) {
                let funder = lines[index].funderName
                let next = Int32(funders.count)
                if funders.count < Self.linearFunders && funderSlots.isEmpty {
                    funderSlot = funders.firstIndex { $0.name == funder }.map(Int32.init) ?? next
                } else {
                    if funderSlots.isEmpty {
                        // Made to hold a funder per line left, up to `dictionaryCapacity`: it is not rehashed as it fills.
                        funderSlots.reserveCapacity(funders.count + min(count - index, Self.dictionaryCapacity))
                        for slot in funders.indices { funderSlots[funders[slot].name] = Int32(slot) }
                    }
                    // One hash per line: the funder's slot, or the next one, stored if the funder is new.
                    funderSlot = Self.claim(&funderSlots[funder, default: -1], next: next)
                }
                if funderSlot < next {
                    plus(&funders[Int(funderSlot)].total, amount)
                } else {
                    funders.append(FunderSlot(name: funder, total: amount))
                }
            }
            if isPublicCallFee { plus(&publicCallFees, amount) }
            if line.expense >= 0, let action = lines[index].action {
                if earmarkSlots.isEmpty { earmarkSlots = Array(repeating: -1, count: expenseLines.count) }
                let expense = Int(line.expense)
                if earmarkSlots[expense] < 0 {
                    earmarkSlots[expense] = Int32(earmarks.count)
                    earmarks.append((action, amount))
                } else {
                    plus(&earmarks[Int(earmarkSlots[expense])].total, amount)
                }
            }
            attributes.append(
                LineAttributes(
                    source: slot, kind: Int32(kindSlot), funder: funderSlot, sector: sector, nature: nature,
                    isPublicCallFee: isPublicCallFee, isPassThrough: false))
        }

        let table = LineTable(
            lines: lines, attributes: attributes, expenses: expenseLines, sources: sources, kinds: kinds, funders: funders)
        totalResources = total
        totalExpenses = expenses
        nonFunding = LineTotal(amount: notFunding, of: table, .sector(.notFunding))
        passThrough = LineTotal(amount: passed, of: table, .passThrough)
        fundingBase = Money(minorUnits: total.minorUnits - notFunding.minorUnits - passed.minorUnits, currency: currency)
        result = Money(minorUnits: total.minorUnits - expenses.minorUnits, currency: currency)
        accountingExpenses = LineTotal(amount: accounting, of: table, .expenses(.accounting))
        publicResources = LineTotal(amount: pub, of: table, .sector(.public))
        privateResources = LineTotal(amount: priv, of: table, .sector(.private))
        inKindResources = LineTotal(amount: inKind, of: table, .inKind)
        privateCash = LineTotal(amount: privCash, of: table, .sectorCash(.private))
        publicCash = LineTotal(amount: pubCash, of: table, .sectorCash(.public))
        operatingExpenses = LineTotal(amount: operating, of: table, .expenses(.operating))
        programmeExpenses = LineTotal(amount: programme, of: table, .expenses(.programme))
        self.expenseKinds = expenseKinds
        publicCallSuccessFees = LineTotal(amount: publicCallFees, of: table, .publicCallSuccessFees)
        var earmarkedByAction = [String: LineTotal](minimumCapacity: earmarks.count)
        for (action, amount) in earmarks { earmarkedByAction[action] = LineTotal(amount: amount, of: table, .action(action)) }
        self.earmarkedByAction = earmarkedByAction
        self.holdingOtherSources = holdingOtherSources
        self.table = table
    }

    /// Up to this many funders, a line's funder is found by comparing its name with theirs; past it, by a dictionary
    /// of their names. A budget names a handful of funders: compared, they cost no hashing and no dictionary (about
    /// 2,800 of the 114,000 instructions of a check of the typical budget, 6 funders); the dictionary keeps a budget
    /// with hundreds of funders from comparing each line with every one.
    static let linearFunders = 8

    /// The most funders the dictionary of names is first made to hold (past ``linearFunders``); a budget with more
    /// grows it as usual.
    static let dictionaryCapacity = 1024

    /// A funder's slot in the dictionary of names: the one stored, or `next`, stored now (the funder is new).
    private static func claim(_ stored: inout Int32, next: Int32) -> Int32 {
        if stored < 0 { stored = next }
        return stored
    }

    /// Works out the allocation now rather than on first read, for a budget with a negative amount (only one built in
    /// code can have one): its sums are then not bounded by the totals, and an overflow must be an input error.
    /// - Throws: ``MoneyError`` when a sum of the allocation does not fit.
    func allocateNow() throws(MoneyError) {
        let allocation = try PublicFundingAllocation(table, currency: currency, earmarked: earmarkedByAction)
        _ = lazyAllocation.storeIfNil(AllocationBox(allocation))
    }
}

/// An allocation of public funding, once worked out (``MetricsStorage/allocation``).
final class AllocationBox: Sendable {
    let value: PublicFundingAllocation

    init(_ value: PublicFundingAllocation) { self.value = value }
}

extension ExpenseKind {
    /// The position of the category's total in ``MetricsStorage/expenseKinds``.
    var slot: Int {
        switch self {
        case .personnel: 0
        case .premises: 1
        case .runningCosts: 2
        case .actions: 3
        case .events: 4
        case .valuedTime: 5
        }
    }
}
