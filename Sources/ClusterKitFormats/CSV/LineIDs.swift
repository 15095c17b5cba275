import ClusterKitCore
/// The ids a table reader gives the lines it reads: each made unique in the budget by a numbered suffix
/// (`region`, `region-2`, …) only when two lines' labels give the same id, so that two rows with the same label make
/// two lines; the reader says which line the suffixed one collided with.
struct LineIDs {
    /// The ids already given or written in the file, with the line that has each (a description for messages).
    private var owners: [String: String]

    /// Starts with the ids the file writes itself.
    init(taken: Set<String> = []) { owners = Dictionary(uniqueKeysWithValues: taken.map { ($0, "an « Id » cell") }) }

    /// `base` if no line has it yet, else `base-2`, `base-3`, … — the first free one, now taken by `owner`.
    mutating func claim(_ base: String, owner: String = "") -> String { claimNoting(base, owner: owner).id }

    /// ``claim(_:owner:)``, with the owner of `base` when `base` was taken (the id then has a suffix).
    mutating func claimNoting(_ base: String, owner: String) -> (id: String, collidedWith: String?) {
        var candidate = base, suffix = 2
        while owners[candidate] != nil {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        owners[candidate] = owner
        return (candidate, candidate == base ? nil : owners[base])
    }
}
