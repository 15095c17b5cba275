import ClusterKitCore
import Foundation

extension CerfaReading {
    /// The rows of one side, below the title row, up to the end of the file.
    func readSide(
        _ side: CerfaSide, _ rows: ArraySlice<CSVRow>, label labelColumn: Int, forecast: Int?, realised: Int?, scale: Int64
    ) throws(InputError) -> [CerfaRow] {
        // Long by design: one pass over the rows, each kind of row of the form (heading, account, « dont » sub-line,
        // total) handled where it is met, since a row's meaning depends on the heading above it.
        var result: [CerfaRow] = []
        var heading: String?
        for row in rows {
            guard let labelCell = row.cell(labelColumn) else { continue }
            let forecastCell = forecast.flatMap { row.cell($0) }.flatMap { $0.isBlank ? nil : $0 }
            let realisedCell = realised.flatMap { row.cell($0) }.flatMap { $0.isBlank ? nil : $0 }
            let label = labelCell.trimmed
            if label.isEmpty {
                if let cell = forecastCell ?? realisedCell { throw fail(cell.position, "an amount without a label in column \(InputError.columnLetters(labelColumn))") }
                continue
            }
            let forecastAmount = try forecastCell.map { cell throws(InputError) in try amount(cell, scale: scale) }
            let realisedAmount = try realisedCell.map { cell throws(InputError) in try amount(cell, scale: scale) }
            var entry = CerfaRow(
                role: .line, account: nil, label: label, formLabel: nil, detail: nil, heading: heading,
                forecast: forecastAmount, realised: realisedAmount, labelCell: labelCell.position,
                forecastCell: forecastCell?.position, realisedCell: realisedCell?.position)
            let folded = CSVVocabulary.normalized(label)
            if folded == "total" || folded.hasPrefix("total ") {
                entry.role = .total
                entry.heading = nil
                result.append(entry)
                heading = nil
                continue
            }
            let numbered = CerfaForm.account(in: label)
            var known = CerfaForm.row(labelled: numbered?.rest ?? label, on: side)
            // The account written wins over a label of another account's row (« 70 – Cotisations » is a 70).
            if let numbered, let row = known?.row, !row.account.hasPrefix(numbered.account), !numbered.account.hasPrefix(row.account) {
                known = nil
            }
            if let numbered {
                guard numbered.account.hasPrefix(side == .charges ? "6" : "7") || numbered.account.hasPrefix(side == .charges ? "86" : "87")
                else {
                    throw fail(labelCell.position, "account \(numbered.account) is not on the \(side == .charges ? "CHARGES (6, 86)" : "PRODUITS (7, 87)") side")
                }
                entry.account = numbered.account
            } else if let known {
                entry.account = known.row.account
            }
            entry.formLabel = known?.row.label
            entry.detail = known?.detail
            if let known, known.row.isPart { entry.role = .part }
            if let account = entry.account, CerfaForm.isHeading(account), numbered != nil || known?.row.isHeading == true {
                entry.role = .heading
                heading = account
                entry.heading = nil
            } else if let account = entry.account, let current = heading, !account.hasPrefix(current) {
                // A line of another heading than the one above it: it starts its own group.
                heading = String(account.prefix(2))
                entry.heading = heading
            }
            // A row with nothing in it is the form's empty line.
            if entry.role != .heading, entry.forecast == nil, entry.realised == nil { continue }
            result.append(entry)
        }
        return result
    }

    /// The headings and their lines agree, a « dont » line is not above its heading, and each total is the sum of the
    /// rows above it.
    func checkStructure(_ table: CerfaTable) throws(InputError) {
        for rows in [table.charges, table.products] {
            // The rows under a heading: counted through it, not on their own.
            var covered: Set<Int> = []
            for (index, row) in rows.enumerated() where row.role == .heading {
                covered.formUnion(CerfaTable.lines(of: index, in: rows).indices)
            }
            for column in table.columns {
                var sum: Int64 = 0
                /// Adds to a sum, an error at the cell when it would overflow.
                func add(_ amount: Int64, to total: inout Int64, at row: CerfaRow) throws(InputError) {
                    let (value, overflow) = total.addingReportingOverflow(amount)
                    guard !overflow else {
                        throw fail(row.cell(column) ?? row.labelCell, "the amounts add up to more than ClusterKit can hold exactly")
                    }
                    total = value
                }
                for (index, row) in rows.enumerated() {
                    switch row.role {
                    case .total:
                        if let stated = row.amount(column), stated.minorUnits != sum {
                            throw fail(
                                row.cell(column) ?? row.labelCell,
                                "« \(row.label) » is \(Self.euros(stated.minorUnits)) but the rows above it add up to \(Self.euros(sum))")
                        }
                    case .heading:
                        let lines = CerfaTable.lines(of: index, in: rows)
                        var additions: Int64 = 0, parts: Int64 = 0, hasAdditions = false
                        for line in lines {
                            guard let amount = line.amount(column)?.minorUnits else { continue }
                            if line.role == .part {
                                try add(amount, to: &parts, at: line)
                                if let stated = row.amount(column)?.minorUnits, parts > stated {
                                    throw fail(
                                        line.cell(column) ?? line.labelCell,
                                        "the « dont » lines add up to \(Self.euros(parts)), more than their heading « \(row.label) » (\(Self.euros(stated)))")
                                }
                            } else {
                                hasAdditions = true
                                try add(amount, to: &additions, at: line)
                            }
                        }
                        let stated = row.amount(column)?.minorUnits
                        if hasAdditions {
                            if let stated, stated != additions {
                                throw fail(
                                    row.cell(column) ?? row.labelCell,
                                    "« \(row.label) » is \(Self.euros(stated)) but its lines add up to \(Self.euros(additions))")
                            }
                            try add(additions, to: &sum, at: row)
                        } else {
                            try add(stated ?? parts, to: &sum, at: row)
                        }
                    case .line, .part:
                        if !covered.contains(index) { try add(row.amount(column)?.minorUnits ?? 0, to: &sum, at: row) }
                    }
                }
            }
        }
    }

    /// An amount in cents for a message: `1 227 000,50 €`-style, French.
    static func euros(_ cents: Int64) -> String { CerfaEuros.string(cents) }
}
