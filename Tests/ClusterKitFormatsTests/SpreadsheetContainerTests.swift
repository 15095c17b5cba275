import ClusterKitCore
import Foundation
import Testing
import TestSupport

@testable import ClusterKitFormats

/// Writes zip archives for tests: entries stored as they are, or given as a raw deflate stream with the sizes and
/// CRC-32 the headers should declare (true or not).
struct ZipBuilder {
    struct Entry {
        var name: String
        var data: [UInt8]
        var method: UInt16 = 0
        var size: Int
        var crc: UInt32
        var flags: UInt16 = 0
    }

    var entries: [Entry] = []

    /// Adds an entry stored uncompressed.
    mutating func store(_ name: String, _ text: String) { store(name, Array(text.utf8)) }

    /// Adds an entry stored uncompressed.
    mutating func store(_ name: String, _ bytes: [UInt8], flags: UInt16 = 0) {
        entries.append(Entry(name: name, data: bytes, size: bytes.count, crc: CRC32.checksum(bytes), flags: flags))
    }

    /// Adds a deflated entry whose headers declare `size` and `crc`.
    mutating func deflated(_ name: String, stream: [UInt8], size: Int, crc: UInt32) {
        entries.append(Entry(name: name, data: stream, method: 8, size: size, crc: crc))
    }

    /// The archive's bytes.
    var bytes: [UInt8] {
        var out: [UInt8] = [], directory: [UInt8] = []
        func u16(_ value: Int, _ into: inout [UInt8]) { into += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func u32(_ value: Int, _ into: inout [UInt8]) { for shift in [0, 8, 16, 24] { into.append(UInt8(value >> shift & 0xFF)) } }
        for entry in entries {
            let offset = out.count
            let name = Array(entry.name.utf8)
            u32(0x0403_4B50, &out); u16(20, &out); u16(Int(entry.flags), &out); u16(Int(entry.method), &out)
            u16(0, &out); u16(0, &out); u32(Int(entry.crc), &out); u32(entry.data.count, &out); u32(entry.size, &out)
            u16(name.count, &out); u16(0, &out)
            out += name + entry.data
            u32(0x0201_4B50, &directory); u16(20, &directory); u16(20, &directory); u16(Int(entry.flags), &directory)
            u16(Int(entry.method), &directory); u16(0, &directory); u16(0, &directory); u32(Int(entry.crc), &directory)
            u32(entry.data.count, &directory); u32(entry.size, &directory); u16(name.count, &directory)
            u16(0, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory); u32(0, &directory)
            u32(offset, &directory)
            directory += name
        }
        let directoryOffset = out.count
        out += directory
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
        u32(directory.count, &out); u32(directoryOffset, &out); u16(0, &out)
        return out
    }

    /// A minimal `.xlsx` package around a sheet's XML (and shared strings, when given).
    static func workbook(sheet: String, sharedStrings: String? = nil, sheetName: String = "Budget") -> ZipBuilder {
        var zip = ZipBuilder()
        zip.store("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#)
        zip.store("_rels/.rels", #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)
        zip.store("xl/workbook.xml", #"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="\#(sheetName)" sheetId="1" r:id="rId1"/></sheets></workbook>"#)
        var relationships = #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#
        if sharedStrings != nil {
            relationships += #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
        }
        zip.store("xl/_rels/workbook.xml.rels", #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(relationships)</Relationships>"#)
        zip.store("xl/worksheets/sheet1.xml", sheet)
        if let sharedStrings { zip.store("xl/sharedStrings.xml", sharedStrings) }
        return zip
    }
}

/// The XML of a sheet of inline strings and numbers, one array per row (a cell that reads as a number is a number).
func sheetXML(_ rows: [[String]]) -> String {
    var xml = #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
    for (index, row) in rows.enumerated() {
        xml += #"<row r="\#(index + 1)">"#
        for (column, text) in row.enumerated() where !text.isEmpty {
            let reference = InputError.columnLetters(column + 1) + String(index + 1)
            if text.allSatisfy({ $0.isNumber || $0 == "." }) {
                xml += #"<c r="\#(reference)"><v>\#(text)</v></c>"#
            } else {
                xml += #"<c r="\#(reference)" t="inlineStr"><is><t>\#(text)</t></is></c>"#
            }
        }
        xml += "</row>"
    }
    return xml + "</sheetData></worksheet>"
}

@Suite("Spreadsheet containers: inflate, zip, XML")
struct SpreadsheetContainerTests {
    struct Vector: Decodable {
        var size: Int
        var crc32: UInt32
    }

    static func vectors() throws -> [String: Vector] {
        try JSONDecoder().decode([String: Vector].self, from: Data(contentsOf: repositoryFile("Tests/Fixtures/inflate/vectors.json")))
    }

    static func stream(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: repositoryFile("Tests/Fixtures/inflate/\(name).deflate")))
    }

    /// The raw deflate stream of 200,000,000 zero bytes: the sheet of `Tests/Fixtures/spreadsheets/bomb-200MB.xlsx`.
    static func bombStream() throws -> [UInt8] {
        let archive = try ZipArchive([UInt8](try Data(contentsOf: repositoryFile("Tests/Fixtures/spreadsheets/bomb-200MB.xlsx"))))
        let entry = try #require(archive.entries.first { $0.name == "xl/worksheets/sheet1.xml" })
        let start = entry.localHeaderOffset + 30 + entry.name.utf8.count
        return Array(archive.bytes[start..<(start + entry.compressedSize)])
    }

    @Test("CRC-32 gives the check value of ISO 3309 (\"123456789\" → 0xCBF43926)")
    func crcCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
    }

    @Test("Inflate expands every zlib-made vector (stored, fixed, dynamic blocks; long and overlapping matches; flushes) exactly")
    func zlibVectors() throws {
        let vectors = try Self.vectors()
        #expect(vectors.count >= 14)
        for (name, vector) in vectors.sorted(by: { $0.key < $1.key }) {
            let output = try Inflater.inflate(try Self.stream(name), limit: vector.size)
            #expect(output.count == vector.size, "\(name)")
            #expect(CRC32.checksum(output) == vector.crc32, "\(name)")
        }
    }

    @Test("Inflate stops at its limit: one byte short of a vector's size is refused")
    func limitIsHard() throws {
        for (name, vector) in try Self.vectors() where vector.size > 0 {
            #expect(throws: InflateError.limit(vector.size - 1), "\(name)") {
                try Inflater.inflate(try Self.stream(name), limit: vector.size - 1)
            }
        }
    }

    @Test("A truncated or corrupted stream is an error or a different output, never a trap")
    func truncatedAndCorrupted() throws {
        // Seeded: a corruption that traps can be replayed.
        var generator = SplitMix64(seed: 0x1F1A7E)
        for (name, vector) in try Self.vectors() where vector.size > 0 {
            let stream = try Self.stream(name)
            // Cut in the middle, a stream is missing its end: always an error.
            #expect(throws: InflateError.self, "\(name)") { try Inflater.inflate(Array(stream[..<(stream.count / 2)]), limit: vector.size) }
            for cut in [0, 1, stream.count - 1] where cut < stream.count {
                _ = try? Inflater.inflate(Array(stream[..<cut]), limit: vector.size)
            }
            for _ in 0..<20 {
                var corrupt = stream
                let index = Int.random(in: 0..<corrupt.count, using: &generator)
                corrupt[index] ^= UInt8(1 << Int.random(in: 0..<8, using: &generator))
                _ = try? Inflater.inflate(corrupt, limit: vector.size)
            }
        }
    }

    @Test("Malformed streams: the reserved block type, a bad stored length, a distance before the start")
    func malformed() {
        #expect(throws: InflateError.self) { try Inflater.inflate([0x07], limit: 100) }  // final, type 3
        #expect(throws: InflateError.self) { try Inflater.inflate([0x01, 0x05, 0x00, 0x00, 0x00], limit: 100) }
        // Fixed block: a match (length 3, distance 1) with nothing before it.
        #expect(throws: InflateError.self) { try Inflater.inflate([0x03, 0x02, 0x00], limit: 100) }
    }

    // MARK: Zip

    @Test("A zip archive's entries are read back, stored and deflated")
    func zipRoundTrip() throws {
        var zip = ZipBuilder()
        zip.store("a.txt", "Mecabourg")
        let stream = try Self.stream("text-dynamic")
        let vector = try Self.vectors()["text-dynamic"]!
        zip.deflated("b.txt", stream: stream, size: vector.size, crc: vector.crc32)
        var archive = try ZipArchive(zip.bytes)
        #expect(String(decoding: try archive.contents(of: "a.txt"), as: UTF8.self) == "Mecabourg")
        #expect(try archive.contents(of: "b.txt").count == vector.size)
    }

    @Test("The 200 MB zip bomb: refused from its declared size, before any byte is expanded")
    func bombRefusedByDeclaredSize() throws {
        let stream = try Self.bombStream()
        #expect(stream.count < 300_000)
        var zip = ZipBuilder()
        zip.deflated("xl/worksheets/sheet1.xml", stream: stream, size: 200_000_000, crc: 0xBE4D_E043)
        var archive = try ZipArchive(zip.bytes)
        let start = ContinuousClock.now
        #expect(throws: ZipError.self) { try archive.contents(of: "xl/worksheets/sheet1.xml") }
        #expect(ContinuousClock.now - start < .seconds(1))
    }

    @Test("A bomb whose headers understate its size stops at the declared size, and one declaring a huge ratio is refused")
    func bombUnderstated() throws {
        let stream = try Self.bombStream()
        for declared in [10_000, 1 << 20] {
            var zip = ZipBuilder()
            zip.deflated("sheet.xml", stream: stream, size: declared, crc: 0)
            var archive = try ZipArchive(zip.bytes)
            let start = ContinuousClock.now
            do {
                _ = try archive.contents(of: "sheet.xml")
                Issue.record("the bomb was expanded")
            } catch {
                #expect(error.reason.contains("expands past the \(declared) bytes its header declares"))
            }
            #expect(ContinuousClock.now - start < .seconds(1))
        }
        // 40 MiB declared for 194 KB: over 1000 to 1 is not a spreadsheet.
        var zip = ZipBuilder()
        zip.deflated("sheet.xml", stream: Array(stream.prefix(40_000)), size: 45 << 20, crc: 0)
        var archive = try ZipArchive(zip.bytes)
        #expect(throws: ZipError.self) { try archive.contents(of: "sheet.xml") }
    }

    @Test("Encrypted entries, unknown methods, bad CRCs, truncation, too many entries: refused")
    func zipRefusals() throws {
        var zip = ZipBuilder()
        zip.store("secret.xml", Array("<a/>".utf8), flags: 1)
        var archive = try ZipArchive(zip.bytes)
        #expect(throws: ZipError.self) { try archive.contents(of: "secret.xml") }

        var crc = ZipBuilder()
        crc.store("a.xml", "<a/>")
        crc.entries[0].crc ^= 1
        var crcArchive = try ZipArchive(crc.bytes)
        #expect(throws: ZipError.self) { try crcArchive.contents(of: "a.xml") }

        var method = ZipBuilder()
        method.store("a.xml", "<a/>")
        method.entries[0].method = 12
        var methodArchive = try ZipArchive(method.bytes)
        #expect(throws: ZipError.self) { try methodArchive.contents(of: "a.xml") }

        let whole = ZipBuilder.workbook(sheet: sheetXML([["Cluster", "Essai"]])).bytes
        for cut in stride(from: 0, to: whole.count, by: 37) {
            #expect(throws: ZipError.self) { _ = try ZipArchive(Array(whole[..<cut])) }
        }

        var many = ZipBuilder()
        for index in 0..<20 { many.store("f\(index)", "x") }
        #expect(throws: ZipError.self) { _ = try ZipArchive(many.bytes, limits: ZipLimits(entries: 10)) }
    }

    // MARK: XML

    static func events(_ xml: String) throws(XMLError) -> [XMLEvent] {
        var reader = try XMLReader(Array(xml.utf8))
        var events: [XMLEvent] = []
        while let event = try reader.next() { events.append(event) }
        return events
    }

    @Test("XML: prefixes dropped, references and CDATA read, empty elements end")
    func xmlEvents() throws {
        let events = try Self.events(#"<?xml version="1.0"?><!-- c --><t:a x:k='v&amp;w'>A&lt;B&#233;&#x20AC;<b/><![CDATA[<c>]]></t:a>"#)
        #expect(events == [
            .start(name: "a", attributes: ["k": "v&w"]), .text("A<Bé€"), .start(name: "b", attributes: [:]), .end(name: "b"),
            .text("<c>"), .end(name: "a"),
        ])
    }

    @Test("XML: a document type declaration (billion laughs), unknown entities, bad nesting and truncation are refused")
    func xmlRefusals() {
        var laughs = #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">"#
        for level in 1...9 { laughs += #"<!ENTITY lol\#(level) "\#(String(repeating: "&lol\(level - 1 == 0 ? "" : String(level - 1));", count: 10))">"# }
        laughs += "]><lolz>&lol9;</lolz>"
        let start = ContinuousClock.now
        #expect(throws: XMLError.self) { try Self.events(laughs) }
        #expect(ContinuousClock.now - start < .milliseconds(100))
        #expect(throws: XMLError.self) { try Self.events("<a>&lol;</a>") }
        #expect(throws: XMLError.self) { try Self.events("<a><b></a></b>") }
        #expect(throws: XMLError.self) { try Self.events("<a><b>") }
        #expect(throws: XMLError.self) { try Self.events("<a x=\"1></a>") }
        #expect(throws: XMLError.self) { try Self.events(String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)) }
    }

    // MARK: Numbers and dates

    @Test("Stored numbers become exact decimal text: 15 significant digits, no floating point")
    func decimalText() {
        let cases: [(String, String?)] = [
            ("840965.5", "840965,5"), ("135000", "135000"), ("0.47", "0,47"), ("0.30000000000000004", "0,3"),
            ("290000.00000000006", "290000"), ("1.5E+3", "1500"), ("1E-3", "0,001"), ("-5", "-5"), ("0", "0"),
            ("123456789012345678", "123456789012346000"), ("9.9999999999999999E2", "1000"), ("2169500.0", "2169500"),
            ("abc", nil), ("1.2.3", nil), ("", nil), ("1E+9999", nil), ("-", nil),
        ]
        for (stored, expected) in cases {
            #expect(DecimalText.canonical(stored, decimalMark: ",") == expected, "\(stored)")
        }
        #expect(DecimalText.canonical("840965.5", decimalMark: ".") == "840965.5")
    }

    @Test("A stored double reads to the cent: 840965.5 is 84,096,550 cents")
    func exactCents() throws {
        let values = CSVValues(dialect: .french, currency: .euro)
        #expect(try values.amount(DecimalText.canonical("840965.5", decimalMark: ",")!).minorUnits == 84_096_550)
        #expect(try values.amount(DecimalText.canonical("0.1", decimalMark: ",")!).minorUnits == 10)
        #expect(try values.amount(DecimalText.canonical("1227000.5", decimalMark: ",")!).minorUnits == 122_700_050)
    }

    @Test("Excel serial days are dates (1900 and 1904 systems)")
    func serialDates() {
        #expect(CivilDate.iso(excelSerial: 41275, date1904: false) == "2013-01-01")
        #expect(CivilDate.iso(excelSerial: 1, date1904: false) == "1900-01-01")
        #expect(CivilDate.iso(excelSerial: 61, date1904: false) == "1900-03-01")
        #expect(CivilDate.iso(excelSerial: 39813, date1904: true) == "2013-01-01")
        #expect(XLSXWorkbook.isDateCode("dd/mm/yyyy"))
        #expect(!XLSXWorkbook.isDateCode("#,##0.00\\ [$€-40C]"))
        #expect(!XLSXWorkbook.isDateCode("0.00\" days\""))
    }
}
