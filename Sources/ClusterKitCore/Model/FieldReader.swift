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
///
/// The one way the models read their fields, whoever decodes: on ClusterKit's own decoder (``JSONTapeDecoder``, what
/// every ClusterKit reader uses) it reads straight from the scanned document; on any other decoder (a host's
/// `JSONDecoder` on a public type) through a keyed container. Both give the same values and the same errors.
package struct FieldReader {
    /// The object, on ClusterKit's decoder; `nil` on another decoder.
    private let tape: JSONTapeDecoder?
    /// The keyed container, on another decoder.
    private let keyed: KeyedDecodingContainer<AnyCodingKey>?

    package init(_ decoder: any Decoder, allowed: [String]) throws {
        try self.init(decoder, allowedAny: true)
        if let tape {
            if let first = tape.tape.keys(of: tape.index, notIn: allowed).min() { throw unknownField(first, allowed: allowed) }
        } else if let first = keys.filter({ !allowed.contains($0) }).min() {
            // The smallest unknown key, so that both decoders name the same one (a keyed container's keys come in
            // no set order).
            throw unknownField(first, allowed: allowed)
        }
    }

    /// Reads an object whose keys are the caller's to check (the line ids of `forecast`).
    package init(_ decoder: any Decoder, allowedAny: Bool) throws {
        if let decoder = decoder as? JSONTapeDecoder {
            guard decoder.kind == .object else {
                throw decoder.mismatch([String: Any].self, description: "Cannot get keyed decoding container")
            }
            tape = decoder
            keyed = nil
        } else {
            tape = nil
            keyed = try decoder.container(keyedBy: AnyCodingKey.self)
        }
    }

    private func unknownField(_ key: String, allowed: [String]) -> DecodingError {
        let suggestions = Suggestions.nearest(to: key, among: allowed, limit: 2)
        let hint = suggestions.isEmpty
            ? " (known fields: \(allowed.joined(separator: ", ")))"
            : Suggestions.hint(suggestions, separator: " or ")
        return fail(key, "unknown field '\(key)'\(hint)")
    }

    /// The object as a keyed container (for a caller that needs the `Decoder` API).
    package var container: KeyedDecodingContainer<AnyCodingKey> {
        if let keyed { return keyed }
        return KeyedDecodingContainer(JSONTapeDecoder.KeyedContainer<AnyCodingKey>(decoder: tape!))
    }

    package var codingPath: [any CodingKey] { tape?.codingPath ?? keyed!.codingPath }

    /// The object's keys, each once, in the document's order on ClusterKit's decoder.
    package var keys: [String] {
        if let tape { return tape.tape.keys(of: tape.index) }
        return keyed!.allKeys.map(\.stringValue)
    }

    /// The value of a field on ClusterKit's decoder, `nil` when absent.
    private func value(_ key: String) -> JSONTapeDecoder? {
        guard let tape, let index = tape.tape.member(key, of: tape.index) else { return nil }
        return tape.child(index, .name(key))
    }

    /// Reads the value at `index` of the tape, the field `key`: a string, a flag or a whole number straight from
    /// the tape, anything else (and every error) through a decoder of the value.
    private func read<T: Decodable>(_ index: Int, _ key: String, as type: T.Type) throws -> T {
        let tape = self.tape!
        let kind = tape.tape.kind(index)
        // The types are checked equal before each cast, which then costs nothing.
        if T.self == String.self, kind == .string { return unsafeBitCast(tape.tape.string(index), to: T.self) }
        if T.self == Bool.self, kind == .true || kind == .false { return unsafeBitCast(kind == .true, to: T.self) }
        if T.self == Int.self, kind == .number, let whole = tape.tape.exactNumber(index)?.integer(), let value = Int(exactly: whole) {
            return unsafeBitCast(value, to: T.self)
        }
        return try tape.child(index, .name(key)).decode(T.self)
    }

    /// The error for a field's value: `key: reason`.
    package func fail(_ key: String, _ reason: String) -> DecodingError {
        let codingKey = AnyCodingKey(key)
        return DecodingError.dataCorrupted(.init(codingPath: codingPath + [codingKey], debugDescription: reason))
    }

    /// A decoder for a field's value (of null when the field is absent, as `JSONDecoder`'s `superDecoder`).
    package func decoder(_ key: String) throws -> any Decoder {
        if tape != nil { return value(key) ?? tape!.child(-1, .name(key)) }
        return try keyed!.superDecoder(forKey: AnyCodingKey(key))
    }

    /// Whether a field is there and an array.
    package func isArray(_ key: String) -> Bool {
        if tape != nil { return value(key)?.kind == .array }
        return (try? keyed!.nestedUnkeyedContainer(forKey: AnyCodingKey(key))) != nil
    }

    /// Whether a field is there and an object.
    package func isObject(_ key: String) -> Bool {
        if tape != nil { return value(key)?.kind == .object }
        return (try? keyed!.nestedContainer(keyedBy: AnyCodingKey.self, forKey: AnyCodingKey(key))) != nil
    }

    /// Checks a document's `format` tag (`clusterkit.budget/1`…): absent is accepted, any other tag is an error at
    /// `format`. The one check of the budget, history, configuration, plan terms and scenario documents.
    package func checkFormat(_ expected: String) throws {
        if let format = try optional("format", as: String.self), format != expected {
            throw fail("format", "format '\(format)' is not '\(expected)'")
        }
    }

    /// The error for a required field that is absent.
    package func missing(_ key: String) -> DecodingError {
        let codingKey = AnyCodingKey(key)
        return DecodingError.keyNotFound(
            codingKey, .init(codingPath: codingPath + [codingKey], debugDescription: "required field '\(key)' is missing"))
    }

    package func required<T: Decodable>(_ key: String, as type: T.Type = T.self) throws -> T {
        if let tape {
            guard let index = tape.tape.member(key, of: tape.index) else { throw missing(key) }
            return try read(index, key, as: T.self)
        }
        let codingKey = AnyCodingKey(key)
        guard keyed!.contains(codingKey) else { throw missing(key) }
        return try keyed!.decode(T.self, forKey: codingKey)
    }

    package func optional<T: Decodable>(_ key: String, as type: T.Type = T.self) throws -> T? {
        if let tape {
            guard let index = tape.tape.member(key, of: tape.index), tape.tape.kind(index) != .null else { return nil }
            return try read(index, key, as: T.self)
        }
        return try keyed!.decodeIfPresent(T.self, forKey: AnyCodingKey(key))
    }

    /// A value of a closed set (`kind`, `nature`, `category`…); an unknown value lists the accepted ones.
    package func choice<T: RawRepresentable & CaseIterable & Decodable>(_ key: String, as type: T.Type = T.self) throws -> T?
    where T.RawValue == String {
        guard let text = try optional(key, as: String.self) else { return nil }
        guard let value = T(rawValue: text) else {
            let accepted = T.allCases.map(\.rawValue)
            let nearest = Suggestions.nearest(to: text, among: accepted, limit: 1)
            throw fail(key, "'\(text)' is not one of \(accepted.joined(separator: ", "))" + Suggestions.hint(nearest))
        }
        return value
    }

    package func has(_ key: String) -> Bool {
        if let tape { return tape.tape.member(key, of: tape.index) != nil }
        return keyed!.contains(AnyCodingKey(key))
    }

    /// An amount: a JSON number or a decimal string, non-negative, at most two decimals, held exactly.
    package func amount(_ key: String, currency: CurrencyCode) throws -> Money {
        guard has(key) else { throw missing(key) }
        guard let amount = try optionalAmount(key, currency: currency) else {
            // Present but null: a required amount, not an absent optional one.
            let codingKey = AnyCodingKey(key)
            throw DecodingError.valueNotFound(
                Decimal.self, .init(codingPath: codingPath + [codingKey], debugDescription: "\(key) is null"))
        }
        return amount
    }

    package func optionalAmount(_ key: String, currency: CurrencyCode) throws -> Money? {
        if tape != nil {
            guard let value = value(key), !value.isNull else { return nil }
            // The common case, exactly and without Decimal: a number of at most two decimals, non-negative, that fits.
            // (An exponent far out is left to Decimal, whose range is narrower: `0e500` is no number to it.)
            if value.kind == .number, let exact = value.tape.exactNumber(value.index), !exact.negative || exact.significand == 0,
                (-40...40).contains(exact.exponent),
                let units = exact.integer(scale: 2)
            {
                return Money(minorUnits: units, currency: currency)
            }
            return try Self.amount(value.decodeAmountDecimal(), currency: currency) { fail(key, $0) }
        }
        let codingKey = AnyCodingKey(key)
        guard keyed!.contains(codingKey), try !keyed!.decodeNil(forKey: codingKey) else { return nil }
        let decimal: Decimal
        // A number first: most amounts are numbers, and a failed decoding builds an error, which costs.
        if let value = try? keyed!.decode(Decimal.self, forKey: codingKey) {
            decimal = value
        } else if let text = try? keyed!.decode(String.self, forKey: codingKey) {
            decimal = try Self.amountDecimal(text) { fail(key, $0) }
        } else {
            throw fail(key, Self.notAnAmount)
        }
        return try Self.amount(decimal, currency: currency) { fail(key, $0) }
    }

    static let notAnAmount = "an amount must be a number or a string such as \"1227000.50\""

    /// The amount written in a string.
    static func amountDecimal(_ text: String, fail: (String) -> DecodingError) throws -> Decimal {
        guard Self.isDecimalLiteral(text), let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
        else { throw fail("'\(text)' is not an amount: write a number such as 1227000.50") }
        return value
    }

    /// An amount from its exact decimal, or the reason it is not one.
    private static func amount(_ decimal: Decimal, currency: CurrencyCode, fail: (String) -> DecodingError) throws -> Money {
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
        // The common case, exactly and without Decimal: a number from 0 to 1 of at most 12 decimals (as
        // `Share(exactly:)` reads it: the fewest decimals, 0.50 is 5/10).
        if let tape, let index = tape.tape.member(key, of: tape.index), tape.tape.kind(index) == .number,
            var exact = tape.tape.exactNumber(index), (-40...40).contains(exact.exponent), !exact.negative || exact.significand == 0
        {
            if exact.significand == 0 { return Share(0, over: 1) }
            while exact.exponent < 0, exact.significand % 10 == 0 {
                exact.significand /= 10
                exact.exponent += 1
            }
            let places = max(0, -exact.exponent)
            if places <= 12, let numerator = exact.integer(scale: places) {
                var denominator: Int64 = 1
                for _ in 0..<places { denominator *= 10 }
                if numerator <= denominator { return Share(numerator, over: denominator) }
            }
        }
        guard let decimal = try optional(key, as: Decimal.self) else { return nil }
        guard decimal >= 0, decimal <= 1, let share = Share(exactly: decimal) else {
            throw fail(key, "\(decimal) is not a share: write a fraction from 0 to 1, such as 0.3 for 30%")
        }
        return share
    }

    package func nonNegativeInteger(_ key: String) throws -> Int? {
        guard let value = try optional(key, as: Int.self) else { return nil }
        guard value >= 0 else { throw fail(key, "\(value) is negative") }
        return value
    }

    package func year(_ key: String) throws -> Int? {
        guard let value = try optional(key, as: Int.self) else { return nil }
        guard Budget.plausibleYears.contains(value) else { throw fail(key, "\(value) is not a plausible year") }
        return value
    }

    /// Decodes an array of objects, handing each element's decoder (whose coding path ends in its index) to `body`.
    /// An array longer than a budget may be (``BudgetDecoder/maximumLineCount``) is refused before any element is
    /// read.
    package func array<T>(_ key: String, _ body: (any Decoder, Int) throws -> T) throws -> [T]? {
        func tooMany(_ count: Int) -> DecodingError {
            fail(key, "\(count) entries, more than the \(BudgetDecoder.maximumLineCount) ClusterKit checks")
        }
        if tape != nil {
            guard let value = value(key), !value.isNull else { return nil }
            guard value.kind == .array else { throw value.mismatch([Any].self, description: "Cannot get unkeyed decoding container") }
            let count = value.tape.count(value.index)
            if count > BudgetDecoder.maximumLineCount { throw tooMany(count) }
            var result: [T] = []
            result.reserveCapacity(count)
            for (index, element) in value.tape.elements(of: value.index).enumerated() {
                result.append(try body(value.child(element, .index(index)), index))
            }
            return result
        }
        let codingKey = AnyCodingKey(key)
        guard keyed!.contains(codingKey), try !keyed!.decodeNil(forKey: codingKey) else { return nil }
        var elements = try keyed!.nestedUnkeyedContainer(forKey: codingKey)
        if let count = elements.count, count > BudgetDecoder.maximumLineCount { throw tooMany(count) }
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

extension JSONTapeDecoder {
    /// An amount's value as `FieldReader` reads it on a keyed container: a number as `JSONDecoder` reads a
    /// `Decimal`, else a decimal string, else an error.
    func decodeAmountDecimal() throws -> Decimal {
        if kind == .number, let decimal = try? decodeDecimal() { return decimal }
        let fail = { (reason: String) in
            DecodingError.dataCorrupted(.init(codingPath: self.codingPath, debugDescription: reason))
        }
        guard kind == .string else { throw fail(FieldReader.notAnAmount) }
        return try FieldReader.amountDecimal(tape.string(index), fail: fail)
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
