import ClusterKitCore
/// The ids a table reader gives the lines it reads: each made unique in the budget by a numbered suffix
/// (`region`, `region-2`, …), so that two rows with the same label make two lines.
struct LineIDs {
    /// The ids already given or written in the file.
    private var taken: Set<String>

    /// Starts with the ids the file writes itself.
    init(taken: Set<String> = []) { self.taken = taken }

    /// `base` if no line has it yet, else `base-2`, `base-3`, … — the first free one, now taken.
    mutating func claim(_ base: String) -> String {
        var candidate = base, suffix = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        taken.insert(candidate)
        return candidate
    }
}
