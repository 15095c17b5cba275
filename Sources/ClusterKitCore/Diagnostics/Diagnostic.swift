import Foundation

/// One finding of a rule on a budget, as data: rendered in a language only when printed.
///
/// A diagnostic is a value; its fields live in one shared storage, copied when a copy is changed, so that passing
/// a diagnostic around (sorting it, reporting it) costs one reference count rather than one per string and list it
/// holds.
public struct Diagnostic: Hashable, Sendable {
    private var storage: CopyOnWrite<DiagnosticFields>

    /// The rule that found it.
    public var ruleID: RuleID { get { storage.fields.ruleID } _modify { yield &storage.fields.ruleID } }
    /// How serious it is.
    public var severity: Severity { get { storage.fields.severity } _modify { yield &storage.fields.severity } }
    /// What it says, as a message id and arguments.
    public var message: Message { get { storage.fields.message } _modify { yield &storage.fields.message } }
    /// The figure measured.
    public var measured: Measure? { get { storage.fields.measured } _modify { yield &storage.fields.measured } }
    /// The threshold it was compared with.
    public var threshold: Measure? { get { storage.fields.threshold } _modify { yield &storage.fields.threshold } }
    /// The ids of the lines concerned.
    public var lines: [String] { get { storage.fields.lines } _modify { yield &storage.fields.lines } }
    /// The amount that would fix it, where a number can.
    public var remediation: Remediation? { get { storage.fields.remediation } _modify { yield &storage.fields.remediation } }
    /// The slide of the memento (or other source) the rule encodes.
    public var citation: Citation? { get { storage.fields.citation } _modify { yield &storage.fields.citation } }
    /// How it was computed: the figures that entered the rule, for a reader to check by hand.
    public var explanation: [ExplanationItem] { get { storage.fields.explanation } _modify { yield &storage.fields.explanation } }

    /// Creates a diagnostic. Rules usually call
    /// ``RuleContext/diagnostic(_:_:severity:measured:threshold:lines:remediation:explanation:)``, which fills in the
    /// rule id, the severity and the citation.
    public init(
        ruleID: RuleID, severity: Severity, message: Message, measured: Measure? = nil, threshold: Measure? = nil,
        lines: [String] = [], remediation: Remediation? = nil, citation: Citation? = nil,
        explanation: [ExplanationItem] = []
    ) {
        storage = CopyOnWrite(
            DiagnosticFields(
                ruleID: ruleID, severity: severity, message: message, measured: measured, threshold: threshold,
                lines: lines, remediation: remediation, citation: citation, explanation: explanation))
    }

    /// Changes the fields in place, in one access (the engine's canonical order: CanonicalOrder.swift).
    mutating func withFields<Result>(_ body: (inout DiagnosticFields) -> Result) -> Result { body(&storage.fields) }

    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        lhs.storage.isShared(with: rhs.storage) || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }
}

/// The fields of a ``Diagnostic``.
struct DiagnosticFields: Hashable, Sendable {
    var ruleID: RuleID
    var severity: Severity
    var message: Message
    var measured: Measure?
    var threshold: Measure?
    var lines: [String]
    var remediation: Remediation?
    var citation: Citation?
    var explanation: [ExplanationItem]
}

/// One figure that entered a rule's computation: a labelled value.
public struct ExplanationItem: Hashable, Sendable {
    /// What the figure is.
    public var label: LocalizedText
    /// Its value.
    public var value: MessageArgument

    /// Creates an item.
    public init(_ label: LocalizedText, _ value: MessageArgument) {
        self.label = label
        self.value = value
    }
}
