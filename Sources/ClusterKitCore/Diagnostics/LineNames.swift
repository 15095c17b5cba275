/// How prose names a budget's lines: by its label in guillemets (« Programme : R&D »), the same words in both
/// languages, or by its id where it has no label (an id is not a word to translate).
///
/// The labels are gathered once, by id, so that a rule naming many lines (a budget may hold 100,000) or a report naming
/// every line it lists looks each one up rather than searching the budget for it.
package struct LineNames: Sendable {
    /// The labels of the budget's lines, resources and expenses, by id (ids are unique across both).
    package let labels: [String: String]

    /// The names of a budget's lines; none for a history (`nil`).
    package init(_ budget: Budget?) {
        var labels: [String: String] = [:]
        if let budget {
            for line in budget.resources { if let label = line.label { labels[line.id] = label } }
            for line in budget.expenses where labels[line.id] == nil { if let label = line.label { labels[line.id] = label } }
        }
        self.labels = labels
    }

    /// A line's label, or `nil` when it has none (or no line has this id).
    package func label(_ id: String) -> String? { labels[id] }

    /// A line's name in prose: « its label », or its id.
    package func name(_ id: String) -> String { Self.name(label: labels[id], id: id) }

    /// Lines named in prose, in the order of their ids (the order the engine gives a list of ids), as one list argument:
    /// a plain list of ids when none of them has a label.
    package func list(_ ids: [String]) -> MessageArgument {
        let ids = ids.sorted()
        guard ids.contains(where: { labels[$0] != nil }) else { return .list(ids) }
        return .localizedList(ids.map { id in
            let name = name(id)
            return LocalizedText(english: name, french: name)
        })
    }

    /// The name in prose of a line, a service or an action at hand: « its label », or its id.
    package static func name(label: String?, id: String) -> String { label.map { "« \($0) »" } ?? id }
}

/// The names of a budget's lines, gathered the first time they are asked for: a rule that names lines only when it
/// reports something builds nothing on a budget it passes.
package struct LazyLineNames {
    private let budget: Budget?
    private var names: LineNames?

    /// Names for `budget`'s lines, not yet gathered.
    package init(_ budget: Budget?) { self.budget = budget }

    /// The names, gathered on the first call.
    package mutating func get() -> LineNames {
        if let names { return names }
        let made = LineNames(budget)
        names = made
        return made
    }
}
