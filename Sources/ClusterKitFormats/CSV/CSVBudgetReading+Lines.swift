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

    /// Whether one side of a row is a line, a total to check, or something to pass over: empty, a subtotal, an
    /// "of which" detail (`Dont DIRECCTE`), or a section heading with no amount and nothing else.
    func classify(_ cells: [Column: CSVCell], side: Side) throws(InputError) -> RowKind {
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
                throw fail(cell, .side(side), "this \(side == .resources ? "resource" : "expense") line has no amount")
            }
            return .skip
        }
        return .line
    }

    /// Records where a line comes from: the line at its label's cell (else its amount's), its id at the id's cell
    /// (else the line's).
    mutating func place(line path: FieldPath, _ row: [Column: CSVCell]) {
        cells[path] = (row[.label] ?? row[.amount])?.position
        cells[path.field("id")] = (row[.id] ?? row[.label] ?? row[.amount])?.position
    }

    /// A field's path, the cell it is read from (if any) recorded for it.
    mutating func place(_ field: FieldPath, _ cell: CSVCell?) -> FieldPath {
        if let cell { cells[field] = cell.position }
        return field
    }

    mutating func readResource(_ row: [Column: CSVCell], index: Int) throws(InputError) -> ResourceLine {
        // Long by design: one case per column of a resource row.
        let path = FieldPath.line(.resources, index)
        func at(_ column: Column, _ field: FieldPath) -> FieldPath { place(field, row[column]) }
        place(line: path, row)
        let label = row[.label]?.trimmed
        let amountCell = row[.amount]!
        let cellPath = at(.amount, path.field("amount"))
        let amount = try value(amountCell, cellPath, values.amount)
        let source: RevenueSourceID
        if let cell = row[.source] {
            guard let found = findSource(cell.text) else {
                throw fail(cell, at(.source, path.field("source")), "unknown revenue source « \(cell.trimmed) »\(sourceHint(cell.trimmed))")
            }
            source = found
        } else if let label, let found = findSource(label) {
            source = found
            cells[path.field("source")] = row[.label]?.position
        } else if !explicitColumns.contains(.resources), let label {
            // No Source column: the label's words place the line, or the error names the way out.
            let (found, from) = try placeResource(label: label, cell: row[.label], heading: nil)
            source = found
            cells[path.field("source")] = row[.label]?.position
            pending.append((.resources, index, InferredValue(line: nil, field: "source", value: found.rawValue, from: from)))
        } else {
            throw fail(
                row[.label] ?? amountCell, path.field("source"),
                "which revenue source is « \(label ?? "") »? Write its id in a « Source » column, such as region or membershipFees\(sourceHint(label ?? ""))")
        }
        var line = ResourceLine(id: row[.id]?.trimmed ?? "", label: label, source: source, amount: amount)
        _ = at(.id, path.field("id"))
        if let cell = row[.funder] { line.funder = cell.trimmed; _ = at(.funder, path.field("funder")) }
        if let cell = row[.sector] {
            guard let sector = CSVVocabulary.sector(cell.text) else {
                throw fail(cell, at(.sector, path.field("sector")), "« \(cell.trimmed) » is not a sector: write public or privé (private)")
            }
            line.sector = sector
        }
        if let cell = row[.inKind] {
            let cellPath = at(.inKind, path.field("inKind"))
            line.inKind = try value(cell, cellPath, values.boolean)
        }
        if let cell = row[.action] { line.action = cell.trimmed; _ = at(.action, path.field("action")) }
        if let cell = row[.successFeeBasis] {
            guard let basis = CSVVocabulary.successFeeBasis(cell.text) else {
                throw fail(cell, at(.successFeeBasis, path.field("successFee")),
                           "« \(cell.trimmed) » is not what a success fee rewards: write marché (market) or appel à projets (public call)")
            }
            line.successFee = SuccessFeeTerms(basis: basis)
        }
        if let cell = row[.fixedFee] {
            guard line.successFee != nil else {
                throw fail(cell, at(.fixedFee, path.field("successFee").field("fixedFee")), "a fixed fee needs the success fee's basis in its own column")
            }
            let cellPath = at(.fixedFee, path.field("successFee").field("fixedFee"))
            line.successFee?.fixedFee = try value(cell, cellPath, values.amount)
        }
        if row[.sponsorIsMember] != nil || row[.sponsorInterest] != nil {
            var sponsor = SponsorTerms()
            if let cell = row[.sponsorIsMember] {
                let cellPath = at(.sponsorIsMember, path.field("sponsor"))
                sponsor.isMember = try value(cell, cellPath, values.boolean)
            }
            if let cell = row[.sponsorInterest] {
                let cellPath = at(.sponsorInterest, path.field("sponsor"))
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

    mutating func readExpense(_ row: [Column: CSVCell], index: Int) throws(InputError) -> ExpenseLine {
        let path = FieldPath.line(.expenses, index)
        func at(_ column: Column, _ field: FieldPath) -> FieldPath { place(field, row[column]) }
        place(line: path, row)
        let cellPath = at(.amount, path.field("amount"))
        let amount = try value(row[.amount]!, cellPath, values.amount)
        var line = ExpenseLine(id: row[.id]?.trimmed ?? "", label: row[.label]?.trimmed, amount: amount)
        if let cell = row[.nature] {
            guard let nature = CSVVocabulary.expenseNature(cell.text) else {
                throw fail(cell, at(.nature, path.field("nature")), "« \(cell.trimmed) » is not a kind of expense: write fonctionnement (operating) or action (programme)")
            }
            line.nature = nature
        } else if !explicitColumns.contains(.expenses), let label = line.label {
            // No Type column: the label's words give the nature, never the default silently.
            // Today's layout kept its default for a label no word places: programme, now shown as inferred.
            let (nature, from) = (try? placeExpense(label: label, cell: row[.label], heading: nil))
                ?? (line.nature, "the default: no « Type » column, and no word of « \(label) » places it")
            line.nature = nature
            pending.append((.expenses, index, InferredValue(line: nil, field: "nature", value: nature.rawValue, from: from)))
        }
        if let cell = row[.category] {
            guard let category = MissionCategory(rawValue: cell.trimmed.uppercased()) else {
                throw fail(cell, at(.category, path.field("category")), "« \(cell.trimmed) » is not a mission category: write A, B, C or D")
            }
            line.category = category
        }
        if let cell = row[.regime] { line.regime = FundingRegimeID(rawValue: cell.trimmed); _ = at(.regime, path.field("regime")) }
        if let cell = row[.collective] {
            let cellPath = at(.collective, path.field("collective"))
            line.collective = try value(cell, cellPath, values.boolean)
        }
        return line
    }
}
