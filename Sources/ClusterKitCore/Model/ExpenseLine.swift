import Foundation

/// Whether an expense is the cluster's running cost or one of its actions.
public enum ExpenseNature: String, Hashable, Sendable, Codable, CaseIterable {
    /// Operating and animation costs (fonctionnement & animation).
    case operating
    /// An action of the programme (actions, programme).
    case programme
    /// An entry of the accounts that is neither (66 charges financières, 67 charges exceptionnelles, 68 dotations aux
    /// amortissements et provisions, 69 impôts sur les bénéfices): in the totals, never an action, never counted in
    /// operating or programme costs.
    case accounting
}

/// What an expense pays for: the categories of expenses a rule reads from the metrics
/// (``BudgetMetrics/expenses(_:)``), e.g. a ceiling on personnel costs.
///
/// A line says it with its `kind` (in the file, `"kind": "personnel"`); a line without one is counted by its nature:
/// an operating line in ``runningCosts``, a programme line in ``actions``, an accounting line in none.
public enum ExpenseKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Staff costs: salaries and social charges (frais de personnel, account 64).
    case personnel
    /// Premises: rent and the charges of the offices (locaux).
    case premises
    /// The cluster's other running costs (fonctionnement): an operating line without a kind.
    case runningCosts
    /// Actions of the programme: a programme line without a kind.
    case actions
    /// Events the cluster organises (événements).
    case events
    /// Members' valued time counted as an expense (contributions volontaires en nature, account 86).
    case valuedTime
}

/// One line of the expenses side of a plan of financing (dépenses): the running cost or an action.
public struct ExpenseLine: Hashable, Sendable, Encodable {
    /// The line's identifier, unique in the budget (default `expenses[N]`).
    public var id: String
    /// The label as written in the cluster's own table.
    public var label: String?
    /// The amount.
    public var amount: Money
    /// Operating cost or programme action (default programme).
    public var nature: ExpenseNature
    /// The mission category of the pôles' funding guide.
    public var category: MissionCategory?
    /// The notified aid regime that sets the public cap of a category C action.
    public var regime: FundingRegimeID?
    /// Whether this is a collective action that should balance its own funding.
    public var collective: Bool
    /// What the line pays for, as the file says it (`kind`); `nil` when it does not (its nature then decides: see
    /// ``ExpenseKind``).
    public var kind: ExpenseKind?

    /// The category the metrics count the line in: its ``kind``, else running costs for an operating line, actions
    /// for a programme line, none for an accounting one.
    package var countedKind: ExpenseKind? {
        if let kind { return kind }
        return switch nature {
        case .operating: .runningCosts
        case .programme: .actions
        case .accounting: nil
        }
    }

    /// Creates an expense line.
    public init(
        id: String, label: String? = nil, amount: Money, nature: ExpenseNature = .programme,
        category: MissionCategory? = nil, regime: FundingRegimeID? = nil, collective: Bool = false,
        kind: ExpenseKind? = nil
    ) {
        self.kind = kind
        self.id = id
        self.label = label
        self.amount = amount
        self.nature = nature
        self.category = category
        self.regime = regime
        self.collective = collective
    }

    static let fields = ["id", "label", "amount", "nature", "category", "regime", "collective", "kind"]

    init(from decoder: any Decoder, index: Int, currency: CurrencyCode) throws {
        let fields = try FieldReader(decoder, allowed: Self.fields)
        id = try fields.optional("id") ?? "expenses[\(index)]"
        label = try fields.optional("label")
        amount = try fields.amount("amount", currency: currency)
        nature = try fields.choice("nature") ?? .programme
        category = try fields.choice("category")
        regime = try fields.optional("regime")
        collective = try fields.optional("collective") ?? false
        kind = try fields.choice("kind")
    }

    public func encode(to encoder: any Encoder) throws {
        var out = FieldWriter(encoder)
        try out.write(id, "id")
        try out.write(label, "label")
        try out.write(amount, "amount")
        try out.write(nature, "nature")
        try out.write(category, "category")
        try out.write(regime, "regime")
        try out.write(collective ? true : nil, "collective")
        try out.write(kind, "kind")
    }
}
