extension Diagnostic {
    /// Puts the diagnostic as the engine reports it: its line ids sorted, and every list argument of its message, its
    /// remediation and its explanation sorted. Rules may collect lines in budget order; the engine makes the order
    /// of a budget's lines irrelevant, so that reordering them never changes a report.
    ///
    /// What is already in order is left untouched, without a copy: most diagnostics have no list argument.
    mutating func canonicalize() {
        withFields { fields in
            if !fields.lines.isAscending { fields.lines.sort() }
            if fields.message.hasList { fields.message.arguments = fields.message.arguments.mapValues(\.canonicalized) }
            if fields.remediation?.primary.hasList == true || fields.remediation?.alternatives.contains(where: \.hasList) == true {
                var sorted = fields.remediation!
                sorted.primary.canonicalize()
                for index in sorted.alternatives.indices { sorted.alternatives[index].canonicalize() }
                fields.remediation = sorted
            }
            if fields.explanation.contains(where: \.value.isList) {
                fields.explanation = fields.explanation.map { ExplanationItem($0.label, $0.value.canonicalized) }
            }
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
