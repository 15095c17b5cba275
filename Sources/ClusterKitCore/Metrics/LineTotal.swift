import Synchronization

/// An amount and the ids of the lines it sums.
///
/// The totals of ``BudgetMetrics`` do not copy line ids as they sum: each knows which lines it sums (a sector, a
/// source, a funder, …) and lists them when ``lines`` is read. A check pays for the lists of the diagnostics it
/// reports, not for every total of every budget.
public struct LineTotal: Hashable, Sendable {
    /// The sum.
    public internal(set) var amount: Money
    /// The lines summed, in budget order.
    public var lines: [String] { selection?.lines ?? listed }
    /// The ids, for a total made from a list (``init(amount:lines:)``, or summed line by line with ``add(_:line:)``).
    private var listed: [String]
    /// Which lines of a budget the total sums, for a total of ``BudgetMetrics``.
    private let selection: LineSelection?

    /// Creates a total from an amount and the lines it sums.
    package init(amount: Money, lines: [String]) {
        self.amount = amount
        self.listed = lines
        self.selection = nil
    }

    /// A total of the lines of a budget that a filter selects; the ids are listed when read.
    init(amount: Money, of table: LineTable, _ filter: LineFilter) {
        self.amount = amount
        self.listed = []
        self.selection = LineSelection(table: table, filter: filter)
    }

    init(_ currency: CurrencyCode, capacity: Int = 0) {
        amount = .zero(currency)
        listed = []
        selection = nil
        if capacity > 0 { listed.reserveCapacity(capacity) }
    }

    /// Adds a line to a total made from a list.
    mutating func add(_ money: Money, line: String) throws(MoneyError) {
        precondition(selection == nil, "a total of selected lines lists them itself")
        amount = try amount.adding(money)
        listed.append(line)
    }

    public static func == (lhs: LineTotal, rhs: LineTotal) -> Bool {
        lhs.amount == rhs.amount && lhs.lines == rhs.lines
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(amount)
        hasher.combine(lines)
    }
}
