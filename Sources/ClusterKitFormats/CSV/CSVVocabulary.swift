import ClusterKitCore
import Foundation

/// The words a budget spreadsheet uses, in French and English: column headings, the keys of the cluster's
/// description, and the values of its cells. Matching ignores case, accents, punctuation and a currency sign, so
/// `Montant (€)`, `montant` and `MONTANT €` are one heading. `Documentation/CSVFormat.md` lists them.
enum CSVVocabulary {
    /// Text folded for matching: lower case, no accents, `€` and `(eur)` dropped, punctuation as spaces, one space
    /// between words.
    ///
    /// Text in Latin script — ASCII, the Latin-1 and Latin Extended-A and -B letters, general punctuation, currency
    /// signs: every French or English heading and label — is folded scalar by scalar with ``LatinFolds/folds``, without
    /// Foundation; anything else (combining accents, other scripts) takes ``normalizedByFoundation(_:)``. A test keeps
    /// the two equal on every scalar of the table and on random text.
    static func normalized(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in normalized(bytes) }
    }

    /// ``normalized(_:)`` of text given as its UTF-8 bytes (valid UTF-8): how a table read on its bytes folds a cell
    /// without making its text first.
    static func normalized(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Folded into a buffer on the stack, then written once as the result: a fold of a Latin letter is at most
        // 1.5 times its bytes (`ⱥ`), a word's separator at most one byte.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * bytes.count + 1) { buffer in
            guard let count = fold(bytes, into: buffer) else { return normalizedByFoundation(String(decoding: bytes, as: UTF8.self)) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
    }

    /// ``normalized(_:)`` of UTF-8 bytes into `buffer`, by ``LatinFolds/folds``, its length; `nil` when a scalar is outside the
    /// table (Foundation's folding decides it then). See ``fold(_:into:table:)``.
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        fold(bytes, into: buffer, table: LatinFolds.table)
    }

    /// ``fold(_:into:)`` with ``LatinFolds/table`` given: a reader that folds every label of a table reads the table
    /// once, not at each label (a `static let` is reached through a one-time initialisation check at each use).
    ///
    /// One pass: each scalar folded (ASCII lowered, Latin letters by the table, spaces, dashes and signs as a space)
    /// and written at once, the words kept with one space between them. Text with a `(` takes two passes
    /// (``foldInTwoPasses(_:into:table:)``), since `(eur)` is dropped only once its letters are folded.
    static func fold(
        _ bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>, table: [UInt8]
    ) -> Int? {
        // Long by design: the one loop over the bytes, with the word rule written where each byte is kept.
        var out = 0, index = 0, space = false
        let end = bytes.count
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                var byte = lead
                if lead &- 0x41 < 26 {
                    byte = lead | 0x20
                } else if !(lead &- 0x61 < 26 || lead &- 0x30 < 10 || lead == 0x25) {
                    if lead == 0x28 { return foldInTwoPasses(bytes, into: buffer, table: table) }
                    space = true
                    continue
                }
                if space && out > 0 {
                    buffer[out] = 0x20
                    out += 1
                }
                buffer[out] = byte
                out += 1
                space = false
                continue
            }
            // The fold's bytes, kept by the word rule: a letter or digit, or a space.
            guard let fold = LatinFolds.foldOfScalar(bytes, at: &index, table: table) else { return nil }
            for offset in fold {
                let byte = table[offset]
                switch byte {
                case 0x61...0x7A, 0x30...0x39, 0x25, 0x80...:
                    if space && out > 0 {
                        buffer[out] = 0x20
                        out += 1
                    }
                    buffer[out] = byte
                    out += 1
                    space = false
                case 0x28: return foldInTwoPasses(bytes, into: buffer, table: table)
                default: space = true
                }
            }
        }
        return out
    }

    /// ``fold(_:into:table:)`` in two passes over bytes: the scalars folded, then the words kept, `(eur)` dropped, one
    /// space between them — in place, since the second never writes past where it reads.
    static func foldInTwoPasses(
        _ bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>, table: [UInt8]
    ) -> Int? {
        guard let count = LatinFolds.fold(bytes, into: buffer, table: table) else { return nil }
        // `(eur)` is dropped; what remains keeps ASCII letters, digits and `%`, and the table's letters (every
        // non-ASCII scalar it gives is alphanumeric, so each of its bytes is kept), one space between runs.
        var out = 0, space = false, index = 0
        while index < count {
            let byte = buffer[index]
            if byte == 0x28, index + 4 < count, buffer[index + 1] == 0x65, buffer[index + 2] == 0x75, buffer[index + 3] == 0x72,
                buffer[index + 4] == 0x29
            {
                space = true
                index += 5
                continue
            }
            switch byte {
            case 0x61...0x7A, 0x30...0x39, 0x25, 0x80...:
                if space && out > 0 {
                    buffer[out] = 0x20
                    out += 1
                }
                buffer[out] = byte
                out += 1
                space = false
            default:
                space = true
            }
            index += 1
        }
        return out
    }

    /// ``normalized(_:)`` through Foundation's folding (case, diacritics, width): for text outside ``LatinFolds/folds``.
    static func normalizedByFoundation(_ text: String) -> String {
        var folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        folded = folded.replacingOccurrences(of: "(eur)", with: " ").replacingOccurrences(of: "€", with: " ")
        var out = ""
        var space = false
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) || scalar == "%" {
                if space && !out.isEmpty { out += " " }
                out.unicodeScalars.append(scalar)
                space = false
            } else {
                space = true
            }
        }
        return out
    }


    /// The normalized names by which a cell may give each source of a catalogue — its id, its English and French
    /// names, each also without what follows a parenthesis — to the source; on a tie, the first in catalogue order.
    /// Made once per catalogue and kept (normalizing a name is costly), so that each line costs one lookup.
    static func sourceNames(_ catalog: Catalog) -> [String: RevenueSourceID] {
        // The catalogue's ids and names, compared with those of the tables made (the same strings, as a rule: equal
        // at a glance), not joined into one text to hash.
        var signature: [String] = []
        signature.reserveCapacity(catalog.sources.count * 3)
        for source in catalog.sources {
            signature.append(source.id.rawValue)
            signature.append(source.name(in: .english))
            signature.append(source.name(in: .french))
        }
        if let known = sourceTables.withLock({ tables in tables.last { $0.signature == signature }?.names }) { return known }
        var names: [String: RevenueSourceID] = [:]
        for source in catalog.sources {
            for name in [source.id.rawValue, source.name(in: .english), source.name(in: .french)] {
                for variant in [name, beforeParenthesis(name)] where names[normalized(variant)] == nil {
                    names[normalized(variant)] = source.id
                }
            }
        }
        sourceTables.withLock { tables in
            if tables.count >= 16 { tables.removeFirst() }
            tables.append((signature, names))
        }
        return names
    }

    /// The tables of ``sourceNames(_:)`` already made, by catalogue (its ids and names), the last 16: a program reads
    /// its files with one or two.
    private static let sourceTables = Locked<[(signature: [String], names: [String: RevenueSourceID])]>([])

    /// The side of the plan of financing a heading opens.
    enum Side: String {
        case expenses, resources
    }

    /// The side whose title this heading is (`Dépenses`, `Expenses`, `Ressources`, `Resources`).
    static func side(_ heading: String) -> Side? { side(folded: normalized(heading)) }

    /// ``side(_:)`` of text already folded (``normalized(_:)``).
    static func side(folded: String) -> Side? {
        switch folded {
        case "depenses", "depense", "expenses", "expense", "charges", "emplois", "expenditure", "expenditures": .expenses
        case "ressources", "ressource", "resources", "resource", "recettes", "produits", "financements", "income", "revenue",
            "revenues":
            .resources
        default: nil
        }
    }

    /// What a column of one side holds.
    enum Column: String, CaseIterable {
        case label, amount, share, id, comment
        case source, funder, sector, inKind, action, successFeeBasis, fixedFee, sponsorIsMember, sponsorInterest
        case nature, category, regime, collective

        /// The headings that name the column, normalised.
        var headings: [String] {
            switch self {
            case .label: ["nature", "libelle", "label", "description", "poste", "intitule", "designation"]
            case .amount: ["montant", "amount", "montant ht", "montant ttc", "budget", "somme"]
            case .share: ["%", "part", "share", "pourcentage", "percentage", "percent", "part %"]
            case .id: ["id", "identifiant", "identifier", "code", "ref", "reference"]
            case .comment: ["commentaire", "commentaires", "comment", "comments", "note", "notes", "remarque", "remarques"]
            case .source: ["source", "type de ressource", "resource type", "source id"]
            case .funder: ["financeur", "funder", "payeur", "organisme"]
            case .sector: ["secteur", "sector", "public prive", "public private"]
            case .inKind: ["en nature", "in kind", "inkind", "valorisation"]
            case .action: ["action", "affectation", "earmark", "action financee", "earmarked for"]
            case .successFeeBasis: ["success fee", "prime de succes", "base success fee", "success fee basis", "fee basis"]
            case .fixedFee: ["forfait", "fixed fee", "honoraires fixes", "forfait fixe"]
            case .sponsorIsMember: ["sponsor membre", "sponsor is member", "sponsor member"]
            case .sponsorInterest: ["interet direct", "direct interest", "sponsor interet direct", "sponsor direct interest"]
            case .nature: ["type", "type de depense", "expense type", "fonctionnement ou action", "kind"]
            case .category: ["categorie", "category", "categorie de mission", "mission category"]
            case .regime: ["regime", "regime d aide", "aid regime", "funding regime"]
            case .collective: ["collective", "action collective", "collective action"]
            }
        }

        /// A bit of its own for each kind of column, for sets of them.
        var bit: UInt32 {
            let ordinal: UInt32
            switch self {
            case .label: ordinal = 0
            case .amount: ordinal = 1
            case .share: ordinal = 2
            case .id: ordinal = 3
            case .comment: ordinal = 4
            case .source: ordinal = 5
            case .funder: ordinal = 6
            case .sector: ordinal = 7
            case .inKind: ordinal = 8
            case .action: ordinal = 9
            case .successFeeBasis: ordinal = 10
            case .fixedFee: ordinal = 11
            case .sponsorIsMember: ordinal = 12
            case .sponsorInterest: ordinal = 13
            case .nature: ordinal = 14
            case .category: ordinal = 15
            case .regime: ordinal = 16
            case .collective: ordinal = 17
            }
            return 1 << ordinal
        }

        /// The columns each side may have.
        static func allowed(on side: Side) -> [Column] {
            let common: [Column] = [.label, .amount, .share, .id, .comment]
            switch side {
            case .resources:
                return common + [.source, .funder, .sector, .inKind, .action, .successFeeBasis, .fixedFee, .sponsorIsMember, .sponsorInterest]
            case .expenses: return common + [.nature, .category, .regime, .collective]
            }
        }

        /// The column a heading names on a side.
        static func named(_ heading: String, on side: Side) -> Column? { named(folded: normalized(heading), on: side) }

        /// ``named(_:on:)`` of a heading already folded (``normalized(_:)``).
        static func named(folded key: String, on side: Side) -> Column? {
            (side == .resources ? resourceHeadings : expenseHeadings)[key]
        }

        /// Each side's columns by their headings, the first allowed column naming a heading keeping it: one lookup
        /// for ``named(folded:on:)``, not the lists made again for every cell.
        private static let resourceHeadings = headingTable(on: .resources)
        private static let expenseHeadings = headingTable(on: .expenses)

        private static func headingTable(on side: Side) -> [String: Column] {
            var table: [String: Column] = [:]
            for column in allowed(on: side) {
                for heading in column.headings where table[heading] == nil { table[heading] = column }
            }
            return table
        }
    }

    /// A field of the cluster's description, written as a row `key;value` above the table.
    enum Key: String, CaseIterable {
        case name, kind, year, currency, founded, members, enterprises, staff, impactReporting, valuedTimeAllowed
        case analyticAccounting, declaredSelfFinancing, targetPrivateShare, targetYear, baselineYear, satellite, service

        /// The keys that name the field, normalised.
        var keys: [String] {
            switch self {
            case .name: ["cluster", "nom", "nom du cluster", "name", "cluster name", "pole", "grappe"]
            case .kind: ["type", "kind", "type de cluster", "cluster kind", "forme"]
            case .year: ["annee", "year", "exercice", "fiscal year", "annee budgetaire", "budget year"]
            case .currency: ["devise", "currency", "monnaie"]
            case .founded: ["creation", "cree en", "founded", "annee de creation", "date de creation", "year founded"]
            case .members: ["adherents", "membres", "members", "nombre d adherents", "nombre de membres"]
            case .enterprises: ["entreprises", "dont entreprises", "enterprises", "companies"]
            case .staff: ["etp", "effectif", "staff", "equipe", "salaries etp", "staff fte", "fte"]
            case .impactReporting: ["suivi d impact", "outil de suivi d impact", "impact reporting"]
            case .valuedTimeAllowed:
                ["valorisation autorisee", "valorisation du temps autorisee", "valued time allowed"]
            case .analyticAccounting: ["comptabilite analytique", "analytic accounting", "tableau de bord"]
            case .declaredSelfFinancing:
                ["autofinancement declare", "declared self financing", "autofinancement affiche"]
            case .targetPrivateShare: ["objectif part privee", "target private share", "objectif d autofinancement"]
            case .targetYear: ["annee objectif", "annee de l objectif", "target year"]
            case .baselineYear: ["annee de reference", "baseline year", "annee de depart"]
            case .satellite: ["satellite", "structure satellite", "filiale"]
            case .service: ["service", "offre de service", "prestation"]
            }
        }

        /// The field a key names.
        static func named(_ key: String) -> Key? { named(folded: CSVVocabulary.normalized(key)) }

        /// ``named(_:)`` of a key already folded (``normalized(_:)``).
        static func named(folded: String) -> Key? { byKey[folded] }

        /// The fields by their keys, the first field naming a key keeping it.
        private static let byKey: [String: Key] = {
            var table: [String: Key] = [:]
            for field in allCases {
                for key in field.keys where table[key] == nil { table[key] = field }
            }
            return table
        }()

        /// Every key, for suggestions.
        static var allKeys: [String] { allCases.flatMap(\.keys) }
    }

    /// A kind of cluster from its French or English name.
    static func kind(_ text: String) -> ClusterKind? { kind(folded: normalized(text)) }

    /// ``kind(_:)`` of text already folded.
    static func kind(folded: String) -> ClusterKind? {
        switch folded {
        case "pole", "pole de competitivite", "competitiveness cluster": .pole
        case "grappe", "grappe d entreprises", "business cluster": .grappe
        case "regional", "cluster regional", "regional cluster": .regional
        case "other", "autre", "autres": .other
        default: nil
        }
    }

    /// An expense's nature from its French or English name.
    static func expenseNature(_ text: String) -> ExpenseNature? { expenseNature(folded: normalized(text)) }

    /// ``expenseNature(_:)`` of text already folded.
    static func expenseNature(folded: String) -> ExpenseNature? {
        switch folded {
        case "operating", "fonctionnement", "fonctionnement animation", "animation", "structure", "frais de structure":
            .operating
        case "programme", "program", "action", "actions", "programme d actions", "projet": .programme
        default: nil
        }
    }

    /// A sector from its French or English name.
    static func sector(_ text: String) -> Sector? { sector(folded: normalized(text)) }

    /// ``sector(_:)`` of text already folded.
    static func sector(folded: String) -> Sector? {
        switch folded {
        case "public", "publique": .public
        case "private", "prive", "privee": .private
        default: nil
        }
    }

    /// What a success fee rewards, from its French or English name.
    static func successFeeBasis(_ text: String) -> SuccessFeeBasis? { successFeeBasis(folded: normalized(text)) }

    /// ``successFeeBasis(_:)`` of text already folded.
    static func successFeeBasis(folded: String) -> SuccessFeeBasis? {
        switch folded {
        case "market", "marche", "conquete de marche", "conquete de marches": .market
        case "publiccall", "public call", "appel a projets", "appel a projet", "aap": .publicCall
        default: nil
        }
    }

    /// Everyday names of the built-in sources, as cluster managers label their lines.
    static let sourceAliases: [String: RevenueSourceID] = [
        "feder": .erdf, "fonds europeens": .erdf, "europe": .erdf, "erdf": .erdf, "european funds": .erdf,
        "etat": .state, "state": .state, "direccte": .state, "sgar": .state, "datar": .state,
        "region": .region, "regions": .region, "conseil regional": .region,
        "departement": .department, "departements": .department, "conseil general": .department,
        "conseil departemental": .department, "department": .department,
        "agglomerations": .intercommunality, "agglomeration": .intercommunality,
        "intercommunalites": .intercommunality, "intercommunalite": .intercommunality,
        "intercommunalities": .intercommunality,
        "chambres consulaires": .consularChambers, "cci": .consularChambers, "chambers of commerce": .consularChambers,
        "autres recettes publiques": .otherPublic, "other public revenue": .otherPublic,
        "cotisations": .membershipFees, "entreprises cotisations": .membershipFees, "membership fees": .membershipFees,
        "participations": .actionParticipation, "participations entreprises": .actionParticipation,
        "participation des entreprises": .actionParticipation,
        "prestations": .services, "prestations de services": .services, "services": .services,
        "billed services": .services,
        "evenements": .events, "organisation d evenements": .events, "evenementiel": .events, "events": .events,
        "success fees": .successFees, "primes de succes": .successFees,
        "sponsoring": .sponsorship, "gestion de la marque": .sponsorship, "sponsorship": .sponsorship,
        "autres recettes privees": .otherPrivate, "other private revenue": .otherPrivate,
        "temps passe": .memberTime, "temps passe par les entreprises": .memberTime, "valorisation": .memberTime,
        "member time": .memberTime,
        "mise a disposition": .secondment, "secondment": .secondment,
    ]

    /// The source a cell names: a catalogue id (`membershipFees`), a source's English or French name
    /// (`Cotisations`), or an everyday alias (`FEDER`, `Conseil général`).
    static func source(_ text: String, catalog: Catalog, names: [String: RevenueSourceID]) -> RevenueSourceID? {
        source(text, folded: normalized(text), catalog: catalog, names: names)
    }

    /// ``source(_:catalog:names:)`` of text whose folding (``normalized(_:)``, which trimming does not change) is known.
    static func source(_ text: String, folded key: String, catalog: Catalog, names: [String: RevenueSourceID]) -> RevenueSourceID? {
        let trimmed = CSVText.trimmed(text)
        // The catalogue's own id, as it spells it: a cell may write it in another normalization form (`é` as `e` and
        // a combining accent), equal as a `String` but not in bytes.
        if let source = catalog.source(RevenueSourceID(rawValue: trimmed)) { return source.id }
        if let found = names[key] { return found }
        if let alias = sourceAliases[key], catalog.source(alias) != nil { return alias }
        return nil
    }

    private static func beforeParenthesis(_ text: String) -> String {
        text.split(separator: "(", maxSplits: 1).first.map(String.init) ?? text
    }

    /// A line id made from a label: `Région Rhône Alpes` → `region-rhone-alpes`. Lower case, no accents, words joined
    /// by `-`; a plural mark « (s) » dropped (`Région(s)` → `region`); at most ``slugLength`` characters, cut between
    /// words, and a cut never leaves a small word at the end (`…-entreprises-aux` → `…-entreprises`). Only a first
    /// word longer than the limit is cut inside.
    static func slug(_ label: String) -> String { slug(folded: normalized(label)) }

    /// ``slug(_:)`` of a label already folded (``normalized(_:)``).
    static func slug(folded: String) -> String {
        if let slug = asciiSlug(folded) { return slug }
        var words: [Substring] = []
        // Letters folding keeps (« Cœur » → `cœur`) spelt in ASCII, so that an id is typed on any keyboard.
        var ascii = ""
        for scalar in folded.unicodeScalars {
            if let spelt = slugSpellings[scalar] { ascii += spelt } else { ascii.unicodeScalars.append(scalar) }
        }
        for word in ascii.split(whereSeparator: { $0 == " " || $0 == "%" }) {
            // « Région(s) », « Département(s) »: the plural mark is no word.
            if word == "s", !words.isEmpty { continue }
            words.append(word)
        }
        guard let first = words.first else { return "" }
        guard first.count <= slugLength else { return String(first.prefix(slugLength)) }
        var kept: [Substring] = [first]
        var length = first.count
        for word in words.dropFirst() {
            guard length + 1 + word.count <= slugLength else {
                // Cut: not after « de », « aux », « and »… (« participation-des-entreprises-aux »).
                while kept.count > 1, let last = kept.last, slugTrailingWords.contains(String(last)) { kept.removeLast() }
                break
            }
            kept.append(word)
            length += 1 + word.count
        }
        return kept.joined(separator: "-")
    }

    /// ``slug(_:)`` of folded text that is ASCII (every label without a letter such as `œ`), on its bytes: the same
    /// words, cut at the same place; `nil` for other text.
    private static func asciiSlug(_ folded: String) -> String? {
        var folded = folded
        return folded.withUTF8 { bytes in asciiSlug(bytes) }
    }

    /// ``slug(folded:)`` of folded text given as its UTF-8 bytes, and whether it is ASCII (`false` when unsure).
    static func slug(foldedBytes bytes: UnsafeBufferPointer<UInt8>) -> (String, isASCII: Bool) {
        if let slug = asciiSlug(bytes) { return (slug, true) }
        return (slug(folded: String(decoding: bytes, as: UTF8.self)), false)
    }

    /// ``asciiSlug(_:)`` of folded text's bytes.
    private static func asciiSlug(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // Most labels: ASCII words, short enough, no `%` and no plural mark — their words joined by `-`.
        let count = bytes.count
        var plain = count <= slugLength, index = 0
        while plain, index < count {
            let byte = bytes[index]
            plain = byte < 0x80 && byte != 0x25
                && !(byte == 0x73 && index > 0 && bytes[index - 1] == 0x20 && (index + 1 == count || bytes[index + 1] == 0x20))
            index += 1
        }
        if plain {
            return String(unsafeUninitializedCapacity: count) { buffer in
                for index in 0..<count {
                    let byte = bytes[index]
                    buffer[index] = byte == 0x20 ? 0x2D : byte
                }
                return count
            }
        }
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var words: [Range<Int>] = []
        var start: Int?
        for index in 0...bytes.count {
            let isSeparator = index == bytes.count || bytes[index] == 0x20 || bytes[index] == 0x25
            if isSeparator {
                if let first = start {
                    // « Région(s) », « Département(s) »: the plural mark is no word.
                    if !(index - first == 1 && bytes[first] == 0x73 && !words.isEmpty) { words.append(first..<index) }
                    start = nil
                }
            } else if start == nil {
                start = index
            }
        }
        guard let first = words.first else { return "" }
        guard first.count <= slugLength else { return String(decoding: bytes[first.lowerBound..<(first.lowerBound + slugLength)], as: UTF8.self) }
        var kept = 1, length = first.count
        for word in words.dropFirst() {
            guard length + 1 + word.count <= slugLength else {
                // Cut: not after « de », « aux », « and »… (« participation-des-entreprises-aux »).
                while kept > 1, slugTrailingWords.contains(String(decoding: bytes[words[kept - 1]], as: UTF8.self)) { kept -= 1 }
                break
            }
            kept += 1
            length += 1 + word.count
        }
        var out: [UInt8] = []
        out.reserveCapacity(length)
        for (offset, word) in words[..<kept].enumerated() {
            if offset > 0 { out.append(0x2D) }
            out.append(contentsOf: bytes[word])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The ASCII spelling of the letters ``normalized(_:)`` keeps: `œ` → `oe`, `æ` → `ae`, `ø` → `o`.
    static let slugSpellings: [Unicode.Scalar: String] = [
        "œ": "oe", "æ": "ae", "ø": "o", "ð": "d", "þ": "th", "đ": "d", "ł": "l", "ı": "i", "ŀ": "l", "ŉ": "n",
    ]

    /// The longest id ``slug(_:)`` makes.
    static let slugLength = 40

    /// The small words an id cut short does not end with (folded): articles, prepositions, conjunctions, elisions.
    static let slugTrailingWords: Set<String> = [
        "a", "au", "aux", "avec", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou", "par", "pour", "sur",
        "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
    ]
}
