/// Which resource lines a part (or a whole) of a share adds up: by revenue kind, sector, nature or line id.
///
/// A selector reads a line's resolved attributes, so it selects the lines a plan adds as well as the budget's own.
/// Every criterion left `nil` selects every line.
///
/// ```swift
/// // Billed revenue: private cash other than membership fees.
/// let billed = LineSelector(sector: .private, nature: .cash, excludedKinds: [.membershipFees])
/// ```
public struct LineSelector: Hashable, Sendable {
    /// The revenue kinds selected; `nil` for every kind.
    public var kinds: Set<RevenueKind>?
    /// Kinds never selected.
    public var excludedKinds: Set<RevenueKind>
    /// The sector selected; `nil` for both.
    public var sector: Sector?
    /// The nature selected; `nil` for both.
    public var nature: ResourceNature?
    /// The ids of the lines selected; `nil` for any line (a line a plan adds has a new id, so is never among them).
    public var lineIDs: Set<String>?

    /// Creates a selector.
    public init(
        kinds: Set<RevenueKind>? = nil, excludedKinds: Set<RevenueKind> = [], sector: Sector? = nil,
        nature: ResourceNature? = nil, lineIDs: Set<String>? = nil
    ) {
        self.kinds = kinds
        self.excludedKinds = excludedKinds
        self.sector = sector
        self.nature = nature
        self.lineIDs = lineIDs
    }

    /// Every resource line.
    public static let all = LineSelector()

    /// Whether the selector selects a line of this id, kind, sector and nature.
    public func contains(id: String, kind: RevenueKind, sector: Sector, nature: ResourceNature) -> Bool {
        if let kinds, !kinds.contains(kind) { return false }
        if excludedKinds.contains(kind) { return false }
        if let required = self.sector, required != sector { return false }
        if let required = self.nature, required != nature { return false }
        if let lineIDs, !lineIDs.contains(id) { return false }
        return true
    }

    /// Whether the selector selects a resolved line.
    package func contains(_ line: ResolvedResource) -> Bool {
        contains(id: line.id, kind: line.kind, sector: line.sector, nature: line.nature)
    }
}

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

/// A rule whose condition the ``Planner`` can plan for: it states it as ``ShareConstraint``s over the budget's
/// resource lines, reading the same parameters its evaluation reads.
///
/// A rule that does not adopt the protocol (or returns `nil`) is listed in ``Plan/notPlanned``, never ignored.
public protocol PlannableRule: Rule {
    /// The rule's condition on the budget of `context` (its parameters and severity are the rule set's), or `nil`
    /// when it cannot be written as share constraints for this budget.
    func planningConstraints(_ context: RuleContext) throws -> [ShareConstraint]?
}

extension RuleContext {
    /// The severity a diagnostic of this rule would have if the rule picked `chosen`: the rule set's override wins,
    /// as it does in ``diagnostic(_:_:severity:measured:threshold:lines:remediation:explanation:)``.
    public func plannedSeverity(_ chosen: Severity? = nil) -> Severity {
        severityIsOverridden ? severity : (chosen ?? severity)
    }
}

/// Why the planner could not produce a plan.
public enum PlanningError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No change within the terms clears every planned condition: the smallest conflicting set of terms and
    /// conditions found, by name.
    case infeasible(conflict: [String])
    /// The terms name a line the budget does not have.
    case unknownLine(String)
    /// The terms name a revenue source the catalogue does not know.
    case unknownSource(RevenueSourceID)
    /// The figures are too large to solve exactly.
    case tooLarge
    /// The terms cap a line per member, and the budget does not say how many members the cluster has.
    case membersUnknown(String)
    /// The search for a plan in whole cents stopped at its limit before it found one (the exact programme has
    /// plans, but none was reached in cents).
    case searchLimit
    /// A history to plan year by year has no full year (one with its lines) to start from.
    case noFullYear

    public var description: String {
        switch self {
        case .infeasible(let conflict):
            "no plan within the terms: these conflict: \(conflict.joined(separator: ", "))"
        case .unknownLine(let id): "the terms name line '\(id)', which the budget does not have"
        case .unknownSource(let id): "the terms name revenue source '\(id)', which the catalogue does not know"
        case .tooLarge: "the figures are too large to plan exactly"
        case .membersUnknown(let id):
            "the terms cap line '\(id)' per member, and the budget does not give the cluster's members"
        case .searchLimit: "the search for a plan in whole cents stopped at its limit before it found one"
        case .noFullYear: "the history has no full year (with its lines) to plan from"
        }
    }
}
