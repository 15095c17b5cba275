import Foundation

/// A coding key for any field name or index.
package struct AnyCodingKey: CodingKey, Hashable {
    package let stringValue: String
    package let intValue: Int?
    package init(_ string: String) {
        stringValue = string
        intValue = nil
    }
    package init?(stringValue: String) { self.init(stringValue) }
    package init?(intValue: Int) {
        stringValue = "\(intValue)"
        self.intValue = intValue
    }
}

/// Reads the fields of one JSON object strictly: required fields must be there, unknown fields are errors (with a
/// suggestion), amounts and shares are exact.
package struct FieldReader {
    package let container: KeyedDecodingContainer<AnyCodingKey>

    package init(_ decoder: any Decoder, allowed: [String]) throws {
        container = try decoder.container(keyedBy: AnyCodingKey.self)
        for key in container.allKeys where !allowed.contains(key.stringValue) {
            let suggestions = Suggestions.nearest(to: key.stringValue, among: allowed, limit: 2)
            let hint = suggestions.isEmpty
                ? " (known fields: \(allowed.joined(separator: ", ")))"
                : Suggestions.hint(suggestions, separator: " or ")
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "unknown field '\(key.stringValue)'\(hint)")
        }
    }

    /// Reads an object whose keys are the caller's to check (the line ids of `forecast`).
    package init(_ decoder: any Decoder, allowedAny: Bool) throws {
        container = try decoder.container(keyedBy: AnyCodingKey.self)
    }

    package var codingPath: [any CodingKey] { container.codingPath }

    /// Checks a document's `format` tag (`clusterkit.budget/1`…): absent is accepted, any other tag is an error at
    /// `format`. The one check of the budget, history, configuration, plan terms and scenario documents.
    package func checkFormat(_ expected: String) throws {
        if let format = try optional("format", as: String.self), format != expected {
            throw DecodingError.dataCorruptedError(
                forKey: AnyCodingKey("format"), in: container, debugDescription: "format '\(format)' is not '\(expected)'")
        }
    }

    /// The error for a required field that is absent.
    package func missing(_ key: String) -> DecodingError {
        let codingKey = AnyCodingKey(key)
        return DecodingError.keyNotFound(
            codingKey, .init(codingPath: codingPath + [codingKey], debugDescription: "required field '\(key)' is missing"))
    }

    package func required<T: Decodable>(_ key: String, as type: T.Type = T.self) throws -> T {
        let codingKey = AnyCodingKey(key)
        guard container.contains(codingKey) else { throw missing(key) }
        return try container.decode(T.self, forKey: codingKey)
    }

    package func optional<T: Decodable>(_ key: String, as type: T.Type = T.self) throws -> T? {
        try container.decodeIfPresent(T.self, forKey: AnyCodingKey(key))
    }

    /// A value of a closed set (`kind`, `nature`, `category`…); an unknown value lists the accepted ones.
    package func choice<T: RawRepresentable & CaseIterable & Decodable>(_ key: String, as type: T.Type = T.self) throws -> T?
    where T.RawValue == String {
        guard let text = try optional(key, as: String.self) else { return nil }
        guard let value = T(rawValue: text) else {
            let accepted = T.allCases.map(\.rawValue)
            let nearest = Suggestions.nearest(to: text, among: accepted, limit: 1)
            throw DecodingError.dataCorruptedError(
                forKey: AnyCodingKey(key), in: container,
                debugDescription: "'\(text)' is not one of \(accepted.joined(separator: ", "))"
                    + Suggestions.hint(nearest))
        }
        return value
    }

    package func has(_ key: String) -> Bool { container.contains(AnyCodingKey(key)) }

    /// An amount: a JSON number or a decimal string, non-negative, at most two decimals, held exactly.
    package func amount(_ key: String, currency: CurrencyCode) throws -> Money {
        let codingKey = AnyCodingKey(key)
        guard container.contains(codingKey) else { throw missing(key) }
        guard let amount = try optionalAmount(key, currency: currency) else {
            // Present but null: a required amount, not an absent optional one.
            throw DecodingError.valueNotFound(
                Decimal.self, .init(codingPath: codingPath + [codingKey], debugDescription: "\(key) is null"))
        }
        return amount
    }

    package func optionalAmount(_ key: String, currency: CurrencyCode) throws -> Money? {
        let codingKey = AnyCodingKey(key)
        guard container.contains(codingKey), try !container.decodeNil(forKey: codingKey) else { return nil }
        func fail(_ reason: String) -> DecodingError {
            DecodingError.dataCorruptedError(forKey: codingKey, in: container, debugDescription: reason)
        }
        let decimal: Decimal
        // A number first: most amounts are numbers, and a failed decoding builds an error, which costs.
        if let value = try? container.decode(Decimal.self, forKey: codingKey) {
            decimal = value
        } else if let text = try? container.decode(String.self, forKey: codingKey) {
            guard Self.isDecimalLiteral(text), let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
            else { throw fail("'\(text)' is not an amount: write a number such as 1227000.50") }
            decimal = value
        } else {
            throw fail("an amount must be a number or a string such as \"1227000.50\"")
        }
        guard !decimal.isNaN else { throw fail("an amount must be a number") }
        guard decimal >= 0 else { throw fail("negative amount \(decimal): amounts are written positive") }
        guard let money = Money(exactly: decimal, currency: currency) else {
            if decimal > Decimal(Int64.max) / 100 {
                throw fail("amount \(decimal) is too large to hold exactly")
            }
            throw fail("amount \(decimal) has more than two decimals")
        }
        return money
    }

    /// A share written as a fraction from 0 to 1 (`0.3` for 30%), held exactly.
    package func share(_ key: String) throws -> Share? {
        let codingKey = AnyCodingKey(key)
        guard container.contains(codingKey), try !container.decodeNil(forKey: codingKey) else { return nil }
        let decimal = try container.decode(Decimal.self, forKey: codingKey)
        guard decimal >= 0, decimal <= 1, let share = Share(exactly: decimal) else {
            throw DecodingError.dataCorruptedError(
                forKey: codingKey, in: container,
                debugDescription: "\(decimal) is not a share: write a fraction from 0 to 1, such as 0.3 for 30%")
        }
        return share
    }

    package func nonNegativeInteger(_ key: String) throws -> Int? {
        guard let value = try optional(key, as: Int.self) else { return nil }
        guard value >= 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: AnyCodingKey(key), in: container, debugDescription: "\(value) is negative")
        }
        return value
    }

    package func year(_ key: String) throws -> Int? {
        guard let value = try optional(key, as: Int.self) else { return nil }
        guard (1800...2200).contains(value) else {
            throw DecodingError.dataCorruptedError(
                forKey: AnyCodingKey(key), in: container, debugDescription: "\(value) is not a plausible year")
        }
        return value
    }

    /// Decodes an array of objects, handing each element's decoder (whose coding path ends in its index) to `body`.
    /// An array longer than a budget may be (``BudgetDecoder/maximumLineCount``) is refused before any element is
    /// read.
    package func array<T>(_ key: String, _ body: (any Decoder, Int) throws -> T) throws -> [T]? {
        let codingKey = AnyCodingKey(key)
        guard container.contains(codingKey), try !container.decodeNil(forKey: codingKey) else { return nil }
        var elements = try container.nestedUnkeyedContainer(forKey: codingKey)
        if let count = elements.count, count > BudgetDecoder.maximumLineCount {
            throw DecodingError.dataCorruptedError(
                forKey: codingKey, in: container,
                debugDescription: "\(count) entries, more than the \(BudgetDecoder.maximumLineCount) ClusterKit checks")
        }
        var result: [T] = []
        while !elements.isAtEnd {
            let index = elements.currentIndex
            result.append(try body(try elements.superDecoder(), index))
        }
        return result
    }

    package static func isDecimalLiteral(_ text: String) -> Bool {
        var digitsBefore = 0, digitsAfter = 0, seenPoint = false
        for (offset, character) in text.enumerated() {
            switch character {
            case "-" where offset == 0: continue
            case "0"..."9": if seenPoint { digitsAfter += 1 } else { digitsBefore += 1 }
            case "." where !seenPoint: seenPoint = true
            default: return false
            }
        }
        return digitsBefore > 0 && (!seenPoint || digitsAfter > 0)
    }
}

/// Writes fields in a fixed order, leaving out absent optionals.
struct FieldWriter {
    package var container: KeyedEncodingContainer<AnyCodingKey>

    package init(_ encoder: any Encoder) { container = encoder.container(keyedBy: AnyCodingKey.self) }

    package mutating func write<T: Encodable>(_ value: T?, _ key: String) throws {
        if let value { try container.encode(value, forKey: AnyCodingKey(key)) }
    }

    package mutating func write(_ value: Money?, _ key: String) throws {
        if let value { try container.encode(value.decimalValue, forKey: AnyCodingKey(key)) }
    }

    package mutating func write(_ value: Share?, _ key: String) throws {
        if let value { try container.encode(value.rounded(toPlaces: 6), forKey: AnyCodingKey(key)) }
    }
}
