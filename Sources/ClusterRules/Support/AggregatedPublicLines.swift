import ClusterKitCore
import Foundation

/// Public lines that hold several funders the table does not name: no `funder`, and a generic label (« 74 –
/// Subventions d'exploitation », « Subventions publiques », « Subventions (État, Régions, …) »). Such a line is not one
/// funder: `funder-dependency` cannot tell the funders apart and asks for the split.
package enum AggregatedPublicLines {
    /// Words that name a kind of public money, not a body: a label made only of these (and of small words, account
    /// numbers and a parenthesis) is generic.
    private static let kinds: Set<String> = [
        "subvention", "subventions", "financement", "financements", "aide", "aides", "fonds", "concours", "dotation",
        "dotations", "grant", "grants", "subsidy", "subsidies", "funding", "funds", "recettes", "ressources",
    ]
    private static let fillers: Set<String> = [
        "d", "de", "des", "du", "l", "la", "le", "les", "et", "sur", "en", "exploitation", "fonctionnement", "public",
        "publics", "publique", "publiques", "autres", "autre", "action", "actions", "specifique", "specifiques",
        "operating", "other", "of", "and", "on", "for", "the", "project", "projects",
    ]

    /// Whether a label is generic: after its account number and any parenthesis, only words of kind and small words,
    /// one word of kind at least.
    package static func isGeneric(_ label: String) -> Bool {
        var text = label.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        while let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
            text.removeSubrange(open...close)
        }
        if let open = text.firstIndex(of: "(") { text.removeSubrange(open...) }
        let words = text.split { !$0.isLetter }.map(String.init)
        guard words.contains(where: kinds.contains) else { return false }
        return words.allSatisfy { kinds.contains($0) || fillers.contains($0) }
    }

    /// The budget's aggregated public lines: public, no `funder`, a generic label.
    static func lines(_ context: RuleContext) -> [ResourceLine] {
        let publicIDs = Set(context.metrics.publicResources.lines)
        return context.budget.resources.filter { line in
            publicIDs.contains(line.id) && line.funder == nil && isGeneric(line.label ?? line.id)
        }
    }
}
