/// The parts of a workbook's package by path (`xl/workbook.xml`, `content.xml`): a zip archive's entries, or parts
/// given unpacked.
protocol WorkbookParts {
    /// Whether the package has a part of this name.
    func contains(_ name: String) -> Bool
    /// A part's bytes.
    mutating func contents(of name: String) throws(ZipError) -> [UInt8]
}

extension ZipArchive: WorkbookParts {}

/// A workbook's parts given unpacked, held to the limits of a zip archive's entries.
struct UnpackedParts: WorkbookParts {
    private let parts: [String: [UInt8]]

    init(_ parts: [String: [UInt8]], limits: ZipLimits = .standard) throws(ZipError) {
        guard parts.count <= limits.entries else { throw ZipError("the workbook has \(parts.count) parts, more than the \(limits.entries) read") }
        for (name, bytes) in parts where bytes.count > limits.entrySize {
            throw ZipError("the part « \(name) » is \(bytes.count) bytes, more than the \(limits.entrySize) read")
        }
        guard parts.values.reduce(0, { $0 + $1.count }) <= limits.totalSize else {
            throw ZipError("the workbook's parts are more than the \(limits.totalSize) bytes read")
        }
        self.parts = parts
    }

    func contains(_ name: String) -> Bool { parts[name] != nil }

    func contents(of name: String) throws(ZipError) -> [UInt8] {
        guard let bytes = parts[name] else { throw ZipError("the workbook has no part « \(name) »") }
        return bytes
    }
}

extension WorkbookParts {
    /// An entry's XML, errors naming the entry.
    mutating func xml(_ name: String) throws(WorkbookError) -> XMLReader {
        do {
            return try XMLReader(try contents(of: name))
        } catch let error as ZipError {
            throw WorkbookError(error.reason)
        } catch let error as XMLError {
            throw WorkbookError("« \(name) » is not well-formed XML: \(error.reason)")
        } catch {
            throw WorkbookError("« \(name) » cannot be read")
        }
    }
}
