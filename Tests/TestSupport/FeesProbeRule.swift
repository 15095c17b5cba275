import ClusterKitCore

/// A rule for rendering tests: membership fees under a floor (40% by default), with the fix that raises them to it.
package struct FeesProbeRule: Rule {
    package init() {}
    package static let floor = Parameter<Share>("floor", default: Share(percent: 40), english: "Floor", french: "Plancher")
    package static let under = MessageTemplate(
        id: "test/fees-probe.under", english: "Fees are {share}, under {floor}.", french: "Les cotisations font {share}, sous {floor}.")
    package static let fix = MessageTemplate(id: "test/fees-probe.fix", english: "add {amount} of fees", french: "ajouter {amount} de cotisations")
    package static let description = RuleDescription(
        id: RuleID("fees-probe", namespace: "test"),
        name: LocalizedText(english: "Fees probe", french: "Sonde des cotisations"),
        rationale: LocalizedText(english: "A floor on fees, for tests.", french: "Un plancher de cotisations, pour les tests."),
        citation: Citation(document: "Tests", location: "here"), defaultSeverity: .warning,
        parameters: [floor],
        messages: [under, fix])

    package func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let fees = context.metrics.total(of: .membershipFees)
        let floor = try context.value(of: Self.floor)
        guard let share = Share(fees.amount, of: context.metrics.totalResources), share < floor,
            let fix = Share.additionToReach(floor, part: fees.amount, of: context.metrics.totalResources)
        else { return [] }
        return [
            context.diagnostic(
                Self.under, ["share": .share(share), "floor": .share(floor)], measured: .share(share),
                threshold: .share(floor), lines: fees.lines,
                remediation: Remediation(context.option(fix, Self.fix)),
                explanation: [ExplanationItem(LocalizedText(english: "Fees", french: "Cotisations"), .money(fees.amount))])
        ]
    }
}
