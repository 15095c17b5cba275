import ClusterKitCore
import ClusterRules
import Foundation
import Testing
import TestSupport

/// The cluster's profile on the memento's map, the factors of consolidation, and the pôles' 2011 averages.
@Suite("Profile and life cycle")
struct ProfileGuidanceTests {
    typealias Placement = ClusterProfileMapRule.Placement

    @Test("The map's boundaries: at most 50 members is small; under 30% low, from 50% high",
          arguments: [
            (50, 50, Placement.joyfulPack), (51, 50, .buzzingHive), (50, 29, .dawnOrDusk), (51, 29, .wildebeestMigration),
            (50, 30, .precariousBalance), (200, 49, .precariousBalance), (10, 30, .precariousBalance),
          ] as [(Int, Int64, Placement)])
    func boundaries(members: Int, percent: Int64, expected: Placement) {
        let placement = ClusterProfileMapRule.placement(
            members: members, share: Share(percent: percent), smallMaximum: 50, lowBelow: Share(percent: 30),
            highFrom: Share(percent: 50))
        #expect(placement == expected)
    }

    @Test("Each placement names its profile in the memento's words, in both languages",
          arguments: [
            (20, Int64(60), "« la joyeuse meute »"), (200, 60, "« la ruche bourdonnante »"),
            (20, 10, "« aube ou crépuscule »"), (200, 10, "« la migration des gnous »"), (200, 40, "« un équilibre précaire »"),
          ] as [(Int, Int64, String)])
    func names(members: Int, percent: Int64, name: String) throws {
        let budget = Budget.balanced(
            ClusterProfile(name: "x", members: members),
            resources: [.line(.membershipFees, percent * 1_000), .line(.region, (100 - percent) * 1_000)])
        let note = try #require(try diagnostics(of: "cluster-profile", on: budget).first)
        #expect(note.severity == .note)
        #expect(note.measuredShare == Share(percent: percent))
        #expect(note.message.rendered(in: .english).contains(name))
        #expect(note.message.rendered(in: .french).contains(FrenchTypography.applied(to: name)))
    }

    @Test("Mecabourg (60 members, 44.8%) and Cosmetic Valley (290 members, 49.8%) sit in the precarious band")
    func precariousCaseStudies() throws {
        let mecabourg = try #require(try diagnostics(of: "cluster-profile", on: try exampleBudget("mecabourg-2013")).first)
        #expect(mecabourg.message.id == Placement.precariousBalance.messageID)
        #expect(mecabourg.measuredShare == Share(130_000, over: 290_000))
        #expect(mecabourg.message.rendered(in: .english).contains("60 members (large in size) and 44.8%"))

        let cosmetic = try #require(try diagnostics(of: "cluster-profile", on: try exampleBudget("cosmetic-valley-2013")).first)
        #expect(cosmetic.message.id == Placement.precariousBalance.messageID, "49.8% is just under the 50% of a high self-financing")
        #expect(cosmetic.message.rendered(in: .english).contains("290 members (large in size) and 49.8%"))
    }

    @Test("On a net basis, Neopolia's 51.3% gross becomes 38.9%: from the buzzing hive to the precarious band")
    func grossAndNet() throws {
        let neopolia = Budget.balanced(
            ClusterProfile(name: "Neopolia", kind: .grappe, founded: 1999, members: 170),
            resources: [.line(.membershipFees, 380_000), .line(.memberTime, 250_000), .line(.region, 597_000)])
        let gross = try #require(try diagnostics(of: "cluster-profile", on: neopolia).first)
        #expect(gross.message.id == Placement.buzzingHive.messageID, "the memento lists Néopolia as a buzzing hive")
        #expect(gross.measuredShare == Share(630, over: 1_227))
        let net = try #require(try diagnostics(of: "cluster-profile", on: neopolia, parameters: ["basis": .text("net")]).first)
        #expect(net.message.id == Placement.precariousBalance.messageID)
        #expect(net.measuredShare == Share(380, over: 977))
        #expect(net.message.rendered(in: .english).contains("38.9%"))
    }

    @Test("consolidation-factors: what holds, what is missing, what the budget does not say")
    func consolidation() throws {
        let mecabourg = try #require(try diagnostics(of: "consolidation-factors", on: try exampleBudget("mecabourg-2013")).first)
        #expect(mecabourg.severity == .note)
        #expect(mecabourg.measured == .count(2), "founded 2002 (11 years) and 60 members")
        let english = mecabourg.message.rendered(in: .english)
        #expect(english.contains("present: more than 3 years of existence and more than 50 members"))
        #expect(english.contains("missing: none"))
        #expect(english.contains("not stated in the budget: monitoring tools"))

        // Soliage, created in 2011: two years old in 2013.
        let young = Budget.balanced(
            ClusterProfile(name: "Soliage", kind: .grappe, founded: 2011, members: 100, analyticAccounting: false),
            resources: [.line(.region, 290_000), .line(.membershipFees, 210_000)])
        let soliage = try #require(try diagnostics(of: "consolidation-factors", on: young).first)
        #expect(soliage.measured == .count(1))
        #expect(soliage.message.rendered(in: .french).contains(FrenchTypography.applied(to: "absentes : plus de 3 ans d'existence et des outils de suivi")))

        // Exactly 3 years and 50 members are not "more than".
        let edge = Budget.balanced(
            ClusterProfile(name: "x", founded: 2010, members: 50, analyticAccounting: true),
            resources: [.line(.region, 1_000)])
        #expect(try #require(try diagnostics(of: "consolidation-factors", on: edge).first).measured == .count(1))
    }

    @Test("pole-benchmark: Cosmetic Valley against the pôles' 2011 averages; grappes are not compared")
    func poleBenchmark() throws {
        #expect(Preset.pole.ruleIDs.contains("pole-benchmark"))
        #expect(!Preset.grappe.ruleIDs.contains("pole-benchmark") && !Preset.recommended.ruleIDs.contains("pole-benchmark"))

        let cosmetic = try exampleBudget("cosmetic-valley-2013")
        let note = try #require(try check(cosmetic, with: .pole).diagnostics.first { $0.ruleID == "pole-benchmark" })
        #expect(note.severity == .note)
        #expect(note.measuredShare == Share(1_089_500, over: 2_169_500))
        #expect(note.threshold == .share(Share(percent: 68)))
        let english = note.message.rendered(in: .english)
        for figure in ["budget €2,169,500.00 (average €1,090,000.00)", "membership fees 9.2% (16.9%)", "services 2.4% (10.2%)",
                       "success fees 0% (1.4%)", "public funding 50.2% (about 68%)"] {
            #expect(english.contains(figure), "\(figure) in \(english)")
        }
        #expect(try check(try exampleBudget("mecabourg-2013"), with: .all).diagnostics.allSatisfy { $0.ruleID != "pole-benchmark" })
    }
}
