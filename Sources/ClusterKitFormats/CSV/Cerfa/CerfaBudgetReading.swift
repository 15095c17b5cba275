import ClusterKitCore
import Foundation

extension CerfaTable {
    /// The budget a Cerfa table's records hold, checked against the catalogue: the path ``CSVBudgetReader`` takes for
    /// a table it recognises as a Cerfa 12156 or 15059 (``isCerfa(_:)``), a CSV file's or a workbook's sheet.
    /// - Throws: ``InputError`` naming the file, the cell (line and column) and the reason.
    static func budget(_ rows: [CSVRow], dialect: CSVDialect, catalog: Catalog, file: String?) throws(InputError) -> CheckedBudget {
        let mapped = try read(rows, dialect: dialect, file: file).mapped(catalog: catalog, file: file)
        let budget = try mapped.budget(file: file)
        do throws(InputError) {
            return try CheckedBudget(budget, catalog: catalog, file: file)
        } catch {
            throw mapped.cells.located(error, file: file)
        }
    }
}

extension CerfaBudget {
    /// The budget the form's lines make, in the model's fields:
    /// - `cluster.name`: « Nom de l'association »; `year`: the year the fiscal year ends in (``CerfaHeader/year``);
    /// - the rest of `cluster` (kind, founding year, members…): the description's rows added above the form;
    /// - `period`: « Date de début » to « Date de fin », when they are given and are not the calendar year `year` says;
    /// - `statement`: a 12156 is a forecast, its « Montant » each line's amount; a 15059 is realised, its
    ///   « Réalisation » each line's amount (zero when the column is empty) and its « Prévision » the line's `forecast`;
    /// - each product row a resource line of its source, the funder a filled form names as its `funder`;
    /// - each charge row an expense line: 66 to 69 `nature: accounting`; a line the association labelled
    ///   « Fonctionnement » operating; the rest (the form classes charges by nature, not by destination, and 86 the
    ///   counterpart of 87) the model's default, programme.
    /// - Throws: ``InputError`` when the header gives no name or no year.
    func budget(file: String?) throws(InputError) -> Budget {
        guard let name = header.name, !name.isEmpty else {
            throw InputError(
                file: file, path: "cluster.name",
                reason: "the association's name is missing: add a row « Nom de l'association;<name> » above the table")
        }
        guard let year = header.year else {
            throw InputError(
                file: file, path: "year",
                reason: "the fiscal year is missing: add a row « Exercice;<year> » (or « Date de fin;<date> ») above the table")
        }
        var period: FiscalPeriod?
        if let start = header.start.flatMap(CalendarDate.init), let end = header.end.flatMap(CalendarDate.init),
            !(start.year == end.year && (start.month, start.day) == (1, 1) && (end.month, end.day) == (12, 31))
        {
            period = FiscalPeriod(start: start, end: end)
        }
        var forecast: [String: Money] = [:]
        func amount(_ entry: CerfaEntry) -> Money {
            guard statement == .realised else { return entry.forecast ?? .zero(.euro) }
            if let planned = entry.forecast { forecast[entry.id] = planned }
            return entry.realised ?? .zero(.euro)
        }
        let resources = resources.map { entry in
            var line = ResourceLine(
                id: entry.id, label: entry.label, source: entry.source ?? .otherPrivate, amount: amount(entry),
                funder: entry.funder)
            line.includes = entry.includes
            return line
        }
        let expenses = expenses.map { entry in
            let nature: ExpenseNature =
                switch entry.nature {
                case .accounting?: .accounting
                case .operating?: .operating
                default: .programme
                }
            return ExpenseLine(id: entry.id, label: entry.label, amount: amount(entry), nature: nature)
        }
        var cluster = header.cluster
        cluster.name = name
        return Budget(
            cluster: cluster, year: year, currency: .euro, resources: resources, expenses: expenses,
            statement: statement, period: period, forecast: forecast)
    }
}
