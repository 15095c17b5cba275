import Synchronization

/// The lines of a budget a total sums: a filter over the budget's lines, applied when the ids are read.
struct LineSelection: Sendable {
    let table: LineTable
    let filter: LineFilter

    /// The ids of the lines the filter selects, in budget order.
    var lines: [String] {
        var ids: [String] = []
        if case .expenses(let nature) = filter {
            ids.reserveCapacity(table.expenses.count { nature == nil || $0.nature == nature })
            for line in table.expenses where nature == nil || line.nature == nature { ids.append(line.id) }
        } else if case .expenseKind(let kind) = filter {
            for line in table.expenses where line.countedKind == kind { ids.append(line.id) }
        } else {
            // Counted first, so that the list is made to size.
            ids.reserveCapacity(table.attributes.indices.count { table.selects($0, filter) })
            for position in table.attributes.indices where table.selects(position, filter) {
                ids.append(table.lines[position].id)
            }
        }
        return ids
    }
}

/// Which lines of a budget a total of ``BudgetMetrics`` sums: the definitions of `RULES.md`, as tests on a line.
/// Sources, kinds and funders are named by their slot in the ``LineTable``.
enum LineFilter: Hashable, Sendable {
    /// The resources of a sector.
    case sector(Sector)
    /// The resources of a sector that are cash.
    case sectorCash(Sector)
    /// The resources in kind.
    case inKind
    /// The resources of a source.
    case source(Int32)
    /// The resources of a revenue kind.
    case kind(Int32)
    /// The private cash of a revenue kind.
    case kindPrivateCash(Int32)
    /// The resources counted for a funder: public lines by their funder's name, private lines that name one.
    case funder(Int32)
    /// Private cash success fees on projects won in public calls.
    case publicCallSuccessFees
    /// The resources passed on to partners.
    case passThrough
    /// The resources earmarked to an expense.
    case action(String)
    /// The expenses of a nature, or all of them.
    case expenses(ExpenseNature?)
    /// The expenses of a category (``ExpenseLine/category``).
    case expenseKind(ExpenseKind)
}

/// What a total needs to know of a resource line to tell whether it sums it: plain values, which copy without
/// reference counting.
struct LineAttributes: Sendable {
    /// The slots of the line's source, kind and funder in the ``LineTable`` (−1: the line counts for no funder).
    var source: Int32, kind: Int32, funder: Int32
    /// After the line's overrides.
    var sector: Sector, nature: ResourceNature
    /// A private cash success fee on a project won in a public call.
    var isPublicCallFee: Bool
    /// Money passed on to partners: selected by ``LineFilter/passThrough`` only.
    var isPassThrough: Bool
}

/// A budget's lines, resolved once and shared by the totals of its metrics (a copy of a total is one reference).
final class LineTable: Sendable {
    /// The budget's resource lines.
    let lines: [ResourceLine]
    /// What the totals read of each resource line, in the same order.
    let attributes: [LineAttributes]
    /// The budget's expense lines.
    let expenses: [ExpenseLine]
    /// The sources, revenue kinds and funders of the budget, by slot, with their totals.
    let sources: [SourceSlot], kinds: [KindSlot], funders: [FunderSlot]

    init(
        lines: [ResourceLine], attributes: [LineAttributes], expenses: [ExpenseLine], sources: [SourceSlot],
        kinds: [KindSlot], funders: [FunderSlot]
    ) {
        self.lines = lines
        self.attributes = attributes
        self.expenses = expenses
        self.sources = sources
        self.kinds = kinds
        self.funders = funders
    }

    /// The total of each source, in slot order.
    var sourceTotals: [KeyedTotal<RevenueSourceID>] {
        sources.indices.compactMap {
            // A source whose only lines pass money through funds nothing.
            sources[$0].lines == 0 ? nil : KeyedTotal(sources[$0].id, LineTotal(amount: sources[$0].total, of: self, .source(Int32($0))))
        }
    }

    /// The total of each revenue kind, in slot order.
    var kindTotals: [KeyedTotal<RevenueKind>] {
        kinds.indices.compactMap { kinds[$0].lines == 0 ? nil : KeyedTotal(kinds[$0].kind, kindTotal(at: $0)) }
    }

    /// The private cash of each revenue kind that has some, in slot order.
    var privateCashKindTotals: [KeyedTotal<RevenueKind>] {
        kinds.indices.compactMap { kinds[$0].privateCashLines == 0 ? nil : KeyedTotal(kinds[$0].kind, privateCash(at: $0)) }
    }

    /// The total of each funder, in slot order.
    var funderTotals: [KeyedTotal<String>] {
        funders.indices.map { KeyedTotal(funders[$0].name, LineTotal(amount: funders[$0].total, of: self, .funder(Int32($0)))) }
    }

    /// The total of the kind in a slot.
    func kindTotal(at slot: Int) -> LineTotal { LineTotal(amount: kinds[slot].total, of: self, .kind(Int32(slot))) }

    /// The private cash of the kind in a slot.
    func privateCash(at slot: Int) -> LineTotal {
        LineTotal(amount: kinds[slot].privateCash, of: self, .kindPrivateCash(Int32(slot)))
    }

    /// Whether the resource line at a position is one a filter selects.
    func selects(_ position: Int, _ filter: LineFilter) -> Bool {
        let line = attributes[position]
        if line.isPassThrough {
            if case .passThrough = filter { return true }
            return false
        }
        switch filter {
        case .sector(let sector): return line.sector == sector
        case .sectorCash(let sector): return line.sector == sector && line.nature == .cash
        case .inKind: return line.nature == .inKind && line.sector != .notFunding
        case .source(let slot): return line.source == slot
        case .kind(let slot): return line.kind == slot && line.sector != .notFunding
        case .kindPrivateCash(let slot): return line.kind == slot && line.sector == .private && line.nature == .cash
        case .funder(let slot): return line.funder == slot
        case .publicCallSuccessFees: return line.isPublicCallFee
        case .passThrough: return false
        case .action(let action): return lines[position].action == action
        case .expenses, .expenseKind: return false
        }
    }

    /// The resource lines, resolved.
    var resolved: [ResolvedResource] {
        attributes.indices.map { position in
            let line = lines[position], attributes = attributes[position]
            return ResolvedResource(
                index: position, id: line.id, source: line.source, kind: kinds[Int(attributes.kind)].kind,
                sector: attributes.sector, nature: attributes.nature, amount: line.amount, funder: line.funderName,
                passThrough: attributes.isPassThrough)
        }
    }
}

/// A source of the budget: its catalogue entry, read once, and its total (``BudgetMetrics``).
struct SourceSlot: Sendable {
    let id: RevenueSourceID
    /// Its position in the catalogue.
    let position: Int
    /// The slot of its kind.
    let kind: Int32
    let sector: Sector
    let nature: ResourceNature
    var total: Money
    /// How many of its lines fund the cluster (pass-through lines do not).
    var lines = 0
}

/// A funder of the budget, and its total.
struct FunderSlot: Sendable {
    let name: String
    var total: Money
}

/// A revenue kind of the budget: its total, and the total of its private cash.
struct KindSlot: Sendable {
    let kind: RevenueKind
    var total: Money
    var privateCash: Money
    /// How many of its lines are private cash.
    var privateCashLines = 0
    /// How many of its lines fund the cluster (pass-through lines do not).
    var lines = 0

    init(kind: RevenueKind, currency: CurrencyCode) {
        self.kind = kind
        total = .zero(currency)
        privateCash = .zero(currency)
    }
}
