import ClusterKitCore
import Foundation

/// The side-by-side table of ``CSVBudgetReader`` read straight from a file's bytes: the rows split into the byte
/// ranges of their cells, without a `CSVCell` nor a `String` per cell; the lines' values read from the bytes (an
/// amount's digits, a Source or Type cell looked up once per distinct text); strings made only for what the budget
/// keeps (labels, ids, funders) and for the few rows above the table, which the general reader reads
/// (``CSVBudgetReading/readHead(_:titleIndex:)``).
///
/// It reads only what it is sure to read as the general path does, and gives `nil` for anything else — quotes, line
/// ends other than CR and LF, bytes that are not UTF-8, an Excel `sep=` line, a Cerfa form, sections, a column other
/// than the label, amount, share, comment, id, source, type, funder, action, regime and category ones, a side
/// without its Source or Type column or a line whose cell of it is blank, and every error: the general path then reads
/// the file, and its error is the one given. `CSVFastTableTests` holds the two paths equal on every CSV fixture,
/// example and fuzz seed, and on mutants of them.
enum CSVFastTable {
    /// One cell: the range of its bytes, and whether it holds anything but blanks (``CSVText/isBlank(_:)``).
    struct Cell {
        var start: Int
        var end: Int
        var filled: Bool
    }

    /// One record: its file line and its cells (`count` of them from `first` in the list of cells).
    struct Row {
        var line: Int
        var first: Int
        var count: Int
    }

    /// The budget the file holds, checked, as ``CSVBudgetReader/decode(_:file:)`` reads it; `nil` when the fast path
    /// does not read this file (the general path then does).
    static func budget(_ data: Data, dialect given: CSVDialect?, catalog: Catalog, file: String?) -> CheckedBudget? {
        guard data.count <= BudgetDecoder.maximumDocumentSize else { return nil }
        return data.withUnsafeBytes { raw -> CheckedBudget? in
            let bytes = raw.assumingMemoryBound(to: UInt8.self)
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let separator: UInt8
            if let given {
                guard let ascii = given.separator.asciiValue, ascii == 0x3B || ascii == 0x2C else { return nil }
                separator = ascii
            } else {
                guard let detected = detectSeparator(bytes, from: start) else { return nil }
                separator = detected
            }
            let dialect = given ?? (separator == 0x3B ? .french : .english)
            guard let (cells, rows) = split(bytes, from: start, separator: separator) else { return nil }
            var table = Reader(bytes: bytes, cells: cells, rows: rows, dialect: dialect, catalog: catalog, file: file)
            return table.read()
        }
    }

    /// ``CSVText/detectDialect(_:)``'s separator, for the files it reads as the fast path can: the first of the first
    /// 50 lines holding a separator and something else, without quotes; `nil` when there is a quote in it, a tab and
    /// no `;`, no such line, or an Excel `sep=` line.
    static func detectSeparator(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8? {
        let count = bytes.count
        var index = start, seen = 0
        while seen < 50 {
            while index < count, bytes[index] == 0x0A || bytes[index] == 0x0D { index += 1 }
            guard index < count else { return nil }
            if seen == 0, index + 3 < count, bytes[index] | 0x20 == 0x73, bytes[index + 1] | 0x20 == 0x65,
                bytes[index + 2] | 0x20 == 0x70, bytes[index + 3] == 0x3D
            {
                return nil
            }
            var other = false, semicolon = false, comma = false, tab = false, quote = false
            while index < count, bytes[index] != 0x0A, bytes[index] != 0x0D {
                switch bytes[index] {
                case 0x3B: semicolon = true
                case 0x2C: comma = true
                case 0x09: tab = true
                case 0x20: break
                case 0x22: quote = true
                default: other = true
                }
                index += 1
            }
            seen += 1
            guard (other || quote) && (semicolon || comma || tab) else { continue }
            if quote { return nil }
            if semicolon { return 0x3B }
            return tab ? nil : 0x2C
        }
        return nil
    }

    /// The records of the bytes from `start`: cells split at the separator, rows at CR, LF or CRLF; `nil` when a byte
    /// asks for the general path (a quote, another line end, a byte that is not UTF-8) or the file has more lines
    /// than ``CSVText/maximumLines`` (the general path then says so).
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, separator: UInt8) -> (cells: [Cell], rows: [Row])? {
        // Long by design: one loop over the bytes.
        let count = bytes.count
        var cells: [Cell] = []
        cells.reserveCapacity(count / 8 + 4)
        var rows: [Row] = []
        rows.reserveCapacity(count / 40 + 4)
        var index = start, cellStart = start, filled = false, line = 1, rowFirst = 0
        let maximumLines = CSVText.maximumLines
        // What each byte is: text (0), a blank (1), the separator (2), a line end (3), what the general path reads
        // (4: a quote, VT, FF), the lead of a longer scalar (5).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { classes -> (cells: [Cell], rows: [Row])? in
            classes.initialize(repeating: 0)
            classes[0x20] = 1
            classes[0x09] = 1
            classes[Int(separator)] = 2
            classes[0x0A] = 3
            classes[0x0D] = 3
            for byte in [0x22, 0x0B, 0x0C] { classes[byte] = 4 }
            for byte in 0x80..<0x100 { classes[byte] = 5 }
            while index < count {
                let byte = bytes[index]
                switch classes[Int(byte)] {
                case 0:
                    // A run of text at once.
                    filled = true
                    index += 1
                    while index < count, classes[Int(bytes[index])] == 0 { index += 1 }
                    continue
                case 1:
                    index += 1
                    continue
                case 2:
                    cells.append(Cell(start: cellStart, end: index, filled: filled))
                    index += 1
                    cellStart = index
                    filled = false
                    continue
                case 3:
                    cells.append(Cell(start: cellStart, end: index, filled: filled))
                    rows.append(Row(line: line, first: rowFirst, count: cells.count - rowFirst))
                    rowFirst = cells.count
                    index += byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1
                    line += 1
                    // The general path counts the file's LF bytes before reading it: here every LF ends a line.
                    guard line <= maximumLines else { return nil }
                    cellStart = index
                    filled = false
                    continue
                case 4: return nil
                default: break
                }
                // A scalar of two to four bytes, checked as UTF-8 validation does (no overlong form, no surrogate, no
                // scalar above U+10FFFF).
                let length: Int
                var low: UInt8 = 0x80, high: UInt8 = 0xBF
                switch byte {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; low = 0xA0
                case 0xE1...0xEC, 0xEE, 0xEF: length = 3
                case 0xED: length = 3; high = 0x9F
                case 0xF0: length = 4; low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; high = 0x8F
                default: return nil
                }
                guard index + length <= count, bytes[index + 1] >= low, bytes[index + 1] <= high else { return nil }
                for offset in 2..<max(length, 2) where bytes[index + offset] & 0xC0 != 0x80 { return nil }
                let second = bytes[index + 1]
                if byte == 0xC2 {
                    if second == 0x85 { return nil }  // NEL: a line end
                    if second != 0xA0 { filled = true }
                } else if byte == 0xE2, second == 0x80 {
                    let third = bytes[index + 2]
                    if third == 0xA8 || third == 0xA9 { return nil }  // U+2028, U+2029: line ends
                    if third != 0xAF && third != 0x87 { filled = true }
                } else {
                    filled = true
                }
                index += length
            }
            if cellStart < count || cells.count > rowFirst {
                cells.append(Cell(start: cellStart, end: count, filled: filled))
                rows.append(Row(line: line, first: rowFirst, count: cells.count - rowFirst))
            }
            return (cells, rows)
        }
    }

    /// The reading of one file's rows.
    struct Reader {
        typealias Side = CSVVocabulary.Side

        let bytes: UnsafeBufferPointer<UInt8>
        let cells: [Cell]
        let rows: [Row]
        let dialect: CSVDialect
        let catalog: Catalog
        let file: String?
        /// ``LatinFolds/table`` and ``totalStartsTable``, read once for the table's labels (a `static let`
        /// is reached through a one-time initialisation check at each use).
        let foldTable: [UInt8], totalStarts: [Bool]

        /// What a Source or Type cell's text gives, found once per distinct text: its fold, the source or nature it
        /// names, the Cerfa side title it is.
        struct Memo {
            var start: Int
            var count: Int
            var fold: String
            var source: RevenueSourceID?
            /// The position of ``source`` in the catalogue (``Catalog/sourceIDs``), −1 when it has none.
            var position: Int32
            var nature: ExpenseNature?
            var cerfa: CerfaSide?
        }

        /// What a label's fold tells, made without keeping the fold: its first byte, the fold itself when the label
        /// may be a total or a subtotal (it starts as one does), the Cerfa title it is, and the id it gives.
        struct LabelFold {
            var first: UInt8 = 0
            var text: String?
            var cerfa: CerfaSide?
            var slug: String?
            /// Whether ``slug`` is ASCII (or there is none).
            var slugIsASCII = true
        }
        var memos: [Memo] = []

        /// A line without an id, to be given one once the ids the file writes are known: its side and place, its cell,
        /// and the id its label gives. A struct, not a tuple: an array of tuples is destroyed through the runtime's
        /// generic code, element by element (about 140 instructions each).
        struct Unnamed {
            var side: Side
            var index: Int
            var cell: CellPosition
            var slug: String?
        }

        /// One side's columns, by kind (0: none).
        struct Group {
            var side: Side
            var label = 0, amount = 0, id = 0, source = 0, nature = 0, funder = 0, action = 0, regime = 0, category = 0
        }

        init(bytes: UnsafeBufferPointer<UInt8>, cells: [Cell], rows: [Row], dialect: CSVDialect, catalog: Catalog, file: String?) {
            self.bytes = bytes
            self.cells = cells
            self.rows = rows
            self.dialect = dialect
            self.catalog = catalog
            self.file = file
            foldTable = LatinFolds.table
            totalStarts = Self.totalStartsTable
        }

        func slice(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[start..<end]) }

        /// A cell's text, as the general path makes it.
        func text(_ cell: Cell) -> String { String(decoding: slice(cell.start, cell.end), as: UTF8.self) }

        /// The range of a cell's bytes without the blanks around it (``CSVText/trimmed(_:)``).
        func trimmedRange(_ cell: Cell) -> (Int, Int) {
            var start = cell.start, end = cell.end
            while start < end {
                let byte = bytes[start]
                if byte == 0x20 || byte == 0x09 {
                    start += 1
                } else if byte == 0xC2, start + 1 < end, bytes[start + 1] == 0xA0 {
                    start += 2
                } else if byte == 0xE2, start + 2 < end, bytes[start + 1] == 0x80, bytes[start + 2] == 0xAF || bytes[start + 2] == 0x87 {
                    start += 3
                } else {
                    break
                }
            }
            while end > start {
                let byte = bytes[end - 1]
                if byte == 0x20 || byte == 0x09 {
                    end -= 1
                } else if byte == 0xA0, end - 2 >= start, bytes[end - 2] == 0xC2 {
                    end -= 2
                } else if byte == 0xAF || byte == 0x87, end - 3 >= start, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80 {
                    end -= 3
                } else {
                    break
                }
            }
            return (start, end)
        }

        /// A cell's text without the blanks around it.
        func trimmed(_ cell: Cell) -> String {
            let (start, end) = trimmedRange(cell)
            return String(decoding: slice(start, end), as: UTF8.self)
        }

        /// A cell's text folded for matching (``CSVVocabulary/normalized(_:)``).
        func fold(_ cell: Cell) -> String { CSVVocabulary.normalized(slice(cell.start, cell.end)) }

        /// Whether a cell's text starts with an ASCII digit (``CSVCell/startsWithDigit``).
        func startsWithDigit(_ cell: Cell) -> Bool { cell.end > cell.start && bytes[cell.start] &- 0x30 < 10 }

        /// The cell of a row in a column (1-based), if the row reaches it and it is not blank.
        @inline(__always) func filled(_ row: Row, _ column: Int) -> Cell? {
            guard column >= 1, column <= row.count else { return nil }
            let cell = cells[row.first + column - 1]
            return cell.filled ? cell : nil
        }

        /// The general path's record of a row, for the rows above the table.
        func record(_ row: Row) -> CSVRow {
            var list: [CSVCell] = []
            list.reserveCapacity(row.count)
            for offset in 0..<row.count {
                list.append(CSVCell(text: text(cells[row.first + offset]), line: row.line, column: offset + 1))
            }
            return CSVRow(line: row.line, cells: list)
        }

        /// The index of the memo of a cell's text (``Memo``), made at its first occurrence; `nil` past 32 distinct texts.
        mutating func memo(_ cell: Cell, reading: inout CSVBudgetReading) -> Int? {
            let count = cell.end - cell.start
            let first = bytes[cell.start]
            for index in memos.indices where memos[index].count == count && bytes[memos[index].start] == first {
                if memcmp(bytes.baseAddress! + memos[index].start, bytes.baseAddress! + cell.start, count) == 0 { return index }
            }
            guard memos.count < 32 else { return nil }
            let text = text(cell), fold = fold(cell)
            let names = reading.sourceNames ?? CSVVocabulary.sourceNames(catalog)
            reading.sourceNames = names
            let source = CSVVocabulary.source(text, folded: fold, catalog: catalog, names: names)
            let position = source.flatMap(catalog.sourcePosition)
            let memo = Memo(
                start: cell.start, count: count, fold: fold,
                // The catalogue's own id (equal, and stored once): compared with the catalogue's keys at a glance.
                source: position.map { catalog.sourceIDs[$0] } ?? source, position: position.map(Int32.init) ?? -1,
                nature: CSVVocabulary.expenseNature(folded: fold), cerfa: CerfaReading.sideTitle(folded: fold))
            memos.append(memo)
            return memos.count - 1
        }

        /// A label's fold (``CSVVocabulary/normalized(_:)``), folded into a buffer and read there (``LabelFold``);
        /// the id it gives (``CSVVocabulary/slug(folded:)``) made when `slug` is true.
        func foldLabel(_ cell: Cell, slug: Bool) -> LabelFold {
            let input = slice(cell.start, cell.end)
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * input.count + 1) { buffer in
                if let count = CSVVocabulary.fold(input, into: buffer, table: foldTable) {
                    return labelFold(UnsafeBufferPointer(rebasing: buffer[..<count]), slug: slug)
                }
                var folded = CSVVocabulary.normalizedByFoundation(String(decoding: input, as: UTF8.self))
                return folded.withUTF8 { labelFold($0, slug: slug) }
            }
        }

        /// ``CSVBudgetReading/totalOrSubtotalStarts`` by byte.
        static let totalStartsTable: [Bool] = (0..<256).map { CSVBudgetReading.totalOrSubtotalStarts.contains(UInt8($0)) }

        /// What a label's fold tells (``LabelFold``), read from the folded bytes: its first byte, the fold itself
        /// when the label may be a total, the Cerfa title it is, and its id when `slug` is true.
        func labelFold(_ folded: UnsafeBufferPointer<UInt8>, slug: Bool) -> LabelFold {
            var fold = LabelFold(first: folded.first ?? 0)
            if totalStarts[Int(fold.first)] { fold.text = String(decoding: folded, as: UTF8.self) }
            // « charges… », « produits… »: what a Cerfa title starts with.
            // A `StaticString`'s bytes: a `String` given for a pointer is copied to a C string at each call.
            let title: StaticString = fold.first == 0x63 ? "charges" : "produits"
            if fold.first == 0x63 || fold.first == 0x70, folded.count >= title.utf8CodeUnitCount,
                memcmp(folded.baseAddress!, title.utf8Start, title.utf8CodeUnitCount) == 0
            {
                fold.cerfa = CerfaReading.sideTitle(folded: fold.text ?? String(decoding: folded, as: UTF8.self))
            }
            if slug { (fold.slug, fold.slugIsASCII) = CSVVocabulary.slug(foldedBytes: folded) }
            return fold
        }

        /// The Cerfa side titles (``CerfaReading/sideTitle(folded:)``) of a row's cells other than its labels and its
        /// Source and Type cells (their columns' `roles` are 1 and 2: their titles are read with them), as
        /// ``CerfaReading/titleIndex(_:)`` finds them.
        func cerfaTitles(_ row: Row, roles: [UInt8]) -> (charges: Bool, products: Bool) {
            var charges = false, products = false
            for offset in 0..<row.count {
                let cell = cells[row.first + offset]
                let role = offset + 1 < roles.count ? roles[offset + 1] : 0
                guard cell.filled, role == 0, !startsWithDigit(cell) else { continue }
                // A title starts with c or p once folded: an ASCII letter other than those, first, names none.
                let lead = bytes[cell.start]
                if lead | 0x20 != 0x63, lead | 0x20 != 0x70, lead &- 0x41 < 26 || lead &- 0x61 < 26 { continue }
                switch CerfaReading.sideTitle(folded: fold(cell)) {
                case .charges: charges = true
                case .products: products = true
                case nil: continue
                }
            }
            return (charges, products)
        }

        mutating func read() -> CheckedBudget? {
            // Long by design: the general path's `read(_:)` for the side-by-side layout, on bytes.
            var reading = CSVBudgetReading(file: file, dialect: dialect, catalog: catalog)
            var head: [CSVRow] = []
            var titleIndex: Int?
            for row in rows {
                let record = record(row)
                head.append(record)
                if record.cells.contains(where: { CSVVocabulary.side(folded: $0.folded) != nil }) {
                    titleIndex = head.count - 1
                    break
                }
            }
            guard let titleIndex, CSVBudgetReading.holdsBothSides(head[titleIndex]) else { return nil }
            if titleIndex + 1 < rows.count { head.append(record(rows[titleIndex + 1])) }
            guard CerfaReading.titleIndex(head) == nil,
                let (profile, layout) = try? reading.readHead(head, titleIndex: titleIndex)
            else { return nil }

            var groups: [Group] = []
            var roles: [UInt8] = []
            func setRole(_ column: Int, _ role: UInt8) {
                while roles.count <= column { roles.append(0) }
                roles[column] = role
            }
            for layoutGroup in layout.groups {
                var group = Group(side: layoutGroup.side)
                for (column, kind) in layoutGroup.columns {
                    switch kind {
                    case .label: group.label = column
                    case .amount: group.amount = column
                    case .id: group.id = column
                    case .source: group.source = column
                    case .nature: group.nature = column
                    case .funder: group.funder = column
                    case .action: group.action = column
                    case .regime: group.regime = column
                    case .category: group.category = column
                    case .share, .comment: continue
                    default: return nil
                    }
                }
                guard group.side == .resources ? group.source > 0 : group.nature > 0 else { return nil }
                setRole(group.side == .resources ? group.source : group.nature, 2)
                if group.label > 0 { setRole(group.label, 1) }
                groups.append(group)
            }

            let currency = profile.currency
            // How amounts are written, read once: a copy per cell was a copy of its strings' references.
            let values = reading.values
            // At most a line per side a row: made to size, the arrays are not copied as they grow.
            let dataRows = rows.count - layout.firstDataRow
            var resources: [ResourceLine] = [], expenses: [ExpenseLine] = []
            resources.reserveCapacity(dataRows)
            expenses.reserveCapacity(dataRows)
            // Each resource line's source position in the catalogue, as its memo found it (−1: looked up by the check).
            var sourcePositions: [Int32] = []
            sourcePositions.reserveCapacity(dataRows)
            var resourceTotal = Money.zero(currency), expenseTotal = Money.zero(currency)
            // The lines without an id, in the order the sheet shows them (row, then column), with their cell and fold.
            var unnamed: [Unnamed] = []
            unnamed.reserveCapacity(2 * dataRows)
            var taken: Set<String> = []
            // Whether every id a label gives is ASCII (``ASCIILineIDs``).
            var asciiSlugs = true
            for row in rows[layout.firstDataRow...] {
                var blank = true
                for offset in 0..<row.count where cells[row.first + offset].filled {
                    blank = false
                    guard layout.side(of: offset + 1) != nil else { return nil }  // a stray value: the general path's error
                }
                if blank { continue }
                var (charges, products) = cerfaTitles(row, roles: roles)
                for group in groups {
                    let label = filled(row, group.label), amount = filled(row, group.amount), id = filled(row, group.id)
                    let explicit = filled(row, group.side == .resources ? group.source : group.nature)
                    let funder = filled(row, group.funder), action = filled(row, group.action)
                    let regime = filled(row, group.regime), category = filled(row, group.category)
                    let others = id != nil || explicit != nil || funder != nil || action != nil || regime != nil || category != nil
                    guard label != nil || amount != nil || others else { continue }
                    let folded = label.map { foldLabel($0, slug: id == nil) } ?? LabelFold(text: "")
                    asciiSlugs = asciiSlugs && folded.slugIsASCII
                    // The Source (or Type) cell, looked up once per distinct text.
                    var found: Int?
                    if let explicit {
                        guard let memo = memo(explicit, reading: &reading) else { return nil }
                        found = memo
                    }
                    let sides = (folded.cerfa, found.flatMap { memos[$0].cerfa })
                    if sides.0 == .charges || sides.1 == .charges { charges = true }
                    if sides.0 == .products || sides.1 == .products { products = true }
                    if totalStarts[Int(folded.first)] {
                        let labelFold = folded.text ?? ""
                        if CSVBudgetReading.totalLabels.contains(labelFold) {
                            guard let amount else { continue }
                            guard let stated = self.amount(amount, values),
                                stated == (group.side == .resources ? resourceTotal : expenseTotal)
                            else { return nil }
                            continue
                        }
                        if CSVBudgetReading.subtotalPrefixes.contains(where: { labelFold.hasPrefix($0) })
                            || CSVBudgetReading.subtotalLabels.contains(labelFold)
                        {
                            continue
                        }
                    }
                    guard let amount else {
                        if others { return nil }  // a line without an amount: the general path's error
                        continue
                    }
                    guard let value = self.amount(amount, values) else { return nil }
                    let position = CellPosition(line: row.line, column: label != nil ? group.label : group.amount)
                    let labelText = label.map(trimmed)
                    let idText = id.map(trimmed)
                    // An id written twice: the general path's error.
                    if let idText, !taken.insert(idText).inserted { return nil }
                    if group.side == .resources {
                        // A blank Source cell: the label names the source, or the general path explains.
                        let named = found.map { memos[$0].source } ?? label.flatMap { source(named: $0, fold: fold($0), reading: &reading) }
                        guard let source = named, let sum = try? resourceTotal.adding(value) else { return nil }
                        resourceTotal = sum
                        if idText == nil { unnamed.append(Unnamed(side: .resources, index: resources.count, cell: position, slug: folded.slug)) }
                        // Made in the array's call, not in a variable first: a line kept in a variable is copied
                        // into the array and destroyed (two outlined copies of its fields).
                        resources.append(
                            ResourceLine(
                                id: idText ?? "", label: labelText, source: source, amount: value, funder: funder.map(trimmed),
                                action: action.map(trimmed)))
                        sourcePositions.append(found.map { memos[$0].position } ?? -1)
                    } else {
                        // A blank Type cell keeps the default nature, as in the general path.
                        let nature = found.map { memos[$0].nature } ?? .programme
                        guard let nature, let sum = try? expenseTotal.adding(value) else { return nil }
                        expenseTotal = sum
                        var mission: MissionCategory?
                        if let category {
                            guard let named = MissionCategory(rawValue: trimmed(category).uppercased()) else { return nil }
                            mission = named
                        }
                        if idText == nil { unnamed.append(Unnamed(side: .expenses, index: expenses.count, cell: position, slug: folded.slug)) }
                        expenses.append(
                            ExpenseLine(
                                id: idText ?? "", label: labelText, amount: value, nature: nature, category: mission,
                                regime: regime.map { FundingRegimeID(rawValue: trimmed($0)) }))
                    }
                }
                // A Cerfa form's title row: the general path reads the form.
                if charges && products { return nil }
            }

            // The ids (``CSVBudgetReading/assignIDs(_:_:)``): the lines come in the sheet's order already.
            // Found by their bytes when they are ASCII (``ASCIILineIDs``), else as ``LineIDs`` finds them.
            let capacity = resources.count + expenses.count
            var asciiIDs = asciiSlugs ? ASCIILineIDs(taken: taken, capacity: capacity) : nil
            var ids = LineIDs(taken: asciiIDs == nil ? taken : [], capacity: asciiIDs == nil ? capacity : 0)
            var inferred = reading.inferred
            for item in unnamed {
                let slug = item.slug ?? ""
                let base = slug.isEmpty ? "\(item.side.rawValue)[\(item.index)]" : slug
                let (id, collided) = asciiIDs != nil
                    ? asciiIDs!.claimNoting(base, owner: .cell(item.cell)) : ids.claimNoting(base, owner: .cell(item.cell))
                let label: String?
                if item.side == .resources {
                    resources[item.index].id = id
                    label = resources[item.index].label
                } else {
                    expenses[item.index].id = id
                    label = expenses[item.index].label
                }
                if let collided {
                    inferred.append(InferredValue(
                        line: id, field: "id", value: id,
                        from: "\(LineIDs.Owner.cell(item.cell).description) « \(label ?? "") »; \(slug) was taken by \(collided)"))
                }
            }
            guard let name = profile.name, let year = profile.year else { return nil }
            var cluster = profile.cluster
            cluster.name = name
            let budget = Budget(cluster: cluster, year: year, currency: currency, resources: resources, expenses: expenses)
            // The ids are distinct: those written were (`taken`), and those given were claimed against them and each other.
            let known = CheckedBudget.KnownLines(distinctIDs: true, sourcePositions: sourcePositions)
            guard var checked = try? CheckedBudget(budget, catalog: catalog, file: file, known: known) else { return nil }
            checked.inferred = inferred
            return checked
        }

        /// The source a label cell names (``CSVVocabulary/source(_:folded:catalog:names:)``).
        func source(named cell: Cell, fold: String, reading: inout CSVBudgetReading) -> RevenueSourceID? {
            let names = reading.sourceNames ?? CSVVocabulary.sourceNames(catalog)
            reading.sourceNames = names
            return CSVVocabulary.source(text(cell), folded: fold, catalog: catalog, names: names)
        }

        /// An amount cell's value (``CSVValues/amount(_:)``), `nil` for an error.
        func amount(_ cell: Cell, _ values: CSVValues) -> Money? {
            let (start, end) = trimmedRange(cell)
            if let money = values.plainAmount(slice(start, end)) { return money }
            return try? values.generalAmount(String(decoding: slice(start, end), as: UTF8.self))
        }
    }
}
