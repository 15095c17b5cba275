import ClusterKitCore
import Foundation

/// A side of the budget table of the subsidy forms.
package enum CerfaSide: String, Hashable, Sendable {
    /// CHARGES: classes 6 and 86 of the chart of accounts.
    case charges
    /// PRODUITS: classes 7 and 87.
    case products
}

/// The rows of the budget table of the French subsidy forms — Cerfa n° 12156 « Budget prévisionnel de
/// l'association » and Cerfa n° 15059 « Compte rendu financier » — as the forms print them: the non-profit chart of
/// accounts (plan comptable associatif), class 6 and 86 on the CHARGES side, class 7 and 87 on the PRODUITS side.
///
/// A row is known by its account number (`74`, `756`, `870`) or by its label without it (« Région(s) : »,
/// « Dont cotisations, dons manuels ou legs »), matched as ``CSVVocabulary/normalized(_:)`` folds it (case, accents,
/// punctuation ignored), on the label's start: « Région(s) : Auvergne-Rhône-Alpes » is the form's « Région(s) »
/// line, with its funder written after the colon.
enum CerfaForm {
    /// One side of the table.
    typealias Side = CerfaSide

    /// What a known row of the form is.
    struct Row: Sendable {
        /// The account the row stands for: two digits for a heading (`74`), three for a line of the chart
        /// (`756`); the form's unnumbered lines carry the account of their heading.
        var account: String
        /// The row's label as the form prints it, for messages.
        var label: String
        /// The folded beginnings of the label that recognise the row (without its account number).
        var keys: [String]
        /// Whether the row is a « dont » line: a part of its heading's amount, not an addition to it.
        var isPart: Bool = false
        /// The folded beginnings of the names of a body of the row's kind (« Conseil régional Grand Est » for
        /// « Région(s) »): a line an association wrote in the form's stead, whose label is then the funder.
        var names: [String] = []

        /// Whether the row is a numbered heading of the form (« 74 – Subventions d'exploitation »), not one of its
        /// lines (« Région(s) », which carries the account 74 of its heading).
        var isHeading: Bool { account.count == 2 && label.hasPrefix(account) }
    }

    /// The rows of the CHARGES side (Cerfa 12156*05 and 15059*02).
    static let charges: [Row] = [
        Row(account: "60", label: "60 – Achats", keys: ["achats"]),
        Row(account: "60", label: "Prestations de services", keys: ["prestations de services"]),
        Row(account: "60", label: "Achats matières et fournitures", keys: ["achats matieres et fournitures"]),
        Row(account: "60", label: "Autres fournitures", keys: ["autres fournitures"]),
        Row(account: "61", label: "61 – Services extérieurs", keys: ["services exterieurs"]),
        Row(account: "61", label: "Locations", keys: ["locations"]),
        Row(account: "61", label: "Entretien et réparation", keys: ["entretien et reparation"]),
        Row(account: "61", label: "Assurance", keys: ["assurance", "assurances"]),
        Row(account: "61", label: "Documentation", keys: ["documentation"]),
        Row(account: "62", label: "62 – Autres services extérieurs", keys: ["autres services exterieurs"]),
        Row(account: "62", label: "Rémunérations intermédiaires et honoraires",
            keys: ["remunerations intermediaires et honoraires", "remuneration intermediaires et honoraires"]),
        Row(account: "62", label: "Publicité, publication", keys: ["publicite publication", "publicite"]),
        Row(account: "62", label: "Déplacements, missions", keys: ["deplacements missions", "deplacements"]),
        Row(account: "62", label: "Services bancaires, autres", keys: ["services bancaires"]),
        Row(account: "63", label: "63 – Impôts et taxes", keys: ["impots et taxes"]),
        Row(account: "63", label: "Impôts et taxes sur rémunération",
            keys: ["impots et taxes sur remuneration", "impots et taxes sur remunerations"]),
        Row(account: "63", label: "Autres impôts et taxes", keys: ["autres impots et taxes"]),
        Row(account: "64", label: "64 – Charges de personnel", keys: ["charges de personnel"]),
        Row(account: "64", label: "Rémunération des personnels",
            keys: ["remuneration des personnels", "remunerations des personnels"]),
        Row(account: "64", label: "Charges sociales", keys: ["charges sociales"]),
        Row(account: "64", label: "Autres charges de personnel", keys: ["autres charges de personnel"]),
        Row(account: "65", label: "65 – Autres charges de gestion courante", keys: ["autres charges de gestion courante"]),
        Row(account: "66", label: "66 – Charges financières", keys: ["charges financieres"]),
        Row(account: "67", label: "67 – Charges exceptionnelles", keys: ["charges exceptionnelles"]),
        Row(account: "68", label: "68 – Dotation aux amortissements",
            keys: ["dotation aux amortissements", "dotations aux amortissements"]),
        Row(account: "69", label: "69 – Impôt sur les bénéfices", keys: ["impot sur les benefices", "impots sur les benefices"]),
        Row(account: "86", label: "86 – Emplois des contributions volontaires en nature",
            keys: ["emplois des contributions volontaires en nature"]),
        Row(account: "860", label: "Secours en nature", keys: ["secours en nature"]),
        Row(account: "861", label: "Mise à disposition gratuite de biens et prestations",
            keys: ["mise a disposition gratuite de biens", "mise a disposition gratuite"]),
        Row(account: "862", label: "Prestations", keys: ["prestations"]),
        Row(account: "864", label: "Personnel bénévole", keys: ["personnel benevole"]),
    ]

    /// The rows of the PRODUITS side (Cerfa 12156*05 and 15059*02).
    static let products: [Row] = [
        Row(account: "70", label: "70 – Vente de produits finis, de marchandises, prestations de services",
            keys: ["vente de produits finis", "ventes de produits finis"]),
        Row(account: "73", label: "73 – Dotations et produits de tarification", keys: ["dotations et produits de tarification"]),
        Row(account: "74", label: "74 – Subventions d'exploitation", keys: ["subventions d exploitation"]),
        Row(account: "74", label: "État", keys: ["etat"],
            names: ["prefecture", "direccte", "dreets", "dreal", "sgar", "ministere", "ministre"]),
        Row(account: "74", label: "Région(s)", keys: ["region s", "regions", "region"],
            names: ["conseil regional", "collectivite territoriale"]),
        Row(account: "74", label: "Département(s)", keys: ["departement s", "departements", "departement"],
            names: ["conseil departemental", "conseil general"]),
        Row(account: "74", label: "Intercommunalité(s) : EPCI",
            keys: ["intercommunalite s", "intercommunalites", "intercommunalite"],
            names: ["communaute de communes", "communaute d agglomeration", "communaute urbaine", "metropole", "agglomeration", "epci"]),
        Row(account: "74", label: "Commune(s)", keys: ["commune s", "communes", "commune"],
            names: ["mairie", "ville de", "ville d"]),
        Row(account: "74", label: "Organismes sociaux", keys: ["organismes sociaux"]),
        Row(account: "74", label: "Fonds européens", keys: ["fonds europeens"],
            names: ["feder", "fse", "union europeenne", "commission europeenne", "interreg"]),
        Row(account: "74", label: "L'agence de services et de paiement",
            keys: ["l agence de services et de paiement", "agence de services et de paiement", "asp"]),
        Row(account: "74", label: "Autres établissements publics", keys: ["autres etablissements publics"]),
        Row(account: "74", label: "Aides privées (fondation)", keys: ["aides privees"]),
        Row(account: "75", label: "75 – Autres produits de gestion courante", keys: ["autres produits de gestion courante"]),
        Row(account: "756", label: "Dont cotisations, dons manuels ou legs", keys: ["dont cotisations"], isPart: true),
        Row(account: "756", label: "756 – Cotisations", keys: ["cotisations"]),
        Row(account: "758", label: "758 – Dons manuels, mécénat", keys: ["dons manuels"]),
        Row(account: "76", label: "76 – Produits financiers", keys: ["produits financiers"]),
        Row(account: "77", label: "77 – Produits exceptionnels", keys: ["produits exceptionnels"]),
        Row(account: "78", label: "78 – Reprises sur amortissements et provisions",
            keys: ["reprises sur amortissements", "reprise sur amortissements", "reprises sur provisions", "reprises de provisions"]),
        Row(account: "79", label: "79 – Transferts de charges", keys: ["transferts de charges", "transfert de charges"]),
        Row(account: "87", label: "87 – Contributions volontaires en nature", keys: ["contributions volontaires en nature"]),
        Row(account: "870", label: "Bénévolat", keys: ["benevolat"]),
        Row(account: "871", label: "Prestations en nature", keys: ["prestations en nature"]),
        Row(account: "871", label: "Mise à disposition gratuite de biens et prestations",
            keys: ["mise a disposition gratuite de biens", "mise a disposition gratuite", "mise a disposition"]),
        Row(account: "875", label: "Dons en nature", keys: ["dons en nature"]),
    ]

    /// The known row a label names on a side, and what the label adds after the form's words (the funder after
    /// « Région(s) : »): the longest key that starts the folded label wins, so « Impôts et taxes sur rémunération »
    /// is not « Impôts et taxes ».
    static func row(labelled text: String, on side: Side) -> (row: Row, detail: String?)? {
        let folded = CSVVocabulary.normalized(text)
        var best: (row: Row, length: Int, isName: Bool)?
        for row in side == .charges ? charges : products {
            for (keys, isName) in [(row.keys, false), (row.names, true)] {
                for key in keys where folded == key || folded.hasPrefix(key + " ") {
                    if key.count > best?.length ?? -1 { best = (row, key.count, isName) }
                }
            }
        }
        guard let best else { return nil }
        // A body's own name (« Conseil régional Grand Est ») is the funder, whole.
        return (best.row, best.isName ? CSVText.trimmed(text) : detail(of: text))
    }

    /// The text a filled form adds after a colon: « Région(s) : Auvergne-Rhône-Alpes » → « Auvergne-Rhône-Alpes ».
    static func detail(of text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let rest = CSVText.trimmed(String(text[text.index(after: colon)...]))
        // The form's own hints after the colon are not a funder's name.
        let hints = ["epci", "preciser", "detailler"]
        let folded = CSVVocabulary.normalized(rest)
        if rest.isEmpty || hints.contains(where: { folded.hasPrefix($0) }) { return nil }
        return rest
    }

    /// The account number a label starts with and the label after it: « 74 – Subventions d'exploitation » →
    /// (`74`, « Subventions d'exploitation »), « 756. Cotisations » → (`756`, « Cotisations »). Two or three digits of
    /// classes 6, 7 or 8 followed by a space, a dash or a dot; `nil` when the label has none.
    static func account(in label: String) -> (account: String, rest: String)? {
        let scalars = Array(CSVText.trimmed(label).unicodeScalars)
        var digits = ""
        var index = 0
        while index < scalars.count, ("0"..."9").contains(scalars[index]), digits.count < 4 {
            digits.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard (2...3).contains(digits.count), ["6", "7", "8"].contains(digits.first!) else { return nil }
        guard index < scalars.count else { return (digits, "") }
        let separators: Set<Unicode.Scalar> = [" ", "-", "\u{2013}", "\u{2014}", ".", "\u{00A0}", "\u{202F}", ":"]
        guard separators.contains(scalars[index]) else { return nil }
        var rest = String(String.UnicodeScalarView(scalars[index...]))
        while let first = rest.unicodeScalars.first, separators.contains(first) { rest.unicodeScalars.removeFirst() }
        return (digits, rest)
    }

    /// Whether an account is a heading of the form (two digits: `60` … `79`, `86`, `87`).
    static func isHeading(_ account: String) -> Bool { account.count == 2 }
}
