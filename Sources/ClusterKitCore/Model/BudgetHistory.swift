import Foundation

/// The figures a cluster publishes for one year (its « historique » row): budget, self-financing, members.
///
/// Clusters publish their past years this way (the memento's case studies print a row per year: « Budget 560 k€ »,
/// « Autofinancement 25 % », « Nb de membres 170 »), often without the plan of financing behind them. Every field is
/// optional — a figure the cluster does not publish (« N.D. ») is left out — but a year that is only a summary must
/// give at least one of them.
public struct BudgetSummary: Hashable, Sendable {
    /// The total budget (`total`).
    public var total: Money?
    /// The self-financing share the cluster publishes (`selfFinancing`, a fraction from 0 to 1).
    public var selfFinancing: Share?
    /// The private resources, as an amount (`private`), when the cluster publishes the amount rather than the share
    /// (Soliage: « Autofinancement 60 / 210 » k€). Needs `total`.
    public var privateResources: Money?
    /// The number of members (`members`).
    public var members: Int?

    /// Creates a summary.
    public init(total: Money? = nil, selfFinancing: Share? = nil, privateResources: Money? = nil, members: Int? = nil) {
        self.total = total
        self.selfFinancing = selfFinancing
        self.privateResources = privateResources
        self.members = members
    }

    /// Whether the summary gives no figure at all.
    package var isEmpty: Bool { total == nil && selfFinancing == nil && privateResources == nil && members == nil }

    static let fields = ["total", "selfFinancing", "private", "members"]
}

/// One year of a ``BudgetHistory``: a full budget, a published summary, or both (the plan of financing and the row
/// the cluster publishes for it, which may disagree — the memento's Cluster Rhône-Alpes Eco-énergies 2013 does).
public struct HistoryYear: Hashable, Sendable {
    /// The fiscal year.
    public var year: Int
    /// The plan of financing of the year, when the history gives it (`resources` and `expenses`).
    public var budget: Budget?
    /// The figures the cluster publishes for the year, when the history gives them.
    public var published: BudgetSummary?

    /// A year given as a full budget, with the row the cluster published for it if any.
    public static func full(_ budget: Budget, published: BudgetSummary? = nil) -> HistoryYear {
        HistoryYear(year: budget.year, budget: budget, published: published)
    }

    /// A year given only as the figures the cluster published.
    public static func summary(_ year: Int, _ summary: BudgetSummary) -> HistoryYear {
        HistoryYear(year: year, budget: nil, published: summary)
    }

    /// Whether the year has a plan of financing that rules can check.
    package var isFull: Bool { budget != nil }

    private init(year: Int, budget: Budget?, published: BudgetSummary?) {
        self.year = year
        self.budget = budget
        self.published = published
    }
}

/// Several years of one cluster: a `clusterkit.history/1` document.
///
/// Its years are full budgets or published summaries, in any order in the file (they are read in the order of their years);
/// a year appears once. A full year inherits the history's `cluster` unless it gives its own, and takes the `members`
/// of its row when it gives one. The engine runs per-year rules on each full year and trajectory rules
/// (``TrajectoryRule``) across the years.
///
/// ```swift
/// let input = try BudgetInput(decoding: Data(contentsOf: url), file: url.path)   // a budget or a history, by its format
/// let report = try engine.check([input])   // for a history: one report per full year, then one for the whole
/// ```
public struct BudgetHistory: Hashable, Sendable, Codable {
    /// The format identifier of a history document.
    package static let format = "clusterkit.history/1"

    /// Who the cluster is; full years inherit it.
    public var cluster: ClusterProfile
    /// The currency of every amount (default EUR).
    public var currency: CurrencyCode
    /// The years, in the order of the document.
    public var years: [HistoryYear]
    /// Where the figures come from, and what was inferred or corrected in them.
    public var provenance: Provenance?

    /// Creates a history.
    public init(cluster: ClusterProfile, currency: CurrencyCode = .euro, years: [HistoryYear], provenance: Provenance? = nil) {
        self.cluster = cluster
        self.currency = currency
        self.years = years
        self.provenance = provenance
    }

    /// The years, oldest first.
    package var chronologicalYears: [HistoryYear] { years.sorted { $0.year < $1.year } }

    /// The first and last years (`2010...2013`); `nil` for a history without years.
    package var span: ClosedRange<Int>? {
        guard let first = years.map(\.year).min(), let last = years.map(\.year).max() else { return nil }
        return first...last
    }

    /// A budget without lines that stands for the history as a whole — its cluster, its latest year, its currency —
    /// as the `budget` of a trajectory rule's ``RuleContext``. Trajectory rules read the history's figures from
    /// ``RuleContext/history``.
    var standIn: Budget {
        Budget(cluster: cluster, year: span?.upperBound ?? 0, currency: currency, resources: [], expenses: [])
    }

    /// The cluster a full year gets when it does not give its own: the history's, with the year's `members`.
    package func inheritedCluster(members: Int?) -> ClusterProfile { cluster.membersReplaced(by: members) }

    static let fields = ["format", "cluster", "currency", "years", "provenance"]

    /// Why a year that appears twice is refused.
    static func duplicateYear(_ year: Int, firstAt index: Int) -> String {
        "year \(year) appears twice (also years[\(index)]): a history gives each year once"
    }
    static let yearFields = ["year"] + BudgetSummary.fields + ["cluster", "currency", "resources", "expenses"]

    public init(from decoder: any Decoder) throws {
        let fields = try FieldReader(decoder, allowed: Self.fields)
        try fields.checkFormat(Self.format)
        let cluster: ClusterProfile = try fields.required("cluster")
        let currency = try fields.optional("currency", as: CurrencyCode.self) ?? .euro
        self.cluster = cluster
        self.currency = currency
        provenance = try fields.optional("provenance")
        var seen: [Int: Int] = [:]
        let years = try fields.array("years") { decoder, index in
            let year = try Self.decodeYear(decoder, cluster: cluster, currency: currency)
            if let other = seen[year.year] {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: decoder.codingPath + [AnyCodingKey("year")],
                        debugDescription: Self.duplicateYear(year.year, firstAt: other)))
            }
            seen[year.year] = index
            return year
        } ?? { throw fields.missing("years") }()
        guard !years.isEmpty else {
            throw fields.fail("years", "a history needs at least one year")
        }
        self.years = years
    }

    private static func decodeYear(_ decoder: any Decoder, cluster: ClusterProfile, currency: CurrencyCode) throws -> HistoryYear {
        let fields = try FieldReader(decoder, allowed: yearFields)
        let year = try fields.year("year") ?? { throw fields.missing("year") }()
        let summary = BudgetSummary(
            total: try fields.optionalAmount("total", currency: currency),
            selfFinancing: try fields.share("selfFinancing"),
            privateResources: try fields.optionalAmount("private", currency: currency),
            members: try fields.nonNegativeInteger("members"))
        func fail(_ key: String, _ reason: String) -> DecodingError { fields.fail(key, reason) }
        if let privateResources = summary.privateResources {
            guard let total = summary.total else { throw fail("private", "'private' needs the year's 'total' to make a share") }
            guard privateResources <= total else {
                throw fail("private", "private resources \(privateResources) are more than the total \(total)")
            }
        }
        guard ["resources", "expenses", "cluster", "currency"].contains(where: fields.has) else {
            guard !summary.isEmpty else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: fields.codingPath,
                        debugDescription: "a year gives 'resources' and 'expenses' (a full budget) or 'total', "
                            + "'selfFinancing', 'private' or 'members' (a summary)"))
            }
            return .summary(year, summary)
        }
        if let own = try fields.optional("currency", as: CurrencyCode.self), own != currency {
            throw fail("currency", "the year is in \(own), but the history is in \(currency)")
        }
        var budget = try Budget(fields: fields, cluster: cluster.membersReplaced(by: summary.members))
        if !fields.has("currency") { budget = budget.converted(to: currency) }
        return .full(budget, published: summary.isEmpty ? nil : summary)
    }

    public func encode(to encoder: any Encoder) throws {
        var out = FieldWriter(encoder)
        try out.write(Self.format, "format")
        try out.write(cluster, "cluster")
        try out.write(currency, "currency")
        try out.write(years.map { YearDocument(year: $0, inherited: inheritedCluster(members: $0.published?.members)) }, "years")
        try out.write(provenance, "provenance")
    }

    /// How one year is written: the row's figures, then the budget's fields (its cluster only when it is its own).
    private struct YearDocument: Encodable {
        let year: HistoryYear
        let inherited: ClusterProfile

        func encode(to encoder: any Encoder) throws {
            var out = FieldWriter(encoder)
            try out.write(year.year, "year")
            try out.write(year.published?.total, "total")
            try out.write(year.published?.selfFinancing, "selfFinancing")
            try out.write(year.published?.privateResources, "private")
            try out.write(year.published?.members, "members")
            guard let budget = year.budget else { return }
            if budget.cluster != inherited { try out.write(budget.cluster, "cluster") }
            try out.write(budget.resources, "resources")
            try out.write(budget.expenses, "expenses")
        }
    }
}

extension ClusterProfile {
    fileprivate func membersReplaced(by members: Int?) -> ClusterProfile {
        var copy = self
        if let members { copy.members = members }
        return copy
    }
}

extension Budget {
    /// The same budget with every amount in `currency` (minor units unchanged: ClusterKit holds every currency in
    /// hundredths).
    fileprivate func converted(to currency: CurrencyCode) -> Budget {
        guard currency != self.currency else { return self }
        var copy = self
        copy.currency = currency
        for index in copy.resources.indices {
            copy.resources[index].amount = Money(minorUnits: copy.resources[index].amount.minorUnits, currency: currency)
            if let fixed = copy.resources[index].successFee?.fixedFee {
                copy.resources[index].successFee?.fixedFee = Money(minorUnits: fixed.minorUnits, currency: currency)
            }
        }
        for index in copy.expenses.indices {
            copy.expenses[index].amount = Money(minorUnits: copy.expenses[index].amount.minorUnits, currency: currency)
        }
        return copy
    }
}
