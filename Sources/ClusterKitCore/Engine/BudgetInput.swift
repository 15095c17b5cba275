import Foundation

/// A budget or a history to check, with the file it came from: what ``Engine/check(_:parallel:)`` takes.
///
/// An input made from a checked value (``CheckedBudget``, ``BudgetDocument``, a decoded file) is judged as it is; one
/// made from a budget or a history built in code is checked by the engine, against the engine's catalogue, before any
/// rule runs.
public struct BudgetInput: Sendable {
    /// What the input holds.
    enum Content: Sendable {
        case checked(BudgetDocument)
        case budget(Budget)
        case history(BudgetHistory)
    }

    /// What the input holds.
    let content: Content
    /// The file it was read from, if any; reports name it.
    public var file: String?

    /// An input for a budget built in code: the engine checks it.
    public init(_ budget: Budget, file: String? = nil) {
        content = .budget(budget)
        self.file = file
    }

    /// An input for a history built in code: the engine checks it.
    public init(history: BudgetHistory, file: String? = nil) {
        content = .history(history)
        self.file = file
    }

    /// An input for a checked budget or history.
    public init(_ document: BudgetDocument, file: String? = nil) {
        content = .checked(document)
        self.file = file
    }

    /// An input for a checked budget.
    public init(_ budget: CheckedBudget, file: String? = nil) { self.init(.budget(budget), file: file) }

    /// Reads a budget or a history (by its `format`) and checks it against the catalogue.
    /// - Throws: ``InputError`` naming the file, the field path and the reason.
    public init(decoding data: Data, file: String? = nil, catalog: Catalog = .builtIn) throws(InputError) {
        self.init(try BudgetDocument(decoding: data, file: file, catalog: catalog), file: file)
    }

    /// The checked budget or history, when the input holds one; `nil` for a budget or a history built in code, which
    /// the engine checks.
    package var document: BudgetDocument? {
        if case .checked(let document) = content { return document }
        return nil
    }

    /// The budget, when the input is one (`nil` for a history).
    package var budget: Budget? {
        switch content {
        case .checked(.budget(let checked)): checked.budget
        case .budget(let budget): budget
        case .checked(.history), .history: nil
        }
    }

    /// The history, when the input is one (`nil` for a budget).
    package var history: BudgetHistory? {
        switch content {
        case .checked(.history(let checked)): checked.history
        case .history(let history): history
        case .checked(.budget), .budget: nil
        }
    }

    /// The cluster the input is about (a history's own profile).
    package var cluster: ClusterProfile {
        switch content {
        case .checked(let document): document.cluster
        case .budget(let budget): budget.cluster
        case .history(let history): history.cluster
        }
    }

    /// The input checked against a catalogue (as it is, when it already is).
    /// - Throws: ``InputError`` naming the file, the field path and the reason.
    func checked(against catalog: Catalog) throws(InputError) -> BudgetDocument {
        switch content {
        case .checked(let document): document
        case .budget(let budget): .budget(try CheckedBudget(budget, catalog: catalog, file: file))
        case .history(let history): .history(try CheckedHistory(history, catalog: catalog, file: file))
        }
    }
}
