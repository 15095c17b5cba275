import ClusterKitCore
import ClusterRules
import Testing
import TestSupport

/// The presets of RULES.md: `recommended`, `pole`, `grappe` and `regional`, `all`.
@Suite("Presets")
struct PresetTests {
    let optIn = Set(BuiltInRules.all.filter(\.isOptIn).map(\.ruleDescription.id))
    let poleOnly = Set(BuiltInRules.all.filter { $0 is any PoleRule }.map(\.ruleDescription.id))

    @Test("The preset follows cluster.kind unless the caller names one")
    func byKind() {
        #expect(Preset(for: .pole) == .pole)
        #expect(Preset(for: .grappe) == .grappe)
        #expect(Preset(for: .regional) == .regional)
        #expect(Preset(for: .other) == .recommended)
        #expect(Preset(for: nil) == .recommended)
    }

    @Test("recommended: integrity, 50/50, success fees, revenue mix, profile — no opt-in rule, no pôle rule")
    func recommended() {
        let ids = Set(Preset.recommended.ruleIDs)
        for id: RuleID in [
            "budget-balance", "public-private-balance", "success-fee-reliance", "success-fee-requalification",
            "success-fee-proportion", "success-fee-framework", "erdf-working-capital", "event-risk", "sponsorship-conflict",
            "satellite-entity", "service-critical-mass", "cluster-profile", "consolidation-factors",
        ] {
            #expect(ids.contains(id), "\(id) in recommended")
        }
        #expect(ids.isDisjoint(with: optIn) && ids.isDisjoint(with: poleOnly))
        #expect(optIn.contains("collective-action-balance"))
        #expect(poleOnly.contains("pole-benchmark"))
        #expect(Preset.grappe.ruleIDs == Preset.recommended.ruleIDs)
        #expect(Preset.regional.ruleIDs == Preset.recommended.ruleIDs)
    }

    @Test("pole adds the pôle rules; all holds every rule; opt-in rules are in `all` only")
    func poleAndAll() {
        #expect(Set(Preset.pole.ruleIDs) == Set(Preset.recommended.ruleIDs).union(poleOnly))
        #expect(Preset.all.ruleIDs == BuiltInRules.all.map(\.ruleDescription.id))
        for id in optIn {
            #expect(Preset.allCases.filter { $0.ruleIDs.contains(id) } == [.all], "\(id) only in all")
        }
    }

    @Test("Named, an opt-in rule runs in any rule set")
    func namedOptIn() throws {
        let rule = try #require(BuiltInRules.rule("collective-action-balance"))
        let set = try RuleSet.grappe.adding(rule)
        let plab = try exampleBudget("plab-2013").setting("training-participations", to: Money(major: 50_000))
        #expect(try check(plab, with: set).diagnostics.contains { $0.ruleID == "collective-action-balance" })
        #expect(try !check(plab, with: .grappe).diagnostics.contains { $0.ruleID == "collective-action-balance" })
    }
}
