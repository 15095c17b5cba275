import ClusterKitCore
import Foundation

/// Where a line of a table without a Source or Type column goes: in order, its Source/Type cell, an account number of
/// the associations' chart, the words of its label (``BudgetLexicon``), the words of the heading it stands under;
/// else an error naming the cell, the label and the way out.
extension CSVBudgetReading {
    /// A resource line's source, and what it was inferred from (`nil` when a Source cell or the source's own name gave it).
    mutating func placeResource(_ entry: SectionEntry, heading: SectionEntry?) throws(InputError) -> (RevenueSourceID, String?) {
        if let cell = entry.source {
            guard let found = source(named: cell.text) else {
                throw fail(cell, .budget, "unknown revenue source « \(cell.trimmed) »: write one of \(sourceChoices())")
            }
            return (found, nil)
        }
        let label = entry.text
        if entry.account == nil, let named = source(named: label) { return (named, nil) }
        if let account = entry.account, BudgetLexicon.isProductAccount(account), let byAccount = BudgetLexicon.source(account: account) {
            if byAccount == .otherPublic, case .success(let placed) = BudgetLexicon.source(label),
                catalog.source(placed.value)?.sector == .public
            {
                return (placed.value, "account \(account), « \(placed.from) »")
            }
            return (byAccount, "account \(account)")
        }
        return try placeResource(label: label, cell: entry.label ?? entry.amount, heading: heading)
    }

    /// A resource's source from its label's words, else its heading's; else the error.
    mutating func placeResource(label: String, cell: CSVCell?, heading: SectionEntry?) throws(InputError) -> (RevenueSourceID, String) {
        let placed = BudgetLexicon.source(label)
        if case .success(let found) = placed, catalog.source(found.value) != nil { return (found.value, "« \(found.from) »") }
        if case .failure(let miss) = placed, case .conflict(let one, let other) = miss.miss {
            throw fail(
                cell, .budget,
                english
                    ? "« \(label) » names two sources, \(one) and \(other): \(sourceWayOut())"
                    : "« \(label) » nomme deux sources, \(one) et \(other) : \(sourceWayOut()) (the label names two sources)")
        }
        if let heading, case .success(let found) = BudgetLexicon.source(heading.text), catalog.source(found.value) != nil {
            return (found.value, "heading « \(heading.text) »")
        }
        throw fail(
            cell, .budget,
            english
                ? "which revenue source is « \(label) »? \(sourceWayOut())"
                : "quelle source de recettes est « \(label) » ? \(sourceWayOut()) (which revenue source is it?)")
    }

    /// An expense line's nature, and what it was inferred from (`nil` when a Type cell gave it).
    func placeExpense(_ entry: SectionEntry, heading: SectionEntry?) throws(InputError) -> (ExpenseNature, String?) {
        if let cell = entry.source {
            guard let nature = CSVVocabulary.expenseNature(folded: cell.folded) else {
                throw fail(cell, .budget, "« \(cell.trimmed) » is not a kind of expense: write fonctionnement (operating) or action (programme)")
            }
            return (nature, nil)
        }
        if let account = entry.account, let byAccount = BudgetLexicon.nature(account: account) {
            if byAccount != .accounting, case .success(let placed) = BudgetLexicon.nature(entry.text) {
                return (placed.value, "account \(account), « \(placed.from) »")
            }
            return (byAccount, "account \(account)")
        }
        return try placeExpense(label: entry.text, cell: entry.label ?? entry.amount, heading: heading)
    }

    /// An expense's nature from its label's words, else its heading's; else the error.
    func placeExpense(label: String, cell: CSVCell?, heading: SectionEntry?) throws(InputError) -> (ExpenseNature, String) {
        let placed = BudgetLexicon.nature(label)
        if case .success(let found) = placed { return (found.value, "« \(found.from) »") }
        if case .failure(let miss) = placed, case .conflict(let one, let other) = miss.miss {
            throw fail(
                cell, .budget,
                english
                    ? "« \(label) » names two kinds of expense, \(one) and \(other): \(natureWayOut())"
                    : "« \(label) » nomme deux types de dépense, \(one) et \(other) : \(natureWayOut()) (the label names two kinds of expense)")
        }
        if let heading, case .success(let found) = BudgetLexicon.nature(heading.text) { return (found.value, "heading « \(heading.text) »") }
        throw fail(
            cell, .budget,
            english
                ? "what kind of expense is « \(label) »? \(natureWayOut())"
                : "quel type de dépense est « \(label) » ? \(natureWayOut()) (what kind of expense is it?)")
    }

    /// The source a text names: an id, a source's name, an everyday alias.
    mutating func source(named text: String) -> RevenueSourceID? {
        let names = sourceNames ?? CSVVocabulary.sourceNames(catalog)
        sourceNames = names
        return CSVVocabulary.source(text, catalog: catalog, names: names)
    }

    /// The catalogue's sources by name in the table's language, with their ids.
    func sourceChoices() -> String {
        catalog.sources.map { "« \($0.name(in: english ? .english : .french)) » (\($0.id.rawValue))" }.joined(separator: ", ")
    }

    /// The way out for a line no source is found for: the names to write, or a Source column.
    func sourceWayOut() -> String {
        if let column = sourceHeading {
            return english
                ? "Write its source in its « \(column) » cell: one of \(sourceChoices())"
                : "Écrivez sa source dans sa cellule « \(column) » : l'une des sources \(sourceChoices())"
        }
        return english
            ? "Name it as one of the sources — \(sourceChoices()) — or add a « Source » column giving each line's source"
            : "Nommez-la comme l'une des sources — \(sourceChoices()) — ou ajoutez une colonne « Source » qui donne la source de chaque ligne"
    }

    /// The way out for an expense no nature is found for.
    func natureWayOut() -> String {
        if let column = sourceHeading {
            return english
                ? "Write operating or programme in its « \(column) » cell"
                : "Écrivez fonctionnement ou action dans sa cellule « \(column) »"
        }
        return english
            ? "Name it with a word such as salaries, rent, fees (operating) or actions, events, studies (programme), or add a « Type » column (operating or programme)"
            : "Nommez-la avec un mot tel que salaires, loyers, honoraires (fonctionnement) ou actions, événements, études (action), ou ajoutez une colonne « Type » (fonctionnement ou action)"
    }
}
