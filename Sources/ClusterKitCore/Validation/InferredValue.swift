/// A value a table reader inferred rather than read from a column made for it — a line's source from its label's
/// words or account number, an expense's nature, the budget's statement, its year or the cluster's name from a title —
/// with the words, account number or cell it was inferred from: what a report lists (`budgets[].inferred`), so that a
/// director checks it at a glance.
package struct InferredValue: Hashable, Sendable, Codable {
    /// The line's id, or `nil` for a field of the budget as a whole.
    package var line: String?
    /// The field: `source`, `nature`, `statement`, `year`, `cluster.name`, `amount`, `encoding`.
    package var field: String
    /// The value inferred, as the budget's JSON writes it.
    package var value: String
    /// The words, account number or cell it was inferred from.
    package var from: String

    /// Creates an entry.
    package init(line: String?, field: String, value: String, from: String) {
        self.line = line
        self.field = field
        self.value = value
        self.from = from
    }
}
