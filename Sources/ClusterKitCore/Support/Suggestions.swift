/// Nearest-name suggestions for "did you mean" messages, and the one way they are written.
package enum Suggestions {
    /// ` (did you mean 'a', 'b'?)` for the names given, or nothing when there are none.
    /// - Parameters:
    ///   - quote: how each name is quoted (`'region'`, or `« Cotisations »` for a spreadsheet's French labels).
    ///   - separator: between names (`", "`, or `" or "` for two).
    package static func hint<Name: CustomStringConvertible>(
        _ names: [Name], quote: (String) -> String = { "'\($0)'" }, separator: String = ", "
    ) -> String {
        names.isEmpty ? "" : " (did you mean \(names.map { quote($0.description) }.joined(separator: separator))?)"
    }

    /// The candidates nearest to `word`, by case-insensitive edit distance; ties keep the candidates' order.
    ///
    /// Only candidates within a distance of about a third of the word's length are suggested, or ones that
    /// contain the word (or are contained in it).
    package static func nearest(to word: String, among candidates: [String], limit: Int = 3) -> [String] {
        let target = Array(word.lowercased())
        let budget = max(2, target.count / 3 + 1)
        let scored = candidates.enumerated().compactMap { index, candidate -> (Int, Int, String)? in
            let lower = candidate.lowercased()
            let distance = editDistance(target, Array(lower))
            let related = !word.isEmpty && (lower.contains(word.lowercased()) || word.lowercased().contains(lower))
            guard distance <= budget || related else { return nil }
            return (related ? min(distance, budget) : distance, index, candidate)
        }
        return scored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit).map(\.2)
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
