import ClusterKit
import ClusterKitCore
import ClusterRules
import Foundation
import Testing
import TestSupport

/// Issue 27, items 1–4: a target judged when it applies and on its funder's basis, young clusters read as such, and
/// public lines that hold several unnamed funders.
@Suite("Targets in time and on their funder's basis; young clusters; aggregated public lines")
struct TargetsInTimeTests {
    func balance(_ budget: Budget, _ ruleSet: RuleSet = .recommended) throws -> Diagnostic? {
        try check(budget, with: ruleSet).diagnostics.first { $0.ruleID == "public-private-balance" }
    }

    @Test("Cosmetic Valley 2013 (49.8%, the pôles' 50% by 2016): a note three years early, in every preset")
    func cosmeticValley() throws {
        let budget = try exampleBudget("cosmetic-valley-2013")
        for ruleSet in [RuleSet.pole, .recommended, .all] {
            let note = try #require(try balance(budget, ruleSet))
            #expect(note.severity == .note, "\(ruleSet.name)")
            #expect(note.message.id == "public-private-balance.ahead")
            #expect(note.measuredShare == Share(1_080_000, over: 2_169_500))
        }
        // 2016 is the target's year: from then on, the pole preset's error.
        var due = budget
        due.year = 2016
        #expect(try balance(due, .pole)?.severity == .error)
    }

    @Test("Atlanpack's 60% « à moyen terme » and Mecabourg's 50% « à terme »: notes in 2013, and Mecabourg's 45% is no shortfall")
    func undatedTargets() throws {
        let atlanpack = try #require(try balance(try exampleBudget("atlanpack-2013"), .grappe))
        #expect(atlanpack.severity == .note && atlanpack.message.id == "public-private-balance.under-undated")
        #expect(atlanpack.threshold == .share(Share(percent: 60)))
        let mecabourg = try #require(try balance(try exampleBudget("mecabourg-2013"), .grappe))
        #expect(mecabourg.severity == .note && mecabourg.measuredShare == Share(130, over: 290))
        #expect(mecabourg.message.rendered(in: .english).contains("not a shortfall"))
        #expect(mecabourg.message.rendered(in: .french).contains("non un manquement"))
    }

    @Test("Aerospace Valley 2024-2025 on its own basis: 3,665 of 5,151 k€ of total income, 71.2%, 2.8 points from 74% in 2026")
    func aerospaceValleyBasis() throws {
        let budget = try exampleBudget("aerospace-valley-2024-2025")
        let target = try #require(budget.cluster.targets)
        #expect(target.definition == FunderBasis(whole: .totalIncome, valuedTime: false, ownResources: ["erdf"]))
        let note = try #require(try balance(budget, .pole))
        // Total income 925 + 1,400 + 1,486 + 1,170 + 86 + 84 = 5,151; all but the 1,486 of subsidies = 3,665.
        #expect(note.measuredShare == Share(3_665, over: 5_151))
        #expect(note.severity == .note && note.message.id == "public-private-balance.ahead")
        let english = note.message.rendered(in: .english)
        #expect(english.contains("2.8 percentage points short of the 74% target due by 2026; 1 year is left"))
        #expect(english.hasPrefix("Own resources on the funder's basis are 71.2%"))
        #expect(english.contains("the funder's basis: on total income, valued time excluded"))
        // On the memento's gross basis it would be 2,325 of 3,811 (61%): the definitions differ, the file says which.
        var plain = budget
        plain.cluster.targetList[0].definition = nil
        plain.cluster.targetList[0].basis = .gross
        let memento = try #require(try balance(plain, .pole))
        #expect(memento.measuredShare == Share(2_325, over: 3_811))
        // The year before, 3,844 of 5,624 (all but 1,780 of subsidies), 68.3%: a note, two years left.
        let earlier = try #require(try balance(try exampleBudget("aerospace-valley-2023-2024"), .pole))
        #expect(earlier.measuredShare == Share(3_844, over: 5_624) && earlier.severity == .note)
        #expect(earlier.message.rendered(in: .english).contains("2 years are left"))
    }

    @Test("`basis` as an object: read, written back, and checked (a private source is not an own resource)")
    func basisObject() throws {
        let json = """
            {"format": "clusterkit.budget/1", "cluster": {"name": "P", "kind": "pole", "founded": 2005,
             "targets": {"privateShare": 0.5, "year": 2016, "basis": {"whole": "totalIncome", "valuedTime": false, "ownResources": ["erdf"]}}},
             "year": 2013, "resources": [{"id": "feder", "source": "erdf", "amount": 30}, {"id": "fees", "source": "membershipFees", "amount": 20},
             {"id": "region", "source": "region", "amount": 50}], "expenses": [{"id": "x", "amount": 100}]}
            """
        let budget = try BudgetDecoder().decode(Data(json.utf8)).budget
        let target = try #require(budget.cluster.targets)
        #expect(target.definition?.ownResources == ["erdf"] && target.basis == .net)
        let again = try BudgetDecoder().decode(try JSONEncoder().encode(budget)).budget
        #expect(again.cluster.targets == target)
        // 20 + 30 of 100: 50%, the target met on the funder's basis (the memento's gross basis gives 20%).
        #expect(try balance(budget) == nil)

        let wrong = json.replacingOccurrences(of: "[\"erdf\"]", with: "[\"services\"]")
        #expect {
            try BudgetDecoder().decode(Data(wrong.utf8), file: "p.json")
        } throws: { error in
            "\(error)".contains("cluster.targets.basis.ownResources[0]") && "\(error)".contains("not a public source")
        }
        let unknown = json.replacingOccurrences(of: "[\"erdf\"]", with: "[\"erfd\"]")
        #expect {
            try BudgetDecoder().decode(Data(unknown.utf8), file: "p.json")
        } throws: { error in
            "\(error)".contains("unknown revenue source 'erfd'") && "\(error)".contains("erdf")
        }
    }

    @Test("A target with no basis: the share on total income beside the memento's, and a note where the verdicts differ")
    func basisDependent() throws {
        // 40,000 private of a funding base of 85,000 (47.1%); with 15,000 of financial income, 55,000 of 100,000 (55%).
        let budget = Budget.balanced(
            ClusterProfile(name: "G", kind: .grappe, founded: 2005, targets: FundingTargets(privateShare: Share(percent: 50), year: 2013)),
            resources: [.line(.region, 45_000), .line(.membershipFees, 40_000), .line(.financialIncome, 15_000)])
        let note = try #require(try balance(budget))
        #expect(note.message.id == "public-private-balance.basis-dependent" && note.severity == .note)
        #expect(note.message.rendered(in: .english).contains("47.1% of the budget") && note.message.rendered(in: .english).contains("55% of total income"))
        // 30,000 of 80,000 (37.5%), and 40,000 of 90,000 of total income (44.4%): both under, a warning in the
        // target's year, with the share on total income shown beside the memento's.
        let both = Budget.balanced(
            budget.cluster, resources: [.line(.region, 50_000), .line(.membershipFees, 30_000), .line(.financialIncome, 10_000)])
        let warning = try #require(try balance(both))
        #expect(warning.severity == .warning && warning.measuredShare == Share(30, over: 80))
        #expect(warning.explanation.contains { $0.label.english.hasPrefix("Share on total income") && $0.value == .share(Share(40, over: 90)) })
        // Without lines that are not funding the two shares are one: nothing more to show.
        let plain = Budget.balanced(budget.cluster, resources: [.line(.region, 45_000), .line(.membershipFees, 40_000)])
        #expect(try #require(try balance(plain)).explanation.allSatisfy { !$0.label.english.hasPrefix("Share on total income") })
    }

    @Test("A one-year-old grappe of 120 members at 20%: notes from every floor and target rule, a reading for a cluster in creation")
    func youngCluster() throws {
        let budget = Budget.balanced(
            ClusterProfile(name: "Jeune", kind: .grappe, founded: 2012, members: 120),
            resources: [.line(.region, 70_000, funder: "Région"), .line(.membershipFees, 10_000), .line(.services, 10_000), .line(.state, 10_000)])
        // The recommended rules (the opt-in animation-cost-coverage, a funder's own demand, is not one of them).
        let report = try check(budget, with: .recommended)
        for id in ["membership-fee-floor", "billed-revenue-floor", "public-private-balance", "funder-dependency", "cluster-profile"] {
            let found = try #require(report.diagnostics.first { $0.ruleID.description == id }, "\(id)")
            #expect(found.severity == .note, "\(id)")
        }
        let others = report.diagnostics.filter { $0.severity != .note }.map(\.ruleID.description)
        #expect(others.isEmpty, "\(others)")
        let profile = try #require(report.diagnostics.first { $0.ruleID == "cluster-profile" })
        #expect(profile.message.id == "cluster-profile.in-creation")
        #expect(!profile.message.rendered(in: .french).contains("gnous"))
        #expect(profile.message.rendered(in: .english).contains("1 year old"))
        #expect(profile.message.rendered(in: .french).contains("1 an,"))
    }

    @Test("Cluster Rhône-Alpes Eco-énergies: the map's « migration des gnous » is read as a type, never said of its members")
    func profileWording() throws {
        let history = try historyExample("cra-eco-energies-2010-2013")
        let profile = try #require(try Engine(ruleSet: .grappe, catalog: .builtIn).check(history).flatMap(\.diagnostics).first { $0.ruleID == "cluster-profile" })
        #expect(profile.message.id == ClusterProfileMapRule.Placement.wildebeestMigration.messageID)
        let french = profile.message.rendered(in: .french), english = profile.message.rendered(in: .english)
        #expect(french.contains("un type, non un constat sur ce cluster") && english.contains("a type, not a finding about this cluster"))
        #expect(!french.contains("peu impliqués") && !english.contains("little involved"))
    }

    @Test("« 74 – Subventions d'exploitation » with no funder is not one funder: a note asks for the split")
    func aggregatedPublicLine() throws {
        let input = try BudgetFile.read(contentsOf: repositoryRoot.appendingPathComponent("Examples/cerfa/soliage-2012-2013-15059.csv").path)
        let budget = try #require(input.budget)
        let found = try diagnostics(of: "funder-dependency", on: budget)
        #expect(found.count == 1)
        let note = try #require(found.first)
        #expect(note.message.id == "funder-dependency.aggregated" && note.severity == .note)
        #expect(note.measuredShare == Share(290, over: 500), "58%")
        #expect(note.message.rendered(in: .french).contains(FrenchTypography.applied(to: "« 74 – Subventions d'exploitation »")))
        #expect(!note.message.rendered(in: .english).contains("pays 58%"))
        // Named, the same line is one funder again.
        var named = budget
        let index = try #require(named.resources.firstIndex { $0.source == .otherPublic })
        named.resources[index].funder = "Région Rhône-Alpes"
        #expect(try diagnostics(of: "funder-dependency", on: named).map(\.message.id.rawValue) == ["funder-dependency.over"])
    }

    @Test("Generic labels hold several funders; a body's name does not", arguments: [
        ("74 – Subventions d'exploitation", true), ("Subventions publiques", true), ("Subventions", true),
        ("Subventions (État, Régions, Métropoles, Agglomérations, Europe : répartition non publiée)", true),
        ("Public funding", true), ("Région Rhône-Alpes", false), ("Conseil Général de l'Ain", false), ("FEDER", false),
        ("Etat (DGCIS) – missions pour le compte de l'Etat", false), ("Intercommunalités", false),
    ])
    func genericLabels(label: String, generic: Bool) throws {
        let budget = Budget.balanced(
            ClusterProfile(name: "G", kind: .grappe, founded: 2005),
            resources: [
                ResourceLine(id: "public", label: label, source: .otherPublic, amount: Money(major: 60_000)),
                ResourceLine(id: "fees", source: .membershipFees, amount: Money(major: 40_000)),
            ])
        let found = try diagnostics(of: "funder-dependency", on: budget)
        #expect(found.map(\.message.id.rawValue) == [generic ? "funder-dependency.aggregated" : "funder-dependency.over"])
    }
}
