import ClusterKitCore

extension MessageArgument {
    /// Yes or no, in the reader's language, for the explanation of a diagnostic.
    static func yesNo(_ value: Bool) -> MessageArgument {
        .localized(value ? LocalizedText(english: "yes", french: "oui") : LocalizedText(english: "no", french: "non"))
    }

    /// "Not stated": a figure the budget file leaves out.
    static let notStated = MessageArgument.localized(LocalizedText(english: "not stated", french: "non indiqué"))
}
