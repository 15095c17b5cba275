import ClusterKitCore

/// The one mechanism behind every "a part of the budget must stay above / under a share of it" rule: compares
/// exactly, fills in the measured share, the threshold, the lines, the explanation and the remediation.
///
/// Messages receive `{share}`, `{threshold}`, `{part}` and `{total}`; the fix message receives `{amount}`.
struct ShareThreshold {
    enum Direction {
        /// The part must be at least the threshold; the fix adds to it (the budget grows with it).
        case floor
        /// The part must be at most the threshold; the fix removes from it (the budget shrinks with it).
        case ceiling
    }

    /// How the primary fix changes the budget.
    enum Remedy {
        /// Add to the part; the budget grows with it: `(t·R − C) / (1 − t)`.
        case grow
        /// Remove from the part; the budget shrinks with it: `(C − t·R) / (1 − t)`.
        case shrink
        /// Move money into or out of the part, the total unchanged: `|t·R − C|`.
        case transfer
    }

    var direction: Direction
    var part: LineTotal
    var whole: Money
    var threshold: Share
    /// What the part is, for the explanation (e.g. "Membership fees").
    var partLabel: LocalizedText
    /// What the whole is; `nil` for the metrics' own whole (total resources, or the funding base when lines are left
    /// out: ``BudgetMetrics/wholeLabel``).
    var wholeLabel: LocalizedText? = nil
    /// The threshold's word in the explanation, where « floor » or « ceiling » is not the right one (a target).
    var thresholdLabel: LocalizedText? = nil

    /// What the whole is called in an explanation of a budget with these metrics.
    func wholeName(_ metrics: BudgetMetrics) -> LocalizedText { wholeLabel ?? metrics.wholeLabel }
    /// The primary fix; by default a floor grows the part and a ceiling shrinks it.
    var remedy: Remedy? = nil

    /// The measured share, or `nil` when the whole is zero.
    var share: Share? { Share(part.amount, of: whole) }

    /// Whether the part is on the wrong side of the threshold.
    var isBreached: Bool {
        guard let share else { return false }
        return direction == .floor ? share < threshold : share > threshold
    }

    /// The primary fix amount.
    var fixAmount: Money? {
        switch remedy ?? (direction == .floor ? .grow : .shrink) {
        case .grow: Share.additionToReach(threshold, part: part.amount, of: whole)
        case .shrink: Share.removalToReach(threshold, part: part.amount, of: whole)
        case .transfer: Share.transferToReach(threshold, part: part.amount, of: whole)?.magnitude
        }
    }

    /// The other fix of a ceiling, as a list of zero or one alternative: add resources of other kinds, the part
    /// unchanged — `(C − t·R) / t`. Empty when the threshold is zero. By default the resources added are private
    /// revenue of no particular kind (`otherPrivate`), with no funder named.
    func dilution(
        _ context: RuleContext, _ message: MessageTemplate, _ arguments: MessageArguments = [:],
        move: RemediationMove? = nil
    ) -> [RemediationOption] {
        Share.dilutionToReach(threshold, part: part.amount, of: whole).map {
            [context.option($0, message, arguments, move: move ?? .addResource(context.newPrivateRevenue))]
        } ?? []
    }

    /// The arguments every message of the check can use.
    var arguments: MessageArguments {
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
    /// removed from over a ceiling (``RemediationMove``).
    func diagnostic(
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
