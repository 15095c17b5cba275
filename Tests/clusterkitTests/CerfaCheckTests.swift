import ClusterKitCore
import ClusterKitFormats
import ClusterRules
import Foundation
import Testing
import TestSupport

@testable import clusterkit

/// A Cerfa table's bytes as a French spreadsheet exports them: UTF-8 with a byte-order mark, `;`, CRLF line ends.
private func cerfaText(_ lines: [String]) -> String { "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n" }

/// A budget read as `clusterkit check` reads a file: JSON, or a CSV table (a Cerfa form's among them).
private func checked(_ path: String) throws -> CheckedBudget {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return path.hasSuffix(".csv")
        ? try CSVBudgetReader().decode(data, file: path) : try BudgetDecoder().decode(data, file: path)
}

/// What a diagnostic says, its lines named by what they are (a resource's source, an expense's amount) rather than by
/// their ids: the form makes its ids from its rows (`756-dont-cotisations-dons-manuels`), the JSON file has its own
/// (`fees`).
private func summary(_ diagnostic: Diagnostic, in budget: Budget) -> String {
    func name(_ id: String) -> String {
        if let resource = budget.resources.first(where: { $0.id == id }) { return "\(resource.source)" }
        if let expense = budget.expenses.first(where: { $0.id == id }) { return "expense \(expense.amount.minorUnits)" }
        return "?\(id)"
    }
    let lines = diagnostic.lines.map(name).sorted()
    // A remediation's move names lines by id too (the form's ids are not the JSON file's): by what they are, here.
    func named(_ move: RemediationMove?) -> String {
        switch move {
        case nil: "nil"
        case .add(let ids): "add to \(ids.map(name).sorted())"
        case .remove(let ids): "remove from \(ids.map(name).sorted())"
        case .transfer(let from, let to): "transfer \(from.map(name).sorted()) to \(to.map(name).sorted())"
        case .move(let from, let line): "move \(from.map(name).sorted()) to \(line.source)"
        case .all(let moves): "all \(moves.map(named))"
        case let other?: "\(other)"
        }
    }
    var remediation = diagnostic.remediation
    var moves: [String] = []
    if remediation != nil {
        moves.append(named(remediation!.primary.move))
        remediation!.primary.move = nil
        for index in remediation!.alternatives.indices {
            moves.append(named(remediation!.alternatives[index].move))
            remediation!.alternatives[index].move = nil
        }
    }
    return "\(diagnostic.ruleID) \(diagnostic.severity) \(String(describing: diagnostic.measured)) "
        + "\(String(describing: diagnostic.threshold)) \(lines) \(String(describing: remediation)) \(moves)"
}

@Suite("Cerfa 12156 and 15059 tables through check, metrics and convert")
struct CerfaCheckTests {
    // MARK: The 12156 and its JSON twin

    @Test("Mecabourg 2013 as a Cerfa 12156 (French, ;, decimal comma, BOM) and as JSON: the same metrics table")
    func metricsTable() throws {
        let cerfa = Tool.run(["metrics", example("cerfa/mecabourg-2013-12156.csv")])
        let json = Tool.run(["metrics", example("mecabourg-2013.json")])
        #expect(cerfa.status == 0 && json.status == 0, "\(cerfa.stderr)")
        // The first line names the file; every figure after it is the same.
        let figures = { (text: String) in text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst() }
        #expect(figures(cerfa.stdout) == figures(json.stdout))
        #expect(cerfa.stdout.contains("290"))
        let budget = try checked(example("cerfa/mecabourg-2013-12156.csv"))
        let metrics = budget.metrics, reference = try checked(example("mecabourg-2013.json")).metrics
        #expect(metrics.totalResources == Money(major: 290_000) && metrics.totalExpenses == Money(major: 290_000))
        #expect(metrics.privateResources.amount == Money(major: 130_000))
        #expect(metrics.publicResources.amount == Money(major: 160_000))
        #expect(metrics.operatingExpenses.amount == Money(major: 135_000))
        #expect(metrics.fundingBase == reference.fundingBase && metrics.result == reference.result)
        #expect(metrics.selfFinancingGross == reference.selfFinancingGross && metrics.selfFinancingNet == reference.selfFinancingNet)
        #expect(metrics.statement == .forecast && budget.budget.period == nil, "1 January – 31 December 2013 is the year itself")
        // The same totals by source; in the order of the lines, which the form and the JSON file order differently.
        #expect(
            metrics.sourceTotals.map { "\($0.key) \($0.total.amount.minorUnits)" }.sorted()
                == reference.sourceTotals.map { "\($0.key) \($0.total.amount.minorUnits)" }.sorted())
    }

    @Test("Mecabourg 2013: the 12156 and the JSON budget with what the form carries give the same diagnostics (recommended)")
    func diagnostics() throws {
        let engine = Engine(ruleSet: .recommended)
        let cerfa = try checked(example("cerfa/mecabourg-2013-12156.csv"))
        let json = try checked(example("mecabourg-2013.json"))
        // The form has no room for the cluster's profile (kind, founding year, members, satellites, self-financing target
        // and its basis, declared figures): only the association's name. The JSON budget with the same profile…
        var twin = json.budget
        twin.cluster = ClusterProfile(name: "Mecabourg")
        let fromCerfa = engine.check(cerfa).diagnostics.map { summary($0, in: cerfa.budget) }
        let fromTwin = try engine.check(twin).diagnostics.map { summary($0, in: twin) }
        #expect(fromCerfa == fromTwin)
        #expect(fromCerfa.count == 3, "billed-revenue-floor, public-private-balance, consolidation-factors: \(fromCerfa)")
        // …and the messages say the same, in both languages, but for the lines' ids.
        let messages = { (report: BudgetReport) in report.diagnostics.map(\.message) }
        #expect(messages(engine.check(cerfa)) == messages(try engine.check(twin)))
        // The whole JSON budget says more, from the profile the form cannot carry: its size and profile (cluster-profile),
        // its satellite (satellite-entity); the same warnings.
        let whole = engine.check(json).diagnostics
        #expect(Set(whole.map(\.ruleID)).subtracting(fromCerfaIDs(engine, cerfa)) == ["cluster-profile", "satellite-entity"])
        #expect(whole.filter { $0.severity == .warning }.map(\.ruleID) == engine.check(cerfa).diagnostics.filter { $0.severity == .warning }.map(\.ruleID))
    }

    private func fromCerfaIDs(_ engine: Engine, _ budget: CheckedBudget) -> Set<RuleID> {
        Set(engine.check(budget).diagnostics.map(\.ruleID))
    }

    @Test("The k€ twin of Mecabourg's 12156 gives exactly the euro table's budget, metrics and report")
    func thousands() throws {
        let euros = try checked(example("cerfa/mecabourg-2013-12156.csv"))
        let thousands = try checked(example("cerfa/mecabourg-2013-12156-keur.csv"))
        #expect(thousands.budget == euros.budget)
        #expect(thousands.metrics.totalResources == Money(major: 290_000))
        let report = { (name: String) in
            Tool.run(["check", example("cerfa/\(name)"), "--format", "json"]).stdout
                .replacingOccurrences(of: name, with: "FILE")
        }
        #expect(report("mecabourg-2013-12156-keur.csv") == report("mecabourg-2013-12156.csv"))
        #expect(Tool.run(["convert", example("cerfa/mecabourg-2013-12156-keur.csv")]).stdout
            == Tool.run(["convert", example("cerfa/mecabourg-2013-12156.csv")]).stdout)
    }

    // MARK: The 15059

    @Test("Soliage's 15059: a realised statement, the « Réalisation » as amounts, the « Prévision » empty")
    func soliage() throws {
        let budget = try checked(example("cerfa/soliage-2012-2013-15059.csv")).budget
        #expect(budget.statement == .realised && budget.year == 2013 && budget.cluster.name == "Soliage")
        #expect(budget.resources.map { "\($0.source) \($0.amount.minorUnits / 100)" } == ["otherPublic 290000", "membershipFees 210000"])
        #expect(budget.resources[1].includes == [.otherPrivate], "75 whole: fees and other income, unsplit")
        #expect(budget.expenses.map(\.amount) == [Money(major: 500_000)])
        // No forecast: the memento publishes none for 2013, and its 2012 budget is not one.
        #expect(budget.forecast.isEmpty)
        let report = Tool.run(["check", example("cerfa/soliage-2012-2013-15059.csv"), "--rules", "all", "--format", "json"])
        #expect(report.status == 0, "realised: no budget-balance error, \(report.stderr)")
        #expect(!report.stdout.contains("\"budget-balance\""))
        #expect(!report.stdout.contains("\"forecast-variance\""), "no forecast, no « expliquer l'écart »")
    }

    /// A 15059 whose realised lines differ from their forecast by `personnel` on a 100,000 forecast (the 20% threshold)
    /// and by `rent` on a 40,000 forecast (the 10,000 threshold), plus a line that moved far.
    private func variance(personnel: String, rent: String) -> String {
        cerfaText([
            "Compte rendu financier (Cerfa n° 15059);;;;;",
            "Nom de l'association;Pôle variance;;;;",
            "Exercice;2024-2025;Date de début;01/04/2024;Date de fin;31/03/2025",
            "CHARGES;Prévision;Réalisation;PRODUITS;Prévision;Réalisation",
            "64 – Charges de personnel;100 000;\(personnel);74 – Subventions d'exploitation;;",
            "61 – Services extérieurs;40 000;\(rent);Région(s) : Nouvelle-Aquitaine;150 000;150 000",
            "62 – Autres services extérieurs;10 000;30 000;75 – Autres produits de gestion courante;;",
            "68 – Dotation aux amortissements;;5 000;Dont cotisations, dons manuels ou legs;50 000;50 000",
            ";;;76 – Produits financiers;;1 000",
        ])
    }

    @Test("forecast-variance fires on the lines that moved more than 20% and 10,000, silent one cent under")
    func forecastVariance() throws {
        let engine = Engine(ruleSet: try RuleSet(name: "variance", rules: [BuiltInRules.rule("forecast-variance")!]))
        func moved(_ personnel: String, _ rent: String) throws -> [String] {
            let path = try temporaryFile(variance(personnel: personnel, rent: rent), name: "variance.csv")
            let budget = try checked(path)
            #expect(budget.budget.statement == .realised)
            #expect(budget.budget.period == FiscalPeriod(start: CalendarDate("2024-04-01")!, end: CalendarDate("2025-03-31")!))
            #expect(budget.budget.year == 2025)
            return engine.check(budget).diagnostics.flatMap(\.lines).sorted()
        }
        // 120,000.00 is 20% over 100,000 and 50,000.00 is 10,000 over 40,000: not more than the thresholds.
        #expect(try moved("120 000,00", "50 000,00") == ["62-autres-services-exterieurs"])
        // One cent more on each: both fire.
        #expect(
            try moved("120 000,01", "50 000,01")
                == ["61-services-exterieurs", "62-autres-services-exterieurs", "64-charges-de-personnel"])
        // Under the forecast by as much: the same.
        #expect(try moved("80 000,00", "30 000,00") == ["62-autres-services-exterieurs"])
        #expect(try moved("79 999,99", "29 999,99").count == 3)
    }

    @Test("A 15059's rows: 68 an accounting expense, 76 a not-funding source, the period off the calendar")
    func realAccountsFields() throws {
        let path = try temporaryFile(variance(personnel: "100 000", rent: "40 000"), name: "variance.csv")
        let budget = try checked(path)
        let depreciation = try #require(budget.budget.expenses.first { $0.id == "68-dotation-aux-amortissements" })
        #expect(depreciation.nature == .accounting && depreciation.amount == Money(major: 5_000))
        let financial = try #require(budget.budget.resources.first { $0.source == .financialIncome })
        #expect(financial.amount == Money(major: 1_000))
        #expect(budget.metrics.nonFunding.amount == Money(major: 1_000))
        #expect(budget.metrics.fundingBase == Money(major: 200_000))
        #expect(budget.budget.resources.first { $0.source == .region }?.funder == "Nouvelle-Aquitaine")
    }

    // MARK: Errors: exit status 2, one message naming the file and the cell or field

    /// Runs `check` on a file and returns its one line of error.
    private func failure(_ contents: String, name: String) throws -> (path: String, message: String) {
        let path = try temporaryFile(contents, name: name)
        let output = Tool.run(["check", path])
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty, "nothing is half-reported")
        #expect(output.stderr.split(separator: "\n").count == 1, "one message: \(output.stderr)")
        #expect(output.stderr.hasPrefix(path), "the message names the file: \(output.stderr)")
        return (path, output.stderr)
    }

    @Test("An unmappable product row: exit 2, the file, the row's cell (line:column) and the reason")
    func unmappableRow() throws {
        let table = cerfaText([
            "Nom de l'association;Pôle test;;", "Exercice;2013;;", "CHARGES;Montant;PRODUITS;Montant",
            "64 – Charges de personnel;100;Recettes diverses du salon;40", ";;70 – Vente de produits finis;60",
        ])
        let (path, message) = try failure(table, name: "budget.csv")
        #expect(message.hasPrefix("\(path):4:3: the product row « Recettes diverses du salon » maps to no revenue source"))
    }

    @Test("A Cerfa header whose dates span 30 months: exit 2, at the « Date de fin » cell")
    func cerfaLongPeriod() throws {
        let table = cerfaText([
            "Nom de l'association;Pôle test;;", "Date de début;01/01/2023;Date de fin;30/06/2025",
            "CHARGES;Montant;PRODUITS;Montant", "64 – Charges de personnel;100;70 – Vente de produits finis;100",
        ])
        let (path, message) = try failure(table, name: "budget.csv")
        #expect(message.hasPrefix("\(path):2:4: "), "message was: \(message)")
        #expect(message.contains("the period spans 30 months, more than the 24 a fiscal year may (column D)"))
    }

    @Test("The budget's check refusing a 15059's forecast amount names its « Prévision » cell; a negative amount its own")
    func locatedValidationError() throws {
        // Read by the table, refused by the budget's check (a forecast amount too large to compare exactly): the error
        // comes back to the cell.
        let huge = cerfaText([
            "Nom de l'association;Pôle test;;;;", "Exercice;2013;;;;",
            "CHARGES;Prévision;Réalisation;PRODUITS;Prévision;Réalisation",
            "64 – Charges de personnel;100;100;70 – Vente de produits finis;46116860184273879,04;5",
        ])
        let (path, message) = try failure(huge, name: "budget.csv")
        #expect(message.hasPrefix("\(path):4:5: forecast.70-vente-de-produits-finis: the amount is more than"), "\(message)")
        let negative = huge.replacingOccurrences(of: "46116860184273879,04;5", with: "100;-5")
        let (other, refused) = try failure(negative, name: "budget.csv")
        #expect(refused.hasPrefix("\(other):4:6: negative amount '-5'"), "\(refused)")
    }

    static let realised = #"""
        { "cluster": { "name": "x" }, "year": 2025, "statement": "realised", %@
          "resources": [{ "id": "fees", "source": "membershipFees", "amount": 100 }%@],
          "expenses": [{ "id": "animation", "amount": 100, "nature": "operating" }] }
        """#

    @Test(
        "JSON real accounts: 30 months, a pass-through without action, a forecast for an unknown line — exit 2, the field",
        arguments: [
            (#""period": { "start": "2023-01-01", "end": "2025-06-30" },"#, "",
             "period.end: the period spans 30 months, more than the 24 a fiscal year may"),
            ("", #", { "id": "eu", "source": "erdf", "amount": 50, "passThrough": true }"#,
             "resources[1].passThrough: a pass-through line names the expense it passes money on through: give its 'action'"),
            (#""forecast": { "fess": 90 },"#, "", "forecast.fess: no line has the id 'fess' (did you mean 'fees'?)"),
        ])
    func jsonRealAccounts(head: String, resource: String, expected: String) throws {
        let document = String(format: Self.realised, head, resource)
        let (path, message) = try failure(document, name: "budget.json")
        #expect(message.hasPrefix(path) && message.contains(expected), "\(message)")
    }
}
