import ClusterKitCore

/// A one-sheet workbook written for `clusterkit template`: text, numbers and formulas with their computed values, as
/// an `.xlsx` (Office Open XML) or an `.ods` (OpenDocument) in a zip archive whose entries are stored, not
/// compressed — a few kilobytes, which Excel, Calc and ``SpreadsheetBudgetReader`` open.
package enum TemplateWorkbook {
    /// One cell.
    package enum Cell: Equatable, Sendable {
        case empty
        case text(String)
        case number(Int)
        /// A sum of the cells of a column from a row to a row (1-based), with its computed value.
        case sum(column: Int, rows: ClosedRange<Int>, value: Int)
    }

    /// The `.xlsx` of a sheet.
    package static func xlsx(sheet: String, rows: [[Cell]]) -> [UInt8] {
        var data = ""
        for (r, row) in rows.enumerated() {
            data += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let reference = "\(InputError.columnLetters(c + 1))\(r + 1)"
                switch cell {
                case .empty: continue
                case .text(let text): data += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escaped(text))</t></is></c>"
                case .number(let value): data += "<c r=\"\(reference)\"><v>\(value)</v></c>"
                case .sum(let column, let range, let value):
                    let letters = InputError.columnLetters(column)
                    data += "<c r=\"\(reference)\"><f>SUM(\(letters)\(range.lowerBound):\(letters)\(range.upperBound))</f><v>\(value)</v></c>"
                }
            }
            data += "</row>"
        }
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        return zip([
            ("[Content_Types].xml", xml + """
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
                """),
            ("_rels/.rels", xml + """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """),
            ("xl/workbook.xml", xml + """
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="\(escaped(sheet))" sheetId="1" r:id="rId1"/></sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", xml + """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
                """),
            ("xl/worksheets/sheet1.xml", xml + """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="1" max="1" width="42" customWidth="1"/><col min="3" max="3" width="40" customWidth="1"/></cols><sheetData>\(data)</sheetData></worksheet>
                """),
        ])
    }

    /// The `.ods` of a sheet.
    package static func ods(sheet: String, rows: [[Cell]]) -> [UInt8] {
        var table = ""
        for row in rows {
            table += "<table:table-row>"
            for cell in row {
                switch cell {
                case .empty: table += "<table:table-cell/>"
                case .text(let text): table += "<table:table-cell office:value-type=\"string\"><text:p>\(escaped(text))</text:p></table:table-cell>"
                case .number(let value):
                    table += "<table:table-cell office:value-type=\"float\" office:value=\"\(value)\"><text:p>\(value)</text:p></table:table-cell>"
                case .sum(let column, let range, let value):
                    let letters = InputError.columnLetters(column)
                    table += "<table:table-cell table:formula=\"of:=SUM([.\(letters)\(range.lowerBound):.\(letters)\(range.upperBound)])\" office:value-type=\"float\" office:value=\"\(value)\"><text:p>\(value)</text:p></table:table-cell>"
                }
            }
            table += "</table:table-row>"
        }
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let mime = "application/vnd.oasis.opendocument.spreadsheet"
        return zip([
            ("mimetype", mime),
            ("META-INF/manifest.xml", xml + """
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="\(mime)"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>
                """),
            ("content.xml", xml + """
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="\(escaped(sheet))">\(table)</table:table></office:spreadsheet></office:body></office:document-content>
                """),
        ])
    }

    /// Text for XML: `&`, `<`, `>` and `"` escaped.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A zip archive of these entries, stored (method 0), in order.
    static func zip(_ entries: [(String, String)]) -> [UInt8] {
        var out: [UInt8] = [], directory: [UInt8] = []
        func le16(_ value: Int, _ into: inout [UInt8]) { into += [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)] }
        func le32(_ value: UInt32, _ into: inout [UInt8]) { for shift in [0, 8, 16, 24] { into.append(UInt8((value >> UInt32(shift)) & 0xFF)) } }
        for (name, text) in entries {
            let bytes = Array(text.utf8), path = Array(name.utf8), crc = CRC32.checksum(bytes)
            let offset = out.count
            le32(0x0403_4B50, &out)
            for value in [20, 0, 0, 0, 0x21] { le16(value, &out) }  // version, flags, stored, time, date (1980-01-01)
            le32(crc, &out); le32(UInt32(bytes.count), &out); le32(UInt32(bytes.count), &out)
            le16(path.count, &out); le16(0, &out)
            out += path + bytes
            le32(0x0201_4B50, &directory)
            for value in [20, 20, 0, 0, 0, 0x21] { le16(value, &directory) }
            le32(crc, &directory); le32(UInt32(bytes.count), &directory); le32(UInt32(bytes.count), &directory)
            for value in [path.count, 0, 0, 0, 0] { le16(value, &directory) }
            le32(0, &directory); le32(UInt32(offset), &directory)
            directory += path
        }
        let start = out.count
        out += directory
        le32(0x0605_4B50, &out)
        for value in [0, 0, entries.count, entries.count] { le16(value, &out) }
        le32(UInt32(directory.count), &out); le32(UInt32(start), &out); le16(0, &out)
        return out
    }
}
