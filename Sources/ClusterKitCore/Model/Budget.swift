import Foundation

/// One cluster's plan of financing for one fiscal year: a `clusterkit.budget/1` document.
///
/// Decode one with ``BudgetDecoder``, which also checks it against a ``Catalog`` (source ids, line ids, totals);
/// `JSONDecoder` alone reads the format but checks nothing that needs the catalogue.
///
/// ```swift
/// let budget = try BudgetDecoder().decode(Data(contentsOf: url), file: url.path)
/// print(budget.cluster.name, budget.year)
/// ```
public struct Budget: Hashable, Sendable, Codable {
    /// The format identifier of a budget document.
    package static let format = "clusterkit.budget/1"

    /// Who the cluster is.
    public var cluster: ClusterProfile
    /// The fiscal year.
    public var year: Int
    /// The currency of every amount (default EUR).
    public var currency: CurrencyCode
    /// What finances the budget (ressources).
    public var resources: [ResourceLine]
    /// What the budget pays for (dépenses): operating costs and actions.
    public var expenses: [ExpenseLine]
    /// Where the figures come from, and what was inferred or corrected in them.
    public var provenance: Provenance?
    /// A plan that must balance (default), or realised accounts whose difference is the year's result.
    public var statement: Statement = .forecast
    /// The fiscal year, when it is not the calendar year; ``year`` is then the year in which it ends.
    public var period: FiscalPeriod?
    /// On a realised statement: the amount each line had in the forecast (the compte rendu financier's « prévision »
    /// column), by line id.
    public var forecast: [String: Money] = [:]
    /// The reserves (fonds associatifs, report à nouveau) the cluster holds at the start of the year, when the file
    /// gives them (`reserves`): what carries its working capital.
    package var reserves: Money?

    /// Creates a budget.
    public init(
        cluster: ClusterProfile, year: Int, currency: CurrencyCode = .euro, resources: [ResourceLine],
        expenses: [ExpenseLine], provenance: Provenance? = nil, statement: Statement = .forecast,
        period: FiscalPeriod? = nil, forecast: [String: Money] = [:], reserves: Money? = nil
    ) {
        self.reserves = reserves
        self.statement = statement
        self.period = period
        self.forecast = forecast
        self.cluster = cluster
        self.year = year
        self.currency = currency
        self.resources = resources
        self.expenses = expenses
        self.provenance = provenance
    }

    /// The cluster's age in the budget's year, if its founding year is known.
    public var age: Int? { cluster.founded.map { year - $0 } }

    static let fields = [
        "format", "cluster", "year", "currency", "resources", "expenses", "provenance", "statement", "period", "forecast",
        "reserves",
    ]

    public init(from decoder: any Decoder) throws {
        let fields = try FieldReader(decoder, allowed: Self.fields)
        try fields.checkFormat(Self.format)
        try self.init(fields: fields)
    }

    /// Reads the fields of a budget object; the history reader uses it for the full years of a history.
    init(fields: FieldReader, cluster inherited: ClusterProfile? = nil) throws {
        if let inherited, !fields.has("cluster") {
            cluster = inherited
        } else {
            cluster = try fields.required("cluster")
        }
        year = try fields.year("year") ?? { throw fields.missing("year") }()
        let currency = try fields.optional("currency", as: CurrencyCode.self) ?? .euro
        self.currency = currency
        cluster.services = cluster.services.map { $0.inCurrency(currency) }
        reserves = try fields.optionalAmount("reserves", currency: currency)
        resources = try fields.array("resources") { decoder, index in
            try ResourceLine(from: decoder, index: index, currency: currency)
        } ?? { throw fields.missing("resources") }()
        expenses = try fields.array("expenses") { decoder, index in
            try ExpenseLine(from: decoder, index: index, currency: currency)
        } ?? { throw fields.missing("expenses") }()
        provenance = try fields.optional("provenance")
        statement = try fields.choice("statement") ?? .forecast
        period = try fields.optional("period")
        if fields.has("forecast") {
            let amounts = try FieldReader(try fields.decoder("forecast"), allowedAny: true)
            for key in amounts.keys { forecast[key] = try amounts.amount(key, currency: currency) }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var out = FieldWriter(encoder)
        try out.write(Self.format, "format")
        try out.write(cluster, "cluster")
        try out.write(year, "year")
        try out.write(currency, "currency")
        try out.write(resources, "resources")
        try out.write(expenses, "expenses")
        try out.write(provenance, "provenance")
        try out.write(statement == .forecast ? nil : statement, "statement")
        try out.write(period, "period")
        try out.write(reserves, "reserves")
        if !forecast.isEmpty {
            var nested = out.container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: AnyCodingKey("forecast"))
            for (id, amount) in forecast.sorted(by: { $0.key < $1.key }) {
                try nested.encode(amount.decimalValue, forKey: AnyCodingKey(id))
            }
        }
    }
}

extension Budget {
    /// The years a budget's `year`, a founding year or a target's year may be: a year outside is a typing error (`1013`,
    /// `3013`), refused by every reader and by ``CheckedBudget`` with « is not a plausible year ».
    package static let plausibleYears = 1800...2200

    /// The year as a reader names it: `2013`, or `2024–2025` for a budget whose fiscal period runs over two calendar
    /// years (its ``year`` is the second).
    package var yearLabel: String {
        guard let period, period.start.year != period.end.year else { return String(year) }
        return "\(period.start.year)–\(period.end.year)"
    }
}

extension Budget {
    /// A budget whose one expense line (`expenses`, operating) equals its resources: a compact way to write a rule's
    /// examples and tests, where only the resources matter.
    ///
    /// ```swift
    /// RuleExample(.balanced(ClusterProfile(name: "Example", kind: .grappe), resources: [.line(.region, 60_000)]))
    /// ```
    ///
    /// Public in ClusterKitCore rather than in ClusterKitTesting: a rule's examples are part of its description, in
    /// the module that ships the rule, which must not link the testing library.
    public static func balanced(
        _ cluster: ClusterProfile, year: Int = 2013, currency: CurrencyCode = .euro, resources: [ResourceLine]
    ) -> Budget {
        let total = resources.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        return Budget(
            cluster: cluster, year: year, currency: currency, resources: resources,
            expenses: [ExpenseLine(id: "expenses", amount: Money(minorUnits: total, currency: currency), nature: .operating)])
    }
}

extension ResourceLine {
    /// A resource line of whole euros (or other major units), its id defaulting to the source's:
    /// `.line(.membershipFees, 45_000)` is the line `membershipFees` of 45,000.00 €. For rule examples and tests.
    public static func line(
        _ source: RevenueSourceID, _ major: Int64, id: String? = nil, label: String? = nil, funder: String? = nil,
        sector: Sector? = nil, inKind: Bool? = nil, action: String? = nil, successFee: SuccessFeeTerms? = nil,
        sponsor: SponsorTerms? = nil, passThrough: Bool = false
    ) -> ResourceLine {
        ResourceLine(
            id: id ?? source.rawValue, label: label, source: source, amount: Money(major: major), funder: funder,
            sector: sector, inKind: inKind, action: action, successFee: successFee, sponsor: sponsor,
            passThrough: passThrough)
    }
}
