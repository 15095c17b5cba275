import Foundation

/// An input that ClusterKit cannot evaluate: the file, the field path and the reason.
///
/// Every way a budget can be wrong — malformed JSON, a missing field, a negative amount, an unknown source — ends
/// as one of these, never as a crash or a partial report. Its description reads like a compiler's:
/// `Examples/x.json: resources[1].amount: negative amount -5: amounts are written positive`.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file, when the input came from one.
    public var file: String?
    /// The field path inside the document (`resources[1].amount`); empty for the document as a whole.
    public var path: String
    /// Why the input is wrong, and what would be right.
    public var reason: String
    /// The line in the file, for formats whose positions are lines (CSV), 1-based.
    public var line: Int?
    /// The column in the file, 1-based.
    public var column: Int?
    /// The sheet of a workbook (`.xlsx`, `.ods`) the error is in; with it, ``line`` and ``column`` are the cell's row
    /// and column, and the description names the cell (`budget.xlsx, sheet « Budget », cell F12: …`).
    public var sheet: String?

    /// Creates an input error.
    public init(file: String? = nil, path: String, reason: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.path = path
        self.reason = reason
        self.line = line
        self.column = column
    }

    /// `file:line:column: path: reason`, leaving out what is unknown; in a workbook
    /// `file, sheet « Budget », cell F12: path: reason`.
    public var description: String {
        var location = file ?? "<input>"
        if let sheet {
            location += ", sheet « \(sheet) »"
            if let line, let column { location += ", cell \(InputError.columnLetters(column))\(line)" } else if let line {
                location += ", row \(line)"
            }
        } else {
            if let line { location += ":\(line)" }
            if let column { location += ":\(column)" }
        }
        return path.isEmpty ? "\(location): \(reason)" : "\(location): \(path): \(reason)"
    }

    /// The spreadsheet letters of a column: 1 → A, 27 → AA.
    static func columnLetters(_ column: Int) -> String {
        var number = column, letters = ""
        while number > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (number - 1) % 26))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    /// The same error, attributed to a file.
    package func inFile(_ file: String?) -> InputError {
        var copy = self
        copy.file = file
        return copy
    }

    /// Turns a `DecodingError` into an input error with a readable field path.
    package init(_ error: DecodingError, file: String?) {
        func path(_ keys: [any CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let index = key.intValue, key.stringValue == "\(index)" || key.stringValue.hasPrefix("Index ") {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : "." + key.stringValue
                }
            }
            return text
        }
        switch error {
        case .keyNotFound(let key, let context):
            let reason = context.debugDescription.hasPrefix("required field")
                ? context.debugDescription : "required field '\(key.stringValue)' is missing"
            let keys = context.codingPath.last?.stringValue == key.stringValue ? context.codingPath : context.codingPath + [key]
            self.init(file: file, path: path(keys), reason: reason)
        case .typeMismatch(let type, let context):
            self.init(file: file, path: path(context.codingPath), reason: "expected \(Self.describe(type))")
        case .valueNotFound(let type, let context):
            self.init(file: file, path: path(context.codingPath), reason: "expected \(Self.describe(type)), found null")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                self.init(file: file, path: "", reason: "not valid JSON" + (detail.map { ": \($0)" } ?? ""))
            } else if let value = context.debugDescription.split(separator: "Cannot initialize ").last,
                context.debugDescription.hasPrefix("Cannot initialize")
            {
                self.init(file: file, path: path(context.codingPath), reason: "invalid value: cannot read \(value)")
            } else {
                self.init(file: file, path: path(context.codingPath), reason: context.debugDescription)
            }
        @unknown default:
            self.init(file: file, path: "", reason: "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type: "a whole number"
        case is Decimal.Type, is Double.Type: "a number"
        default:
            if String(describing: type).hasPrefix("Array") { "an array" }
            else if String(describing: type).hasPrefix("Dictionary") || String(describing: type).hasPrefix("KeyedDecodingContainer") { "an object" }
            else { "a value of type \(type)" }
        }
    }
}

/// Reads `clusterkit.budget/1` documents and checks them against a catalogue.
///
/// ```swift
/// let decoder = BudgetDecoder(catalog: try Catalog.builtIn.adding(RegionalVoucher()))
/// let budget = try decoder.decode(data, file: "mecabourg-2013.json")
/// let report = Engine(ruleSet: .recommended).check(budget)
/// ```
public struct BudgetDecoder: Sendable {
    /// The largest document ClusterKit reads, in bytes (16 MiB); a larger one is an ``InputError``, read no further.
    public static var maximumDocumentSize: Int { JSONInput.maximumDocumentSize }

    /// The most lines — resources and expenses together — a budget may have (100,000): a budget past it is an
    /// ``InputError`` (path `resources`), whether it was read from a file or built in code. A cluster's plan of
    /// financing has tens of lines; the limit bounds the work a hostile input can ask for.
    public static let maximumLineCount = 100_000

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
/// path and the reason. Every JSON reader of ClusterKit (budgets, histories, configurations) goes through it.
enum JSONInput {
    /// The largest document ClusterKit reads, in bytes (16 MiB).
    static let maximumDocumentSize = 16 << 20

    static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String?) throws(InputError) -> T {
        guard data.count <= maximumDocumentSize else {
            throw InputError(
                file: file, path: "",
                reason: "the document is \(data.count) bytes, more than the \(maximumDocumentSize) bytes ClusterKit reads")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty { throw syntaxError(data, file: file) }
            throw InputError(error, file: file)
        } catch {
            throw InputError(file: file, path: "", reason: "\(error)")
        }
    }

    /// Asks `JSONSerialization` where the syntax breaks, and turns its character offset into a line and column.
    static func syntaxError(_ data: Data, file: String?) -> InputError {
        var detail = "not valid JSON"
        var line: Int?, column: Int?
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            if !description.isEmpty { detail += ": " + description.trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
            if let range = description.range(of: "character "),
                let offset = Int(description[range.upperBound...].prefix { $0.isNumber })
            {
                (line, column) = position(of: offset, in: data)
            }
        }
        return InputError(file: file, path: "", reason: detail, line: line, column: column)
    }

    /// The 1-based line and column of a byte offset.
    static func position(of offset: Int, in data: Data) -> (Int, Int) {
        var line = 1, column = 1
        for byte in data.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
