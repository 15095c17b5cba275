import ClusterKitCore
import ClusterRules
import Foundation
import Testing
import TestSupport

/// Words of the memento *Modèles économiques des clusters* (France Clusters, 2013) and the page each appears on,
/// read from the memento's text slide by slide (vendored here: the tests never read the memento itself). Pages are
/// the slide numbers the memento prints (« Modèles économiques des clusters 11 »…); slides before p. 9 are not
/// numbered in the text ClusterKit was written from, so their words have no page (`nil`). Apostrophes are straight,
/// spaces single.
let mementoQuotes: [(page: Int?, words: String)] = [
    (nil, "Elargissement de la base de clientèle"),
    (nil, "Financement des clusters et réglementation communautaire"),
    (nil, "Mise en contexte"),
    (nil, "Un guide méthodologique sur le financement des pôles de compétitivité"),
    (nil, "Un soutien financier triennal apporté par la DATAR aux grappes d'entreprises qui arrive à échéance"),
    (9, "La recherche d'un nouvel équilibre financier"),
    (9, "cotisation et vente de services"),
    (11, "1,4 % des budgets"),
    (11, "10,2 % du budget des pôles en 2012"),
    (11, "Statistiques et retours d'expériences sur le budget des pôles de compétitivité en 2011"),
    (11, "au plus tard d'ici 2016 un financement public/privé équilibré"),
    (11, "du budget des pôles en 2012"),
    (11, "les revenus issus de success fees restent marginaux"),
    (11, "un financement public/privé équilibré"),
    (11, "créer les conditions d'un financement privé majoritaire à moyen terme"),
    (12, "La difficulté d'interprétation des budgets et plans de financement"),
    (12, "Le cas particulier des clusters ayant créé des entités périphériques"),
    (13, "Cotisation : < 15%"),
    (13, "Exemple de budget/ plan de financement"),
    (13, "Feder : attention aux contraintes administratives et impact sur le fonds de roulement"),
    (13, "Temps passé : > 15%"),
    (13, "Utilité et valeur ajoutée du cluster ?"),
    (14, "Mission de service public"),
    (17, "La ruche bourdonnante"),
    (17, "Profils de clusters et autofinancement"),
    (18, "Aube ou crépuscule ?"),
    (19, "La ruche bourdonnante"),
    (20, "Mission de service public"),
    (21, "Autofinancement très délicats pour les clusters en création"),
    (21, "Deux finalités"),
    (21, "l'intérêt de préserver une phase transitoire"),
    (24, "Niveau d'autofinancement 2013"),
    (25, "Un exemple à suivre"),
    (26, "Niveau d'autofinancement 2013"),
    (29, "Niveau d'autofinancement 2013"),
    (30, "que l'autofinancement couvre au minimum les frais d'animation"),
    (31, "A terme, un objectif d'autofinancement de 50 %"),
    (31, "impossibilité de valoriser les temps passés par les entreprises"),
    (32, "Présentation de la société AinGIL"),
    (32, "repose sur l'honnêteté des membres"),
    (33, "Niveau d'autofinancement 2013"),
    (38, "Plus de 3 ans d'existence"),
    (38, "Variables favorables à la consolidation du modèle économique d'un cluster"),
    (43, "Elargissement de la base de clientèle"),
    (43, "il faut 100 membres pour obtenir 10 clients"),
    (44, "Valoriser l'ensemble des services gratuits (mettre en avant le coût réel)"),
    (45, "Organisation d'événementiels"),
    (45, "Une manne potentielle"),
    (46, "cluster original ou cluster en danger ?"),
    (47, "Autofinancement de 55 % visé à moyen terme"),
    (47, "Niveau d'autofinancement 2013"),
    (49, "Construire le modèle économique de chaque service : producteur de marge ou coût net pour le cluster ?"),
    (51, "Niveau d'autofinancement 2013"),
    (51, "recherche systématique de l'équilibre financier par action collective"),
    (52, "Organisation d'événementiels"),
    (52, "des risques à la mesure des gains financiers escomptés"),
    (53, "Autofinancement de 60 % visé à moyen terme"),
    (53, "Niveau d'autofinancement 2013"),
    (55, "Niveau d'autofinancement 2013"),
    (56, "Autofinancement de 75 % visé à moyen terme (fin 2014)"),
    (59, "Le montant des success fees doit rester marginal par rapport au coût fixe d'une prestation d'ingénierie"),
    (59, "Le recours aux success fees"),
    (59, "Un risque que le cluster s'en remette trop largement aux success fees"),
    (59, "Une note de cadrage à l'intention des pôles de compétitivité (DGCIS, 15/02/2012)"),
    (59, "Vigilance sur une possible requalification en financements privés de fonds publics"),
    (60, "Autofinancement de 50 % visé à moyen terme (2014)"),
    (60, "Niveau d'autofinancement 2013"),
    (62, "Gestion de la marque, sponsoring"),
    (62, "un sponsor ne doit pas détenir d'intérêt direct, être impliqué dans le cluster"),
    (68, "Financer le BFR lié à la montée en puissance des prestations privées, au portage d'actions collectives"),
    (68, "Intervention générale des pouvoirs publics"),
    (68, "Intégrer la diversité naturelle des clusters"),
    (68, "Prévoir un lissage dans le temps, une période de transition"),
    (68, "sur le financement global du cluster et non action par action"),
]

/// Every built-in rule cites the memento by page and quoted words, and each quote is on the page cited: a slide off by
/// one fails.
@Suite("Citations of the memento")
struct CitationTests {
    /// The places a citation names: each quote with the page before it (`p. N, « … » ; « … »` — a quote without its
    /// own page is on the page of the one before it; `nil` before any page).
    static func places(_ location: String) -> [(page: Int?, words: String)] {
        let text = location.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
            .replacingOccurrences(of: "’", with: "'")
        var page: Int?
        var found: [(page: Int?, words: String)] = []
        for segment in text.components(separatedBy: " ; ") {
            if segment.hasPrefix("p. ") {
                page = Int(segment.dropFirst(3).prefix { $0.isNumber })
            }
            var rest = Substring(segment)
            while let open = rest.firstIndex(of: "«") {
                let after = rest[rest.index(after: open)...]
                guard let close = after.firstIndex(of: "»") else { break }
                let words = after[..<close].trimmingCharacters(in: .whitespaces)
                found.append((page, words.split(separator: " ").joined(separator: " ")))
                rest = after[after.index(after: close)...]
            }
        }
        return found
    }

    /// What is wrong with a citation of the memento: a quote the table does not hold, or holds on other pages.
    static func problems(_ citation: Citation) -> [String] {
        let places = places(citation.location ?? "")
        guard !places.isEmpty else { return ["no quoted words"] }
        return places.compactMap { place in
            let pages = mementoQuotes.filter { $0.words == place.words }.map(\.page)
            if pages.isEmpty { return "« \(place.words) » is not in the table of the memento's words" }
            if !pages.contains(where: { $0 == place.page }) {
                let cited = place.page.map { "p. \($0)" } ?? "no page"
                let actual = pages.map { $0.map { "p. \($0)" } ?? "an unnumbered slide" }.joined(separator: ", ")
                return "« \(place.words) »: cited \(cited), on \(actual)"
            }
            return nil
        }
    }

    @Test(
        "Every built-in rule's citation: the memento, quoted words, each on the page cited (but forecast-variance, the subsidy form's)",
        arguments: BuiltInRules.all.map(\.ruleDescription).filter { $0.id != "forecast-variance" })
    func rule(_ description: RuleDescription) {
        #expect(description.citation.document == Memento.title)
        for problem in Self.problems(description.citation) { Issue.record("\(description.id): \(problem)") }
        #expect(Self.places(description.citation.location ?? "").contains { $0.page != nil } || description.id.description.contains("categor")
                    || description.id.description == "public-funding-ceiling" || description.id.description == "uncategorized-action",
                "\(description.id) cites a numbered page")
    }

    @Test("The regimes that cite the memento cite it rightly")
    func regimes() {
        for regime in Catalog.builtIn.regimes where regime.citation.document == Memento.title {
            for problem in Self.problems(regime.citation) { Issue.record("\(regime.id): \(problem)") }
        }
    }

    @Test("A wrong page fails, as do unknown words; the corrected citations of issue 17 hold")
    func wrongPage() {
        let old = Memento.cite("p. 29, « que l'autofinancement couvre au minimum les frais d'animation »")
        #expect(Self.problems(old) == ["« que l'autofinancement couvre au minimum les frais d'animation »: cited p. 29, on p. 30"])
        #expect(Self.problems(Memento.cite("p. 16, « Profils de clusters et autofinancement »")).count == 1)
        #expect(Self.problems(Memento.cite("p. 13, « invented words »")).count == 1)
        #expect(Self.problems(Memento.cite("p. 13 and « Cotisations »")).count == 1)
        #expect(Self.problems(BuiltInRules.rule("animation-cost-coverage")!.ruleDescription.citation).isEmpty)
        #expect(Self.places(Memento.profiles.location ?? "").map(\.page) == [17, 18, 19, 20])
    }
}
