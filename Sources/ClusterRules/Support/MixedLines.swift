import ClusterKitCore

/// Resource lines that hold membership fees and other private revenue in one amount the cluster's table does not
/// split (`includes`): Neopolia's « Contribution des adhérents (cotisations et facturations des services) », the
/// « Entreprises » line of Cluster Rhône-Alpes Eco-énergies. The fee and billing floors cannot be judged on them: they
/// give the range the share lies in and, when the floor falls inside it, say so in a note rather than report a share
/// the table does not support.
struct MixedFeeLines {
    /// The mixed lines whose `source` is membership fees (counted as fees by the metrics).
    var feeSourced: LineTotal
    /// The mixed lines whose `source` is another private revenue (counted as billed by the metrics).
    var otherSourced: LineTotal

    /// The mixed lines of the budget a rule judges, among the lines with `includes` the metrics found.
    init(_ context: RuleContext) throws {
        let budget = context.budget
        var fees = LineTotal(amount: Money(minorUnits: 0, currency: budget.currency), lines: [])
        var others = fees
        for position in context.metrics.resourcesHoldingOtherSources {
            let line = budget.resources[position]
            let sources = Set([line.source] + line.includes)
            guard sources.contains(.membershipFees), sources.count > 1 else { continue }
            if line.source == .membershipFees {
                fees = LineTotal(amount: try fees.amount.adding(line.amount), lines: fees.lines + [line.id])
            } else {
                others = LineTotal(amount: try others.amount.adding(line.amount), lines: others.lines + [line.id])
            }
        }
        feeSourced = fees
        otherSourced = others
    }

    /// Whether the budget has any.
    var isEmpty: Bool { feeSourced.lines.isEmpty && otherSourced.lines.isEmpty }
    /// Every mixed line.
    var lines: [String] { feeSourced.lines + otherSourced.lines }
    /// Their total.
    func amount() throws -> Money { try feeSourced.amount.adding(otherSourced.amount) }

    /// The note of a floor the mixed lines make undecidable — the share lies between `low` and `high` of `whole`, and
    /// the floor between the two — or `nil` when the floor is decided either way.
    ///
    /// The message receives `{lines}`, `{amount}`, `{low}`, `{high}` and `{threshold}`.
    func undecided(
        _ context: RuleContext, message: MessageTemplate, low: Money, whole: Money, threshold: Share
    ) throws -> Diagnostic? {
        let high = try low.adding(amount())
        guard let lowShare = Share(low, of: whole), let highShare = Share(high, of: whole), lowShare < threshold,
            highShare >= threshold
        else { return nil }
        return context.diagnostic(
            message,
            [
                "lines": LineNames(context.budget).list(lines),
                "amount": .money(try amount()), "low": .share(lowShare), "high": .share(highShare),
                "threshold": .share(threshold),
            ],
            severity: .note, threshold: .share(threshold), lines: lines,
            explanation: [
                ExplanationItem(LocalizedText(english: "Lines that do not split", french: "Lignes non ventilées"), .money(try amount())),
                ExplanationItem(LocalizedText(english: "Share, at least", french: "Part, au moins"), .share(lowShare)),
                ExplanationItem(LocalizedText(english: "Share, at most", french: "Part, au plus"), .share(highShare)),
                ExplanationItem(LocalizedText(english: "Floor", french: "Plancher"), .share(threshold)),
            ])
    }
}
