import ClusterKitCore

/// A funding regime a host program might add: 50% of the action's cost.
package struct TestRegime: FundingRegime {
    package var id: FundingRegimeID
    package init(id: FundingRegimeID) { self.id = id }
    package var name: LocalizedText { LocalizedText(english: "Test regime", french: "Régime de test") }
    package var summary: LocalizedText { LocalizedText(english: "Half the cost.", french: "La moitié du coût.") }
    package var citation: Citation { Citation(document: "ClusterKit tests") }
    package func ceiling(for action: ExpenseLine, in context: RegimeContext) -> PublicFundingCeiling? {
        PublicFundingCeiling(regime: id, share: Share(percent: 50))
    }
}

/// The built-in catalogue with one more regime, as a host adds its own.
package let catalogWithTestRegime = try! Catalog.builtIn.adding(TestRegime(id: "test/half-cost"))
