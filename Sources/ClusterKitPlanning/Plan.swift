import ClusterKitCore
/// What the ``Planner`` proposes: the changes per line, the planned budget, and the engine's report on it.
///
/// The plan is checked, not trusted: ``report`` is the rule set run again on ``budget``, and ``unresolved`` lists
/// what it still finds at the severities the terms asked to clear.
public struct Plan: Sendable {
    /// One line the plan changes or adds.
    public struct Change: Hashable, Sendable {
        /// The line's id (a new line's is `plan-` and its source).
        public var lineID: String
        /// The line's label, if it has one.
        public var label: String?
        /// The line's revenue source.
        public var source: RevenueSourceID
        /// Public or private.
        public var sector: Sector
        /// The amount before the plan (zero for a new line).
        public var before: Money
        /// The amount the plan gives it.
        public var after: Money
        /// Whether the plan adds the line.
        public var isNew: Bool
        /// Why the line changes: the names of the planned conditions its change serves (``ShareConstraint/name``), or
        /// `budget fixed` for a fall that keeps the budget's total.
        public var reasons: [String] = []

        /// `after − before`, in minor units.
        public var difference: Int64 { after.minorUnits - before.minorUnits }
    }

    /// The budget planned for, as given (for realised accounts, the closed year; the plan is for the year after).
    public var original: Budget
    /// The terms the plan keeps.
    public var terms: PlanTerms
    /// The conditions planned for: every constraint of a planned rule at a severity the terms clear.
    public var constraints: [ShareConstraint]
    /// The lines that change, in the budget's order, new lines last.
    public var changes: [Change]
    /// The planned budget: resources changed, expenses following in proportion, declared figures left out (they
    /// described the budget before the plan).
    public var budget: Budget
    /// The engine's report on the original budget.
    public var before: BudgetReport
    /// The engine's report on the planned budget.
    public var report: BudgetReport
    /// The enabled rules the plan could not plan for (they do not state their condition as share constraints, or
    /// cannot for this budget): their findings, if any, stay in ``report``.
    public var notPlanned: [RuleID]
    /// The step the changes are rounded to (``PlanTerms/round``, or the step that fits the budget; one cent where no
    /// plan moves by whole steps).
    public var step: Money
    /// The conditions the rules state at a severity the terms do not clear (``PlanTerms/clear``): not planned for, their
    /// findings left in ``report``. By default these are notes, such as a target not yet due or one with no date;
    /// clearing notes too plans them.
    public var notCleared: [ShareConstraint] = []
    /// ClusterKit's caps that the plan reaches (within a step), by their name in the terms (`caps.feeGrowth`).
    public var bindingCaps: [String] = []
    /// The lines left out of the planning and kept in the planned budget unchanged: lines that are not funding (on
    /// a forecast) and money passed on.
    public var carriedOver: [String] = []
    /// The lines left out of the planning and of the planned budget: on realised accounts, the lines that are not
    /// funding (the closed year's accounting, not next year's funding).
    public var dropped: [String] = []

    /// The sum of the increases and new lines.
    public var newRevenue: Money { total { $0.difference > 0 ? $0.difference : 0 } }
    /// The sum of the decreases.
    public var decrease: Money { total { $0.difference < 0 ? -$0.difference : 0 } }
    /// The decreases of public lines: the public funding the plan replaces.
    public var publicReplaced: Money { total { $0.sector == .public && $0.difference < 0 ? -$0.difference : 0 } }
    /// How much the budget's total changes (negative when it shrinks), in minor units.
    public var growth: Int64 { changes.reduce(0) { $0 + $1.difference } }

    /// The findings of the planned budget at the severities the terms clear: empty when the plan holds.
    public var unresolved: [Diagnostic] { report.diagnostics.filter { terms.clear.contains($0.severity) } }

    private func total(_ amount: (Change) -> Int64) -> Money {
        Money(minorUnits: changes.reduce(0) { $0 + amount($1) }, currency: original.currency)
    }
}
