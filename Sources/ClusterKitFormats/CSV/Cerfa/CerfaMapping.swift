import ClusterKitCore
import Foundation

/// The nature a charge row gives its expense line.
package enum CerfaExpenseNature: String, Hashable, Sendable {
    /// 66 charges financières, 67 charges exceptionnelles, 68 dotations, 69 impôt sur les bénéfices: accounting
    /// charges, never an action (`nature: "accounting"`).
    case accounting
    /// 86 emplois des contributions volontaires en nature: the counterpart of the valued time and means of 87.
    case inKindCounterpart
    /// 60–65 and lines the association added: the form classes costs by nature (purchases, staff, …), not by
    /// destination (operating or programme), so it does not say; a line labelled with a nature's name
    /// (« Fonctionnement & Animation ») is ``operating``.
    case unspecified
    /// A line the association labelled as operating costs (« Fonctionnement », « Fonctionnement & Animation »).
    case operating
    /// A line the association labelled as actions (« Actions », « Programme d'actions »).
    case programme
}

/// One resource or expense line of a budget, as a row of the form gives it: wiring a Cerfa table into a budget is one
/// line per entry.
package struct CerfaEntry: Hashable, Sendable {
    /// A line id, unique on its side: the form's account and label (`74-region`), or the label's slug.
    package var id: String
    /// The row's label as written.
    package var label: String
    /// The account (`74`, `756`), when the row has one.
    package var account: String?
    /// On the PRODUITS side: the revenue source.
    package var source: RevenueSourceID?
    /// On the PRODUITS side: the funder a filled form names after the colon (« Région(s) : Auvergne-Rhône-Alpes »).
    package var funder: String?
    /// On the PRODUITS side: other sources the line also holds, unsplit (``ResourceLine/includes``).
    package var includes: [RevenueSourceID] = []
    /// On the CHARGES side: the expense's nature.
    package var nature: CerfaExpenseNature?
    /// The forecast amount (« Montant » or « Prévision »).
    package var forecast: Money?
    /// The realised amount (« Réalisation »).
    package var realised: Money?
    /// The label's cell, for errors about the line.
    package var labelCell: CellPosition
    /// The amount cells.
    package var forecastCell: CellPosition?
    /// The realised amount's cell.
    package var realisedCell: CellPosition?
}

/// A Cerfa table mapped to ClusterKit's vocabulary: its header, statement and lines.
package struct CerfaBudget: Hashable, Sendable {
    /// The header of the form.
    package var header: CerfaHeader
    /// Forecast (12156) or realised (15059).
    package var statement: Statement
    /// One line per product row that carries money (a heading whose lines carry it is not a line itself).
    package var resources: [CerfaEntry]
    /// One line per charge row that carries money.
    package var expenses: [CerfaEntry]
    /// The cell each field of the budget comes from: the header's values (``CerfaTable/headerCells``), each line's
    /// label (`resources[2]`), its amount (`resources[2].amount`, the statement's column) and its forecast
    /// (`forecast.74-region`).
    package var cells = FieldCells()
}

extension CerfaTable {
    /// The table's rows as budget lines: each product row mapped to a revenue source by its account number or its
    /// label, each charge row to an expense; the headings whose lines carry the amount left out (not counted twice),
    /// the remainder of a heading above its « dont » line kept as a line of its own.
    /// - Parameters:
    ///   - catalog: the sources a line the form does not print may name (« Participations entreprises »).
    ///   - file: the file, for errors.
    /// - Throws: ``InputError`` naming the cell of a product row that maps to no source, and why.
    package func mapped(catalog: Catalog = .builtIn, file: String? = nil) throws(InputError) -> CerfaBudget {
        let names = CSVVocabulary.sourceNames(catalog)
        var ids = LineIDs()
        func entry(_ row: CerfaRow, forecast: Money?, realised: Money?, suffix: String = "") -> CerfaEntry {
            // The form's label, numbered with the row's account unless it already is (« 74 – Subventions … »).
            let numbered = row.formLabel.map { label in
                row.account.map { label.hasPrefix($0) ? label : "\($0) \(label)" } ?? label
            }
            let base = CSVVocabulary.slug(numbered ?? row.label) + suffix
            return CerfaEntry(
                id: ids.claim(base.isEmpty ? "line" : base), label: row.label, account: row.account, source: nil, funder: nil, nature: nil,
                forecast: forecast, realised: realised, labelCell: row.labelCell, forecastCell: row.forecastCell,
                realisedCell: row.realisedCell)
        }

        var resources: [CerfaEntry] = []
        for (row, forecast, realised, isRemainder) in carriers(products) {
            // A heading's amount beyond its « dont » line (the rest of 75: other current income) is a line of its own.
            var line = entry(row, forecast: forecast, realised: realised, suffix: isRemainder ? "-autres" : "")
            guard let source = Self.source(of: row, catalog: catalog, names: names) else {
                throw .at(
                    row.labelCell, file: file, path: "",
                    reason: "the product row « \(row.label) » maps to no revenue source: number it with its account (70, 74, 756, 870…) or use the form's label (« Région(s) », « Dont cotisations… », « Bénévolat »…) or a source's name")
            }
            line.source = source
            line.funder = row.detail ?? (row.formLabel == nil ? nil : Self.funderName(of: row))
            // « 75 – Autres produits de gestion courante » given whole, without its « dont cotisations » line, holds the
            // membership fees and other income unsplit: the rules on fees then say they cannot judge, rather than
            // reading no fees at all.
            if row.role == .heading, row.account == "75", !isRemainder, source == .otherPrivate {
                line.source = .membershipFees
                line.includes = [.otherPrivate]
            }
            resources.append(line)
        }
        var expenses: [CerfaEntry] = []
        for (row, forecast, realised, _) in carriers(charges) {
            var line = entry(row, forecast: forecast, realised: realised)
            line.nature = Self.nature(of: row)
            expenses.append(line)
        }
        try checkValuedContributions(resources: resources, expenses: expenses, file: file)
        let statement: Statement = columns.contains(.realised) ? .realised : .forecast
        var cells = headerCells
        for (side, entries) in [(CSVVocabulary.Side.resources, resources), (.expenses, expenses)] {
            for (index, entry) in entries.enumerated() {
                let line = FieldPath.line(side, index)
                cells[line] = entry.labelCell
                cells[line.field("amount")] = statement == .realised ? entry.realisedCell : entry.forecastCell
                cells[.forecast(entry.id)] = entry.forecastCell ?? entry.labelCell
            }
        }
        return CerfaBudget(
            header: header, statement: statement, resources: resources, expenses: expenses, cells: cells)
    }

    /// The rows that carry money on a side, with the amounts they carry: lines and « dont » lines their own; a heading,
    /// in each column where none of its lines has an amount, its amount less its « dont » lines (`isRemainder`).
    private func carriers(_ rows: [CerfaRow]) -> [(row: CerfaRow, forecast: Money?, realised: Money?, isRemainder: Bool)] {
        var result: [(row: CerfaRow, forecast: Money?, realised: Money?, isRemainder: Bool)] = []
        for (index, row) in rows.enumerated() {
            switch row.role {
            case .total:
                continue
            case .line, .part:
                result.append((row, row.forecast, row.realised, false))
            case .heading:
                let lines = Self.lines(of: index, in: rows)
                let parts = lines.filter { $0.role == .part }
                func carried(_ column: CerfaColumn) -> Money? {
                    guard let stated = row.amount(column),
                        !lines.contains(where: { $0.role == .line && $0.amount(column) != nil })
                    else { return nil }
                    // The read checked that the « dont » lines add up to no more than their heading: no overflow.
                    let left = stated.minorUnits - parts.compactMap { $0.amount(column)?.minorUnits }.reduce(0, &+)
                    // A heading wholly made of its « dont » lines carries nothing more.
                    return left > 0 || (parts.isEmpty && left == 0) ? Money(minorUnits: left, currency: stated.currency) : nil
                }
                let forecast = carried(.forecast), realised = carried(.realised)
                if forecast != nil || realised != nil { result.append((row, forecast, realised, !parts.isEmpty)) }
            }
        }
        return result
    }

    /// The valued contributions balance: in the chart of accounts, what 87 values as received (bénévolat, prestations
    /// and dons en nature) 86 records as used, to the same amount, in each column.
    /// - Throws: ``InputError`` at the first 87 amount when the two sides differ.
    private func checkValuedContributions(resources: [CerfaEntry], expenses: [CerfaEntry], file: String?) throws(InputError) {
        let received = resources.filter { $0.source == .memberTime || $0.source == .secondment }
        let used = expenses.filter { $0.nature == .inKindCounterpart }
        for column in columns {
            func total(_ entries: [CerfaEntry]) -> Int64 {
                // Each amount was read within the limits and the sides' totals checked: no overflow.
                entries.compactMap { (column == .forecast ? $0.forecast : $0.realised)?.minorUnits }.reduce(0, &+)
            }
            let (in87, in86) = (total(received), total(used))
            guard in87 != in86 else { continue }
            let first = (received.isEmpty ? used : received).first { (column == .forecast ? $0.forecast : $0.realised) != nil }
            let cell = first.flatMap { column == .forecast ? $0.forecastCell : $0.realisedCell } ?? first?.labelCell
            throw InputError(
                file: file, path: "",
                reason: "the valued contributions do not balance: 87 (contributions volontaires en nature) is \(Self.euros(in87)) but 86 (emplois des contributions volontaires en nature) is \(Self.euros(in86)); they are the same contributions, received and used",
                line: cell?.line, column: cell?.column)
        }
    }

    /// An amount in cents for a message, French.
    static func euros(_ cents: Int64) -> String { CerfaEuros.string(cents) }

    /// The source of a product row: its known form row (by account or label), else a source the label names.
    static func source(of row: CerfaRow, catalog: Catalog, names: [String: RevenueSourceID]) -> RevenueSourceID? {
        if let formLabel = row.formLabel, let source = formSources[formLabel] { return source }
        if row.formLabel == nil, let named = CSVVocabulary.source(row.label, catalog: catalog, names: names) {
            return named
        }
        guard let account = row.account else { return nil }
        // A numbered row the form does not print: its account's class.
        return BudgetLexicon.source(account: account)
    }

    /// The source of each product row the form prints, by its form label.
    static let formSources: [String: RevenueSourceID] = [
        "70 – Vente de produits finis, de marchandises, prestations de services": .services,
        // Dotations et produits de tarification: prices and endowments set by a public authority.
        "73 – Dotations et produits de tarification": .otherPublic,
        // Subventions d'exploitation without their funders' lines: public, since the form asks private aid on a line
        // of its own (« Aides privées »).
        "74 – Subventions d'exploitation": .otherPublic,
        "État": .state,
        "Région(s)": .region,
        "Département(s)": .department,
        "Intercommunalité(s) : EPCI": .intercommunality,
        "Commune(s)": .otherPublic,
        "Organismes sociaux": .otherPublic,
        "Fonds européens": .erdf,
        "L'agence de services et de paiement": .otherPublic,
        "Autres établissements publics": .otherPublic,
        "Aides privées (fondation)": .otherPrivate,
        "75 – Autres produits de gestion courante": .otherPrivate,
        "Dont cotisations, dons manuels ou legs": .membershipFees,
        "756 – Cotisations": .membershipFees,
        "758 – Dons manuels, mécénat": .otherPrivate,
        "76 – Produits financiers": .financialIncome,
        "77 – Produits exceptionnels": .exceptionalIncome,
        "78 – Reprises sur amortissements et provisions": .provisionReversals,
        "79 – Transferts de charges": .chargeTransfers,
        "Bénévolat": .memberTime,
        "Prestations en nature": .secondment,
        "Mise à disposition gratuite de biens et prestations": .secondment,
        "Dons en nature": .secondment,
    ]

    /// The funder of a 74 line whose form label names a kind of body, not one (« Commune(s) »): the form's label, so
    /// that two such lines are two funders. The heading « 74 – Subventions d'exploitation » names no funder.
    static func funderName(of row: CerfaRow) -> String? {
        row.role != .heading && (row.heading == "74" || row.account == "74") ? row.formLabel : nil
    }

    /// The nature of a charge row's expense.
    static func nature(of row: CerfaRow) -> CerfaExpenseNature {
        // A line the association added under a heading has the heading's nature.
        if let account = row.account ?? row.heading {
            if account.hasPrefix("86") { return .inKindCounterpart }
            if ["66", "67", "68", "69"].contains(String(account.prefix(2))) { return .accounting }
            if row.formLabel != nil { return .unspecified }
        }
        switch CSVVocabulary.expenseNature(row.label) {
        case .operating?: return .operating
        case .programme?: return .programme
        default: return .unspecified
        }
    }
}
