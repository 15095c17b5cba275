import ClusterKitCore
import Foundation

/// The plan of financing in vertical sections, as directors lay it out: title rows, a header row (« Poste;Montant;% »),
/// a « Produits » (Recettes, Ressources, Income) section and a « Charges » (Dépenses, Expenditure) section in either
/// order, each with its lines, headings, subtotals and total; blank rows anywhere.
extension CSVBudgetReading {
    /// What a column of the vertical layout holds.
    enum SectionColumn: Equatable {
        case label, account, amount, realised, share, source, comment, id
    }

    /// The columns of the vertical layout, from a header row (or the section row's own headings).
    struct SectionColumns {
        var label: Int
        var account: Int?
        var amount: Int?
        var realised: Int?
        var source: Int?
        /// The heading of the Source (or Type) column: « Source », « Type ».
        var sourceHeading: CSVCell?
        var id: Int?
        /// The cell of each amount column's heading: « Budget 2025 », « Réalisé 2025 ».
        var amountHeading: CSVCell?
        var realisedHeading: CSVCell?
        /// Every column the header names, ignored ones (shares, comments) included.
        var named: Set<Int> = []
    }

    /// One row of a section, classified.
    struct SectionEntry {
        enum Kind { case line, heading, subtotal, total }
        var kind: Kind
        var row: CSVRow
        var label: CSVCell?
        var account: String?
        var text: String
        var amount: CSVCell?
        var realised: CSVCell?
        var source: CSVCell?
    }

    /// The words a section's heading is (folded), and the side it opens.
    static func sectionWord(_ text: String) -> Side? { sectionWord(folded: CSVVocabulary.normalized(text)) }

    /// ``sectionWord(_:)`` of text already folded.
    static func sectionWord(folded: String) -> Side? {
        let words = folded.split(separator: " ").map(String.init)
        guard let first = words.first else { return nil }
        let side: Side
        switch first {
        case "produits", "produit", "recettes", "ressources", "income", "revenue", "revenues", "resources", "financements": side = .resources
        case "charges", "depenses", "expenditure", "expenditures", "expenses", "emplois", "costs": side = .expenses
        default: return nil
        }
        let filler: Set<String> = ["en", "euros", "euro", "eur", "previsionnels", "previsionnel", "previsionnelles", "previsionnelle",
                                   "prevues", "budget", "budgetees", "realises", "realisees", "d", "exploitation", "de", "l", "exercice",
                                   "total", "totales"]
        return words.dropFirst().allSatisfy({ filler.contains($0) || ($0.count == 4 && Int($0) != nil) }) ? side : nil
    }

    /// The kind of column a heading names in the vertical layout, `nil` when it is no heading.
    static func sectionColumn(_ text: String) -> SectionColumn? { sectionColumn(folded: CSVVocabulary.normalized(text)) }

    /// ``sectionColumn(_:)`` of text already folded.
    static func sectionColumn(folded: String) -> SectionColumn? {
        guard !folded.isEmpty else { return nil }
        let first = folded.split(separator: " ").first.map(String.init) ?? folded
        if ["compte", "n compte", "numero de compte", "account", "account number", "n", "no"].contains(folded) { return .account }
        if ["montant", "amount", "budget", "prevision", "previsionnel", "bp", "forecast", "somme", "total"].contains(first) { return .amount }
        if ["realise", "realisation", "realises", "reel", "actual", "actuals", "outturn"].contains(first) { return .realised }
        if Column.share.headings.contains(folded) || folded == "%" || folded.hasSuffix(" %") { return .share }
        if Column.label.headings.contains(folded) || ["item", "items", "ligne", "line", "rubrique"].contains(folded) { return .label }
        if Column.source.headings.contains(folded) || Column.nature.headings.contains(folded) { return .source }
        if Column.comment.headings.contains(folded) { return .comment }
        if Column.id.headings.contains(folded) { return .id }
        return nil
    }

    /// Whether a row is a section's heading, and which: its first non-blank cell a section word, the others blank or
    /// headings.
    static func sectionRow(_ row: CSVRow) -> (side: Side, cell: CSVCell)? {
        guard let first = row.cells.first(where: { !$0.isBlank }), let side = sectionWord(folded: first.folded) else { return nil }
        let others = row.cells.filter { !$0.isBlank && $0.column != first.column }
        return others.allSatisfy({ sectionColumn(folded: $0.folded) != nil }) ? (side, first) : nil
    }

    /// The columns a header row names, when every non-blank cell of it is a heading and one names an amount.
    static func headerColumns(_ row: CSVRow, labelColumn: Int? = nil) -> SectionColumns? {
        var columns = SectionColumns(label: labelColumn ?? 0)
        var any = false
        for cell in row.cells where !cell.isBlank {
            guard let kind = sectionColumn(folded: cell.folded) ?? (cell.column == labelColumn ? .label : nil) else { return nil }
            columns.named.insert(cell.column)
            switch kind {
            case .label: if columns.label == 0 { columns.label = cell.column }
            case .account: columns.account = cell.column
            case .amount:
                if columns.amount == nil { columns.amount = cell.column; columns.amountHeading = cell; any = true }
            case .realised:
                if columns.realised == nil { columns.realised = cell.column; columns.realisedHeading = cell; any = true }
            case .source: columns.source = cell.column; columns.sourceHeading = cell
            case .id: columns.id = cell.column
            case .share, .comment: continue
            }
        }
        guard any else { return nil }
        if columns.label == 0 { columns.label = (row.cells.first { !$0.isBlank && !columns.named.contains($0.column) }?.column) ?? 1 }
        columns.named.insert(columns.label)
        return columns
    }

    /// Whether the records lay the plan out in vertical sections: no row holds both sides' titles, and a row opens a
    /// resources section and another an expenses one.
    static func sectionsIndex(_ rows: [CSVRow]) -> Int? {
        var first: Int?
        var sides: Set<Side> = []
        for (index, row) in rows.enumerated() {
            guard let (side, _) = sectionRow(row) else { continue }
            if first == nil { first = index }
            sides.insert(side)
        }
        return sides.count == 2 ? first : nil
    }

    /// Whether a label is a section's total: « Total », « Total produits », « TOTAL DES CHARGES », « Total income ».
    static func isSectionTotal(_ folded: String) -> Bool {
        guard folded == "total" || folded.hasPrefix("total ") else { return false }
        let rest = folded.dropFirst(5).split(separator: " ").map(String.init)
        let words: Set<String> = ["general", "des", "du", "de", "la", "le", "budget", "produits", "charges", "recettes", "depenses",
                                  "ressources", "income", "expenditure", "expenses", "resources", "revenue", "emplois", "en", "euros"]
        return rest.allSatisfy { words.contains($0) || ($0.count == 4 && Int($0) != nil) }
    }

    /// Reads the plan of financing in vertical sections.
    mutating func readSections(_ rows: [CSVRow], from start: Int) throws(InputError) -> Budget {
        // Long by design: the rows above, then each section's rows, then the lines' places.
        var profile = Profile()
        var columns: SectionColumns?
        var titles: [CSVCell] = []
        for row in rows[..<start] where !row.isBlank {
            if let found = Self.headerColumns(row) { columns = found; continue }
            if let title = Self.title(row) {
                titles.append(title)
                continue
            }
            try readDescription(row, into: &profile)
        }
        values = CSVValues(dialect: dialect, currency: profile.currency)
        english = Self.isEnglish(rows[start])

        // The sections' rows.
        var entries: [Side: [SectionEntry]] = [.resources: [], .expenses: []]
        var side = Self.sectionRow(rows[start])!.side
        for row in rows[start...] where !row.isBlank {
            if let (opened, cell) = Self.sectionRow(row) {
                side = opened
                if let found = Self.headerColumns(row, labelColumn: cell.column) { columns = found }
                if columns == nil { columns = SectionColumns(label: cell.column) }
                continue
            }
            if columns == nil, let found = Self.headerColumns(row) { columns = found; continue }
            let map = columns ?? SectionColumns(label: 1)
            entries[side]!.append(try entry(row, map))
        }
        let map = columns ?? SectionColumns(label: 1)
        sourceHeading = map.sourceHeading?.trimmed
        let realised = map.realised != nil
        if let heading = map.realisedHeading {
            inferred.append(InferredValue(line: nil, field: "statement", value: "realised", from: cellName(heading)))
        }
        var resources: [(line: ResourceLine, explicitID: Bool)] = []
        var expenses: [(line: ExpenseLine, explicitID: Bool)] = []
        var planned: [(side: Side, index: Int, amount: Money)] = []
        var lineInferences: [(side: Side, index: Int, value: InferredValue)] = []
        for current in [Side.resources, .expenses] {
            let lines = try checkedLines(entries[current]!, side: current, realised: realised)
            var heading: SectionEntry?
            var headingFor: [Int: SectionEntry] = [:]
            for (index, entry) in entries[current]!.enumerated() {
                if entry.kind == .heading { heading = entry } else if entry.kind != .line { heading = nil }
                headingFor[index] = heading
            }
            for index in lines {
                let entry = entries[current]![index]
                let amountCell = realised ? entry.realised : entry.amount
                let amount = try amountCell.map { cell throws(InputError) in try value(cell, .side(current), values.amount) }
                    ?? .zero(profile.currency)
                // What both sides record of a line: its cells, what was inferred of it, its forecast.
                let position = current == .resources ? resources.count : expenses.count
                cells.place(current, position, .budget, (entry.label ?? amountCell)?.position)
                cells.place(current, position, LineField.amount, amountCell?.position)
                setLineCell(current, position, (entry.label ?? amountCell)?.position, label: entry.label)
                if realised, let cell = entry.amount { planned.append((current, position, try value(cell, .side(current), values.amount))) }
                let field: String, placed: String, from: String?
                if current == .resources {
                    let (source, found) = try placeResource(entry, heading: headingFor[index])
                    resources.append((ResourceLine(id: "", label: entry.label?.trimmed, source: source, amount: amount), false))
                    (field, placed, from) = ("source", source.rawValue, found)
                } else {
                    let (nature, found) = try placeExpense(entry, heading: headingFor[index])
                    expenses.append((ExpenseLine(id: "", label: entry.label?.trimmed, amount: amount, nature: nature), false))
                    (field, placed, from) = ("nature", nature.rawValue, found)
                }
                if let from { lineInferences.append((current, position, InferredValue(line: nil, field: field, value: placed, from: from))) }
            }
        }
        let idNotes = assignIDs(&resources, &expenses)
        func id(_ side: Side, _ index: Int) -> String { side == .resources ? resources[index].line.id : expenses[index].line.id }
        for item in lineInferences {
            var value = item.value
            value.line = id(item.side, item.index)
            inferred.append(value)
        }
        inferred += idNotes
        var forecast: [String: Money] = [:]
        for item in planned { forecast[id(item.side, item.index)] = item.amount }

        applyTitles(titles, headings: [map.amountHeading, map.realisedHeading].compactMap { $0 }, to: &profile)
        guard let name = profile.name else {
            throw InputError(
                file: file, path: "cluster.name",
                reason: english
                    ? "the cluster's name is missing: add a title row « <name> — Budget <year> » or a row « Cluster;<name> » above the table"
                    : "le nom du cluster manque : ajoutez une ligne de titre « <nom> — Budget <année> » ou une ligne « Cluster;<nom> » au-dessus du tableau (the cluster's name is missing)")
        }
        guard let year = profile.year else {
            throw InputError(
                file: file, path: "year",
                reason: "the budget's year is missing: add it to the title (« Budget 2026 ») or a row « Année;<year> » above the table")
        }
        profile.cluster.name = name
        var budget = Budget(
            cluster: profile.cluster, year: year, currency: profile.currency, resources: resources.map(\.line),
            expenses: expenses.map(\.line))
        if realised {
            budget.statement = .realised
            budget.forecast = forecast
        }
        return budget
    }

    /// The name and the year a key above the table did not give, from a title row (else, for the year, an amount
    /// column's heading such as « Budget 2025 »), recorded as inferred.
    mutating func applyTitles(_ titles: [CSVCell], headings: [CSVCell] = [], to profile: inout Profile) {
        if profile.name == nil, let (name, cell) = titles.lazy.compactMap({ cell in Self.titleName(cell.trimmed).map { ($0, cell) } }).first {
            profile.name = name
            inferred.append(InferredValue(line: nil, field: "cluster.name", value: name, from: cellName(cell)))
        }
        if profile.year == nil,
            let (year, cell) = (titles + headings).lazy.compactMap({ cell in Self.year(in: cell.trimmed).map { ($0, cell) } }).first
        {
            profile.year = year
            inferred.append(InferredValue(line: nil, field: "year", value: String(year), from: cellName(cell)))
        }
    }

    /// Whether a row above the table is a title: one filled cell that is no key of the description.
    static func title(_ row: CSVRow) -> CSVCell? {
        let filled = row.cells.filter { !$0.isBlank }
        guard filled.count == 1, CSVVocabulary.Key.named(folded: filled[0].folded) == nil else { return nil }
        return filled[0]
    }

    /// Whether a section's title is English (« Income », « Expenditure »).
    static func isEnglish(_ row: CSVRow) -> Bool {
        guard let first = row.cells.first(where: { !$0.isBlank }) else { return false }
        let word = first.folded.split(separator: " ").first ?? ""
        return ["income", "revenue", "revenues", "resources", "expenditure", "expenditures", "expenses", "costs"].contains(String(word))
    }

    /// A cell as a report names it: `cell A1 « Grappe Numérique Loire — Budget 2026 »`.
    func cellName(_ cell: CSVCell) -> String {
        "cell \(InputError.columnLetters(cell.column))\(cell.line) « \(cell.trimmed) »"
    }

    /// A row of a section, classified.
    func entry(_ row: CSVRow, _ map: SectionColumns) throws(InputError) -> SectionEntry {
        var label = row.cell(map.label).flatMap { $0.isBlank ? nil : $0 }
        var account: String?
        if let column = map.account, let cell = row.cell(column), !cell.isBlank { account = cell.trimmed }
        let amount: CSVCell?, realised: CSVCell?
        if map.amount != nil || map.realised != nil {
            amount = map.amount.flatMap(row.cell).flatMap { $0.isBlank ? nil : $0 }
            realised = map.realised.flatMap(row.cell).flatMap { $0.isBlank ? nil : $0 }
        } else {
            // No header: the first filled cell right of the label is the amount; a share after it is ignored.
            amount = row.cells.first { !$0.isBlank && $0.column > map.label }
            realised = nil
        }
        if label == nil, let first = row.cells.first(where: { !$0.isBlank && $0.column < (amount?.column ?? Int.max) && $0.column != map.account }) {
            label = first
        }
        var text = label?.trimmed ?? ""
        if account == nil, let found = BudgetLexicon.account(in: text) {
            account = found.number
            text = found.rest
        }
        // With a header row, a filled cell in a column it does not name is an error, never dropped.
        if map.amount != nil || map.realised != nil, let stray = row.cells.first(where: {
            !$0.isBlank && $0.column != label?.column && !map.named.contains($0.column)
        }) {
            throw fail(stray, .budget, "a value outside the table's columns: give the column a heading, or clear the cell\(commaHint(row))")
        }
        let folded = CSVVocabulary.normalized(text)
        let kind: SectionEntry.Kind
        if Self.isSectionTotal(folded) {
            kind = .total
        } else if folded.hasPrefix("sous total") || folded.hasPrefix("subtotal") || folded.hasPrefix("sub total") || folded.hasPrefix("total ") {
            kind = .subtotal
        } else if amount == nil && realised == nil {
            kind = .heading
        } else {
            kind = .line
        }
        let source = map.source.flatMap(row.cell).flatMap { $0.isBlank ? nil : $0 }
        return SectionEntry(kind: kind, row: row, label: label, account: account, text: text, amount: amount, realised: realised, source: source)
    }

    /// The indices of a section's lines, its totals and subtotals checked against them, and a line numbered with an
    /// account whose sub-accounts follow it (« 74 Subventions d'exploitation » above 7411…) taken as their subtotal,
    /// never counted twice. Result rows (« Résultat », « Excédent ») are left out.
    func checkedLines(_ entries: [SectionEntry], side: Side, realised: Bool) throws(InputError) -> [Int] {
        var lines: [Int] = []
        var groupStart = 0  // the index in `lines` of the current group's first line
        var parents: [Int] = []
        for (index, entry) in entries.enumerated() {
            switch entry.kind {
            case .heading:
                groupStart = lines.count
            case .line:
                let folded = CSVVocabulary.normalized(entry.text)
                if ["resultat", "excedent", "deficit", "result", "surplus", "benefice", "perte"].contains(where: { folded.hasPrefix($0) }) { continue }
                if let account = entry.account, let next = entries[(index + 1)...].first(where: { $0.kind == .line }),
                    let child = next.account, child.count > account.count, child.hasPrefix(account)
                {
                    parents.append(index)
                    continue
                }
                lines.append(index)
            case .subtotal:
                try check(entry, against: Array(lines[groupStart...]), in: entries, side: side, realised: realised)
                groupStart = lines.count
            case .total:
                try check(entry, against: lines, in: entries, side: side, realised: realised)
                groupStart = lines.count
            }
        }
        for parent in parents {
            let account = entries[parent].account!
            let children = lines.filter { $0 > parent && (entries[$0].account?.hasPrefix(account) ?? false) }
            try check(entries[parent], against: children, in: entries, side: side, realised: realised)
        }
        return lines
    }

    /// Checks a total's amounts (and its realised amounts) against the lines it sums: an error naming both cells.
    func check(_ total: SectionEntry, against lines: [Int], in entries: [SectionEntry], side: Side, realised: Bool) throws(InputError) {
        for pick in [false, true] {
            guard let cell = pick ? total.realised : total.amount else { continue }
            let stated = try value(cell, .side(side), values.amount)
            var sum = Money.zero(values.currency)
            var cellsSummed: [CSVCell] = []
            for index in lines {
                guard let line = pick ? entries[index].realised : entries[index].amount else { continue }
                sum = try add(try value(line, .side(side), values.amount), to: sum, line)
                cellsSummed.append(line)
            }
            guard stated != sum else { continue }
            let format = ValueFormatter(language: .english)
            let range = cellsSummed.isEmpty
                ? "no line"
                : "\(Self.name(cellsSummed.first!))…\(Self.name(cellsSummed.last!))"
            throw fail(
                cell, .side(side),
                "cell \(Self.name(cell)) « \(total.label?.trimmed ?? "") » says \(format.string(stated)), but its lines (\(range)) add up to \(format.string(sum)): correct a line or the total")
        }
    }

    /// A cell's name: `B12`.
    static func name(_ cell: CSVCell) -> String { "\(InputError.columnLetters(cell.column))\(cell.line)" }

    /// A cluster's name in a title: the part before a dash or colon that is not about the budget (« Grappe Numérique
    /// Loire — Budget prévisionnel 2026 » → « Grappe Numérique Loire »).
    static func titleName(_ title: String) -> String? {
        let separators: [String] = [" — ", " – ", " - ", ": ", " : ", " | "]
        var parts = [title]
        for separator in separators { parts = parts.flatMap { $0.components(separatedBy: separator) } }
        let budgetWords = ["budget", "plan de financement", "compte de resultat", "comptes", "previsionnel", "exercice", "forecast",
                           "accounts", "realise", "annee", "year", "bilan"]
        for part in parts {
            let folded = CSVVocabulary.normalized(part)
            guard !folded.isEmpty, !budgetWords.contains(where: { folded.contains($0) }), Int(folded) == nil else { continue }
            return CSVText.trimmed(part)
        }
        return nil
    }

    /// A plausible year (1990–2100) standing alone in a text.
    static func year(in text: String) -> Int? {
        for word in CSVVocabulary.normalized(text).split(separator: " ") where word.count == 4 {
            if let year = Int(word), (1990...2100).contains(year) { return year }
        }
        return nil
    }
}
