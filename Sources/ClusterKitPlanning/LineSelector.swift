import ClusterKitCore
import Foundation
/// Which resource lines a part (or a whole) of a share adds up: by revenue kind, sector, nature or line id.
///
/// A selector reads a line's resolved attributes, so it selects the lines a plan adds as well as the budget's own.
/// Every criterion left `nil` selects every line.
///
/// ```swift
/// // Billed revenue: private cash other than membership fees.
/// let billed = LineSelector(sector: .private, nature: .cash, excludedKinds: [.membershipFees])
/// ```
public struct LineSelector: Hashable, Sendable {
    /// The revenue kinds selected; `nil` for every kind.
    public var kinds: Set<RevenueKind>?
    /// Kinds never selected.
    public var excludedKinds: Set<RevenueKind>
    /// The sector selected; `nil` for both.
    public var sector: Sector?
    /// The nature selected; `nil` for both.
    public var nature: ResourceNature?
    /// The ids of the lines selected; `nil` for any line (a line a plan adds has a new id, so is never among them).
    public var lineIDs: Set<String>?

    /// Creates a selector.
    public init(
        kinds: Set<RevenueKind>? = nil, excludedKinds: Set<RevenueKind> = [], sector: Sector? = nil,
        nature: ResourceNature? = nil, lineIDs: Set<String>? = nil
    ) {
        self.kinds = kinds
        self.excludedKinds = excludedKinds
        self.sector = sector
        self.nature = nature
        self.lineIDs = lineIDs
    }

    /// Every resource line.
    public static let all = LineSelector()

    /// Whether the selector selects a line of this id, kind, sector and nature.
    public func contains(id: String, kind: RevenueKind, sector: Sector, nature: ResourceNature) -> Bool {
        if let kinds, !kinds.contains(kind) { return false }
        if excludedKinds.contains(kind) { return false }
        if let required = self.sector, required != sector { return false }
        if let required = self.nature, required != nature { return false }
        if let lineIDs, !lineIDs.contains(id) { return false }
        return true
    }

    /// Whether the selector selects a resolved line.
    package func contains(_ line: ResolvedResource) -> Bool {
        contains(id: line.id, kind: line.kind, sector: line.sector, nature: line.nature)
    }
}

extension Budget {
    /// The id of the resource line a terms or scenario file names by `name`: its id, else its label (as written, then
    /// ignoring case and accents, then its letters and digits only: « Région Rhône-Alpes » names « Région Rhône
    /// Alpes »); `nil` when no line, or more than one by label, has that name.
    package func resourceID(named name: String, among lines: [ResourceLine]? = nil) -> String? {
        let lines = lines ?? resources
        if lines.contains(where: { $0.id == name }) { return name }
        func loose(_ text: String) -> String {
            String(text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .unicodeScalars.filter(CharacterSet.alphanumerics.contains).map(Character.init))
        }
        let matchers: [(String) -> Bool] = [
            { $0 == name }, { $0.compare(name, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame },
            { loose($0) == loose(name) },
        ]
        for matches in matchers {
            let found = lines.filter { $0.label.map(matches) ?? false }
            if found.count == 1 { return found[0].id }
        }
        return nil
    }

    /// The resource lines as a user names them in an error: `id (label)`.
    package static func names(of lines: [ResourceLine]) -> [String] {
        lines.map { line in line.label.map { "\(line.id) (\($0))" } ?? line.id }
    }
}
