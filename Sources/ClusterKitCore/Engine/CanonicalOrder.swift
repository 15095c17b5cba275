extension Diagnostic {
    /// The diagnostic as the engine reports it: its line ids sorted, and every list argument of its message, its
    /// remediation and its explanation sorted. Rules may collect lines in budget order; the engine makes the order
    /// of a budget's lines irrelevant, so that reordering them never changes a report.
    var canonicalized: Diagnostic {
        var copy = self
        copy.lines.sort()
        copy.message = message.canonicalized
        if var remediation {
            remediation.primary.summary = remediation.primary.summary.canonicalized
            for index in remediation.alternatives.indices {
                remediation.alternatives[index].summary = remediation.alternatives[index].summary.canonicalized
            }
            copy.remediation = remediation
        }
        copy.explanation = explanation.map { ExplanationItem($0.label, $0.value.canonicalized) }
        return copy
    }
}

extension Message {
    /// The message with its list arguments sorted.
    var canonicalized: Message {
        var copy = self
        copy.arguments = arguments.mapValues(\.canonicalized)
        return copy
    }
}

extension MessageArgument {
    /// A list sorted; any other argument as it is.
    var canonicalized: MessageArgument {
        guard case .list(let items) = self else { return self }
        return .list(items.sorted())
    }
}
