import ClusterKitCore
/// What a share is a share of.
public enum ShareWhole: String, Hashable, Sendable, Codable, CaseIterable {
    /// The budget's funding base (R: its resources less those that are not funding or are passed on — the planner
    /// leaves those lines out of every constraint).
    case resources
    /// Its cash resources, valued time and secondments left out (R(cash)): the whole of a net self-financing.
    case cashResources

    /// The lines that make this whole. **The one place** the planner turns a whole into lines: when shares come to
    /// be taken on another base (resources less some lines), this is the function to change.
    public var selector: LineSelector {
        switch self {
        case .resources: LineSelector.all
        case .cashResources: LineSelector(nature: .cash)
        }
    }
}

/// Whether a part must stay at least or at most its share of the whole.
public enum ShareBound: String, Hashable, Sendable, Codable, CaseIterable {
    /// `part ≥ threshold × whole`.
    case floor
    /// `part ≤ threshold × whole`.
    case ceiling
}

/// One condition of a rule, linear in the budget's amounts: `part ≥ t × whole` (a floor) or `part ≤ t × whole` (a
/// ceiling), and the severity the rule reports when it is not met.
public struct ShareConstraint: Hashable, Sendable {
    /// The rule whose condition this is.
    public var ruleID: RuleID
    /// A name unique among the rule's constraints (e.g. the funder's), or `nil` for a rule's one constraint.
    public var qualifier: String?
    /// The lines of the part.
    public var part: LineSelector
    /// The whole the part is a share of.
    public var whole: ShareWhole
    /// Floor or ceiling.
    public var bound: ShareBound
    /// The threshold `t`.
    public var threshold: Share
    /// The severity of the diagnostic the rule reports when the condition is not met.
    public var severity: Severity

    /// Creates a constraint.
    public init(
        ruleID: RuleID, qualifier: String? = nil, part: LineSelector, whole: ShareWhole = .resources,
        bound: ShareBound, threshold: Share, severity: Severity
    ) {
        self.ruleID = ruleID
        self.qualifier = qualifier
        self.part = part
        self.whole = whole
        self.bound = bound
        self.threshold = threshold
        self.severity = severity
    }

    /// The constraint's name in a plan: the rule id, and the qualifier in brackets (`funder-dependency[Région]`).
    public var name: String { qualifier.map { "\(ruleID)[\($0)]" } ?? ruleID.description }
}

extension ShareConstraint {
    /// Whether the funding lines of a budget meet the constraint, exactly: `q·part − p·whole` on its side of zero.
    package func isMet(by metrics: BudgetMetrics) -> Bool {
        var part = Int128(0), whole = Int128(0)
        let wholeLines = self.whole.selector
        for line in metrics.resources where line.funds {
            if self.part.contains(line) { part += Int128(line.amount.minorUnits) }
            if wholeLines.contains(line) { whole += Int128(line.amount.minorUnits) }
        }
        let value = Int128(threshold.denominator) * part - Int128(threshold.numerator) * whole
        return bound == .floor ? value >= 0 : value <= 0
    }
}
