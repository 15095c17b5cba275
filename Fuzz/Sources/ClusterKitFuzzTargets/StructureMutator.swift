import Foundation

/// SplitMix64: a small random number generator whose whole sequence is fixed by its seed. The structure-aware
/// mutator draws from it (seeded by libFuzzer), and so do the property tests' budget generator and the tests'
/// mutations, so that every run sees the same inputs and a failure names the seed that reproduces it.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence `seed` fixes.
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `percent`/100.
    public mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &self) < percent }

    /// One of the elements (the collection must not be empty).
    public mutating func pick<C: Collection>(_ elements: C) -> C.Element where C.Index == Int {
        elements[elements.startIndex + Int.random(in: 0..<elements.count, using: &self)]
    }
}

/// Mutates inputs the way their formats are built — a JSON document's values and keys, a CSV table's rows and
/// cells — where libFuzzer's byte mutations rarely reach (turning `"amount": 50000` into `"amount": null` takes a
/// byte mutator a long time; here it is one step). `clusterkit-fuzz` uses it as libFuzzer's custom mutator, half
/// the time, and libFuzzer's own mutations the other half; the tests use it to make their mutants.
public enum StructureMutator {
    /// A mutant of `data` for `target`, or `nil` when the input does not parse as the target's format (then a byte
    /// mutation is the thing to do).
    public static func mutate(_ data: Data, for target: FuzzTarget, using random: inout SeededGenerator) -> Data? {
        switch target {
        case .csvImporter: mutateCSV(data, using: &random)
        case .spreadsheetReader: nil  // libFuzzer's byte mutations, on the parts' XML text (or the archive's bytes)
        case .budgetDecoder, .check, .configuration: mutateJSON(data, using: &random)
        }
    }

    // MARK: JSON

    /// Values that break readers: null, the wrong type, out-of-range and over-precise numbers, empty and odd text.
    static func replacementValues(_ random: inout SeededGenerator) -> Any {
        random.pick([
            NSNull(), -1, 0, 1, 2013, 0.5, 1.000001, -0.0, 1e300, Int.max, Int.min, true, false, "", "x", "€", "\u{0}",
            String(repeating: "A", count: Int.random(in: 100...2_000, using: &random)), [Any](), [String: Any](),
            NSDecimalNumber(string: "92233720368547758.07"), NSDecimalNumber(string: "92233720368547758.08"),
            NSDecimalNumber(string: "0.001"), NSDecimalNumber(string: "46116860184273879.04"),
            NSDecimalNumber(string: "0.333333333333333333"), "1227000.50", "-5", "1e400", "clusterkit.budget/1",
            "clusterkit.history/1", "clusterkit.config/1", "grappe", "pole", "public", "private", "operating", "C",
            "NN120/90-E1/90", "membershipFees", "successFees", "sponsorship", "memberTime", "region", "erdf", "events",
            "publicCall", "market", "off", "error", "warning", "note", "net", "gross", "membership-fee-floor",
            "funder-dependency", "public-private-balance", "unknown-rule",
        ] as [Any])
    }

    /// Field names of every format, to rename keys into.
    static let fieldNames = [
        "format", "cluster", "name", "kind", "founded", "members", "enterprises", "staff", "impactReporting",
        "valuedTimeAllowed", "analyticAccounting", "satellites", "services", "targets", "declared", "year", "years",
        "currency", "resources", "expenses", "id", "label", "source", "amount", "funder", "sector", "inKind", "action",
        "successFee", "basis", "fixedFee", "sponsor", "nature", "category", "regime", "collective", "uptake",
        "minimumClients", "privateShare", "baselineYear", "selfFinancing", "published", "total", "private", "rules",
        "severity", "parameters", "threshold", "suppressions", "rule", "line", "justification", "statement", "period",
        "start", "end", "forecast", "passThrough", "provenance", "url", "page", "notes", "includes",
    ]

    /// Where a value sits in a document: the keys and indices from the root.
    enum Step { case key(String), index(Int) }

    static func mutateJSON(_ data: Data, using random: inout SeededGenerator) -> Data? {
        guard var root = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        var paths: [[Step]] = []
        collect(root, at: [], into: &paths)
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let path = random.pick(paths)
            let donor = value(in: root, at: random.pick(paths))
            root = update(root, at: path[...]) { old in
                switch Int.random(in: 0..<8, using: &random) {
                case 0, 1: return replacementValues(&random)
                case 2: return donor ?? old
                case 3: return [old]
                case 4: return ["value": old]
                case 5:
                    // Many copies of an array's elements: long budgets.
                    guard let array = old as? [Any], !array.isEmpty else { return old }
                    return array + Array(repeating: random.pick(array), count: Int.random(in: 1...64, using: &random))
                case 6:
                    guard var object = old as? [String: Any], !object.isEmpty else { return old }
                    let key = random.pick(object.keys.sorted())
                    if random.chance(50) {
                        object[key] = nil
                    } else {
                        object[random.pick(fieldNames)] = object.removeValue(forKey: key)
                    }
                    return object
                default:
                    guard var array = old as? [Any], !array.isEmpty else { return old }
                    array.remove(at: Int.random(in: 0..<array.count, using: &random))
                    return array
                }
            }
        }
        return try? JSONSerialization.data(withJSONObject: root, options: [.fragmentsAllowed, .sortedKeys])
    }

    static func collect(_ value: Any, at path: [Step], into paths: inout [[Step]]) {
        paths.append(path)
        if let object = value as? [String: Any] {
            for (key, child) in object.sorted(by: { $0.key < $1.key }) { collect(child, at: path + [.key(key)], into: &paths) }
        } else if let array = value as? [Any] {
            for (index, element) in array.enumerated() { collect(element, at: path + [.index(index)], into: &paths) }
        }
    }

    static func value(in root: Any, at path: [Step]) -> Any? {
        var current: Any = root
        for step in path {
            switch step {
            case .key(let key): guard let next = (current as? [String: Any])?[key] else { return nil }; current = next
            case .index(let index):
                guard let array = current as? [Any], array.indices.contains(index) else { return nil }
                current = array[index]
            }
        }
        return current
    }

    static func update(_ value: Any, at path: ArraySlice<Step>, _ change: (Any) -> Any) -> Any {
        guard let step = path.first else { return change(value) }
        switch step {
        case .key(let key):
            guard var object = value as? [String: Any], let child = object[key] else { return value }
            object[key] = update(child, at: path.dropFirst(), change)
            return object
        case .index(let index):
            guard var array = value as? [Any], array.indices.contains(index) else { return value }
            array[index] = update(array[index], at: path.dropFirst(), change)
            return array
        }
    }

    // MARK: CSV

    /// Cells that break spreadsheet readers: numbers in every national form, and what is not a number.
    static let cells = [
        "", " ", "0", "-1", "1 227 000,50 €", "1\u{A0}227\u{A0}000,50 €", "1,227,000.50", "1.227.000,50", "12,5 %", "150 %",
        "-0,01 €", "99999999999999999999", "92233720368547758,07", "1e400", "abc", "\"", "\"a;b\"", "\"\"\"", "€", "%",
        "Total", "Ressources", "Dépenses", "Resources", "Expenses", "region", "Région", "membershipFees", "Cotisations",
        "fonctionnement", "action", "operating", "grappe", "pole", "oui", "non", "2013", "public", "privé", "marché",
        "appel à projets", "\u{FEFF}", "\r", ";", ",",
        // The Cerfa 12156 / 15059 table: its titles, amount headings, units, header keys and dates.
        "CHARGES", "PRODUITS", "Montant", "Prévision", "Réalisation", "Montant (en K€)", "en K€", "milliers d'euros",
        "TOTAL", "TOTAL DES CHARGES", "TOTAL DES PRODUITS", "Nom de l'association", "Exercice", "2024-2025",
        "Date de début", "Date de fin", "01/04/2024", "31/03/2025", "2024-04-01", "31/02/2025", "1,23456",
    ]

    /// Rows of the Cerfa forms' budget table, as labels: headings with and without their account numbers, the funder
    /// lines under 74, « dont » lines, not-funding accounts, the valued contributions, and labels that map to nothing.
    static let cerfaLabels = [
        "60 – Achats", "64 – Charges de personnel", "66 – Charges financières", "68 – Dotation aux amortissements",
        "86 – Emplois des contributions volontaires en nature", "Personnel bénévole", "Mise à disposition gratuite de biens et prestations",
        "70 – Vente de produits finis, de marchandises, prestations de services", "706", "74 – Subventions d'exploitation",
        "Subventions d'exploitation", "Région(s) : Auvergne-Rhône-Alpes", "État :", "Fonds européens (FSE, FEDER, etc.)",
        "Conseil régional Grand Est", "Commune(s) :", "75 – Autres produits de gestion courante",
        "Dont cotisations, dons manuels ou legs", "756. Cotisations", "76 – Produits financiers", "77", "78 – Reprises sur amortissements et provisions",
        "79 – Transferts de charges", "87 – Contributions volontaires en nature", "Bénévolat", "Recettes diverses du salon",
        "99 – Rien", "7", "74:", "Total",
    ]

    static func mutateCSV(_ data: Data, using random: inout SeededGenerator) -> Data? {
        guard let text = String(data: data, encoding: .utf8), !text.isEmpty else { return nil }
        let lineEnd = text.contains("\r\n") ? "\r\n" : "\n"
        let separator: Character = text.filter { $0 == ";" }.count >= text.filter { $0 == "," }.count ? ";" : ","
        var rows = text.components(separatedBy: lineEnd).map { $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init) }
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let row = Int.random(in: 0..<rows.count, using: &random)
            switch Int.random(in: 0..<8, using: &random) {
            case 0, 1:
                guard !rows[row].isEmpty else { continue }
                rows[row][Int.random(in: 0..<rows[row].count, using: &random)] = random.pick(cells)
            case 6:
                // A Cerfa-shaped row: a form's label on a side (column A or after the « PRODUITS » title) and an amount.
                guard !rows[row].isEmpty else { continue }
                let column = Int.random(in: 0..<rows[row].count, using: &random)
                rows[row][column] = random.pick(cerfaLabels)
                if column + 1 < rows[row].count { rows[row][column + 1] = random.pick(cells) }
            case 7:
                // A new Cerfa row, label and amount on both sides.
                let width = max(rows[row].count, 4)
                var cerfa = Array(repeating: "", count: width)
                cerfa[0] = random.pick(cerfaLabels)
                cerfa[1] = random.pick(cells)
                cerfa[width / 2] = random.pick(cerfaLabels)
                cerfa[width / 2 + 1] = random.pick(cells)
                rows.insert(cerfa, at: row)
            case 2: rows.insert(rows[row], at: row)
            case 3: if rows.count > 1 { rows.remove(at: row) }
            case 4: rows.swapAt(row, Int.random(in: 0..<rows.count, using: &random))
            default:
                rows[row].insert(random.pick(cells), at: Int.random(in: 0...rows[row].count, using: &random))
            }
        }
        return Data(rows.map { $0.joined(separator: String(separator)) }.joined(separator: lineEnd).utf8)
    }
}
