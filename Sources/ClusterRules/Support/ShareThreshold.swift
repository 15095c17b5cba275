import ClusterKitCore

/// A check that a part of a budget stays above (a floor) or under (a ceiling) a share of a whole: the mechanism
/// behind the built-in rules of that shape (membership fees over 15%, billed revenue over 20%, valued time under 15%,
/// …), public so that a host's rule of the same shape reuses it rather than building its diagnostic by hand.
///
/// It compares exactly (a part at exactly the threshold passes), and when the threshold is breached makes the whole
/// diagnostic: the measured share, the threshold, the part's lines, an explanation (the part, the whole, the share,
/// the floor or ceiling) and the remediation — the amount that brings the share back to the threshold, added to the
/// part's lines under a floor, removed from them over a ceiling, the whole moving with the part.
///
/// ```swift
/// func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
///     let check = ShareThreshold(
///         direction: .ceiling, part: context.metrics.expenses(.personnel), whole: context.metrics.totalExpenses,
///         threshold: try context.value(of: Self.ceiling),
///         partLabel: LocalizedText(english: "Personnel costs", french: "Frais de personnel"))
///     return try check.diagnostic(context, message: Self.over, fix: Self.reduce).map { [$0] } ?? []
/// }
/// ```
///
/// Messages receive `{share}`, `{threshold}`, `{part}` and `{total}`; the fix message receives `{amount}` too.
public struct ShareThreshold: Sendable {
    /// Which side of the threshold the part must stay on.
    public enum Direction: Sendable {
        /// The part must be at least the threshold; the fix adds to it (the budget grows with it).
        case floor
        /// The part must be at most the threshold; the fix removes from it (the budget shrinks with it).
        case ceiling
    }

    /// How the primary fix changes the budget.
    public enum Remedy: Sendable {
        /// Add to the part; the budget grows with it: `(t·R − C) / (1 − t)`.
        case grow
        /// Remove from the part; the budget shrinks with it: `(C − t·R) / (1 − t)`.
        case shrink
        /// Move money into or out of the part, the total unchanged: `|t·R − C|`.
        case transfer
    }

    /// Which side of the threshold the part must stay on.
    public var direction: Direction
    /// The part: its amount and the lines it is made of (the lines the diagnostic names and the fix changes).
    public var part: LineTotal
    /// The whole the share is taken of.
    public var whole: Money
    /// The floor or ceiling.
    public var threshold: Share
    /// What the part is, for the explanation (e.g. "Membership fees").
    public var partLabel: LocalizedText
    /// What the whole is; `nil` for the metrics' own whole (total resources, or the funding base when lines are left
    /// out).
    public var wholeLabel: LocalizedText?
    /// The threshold's word in the explanation, where « floor » or « ceiling » is not the right one (a target, an
    /// average); `nil` for « Floor » or « Ceiling ».
    public var thresholdLabel: LocalizedText?

    /// A check of `part` against `threshold` of `whole`.
    /// - Parameters:
    ///   - direction: `.floor` (the part must be at least the threshold) or `.ceiling` (at most).
    ///   - part: the part, with its lines: what the diagnostic names and the fix changes.
    ///   - whole: the whole the share is taken of.
    ///   - threshold: the floor or ceiling.
    ///   - partLabel: what the part is, for the explanation.
    ///   - wholeLabel: what the whole is; `nil` for the metrics' own whole.
    ///   - thresholdLabel: the threshold's word in the explanation; `nil` for « Floor » or « Ceiling ».
    ///   - remedy: how the primary fix changes the budget; `nil` for the direction's own (a floor grows the part, a
    ///     ceiling shrinks it, the whole moving with it).
    public init(
        direction: Direction, part: LineTotal, whole: Money, threshold: Share, partLabel: LocalizedText,
        wholeLabel: LocalizedText? = nil, thresholdLabel: LocalizedText? = nil, remedy: Remedy? = nil
    ) {
        self.direction = direction
        self.part = part
        self.whole = whole
        self.threshold = threshold
        self.partLabel = partLabel
        self.wholeLabel = wholeLabel
        self.thresholdLabel = thresholdLabel
        self.remedy = remedy
    }

    /// What the whole is called in an explanation of a budget with these metrics.
    func wholeName(_ metrics: BudgetMetrics) -> LocalizedText { wholeLabel ?? metrics.wholeLabel }
    /// The primary fix; by default a floor grows the part and a ceiling shrinks it.
    public var remedy: Remedy?

    /// The measured share, or `nil` when the whole is zero.
    public var share: Share? { Share(part.amount, of: whole) }

    /// Whether the part is on the wrong side of the threshold.
    public var isBreached: Bool {
        guard let share else { return false }
        return direction == .floor ? share < threshold : share > threshold
    }

    /// The primary fix amount.
    public var fixAmount: Money? {
        switch remedy ?? (direction == .floor ? .grow : .shrink) {
        case .grow: Share.additionToReach(threshold, part: part.amount, of: whole)
        case .shrink: Share.removalToReach(threshold, part: part.amount, of: whole)
        case .transfer: Share.transferToReach(threshold, part: part.amount, of: whole)?.magnitude
        }
    }

    /// The other fix of a ceiling, as a list of zero or one alternative: add resources of other kinds, the part
    /// unchanged — `(C − t·R) / t`. Empty when the threshold is zero. By default the resources added are private
    /// revenue of no particular kind (`otherPrivate`), with no funder named.
    public func dilution(
        _ context: RuleContext, _ message: MessageTemplate, _ arguments: MessageArguments = [:],
        move: RemediationMove? = nil
    ) -> [RemediationOption] {
        Share.dilutionToReach(threshold, part: part.amount, of: whole).map {
            [context.option($0, message, arguments, move: move ?? .addResource(context.newPrivateRevenue))]
        } ?? []
    }

    /// The arguments every message of the check can use.
    public var arguments: MessageArguments {
        [
            "share": .share(share ?? .zero), "threshold": .share(threshold),
            "part": .money(part.amount), "total": .money(whole),
        ]
    }

    /// The diagnostic when the threshold is breached, `nil` otherwise.
    ///
    /// The alternatives are worked out only when the threshold is breached: a rule that does not fire formats nothing.
    ///
    /// `fixMove` says where the primary fix's amount goes; by default (`nil`) the part's lines: added to under a floor,
    /// removed from over a ceiling (`RemediationMove`).
    public func diagnostic(
        _ context: RuleContext, message: MessageTemplate, fix: MessageTemplate,
        alternatives: @autoclosure () throws -> [RemediationOption] = [],
        severity: Severity? = nil, extraArguments: MessageArguments = [:], lines: [String]? = nil,
        fixMove: RemediationMove? = nil
    ) throws -> Diagnostic? {
        guard isBreached, let share else { return nil }
        let arguments = extraArguments.isEmpty ? self.arguments : self.arguments.merging(extraArguments) { $1 }
        let remediation = try fixAmount.map { amount in
            Remediation(context.option(amount, fix, arguments, move: fixMove), alternatives: try alternatives())
        }
        return context.diagnostic(
            message, arguments, severity: severity, measured: .share(share), threshold: .share(threshold),
            lines: lines ?? part.lines, remediation: remediation,
            explanation: [
                ExplanationItem(partLabel, .money(part.amount)),
                ExplanationItem(wholeName(context.metrics), .money(whole)),
                ExplanationItem(LocalizedText(english: "Share", french: "Part"), .share(share)),
                ExplanationItem(
                    thresholdLabel ?? (direction == .floor
                        ? LocalizedText(english: "Floor", french: "Plancher")
                        : LocalizedText(english: "Ceiling", french: "Plafond")),
                    .share(threshold)),
            ])
    }
}
