import ClusterKit
import Foundation

/// `clusterkit template FILE`: writes a starter budget in the layout a director uses — a title row, a header row,
/// a PRODUITS section and a CHARGES section with their totals — with the sources' names in a Source column, which
/// `check` reads back as it is.
enum TemplateCommand {
    static let language = Option<Language>.language(help: "Language of the template: en (default) or fr")
    static let force = Flag("force", help: "Overwrite FILE if it exists")

    static let command = Command(
        "template", arguments: "FILE", abstract: "Write a starter budget (CSV) to fill in",
        usage: "clusterkit template FILE [--language en|fr] [--force]",
        summary: "Write a starter budget, as a CSV file a spreadsheet opens, in the layout a director uses.",
        details: "The file has a title row (the cluster's name and the year), a header row, the resources then the expenses, each line with its source or its kind in the « Source » column, and the totals. Replace the name, the year and the amounts, add lines as you need (a line without a Source cell is placed by its label's words: see 'clusterkit sources'), then run 'clusterkit check FILE'. Only .csv is written for now; open it in Excel or LibreOffice and save it as .xlsx or .ods if you prefer.",
        options: [language, force], run: { run($0) })

    static func run(_ invocation: Invocation) -> ToolOutput {
        guard invocation.positionals.count == 1, let path = invocation.positionals.first else {
            return invocation.usageError("give the file to write, such as budget-2026.csv")
        }
        guard path.lowercased().hasSuffix(".csv") else {
            return invocation.usageError("'\(path)': only a .csv template is written for now (open it and save it as .xlsx or .ods)")
        }
        if FileManager.default.fileExists(atPath: path), !invocation[Self.force] {
            return ToolOutput(status: 2, stderr: "\(path): the file exists; give --force to overwrite it\n")
        }
        let text = csv(language: invocation[Self.language] ?? .english)
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            return ToolOutput(status: 2, stderr: "\(path): cannot write the file\n")
        }
        return ToolOutput(status: 0, stdout: "\(path)\n")
    }

    /// The template: every resource 1 000 and every expense 2 000 (so that the sides balance and the shares read),
    /// each line with its source's name or its kind.
    static func csv(language: Language) -> String {
        let french = language == .french
        let catalog = Catalog.builtIn
        func name(_ id: RevenueSourceID) -> String { catalog.source(id)?.name(in: language) ?? id.rawValue }
        let separator = french ? ";" : ","
        let amount = french ? "1 000" : "1000"
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
        func row(_ cells: String...) -> String {
            cells.map { $0.contains(separator) || $0.contains("\"") ? "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" : $0 }
                .joined(separator: separator) + "\n"
        }
        func total(_ count: Int) -> String { french ? "\(count) 000" : "\(count)000" }
        var out = row(french ? "Mon cluster — Budget prévisionnel 2026" : "My cluster — Budget 2026")
        out += "\n"
        out += french ? row("Poste", "Montant", "Source") : row("Item", "Amount", "Source")
        out += row(french ? "PRODUITS" : "Income")
        for (label, source) in resources { out += row(label, amount, name(source)) }
        out += row(french ? "Total produits" : "Total income", total(resources.count))
        out += "\n"
        out += row(french ? "CHARGES" : "Expenditure")
        // Two thousand a line, so that the two sides balance (ten resource lines, five expense lines).
        for (label, kind) in expenses { out += row(label, french ? "2 000" : "2000", kind) }
        out += row(french ? "Total charges" : "Total expenditure", total(2 * expenses.count))
        return out
    }
}
