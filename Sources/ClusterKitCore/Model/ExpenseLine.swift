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

    /// Creates an expense line.
    public init(
        id: String, label: String? = nil, amount: Money, nature: ExpenseNature = .programme,
        category: MissionCategory? = nil, regime: FundingRegimeID? = nil, collective: Bool = false
    ) {
        self.id = id
        self.label = label
        self.amount = amount
        self.nature = nature
        self.category = category
        self.regime = regime
        self.collective = collective
    }

    static let fields = ["id", "label", "amount", "nature", "category", "regime", "collective"]

    init(from decoder: any Decoder, index: Int, currency: CurrencyCode) throws {
        let fields = try FieldReader(decoder, allowed: Self.fields)
        id = try fields.optional("id") ?? "expenses[\(index)]"
        label = try fields.optional("label")
        amount = try fields.amount("amount", currency: currency)
        nature = try fields.choice("nature") ?? .programme
        category = try fields.choice("category")
        regime = try fields.optional("regime")
        collective = try fields.optional("collective") ?? false
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
    }
}
