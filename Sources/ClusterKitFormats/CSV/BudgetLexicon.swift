import ClusterKitCore

/// The words by which a line's label places it in the catalogue when no Source or Type column does: French and
/// English, matched on folded text (case, accents, punctuation — ``CSVVocabulary/normalized(_:)``) word by word, a
/// plural's final `s` or `x` dropped, so that « Cotisations des adhérents », « COTISATION » and « cotisation » are
/// one. A label is placed only when the words it holds name one source (or one nature); an ambiguous label
/// (« Divers », « Autres produits ») or one naming two is never guessed.
package enum BudgetLexicon {
    /// What placed a line: the value and the words (or account number) it was read from.
    struct Placement<Value: Equatable>: Equatable {
        var value: Value
        var from: String
    }

    /// Why a label was not placed.
    enum Miss: Equatable {
        /// No word of the lexicon, or only ambiguous ones.
        case unknown
        /// Words of two sources or natures.
        case conflict(String, String)
    }

    /// Revenue phrases, folded and depluralised, with the source each names.
    static let revenue: [(String, RevenueSourceID)] = revenueWords.map { (fold($0.0), $0.1) }

    /// The words each source is recognised by, as written (`clusterkit sources` lists them).
    package static func words(for source: RevenueSourceID) -> [String] {
        revenueWords.filter { $0.1 == source }.map(\.0)
    }

    /// Revenue phrases as written, with the source each names.
    static let revenueWords: [(String, RevenueSourceID)] = {
        var table: [(String, RevenueSourceID)] = []
        func add(_ source: RevenueSourceID, _ phrases: [String]) { table += phrases.map { ($0, source) } }

        add(.membershipFees, ["cotisations", "adhésions", "membership fees", "member fees", "subscriptions", "dues"])
        add(.services, ["prestations", "formations", "accompagnement", "billed services", "training", "consulting", "ventes de services"])
        add(.events, ["salon", "congrès", "inscriptions", "événements", "évènements", "colloque", "events", "conference", "registrations", "trade fair"])
        // « Quelques partenariats privés, sponsoring » (the memento's word for a sponsor's lasting support).
        add(.sponsorship, ["sponsoring", "mécénat", "sponsorship", "sponsors", "patronage", "partenariats", "partenariats privés",
                           "partenaires privés", "partnerships", "corporate partners"])
        add(.actionParticipation, ["participation des entreprises", "participations des entreprises", "participation aux actions", "company contributions"])
        add(.successFees, ["success fees", "primes de succès"])
        add(.region, ["région", "conseil régional", "regional council", "region"] + regionNames)
        add(.state, ["état", "dge", "dreets", "direccte", "sgar", "datar", "préfecture", "ministère", "draaf", "dreal", "drari", "drac",
                     "state", "french state", "government", "ministry"])
        add(.department, ["département", "conseil départemental", "conseil général", "department", "county council"])
        add(.intercommunality, ["métropole", "agglomération", "communauté de communes", "communauté d'agglomération", "communauté urbaine", "intercommunalité", "epci", "metropolitan council", "metropolis"])
        add(.erdf, ["feder", "erdf", "fse", "esf", "feader", "leader", "feampa", "feamp", "interreg", "union européenne", "european union",
                    "fonds européens", "european funds", "europe"])
        add(.consularChambers, ["cci", "cma", "chambre de commerce", "chambre des métiers", "chambres consulaires", "chamber of commerce", "chambers of commerce"])
        add(.otherPublic, ["bpifrance", "bpi france", "ademe", "anr", "caisse des dépôts", "banque des territoires", "commune", "ville", "city council"])
        add(.memberTime, ["valorisation", "contributions volontaires", "temps des adhérents", "temps passé", "bénévolat", "valued time", "member time", "members' time", "volunteer time", "in-kind contributions"])
        add(.secondment, ["mise à disposition", "mises à disposition", "secondment", "seconded staff"])
        add(.financialIncome, ["produits financiers", "financial income", "interest income", "intérêts"])
        add(.provisionReversals, ["reprises", "reprises sur provisions", "provision reversals"])
        add(.chargeTransfers, ["transferts de charges", "transfert de charges", "charge transfers"])
        add(.exceptionalIncome, ["produits exceptionnels", "exceptional income"])
        return table
    }()

    /// Phrases that only say where a funder is (folded): the regions' names, which place a line on their own
    /// (« Bretagne » → region) but give way to a funder the label names beside them.
    static let qualifiers: Set<String> = Set(regionNames.map(fold))

    /// The names of France's regions (and of the former ones a budget may still name).
    static let regionNames = [
        "auvergne-rhône-alpes", "rhône-alpes", "bourgogne-franche-comté", "bretagne", "centre-val de loire", "corse",
        "grand est", "hauts-de-france", "île-de-france", "normandie", "nouvelle-aquitaine", "occitanie",
        "pays de la loire", "provence-alpes-côte d'azur", "paca", "alsace", "aquitaine", "auvergne", "bourgogne",
        "champagne-ardenne", "franche-comté", "languedoc-roussillon", "limousin", "lorraine", "midi-pyrénées",
        "nord-pas-de-calais", "picardie", "poitou-charentes", "guadeloupe", "martinique", "guyane", "la réunion", "mayotte",
    ]

    /// Expense phrases, folded and depluralised, with the nature each names.
    static let expense: [(String, ExpenseNature)] = {
        var table: [(String, ExpenseNature)] = []
        func add(_ nature: ExpenseNature, _ phrases: [String]) { table += phrases.map { (fold($0), nature) } }
        add(.operating, ["salaires", "personnel", "charges sociales", "loyers", "honoraires", "frais généraux", "fonctionnement",
                         "frais de structure", "assurances", "fournitures", "déplacements", "salaries", "wages", "staff", "rent",
                         "overheads", "fees paid", "running costs", "office", "travel", "insurance", "communication", "site internet",
                         "expert comptable", "commissaire aux comptes", "comptabilité", "frais bancaires", "téléphone", "informatique",
                         "impôts et taxes", "website", "accountant", "auditor", "bank charges", "telephone"])
        add(.programme, ["actions", "événements", "évènements", "études", "salon", "programme", "projets", "missions collectives",
                         "events", "studies", "programme of actions", "trade fairs", "projects"])
        add(.accounting, ["dotations", "amortissements", "provisions", "charges financières", "charges exceptionnelles",
                          "impôts sur les bénéfices", "depreciation", "financial charges"])
        // The counterpart of valued time and means (86, emplois des contributions volontaires): the model's programme,
        // as the Cerfa reader gives it.
        add(.programme, ["valorisation", "contributions volontaires", "temps des adhérents", "bénévolat", "mise à disposition",
                         "valued time", "member time", "members' time", "volunteer time"])
        return table
    }()

    /// Labels never guessed, whatever words they hold.
    static let ambiguous: Set<String> = Set(
        ["divers", "autres", "autres produits", "autres recettes", "autres ressources", "autres charges", "autres dépenses",
         "other", "other income", "other revenue", "other expenses", "miscellaneous", "misc", "sundry"].map(fold))

    /// Text folded for the lexicon: ``CSVVocabulary/normalized(_:)``, an elision (`d'`, `l'`) kept as a word, each
    /// word's plural `s` or `x` dropped (`cotisations` → `cotisation`; `ss` kept).
    static func fold(_ text: String) -> String {
        CSVVocabulary.normalized(text).split(separator: " ").map { word -> Substring in
            guard word.count > 3, let last = word.last, last == "s" || last == "x", !word.hasSuffix("ss") else { return word }
            return word.dropLast()
        }.joined(separator: " ")
    }

    /// The label's own words, as the user wrote them (case, accents and plurals kept), where a folded phrase stands in
    /// it: « Région » in « Subvention Région », not `region`. Folding is for matching only; a report quotes the label.
    /// The phrase itself when the label's words cannot be lined up with its folded ones.
    static func words(of phrase: String, in label: String) -> String {
        let runs = writtenWords(label)
        // Each folded word of the label, with the run of the label it comes from.
        var owners: [Int] = []
        var normalizedWords: [Substring] = []
        for (index, run) in runs.enumerated() {
            for word in CSVVocabulary.normalized(String(label[run])).split(separator: " ") {
                normalizedWords.append(word)
                owners.append(index)
            }
        }
        let folded = fold(label).split(separator: " ")
        let wanted = phrase.split(separator: " ")
        guard normalizedWords == CSVVocabulary.normalized(label).split(separator: " "), owners.count == folded.count,
            !wanted.isEmpty, wanted.count <= folded.count
        else { return phrase }
        for start in 0...(folded.count - wanted.count) where Array(folded[start..<(start + wanted.count)]) == wanted {
            let first = runs[owners[start]], last = runs[owners[start + wanted.count - 1]]
            return String(label[first.lowerBound..<last.upperBound])
        }
        return phrase
    }

    /// The ranges of a label's words as written: runs of characters that folding keeps (letters, digits, `%`),
    /// split where it leaves a space (spaces, punctuation, an apostrophe).
    static func writtenWords(_ label: String) -> [Range<String.Index>] {
        var runs: [Range<String.Index>] = []
        var start: String.Index?
        var index = label.startIndex
        while index < label.endIndex {
            let next = label.index(after: index)
            let kept = CSVVocabulary.normalized(String(label[index])).contains { $0 != " " }
            if kept, start == nil { start = index }
            if !kept, let begun = start {
                runs.append(begun..<index)
                start = nil
            }
            index = next
        }
        if let begun = start { runs.append(begun..<label.endIndex) }
        return runs
    }

    /// Whether `phrase` stands in `label` as whole words (both folded).
    static func contains(_ label: String, _ phrase: String) -> Bool {
        (" " + label + " ").contains(" " + phrase + " ")
    }

    /// The one entry of a table whose words a label holds; the longest phrase of each value is reported.
    static func place<Value: Equatable>(_ label: String, in table: [(String, Value)], describe: (Value) -> String)
        -> Result<Placement<Value>, MissError>
    {
        let folded = fold(label)
        guard !folded.isEmpty, !ambiguous.contains(folded) else { return .failure(MissError(.unknown)) }
        let matched = table.filter { contains(folded, $0.0) }
        // A phrase standing inside a longer one of another value (« commune » in « communauté de communes ») is not
        // a match of its own.
        let kept = matched.filter { phrase, value in
            !matched.contains { other, otherValue in otherValue != value && other.count > phrase.count && contains(other, phrase) }
        }
        var found: [(phrase: String, value: Value, named: Bool)] = []
        for (phrase, value) in kept {
            let named = !qualifiers.contains(phrase)
            if let index = found.firstIndex(where: { $0.value == value }) {
                // The longest phrase naming the funder (« Région » in « Subvention Région Grand Est »), else the longest.
                if (named && !found[index].named) || (named == found[index].named && phrase.count > found[index].phrase.count) {
                    found[index].phrase = phrase
                }
                found[index].named = found[index].named || named
            } else {
                found.append((phrase, value, named))
            }
        }
        // A region's name beside another funder (« DRAAF Centre-Val de Loire », « CCI Normandie ») says where that
        // funder is, not that the region pays.
        if found.count > 1, found.contains(where: \.named) { found.removeAll { !$0.named } }
        guard let first = found.first else { return .failure(MissError(.unknown)) }
        if found.count > 1 {
            let one = words(of: first.phrase, in: label), other = words(of: found[1].phrase, in: label)
            return .failure(MissError(.conflict("\(describe(first.value)) (« \(one) »)", "\(describe(found[1].value)) (« \(other) »)")))
        }
        return .success(Placement(value: first.value, from: words(of: first.phrase, in: label)))
    }

    /// A ``Miss`` as an error value.
    struct MissError: Error, Equatable {
        var miss: Miss
        init(_ miss: Miss) { self.miss = miss }
    }

    /// The source a label's words name.
    static func source(_ label: String) -> Result<Placement<RevenueSourceID>, MissError> {
        place(label, in: revenue, describe: \.rawValue)
    }

    /// The nature an expense label's words name.
    static func nature(_ label: String) -> Result<Placement<ExpenseNature>, MissError> {
        place(label, in: expense, describe: \.rawValue)
    }

    // MARK: Account numbers

    /// An account number of the associations' chart at the start of a label (« 7412 Région », « 756 - Cotisations »,
    /// « 74. Subventions »): its digits (2 to 8, starting 6, 7 or 8) and the label after it, which has a letter.
    static func account(in label: String) -> (number: String, rest: String)? {
        let trimmed = CSVText.trimmed(label)
        let digits = trimmed.prefix(while: { $0.isASCII && $0.isNumber })
        guard (2...8).contains(digits.count), let first = digits.first, "678".contains(first) else { return nil }
        let after = trimmed.dropFirst(digits.count)
        guard after.isEmpty || after.first == " " || after.first == "-" || after.first == "." || after.first == "–" || after.first == "\u{00A0}"
        else { return nil }
        let rest = after.drop(while: { " -.–\u{00A0}:".contains($0) })
        // A label follows the number (« 80 000 » is an amount, not account 80).
        guard rest.contains(where: \.isLetter) else { return nil }
        return (String(digits), String(rest))
    }

    /// The source an account number of the product classes gives: 706/70 services, 74 a public subsidy (`nil` for the
    /// funder: the label names it, else other public), 756 fees, 75 other private, 76 financial, 77 exceptional,
    /// 78 reversals, 79 transfers, 870 member time, 871/875 secondment — as the Cerfa reader maps a numbered row the
    /// form does not print.
    static func source(account: String) -> RevenueSourceID? {
        switch account {
        case _ where account.hasPrefix("756"): return .membershipFees
        case "870": return .memberTime
        case "871", "875": return .secondment
        default: break
        }
        switch account.prefix(2) {
        case "70": return .services
        case "73", "74": return .otherPublic
        case "75": return .otherPrivate
        case "76": return .financialIncome
        case "77": return .exceptionalIncome
        case "78": return .provisionReversals
        case "79": return .chargeTransfers
        default: return nil
        }
    }

    /// The nature an account number of the charge classes gives: 66–69 accounting; 60–65 operating (the label's
    /// words may say programme); 86 programme (the counterpart of 87, as the Cerfa reader gives it).
    static func nature(account: String) -> ExpenseNature? {
        switch account.prefix(2) {
        case "66", "67", "68", "69": return .accounting
        case "60", "61", "62", "63", "64", "65": return .operating
        case "86": return .programme
        default: return nil
        }
    }

    /// Whether an account is on the products side (7x, 87) or the charges side (6x, 86).
    static func isProductAccount(_ account: String) -> Bool { account.hasPrefix("7") || account.hasPrefix("87") }
}
