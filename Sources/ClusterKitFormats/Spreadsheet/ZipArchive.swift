import ClusterKitCore
/// Why a zip archive cannot be read; the spreadsheet reader adds the file.
struct ZipError: Error, Equatable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// The limits a zip archive is read within: every one is checked before the memory it guards is allocated.
struct ZipLimits: Sendable {
    /// The most entries the central directory may list.
    var entries = 10_000
    /// The most bytes one entry may expand to.
    var entrySize = 50 << 20
    /// The most bytes the entries read from one archive may expand to together.
    var totalSize = 100 << 20
    /// The most an entry may expand per compressed byte, once it is larger than ``ratioFloor``: a sheet that
    /// compresses better than 1000 to 1 is runs of nothing, the shape of a zip bomb.
    var ratio = 1_000
    /// The expanded size under which the ratio is not checked (small entries compress well: a header of 200 bytes).
    var ratioFloor = 1 << 20

    /// The limits ClusterKit reads spreadsheets with: 10,000 entries, 50 MiB an entry, 100 MiB in all, 1000 to 1.
    static let standard = ZipLimits()
}

/// A zip archive (APPNOTE 6.3, without ZIP64, encryption or multiple disks) read from memory: its central directory,
/// and the entries asked for, expanded with ``Inflater`` and checked against their CRC-32.
///
/// Nothing is trusted before it is checked: the end-of-central-directory record's counts and offsets, each entry's
/// offsets and sizes, the local header's, and the declared expanded size — which is checked against the limits before
/// anything is allocated, and then holds the inflater to it: an entry that expands past the size its header declares
/// is refused at the byte that passes it.
struct ZipArchive {
    /// One entry of the central directory.
    struct Entry {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var localHeaderOffset: Int
    }

    let bytes: [UInt8]
    let limits: ZipLimits
    /// The entries by name, in the central directory's order.
    private(set) var entries: [Entry] = []
    private var index: [String: Int] = [:]
    /// The bytes expanded so far, against ``ZipLimits/totalSize``.
    private var expanded = 0

    /// Whether bytes begin as a zip archive does (a local file header, or the end record of an empty archive).
    static func isZip(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06])
    }

    /// Reads the central directory.
    /// - Throws: ``ZipError`` for what is not a zip archive, a truncated or corrupt one, or one past the limits.
    init(_ bytes: [UInt8], limits: ZipLimits = .standard) throws(ZipError) {
        self.bytes = bytes
        self.limits = limits
        // The end of central directory record: 22 bytes and a comment of at most 65,535, at the end.
        let minimum = 22
        guard bytes.count >= minimum else { throw ZipError("it is too short to be a zip archive (truncated?)") }
        var end = -1
        var candidate = bytes.count - minimum
        let lowest = max(0, bytes.count - minimum - 0xFFFF)
        while candidate >= lowest {
            if bytes[candidate] == 0x50, bytes[candidate + 1] == 0x4B, bytes[candidate + 2] == 0x05, bytes[candidate + 3] == 0x06 {
                end = candidate
                break
            }
            candidate -= 1
        }
        guard end >= 0 else {
            throw ZipError("the zip archive has no central directory at its end: it is truncated or corrupt")
        }
        let disk = read16(end + 4), directoryDisk = read16(end + 6)
        let count = Int(read16(end + 10))
        let directorySize = Int(read32(end + 12)), directoryOffset = Int(read32(end + 16))
        guard disk == 0, directoryDisk == 0, Int(read16(end + 8)) == count else {
            throw ZipError("the zip archive spans several disks, which is not read")
        }
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            throw ZipError("the archive is a ZIP64 archive, which is not read (a spreadsheet is far smaller)")
        }
        guard count <= limits.entries else {
            throw ZipError("the zip archive lists \(count) entries, more than the \(limits.entries) read")
        }
        guard directoryOffset <= end, directorySize <= end - directoryOffset else {
            throw ZipError("the zip archive's central directory lies outside the file: it is truncated or corrupt")
        }
        var offset = directoryOffset
        entries.reserveCapacity(count)
        for _ in 0..<count {
            guard offset + 46 <= end, read32(offset) == 0x0201_4B50 else {
                throw ZipError("the zip archive's central directory is corrupt")
            }
            let nameLength = Int(read16(offset + 28)), extraLength = Int(read16(offset + 30))
            let commentLength = Int(read16(offset + 32))
            let next = offset + 46 + nameLength + extraLength + commentLength
            guard next <= end else { throw ZipError("the zip archive's central directory is corrupt") }
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            let entry = Entry(
                name: name, method: read16(offset + 10), flags: read16(offset + 8), crc: read32(offset + 16),
                compressedSize: Int(read32(offset + 20)), size: Int(read32(offset + 24)),
                localHeaderOffset: Int(read32(offset + 42)))
            if index[name] == nil { index[name] = entries.count }
            entries.append(entry)
            offset = next
        }
    }

    /// Whether the archive has an entry of this name.
    func contains(_ name: String) -> Bool { index[name] != nil }

    /// The entry's expanded bytes.
    /// - Throws: ``ZipError`` for an entry missing, encrypted, compressed by another method than stored or deflate,
    ///   truncated, corrupt (its CRC-32), past the limits, or expanding past its declared size.
    mutating func contents(of name: String) throws(ZipError) -> [UInt8] {
        guard let position = index[name] else { throw ZipError("the archive has no entry « \(name) »") }
        let entry = entries[position]
        guard entry.flags & 1 == 0 else {
            throw ZipError("the entry « \(name) » is encrypted: the workbook is password-protected; save it without a password")
        }
        guard entry.size <= limits.entrySize else {
            throw ZipError("the entry « \(name) » expands to \(entry.size) bytes, more than the \(limits.entrySize) read (a zip bomb?)")
        }
        guard entry.size <= limits.totalSize - expanded else {
            throw ZipError("the archive's entries expand to more than the \(limits.totalSize) bytes read (a zip bomb?)")
        }
        if entry.size > limits.ratioFloor, entry.size / max(entry.compressedSize, 1) > limits.ratio {
            throw ZipError(
                "the entry « \(name) » expands \(entry.size / max(entry.compressedSize, 1)) times, more than the \(limits.ratio) read (a zip bomb?)")
        }
        let local = entry.localHeaderOffset
        guard local <= bytes.count - 30, read32(local) == 0x0403_4B50 else {
            throw ZipError("the entry « \(name) »'s local header is missing: the archive is truncated or corrupt")
        }
        let start = local + 30 + Int(read16(local + 26)) + Int(read16(local + 28))
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else {
            throw ZipError("the entry « \(name) » runs past the end of the file: the archive is truncated")
        }
        // The entry's bytes are read where they are in the archive: copied once, stored or expanded, never twice.
        let data = bytes[start..<(start + entry.compressedSize)]
        var contents: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.size else { throw ZipError("the stored entry « \(name) » has two sizes: it is corrupt") }
            contents = Array(data)
        case 8:
            do {
                contents = try Inflater.inflate(data, limit: entry.size, expected: entry.size)
            } catch {
                let past = error == InflateError.limit(entry.size)
                throw ZipError(
                    past ? "the entry « \(name) » expands past the \(entry.size) bytes its header declares (a zip bomb?)"
                        : "the entry « \(name) » is corrupt: \(error.reason)")
            }
        default:
            throw ZipError("the entry « \(name) » is compressed by method \(entry.method); only stored and deflate are read")
        }
        guard contents.count == entry.size else {
            throw ZipError("the entry « \(name) » expands to \(contents.count) bytes, not the \(entry.size) its header declares: it is corrupt")
        }
        guard CRC32.checksum(contents) == entry.crc else { throw ZipError("the entry « \(name) » is corrupt (its CRC-32 differs)") }
        expanded += contents.count
        return contents
    }

    private func read16(_ offset: Int) -> UInt16 { UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8 }
    private func read32(_ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
