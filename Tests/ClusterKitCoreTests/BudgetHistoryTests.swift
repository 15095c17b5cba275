import ClusterKitCore
import ClusterKitReports
import Foundation
import Testing
import TestSupport

/// A `clusterkit.history/1` document around the given `years` JSON.
private func historyDocument(_ years: String, cluster: String = #"{ "name": "Test", "kind": "grappe", "founded": 2005 }"#) -> Data {
    Data(#"{ "format": "clusterkit.history/1", "cluster": \#(cluster), "years": \#(years) }"#.utf8)
}

/// The input error of decoding a history, if any.
private func historyError(_ data: Data) -> InputError? {
    do {
        _ = try HistoryDecoder().decode(data, file: "h.json").history
        return nil
    } catch {
        return error
    }
}

private let fullYear = #"""
    { "year": 2013, "total": 620000, "selfFinancing": 0.35, "members": 220,
      "resources": [ { "id": "region", "source": "region", "amount": 550000 },
                     { "id": "companies", "source": "membershipFees", "amount": 170000 } ],
      "expenses": [ { "id": "operating", "amount": 200000, "nature": "operating" },
                    { "id": "actions", "amount": 420000 } ] }
    """#

@Suite("Budget histories: clusterkit.history/1")
struct BudgetHistoryDecodingTests {
    @Test("Years are full budgets or summaries, in any order; full years inherit the cluster and the row's members")
    func decodes() throws {
        let history = try HistoryDecoder().decode(
            historyDocument(#"[\#(fullYear), { "year": 2010, "total": 560000, "selfFinancing": 0.25, "members": 170 }, { "year": 2012, "total": 326000 }]"#)).history
        #expect(history.years.map(\.year) == [2013, 2010, 2012], "the document's order is kept")
        #expect(history.chronologicalYears.map(\.year) == [2010, 2012, 2013])
        #expect(history.span == 2010...2013)
        let full = try #require(history.years[0].budget)
        #expect(full.cluster.name == "Test" && full.cluster.founded == 2005)
        #expect(full.cluster.members == 220, "the row's members")
        #expect(full.resources.count == 2 && full.expenses.count == 2)
        #expect(history.years[0].published == BudgetSummary(total: Money(major: 620_000), selfFinancing: Share(percent: 35), members: 220))
        #expect(!history.years[1].isFull)
        #expect(history.years[1].published?.selfFinancing == Share(percent: 25))
        #expect(history.years[2].published?.selfFinancing == nil, "« N.D. »: no share published")
        #expect(history.span == 2010...2013)
    }

    @Test("A history encodes back to the same history")
    func roundTrip() throws {
        let history = try HistoryDecoder().decode(
            historyDocument(#"[\#(fullYear), { "year": 2012, "total": 246000, "private": 60000 }]"#)).history
        let again = try HistoryDecoder().decode(try JSONEncoder().encode(history)).history
        #expect(again == history)
    }

    @Test("A full year of a history in another currency keeps the history's currency")
    func currency() throws {
        let data = Data(#"""
            { "format": "clusterkit.history/1", "cluster": { "name": "Test" }, "currency": "CHF",
              "years": [ { "year": 2013, "resources": [ { "source": "region", "amount": 10 } ],
                           "expenses": [ { "amount": 10 } ] } ] }
            """#.utf8)
        let history = try HistoryDecoder().decode(data).history
        #expect(history.years[0].budget?.currency == "CHF")
        #expect(history.years[0].budget?.resources[0].amount == Money(major: 10, currency: "CHF"))
    }

    @Test("Bad histories name the file, the year's place and the field", arguments: [
        (#"[{ "year": 2010, "total": 1 }, { "year": 2011, "total": 1 }, { "year": 2012, "total": 1 }, { "year": 2011, "total": 2 }]"#,
         "years[3].year", "appears twice (also years[1])"),
        (#"[{ "year": 2010 }]"#, "years[0]", "a year gives 'resources' and 'expenses'"),
        (#"[{ "year": 2010, "private": 5 }]"#, "years[0].private", "needs the year's 'total'"),
        (#"[{ "year": 2010, "total": 5, "private": 6 }]"#, "years[0].private", "more than the total"),
        (#"[{ "year": 2010, "total": 5, "selfFinancing": 1.5 }]"#, "years[0].selfFinancing", "is not a share"),
        (#"[{ "year": 2010, "totl": 5 }]"#, "years[0].totl", "did you mean 'total'"),
        (#"[{ "total": 5 }]"#, "years[0].year", "required field 'year' is missing"),
        (#"[]"#, "years", "at least one year"),
        (#"[{ "year": 2013, "resources": [] }]"#, "years[0].expenses", "required field 'expenses' is missing"),
        (#"[{ "year": 2013, "currency": "USD", "resources": [], "expenses": [] }]"#, "years[0].currency", "the history is in EUR"),
        (#"[{ "year": 2013, "resources": [ { "source": "regoin", "amount": 1 } ], "expenses": [ { "amount": 1 } ] }]"#,
         "years[0].resources[0].source", "did you mean 'region'"),
        (#"[{ "year": 2013, "resources": [ { "source": "region", "amount": -1 } ], "expenses": [] }]"#,
         "years[0].resources[0].amount", "negative amount"),
    ])
    func badHistory(_ years: String, path: String, reason: String) throws {
        let error = try #require(historyError(historyDocument(years)))
        #expect(error.file == "h.json")
        #expect(error.path == path)
        #expect(error.reason.contains(reason), "\(error)")
    }

    @Test("A history without a cluster or years is refused")
    func missingFields() throws {
        let noCluster = try #require(historyError(Data(#"{ "format": "clusterkit.history/1", "years": [] }"#.utf8)))
        #expect(noCluster.path == "cluster")
        let noYears = try #require(historyError(Data(#"{ "format": "clusterkit.history/1", "cluster": { "name": "X" } }"#.utf8)))
        #expect(noYears.path == "years")
    }

    @Test("A history built in code is checked like a decoded one")
    func validateInCode() throws {
        let summary = BudgetSummary(total: Money(major: 100))
        let duplicate = BudgetHistory(
            cluster: ClusterProfile(name: "X"), years: [.summary(2010, summary), .summary(2010, summary)])
        #expect(throws: InputError(path: "years[1].year", reason: "year 2010 appears twice (also years[0]): a history gives each year once")) {
            try CheckedHistory(duplicate)
        }
        #expect(throws: InputError.self) { try CheckedHistory(BudgetHistory(cluster: ClusterProfile(name: "X"), years: [])) }
    }

    @Test("BudgetDocument reads either format by its format field")
    func documents() throws {
        let history = try BudgetDocument(decoding: historyDocument(#"[{ "year": 2010, "total": 5 }]"#))
        guard case .history(let decoded) = history else { Issue.record("not a history"); return }
        #expect(decoded.years.count == 1)
        let withoutFormat = try BudgetDocument(decoding: Data(#"{ "cluster": { "name": "X" }, "years": [{ "year": 2010, "total": 5 }] }"#.utf8))
        guard case .history = withoutFormat else { Issue.record("a document with years is a history"); return }
        let budget = try BudgetDocument(decoding: Data(#"""
            { "format": "clusterkit.budget/1", "cluster": { "name": "X" }, "year": 2013,
              "resources": [ { "source": "region", "amount": 1 } ], "expenses": [ { "amount": 1 } ] }
            """#.utf8))
        guard case .budget(let one) = budget else { Issue.record("not a budget"); return }
        #expect(one.year == 2013)
        #expect(throws: InputError(file: "x.json", path: "format", reason: "unknown format 'clusterkit.history/2': ClusterKit reads 'clusterkit.budget/1' and 'clusterkit.history/1'")) {
            try BudgetDocument(decoding: Data(#"{ "format": "clusterkit.history/2" }"#.utf8), file: "x.json")
        }
        let broken = try #require(throws: InputError.self) { try BudgetDocument(decoding: Data("{ \"format\": ".utf8)) }
        #expect(broken.reason.hasPrefix("not valid JSON"))
    }
}

@Suite("Glide paths and trajectories")
struct GlidePathTests {
    @Test("From 25% in 2010 to 50% in 2016, the path requires 37.5% in 2013, exactly")
    func craPath() {
        let path = GlidePath(baselineYear: 2010, baselineShare: Share(percent: 25), target: Share(percent: 50), targetYear: 2016)
        #expect(path.required(in: 2009) == nil)
        #expect(path.required(in: 2010) == Share(percent: 25))
        #expect(path.required(in: 2013) == Share(375, over: 1000))
        #expect(path.required(in: 2011) == Share(175, over: 600), "25% + 25%/6")
        #expect(path.required(in: 2016) == Share(percent: 50))
        #expect(path.required(in: 2020) == Share(percent: 50))
    }

    @Test("A baseline already at the target requires the target all along")
    func flat() {
        let path = GlidePath(baselineYear: 2011, baselineShare: Share(percent: 60), target: Share(percent: 50), targetYear: 2016)
        #expect(path.required(in: 2012) == Share(percent: 50))
    }

    @Test("Huge terms do not trap: the required share is rounded to 12 decimals")
    func hugeTerms() throws {
        let path = GlidePath(
            baselineYear: 2000, baselineShare: Share(Int64.max / 3, over: Int64.max - 1),
            target: Share(Int64.max / 2 + 7, over: Int64.max), targetYear: 2200)
        let required = try #require(path.required(in: 2100))
        #expect(required > path.baselineShare && required < path.target)
    }

    @Test("Distance between shares is exact")
    func distance() {
        #expect(Share(percent: 30).distance(to: Share(170_000, over: 720_000)) == Share(23, over: 360), "30% − 23.61% = 6.39 points")
        #expect(Share(percent: 50).distance(to: Share(percent: 52)) == Share(percent: 2))
    }

    @Test("The private revenue to add to a published share: R·(t − s)/(1 − t), up to the cent")
    func additionFromShare() {
        let published = PrivateShareFigure(share: Share(percent: 35), whole: Money(major: 620_000), source: .published)
        #expect(published.additionToReach(Share(375, over: 1000)) == Money(major: 24_800))
        #expect(published.additionToReach(Share(percent: 30)) == .zero())
        #expect(published.additionToReach(.one) == nil)
        let shareOnly = PrivateShareFigure(share: Share(percent: 35), whole: nil, source: .published)
        #expect(shareOnly.additionToReach(Share(percent: 50)) == nil)
        let thirds = PrivateShareFigure(share: Share(1, over: 3), whole: Money(major: 100), source: .published)
        #expect(thirds.additionToReach(Share(percent: 50)) == Money(minorUnits: 3_334), "33.33… of 100 → 33.34 to add")
    }

    @Test("Gross and net parts of a budget's metrics: Neopolia 2013, 630 of 1,227 and 380 of 977")
    func bases() throws {
        let budget = Budget.balanced(
            ClusterProfile(name: "Neopolia"),
            resources: [.line(.membershipFees, 380_000), .line(.memberTime, 250_000), .line(.otherPublic, 597_000)])
        let metrics = try CheckedBudget(budget).metrics
        #expect(metrics.privateShareParts(.gross).part.amount == Money(major: 630_000))
        #expect(metrics.privateShareParts(.gross).whole == Money(major: 1_227_000))
        #expect(metrics.privateShareParts(.net).part.amount == Money(major: 380_000))
        #expect(metrics.privateShareParts(.net).whole == Money(major: 977_000))
        #expect(SelfFinancingBasis.gross.applying(to: ClusterProfile(name: "M", valuedTimeAllowed: false)) == .net)
    }
}

/// A trajectory rule for the engine's tests: reports the number of years with a known share.
private struct CountingTrajectoryRule: TrajectoryRule {
    static let count = MessageTemplate(id: "test.count", english: "{count} years", french: "{count} années")
    static let description = RuleDescription(
        id: RuleID("count-years", namespace: "test"),
        name: LocalizedText(english: "Count", french: "Compte"), rationale: LocalizedText(english: "Test.", french: "Test."),
        citation: Citation(document: "Test"), defaultSeverity: .note,
        messages: [count])

    func evaluate(history context: RuleContext) throws -> [Diagnostic] {
        guard let history = context.history else { return [] }
        let known = history.years.filter { $0.privateShare(basis: .gross, preferring: .published) != nil }
        return [context.diagnostic(Self.count, ["count": .integer(known.count)])]
    }
}

/// A per-year rule for the engine's tests: one note per budget.
private struct PerYearRule: Rule {
    static let year = MessageTemplate(id: "test.year", english: "{year}", french: "{year}")
    static let description = RuleDescription(
        id: RuleID("per-year", namespace: "test"),
        name: LocalizedText(english: "Year", french: "Année"), rationale: LocalizedText(english: "Test.", french: "Test."),
        citation: Citation(document: "Test"), defaultSeverity: .note,
        messages: [year])

    func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        [context.diagnostic(Self.year, ["year": .integer(context.budget.year)])]
    }
}

@Suite("The engine on histories")
struct HistoryEngineTests {
    @Test("Per-year rules run on each full year, oldest first; trajectory rules once, on the history as a whole")
    func runs() throws {
        let history = try HistoryDecoder().decode(
            historyDocument(#"[\#(fullYear), { "year": 2010, "total": 560000, "selfFinancing": 0.25 }, { "year": 2012, "total": 326000 }]"#)).history
        let engine = Engine(ruleSet: try RuleSet(name: "t", rules: [PerYearRule(), CountingTrajectoryRule()]))
        let reports = try engine.check(history, file: "h.json")
        #expect(reports.count == 2, "one full year, then the history")
        #expect(reports[0].budget?.year == 2013 && reports[0].trajectory == nil)
        #expect(reports[0].diagnostics.map { $0.message.rendered(in: .english) } == ["2013"])
        #expect(reports[1].budget == nil && reports[1].metrics == nil, "a history's report has no budget of its own")
        #expect(reports[1].cluster == history.cluster && reports[1].year == 2013)
        #expect(reports[1].file == "h.json")
        #expect(reports[1].diagnostics.map { $0.message.rendered(in: .english) } == ["2 years"], "2012 has no share")
        let trajectory = try #require(reports[1].trajectory)
        #expect(trajectory.points.map(\.year) == [2010, 2012, 2013])
        #expect(trajectory.points.map(\.privateShare) == [Share(percent: 25), nil, Share(percent: 35)])
        #expect(trajectory.path == nil, "without a trajectory rule that draws one, no required share")

        // Through inputs, as the command-line tool checks files.
        let report = try engine.check([BudgetInput(history: history, file: "h.json")])
        #expect(report.budgets.count == 2)
    }

    @Test("A trajectory rule on a single budget finds nothing")
    func singleBudget() throws {
        let engine = Engine(ruleSet: try RuleSet(name: "t", rules: [CountingTrajectoryRule()]))
        let budget = Budget.balanced(ClusterProfile(name: "X"), resources: [.line(.region, 1)])
        #expect(try engine.check(budget).diagnostics.isEmpty)
    }

    @Test("An invalid full year stops the whole history: nothing is half-reported")
    func invalid() throws {
        var history = BudgetHistory(
            cluster: ClusterProfile(name: "X"),
            years: [.summary(2010, BudgetSummary(total: Money(major: 1))),
                    .full(Budget.balanced(ClusterProfile(name: "X"), resources: [.line(RevenueSourceID(rawValue: "nope"), 1)]))])
        let engine = Engine(ruleSet: try RuleSet(name: "t", rules: [PerYearRule()]))
        #expect(throws: InputError.self) { try engine.check(history) }
        let error = try #require(throws: InputError.self) { try engine.check(history, file: "h.json") }
        #expect(error.path == "years[1].resources[0].source")
        history.years.removeLast()
        #expect(try engine.check(history).count == 1)
    }
}

@Suite("The words of a trajectory")
struct TrajectoryWordsTests {
    @Test("Every word has both languages; templates use the same placeholders in both")
    func translated() {
        for text in TrajectoryWords.allTexts {
            #expect(!text.english.isEmpty && !text.french.isEmpty && text.english != text.french, "\(text)")
        }
        for template in TrajectoryWords.allTemplates {
            #expect(Set(template.placeholders(in: .english)) == Set(template.placeholders(in: .french)), "\(template.id)")
        }
    }

    @Test("A trajectory as text: the path, then a line per year; an unknown year says so")
    func text() {
        let path = GlidePath(baselineYear: 2013, baselineShare: Share(percent: 45), target: Share(percent: 50), targetYear: 2016)
        let trajectory = Trajectory(
            basis: .gross, preferring: .published, path: path,
            points: [
                .init(year: 2012, figure: nil, required: nil),
                .init(year: 2013, figure: PrivateShareFigure(share: Share(percent: 45), whole: nil, source: .published), required: Share(percent: 45)),
            ])
        #expect(trajectory.text(cluster: "Mecabourg", place: "m.json", language: .english) == """
            Mecabourg 2012–2013 (m.json): private share by year, against the glide path from 45% in 2013 to 50% in 2016
                2012: n/a (not published), required n/a
                2013: 45% (published), required 45%

            """)
        #expect(trajectory.text(cluster: "Mecabourg", place: "m.json", language: .french).contains(FrenchTypography.applied(to: "    2012 : n.d. (non disponible), requis n.d.")))
    }
}
