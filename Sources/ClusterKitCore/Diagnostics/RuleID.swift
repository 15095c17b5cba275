import Foundation

/// The identifier of a rule: kebab-case, stable, never reused.
///
/// Built-in rules have a bare name (`membership-fee-floor`). A host's rules live in a namespace of their own,
/// written `namespace/name` (`acme/regional-voucher`), so that they can never collide with a built-in rule.
public struct RuleID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The namespace of a host's rule; `nil` for a built-in rule.
    public let namespace: String?
    /// The rule's name within its namespace.
    public let name: String

    /// Creates an identifier.
    /// - Precondition: `name` and `namespace` are lower-case kebab-case (`a-z`, `0-9`, `-`).
    public init(_ name: String, namespace: String? = nil) {
        precondition(Self.isKebabCase(name), "rule name '\(name)' is not kebab-case")
        precondition(namespace.map(Self.isKebabCase) ?? true, "rule namespace '\(namespace!)' is not kebab-case")
        self.name = name
        self.namespace = namespace
    }

    /// Parses `name` or `namespace/name`; returns `nil` when either part is not kebab-case.
    package init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1 where Self.isKebabCase(parts[0]): self.init(parts[0])
        case 2 where Self.isKebabCase(parts[0]) && Self.isKebabCase(parts[1]): self.init(parts[1], namespace: parts[0])
        default: return nil
        }
    }

    /// Creates an identifier from a literal such as `"membership-fee-floor"` or `"acme/regional-voucher"`.
    public init(stringLiteral value: String) {
        guard let id = RuleID(parsing: value) else { preconditionFailure("'\(value)' is not a rule id") }
        self = id
    }

    /// `name` or `namespace/name`.
    public var description: String { namespace.map { "\($0)/\(name)" } ?? name }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool {
        // Two bare ids compare by name, without writing their descriptions.
        if lhs.namespace == nil, rhs.namespace == nil { return lhs.name < rhs.name }
        return lhs.description < rhs.description
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = RuleID(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a rule id")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func isKebabCase(_ text: String) -> Bool {
        !text.isEmpty && text.first != "-" && text.last != "-"
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

extension RuleID {
    /// The anchor of the rule's section in the rules reference (`Documentation/Rules.md`): the id itself for a
    /// built-in rule (`membership-fee-floor`, which is also the anchor GitHub gives a heading written as the id), and
    /// `namespace-name` for a host's rule (`acme-minimum-members`).
    package var documentationAnchor: String { namespace.map { "\($0)-\(name)" } ?? name }
}
