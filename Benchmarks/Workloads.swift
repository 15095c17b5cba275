import ClusterKit
import Foundation

/// The budgets the benchmark measures: the memento's Cosmetic Valley 2013 case study (21 lines, the typical budget),
/// and budgets, histories and portfolios of any size made from it.
enum Workloads {
    /// The repository's `Examples/` folder, found from this file's path (the benchmark runs from its sources).
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples")

    /// An example file's bytes.
    static func example(_ path: String) throws -> Data {
        try Data(contentsOf: examples.appendingPathComponent(path))
    }

    /// The typical budget's JSON document: `Examples/cosmetic-valley-2013.json`.
    static func typicalJSON() throws -> Data { try example("cosmetic-valley-2013.json") }

    /// The same budget as a spreadsheet's CSV export: `Examples/csv/cosmetic-valley-2013.csv`.
    static func typicalCSV() throws -> Data { try example("csv/cosmetic-valley-2013.csv") }

    /// A budget of `lines` lines (half resources, half expenses), balanced, whose shares do not depend on its size, so
    /// that the same rules fire at every size: per five resource lines, the region 40% and the State 10% (two funders),
    /// membership fees 10%, billed services 30%, events 10%.
    static func scaled(_ cluster: ClusterProfile, lines: Int) -> Budget {
        let unit: [(RevenueSourceID, String, Int64)] = [
            (.region, "Région", 40_000), (.state, "État", 10_000), (.membershipFees, "Cotisations", 10_000),
            (.services, "Prestations", 30_000), (.events, "Événements", 10_000),
        ]
        let resourceCount = max(1, lines / 2), expenseCount = max(1, lines - resourceCount)
        var total: Int64 = 0
        let resources = (0..<resourceCount).map { index in
            let (source, name, major) = unit[index % unit.count]
            total += major * 100
            return ResourceLine(
                id: "r\(index)", label: "\(name) \(index / unit.count + 1)", source: source,
                amount: Money(minorUnits: major * 100), funder: source == .region || source == .state ? name : nil)
        }
        let expenses = (0..<expenseCount).map { index in
            let share = total / Int64(expenseCount), rest = total - share * Int64(expenseCount)
            return ExpenseLine(
                id: "e\(index)", label: "Action \(index)", amount: Money(minorUnits: share + (index == 0 ? rest : 0)),
                nature: index == 0 ? .operating : .programme)
        }
        return Budget(cluster: cluster, year: 2013, resources: resources, expenses: expenses)
    }

    /// A variant of a budget: its private resources scaled by 97% to 103% (a different share, year to year or
    /// cluster to cluster), its first operating expense adjusted so that it stays balanced, and strings of its own
    /// (as if read from a file of its own) so that budgets checked in parallel share no storage.
    static func variant(of budget: Budget, index: Int, year: Int? = nil, catalog: Catalog) -> Budget {
        var copy = budget
        copy.year = year ?? budget.year
        copy.cluster.name = "\(budget.cluster.name) \(index)"
        let percent = Int64(97 + index % 7)
        for position in copy.resources.indices {
            let line = copy.resources[position]
            let sector = line.sector ?? catalog.source(line.source)?.sector ?? .public
            if sector == .private {
                copy.resources[position].amount = Money(minorUnits: line.amount.minorUnits * percent / 100, currency: line.amount.currency)
            }
            copy.resources[position].id = "\(line.id)-\(index)"
            copy.resources[position].label = line.label.map { "\($0) (\(index))" }
        }
        for position in copy.expenses.indices {
            copy.expenses[position].id = "\(copy.expenses[position].id)-\(index)"
        }
        let resources = copy.resources.reduce(0) { $0 + $1.amount.minorUnits }
        let expenses = copy.expenses.reduce(0) { $0 + $1.amount.minorUnits }
        if let operating = copy.expenses.firstIndex(where: { $0.nature == .operating }) {
            let line = copy.expenses[operating]
            copy.expenses[operating].amount = Money(
                minorUnits: line.amount.minorUnits + resources - expenses, currency: line.amount.currency)
        }
        return copy
    }

    /// A history of `years` full budgets ending in the budget's year, each a variant of it.
    static func history(of budget: Budget, years: Int, catalog: Catalog) -> BudgetHistory {
        var cluster = budget.cluster
        cluster.founded = budget.year - years - 5
        let first = budget.year - years + 1
        let budgets = (0..<years).map { offset in
            var year = variant(of: budget, index: offset, year: first + offset, catalog: catalog)
            year.cluster = cluster
            return HistoryYear.full(year)
        }
        return BudgetHistory(cluster: cluster, currency: budget.currency, years: budgets)
    }

    /// A budget as a French spreadsheet's CSV export (`;`, decimal commas): the cluster's rows, then the plan of
    /// financing, expenses and resources side by side, and the totals.
    static func csv(_ budget: Budget) -> String {
        func amount(_ money: Money) -> String {
            let cents = money.minorUnits % 100
            return "\(money.minorUnits / 100),\(cents < 10 ? "0" : "")\(cents)"
        }
        var out = "Nom du cluster;\(budget.cluster.name)\nExercice;\(budget.year)\n"
        if let founded = budget.cluster.founded { out += "Création;\(founded)\n" }
        if let members = budget.cluster.members { out += "Adhérents;\(members)\n" }
        out += "\nDépenses;Type;Montant;Ressources;Source;Montant\n"
        for row in 0..<max(budget.expenses.count, budget.resources.count) {
            var cells: [String] = []
            if row < budget.expenses.count {
                let line = budget.expenses[row]
                cells += [line.label ?? line.id, line.nature == .operating ? "fonctionnement" : "action", amount(line.amount)]
            } else {
                cells += ["", "", ""]
            }
            if row < budget.resources.count {
                let line = budget.resources[row]
                cells += [line.label ?? line.id, line.source.rawValue, amount(line.amount)]
            } else {
                cells += ["", "", ""]
            }
            out += cells.joined(separator: ";") + "\n"
        }
        let resources = Money(minorUnits: budget.resources.reduce(0) { $0 + $1.amount.minorUnits })
        let expenses = Money(minorUnits: budget.expenses.reduce(0) { $0 + $1.amount.minorUnits })
        out += "Total;;\(amount(expenses));Total;;\(amount(resources))\n"
        return out
    }
}
