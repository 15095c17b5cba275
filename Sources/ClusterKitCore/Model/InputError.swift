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
    package static func columnLetters(_ column: Int) -> String {
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
