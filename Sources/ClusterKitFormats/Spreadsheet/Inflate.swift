import ClusterKitCore
/// Why a deflate stream cannot be expanded; the zip reader adds the archive and the entry.
struct InflateError: Error, Equatable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// A decoder of raw deflate streams (RFC 1951): stored, fixed-Huffman and dynamic-Huffman blocks, the format of a
/// zip entry compressed with method 8.
///
/// It is written here rather than linked from the system's zlib so that the package keeps no dependency beyond the
/// toolchain (no system-library target, no `zlib1g-dev` on Linux), and so that the output limit is enforced inside
/// the decoding loop: the output never grows past `limit` bytes, whatever the stream says, and a stream that tries is
/// refused at the byte that would cross it. Every read is bounds-checked; a truncated or malformed stream is an
/// ``InflateError``, never a trap.
///
/// The Huffman codes are decoded as zlib's `puff.c` does (canonical codes, one bit at a time over the count of codes
/// of each length), with a 9-bit lookup table in front for the short codes that make up most symbols.
struct Inflater {
    /// Expands `input` (a raw deflate stream) into at most `limit` bytes. `expected`, the size the output should
    /// have (a zip entry's declared size, already checked against the limits), is reserved at once, so that the output
    /// is never copied as it grows.
    /// - Throws: ``InflateError`` for a malformed or truncated stream, or when the output would pass `limit`.
    static func inflate(_ input: [UInt8], limit: Int, expected: Int? = nil) throws(InflateError) -> [UInt8] {
        try inflate(input[...], limit: limit, expected: expected)
    }

    /// ``inflate(_:limit:expected:)`` of a part of a buffer (a zip entry's bytes in the archive), read where it is.
    static func inflate(_ input: ArraySlice<UInt8>, limit: Int, expected: Int? = nil) throws(InflateError) -> [UInt8] {
        var state = Inflater(input: input, limit: limit, reserve: expected)
        try state.run()
        return state.output
    }

    private let input: ArraySlice<UInt8>
    private let limit: Int
    /// The next byte of ``input`` (its indices are the buffer's).
    private var position: Int
    private var bitBuffer: UInt64 = 0
    private var bitCount = 0
    private(set) var output: [UInt8] = []

    private init(input: ArraySlice<UInt8>, limit: Int, reserve: Int?) {
        self.input = input
        self.position = input.startIndex
        self.limit = limit
        output.reserveCapacity(min(limit, reserve ?? max(input.count * 4, 4096)))
    }

    // MARK: Bits

    private mutating func need(_ count: Int) throws(InflateError) {
        while bitCount < count {
            guard position < input.endIndex else { throw InflateError("the compressed data ends early (truncated)") }
            bitBuffer |= UInt64(input[position]) << UInt64(bitCount)
            position += 1
            bitCount += 8
        }
    }

    private mutating func bits(_ count: Int) throws(InflateError) -> Int {
        guard count > 0 else { return 0 }
        try need(count)
        let value = Int(bitBuffer & ((1 << UInt64(count)) - 1))
        bitBuffer >>= UInt64(count)
        bitCount -= count
        return value
    }

    // MARK: Blocks

    private mutating func run() throws(InflateError) {
        var last = false
        while !last {
            last = try bits(1) == 1
            switch try bits(2) {
            case 0: try stored()
            case 1: try codes(Self.fixedLengths, Self.fixedDistances)
            case 2:
                let (lengths, distances) = try dynamicTables()
                try codes(lengths, distances)
            default: throw InflateError("the compressed data has a block of the reserved type 3")
            }
        }
    }

    private mutating func stored() throws(InflateError) {
        // Drop the bits left in the current byte; the buffer holds whole bytes only after that.
        bitBuffer >>= UInt64(bitCount % 8)
        bitCount -= bitCount % 8
        let length = try bits(16)
        let complement = try bits(16)
        guard length == (~complement & 0xFFFF) else { throw InflateError("a stored block's length is corrupt") }
        // Whole bytes still in the bit buffer come first (at most 4 after the two 16-bit reads, usually none).
        var remaining = length
        while remaining > 0, bitCount >= 8 {
            try append(UInt8(try bits(8)))
            remaining -= 1
        }
        guard input.endIndex - position >= remaining else { throw InflateError("the compressed data ends early (truncated)") }
        guard output.count + remaining <= limit else { throw InflateError.limit(limit) }
        output.append(contentsOf: input[position..<(position + remaining)])
        position += remaining
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) throws(InflateError) {
        guard output.count < limit else { throw InflateError.limit(limit) }
        output.append(byte)
    }

    private static let lengthBase: [Int] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
    ]
    private static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase: [Int] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
        8193, 12289, 16385, 24577,
    ]
    private static let distanceExtra: [Int] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]

    private mutating func codes(_ lengths: Huffman, _ distances: Huffman) throws(InflateError) {
        while true {
            let symbol = try decode(lengths)
            if symbol < 256 {
                try append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let index = symbol - 257
            guard index < 29 else { throw InflateError("the compressed data has an invalid length code") }
            let length = Self.lengthBase[index] + (try bits(Self.lengthExtra[index]))
            let distanceSymbol = try decode(distances)
            guard distanceSymbol < 30 else { throw InflateError("the compressed data has an invalid distance code") }
            let distance = Self.distanceBase[distanceSymbol] + (try bits(Self.distanceExtra[distanceSymbol]))
            guard distance <= output.count else { throw InflateError("the compressed data refers back before its start") }
            guard output.count + length <= limit else { throw InflateError.limit(limit) }
            var from = output.count - distance
            for _ in 0..<length {
                output.append(output[from])
                from += 1
            }
        }
    }

    // MARK: Huffman codes

    /// A canonical Huffman code: how many codes have each length, the symbols in code order, and a table of the codes
    /// of at most ``fastBits`` bits (symbol and length, read from the next bits reversed).
    struct Huffman {
        static let fastBits = 9
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int]
        /// For each value of the next `fastBits` bits (least significant first): `symbol << 4 | length`, or -1.
        var fast: [Int32]

        /// Builds the code from each symbol's code length (0: unused).
        /// - Throws: ``InflateError`` when the lengths over-subscribe the code, or leave it incomplete where that is
        ///   not allowed (`incompleteAllowed` is for a code with a single symbol, as RFC 1951 permits).
        init(lengths: [Int], incompleteAllowed: Bool = true) throws(InflateError) {
            symbols = [Int](repeating: 0, count: lengths.count)
            fast = [Int32](repeating: -1, count: 1 << Self.fastBits)
            for length in lengths { counts[length] += 1 }
            var left = 1
            for length in 1..<16 {
                left <<= 1
                left -= counts[length]
                guard left >= 0 else { throw InflateError("the compressed data has an over-subscribed Huffman code") }
            }
            if left > 0, !incompleteAllowed { throw InflateError("the compressed data has an incomplete Huffman code") }
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
            // The fast table: walk the codes in canonical order.
            var code = 0, index = 0
            for length in 1...Self.fastBits {
                for _ in 0..<counts[length] {
                    // The code's bits reversed, as they come out of the stream least significant first.
                    var reversed = 0
                    for bit in 0..<length where code & (1 << (length - 1 - bit)) != 0 { reversed |= 1 << bit }
                    var fill = reversed
                    while fill < 1 << Self.fastBits {
                        fast[fill] = Int32(symbols[index] << 4 | length)
                        fill += 1 << length
                    }
                    code += 1
                    index += 1
                }
                code <<= 1
            }
        }
    }

    private mutating func decode(_ huffman: Huffman) throws(InflateError) -> Int {
        // The fast path, when enough bits are at hand (the end of a stream may not have nine more).
        if bitCount < Huffman.fastBits {
            while bitCount < Huffman.fastBits, position < input.endIndex {
                bitBuffer |= UInt64(input[position]) << UInt64(bitCount)
                position += 1
                bitCount += 8
            }
        }
        if bitCount >= Huffman.fastBits {
            let entry = huffman.fast[Int(bitBuffer & UInt64((1 << Huffman.fastBits) - 1))]
            if entry >= 0 {
                let length = Int(entry & 15)
                bitBuffer >>= UInt64(length)
                bitCount -= length
                return Int(entry >> 4)
            }
        }
        // The slow path (puff.c): one bit at a time.
        var code = 0, first = 0, index = 0
        for length in 1..<16 {
            code |= try bits(1)
            let count = huffman.counts[length]
            if code - count < first { return huffman.symbols[index + (code - first)] }
            index += count
            first += count
            first <<= 1
            code <<= 1
        }
        throw InflateError("the compressed data has an invalid Huffman code")
    }

    private static let fixedLengths: Huffman = {
        var lengths = [Int](repeating: 8, count: 288)
        for symbol in 144..<256 { lengths[symbol] = 9 }
        for symbol in 256..<280 { lengths[symbol] = 7 }
        return try! Huffman(lengths: lengths)
    }()
    private static let fixedDistances: Huffman = try! Huffman(lengths: [Int](repeating: 5, count: 30))

    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private mutating func dynamicTables() throws(InflateError) -> (Huffman, Huffman) {
        let literalCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let codeCount = try bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else {
            throw InflateError("the compressed data has too many Huffman codes")
        }
        var codeLengths = [Int](repeating: 0, count: 19)
        for index in 0..<codeCount { codeLengths[Self.codeLengthOrder[index]] = try bits(3) }
        let lengthCode = try Huffman(lengths: codeLengths, incompleteAllowed: false)
        var lengths: [Int] = []
        lengths.reserveCapacity(literalCount + distanceCount)
        while lengths.count < literalCount + distanceCount {
            let symbol = try decode(lengthCode)
            if symbol < 16 {
                lengths.append(symbol)
                continue
            }
            var repeated = 0, times = 0
            switch symbol {
            case 16:
                guard let previous = lengths.last else { throw InflateError("the compressed data repeats a length before any") }
                repeated = previous
                times = 3 + (try bits(2))
            case 17: times = 3 + (try bits(3))
            default: times = 11 + (try bits(7))
            }
            guard lengths.count + times <= literalCount + distanceCount else {
                throw InflateError("the compressed data has too many code lengths")
            }
            lengths.append(contentsOf: repeatElement(repeated, count: times))
        }
        guard lengths[256] != 0 else { throw InflateError("the compressed data has no end-of-block code") }
        let literals = Array(lengths[..<literalCount])
        let distances = Array(lengths[literalCount...])
        // An incomplete code is allowed only when it has a single code (RFC 1951, 3.2.7; as zlib's puff.c).
        let literalTable = try Huffman(lengths: literals, incompleteAllowed: literals.filter { $0 != 0 }.count == 1)
        let distanceTable = try Huffman(lengths: distances, incompleteAllowed: distances.filter { $0 != 0 }.count <= 1)
        return (literalTable, distanceTable)
    }
}

extension InflateError {
    /// The error of an output that would pass its limit.
    static func limit(_ limit: Int) -> InflateError {
        InflateError("it expands to more than \(limit) bytes")
    }
}

/// The CRC-32 of zip entries (ISO 3309, the polynomial 0xEDB88320 reflected), to tell a corrupt entry.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 != 0 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    /// The checksum of `bytes`.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
