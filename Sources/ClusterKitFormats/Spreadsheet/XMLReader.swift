import ClusterKitCore
/// Why an XML part cannot be read; the spreadsheet reader adds the file and the part.
struct XMLError: Error, Equatable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// One event of an XML document, names without their namespace prefix (`table:table-cell` → `table-cell`).
enum XMLEvent: Equatable {
    /// A start tag (an empty-element tag gives a start and an end).
    case start(name: String, attributes: [String: String])
    /// An end tag.
    case end(name: String)
    /// Character data, references replaced (CDATA sections included).
    case text(String)
}

/// A pull reader of the XML that spreadsheet files are made of (UTF-8, namespaces by prefix, the five predefined
/// entities and character references), written for that subset rather than taken from FoundationXML.
///
/// It refuses any document type declaration (`<!DOCTYPE …>`) outright, and with it every entity declaration: an
/// office document has none, and an entity that expands to others (the « billion laughs ») is then impossible — the
/// reader stops at the first `<!DOCTYPE`, in time proportional to the bytes before it. References other than the
/// predefined ones are refused too. Tags must nest; depth is limited. It streams: memory is the current tag and text,
/// not a tree of the document.
struct XMLReader {
    private let bytes: [UInt8]
    private var position = 0
    private var stack: [String] = []
    private var pendingEnd: String?
    /// The deepest nesting read (a sheet is about six deep).
    static let maximumDepth = 256

    /// A reader of a document's bytes.
    /// - Throws: ``XMLError`` when the document is not UTF-8.
    init(_ bytes: [UInt8]) throws(XMLError) {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            throw XMLError("it is UTF-16; only UTF-8 XML is read")
        }
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// The next event, or nil at the end of the document.
    /// - Throws: ``XMLError`` for a DTD, an unknown entity, a tag that does not close or nest, or truncated markup.
    mutating func next() throws(XMLError) -> XMLEvent? {
        // Long by design: the tokenizer's one switch over what may start at the cursor.
        if let name = pendingEnd {
            pendingEnd = nil
            stack.removeLast()
            return .end(name: name)
        }
        while position < bytes.count {
            if bytes[position] != UInt8(ascii: "<") {
                let start = position
                while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
                let text = try decodeText(bytes[start..<position])
                if stack.isEmpty {
                    guard text.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }) else {
                        throw XMLError("text outside the root element")
                    }
                    continue
                }
                return .text(text)
            }
            // Markup.
            if starts(with: "<?") {
                try skip(past: "?>", what: "a processing instruction")
                continue
            }
            if starts(with: "<!--") {
                try skip(past: "-->", what: "a comment")
                continue
            }
            if starts(with: "<![CDATA[") {
                let start = position + 9
                try skip(past: "]]>", what: "a CDATA section")
                guard !stack.isEmpty else { throw XMLError("a CDATA section outside the root element") }
                return .text(try utf8(bytes[start..<(position - 3)]))
            }
            if starts(with: "<!") {
                throw XMLError(
                    "it has a document type declaration (<!DOCTYPE or <!ENTITY), which is refused: an office document has none, and its entities could expand without bound")
            }
            if starts(with: "</") {
                position += 2
                let name = try readName()
                skipSpaces()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else { throw XMLError("an end tag « \(name) » is not closed") }
                position += 1
                guard let open = stack.popLast() else { throw XMLError("an end tag « \(name) » closes nothing") }
                guard open == name else { throw XMLError("the end tag « \(name) » closes « \(open) »") }
                return .end(name: Self.local(name))
            }
            position += 1
            let name = try readName()
            var attributes: [String: String] = [:]
            while true {
                skipSpaces()
                guard position < bytes.count else { throw XMLError("the tag « \(name) » is not closed (truncated)") }
                if bytes[position] == UInt8(ascii: ">") {
                    position += 1
                    try push(name)
                    return .start(name: Self.local(name), attributes: attributes)
                }
                if starts(with: "/>") {
                    position += 2
                    try push(name)
                    pendingEnd = Self.local(name)
                    return .start(name: Self.local(name), attributes: attributes)
                }
                let attribute = try readName()
                skipSpaces()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                    throw XMLError("the attribute « \(attribute) » of « \(name) » has no value")
                }
                position += 1
                skipSpaces()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
                    throw XMLError("the attribute « \(attribute) » of « \(name) » is not quoted")
                }
                let quote = bytes[position]
                position += 1
                let start = position
                while position < bytes.count, bytes[position] != quote {
                    guard bytes[position] != UInt8(ascii: "<") else { throw XMLError("a « < » in the attribute « \(attribute) »") }
                    position += 1
                }
                guard position < bytes.count else { throw XMLError("the attribute « \(attribute) » is not closed (truncated)") }
                let value = try decodeText(bytes[start..<position])
                position += 1
                attributes[Self.local(attribute)] = value
            }
        }
        guard stack.isEmpty else { throw XMLError("the element « \(stack.last!) » is not closed (truncated)") }
        return nil
    }

    /// The text of the element whose start tag was just read, up to its end tag (nested elements' text included).
    /// Text in one piece — a cell's, a shared string's, as a rule — is the string made from the document's bytes, not
    /// a copy of it.
    mutating func text() throws(XMLError) -> String {
        var depth = 1
        var text: String?
        while depth > 0, let event = try next() {
            switch event {
            case .start: depth += 1
            case .end: depth -= 1
            case .text(let part): text.append(part)
            }
        }
        return text ?? ""
    }

    /// Skips the rest of the element whose start tag was just read.
    mutating func skipElement() throws(XMLError) {
        var depth = 1
        while depth > 0, let event = try next() {
            switch event {
            case .start: depth += 1
            case .end: depth -= 1
            case .text: continue
            }
        }
    }

    // MARK: Pieces

    private mutating func push(_ name: String) throws(XMLError) {
        guard stack.count < Self.maximumDepth else { throw XMLError("elements are nested more than \(Self.maximumDepth) deep") }
        stack.append(name)
    }

    /// A name without its prefix.
    static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    private func starts(with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        return prefix.withUTF8Buffer { buffer in
            for offset in 0..<count where bytes[position + offset] != buffer[offset] { return false }
            return true
        }
    }

    private mutating func skip(past terminator: StaticString, what: String) throws(XMLError) {
        position += 2
        while position < bytes.count {
            if starts(with: terminator) {
                position += terminator.utf8CodeUnitCount
                return
            }
            position += 1
        }
        throw XMLError("\(what) is not closed (truncated)")
    }

    private mutating func skipSpaces() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func readName() throws(XMLError) -> String {
        let start = position
        while position < bytes.count {
            switch bytes[position] {
            // Space, tab, line ends, `"`, `'`, `/`, `<`, `=`, `>`: a name stops there.
            case 0x20, 0x09, 0x0A, 0x0D, 0x22, 0x27, 0x2F, 0x3C, 0x3D, 0x3E: break
            default:
                position += 1
                continue
            }
            break
        }
        guard position > start else { throw XMLError("a tag or attribute has no name") }
        return try utf8(bytes[start..<position])
    }

    private func utf8(_ slice: ArraySlice<UInt8>) throws(XMLError) -> String {
        guard let text = String(validating: slice, as: UTF8.self) else { throw XMLError("it is not UTF-8 text") }
        return text
    }

    /// Text with its references replaced: `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and `&#…;` only.
    private func decodeText(_ slice: ArraySlice<UInt8>) throws(XMLError) -> String {
        guard slice.contains(UInt8(ascii: "&")) else { return try utf8(slice) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var index = slice.startIndex
        while index < slice.endIndex {
            let byte = slice[index]
            guard byte == UInt8(ascii: "&") else {
                out.append(byte)
                index += 1
                continue
            }
            guard let semicolon = slice[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                throw XMLError("a « & » that starts no reference (write &amp;)")
            }
            let name = String(decoding: slice[(index + 1)..<semicolon], as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch name {
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "amp": scalar = "&"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
                } else {
                    throw XMLError("the entity « &\(name); » is not one of XML's own, and entities are not expanded")
                }
            }
            guard let scalar, scalar.value != 0 else { throw XMLError("the character reference « &\(name); » is not a character") }
            UTF8.encode(scalar) { out.append($0) }
            index = semicolon + 1
        }
        return try utf8(out[...])
    }
}

extension String? {
    /// Appends a piece of text: the first piece becomes the text as it is (no copy), the next ones are appended.
    mutating func append(_ piece: String) {
        if self == nil { self = piece } else { self! += piece }
    }
}
