import Foundation

/// A budget to check, with the file it came from.
public struct BudgetInput: Sendable {
    /// The budget.
    public var budget: Budget
    /// The file it was read from, if any; reports name it.
    public var file: String?
    /// The history, when the input is one (`clusterkit.history/1`); `budget` is then its stand-in.
    public var history: BudgetHistory?

    /// Creates an input.
    public init(_ budget: Budget, file: String? = nil) {
        self.budget = budget
        self.file = file
    }
}

extension BudgetInput {
    /// An input for a history; its `budget` is the history's ``BudgetHistory/standIn``.
    public init(history: BudgetHistory, file: String? = nil) {
        self.init(history.standIn, file: file)
        self.history = history
    }

    /// An input for a decoded document.
    public init(_ document: BudgetDocument, file: String? = nil) {
        switch document {
        case .budget(let budget): self.init(budget, file: file)
        case .history(let history): self.init(history: history, file: file)
        }
    }

    /// Reads a budget or a history (by its `format`) and checks it against the catalogue.
    /// - Throws: ``InputError`` naming the file, the field path and the reason.
    public init(decoding data: Data, file: String? = nil, catalog: Catalog = .builtIn) throws(InputError) {
        self.init(try BudgetDocument(decoding: data, file: file, catalog: catalog), file: file)
    }
}
