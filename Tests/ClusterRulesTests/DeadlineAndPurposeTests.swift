import ClusterKitCore
import ClusterKitReports
import ClusterRules
import Foundation
import Testing
import TestSupport

/// Whose deadline the 2016 is, whose target a budget is judged against, and what a cluster's purpose and age change:
/// the memento as its authors meant it (issue 17), held to its own figures.
@Suite("Deadlines, targets and purposes")
struct DeadlineAndPurposeTests {
    /// Every message and fix of a report, in both languages, and the text report in both: what a reader sees.
    func everything(_ reports: [BudgetReport]) -> [String] {
        let report = Report(ruleSet: "test", budgets: reports)
        var texts: [String] = []
        for language in [Language.english, .french] {
            texts.append(TextReportRenderer(options: RenderingOptions(language: language)).render(report))
            for diagnostic in reports.flatMap(\.diagnostics) {
                texts.append(diagnostic.message.rendered(in: language))
                if let remediation = diagnostic.remediation {
                    texts.append(remediation.primary.summary.rendered(in: language))
                }
            }
        }
        return texts
    }

    /// Cosmetic Valley 2013's figures (p. 33), in another year and without its targets.
    func cosmeticValley(in year: Int) throws -> Budget {
        var budget = try exampleBudget("cosmetic-valley-2013")
        budget.year = year
        budget.cluster.targetList = []
        return budget
    }

    @Test("Mecabourg 2013, a grappe without a dated target: no message mentions 2016, in any preset or language")
    func mecabourg() throws {
        let budget = try exampleBudget("mecabourg-2013")
        for ruleSet in [RuleSet.grappe, .all, .pole] {
            let report = try check(budget, with: ruleSet)
            for text in everything([report]) { #expect(!text.contains("2016"), "\(ruleSet.name): \(text)") }
            let balance = try #require(report.diagnostics.first { $0.ruleID == "public-private-balance" })
            #expect(balance.message.id == "public-private-balance.under-undated", "« A terme, un objectif d'autofinancement de 50 % »")
            #expect(balance.severity == .note, "\(ruleSet.name): « à terme », no date: a note, never a shortfall")
            #expect(balance.measuredShare == Share(130, over: 290))
        }
    }

    @Test("Cosmetic Valley 2013, a pôle: « due by 2016 », as the pôles' 2013–2018 performance contracts say")
    func cosmeticValley2013() throws {
        let budget = try exampleBudget("cosmetic-valley-2013")
        let report = try check(budget, with: .pole)
        let balance = try #require(report.diagnostics.first { $0.ruleID == "public-private-balance" })
        // 1,080,000 of 2,169,500 is 49.78%: 0.2 points short, three years early — a note, not a warning.
        #expect(balance.message.id == "public-private-balance.ahead")
        #expect(balance.message.rendered(in: .english).contains("0.2 percentage points short of the 50% target due by 2016; 3 years are left"))
        #expect(balance.message.rendered(in: .french).contains("à 0,2 point de l'objectif"))
        #expect(balance.severity == .note, "2013 is three years before the target year")
        #expect(balance.measuredShare == Share(1_080_000, over: 2_169_500), "49.8%")
        // The same without its listed targets: the pôles' contracts give the same 50% by 2016.
        let plain = try check(try cosmeticValley(in: 2013), with: .pole)
        #expect(plain.diagnostics.first { $0.ruleID == "public-private-balance" }?.message == balance.message)
    }

    @Test("A pôle budget of 2025 without a target: no 2016 anywhere, and a warning, not an error")
    func pole2025() throws {
        let report = try check(try cosmeticValley(in: 2025), with: .pole)
        for text in everything([report]) { #expect(!text.contains("2016"), "\(text)") }
        let balance = try #require(report.diagnostics.first { $0.ruleID == "public-private-balance" })
        #expect(balance.message.id == "public-private-balance.under-undated")
        #expect(balance.severity == .note, "no date: a note")
    }

    @Test("The judged target is the nearest at or after the budget's year, else the last: « due since »")
    func judgedTarget() throws {
        // Cosmetic Valley's two targets: 50% by 2016 (the contracts), 75% by 2018 (« Objectifs à 5 ans », p. 34).
        let targets = try exampleBudget("cosmetic-valley-2013").cluster.targetList
        #expect(targets.map(\.year) == [2016, 2018] && targets.map(\.privateShare) == [Share(percent: 50), Share(percent: 75)])
        func balance(in year: Int) throws -> Diagnostic? {
            var budget = try cosmeticValley(in: year)
            budget.cluster.targetList = targets
            return try check(budget, with: .pole).diagnostics.first { $0.ruleID == "public-private-balance" }
        }
        let in2016 = try #require(try balance(in: 2016))
        #expect(in2016.threshold == .share(Share(percent: 50)) && in2016.severity == .error, "due in 2016, the pole preset")
        let in2017 = try #require(try balance(in: 2017))
        #expect(in2017.threshold == .share(Share(percent: 75)) && in2017.severity == .note, "the 2018 target is a year ahead: a note")
        #expect(in2017.message.rendered(in: .english).contains("due by 2018"))
        let in2019 = try #require(try balance(in: 2019))
        #expect(in2019.threshold == .share(Share(percent: 75)) && in2019.severity == .error)
        #expect(in2019.message.id == "public-private-balance.under-since")
        #expect(in2019.message.rendered(in: .english).contains("due since 2018"))
        #expect(in2019.message.rendered(in: .french).contains("qui devait être atteint en 2018"))
    }

    /// A history of published shares from 2020 to 2022, starting at 22% (the case issue 17 names).
    func history(kind: ClusterKind, targets: FundingTargets? = nil) -> BudgetHistory {
        BudgetHistory(
            cluster: ClusterProfile(name: "Cluster", kind: kind, founded: 2005, targets: targets),
            years: [(2020, 22), (2021, 24), (2022, 26)].map { year, percent in
                .summary(year, BudgetSummary(total: Money(major: 500_000), selfFinancing: Share(percent: percent)))
            })
    }

    @Test("A history 2020–2022 from 22% without a target: no path « to 50% in 2016 », for a pôle or a grappe")
    func noBackwardPath() throws {
        for kind in [ClusterKind.pole, .grappe] {
            let reports = try Engine(ruleSet: .all, catalog: .builtIn).check(history(kind: kind))
            #expect(reports.last?.trajectory?.path == nil)
            for text in everything(reports) { #expect(!text.contains("2016"), "\(kind): \(text)") }
            #expect(reports.flatMap(\.diagnostics).isEmpty, "rising, and no dated target")
        }
    }

    @Test("A glide path never runs backwards: from a baseline after the target year, the year is judged against the target")
    func overdue() throws {
        let late = history(kind: .grappe, targets: FundingTargets(privateShare: Share(percent: 50), year: 2016))
        let reports = try Engine(ruleSet: .grappe, catalog: .builtIn).check(late)
        #expect(reports.last?.trajectory?.path == nil)
        let found = try #require(reports.last?.diagnostics.first { $0.ruleID == "transition-trajectory" })
        #expect(found.message.id == "transition-trajectory.overdue")
        #expect(found.threshold == .share(Share(percent: 50)) && found.measuredShare == Share(percent: 26))
        let english = found.message.rendered(in: .english)
        #expect(english == "In 2022, private resources are 26% of the budget (as published), under the 50% target due since 2016.")
        for text in everything(reports) { #expect(!text.contains("in 2022 to 50% in 2016") && !text.contains("to 50% in 2016")) }
    }

    @Test("Cluster Rhône-Alpes Eco-énergies, purpose publicService: notes, no warning, from the 50/50 rules")
    func publicService() throws {
        let history = try historyExample("cra-eco-energies-2010-2013")
        #expect(history.cluster.purpose == .publicService)
        let reports = try Engine(ruleSet: .all, catalog: .builtIn).check(history)
        let fiftyFifty = reports.flatMap(\.diagnostics).filter { ["public-private-balance", "transition-trajectory"].contains($0.ruleID.description) }
        #expect(!fiftyFifty.isEmpty)
        #expect(fiftyFifty.allSatisfy { $0.severity == .note })
        let balance = try #require(fiftyFifty.first { $0.ruleID == "public-private-balance" })
        #expect(balance.message.id == "public-private-balance.public-service")
        #expect(balance.measuredShare == Share(170, over: 720), "23.6%")
        // The same cluster read as mixed: the memento's 50% « à terme » has no date, a note that says so.
        var mixed = history
        mixed.cluster.purpose = nil
        mixed.years[3].budget?.cluster.purpose = nil
        let noted = try #require(
            try Engine(ruleSet: .all, catalog: .builtIn).check(mixed).flatMap(\.diagnostics).first { $0.ruleID == "public-private-balance" })
        #expect(noted.message.id == "public-private-balance.under-undated" && noted.severity == .note)
    }

    @Test("A member-interests cluster under 50% is told it is expected above it")
    func memberInterests() throws {
        var budget = try exampleBudget("mecabourg-2013")
        budget.cluster.purpose = .memberInterests
        let balance = try #require(try diagnostics(of: "public-private-balance", on: budget).first)
        #expect(balance.message.id == "public-private-balance.member-interests")
        #expect(balance.message.rendered(in: .french).contains(FrenchTypography.applied(to: "« Autofinancement > 50 % »")))
        let profile = try #require(try diagnostics(of: "cluster-profile", on: budget).first)
        #expect(profile.message.rendered(in: .english).contains("« Défense d'intérêts privés »"))
    }

    @Test("Soliage 2013, two years old at 42%: notes only, from every 50/50 rule")
    func young() throws {
        // « Date de création : 2011 »; 2013: 210 k€ of self-financing in 500 k€ (p. 60).
        let history = try historyExample("soliage-2012-2013")
        let soliage = history.cluster
        #expect(soliage.founded == 2011)
        let budget = Budget.balanced(
            soliage, resources: [.line(.otherPublic, 290_000), .line(.membershipFees, 210_000)])
        var found = try check(budget, with: .all).diagnostics
        var behind = history
        behind.years[1].published?.selfFinancing = Share(percent: 30)
        found += try Engine(ruleSet: .all, catalog: .builtIn).check(behind).flatMap(\.diagnostics)
        let fiftyFifty = found.filter {
            ["public-private-balance", "transition-trajectory", "success-fee-requalification"].contains($0.ruleID.description)
        }
        #expect(fiftyFifty.map(\.ruleID.description).sorted() == ["public-private-balance", "transition-trajectory"])
        #expect(fiftyFifty.allSatisfy { $0.severity == .note })
        let balance = try #require(fiftyFifty.first { $0.ruleID == "public-private-balance" })
        #expect(balance.measuredShare == Share(percent: 42))
        #expect(balance.message.rendered(in: .english).contains("2 years old"))
        // A young cluster gets a note even where the pole preset would make it an error.
        var pole = budget
        pole.cluster.kind = .pole
        pole.year = 2016
        pole.cluster.founded = 2014
        #expect(try check(pole, with: .pole).diagnostics.first { $0.ruleID == "public-private-balance" }?.severity == .note)
    }

    @Test("Neopolia: fees and billing share one line, so no « 0% billed » warning, a note that says why")
    func neopolia() throws {
        let budget = try exampleBudget("neopolia-2013")
        let report = try check(budget, with: .all)
        for id in ["billed-revenue-floor", "membership-fee-floor"] {
            let found = try #require(report.diagnostics.first { $0.ruleID.description == id })
            #expect(found.severity == .note)
            #expect(found.measured == nil, "no share the table does not support")
            #expect(found.lines == ["members"])
            #expect(found.message.rendered(in: .english).contains("between 0% and 31%"), "380 of 1,227 k€")
        }
        #expect(!report.diagnostics.contains { $0.measured == .share(.zero) })
        // Fees of 500 € to 1,500 € for 170 members make at most 255,000 €: the line cannot be fees alone.
        #expect(budget.provenance?.notes?.contains("255,000") == true)
    }

    @Test("Targets as a list, each with basis and source; the object form stays a list of one; bad input names the field")
    func decoding() throws {
        func decode(_ targets: String, purpose: String = "mixed") throws(InputError) -> Budget {
            let json = """
                { "format": "clusterkit.budget/1", "cluster": { "name": "Cosmetic Valley", "kind": "pole", "purpose": "\(purpose)",
                  "targets": \(targets) }, "year": 2013,
                  "resources": [{ "source": "membershipFees", "amount": 200000 }], "expenses": [{ "id": "e", "amount": 200000 }] }
                """
            return try BudgetDecoder().decode(Data(json.utf8), file: "cv.json").budget
        }
        let list = try decode("""
            [{ "privateShare": 0.5, "year": 2016, "basis": "gross", "source": "Contrat de performance 2013-2018" },
             { "privateShare": 0.75, "year": 2018, "basis": "net" }]
            """)
        #expect(list.cluster.targetList.count == 2)
        #expect(list.cluster.targetList[1].basis == .net && list.cluster.targetList[0].source == "Contrat de performance 2013-2018")
        #expect(list.cluster.purpose == .mixed)
        let object = try decode(#"{ "privateShare": 0.5, "year": 2016 }"#)
        #expect(object.cluster.targetList == [FundingTargets(privateShare: Share(percent: 50), year: 2016)])

        let outOfRange = try #require(throws: InputError.self) { try decode(#"[{ "privateShare": 0.5 }, { "privateShare": 1.5 }]"#) }
        #expect(outOfRange.file == "cv.json")
        #expect(outOfRange.path == "cluster.targets[1].privateShare", "\(outOfRange)")
        let basis = try #require(throws: InputError.self) { try decode(#"{ "privateShare": 0.5, "basis": "brut" }"#) }
        #expect(basis.path == "cluster.targets.basis" && basis.reason.contains("gross, net"), "\(basis)")
        let purpose = try #require(throws: InputError.self) { try decode("[]", purpose: "public") }
        #expect(purpose.path == "cluster.purpose" && purpose.reason.contains("publicService"), "\(purpose)")
        // Written back, one target is an object and several a list.
        let written = try JSONEncoder().encode(list)
        #expect(try BudgetDecoder().decode(written).budget == list)
    }
}
