import Foundation

/// A `Decoder` over one value of a ``JSONTape``: every `Decodable` type of ClusterKit reads through it with its
/// own `init(from:)`, the very code `JSONDecoder` runs, and ``FieldReader`` reads its objects' fields straight from
/// the tape.
///
/// It gives the values and errors Foundation's `JSONDecoder` gives (the same coding paths, the same error cases and
/// types): a number that does not fit the type asked for is the one exception, reported as a
/// ``JSONSyntaxError`` at the number (where `JSONDecoder` says « not valid JSON » without a place).
package final class JSONTapeDecoder: Decoder {
    let tape: JSONTape
    /// The entry of the value; -1 for an absent value read as null (a `superDecoder` of a missing key).
    let index: Int
    let parent: JSONTapeDecoder?
    let key: PathKey?

    enum PathKey {
        case name(String)
        case index(Int)

        var codingKey: AnyCodingKey {
            switch self {
            case .name(let name): AnyCodingKey(name)
            case .index(let index): AnyCodingKey(intValue: index)!
            }
        }
    }

    init(tape: JSONTape, index: Int, parent: JSONTapeDecoder? = nil, key: PathKey? = nil) {
        self.tape = tape
        self.index = index
        self.parent = parent
        self.key = key
    }

    package var codingPath: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node: JSONTapeDecoder? = self
        while let current = node, let key = current.key {
            keys.append(key.codingKey)
            node = current.parent
        }
        return keys.reversed()
    }

    package var userInfo: [CodingUserInfoKey: Any] { [:] }

    var kind: JSONTape.Kind { index < 0 ? .null : tape.kind(index) }

    func child(_ index: Int, _ key: PathKey) -> JSONTapeDecoder {
        JSONTapeDecoder(tape: tape, index: index, parent: self, key: key)
    }

    package func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard kind == .object else {
            throw mismatch([String: Any].self, description: "Cannot get keyed decoding container")
        }
        return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self))
    }

    package func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard kind == .array else {
            throw mismatch([Any].self, description: "Cannot get unkeyed decoding container")
        }
        return UnkeyedContainer(decoder: self)
    }

    package func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValueContainer(decoder: self) }

    // MARK: Values

    var kindName: String {
        switch kind {
        case .object: "a dictionary"
        case .array: "an array"
        case .string: "a string"
        case .number: "number"
        case .true, .false: "bool"
        case .null: "null"
        }
    }

    /// `JSONDecoder`'s error for a value of another kind: `valueNotFound` for null, `typeMismatch` otherwise.
    func mismatch(_ type: Any.Type, description: String? = nil) -> DecodingError {
        if kind == .null {
            return .valueNotFound(
                type, .init(codingPath: codingPath, debugDescription: "\(description ?? "Cannot get value of type \(type)") -- found null value instead"))
        }
        return .typeMismatch(
            type, .init(codingPath: codingPath, debugDescription: "Expected to decode \(type) but found \(kindName) instead."))
    }

    /// A number that is not valid for the type asked for: `JSONDecoder` says the data is not valid JSON, and
    /// ClusterKit's decoder says why, at the number.
    func notRepresentable(_ type: Any.Type) -> JSONSyntaxError {
        let text = tape.numberText(index)
        let detail: String
        switch type {
        case is Decimal.Type, is Double.Type, is Float.Type: detail = "the number \(text) is out of the range ClusterKit reads"
        default: detail = "expected a whole number ClusterKit can hold, found \(text)"
        }
        return tape.fault(at: tape.offset(index), detail)
    }

    var isNull: Bool { kind == .null }

    func decodeBool() throws -> Bool {
        switch kind {
        case .true: return true
        case .false: return false
        default: throw mismatch(Bool.self)
        }
    }

    func decodeString() throws -> String {
        guard kind == .string else { throw mismatch(String.self) }
        return tape.string(index)
    }

    func decodeDecimal() throws -> Decimal {
        guard kind == .number else { throw mismatch(Decimal.self) }
        guard let value = Decimal(string: tape.numberText(index), locale: nil), value.isFinite else {
            throw notRepresentable(Decimal.self)
        }
        return value
    }

    func decodeInteger<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard kind == .number else { throw mismatch(T.self) }
        guard let exact = tape.exactNumber(index) else { throw notRepresentable(T.self) }
        if let value = exact.integer(), let result = T(exactly: value) { return result }
        // Past Int64: an unsigned 64-bit value.
        if !exact.negative, exact.exponent >= 0, T.self == UInt64.self || T.self == UInt.self {
            var magnitude = exact.significand
            for _ in 0..<exact.exponent {
                let (times, overflow) = magnitude.multipliedReportingOverflow(by: 10)
                guard !overflow else { throw notRepresentable(T.self) }
                magnitude = times
            }
            if let result = T(exactly: magnitude) { return result }
        }
        throw notRepresentable(T.self)
    }

    func decodeFloatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(_ type: T.Type) throws -> T {
        guard kind == .number else { throw mismatch(T.self) }
        guard let value = T(tape.numberText(index)), value.isFinite else { throw notRepresentable(T.self) }
        return value
    }

    /// Decodes any `Decodable` value here: the scalars and `Decimal` as `JSONDecoder` reads them, other types
    /// through their `init(from:)`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // The types are checked equal before each cast, which then costs nothing (`as!` would ask the runtime).
        if T.self == String.self { return unsafeBitCast(try decodeString(), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try decodeInteger(Int.self), to: T.self) }
        if T.self == Bool.self { return unsafeBitCast(try decodeBool(), to: T.self) }
        if T.self == Decimal.self { return unsafeBitCast(try decodeDecimal(), to: T.self) }
        if T.self == Double.self { return unsafeBitCast(try decodeFloatingPoint(Double.self), to: T.self) }
        return try T(from: self)
    }

    // MARK: Containers

    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: JSONTapeDecoder
        var codingPath: [any CodingKey] { decoder.codingPath }
        var allKeys: [Key] { decoder.tape.keys(of: decoder.index).compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { decoder.tape.member(key.stringValue, of: decoder.index) != nil }

        func value(_ key: Key) throws -> JSONTapeDecoder {
            guard let index = decoder.tape.member(key.stringValue, of: decoder.index) else {
                throw DecodingError.keyNotFound(
                    key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
            }
            return decoder.child(index, .name(key.stringValue))
        }

        func decodeNil(forKey key: Key) throws -> Bool { try value(key).isNull }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(key).decodeBool() }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(key).decodeString() }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(key).decodeFloatingPoint(Double.self) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try value(key).decodeFloatingPoint(Float.self) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(key).decodeInteger(Int.self) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value(key).decodeInteger(Int8.self) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value(key).decodeInteger(Int16.self) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value(key).decodeInteger(Int32.self) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(key).decodeInteger(Int64.self) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value(key).decodeInteger(UInt.self) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(key).decodeInteger(UInt8.self) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(key).decodeInteger(UInt16.self) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(key).decodeInteger(UInt32.self) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(key).decodeInteger(UInt64.self) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try value(key).decode(T.self) }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type, forKey key: Key
        ) throws -> KeyedDecodingContainer<NestedKey> {
            try value(key).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try value(key).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { try superDecoder(forKey: Key(stringValue: "super")!) }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            // As JSONDecoder: a missing key gives a decoder of null.
            let index = decoder.tape.member(key.stringValue, of: decoder.index) ?? -1
            return decoder.child(index, .name(key.stringValue))
        }
    }

    struct UnkeyedContainer: UnkeyedDecodingContainer {
        let decoder: JSONTapeDecoder
        let elements: [Int]
        var currentIndex = 0

        init(decoder: JSONTapeDecoder) {
            self.decoder = decoder
            elements = decoder.tape.elements(of: decoder.index)
        }

        var codingPath: [any CodingKey] { decoder.codingPath }
        var count: Int? { elements.count }
        var isAtEnd: Bool { currentIndex >= elements.count }

        mutating func next(_ type: Any.Type) throws -> JSONTapeDecoder {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(
                    type,
                    .init(codingPath: codingPath + [AnyCodingKey(intValue: currentIndex)!], debugDescription: "Unkeyed container is at end."))
            }
            defer { currentIndex += 1 }
            return decoder.child(elements[currentIndex], .index(currentIndex))
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(
                    Any?.self,
                    .init(codingPath: codingPath + [AnyCodingKey(intValue: currentIndex)!], debugDescription: "Unkeyed container is at end."))
            }
            guard decoder.tape.kind(elements[currentIndex]) == .null else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type).decodeBool() }
        mutating func decode(_ type: String.Type) throws -> String { try next(type).decodeString() }
        mutating func decode(_ type: Double.Type) throws -> Double { try next(type).decodeFloatingPoint(Double.self) }
        mutating func decode(_ type: Float.Type) throws -> Float { try next(type).decodeFloatingPoint(Float.self) }
        mutating func decode(_ type: Int.Type) throws -> Int { try next(type).decodeInteger(Int.self) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type).decodeInteger(Int8.self) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type).decodeInteger(Int16.self) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type).decodeInteger(Int32.self) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type).decodeInteger(Int64.self) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type).decodeInteger(UInt.self) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type).decodeInteger(UInt8.self) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type).decodeInteger(UInt16.self) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type).decodeInteger(UInt32.self) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type).decodeInteger(UInt64.self) }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type).decode(T.self) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try next([String: Any].self).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try next([Any].self).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder { try next((any Decoder).self) }
    }

    struct SingleValueContainer: SingleValueDecodingContainer {
        let decoder: JSONTapeDecoder
        var codingPath: [any CodingKey] { decoder.codingPath }

        func decodeNil() -> Bool { decoder.isNull }
        func decode(_ type: Bool.Type) throws -> Bool { try decoder.decodeBool() }
        func decode(_ type: String.Type) throws -> String { try decoder.decodeString() }
        func decode(_ type: Double.Type) throws -> Double { try decoder.decodeFloatingPoint(Double.self) }
        func decode(_ type: Float.Type) throws -> Float { try decoder.decodeFloatingPoint(Float.self) }
        func decode(_ type: Int.Type) throws -> Int { try decoder.decodeInteger(Int.self) }
        func decode(_ type: Int8.Type) throws -> Int8 { try decoder.decodeInteger(Int8.self) }
        func decode(_ type: Int16.Type) throws -> Int16 { try decoder.decodeInteger(Int16.self) }
        func decode(_ type: Int32.Type) throws -> Int32 { try decoder.decodeInteger(Int32.self) }
        func decode(_ type: Int64.Type) throws -> Int64 { try decoder.decodeInteger(Int64.self) }
        func decode(_ type: UInt.Type) throws -> UInt { try decoder.decodeInteger(UInt.self) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.decodeInteger(UInt8.self) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.decodeInteger(UInt16.self) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.decodeInteger(UInt32.self) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.decodeInteger(UInt64.self) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(T.self) }
    }
}
