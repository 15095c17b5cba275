/// The definite article a funder's name takes in French prose, from its first word: « la Région Rhône-Alpes »,
/// « le Conseil général », « l'État », « l'Union européenne »; a name whose first word is not a known common noun
/// (« Bpifrance », « Nantes Métropole », « ADEME ») is printed as it is.
enum FrenchArticle {
    static let feminine: Set<String> = [
        "région", "métropole", "communauté", "chambre", "cci", "commune", "ville", "caisse", "banque", "agence",
        "direccte", "datar", "commission", "préfecture", "collectivité", "fondation", "dreets", "dreal",
    ]
    static let masculine: Set<String> = [
        "conseil", "département", "feder", "fonds", "ministère", "programme", "sgar", "pôle", "syndicat", "groupement",
        "fse", "fui",
    ]

    /// `name` with its article, lower-case, for the middle of a sentence; `name` itself when none is known.
    static func withArticle(_ name: String) -> String {
        let first = name.prefix { $0.isLetter || $0 == "'" || $0 == "’" }
        let word = first.lowercased()
        guard !word.isEmpty else { return name }
        if let initial = word.first, "aeéèêiîouyh".contains(initial),
            feminine.contains(word) || masculine.contains(word) || ["état", "europe", "union", "etat", "agence"].contains(word)
        {
            return "l'" + name
        }
        if ["état", "etat", "union", "europe"].contains(word) { return "l'" + name }
        if feminine.contains(word) { return "la " + name }
        if masculine.contains(word) { return "le " + name }
        return name
    }
}
