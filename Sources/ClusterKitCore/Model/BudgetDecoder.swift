import Foundation

/// Reads `clusterkit.budget/1` documents and checks them against a catalogue.
///
/// ```swift
/// let decoder = BudgetDecoder(catalog: try Catalog.builtIn.adding(RegionalVoucher()))
/// let budget = try decoder.decode(data, file: "mecabourg-2013.json")
/// let report = Engine(ruleSet: .recommended).check(budget)
/// ```
public struct BudgetDecoder: Sendable {
    /// The largest document ClusterKit reads, in bytes (16 MiB); a larger one is an ``InputError``, read no further.
    package static var maximumDocumentSize: Int { JSONInput.maximumDocumentSize }

    /// The most lines — resources and expenses together — a budget may have (100,000): a budget past it is an
    /// ``InputError`` (path `resources`), whether it was read from a file or built in code. A cluster's plan of
    /// financing has tens of lines; the limit bounds the work a hostile input can ask for.
    package static let maximumLineCount = 100_000

    /// The revenue sources (and regimes) a budget may name.
    public var catalog: Catalog

    /// Creates a decoder for a catalogue.
    public init(catalog: Catalog = .builtIn) { self.catalog = catalog }

    /// Decodes one budget and checks it: the result carries its figures, and the engine judges it as it is (a budget
    /// built in code is checked by ``CheckedBudget/init(_:catalog:file:)``).
    /// - Throws: ``InputError`` naming the file, the field path and the reason.
    public func decode(_ data: Data, file: String? = nil) throws(InputError) -> CheckedBudget {
        try CheckedBudget(JSONInput.decode(Budget.self, from: data, file: file), catalog: catalog, file: file)
    }
}

/// Decodes JSON documents into input errors that name the file, the line and column of a syntax error, the field
/// path and the reason. Every JSON reader of ClusterKit (budgets, histories, configurations, plan terms, scenarios)
/// goes through it.
///
/// The document is scanned once into a ``JSONTape`` (the syntax checked, a syntax error placed at its line and
/// column), and the type's `init(from:)` reads its values from it through ``JSONTapeDecoder``: no tree of Foundation
/// objects, no second parse, amounts converted from their decimal text to integer minor units.
package enum JSONInput {
    /// The largest document ClusterKit reads, in bytes (16 MiB).
    static let maximumDocumentSize = 16 << 20

    package static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String?) throws(InputError) -> T {
        try checkSize(data, file: file)
        do {
            let tape = try JSONTape(data)
            return try JSONTapeDecoder(tape: tape, index: 0).decode(T.self)
        } catch let error as JSONSyntaxError {
            throw InputError(file: file, path: "", reason: "not valid JSON: \(error.detail)", line: error.line, column: error.column)
        } catch let error as DecodingError {
            throw InputError(error, file: file)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(file: file, path: "", reason: "\(error)")
        }
    }

    /// Decodes through Foundation's `JSONDecoder` — the path a host's own decoding of a public type takes — with
    /// errors made as ``decode(_:from:file:)`` makes them (a syntax error without its place). For the tests that
    /// hold the two paths to the same values and errors.
    package static func decodeWithFoundation<T: Decodable>(_ type: T.Type, from data: Data, file: String?) throws(InputError) -> T {
        try checkSize(data, file: file)
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw InputError(file: file, path: "", reason: "not valid JSON")
            }
            throw InputError(error, file: file)
        } catch {
            throw InputError(file: file, path: "", reason: "\(error)")
        }
    }

    private static func checkSize(_ data: Data, file: String?) throws(InputError) {
        guard data.count <= maximumDocumentSize else {
            throw InputError(
                file: file, path: "",
                reason: "the document is \(data.count) bytes, more than the \(maximumDocumentSize) bytes ClusterKit reads")
        }
    }
}
