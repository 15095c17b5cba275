import ClusterKit
import ClusterKitFormats
import Foundation

/// `clusterkit template FILE`: writes a starter budget in the layout a director uses — a title row, a header row,
/// a PRODUITS section and a CHARGES section with their totals (formulas in a workbook) — with the sources' names in a
/// Source column, which `check` reads back as it is: `.xlsx`, `.ods` or `.csv` by the file's extension.
enum TemplateCommand {
    static let language = Option<Language>.language(help: "Language of the template: en (default) or fr")
    static let force = Flag("force", help: "Overwrite FILE if it exists")

    static let command = Command(
        "template", arguments: "FILE", abstract: "Write a starter budget (.xlsx, .ods or .csv) to fill in",
        usage: "clusterkit template FILE [--language en|fr] [--force]",
        summary: "Write a starter budget — .xlsx, .ods or .csv, by the file's extension — in the layout a director uses.",
        details: "The file has a title row (the cluster's name and the year), a header row, the resources then the expenses, each line with its source or its kind in the « Source » column, and the totals. Replace the name, the year and the amounts, add lines as you need (a line without a Source cell is placed by its label's words: see 'clusterkit sources'), then run 'clusterkit check FILE'. In a workbook the totals are formulas (SUM of their lines).",
        options: [language, force], run: { run($0) })

    static func run(_ invocation: Invocation) -> ToolOutput {
        guard invocation.positionals.count == 1, let path = invocation.positionals.first else {
            return invocation.usageError("give the file to write, such as budget-2026.xlsx, budget-2026.ods or budget-2026.csv")
        }
        let lowered = path.lowercased()
        guard [".csv", ".xlsx", ".ods"].contains(where: lowered.hasSuffix) else {
            return invocation.usageError("'\(path)': the template is written as .xlsx, .ods or .csv, by the file's extension")
        }
        if FileManager.default.fileExists(atPath: path), !invocation[Self.force] {
            return ToolOutput(status: 2, stderr: "\(path): the file exists; give --force to overwrite it\n")
        }
        let language = invocation[Self.language] ?? .english
        let rows = rows(language: language)
        let sheet = language == .french ? "Budget" : "Budget"
        let bytes: [UInt8] =
            lowered.hasSuffix(".xlsx") ? TemplateWorkbook.xlsx(sheet: sheet, rows: rows)
            : lowered.hasSuffix(".ods") ? TemplateWorkbook.ods(sheet: sheet, rows: rows)
            : Array(csv(rows, language: language).utf8)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            return ToolOutput(status: 2, stderr: "\(path): cannot write the file\n")
        }
        return ToolOutput(status: 0, stdout: "\(path)\n")
    }

    /// The template's rows: every resource 1,000 and every expense 2,000 (so that the sides balance and the shares
    /// read), each line with its source's name or its kind, the totals as sums of their lines.
    static func rows(language: Language) -> [[TemplateWorkbook.Cell]] {
        let french = language == .french
        let catalog = Catalog.builtIn
        func name(_ id: RevenueSourceID) -> String { catalog.source(id)?.name(in: language) ?? id.rawValue }
        let resources: [(String, RevenueSourceID)] = french
            ? [("Cotisations des adhérents", .membershipFees), ("Prestations et formations", .services),
               ("Salons et événements", .events), ("Sponsoring", .sponsorship), ("Conseil régional", .region),
               ("État", .state), ("Département", .department), ("Métropole ou agglomération", .intercommunality),
               ("FEDER", .erdf), ("Temps des adhérents (valorisation)", .memberTime)]
            : [("Membership fees", .membershipFees), ("Services and training", .services), ("Trade fairs and events", .events),
               ("Sponsorship", .sponsorship), ("Regional council", .region), ("State", .state), ("Department", .department),
               ("Metropolitan council", .intercommunality), ("ERDF", .erdf), ("Members' time (valued)", .memberTime)]
        let expenses: [(String, String)] = french
            ? [("Salaires et charges", "fonctionnement"), ("Loyers et frais généraux", "fonctionnement"),
               ("Actions collectives", "action"), ("Salons et événements", "action"), ("Temps des adhérents valorisé", "action")]
            : [("Staff salaries", "operating"), ("Rent and overheads", "operating"), ("Collective actions", "programme"),
               ("Trade fairs and events", "programme"), ("Members' time (valued)", "programme")]
        var rows: [[TemplateWorkbook.Cell]] = [
            [.text(french ? "Mon cluster — Budget prévisionnel 2026" : "My cluster — Budget 2026")], [],
            [.text(french ? "Poste" : "Item"), .text(french ? "Montant" : "Amount"), .text("Source")],
            [.text(french ? "PRODUITS" : "Income")],
        ]
        let firstResource = rows.count + 1
        rows += resources.map { [.text($0.0), .number(1000), .text(name($0.1))] }
        rows.append([.text(french ? "Total produits" : "Total income"),
                     .sum(column: 2, rows: firstResource...rows.count, value: 1000 * resources.count)])
        rows += [[], [.text(french ? "CHARGES" : "Expenditure")]]
        let firstExpense = rows.count + 1
        rows += expenses.map { [.text($0.0), .number(2000), .text($0.1)] }
        rows.append([.text(french ? "Total charges" : "Total expenditure"),
                     .sum(column: 2, rows: firstExpense...rows.count, value: 2000 * expenses.count)])
        return rows
    }

    /// The rows as CSV: `;` and « 1 000 » in French, `,` and `1000` in English; a total as its value.
    static func csv(_ rows: [[TemplateWorkbook.Cell]], language: Language) -> String {
        let french = language == .french
        let separator = french ? ";" : ","
        func number(_ value: Int) -> String {
            guard french, value >= 1000 else { return String(value) }
            return "\(value / 1000) \(String(value % 1000).leftPadded(to: 3))"
        }
        return rows.map { row in
            row.map { cell -> String in
                switch cell {
                case .empty: return ""
                case .text(let text):
                    return text.contains(separator) || text.contains("\"") ? "\"\(text.replacingOccurrences(of: "\"", with: "\"\""))\"" : text
                case .number(let value), .sum(_, _, let value): return number(value)
                }
            }.joined(separator: separator) + "\n"
        }.joined()
    }
}

extension String {
    /// The string with zeros before it up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
