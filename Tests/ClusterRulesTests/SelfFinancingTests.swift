import ClusterKitCore
import ClusterRules
import Foundation
import Testing
import TestSupport

/// Reads and checks a history of `Examples/`, by its file name without extension.
func historyExample(_ name: String) throws -> BudgetHistory {
    let url = repositoryRoot.appendingPathComponent("Examples/\(name).json")
    return try HistoryDecoder(catalog: .builtIn).decode(Data(contentsOf: url), file: "Examples/\(name).json").history
}

/// Runs one built-in rule alone, with parameters, on a history: the diagnostics of every report (years and whole).
func diagnostics(
    of id: RuleID, onHistory history: BudgetHistory, parameters: [String: ParameterValue] = [:]
) throws -> [Diagnostic] {
    let rule = try #require(BuiltInRules.rule(id), "no built-in rule \(id)")
    var ruleSet = try RuleSet(name: "test", rules: [rule])
    for (name, value) in parameters { ruleSet = try ruleSet.settingParameter(name, to: value, for: id) }
    return try Engine(ruleSet: ruleSet, catalog: .builtIn).check(history).flatMap(\.diagnostics)
}

/// A money amount of cents.
private func cents(_ units: Int64) -> Money { Money(minorUnits: units) }

extension BudgetHistory {
    /// A copy where the year's published row gains `amount` of private revenue: its total grows by it and its
    /// published share becomes (s·T + x) / (T + x), exactly — the way the trajectory's remediation is applied to a
    /// published figure.
    func addingPublishedPrivate(_ amount: Money, in year: Int) throws -> BudgetHistory {
        var copy = self
        let index = try #require(copy.years.firstIndex { $0.year == year })
        let row = try #require(copy.years[index].published)
        let total = try #require(row.total), share = try #require(row.selfFinancing)
        let newTotal = try total.adding(amount)
        copy.years[index].published?.total = newTotal
        copy.years[index].published?.selfFinancing = Share(
            share.numerator * total.minorUnits + share.denominator * amount.minorUnits,
            over: share.denominator * newTotal.minorUnits)
        return copy
    }
}

@Suite("Neopolia 2013: gross and net self-financing")
struct NeopoliaTests {
    @Test("1,227 kEUR: 51.3% gross (« 50 % brut ») and 38.9% net; valued time and CCI unsplit, 0 to 20.4%: a note")
    func figures() throws {
        let budget = try exampleBudget("neopolia-2013")
        let metrics = try CheckedBudget(budget, catalog: .builtIn).metrics
        #expect(metrics.totalResources == Money(major: 1_227_000) && metrics.totalExpenses == Money(major: 1_227_000))
        #expect(metrics.selfFinancingGross == Share(630_000, over: 1_227_000))
        #expect(metrics.selfFinancingGross?.rounded(toPlaces: 3) == Decimal(string: "0.513"))
        #expect(metrics.selfFinancingNet == Share(380_000, over: 977_000))
        #expect(metrics.selfFinancingNet?.rounded(toPlaces: 3) == Decimal(string: "0.389"))

        // « Ressources internes (temps entreprise et CCI) » holds the CCI's secondment with the companies' time, unsplit
        // (includes consularChambers): the members' time lies between 0 and 20.4%, and the 15% ceiling is a note.
        let valued = try #require(try diagnostics(of: "valued-time-ceiling", on: budget).first)
        #expect(valued.message.id == "valued-time-ceiling.undecided")
        #expect(valued.severity == .note)
        #expect(valued.threshold == .share(Share(percent: 15)))
        #expect(valued.message.rendered(in: .english).contains("between 0% and 20.4%"))
        // Without the mark, the whole 250 k€ is the companies' time: 20.4% > 15%, and the fix is computed on it.
        var unmarked = budget
        unmarked.resources[1].includes = []
        let over = try #require(try diagnostics(of: "valued-time-ceiling", on: unmarked).first)
        #expect(over.severity == .warning)
        #expect(over.measuredShare == Share(250_000, over: 1_227_000))
        #expect(over.measuredShare?.rounded(toPlaces: 3) == Decimal(string: "0.204"))
        let remove = try #require(over.remediation?.amount)
        #expect(remove == cents(7_758_824), "(250,000 − 15% × 1,227,000) / 85%, up to the cent")
        let fixed = try unmarked.setting("internal-resources", to: try Money(major: 250_000).subtracting(remove))
        #expect(try diagnostics(of: "valued-time-ceiling", on: fixed).isEmpty)
    }

    @Test("Gross meets the 50/50 target, net does not: 217,000 of private cash to add, or 108,500 to move")
    func balance() throws {
        let budget = try exampleBudget("neopolia-2013")
        #expect(try diagnostics(of: "public-private-balance", on: budget).isEmpty, "51.3% gross")
        #expect(try diagnostics(of: "declared-figures", on: budget).isEmpty, "« 50 % brut » published, 51.3% computed")

        let net = try #require(try diagnostics(of: "public-private-balance", on: budget, parameters: ["basis": .text("net")]).first)
        #expect(net.measuredShare == Share(380_000, over: 977_000))
        #expect(net.message.rendered(in: .english).contains("38.9%"))
        #expect(net.message.rendered(in: .english).contains("net, cash only"))
        let add = try #require(net.remediation?.amount)
        #expect(add == Money(major: 217_000), "R(cash) − 2·Priv(cash) = 977,000 − 760,000")
        let grown = budget.adding(.line(.services, 217_000, id: "new-services"))
        #expect(try diagnostics(of: "public-private-balance", on: grown, parameters: ["basis": .text("net")]).isEmpty)

        let move = try #require(net.remediation?.alternatives.first?.amount)
        #expect(move == Money(major: 108_500), "50% × 977,000 − 380,000")
        var moved = try budget.setting("subsidies", to: try Money(major: 597_000).subtracting(move))
        moved = try moved.setting("members", to: try Money(major: 380_000).adding(move))
        #expect(try diagnostics(of: "public-private-balance", on: moved, parameters: ["basis": .text("net")]).isEmpty)
    }
}

@Suite("Cluster Rhône-Alpes Eco-énergies 2010–2013: the transition period")
struct EcoEnergiesTests {
    @Test("The memento's history: 560/600/550/620 k€, 25/25/30/35%, 170/200/210/220 members")
    func history() throws {
        let history = try historyExample("cra-eco-energies-2010-2013")
        let years = history.chronologicalYears
        #expect(years.map(\.year) == [2010, 2011, 2012, 2013])
        #expect(years.map(\.published?.total) == [560_000, 600_000, 550_000, 620_000].map { Money(major: $0) })
        #expect(years.map(\.published?.selfFinancing) == [25, 25, 30, 35].map { Share(percent: $0) })
        #expect(years.map(\.published?.members) == [170, 200, 210, 220])
        let table = try #require(years[3].budget)
        #expect(table.cluster.declared?.selfFinancing == Share(percent: 30), "the key figures' « 30 % »")
        #expect(table.cluster.members == 220 && table.cluster.founded == 2005)
    }

    @Test("Target 50% in 2016 from a 2010 baseline: 2013 gets transition-trajectory, 35% against 37.5%")
    func trajectory() throws {
        var history = try historyExample("cra-eco-energies-2010-2013")
        history.cluster.targets = FundingTargets(privateShare: Share(percent: 50), year: 2016, baselineYear: 2010)
        let found = try diagnostics(of: "transition-trajectory", onHistory: history)
        #expect(found.count == 1, "behind in 2013, never falling")
        let behind = try #require(found.first)
        #expect(behind.severity == .warning, "founded 2005: 8 years old")
        #expect(behind.measuredShare == Share(percent: 35))
        #expect(behind.threshold == .share(Share(375, over: 1000)))
        #expect(behind.message.rendered(in: .english).contains("37.5%"))
        #expect(behind.message.rendered(in: .french).contains("37,5\u{00A0}%"))
        #expect(behind.citation?.location?.contains("p. 21") == true)

        // The target's baseline unsaid: no path (a path never starts before the target was set); before 2016, a note
        // with the distance (50% − 35% = 15 points) and the years left (3).
        var unsaid = history
        unsaid.cluster.targets = FundingTargets(privateShare: Share(percent: 50), year: 2016)
        let ahead = try #require(try diagnostics(of: "transition-trajectory", onHistory: unsaid).first)
        #expect(ahead.message.id == "transition-trajectory.ahead" && ahead.severity == .note)
        #expect(ahead.measured == behind.measured && ahead.threshold == .share(Share(percent: 50)))
        #expect(ahead.message.rendered(in: .english).contains("15 percentage points short of the 50% target due by 2016; 3 years are left"))
        #expect(ahead.message.rendered(in: .french).contains("il reste 3\u{00A0}ans") || ahead.message.rendered(in: .french).contains("il reste 3 ans"))

        // With the defaults, a grappe has no dated target — the memento gives the grappes no 2016 — so no path.
        var undated = history
        undated.cluster.targets = nil
        #expect(try diagnostics(of: "transition-trajectory", onHistory: undated).isEmpty)
        // A pôle of the 2013–2018 performance contracts: 50% by 2016 by default, with no baseline: a note, never
        // « en retard » on a path that was never drawn.
        undated.cluster.kind = .pole
        let pole = try diagnostics(of: "transition-trajectory", onHistory: undated)
        #expect(pole.map(\.measured) == [behind.measured] && pole.map(\.message.id.rawValue) == ["transition-trajectory.ahead"])
        let poleTrajectory = try #require(try Engine(ruleSet: .pole, catalog: .builtIn).check(undated).last?.trajectory)
        #expect(poleTrajectory.path == nil && poleTrajectory.points.allSatisfy { !$0.isBehind }, "no target of its own: no year behind")

        // The remediation: 24,800 of private revenue in 2013, on the published 620,000 — then on the path.
        let add = try #require(behind.remediation?.amount)
        #expect(add == Money(major: 24_800), "620,000 × (37.5% − 35%) / 62.5%")
        // On the path then, 12.5 points short of the target: a note.
        let fixed = try history.addingPublishedPrivate(add, in: 2013)
        #expect(try diagnostics(of: "transition-trajectory", onHistory: fixed).map(\.message.id.rawValue) == ["transition-trajectory.on-path"])
        #expect(try diagnostics(of: "transition-trajectory", onHistory: fixed).allSatisfy { $0.severity == .note })
        let short = try history.addingPublishedPrivate(try add.subtracting(cents(1)), in: 2013)
        #expect(try diagnostics(of: "transition-trajectory", onHistory: short).map(\.message.id.rawValue) == ["transition-trajectory.behind"], "one cent less is not enough")
    }

    @Test("The report's trajectory: year, private share, required share")
    func reportTrajectory() throws {
        var history = try historyExample("cra-eco-energies-2010-2013")
        history.cluster.targets = FundingTargets(privateShare: Share(percent: 50), year: 2016, baselineYear: 2010)
        let reports = try Engine(ruleSet: .grappe, catalog: .builtIn).check(history)
        let trajectory = try #require(reports.last?.trajectory)
        #expect(trajectory.points.map(\.year) == [2010, 2011, 2012, 2013])
        #expect(trajectory.points.map(\.required) == [Share(percent: 25), Share(175, over: 600), Share(200, over: 600), Share(375, over: 1000)])
        #expect(trajectory.points.map(\.isBehind) == [false, true, true, true])
        #expect(reports.count == 2, "the 2013 table, then the history")
        // Set in 2012: no year before it is behind.
        history.cluster.targets = FundingTargets(privateShare: Share(percent: 50), year: 2016, baselineYear: 2012)
        let later = try #require(try Engine(ruleSet: .grappe, catalog: .builtIn).check(history).last?.trajectory)
        #expect(later.points.map(\.required) == [nil, nil, Share(percent: 30), Share(350, over: 1000)])
        #expect(later.points.map(\.isBehind) == [false, false, false, false])
    }

    @Test("Computed figures first: 23.6% in 2013 from the table, a fall from 30% and 160,000 to catch up")
    func computedFigures() throws {
        var history = try historyExample("cra-eco-energies-2010-2013")
        history.cluster.targets = FundingTargets(privateShare: Share(percent: 50), year: 2016, baselineYear: 2010)
        let parameters: [String: ParameterValue] = ["figures": .text("computed")]
        let found = try diagnostics(of: "transition-trajectory", onHistory: history, parameters: parameters)
        let behind = try #require(found.first { $0.message.id == "transition-trajectory.behind" })
        #expect(behind.measuredShare == Share(170_000, over: 720_000))
        #expect(behind.lines == ["companies"])
        #expect(behind.remediation?.amount == Money(major: 160_000), "(37.5% × 720,000 − 170,000) / 62.5%")
        let fall = try #require(found.first { $0.message.id == "transition-trajectory.fall" })
        #expect(fall.threshold == .share(Share(percent: 30)))
        let recover = try #require(fall.remediation?.amount)
        #expect(recover == cents(6_571_429), "(30% × 720,000 − 170,000) / 70%, up to the cent")

        for (amount, message) in [(Money(major: 160_000), "transition-trajectory.behind"), (recover, "transition-trajectory.fall")] {
            var fixed = history
            let index = try #require(fixed.years.firstIndex { $0.year == 2013 })
            fixed.years[index].budget?.resources.append(ResourceLine(id: "new", source: .services, amount: amount))
            let after = try diagnostics(of: "transition-trajectory", onHistory: fixed, parameters: parameters)
            #expect(!after.contains { $0.message.id.rawValue == message }, "\(message) fixed by \(amount)")
        }
    }

    @Test("The 2013 table (550,000 + 170,000 against 620,000, 30% published) gets budget-balance and declared-figures")
    func table() throws {
        let history = try historyExample("cra-eco-energies-2010-2013")
        let table = try #require(history.chronologicalYears.last?.budget)
        let report = try check(table, with: .grappe)
        let balance = try #require(report.diagnostics.first { $0.ruleID == "budget-balance" })
        #expect(balance.severity == .error)
        #expect(balance.measured == .money(Money(major: 100_000)))
        #expect(balance.message.rendered(in: .english).contains("expenses are short"))
        let declared = try #require(report.diagnostics.first { $0.ruleID == "declared-figures" })
        #expect(declared.severity == .warning)
        #expect(declared.measuredShare == Share(23, over: 360), "30% against 23.6%: 6.4 points apart")
        #expect(declared.threshold == .share(Share(percent: 2)))
        let message = declared.message.rendered(in: .english)
        #expect(message.contains("30%") && message.contains("23.6%"))

        // Remediations: account for the 100,000 of expenses; reach 50% private.
        var balanced = table
        balanced.expenses.append(ExpenseLine(id: "missing", amount: try #require(balance.remediation?.amount)))
        #expect(try diagnostics(of: "budget-balance", on: balanced).isEmpty)
        let fifty = try #require(report.diagnostics.first { $0.ruleID == "public-private-balance" })
        #expect(fifty.remediation?.amount == Money(major: 380_000), "720,000 − 2 × 170,000")
        #expect(try diagnostics(of: "public-private-balance", on: table.adding(.line(.services, 380_000, id: "new"))).isEmpty)
        let move = try #require(fifty.remediation?.alternatives.first?.amount)
        #expect(move == Money(major: 190_000))
        let moved = try table.setting("region", to: Money(major: 360_000)).setting("companies", to: Money(major: 360_000))
        #expect(try diagnostics(of: "public-private-balance", on: moved).isEmpty)
    }
}

@Suite("The 50/50 target for pôles: an error from its year")
struct PoleTargetTests {
    /// A pôle's balanced budget: `privateShare` percent of 1,000,000 private (membership fees), the rest State.
    func poleBudget(_ year: Int, privatePercent: Int64, targets: FundingTargets? = nil) -> Budget {
        Budget.balanced(
            ClusterProfile(name: "Pôle", kind: .pole, founded: 2005, members: 120, targets: targets), year: year,
            resources: [.line(.state, 10_000 * (100 - privatePercent)), .line(.membershipFees, 10_000 * privatePercent)])
    }

    func balance(_ budget: Budget, _ ruleSet: RuleSet) throws -> [Diagnostic] {
        try check(budget, with: ruleSet).diagnostics.filter { $0.ruleID == "public-private-balance" }
    }

    @Test("2016 under 50%: an error; 2014: a warning; exactly 50%: nothing")
    func severities() throws {
        let error = try #require(try balance(poleBudget(2016, privatePercent: 45), .pole).first)
        #expect(error.severity == .error)
        #expect(error.message.rendered(in: .english).contains("due by 2016"))
        #expect(try balance(poleBudget(2017, privatePercent: 45), .pole).first?.severity == .error)
        // Two years before the target's year: the distance and the years left, a note.
        #expect(try balance(poleBudget(2014, privatePercent: 45), .pole).first?.severity == .note)
        #expect(try balance(poleBudget(2014, privatePercent: 45), .pole).first?.message.id == "public-private-balance.ahead")
        #expect(try balance(poleBudget(2016, privatePercent: 50), .pole).isEmpty)
        #expect(try balance(poleBudget(2014, privatePercent: 50), .pole).isEmpty)
        #expect(try balance(poleBudget(2016, privatePercent: 45), .grappe).first?.severity == .warning, "a warning outside the pole preset")

        // R − 2·Priv = 1,000,000 − 900,000 to add; 50,000 to move: each makes the error pass.
        let budget = poleBudget(2016, privatePercent: 45)
        #expect(error.remediation?.amount == Money(major: 100_000))
        #expect(try balance(budget.adding(.line(.services, 100_000, id: "new")), .pole).isEmpty)
        #expect(error.remediation?.alternatives.first?.amount == Money(major: 50_000))
        let moved = try budget.setting("state", to: Money(major: 500_000)).setting("membershipFees", to: Money(major: 500_000))
        #expect(try balance(moved, .pole).isEmpty)
    }

    @Test("The cluster's own targets set the year and the share, unless the rule set sets them")
    func targets() throws {
        let later = FundingTargets(privateShare: Share(percent: 50), year: 2018)
        #expect(try balance(poleBudget(2016, privatePercent: 45, targets: later), .pole).first?.severity == .note, "due in 2018")
        let lower = FundingTargets(privateShare: Share(percent: 40))
        #expect(try balance(poleBudget(2016, privatePercent: 45, targets: lower), .pole).isEmpty)
        let strict = try RuleSet.pole.settingParameter("target", to: .share(Share(percent: 50)), for: "public-private-balance")
            .settingParameter("targetYear", to: .integer(2016), for: "public-private-balance")
        #expect(try balance(poleBudget(2016, privatePercent: 45, targets: later), strict).first?.severity == .error)
        #expect(try balance(poleBudget(2016, privatePercent: 45, targets: lower), strict).first?.severity == .error)
    }
}

@Suite("Soliage, Silicon Sentier, Mecabourg: the memento's other histories")
struct OtherHistoriesTests {
    @Test("Soliage 2012–2013: 60 of 246 and 210 of 500 k€ (24.4% and 42%), 40% published; on its path to 50% in 2014")
    func soliage() throws {
        let history = try historyExample("soliage-2012-2013")
        let figures = try CheckedHistory(history, catalog: .builtIn).metrics
        let rows = figures.years.compactMap(\.published)
        let shares = rows.map { row in row.privateResources.flatMap { part in row.total.flatMap { Share(part, of: $0) } } }
        #expect(shares == [Share(60_000, over: 246_000), Share(percent: 42)])
        #expect(shares[0]?.rounded(toPlaces: 3) == Decimal(string: "0.244"))
        let trajectory = figures.trajectory(basis: .gross, preferring: .published)
        #expect(trajectory.points.map(\.privateShare) == [Share(60_000, over: 246_000), Share(percent: 40)],
                "the published « 40 % » comes first; 2012 publishes only amounts")
        #expect(figures.years[1].age == 2, "founded 2011")
        // 40% against the path's 37.2% (24.4% in 2012 to 50% in 2014, halfway): on it, a note.
        let onPath = try diagnostics(of: "transition-trajectory", onHistory: history)
        #expect(onPath.map(\.message.id.rawValue) == ["transition-trajectory.on-path"] && onPath.allSatisfy { $0.severity == .note })
        #expect(onPath.first?.threshold == .share(Share(183, over: 492)), "(60/246 + 123/246) / 2")
        #expect(onPath.first?.measuredShare == Share(percent: 40))

        // Two years old and behind: a note, not a warning.
        var behind = history
        behind.years[1].published?.selfFinancing = Share(percent: 30)
        let note = try #require(try diagnostics(of: "transition-trajectory", onHistory: behind).first)
        #expect(note.severity == .note)
        #expect(note.message.id == "transition-trajectory.behind-young")
        #expect(note.message.rendered(in: .english).contains("2 years old"))
    }

    @Test("Silicon Sentier 2011–2013: about 2 M€ and 50% every year; its 75% by the end of 2014, set in 2013, starts its path in 2013")
    func siliconSentier() throws {
        var history = try historyExample("silicon-sentier-2011-2013")
        #expect(history.chronologicalYears.map(\.published?.total) == [2_000_000, 1_900_000, 2_000_000].map { Money(major: $0) })
        #expect(history.cluster.targets?.privateShare == Share(percent: 75) && history.cluster.targets?.year == 2014,
                "« Autofinancement de 75 % visé à moyen terme (fin 2014) »")
        #expect(history.cluster.targets?.baselineYear == 2013, "set in 2013 (inferred, recorded in the target's source)")
        let reports = try Engine(ruleSet: .grappe, catalog: .builtIn).check(history)
        #expect(reports.count == 1, "no full year: the history alone")
        #expect(reports[0].diagnostics.count == 1)
        let onPath = try #require(reports[0].diagnostics.first)
        #expect(onPath.message.id == "transition-trajectory.on-path" && onPath.severity == .note)
        #expect(onPath.measuredShare == Share(percent: 50) && onPath.threshold == .share(Share(percent: 50)), "the path's start")
        #expect(onPath.message.rendered(in: .english).contains("25 percentage points short of the target"))
        // 2011 and 2012 are before the target was set: never « en retard ».
        let trajectory = try #require(reports[0].trajectory)
        #expect(trajectory.points.map(\.required) == [nil, nil, Share(percent: 50)])
        #expect(trajectory.points.allSatisfy { !$0.isBehind })
        // The year it was set unsaid: no path, the distance and the year left.
        history.cluster.targets?.baselineYear = nil
        let ahead = try #require(try Engine(ruleSet: .grappe, catalog: .builtIn).check(history)[0].diagnostics.first)
        #expect(ahead.message.id == "transition-trajectory.ahead" && ahead.severity == .note)
        #expect(ahead.message.rendered(in: .english).contains("25 percentage points short of the 75% target due by 2014; 1 year is left"))
        // Without its target, a grappe's 50% « à terme » has no date: nothing to report.
        history.cluster.targets = nil
        #expect(try Engine(ruleSet: .grappe, catalog: .builtIn).check(history)[0].diagnostics.isEmpty)
        #expect(reports[0].trajectory?.points.map(\.privateShare) == Array(repeating: Share(percent: 50), count: 3))
    }

    @Test("Mecabourg 2012–2013: 326 k€ and N.D., then the 2013 budget of Examples/mecabourg-2013.json")
    func mecabourg() throws {
        let history = try historyExample("mecabourg-2012-2013")
        let year2013 = try #require(history.chronologicalYears.last?.budget)
        let budget = try exampleBudget("mecabourg-2013")
        #expect(year2013.resources == budget.resources && year2013.expenses == budget.expenses)
        #expect(year2013.cluster == budget.cluster)
        let reports = try Engine(ruleSet: .grappe, catalog: .builtIn).check(history)
        let trajectory = try #require(reports.last?.trajectory)
        #expect(trajectory.points.map(\.privateShare) == [nil, Share(percent: 45)], "« N.D. » in 2012")
        #expect(trajectory.path == nil, "« à terme, un objectif d'autofinancement de 50 % »: no date, no path")
        #expect(!reports.flatMap(\.diagnostics).contains { $0.ruleID == "transition-trajectory" })
    }

    @Test("A fall from 48% to 45%: a warning, and 5,769.24 to add to get back to 48%")
    func fall() throws {
        let history = BudgetHistory(
            cluster: ClusterProfile(
                name: "Grappe", kind: .grappe, founded: 2005, targets: FundingTargets(privateShare: Share(percent: 50), year: 2016)),
            years: [
                .summary(2011, BudgetSummary(total: Money(major: 100_000), selfFinancing: Share(percent: 48))),
                .summary(2012, BudgetSummary(total: Money(major: 100_000), selfFinancing: Share(percent: 45))),
            ])
        let found = try diagnostics(of: "transition-trajectory", onHistory: history)
        let fall = try #require(found.first { $0.message.id == "transition-trajectory.fall" })
        #expect(found.contains { $0.message.id == "transition-trajectory.ahead" }, "45% is 5 points short of 50% in 2016, no path: a note")
        #expect(fall.severity == .warning)
        #expect(fall.message.rendered(in: .english) == "The private share fell from 48% in 2011 to 45% in 2012 (as published).")
        let add = try #require(fall.remediation?.amount)
        #expect(add == cents(576_924), "100,000 × 3% / 52%, up to the cent")
        let fixed = try diagnostics(of: "transition-trajectory", onHistory: history.addingPublishedPrivate(add, in: 2012))
        #expect(!fixed.contains { $0.message.id == "transition-trajectory.fall" })
        let short = try diagnostics(
            of: "transition-trajectory", onHistory: history.addingPublishedPrivate(try add.subtracting(cents(1)), in: 2012))
        #expect(short.contains { $0.message.id == "transition-trajectory.fall" }, "one cent less is not enough")
    }
}

@Suite("animation-cost-coverage: Mecabourg's funders")
struct AnimationCostCoverageTests {
    @Test("Mecabourg 2013: 130,000 of private cash against 135,000 of animation, 5,000 short; opt-in")
    func mecabourg() throws {
        let budget = try exampleBudget("mecabourg-2013")
        let found = try #require(try diagnostics(of: "animation-cost-coverage", on: budget).first)
        #expect(found.measured == .money(Money(major: 130_000)) && found.threshold == .money(Money(major: 135_000)))
        #expect(found.remediation?.amount == Money(major: 5_000))
        #expect(try diagnostics(of: "animation-cost-coverage", on: budget.adding(.line(.services, 5_000, id: "new"))).isEmpty)
        let cut = try #require(found.remediation?.alternatives.first?.amount)
        var smaller = budget
        smaller.expenses[0].amount = try smaller.expenses[0].amount.subtracting(cut)
        #expect(try diagnostics(of: "animation-cost-coverage", on: smaller).isEmpty)

        #expect(!(try check(budget, with: .grappe).diagnostics.contains { $0.ruleID == "animation-cost-coverage" }), "opt-in")
        #expect(try check(budget, with: .all).diagnostics.contains { $0.ruleID == "animation-cost-coverage" })
    }
}
