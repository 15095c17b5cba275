import ClusterKitCore
import Foundation

/// The user's terms for a plan: which lines may move and within what bounds, which kinds of revenue may be added,
/// whether the budget may grow, which severities to clear, what to minimise, the step the changes are rounded to and
/// ClusterKit's caps. A `clusterkit.plan/1` document.
///
/// ```swift
/// var terms = PlanTerms()
/// terms.budgetFixed = true
/// terms.lines = [PlanTerms.LineTerms(id: "region", maximum: Money(major: 60_000))]
/// ```
public struct PlanTerms: Hashable, Sendable, Decodable {
    /// The format identifier of a terms document.
    public static let format = "clusterkit.plan/1"

    /// What the plan minimises; ties go to the least total change, a decrease of private revenue counting double.
    public enum Objective: String, Hashable, Sendable, Codable, CaseIterable {
        /// The least new revenue: the sum of the increases and new lines (the default).
        case leastNewRevenue
        /// The least total change: increases and decreases together.
        case leastTotalChange
        /// The least public funding taken out of the budget.
        case leastPublicReplaced
    }

    /// The bounds of one line of the budget. Amounts are the line's planned amount; shares are of its amount today.
    public struct LineTerms: Hashable, Sendable {
        /// The line, by its id or its label (as written, or ignoring case and accents).
        public var id: String
        /// Whether the line may not change at all.
        public var fixed: Bool
        /// The smallest amount the line may be planned at.
        public var minimum: Money?
        /// The largest amount the line may be planned at.
        public var maximum: Money?
        /// The most the line may rise, as a share of its amount (`0.1`: at most 10%).
        public var maximumIncrease: Share?
        /// The most the line may fall, as a share of its amount.
        public var maximumDecrease: Share?
        /// The most each member may pay (membership fees: "60 members, at most 2,000 € each"): the line's largest
        /// amount is the cluster's members times this.
        public var maximumPerMember: Money?

        /// Creates a line's terms.
        public init(
            id: String, fixed: Bool = false, minimum: Money? = nil, maximum: Money? = nil, maximumIncrease: Share? = nil,
            maximumDecrease: Share? = nil, maximumPerMember: Money? = nil
        ) {
            self.maximumPerMember = maximumPerMember
            self.id = id
            self.fixed = fixed
            self.minimum = minimum
            self.maximum = maximum
            self.maximumIncrease = maximumIncrease
            self.maximumDecrease = maximumDecrease
        }
    }

    /// Whether the budget must keep its total (public funding replaced rather than revenue added).
    public var budgetFixed: Bool
    /// Whether lines without terms of their own may fall; by default only when the budget is fixed.
    public var linesMayFall: Bool?
    /// The bounds of particular lines; a line not named may rise without limit (and fall, see ``linesMayFall``).
    public var lines: [LineTerms]
    /// The revenue sources a plan may add as new lines.
    public var newLines: [RevenueSourceID]
    /// The severities whose findings the plan clears (default errors and warnings).
    public var clear: Set<Severity>
    /// What the plan minimises.
    public var objective: Objective
    /// The step the changes are rounded to (`round` in the file): `nil` for the step that fits the budget
    /// (``defaultStep(forTotal:)``); one cent gives the exact plan.
    public var round: Money?
    /// ClusterKit's own cap on how fast membership fees may grow in a year (`caps.feeGrowth` in the file), as a
    /// share of today's fees; `nil` for none. Not the memento's: see ``defaultFeeGrowthCap``. A line named in
    /// ``lines`` with a `maxIncrease` of its own is bound by that instead.
    public var feeGrowthCap: Share?

    /// ClusterKit's default cap on the growth of membership fees: half again in a year (+50%). Ours, not the
    /// memento's: fees are paid by every member, and a rise beyond half in one year is one a board puts to its
    /// members over several years rather than one it adopts.
    public static let defaultFeeGrowthCap = Share(percent: 50)

    /// The step that fits a budget of `total` resources: 100 € under 1 M€, 1,000 € from 1 M€.
    public static func defaultStep(forTotal total: Money) -> Money {
        Money(minorUnits: total.minorUnits < 100_000_000 ? 10_000 : 100_000, currency: total.currency)
    }

    /// Creates terms; the defaults are the issue's: the budget may grow, existing lines may only rise, no new line,
    /// errors and warnings cleared, the least new revenue, changes rounded to the step that fits the budget, fees
    /// growing at most ClusterKit's default cap.
    public init(
        budgetFixed: Bool = false, linesMayFall: Bool? = nil, lines: [LineTerms] = [], newLines: [RevenueSourceID] = [],
        clear: Set<Severity> = [.error, .warning], objective: Objective = .leastNewRevenue, round: Money? = nil,
        feeGrowthCap: Share? = PlanTerms.defaultFeeGrowthCap
    ) {
        self.round = round
        self.feeGrowthCap = feeGrowthCap
        self.budgetFixed = budgetFixed
        self.linesMayFall = linesMayFall
        self.lines = lines
        self.newLines = newLines
        self.clear = clear
        self.objective = objective
    }

    /// Whether lines without terms may fall under these terms.
    package var unnamedLinesMayFall: Bool { linesMayFall ?? budgetFixed }

    static let fields = ["format", "budget", "linesMayFall", "lines", "newLines", "clear", "objective", "round", "caps"]

    public init(from decoder: any Decoder) throws {
        let fields = try FieldReader(decoder, allowed: Self.fields)
        try fields.checkFormat(Self.format)
        self.init()
        if let budget = try fields.optional("budget", as: String.self) {
            guard budget == "grow" || budget == "fixed" else {
                throw fields.fail("budget", "'\(budget)' is not one of grow, fixed")
            }
            budgetFixed = budget == "fixed"
        }
        linesMayFall = try fields.optional("linesMayFall")
        lines = try fields.array("lines") { decoder, _ in try LineTerms(from: decoder) } ?? []
        newLines = try fields.optional("newLines") ?? []
        if fields.has("clear") {
            var list = try fields.container.nestedUnkeyedContainer(forKey: AnyCodingKey("clear"))
            var severities: Set<Severity> = []
            while !list.isAtEnd {
                let text = try list.decode(String.self)
                guard let severity = Severity(rawValue: text) else {
                    throw DecodingError.dataCorruptedError(
                        in: list, debugDescription: "'\(text)' is not one of error, warning, note")
                }
                severities.insert(severity)
            }
            clear = severities
        }
        objective = try fields.choice("objective") ?? .leastNewRevenue
        if let step = try fields.optionalAmount("round", currency: .euro) {
            guard step.minorUnits > 0 else {
                throw fields.fail("round", "\(step.decimalValue) is not a step: write an amount such as 100, or 0.01 for the exact plan")
            }
            round = step
        }
        if fields.has("caps") {
            let caps = try FieldReader(try fields.decoder("caps"), allowed: ["feeGrowth"])
            if caps.has("feeGrowth") {
                // null lifts the cap; a number is a share of today's fees, and may be above 1 (2: fees may triple).
                feeGrowthCap = try caps.optional("feeGrowth", as: Decimal.self).map { value in
                    guard value >= 0, let share = Share(exactly: value) else {
                        throw caps.fail("feeGrowth", "\(value) is not a growth: write a fraction such as 0.5 for 50%, or null for no cap")
                    }
                    return share
                }
            }
        }
    }

    /// Reads a `clusterkit.plan/1` document.
    /// - Throws: `InputError` naming the file, the field path and the reason.
    public static func decode(_ data: Data, file: String? = nil) throws(InputError) -> PlanTerms {
        try JSONInput.decode(PlanTerms.self, from: data, file: file)
    }
}

extension PlanTerms.LineTerms: Decodable {
    public init(from decoder: any Decoder) throws {
        let fields = try FieldReader(
            decoder, allowed: ["id", "fixed", "min", "max", "maxIncrease", "maxDecrease", "maxPerMember"])
        self.init(
            id: try fields.required("id"), fixed: try fields.optional("fixed") ?? false,
            minimum: try fields.optionalAmount("min", currency: .euro),
            maximum: try fields.optionalAmount("max", currency: .euro),
            maximumIncrease: try fields.share("maxIncrease"), maximumDecrease: try fields.share("maxDecrease"),
            maximumPerMember: try fields.optionalAmount("maxPerMember", currency: .euro))
    }
}
