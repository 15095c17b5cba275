import ClusterKitCore
import Foundation

extension CSVBudgetReading {
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
    /// The first bytes of the total labels, the subtotal prefixes and labels (and of the empty label, 0).
    static let totalOrSubtotalStarts: Set<UInt8> = Set(
        (Array(totalLabels) + subtotalPrefixes + Array(subtotalLabels)).map { $0.utf8.first ?? 0 } + [0])

    /// Whether one side of a row is a line, a total to check, or something to pass over: empty, a subtotal, an
    /// "of which" detail (`Dont DIRECCTE`), or a section heading with no amount and nothing else.
    func classify(_ cells: RowCells, side: Side) throws(InputError) -> RowKind {
        guard cells.hasAny(where: { $0 != .share && $0 != .comment }) else { return .skip }
        let label = cells[.label]?.folded ?? ""
        // Only a label starting as a total's or a subtotal's does can be one: most labels are not looked up.
        if Self.totalOrSubtotalStarts.contains(label.utf8.first ?? 0) {
            if Self.totalLabels.contains(label) {
                return cells[.amount].map(RowKind.total) ?? .skip
            }
            if Self.subtotalPrefixes.contains(where: { label.hasPrefix($0) }) || Self.subtotalLabels.contains(label) {
                return .skip
            }
        }
        if cells[.amount] == nil {
            let meaningful = cells.filled.filter { $0.kind != .share && $0.kind != .comment }
            guard meaningful.allSatisfy({ $0.kind == .label }) else {
                let cell = meaningful.map(\.cell).min { $0.column < $1.column }
                throw fail(cell, .side(side), "this \(side == .resources ? "resource" : "expense") line has no amount")
            }
            return .skip
        }
        return .line
    }

    /// Records where a line comes from: the line at its label's cell (else its amount's), its id at the id's cell
    /// (else the line's). The row's label and amount cells are given, looked up once by the caller.
    mutating func place(line side: Side, _ index: Int, _ row: RowCells, label: CSVCell?, amount: CSVCell) {
        let position = (label ?? amount).position
        cells.place(side, index, .budget, position)
        cells.place(side, index, LineField.id, row[.id]?.position ?? position)
        setLineCell(side, index, position, label: label)
    }

    /// Records the cell of a line's field (relative to the line), if the row has the column.
    mutating func place(_ side: Side, _ index: Int, _ field: FieldPath, _ cell: CSVCell?) {
        if let cell { cells.place(side, index, field, cell.position) }
    }

    /// A field's path, the cell it is read from (if any) recorded for it.
    mutating func place(_ field: FieldPath, _ cell: CSVCell?) -> FieldPath {
        if let cell { cells[field] = cell.position }
        return field
    }

    mutating func readResource(_ row: RowCells, index: Int) throws(InputError) -> ResourceLine {
        // Long by design: one case per column of a resource row.
        // The paths are made only for an error's message; the cells are recorded by line, index and field.
        var path: FieldPath { FieldPath.line(.resources, index) }
        func at(_ column: Column, _ field: FieldPath) -> FieldPath {
            place(.resources, index, field, row[column])
            return path.appending(field)
        }
        func mark(_ column: Column, _ field: FieldPath) { place(.resources, index, field, row[column]) }
        let labelCell = row[.label]
        let amountCell = row[.amount]!
        place(line: .resources, index, row, label: labelCell, amount: amountCell)
        let label = labelCell?.trimmed
        cells.place(.resources, index, LineField.amount, amountCell.position)
        let amount = try value(amountCell, path.appending(LineField.amount), values.amount)
        let source: RevenueSourceID
        if let cell = row[.source] {
            guard let found = findSource(cell) else {
                throw fail(cell, at(.source, LineField.source), "unknown revenue source « \(cell.trimmed) »\(sourceHint(cell.trimmed))")
            }
            source = found
        } else if let labelCell, let found = findSource(labelCell) {
            source = found
            cells.place(.resources, index, LineField.source, labelCell.position)
        } else if !explicitColumns.contains(.resources), let label {
            // No Source column: the label's words place the line, or the error names the way out.
            let (found, from) = try placeResource(label: label, cell: labelCell, heading: nil)
            source = found
            cells.place(.resources, index, LineField.source, labelCell?.position)
            pending.append((.resources, index, InferredValue(line: nil, field: "source", value: found.rawValue, from: from)))
        } else {
            throw fail(
                labelCell ?? amountCell, path.field("source"),
                "which revenue source is « \(label ?? "") »? Write its id in a « Source » column, such as region or membershipFees\(sourceHint(label ?? ""))")
        }
        var line = ResourceLine(id: row[.id]?.trimmed ?? "", label: label, source: source, amount: amount)
        mark(.id, LineField.id)
        if let cell = row[.funder] { line.funder = cell.trimmed; mark(.funder, LineField.funder) }
        if let cell = row[.sector] {
            guard let sector = CSVVocabulary.sector(folded: cell.folded) else {
                throw fail(cell, at(.sector, LineField.sector), "« \(cell.trimmed) » is not a sector: write public or privé (private)")
            }
            line.sector = sector
        }
        if let cell = row[.inKind] {
            mark(.inKind, LineField.inKind)
            line.inKind = try value(cell, path.appending(LineField.inKind), values.boolean)
        }
        if let cell = row[.action] { line.action = cell.trimmed; mark(.action, LineField.action) }
        if let cell = row[.successFeeBasis] {
            guard let basis = CSVVocabulary.successFeeBasis(folded: cell.folded) else {
                throw fail(cell, at(.successFeeBasis, LineField.successFee),
                           "« \(cell.trimmed) » is not what a success fee rewards: write marché (market) or appel à projets (public call)")
            }
            line.successFee = SuccessFeeTerms(basis: basis)
        }
        if let cell = row[.fixedFee] {
            guard line.successFee != nil else {
                throw fail(cell, at(.fixedFee, LineField.fixedFee), "a fixed fee needs the success fee's basis in its own column")
            }
            mark(.fixedFee, LineField.fixedFee)
            line.successFee?.fixedFee = try value(cell, path.appending(LineField.fixedFee), values.amount)
        }
        if row[.sponsorIsMember] != nil || row[.sponsorInterest] != nil {
            var sponsor = SponsorTerms()
            if let cell = row[.sponsorIsMember] {
                mark(.sponsorIsMember, LineField.sponsor)
                sponsor.isMember = try value(cell, path.appending(LineField.sponsor), values.boolean)
            }
            if let cell = row[.sponsorInterest] {
                mark(.sponsorInterest, LineField.sponsor)
                sponsor.directInterest = try value(cell, path.appending(LineField.sponsor), values.boolean)
            }
            line.sponsor = sponsor
        }
        return line
    }

    /// The source a cell names (``CSVVocabulary/source(_:catalog:names:)``).
    /// A text found once is found again by its text (``foundSources``): a table's Source column repeats a few ids.
    private mutating func findSource(_ cell: CSVCell) -> RevenueSourceID? {
        if let found = foundSources[cell.text] { return found }
        let names = sourceNames ?? CSVVocabulary.sourceNames(catalog)
        sourceNames = names
        let found = CSVVocabulary.source(cell.text, folded: cell.folded, catalog: catalog, names: names)
        if let found { foundSources[cell.text] = found }
        return found
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

    mutating func readExpense(_ row: RowCells, index: Int) throws(InputError) -> ExpenseLine {
        var path: FieldPath { FieldPath.line(.expenses, index) }
        func at(_ column: Column, _ field: FieldPath) -> FieldPath {
            place(.expenses, index, field, row[column])
            return path.appending(field)
        }
        func mark(_ column: Column, _ field: FieldPath) { place(.expenses, index, field, row[column]) }
        let labelCell = row[.label]
        let amountCell = row[.amount]!
        place(line: .expenses, index, row, label: labelCell, amount: amountCell)
        cells.place(.expenses, index, LineField.amount, amountCell.position)
        let amount = try value(amountCell, path.appending(LineField.amount), values.amount)
        var line = ExpenseLine(id: row[.id]?.trimmed ?? "", label: labelCell?.trimmed, amount: amount)
        if let cell = row[.nature] {
            guard let nature = CSVVocabulary.expenseNature(folded: cell.folded) else {
                throw fail(cell, at(.nature, LineField.nature), "« \(cell.trimmed) » is not a kind of expense: write fonctionnement (operating) or action (programme)")
            }
            line.nature = nature
        } else if !explicitColumns.contains(.expenses), let label = line.label {
            // No Type column: the label's words give the nature, never the default silently.
            // Today's layout kept its default for a label no word places: programme, now shown as inferred.
            let (nature, from) = (try? placeExpense(label: label, cell: labelCell, heading: nil))
                ?? (line.nature, "the default: no « Type » column, and no word of « \(label) » places it")
            line.nature = nature
            pending.append((.expenses, index, InferredValue(line: nil, field: "nature", value: nature.rawValue, from: from)))
        }
        if let cell = row[.category] {
            guard let category = MissionCategory(rawValue: cell.trimmed.uppercased()) else {
                throw fail(cell, at(.category, LineField.category), "« \(cell.trimmed) » is not a mission category: write A, B, C or D")
            }
            line.category = category
        }
        if let cell = row[.regime] { line.regime = FundingRegimeID(rawValue: cell.trimmed); mark(.regime, LineField.regime) }
        if let cell = row[.collective] {
            mark(.collective, LineField.collective)
            line.collective = try value(cell, path.appending(LineField.collective), values.boolean)
        }
        return line
    }
}

/// The fields of a line a table's cell fills, as paths relative to the line (``FieldCells/place(_:_:_:_:)``): made
/// once, not per line.
enum LineField {
    static let id = FieldPath.budget.field("id")
    static let amount = FieldPath.budget.field("amount")
    static let source = FieldPath.budget.field("source")
    static let funder = FieldPath.budget.field("funder")
    static let sector = FieldPath.budget.field("sector")
    static let inKind = FieldPath.budget.field("inKind")
    static let action = FieldPath.budget.field("action")
    static let successFee = FieldPath.budget.field("successFee")
    static let fixedFee = successFee.field("fixedFee")
    static let sponsor = FieldPath.budget.field("sponsor")
    static let nature = FieldPath.budget.field("nature")
    static let category = FieldPath.budget.field("category")
    static let regime = FieldPath.budget.field("regime")
    static let collective = FieldPath.budget.field("collective")
}
