import ClusterKitCore
import Foundation
import Testing
import TestSupport

@testable import ClusterKitReports

/// Mecabourg 2013 with two lines left out of the shares: interest (not funding) and a partner's share of an action
/// (passed on), listed out of the order of their ids.
private func mecabourgWithLeftOutLines() throws -> Budget {
    var budget = try mecabourg2013()
    budget.resources += [
        ResourceLine(id: "partner", source: .region, amount: Money(major: 10_000), action: "development", passThrough: true),
        ResourceLine(id: "interest", source: .financialIncome, amount: Money(major: 2_000)),
    ]
    return budget
}

@Suite("The renderers' one model")
struct ReportModelTests {
    @Test("The lines left out: built once, by id, with their totals by reason and the funding base")
    func leftOutLines() throws {
        let metrics = try CheckedBudget(try mecabourgWithLeftOutLines()).metrics
        let leftOut = LeftOutLines(metrics)
        #expect(leftOut.lines.map(\.id) == ["interest", "partner"])
        #expect(leftOut.lines.map(\.reason) == [.notFunding, .passThrough])
        #expect(leftOut.totals.map(\.reason) == [.notFunding, .passThrough])
        #expect(leftOut.totals.map(\.amount) == [Money(major: 2_000), Money(major: 10_000)])
        #expect(leftOut.fundingBase == Money(major: 290_000))
        #expect(leftOut.sentence(in: .english)
            == "shares computed on the funding base of €290,000.00; left out: interest €2,000.00 (not funding), partner €10,000.00 (passed on to partners)")
        #expect(LeftOutLines(try CheckedBudget(try mecabourg2013()).metrics).sentence(in: .french) == nil)
    }

    @Test("Every renderer prints the same left-out lines: the text line, the Markdown sentence, the table rows, JSON")
    func leftOutEverywhere() throws {
        let budget = try mecabourgWithLeftOutLines()
        let report = try probeReport(budget)
        let sentence = try #require(LeftOutLines(try CheckedBudget(budget).metrics).sentence(in: .english))
        #expect(TextReportRenderer().render(report).contains("\n  " + sentence + "\n"))
        #expect(MarkdownReportRenderer().render(report).contains("\n" + MarkdownReportRenderer().escape(sentence) + "\n\n"))
        let table = MetricsTable(try CheckedBudget(budget).metrics).cells(in: .english)
        #expect(table[1] == ["Not funding (financial and exceptional income, reversals, transfers): left out of the shares", "€2,000.00", "0.7%"])
        #expect(table[2] == ["Passed on to partners: left out of the shares", "€10,000.00", "3.3%"])
        #expect(table[3][0] == "Funding base, on which the shares are computed")
        let html = HTMLReportRenderer().render(report)
        #expect(html.contains("<tr class=\"left-out\"><th scope=\"row\">Passed on to partners: left out of the shares</th>"))
        let json = JSONReportRenderer().render(report)
        #expect(json.contains("\"line\" : \"interest\",\n"))
        #expect(json.contains("\"reason\" : \"passThrough\"\n"))
    }

    @Test("A diagnostic's figures, chosen once: each renderer formats them")
    func diagnosticFigures() throws {
        let report = try probeReport(try mecabourg2013())
        let diagnostic = try #require(report.budgets.first?.diagnostics.first)
        #expect(DiagnosticFigure.of(diagnostic).map { $0.label(.english) } == ["measured", "threshold", "lines"])
        #expect(DiagnosticFigure.line(of: diagnostic, language: .english) == "measured 32.8%; threshold 40%; lines fees")
        let french = ValueFormatter(language: .french)
        let expected = "mesuré \(french.string(Share(95_000, over: 290_000))) ; seuil \(french.string(Share(percent: 40))) ; lignes `fees`"
        #expect(DiagnosticFigure.line(of: diagnostic, language: .french, line: { "`\($0)`" }) == expected)
        let remediation = try #require(diagnostic.remediation)
        #expect(remediation.worded.map { $0.word(.english) } == ["fix:"] + remediation.alternatives.map { _ in "or:" })
    }

    @Test("The summary line of the text and Markdown reports, with the suppressed count only when there is one")
    func summaryLine() throws {
        let report = try probeReport(try mecabourg2013())
        #expect(ReportWords.summary(of: report.summary, in: .english) == "0 errors, 1 warning, 0 notes")
        var summary = report.summary
        summary.suppressed = 2
        #expect(ReportWords.summary(of: summary, in: .french) == "0 erreur, 1 avertissement, 0 note, 2 masqués")
    }
}
