import ClusterKitCore
import Foundation

/// Reads a budget kept in a spreadsheet and exported as CSV: the cluster's description in `key;value` rows, then the
/// plan of financing with its two sides — expenses (dépenses) and resources (ressources) — side by side, as the
/// memento prints them (p. 13, and every case study).
///
/// ```text
/// Cluster;Mecabourg
/// Année;2013
/// Type;grappe
///
/// Dépenses;Type;Montant €;%;Ressources;Source;Montant €;%
/// Fonctionnement & Animation;fonctionnement;135 000 €;47%;Région Rhône Alpes;region;50 000 €;17%
/// Dépenses directes du Pôle RH;action;35 000 €;12%;Cotisations;;95 000 €;33%
/// Total;;290 000 €;100%;Total;;290 000 €;100%
/// ```
///
/// French exports (`;`, decimal comma, spaces or no-break spaces as thousands separators, `€`) and English ones
/// (`,`, decimal point, `"1,227,000.50"`) are both read, UTF-8 with or without a byte-order mark, with any line
/// ends. Amounts are exact. `Documentation/CSVFormat.md` lists every heading and key in both languages.
///
/// The budget table of the French subsidy forms — Cerfa n° 12156 (budget prévisionnel) and n° 15059 (compte rendu
/// financier, « Prévision » and « Réalisation ») — is recognised and read as the form lays it out (`CerfaTable`): a
/// forecast, or realised accounts with their forecast, with the form's rows mapped to the catalogue's sources.
///
/// Every error is an `InputError` naming the file, the line and the column (and the field of the budget it would
/// fill); nothing is read half. The budget read is checked against the catalogue, as `BudgetDecoder` checks JSON.
public struct CSVBudgetReader: Sendable {
    /// The revenue sources a budget may name.
    public var catalog: Catalog
    /// The dialect to read; `nil` detects it (`;` → decimal comma, `,` → decimal point, an Excel `sep=` line wins).
    public var dialect: CSVDialect?

    /// Creates a reader.
    public init(catalog: Catalog = .builtIn, dialect: CSVDialect? = nil) {
        self.catalog = catalog
        self.dialect = dialect
    }

    /// Reads one budget and checks it against the catalogue.
    /// - Throws: `InputError` naming the file, line, column and reason.
    public func decode(_ data: Data, file: String? = nil) throws(InputError) -> CheckedBudget {
        let text = try CSVText.document(data, file: file)
        let detected = CSVText.detectDialect(text)
        var dialect = self.dialect ?? detected.dialect
        var rows = try CSVText.records(text, separator: dialect.separator, file: file)
        if self.dialect == nil, detected.skipFirstLine, !rows.isEmpty {
            rows.removeFirst()
        } else if self.dialect == nil, CSVBudgetReading.titleIndex(rows) == nil, !CerfaTable.isCerfa(rows),
            let cerfa = CerfaTable.records(text, besides: dialect, file: file)
        {
            // A Cerfa table whose first lines (a title alone on its row) told another separator than its table's.
            (dialect, rows) = cerfa
        }
        return try Self.budget(rows, dialect: dialect, catalog: catalog, file: file)
    }

    /// The budget a table's records hold, checked against the catalogue: the path every table takes, a CSV file's or
    /// a workbook's sheet (``SpreadsheetBudgetReader``), so that a layout this reader learns, spreadsheets read too.
    static func budget(_ rows: [CSVRow], dialect: CSVDialect, catalog: Catalog, file: String?) throws(InputError) -> CheckedBudget {
        if CerfaTable.isCerfa(rows) { return try CerfaTable.budget(rows, dialect: dialect, catalog: catalog, file: file) }
        var reading = CSVBudgetReading(file: file, dialect: dialect, catalog: catalog)
        let budget = try reading.read(rows)
        do throws(InputError) {
            return try CheckedBudget(budget, catalog: catalog, file: file)
        } catch {
            throw reading.located(error)
        }
    }

    /// The index of the row that starts a table this reader recognises (the row of the sides' headings), if the
    /// records hold one: how a workbook's sheet holding a budget is told from the others.
    static func tableStart(_ rows: [CSVRow]) -> Int? {
        CerfaTable.titleIndex(rows) ?? CSVBudgetReading.titleIndex(rows)
    }
}

/// The state of reading one file: where each field of the budget came from, for error messages.
struct CSVBudgetReading {
    typealias Side = CSVVocabulary.Side
    typealias Column = CSVVocabulary.Column

    let file: String?
    let dialect: CSVDialect
    let catalog: Catalog
    var values: CSVValues
    /// The cell each field path of the budget was read from.
    var positions: [String: CSVCell] = [:]
    var headings: [Int: String] = [:]
    /// The catalogue's sources by their normalized names, made at the first line that needs them.
    var sourceNames: [String: RevenueSourceID]?

    init(file: String?, dialect: CSVDialect, catalog: Catalog) {
        self.file = file
        self.dialect = dialect
        self.catalog = catalog
        self.values = CSVValues(dialect: dialect, currency: .euro)
    }

    /// An error at a cell, naming its column by letter and heading.
    func fail(_ cell: CSVCell?, _ path: String, _ reason: String) -> InputError {
        guard let cell else { return InputError(file: file, path: path, reason: reason) }
        let heading = headings[cell.column].map { " « \($0) »" } ?? ""
        return InputError(
            file: file, path: path, reason: "\(reason) (column \(Self.letter(cell.column))\(heading))", line: cell.line,
            column: cell.column)
    }

    /// An error of the budget's validation, placed at the cell its field came from.
    func located(_ error: InputError) -> InputError {
        var path = error.path
        while true {
            if let cell = positions[path] { return fail(cell, error.path, error.reason) }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return error }
            path = String(path[..<cut])
        }
    }

    /// The spreadsheet letter of a column: 1 → A, 27 → AA.
    static func letter(_ column: Int) -> String { InputError.columnLetters(column) }

    // Callers compute the path (`at(…)`, which records the cell's position) before the call, not in its argument
    // list: a mutation of `positions` while `self` is read for the call copies the dictionary, once per line.
    func value<T>(_ cell: CSVCell, _ path: String, _ read: (String) throws(CSVValueError) -> T) throws(InputError) -> T {
        do { return try read(cell.trimmed) } catch { throw fail(cell, path, error.reason) }
    }

    // MARK: The whole file

    /// The index of the row of the sides' headings (`Dépenses`, `Ressources`), if any.
    static func titleIndex(_ rows: [CSVRow]) -> Int? {
        rows.firstIndex(where: { row in row.cells.contains { CSVVocabulary.side($0.text) != nil } })
    }

    mutating func read(_ rows: [CSVRow]) throws(InputError) -> Budget {
        guard let titleIndex = Self.titleIndex(rows) else {
            throw InputError(
                file: file, path: "",
                reason: "no plan of financing: a row with the headings « Dépenses » and « Ressources » (or Expenses and Resources) is missing")
        }
        var profile = Profile()
        for row in rows[..<titleIndex] where !row.isBlank { try readDescription(row, into: &profile) }
        values = CSVValues(dialect: dialect, currency: profile.currency)

        let layout = try readLayout(rows, titleIndex: titleIndex)
        var resources: [(line: ResourceLine, explicitID: Bool)] = []
        var expenses: [(line: ExpenseLine, explicitID: Bool)] = []
        var totals: [Side: Money] = [.resources: .zero(profile.currency), .expenses: .zero(profile.currency)]
        for row in rows[layout.firstDataRow...] where !row.isBlank {
            if let stray = row.cells.first(where: { !$0.isBlank && layout.side(of: $0.column) == nil }) {
                throw fail(stray, "", "a value outside the table's columns: give the column a heading, or clear the cell")
            }
            for group in layout.groups {
                let cells = Dictionary(
                    group.columns.compactMap { column, kind in row.cell(column).flatMap { $0.isBlank ? nil : (kind, $0) } },
                    uniquingKeysWith: { first, _ in first })
                switch try classify(cells, side: group.side) {
                case .skip: continue
                case .total(let cell):
                    let stated = try value(cell, group.side.rawValue, values.amount)
                    let sum = totals[group.side]!
                    guard stated == sum else {
                        let format = ValueFormatter(language: .english)
                        throw fail(
                            cell, group.side.rawValue,
                            "the Total row says \(format.string(stated)), but the \(group.side.rawValue) above add up to \(format.string(sum)): correct a line or the total")
                    }
                case .line:
                    if group.side == .resources {
                        let line = try readResource(cells, index: resources.count)
                        totals[.resources] = try add(line.amount, to: totals[.resources]!, cells[.amount])
                        resources.append((line, cells[.id] != nil))
                    } else {
                        let line = try readExpense(cells, index: expenses.count)
                        totals[.expenses] = try add(line.amount, to: totals[.expenses]!, cells[.amount])
                        expenses.append((line, cells[.id] != nil))
                    }
                }
            }
        }
        assignIDs(&resources, &expenses)
        guard let name = profile.name else {
            throw InputError(file: file, path: "cluster.name", reason: "the cluster's name is missing: add a row « Cluster;<name> » above the table")
        }
        guard let year = profile.year else {
            throw InputError(file: file, path: "year", reason: "the budget's year is missing: add a row « Année;<year> » above the table")
        }
        profile.cluster.name = name
        return Budget(
            cluster: profile.cluster, year: year, currency: profile.currency, resources: resources.map(\.line),
            expenses: expenses.map(\.line))
    }

    private func add(_ amount: Money, to total: Money, _ cell: CSVCell?) throws(InputError) -> Money {
        do { return try total.adding(amount) } catch {
            throw fail(cell, "", "the amounts add up to more than ClusterKit can hold exactly")
        }
    }

    /// Gives every line without an id one made from its label (`region-rhone-alpes`), unique in the budget; a line
    /// without a label gets its JSON default (`resources[2]`).
    private mutating func assignIDs(
        _ resources: inout [(line: ResourceLine, explicitID: Bool)], _ expenses: inout [(line: ExpenseLine, explicitID: Bool)]
    ) {
        var ids = LineIDs(
            taken: Set(resources.filter(\.explicitID).map(\.line.id) + expenses.filter(\.explicitID).map(\.line.id)))
        for index in expenses.indices where !expenses[index].explicitID {
            let slug = CSVVocabulary.slug(expenses[index].line.label ?? "")
            expenses[index].line.id = ids.claim(slug.isEmpty ? "expenses[\(index)]" : slug)
        }
        for index in resources.indices where !resources[index].explicitID {
            let slug = CSVVocabulary.slug(resources[index].line.label ?? "")
            resources[index].line.id = ids.claim(slug.isEmpty ? "resources[\(index)]" : slug)
        }
    }

    // MARK: The cluster's description

    struct Profile {
        var cluster = ClusterProfile(name: "")
        var name: String?
        var year: Int?
        var currency: CurrencyCode = .euro
        var seen: Set<CSVVocabulary.Key> = []
    }

    private mutating func readDescription(_ row: CSVRow, into profile: inout Profile) throws(InputError) {
        // Long by design: one case per field of the description block.
        guard let keyCell = row.cells.first, !keyCell.isBlank else {
            let cell = row.cells.first { !$0.isBlank }
            throw fail(cell, "", "a row above the table needs a key in column A (such as « Cluster » or « Année »)")
        }
        guard let key = CSVVocabulary.Key.named(keyCell.text) else {
            let nearest = Suggestions.nearest(to: CSVVocabulary.normalized(keyCell.text), among: CSVVocabulary.Key.allKeys)
            let hint = Suggestions.hint(nearest, quote: { "« \($0) »" })
            throw fail(keyCell, "", "unknown key « \(keyCell.trimmed) » above the table\(hint)")
        }
        if key != .satellite, key != .service {
            guard !profile.seen.contains(key) else { throw fail(keyCell, "", "« \(keyCell.trimmed) » is given twice") }
            profile.seen.insert(key)
        }
        let cells = Array(row.cells.dropFirst())
        guard let cell = cells.first, !cell.isBlank else { throw fail(keyCell, "", "« \(keyCell.trimmed) » has no value in column B") }
        if key != .satellite, key != .service, let extra = cells.dropFirst().first(where: { !$0.isBlank }) {
            throw fail(extra, "", "« \(keyCell.trimmed) » takes one value, in column B")
        }
        func path(_ field: String) -> String {
            positions[field] = cell
            return field
        }
        func year(_ field: String) throws(InputError) -> Int {
            let value = try value(cell, path(field), values.integer)
            guard (1800...2200).contains(value) else { throw fail(cell, field, "\(value) is not a plausible year") }
            return value
        }
        func count(_ field: String) throws(InputError) -> Int { try value(cell, path(field), values.integer) }
        func flag(_ field: String) throws(InputError) -> Bool { try value(cell, path(field), values.boolean) }
        func share(_ field: String) throws(InputError) -> Share { try value(cell, path(field), values.share) }
        var cluster = profile.cluster
        switch key {
        case .name: profile.name = cell.trimmed
        case .kind:
            guard let kind = CSVVocabulary.kind(cell.text) else {
                throw fail(cell, path("cluster.kind"), "« \(cell.trimmed) » is not a kind of cluster: write pôle, grappe, régional or autre")
            }
            cluster.kind = kind
        case .year: profile.year = try year("year")
        case .currency:
            guard let code = CurrencyCode(rawValue: cell.trimmed.uppercased()) else {
                throw fail(cell, path("currency"), "« \(cell.trimmed) » is not an ISO 4217 currency code such as EUR")
            }
            profile.currency = code
        case .founded: cluster.founded = try year("cluster.founded")
        case .members: cluster.members = try count("cluster.members")
        case .enterprises: cluster.enterprises = try count("cluster.enterprises")
        case .staff: cluster.staff = try value(cell, path("cluster.staff"), values.decimal)
        case .impactReporting: cluster.impactReporting = try flag("cluster.impactReporting")
        case .valuedTimeAllowed: cluster.valuedTimeAllowed = try flag("cluster.valuedTimeAllowed")
        case .analyticAccounting: cluster.analyticAccounting = try flag("cluster.analyticAccounting")
        case .declaredSelfFinancing:
            cluster.declared = DeclaredFigures(selfFinancing: try share("cluster.declared.selfFinancing"))
        case .targetPrivateShare:
            cluster.targets = cluster.targets ?? FundingTargets()
            cluster.targets?.privateShare = try share("cluster.targets.privateShare")
        case .targetYear:
            cluster.targets = cluster.targets ?? FundingTargets()
            cluster.targets?.year = try year("cluster.targets.year")
        case .baselineYear:
            cluster.targets = cluster.targets ?? FundingTargets()
            cluster.targets?.baselineYear = try year("cluster.targets.baselineYear")
        case .satellite:
            let field = "cluster.satellites[\(cluster.satellites.count)]"
            var satellite = Satellite(name: cell.trimmed)
            positions[field] = cell
            if let form = cells.dropFirst().first, !form.isBlank { satellite.form = form.trimmed }
            if let captures = cells.dropFirst(2).first, !captures.isBlank {
                satellite.capturesBillableServices = try value(captures, field + ".capturesBillableServices", values.boolean)
            }
            cluster.satellites.append(satellite)
        case .service:
            let field = "cluster.services[\(cluster.services.count)]"
            positions[field] = cell
            var service = ServiceOffer(id: cell.trimmed)
            if let label = cells.dropFirst().first, !label.isBlank { service.label = label.trimmed }
            if let uptake = cells.dropFirst(2).first, !uptake.isBlank {
                service.uptake = try value(uptake, field + ".uptake", values.share)
            }
            if let minimum = cells.dropFirst(3).first, !minimum.isBlank {
                service.minimumClients = try value(minimum, field + ".minimumClients", values.integer)
            }
            cluster.services.append(service)
        }
        profile.cluster = cluster
    }

    // MARK: The table's layout

    struct Group {
        var side: Side
        var columns: [(Int, Column)]
    }

    struct Layout {
        var groups: [Group]
        var firstDataRow: Int
        var width: [Int: Side]
        func side(of column: Int) -> Side? { width[column] }
    }

    /// Reads the headings: one row where each side's title heads its label column (`Dépenses;Montant;…;Ressources;…`),
    /// or two rows as the memento prints them — the sides' titles, then `Nature;Montant €;%` under each.
    private mutating func readLayout(_ rows: [CSVRow], titleIndex: Int) throws(InputError) -> Layout {
        let titles = rows[titleIndex]
        var starts: [(column: Int, side: Side)] = []
        for cell in titles.cells {
            guard let side = CSVVocabulary.side(cell.text) else { continue }
            if starts.contains(where: { $0.side == side }) {
                throw fail(cell, "", "a second « \(cell.trimmed) » heading: the table has one column group per side")
            }
            starts.append((cell.column, side))
        }
        for side in [Side.expenses, .resources] where !starts.contains(where: { $0.side == side }) {
            let name = side == .expenses ? "« Dépenses » (Expenses)" : "« Ressources » (Resources)"
            throw fail(nil, side.rawValue, "the table has no \(name) heading on line \(titles.line): both sides of the plan of financing are needed")
        }
        // Two header rows when the row under the titles names an amount column for a side.
        var headingRow = titles
        var firstDataRow = titleIndex + 1
        if titleIndex + 1 < rows.count {
            let next = rows[titleIndex + 1]
            let namesAmount = starts.contains { start in
                next.cells.contains { $0.column >= start.column && Column.named($0.text, on: start.side) == .amount }
            }
            if namesAmount {
                headingRow = next
                firstDataRow = titleIndex + 2
            }
        }
        let lastColumn = max(headingRow.cells.count, titles.cells.count)
        var groups: [Group] = []
        var width: [Int: Side] = [:]
        for (offset, start) in starts.enumerated() {
            let end = offset + 1 < starts.count ? starts[offset + 1].column - 1 : lastColumn
            var columns: [(Int, Column)] = [(start.column, .label)]
            headings[start.column] = titles.cell(start.column)?.trimmed
            width[start.column] = start.side
            for column in stride(from: start.column + 1, through: end, by: 1) {
                guard let heading = headingRow.cell(column), !heading.isBlank else { continue }
                guard let kind = Column.named(heading.text, on: start.side) else {
                    let known = Column.allowed(on: start.side).flatMap(\.headings)
                    let nearest = Suggestions.nearest(to: CSVVocabulary.normalized(heading.text), among: known)
                    let hint = Suggestions.hint(nearest, quote: { "« \($0) »" })
                    throw fail(heading, "", "unknown heading « \(heading.trimmed) » on the \(start.side.rawValue) side\(hint)")
                }
                if let other = columns.first(where: { $0.1 == kind }), kind != .share, kind != .comment {
                    throw fail(heading, "", "the \(start.side.rawValue) side already has this column in \(Self.letter(other.0))")
                }
                columns.append((column, kind))
                headings[column] = heading.trimmed
                width[column] = start.side
            }
            guard columns.contains(where: { $0.1 == .amount }) else {
                throw fail(headingRow.cell(start.column) ?? titles.cell(start.column), start.side.rawValue,
                           "the \(start.side.rawValue) side has no amount column (« Montant » or « Amount »)")
            }
            groups.append(Group(side: start.side, columns: columns))
        }
        return Layout(groups: groups, firstDataRow: firstDataRow, width: width)
    }

    // MARK: The lines

    enum RowKind {
        case skip
        case total(CSVCell)
        case line
    }

    static let totalLabels: Set<String> = [
        "total", "totaux", "total general", "grand total", "total depenses", "total des depenses", "total ressources",
        "total des ressources", "total expenses", "total resources",
    ]
    static let subtotalPrefixes = ["sous total", "subtotal", "sub total", "dont ", "of which "]
    /// The subtotal labels that are a whole label: ``subtotalPrefixes`` without their trailing space (worked out once).
    static let subtotalLabels = Set(subtotalPrefixes.map { $0.trimmingCharacters(in: .whitespaces) })

    /// Whether one side of a row is a line, a total to check, or something to pass over: empty, a subtotal, an
    /// "of which" detail (`Dont DIRECCTE`), or a section heading with no amount and nothing else.
    private func classify(_ cells: [Column: CSVCell], side: Side) throws(InputError) -> RowKind {
        let meaningful = cells.filter { $0.key != .share && $0.key != .comment }
        guard !meaningful.isEmpty else { return .skip }
        let label = cells[.label].map { CSVVocabulary.normalized($0.text) } ?? ""
        if Self.totalLabels.contains(label) {
            return cells[.amount].map(RowKind.total) ?? .skip
        }
        if Self.subtotalPrefixes.contains(where: { label.hasPrefix($0) }) || Self.subtotalLabels.contains(label) {
            return .skip
        }
        if cells[.amount] == nil {
            guard meaningful.keys.allSatisfy({ $0 == .label }) else {
                let cell = meaningful.values.min { $0.column < $1.column }
                throw fail(cell, side.rawValue, "this \(side == .resources ? "resource" : "expense") line has no amount")
            }
            return .skip
        }
        return .line
    }

    private mutating func readResource(_ cells: [Column: CSVCell], index: Int) throws(InputError) -> ResourceLine {
        // Long by design: one case per column of a resource row.
        let path = "resources[\(index)]"
        func at(_ column: Column, _ field: String) -> String {
            if let cell = cells[column] { positions[path + field] = cell }
            return path + field
        }
        positions[path] = cells[.label] ?? cells[.amount]
        positions[path + ".id"] = cells[.id] ?? cells[.label] ?? cells[.amount]
        let label = cells[.label]?.trimmed
        let amountCell = cells[.amount]!
        let cellPath = at(.amount, ".amount")
        let amount = try value(amountCell, cellPath, values.amount)
        let source: RevenueSourceID
        if let cell = cells[.source] {
            guard let found = findSource(cell.text) else {
                throw fail(cell, at(.source, ".source"), "unknown revenue source « \(cell.trimmed) »\(sourceHint(cell.trimmed))")
            }
            source = found
        } else if let label, let found = findSource(label) {
            source = found
            positions[path + ".source"] = cells[.label]
        } else {
            throw fail(
                cells[.label] ?? amountCell, path + ".source",
                "which revenue source is « \(label ?? "") »? Write its id in a « Source » column, such as region or membershipFees\(sourceHint(label ?? ""))")
        }
        var line = ResourceLine(id: cells[.id]?.trimmed ?? "", label: label, source: source, amount: amount)
        _ = at(.id, ".id")
        if let cell = cells[.funder] { line.funder = cell.trimmed; _ = at(.funder, ".funder") }
        if let cell = cells[.sector] {
            guard let sector = CSVVocabulary.sector(cell.text) else {
                throw fail(cell, at(.sector, ".sector"), "« \(cell.trimmed) » is not a sector: write public or privé (private)")
            }
            line.sector = sector
        }
        if let cell = cells[.inKind] {
            let cellPath = at(.inKind, ".inKind")
            line.inKind = try value(cell, cellPath, values.boolean)
        }
        if let cell = cells[.action] { line.action = cell.trimmed; _ = at(.action, ".action") }
        if let cell = cells[.successFeeBasis] {
            guard let basis = CSVVocabulary.successFeeBasis(cell.text) else {
                throw fail(cell, at(.successFeeBasis, ".successFee"),
                           "« \(cell.trimmed) » is not what a success fee rewards: write marché (market) or appel à projets (public call)")
            }
            line.successFee = SuccessFeeTerms(basis: basis)
        }
        if let cell = cells[.fixedFee] {
            guard line.successFee != nil else {
                throw fail(cell, at(.fixedFee, ".successFee.fixedFee"), "a fixed fee needs the success fee's basis in its own column")
            }
            let cellPath = at(.fixedFee, ".successFee.fixedFee")
            line.successFee?.fixedFee = try value(cell, cellPath, values.amount)
        }
        if cells[.sponsorIsMember] != nil || cells[.sponsorInterest] != nil {
            var sponsor = SponsorTerms()
            if let cell = cells[.sponsorIsMember] {
                let cellPath = at(.sponsorIsMember, ".sponsor")
                sponsor.isMember = try value(cell, cellPath, values.boolean)
            }
            if let cell = cells[.sponsorInterest] {
                let cellPath = at(.sponsorInterest, ".sponsor")
                sponsor.directInterest = try value(cell, cellPath, values.boolean)
            }
            line.sponsor = sponsor
        }
        return line
    }

    /// The source a cell names (``CSVVocabulary/source(_:catalog:names:)``).
    private mutating func findSource(_ text: String) -> RevenueSourceID? {
        let names = sourceNames ?? CSVVocabulary.sourceNames(catalog)
        sourceNames = names
        return CSVVocabulary.source(text, catalog: catalog, names: names)
    }

    /// "Did you mean" the sources whose ids, names or everyday names are nearest to a cell's text.
    private func sourceHint(_ text: String) -> String {
        var names: [String: RevenueSourceID] = [:]
        for source in catalog.sources {
            for name in [source.name(in: .english), source.name(in: .french)] { names[CSVVocabulary.normalized(name)] = source.id }
        }
        for (alias, id) in CSVVocabulary.sourceAliases where catalog.source(id) != nil { names[alias] = id }
        var nearest = catalog.sourceIDs(nearestTo: text)
        for name in Suggestions.nearest(to: CSVVocabulary.normalized(text), among: names.keys.sorted()) {
            if let id = names[name], !nearest.contains(id) { nearest.append(id) }
        }
        nearest = Array(nearest.prefix(3))
        return Suggestions.hint(nearest)
    }

    private mutating func readExpense(_ cells: [Column: CSVCell], index: Int) throws(InputError) -> ExpenseLine {
        let path = "expenses[\(index)]"
        func at(_ column: Column, _ field: String) -> String {
            if let cell = cells[column] { positions[path + field] = cell }
            return path + field
        }
        positions[path] = cells[.label] ?? cells[.amount]
        positions[path + ".id"] = cells[.id] ?? cells[.label] ?? cells[.amount]
        let cellPath = at(.amount, ".amount")
        let amount = try value(cells[.amount]!, cellPath, values.amount)
        var line = ExpenseLine(id: cells[.id]?.trimmed ?? "", label: cells[.label]?.trimmed, amount: amount)
        if let cell = cells[.nature] {
            guard let nature = CSVVocabulary.expenseNature(cell.text) else {
                throw fail(cell, at(.nature, ".nature"), "« \(cell.trimmed) » is not a kind of expense: write fonctionnement (operating) or action (programme)")
            }
            line.nature = nature
        }
        if let cell = cells[.category] {
            guard let category = MissionCategory(rawValue: cell.trimmed.uppercased()) else {
                throw fail(cell, at(.category, ".category"), "« \(cell.trimmed) » is not a mission category: write A, B, C or D")
            }
            line.category = category
        }
        if let cell = cells[.regime] { line.regime = FundingRegimeID(rawValue: cell.trimmed); _ = at(.regime, ".regime") }
        if let cell = cells[.collective] {
            let cellPath = at(.collective, ".collective")
            line.collective = try value(cell, cellPath, values.boolean)
        }
        return line
    }
}
