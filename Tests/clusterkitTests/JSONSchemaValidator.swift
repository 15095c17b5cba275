import Foundation
import TestSupport

/// A JSON value, decoded exactly (numbers as `Decimal`), for schema validation and comparisons in tests.
enum JSONValue: Decodable, Hashable {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Decimal.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Parses JSON text.
    init(parsing text: String) throws { self = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }

    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    subscript(index: Int) -> JSONValue? {
        if case .array(let array) = self, array.indices.contains(index) { return array[index] }
        return nil
    }

    var string: String? { if case .string(let value) = self { value } else { nil } }
    var array: [JSONValue]? { if case .array(let value) = self { value } else { nil } }
    var object: [String: JSONValue]? { if case .object(let value) = self { value } else { nil } }
    var number: Decimal? { if case .number(let value) = self { value } else { nil } }
}

/// Validates JSON against a JSON Schema (draft-04/07), for the keywords the SARIF 2.1.0 schema uses: `$ref` to
/// `#/definitions/…`, `type`, `required`, `properties`, `additionalProperties`, `enum`, `items`, `minItems`,
/// `uniqueItems`, `minimum`, `maximum`, `pattern`, `format` (`uri`, `uri-reference`, `date-time`, loosely), `oneOf`,
/// `anyOf`. A keyword it does not know is reported as an error, so that it can never pass a document by ignoring
/// part of a schema.
struct JSONSchemaValidator {
    let root: JSONValue

    static let annotations: Set<String> = ["$schema", "id", "$id", "title", "description", "default", "definitions"]
    static let assertions: Set<String> = [
        "$ref", "type", "required", "properties", "additionalProperties", "enum", "items", "minItems", "uniqueItems",
        "minimum", "maximum", "pattern", "format", "oneOf", "anyOf",
    ]

    /// The errors of a document, each as `path: reason`; empty when it is valid.
    func errors(of instance: JSONValue) -> [String] {
        var errors: [String] = []
        check(instance, root, path: "$", errors: &errors)
        return errors
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: JSONValue? = root
        for part in reference.dropFirst(2).split(separator: "/") {
            let key = part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            node = node?[key]
        }
        return node
    }

    private func check(_ value: JSONValue, _ schema: JSONValue, path: String, errors: inout [String]) {
        guard let keywords = schema.object else { return errors.append("\(path): schema is not an object") }
        for key in keywords.keys where !Self.annotations.contains(key) && !Self.assertions.contains(key) {
            errors.append("\(path): unsupported schema keyword '\(key)'")
        }
        if let reference = keywords["$ref"]?.string {
            guard let target = resolve(reference) else { return errors.append("\(path): unresolvable $ref \(reference)") }
            return check(value, target, path: path, errors: &errors)
        }
        if let type = keywords["type"] {
            let names = type.array?.compactMap(\.string) ?? [type.string].compactMap { $0 }
            if !names.contains(where: { Self.matches(value, type: $0) }) {
                errors.append("\(path): expected \(names.joined(separator: " or ")), found \(Self.typeName(value))")
                return
            }
        }
        if let options = keywords["enum"]?.array, !options.contains(value) {
            errors.append("\(path): \(value) is not one of the allowed values")
        }
        switch value {
        case .object(let object):
            for name in keywords["required"]?.array?.compactMap(\.string) ?? [] where object[name] == nil {
                errors.append("\(path): required property '\(name)' is missing")
            }
            let properties = keywords["properties"]?.object ?? [:]
            for (name, member) in object {
                if let schema = properties[name] {
                    check(member, schema, path: "\(path).\(name)", errors: &errors)
                } else if let additional = keywords["additionalProperties"] {
                    if case .bool(false) = additional {
                        errors.append("\(path): property '\(name)' is not allowed")
                    } else if additional.object != nil {
                        check(member, additional, path: "\(path).\(name)", errors: &errors)
                    }
                }
            }
        case .array(let items):
            if let minimum = keywords["minItems"]?.number, Decimal(items.count) < minimum {
                errors.append("\(path): fewer than \(minimum) items")
            }
            if case .bool(true) = keywords["uniqueItems"], Set(items).count != items.count {
                errors.append("\(path): items are not unique")
            }
            if let schema = keywords["items"] {
                for (index, item) in items.enumerated() { check(item, schema, path: "\(path)[\(index)]", errors: &errors) }
            }
        case .number(let number):
            if let minimum = keywords["minimum"]?.number, number < minimum { errors.append("\(path): \(number) < \(minimum)") }
            if let maximum = keywords["maximum"]?.number, number > maximum { errors.append("\(path): \(number) > \(maximum)") }
        case .string(let text):
            if let pattern = keywords["pattern"]?.string {
                let regex = try? NSRegularExpression(pattern: pattern)
                let range = NSRange(text.startIndex..., in: text)
                if regex?.firstMatch(in: text, range: range) == nil {
                    errors.append("\(path): '\(text)' does not match \(pattern)")
                }
            }
            if let format = keywords["format"]?.string, !Self.conforms(text, to: format) {
                errors.append("\(path): '\(text)' is not a valid \(format)")
            }
        default: break
        }
        if let alternatives = keywords["anyOf"]?.array {
            let passing = alternatives.filter { alternative in
                var inner: [String] = []
                check(value, alternative, path: path, errors: &inner)
                return inner.isEmpty
            }
            if passing.isEmpty { errors.append("\(path): matches none of anyOf") }
        }
        if let alternatives = keywords["oneOf"]?.array {
            let passing = alternatives.filter { alternative in
                var inner: [String] = []
                check(value, alternative, path: path, errors: &inner)
                return inner.isEmpty
            }
            if passing.count != 1 { errors.append("\(path): matches \(passing.count) of oneOf, not exactly one") }
        }
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array),
            ("object", .object):
            return true
        case ("integer", .number(let number)):
            var value = number, rounded = Decimal()
            NSDecimalRound(&rounded, &value, 0, .plain)
            return rounded == number
        default:
            return false
        }
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Loose checks of the formats the SARIF schema names: an absolute URI has a scheme and no white space; a URI
    /// reference has no white space and valid percent escapes; a date-time follows RFC 3339.
    static func conforms(_ text: String, to format: String) -> Bool {
        func matches(_ pattern: String) -> Bool { text.range(of: pattern, options: .regularExpression) != nil }
        let noBlanks = !text.contains { $0.isWhitespace } && !matches("%(?![0-9A-Fa-f]{2})")
        switch format {
        case "uri": return noBlanks && matches("^[A-Za-z][A-Za-z0-9+.-]*:[^ ]+$")
        case "uri-reference": return noBlanks
        case "date-time": return matches(#"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"#)
        default: return true
        }
    }
}
