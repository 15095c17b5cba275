extension Diagnostic {
    /// Puts the diagnostic as the engine reports it: its line ids sorted, and every list argument of its message, its
    /// remediation and its explanation sorted. Rules may collect lines in budget order; the engine makes the order
    /// of a budget's lines irrelevant, so that reordering them never changes a report.
    ///
    /// What is already in order is left untouched, without a copy: most diagnostics have no list argument.
    mutating func canonicalize() {
        if !lines.isAscending { lines.sort() }
        if message.hasList { message.arguments = message.arguments.mapValues(\.canonicalized) }
        if let remediation, remediation.primary.summary.hasList || remediation.alternatives.contains(where: \.summary.hasList) {
            var sorted = remediation
            sorted.primary.summary.arguments = remediation.primary.summary.arguments.mapValues(\.canonicalized)
            for index in sorted.alternatives.indices {
                sorted.alternatives[index].summary.arguments = sorted.alternatives[index].summary.arguments.mapValues(\.canonicalized)
            }
            self.remediation = sorted
        }
        if explanation.contains(where: \.value.isList) {
            explanation = explanation.map { ExplanationItem($0.label, $0.value.canonicalized) }
        }
    }
}

extension Message {
    /// Whether an argument is a list.
    var hasList: Bool { arguments.contains { $0.value.isList } }
}

extension Array where Element == String {
    /// Whether the ids are already in ascending order (then sorting them would only copy them).
    var isAscending: Bool { zip(self, dropFirst()).allSatisfy { $0 <= $1 } }
}

extension MessageArgument {
    /// Whether the argument is a list.
    var isList: Bool {
        if case .list = self { return true }
        return false
    }

    /// A list sorted; any other argument as it is.
    var canonicalized: MessageArgument {
        guard case .list(let items) = self else { return self }
        return .list(items.sorted())
    }
}
