import ClusterKit
import ClusterKitFormats

/// `clusterkit sources`: the catalogue's revenue sources — id, name, public or private — each with the words a
/// spreadsheet's label is recognised by when the table has no Source column.
enum SourcesCommand {
    static let language = Option<Language>.language(help: "Language of the sources' names: en (default) or fr")

    static let command = Command(
        "sources", abstract: "List the revenue sources and the words a label is recognised by",
        usage: "clusterkit sources [--language en|fr]",
        summary: "List the catalogue's revenue sources, with the words a spreadsheet's label is recognised by.",
        details: "A line whose table has no Source column is placed by its label's words (case, accents and plurals ignored); a label naming no source, or two, is an error. Write a source's id or name in a « Source » column to choose.",
        options: [language], run: { run($0) })

    static func run(_ invocation: Invocation) -> ToolOutput {
        guard invocation.positionals.isEmpty else {
            return invocation.usageError("unexpected argument '\(invocation.positionals[0])'")
        }
        let language = invocation[Self.language] ?? .english
        let french = language == .french
        var out = ""
        for source in Catalog.builtIn.sources {
            let sector: String
            switch source.sector {
            case .public: sector = "public"
            case .private: sector = french ? "privé" : "private"
            case .notFunding: sector = french ? "hors financement" : "not funding"
            }
            out += "\(source.id.rawValue) — \(source.name(in: language)) (\(sector))\n"
            let words = BudgetLexicon.words(for: source.id)
            if !words.isEmpty {
                out += "    " + (french ? "reconnu par : " : "recognised by: ")
                out += words.map { "« \($0) »" }.joined(separator: ", ") + "\n"
            }
        }
        out += french
            ? "\nUne ligne sans colonne « Source » est placée par les mots de son libellé ; « Divers », « Autres produits » ne le sont jamais.\n"
            : "\nA line without a « Source » column is placed by its label's words; « Divers », « Autres produits » (other income) never are.\n"
        return ToolOutput(status: 0, stdout: french ? FrenchTypography.applied(to: out) : out)
    }
}
