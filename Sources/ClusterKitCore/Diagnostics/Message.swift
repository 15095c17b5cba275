import Foundation

/// The identifier of a message template, such as `billed-revenue-floor.under`.
public struct MessageID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The identifier.
    public let rawValue: String
    /// Creates an identifier.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates an identifier from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A message template in every language: text with `{name}` placeholders for its arguments.
///
/// ```swift
/// MessageTemplate(
///     id: "membership-fee-floor.under",
///     english: "Membership fees are {share} of resources, under {threshold}.",
///     french: "Les cotisations représentent {share} des ressources, sous le seuil de {threshold}.")
/// ```
public struct MessageTemplate: Hashable, Sendable {
    /// The template's identifier.
    public var id: MessageID
    /// The text in each language.
    public var text: LocalizedText

    /// Creates a template.
    public init(id: MessageID, english: String, french: String) {
        self.id = id
        self.text = LocalizedText(english: english, french: french)
    }

    /// The placeholder names the template uses in `language`, in order of appearance.
    public func placeholders(in language: Language) -> [String] {
        var names: [String] = []
        Self.scan(text(language), literal: { _ in }, placeholder: { names.append($0) })
        return names
    }

    /// Reads a template's text once, in order: each character outside braces to `literal`, each `{name}` to
    /// `placeholder`. A `{` opens a name (a second one starts it again); a `{` never closed is dropped. The one
    /// reading of templates: listing placeholders and rendering both go through it.
    static func scan(_ text: String, literal: (Character) -> Void, placeholder: (String) -> Void) {
        var name: String?
        for character in text {
            if character == "{" {
                name = ""
            } else if character == "}", let current = name {
                placeholder(current)
                name = nil
            } else if name != nil {
                name!.append(character)
            } else {
                literal(character)
            }
        }
    }
}

/// A value a message refers to, formatted for the language only when the message is rendered.
public enum MessageArgument: Hashable, Sendable {
    /// An amount: `€28,750.00` in English, `28 750,00 €` in French.
    case money(Money)
    /// A share: `12.1%` in English, `12,1 %` in French.
    case share(Share)
    /// A count or a year, printed as is.
    case integer(Int)
    /// Text that is the same in every language (a line id, a funder's name).
    case text(String)
    /// Text that depends on the language.
    case localized(LocalizedText)
    /// A list of texts, joined for the language.
    case list([String])
    /// A list of texts that depend on the language, joined for it when the message is rendered (the engine leaves
    /// its order as the rule gave it).
    case localizedList([LocalizedText])
}

/// The arguments of a message: a value for each placeholder name.
///
/// Written as a dictionary literal — `["share": .share(share), "threshold": .share(threshold)]` — and read by name,
/// but kept as the short list of pairs it is: a message has a handful of arguments, and a list costs no hashing and
/// one allocation where a dictionary costs several. Two argument lists are equal when they give the same names the
/// same values, whatever their order.
public struct MessageArguments: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// The pairs (name, value), each name once, in the order they were given.
    private var pairs: [(String, MessageArgument)]

    /// No argument.
    public init() { pairs = [] }

    /// Arguments from a literal. As in a dictionary literal, each name is given once.
    public init(dictionaryLiteral elements: (String, MessageArgument)...) {
        assert(Set(elements.map(\.0)).count == elements.count, "a message argument is given twice")
        pairs = elements
    }

    /// Arguments from a dictionary, in the order of their names.
    package init(_ dictionary: [String: MessageArgument]) {
        pairs = dictionary.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The value of a placeholder; setting `nil` removes it.
    public subscript(name: String) -> MessageArgument? {
        get { pairs.first { $0.0 == name }?.1 }
        set {
            let index = pairs.firstIndex { $0.0 == name }
            switch (index, newValue) {
            case (let index?, let value?): pairs[index].1 = value
            case (let index?, nil): pairs.remove(at: index)
            case (nil, let value?): pairs.append((name, value))
            case (nil, nil): break
            }
        }
    }

    /// The arguments with one more, unless the name already has a value. (Made to size: a literal's list has no
    /// room to grow.)
    func adding(_ name: String, _ value: MessageArgument) -> MessageArguments {
        guard self[name] == nil else { return self }
        var added = MessageArguments()
        added.pairs.reserveCapacity(pairs.count + 1)
        added.pairs.append(contentsOf: pairs)
        added.pairs.append((name, value))
        return added
    }

    /// Whether there is no argument.
    public var isEmpty: Bool { pairs.isEmpty }
    /// How many arguments there are.
    package var count: Int { pairs.count }
    /// The placeholder names, in the order given.
    package var keys: [String] { pairs.map(\.0) }
    /// The values, in the order given.
    package var values: [MessageArgument] { pairs.map(\.1) }

    /// These arguments and others; for a name in both, `combine` picks the value.
    package func merging(
        _ other: MessageArguments, uniquingKeysWith combine: (MessageArgument, MessageArgument) -> MessageArgument
    ) -> MessageArguments {
        var merged = MessageArguments()
        merged.pairs.reserveCapacity(pairs.count + other.pairs.count)
        merged.pairs.append(contentsOf: pairs)
        for (name, value) in other.pairs {
            if let index = merged.pairs.firstIndex(where: { $0.0 == name }) {
                merged.pairs[index].1 = combine(merged.pairs[index].1, value)
            } else {
                merged.pairs.append((name, value))
            }
        }
        return merged
    }

    /// The arguments with each value transformed.
    package func mapValues(_ transform: (MessageArgument) -> MessageArgument) -> MessageArguments {
        var mapped = self
        for index in mapped.pairs.indices { mapped.pairs[index].1 = transform(mapped.pairs[index].1) }
        return mapped
    }

    /// The name–value pairs, in the order given.
    public func makeIterator() -> some IteratorProtocol<(key: String, value: MessageArgument)> {
        pairs.lazy.map { (key: $0.0, value: $0.1) }.makeIterator()
    }

    public static func == (lhs: MessageArguments, rhs: MessageArguments) -> Bool {
        lhs.pairs.count == rhs.pairs.count && lhs.pairs.allSatisfy { rhs[$0.0] == $0.1 }
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent: the sum of the pairs' own hashes.
        var sum = 0
        for (name, value) in pairs {
            var pair = Hasher()
            pair.combine(name)
            pair.combine(value)
            sum &+= pair.finalize()
        }
        hasher.combine(pairs.count)
        hasher.combine(sum)
    }
}

/// What a diagnostic says: a template and its arguments. Rendering is deferred to `rendered(in:)`, in a language or a locale.
public struct Message: Hashable, Sendable {
    /// The template.
    public var template: MessageTemplate
    /// The arguments, by placeholder name.
    public var arguments: MessageArguments

    /// Creates a message.
    public init(_ template: MessageTemplate, _ arguments: MessageArguments = [:]) {
        self.template = template
        self.arguments = arguments
    }

    /// The message's identifier.
    public var id: MessageID { template.id }

    /// The message in `language`, with its arguments formatted for it. A placeholder without an argument is kept
    /// as `{name}`, so that a mistake shows instead of vanishing. French follows French typography
    /// (``FrenchTypography``).
    public func rendered(in language: Language) -> String {
        let format = ValueFormatter(language: language)
        var output = ""
        MessageTemplate.scan(
            template.text(language), literal: { output.append($0) },
            placeholder: { output += arguments[$0].map(format.string) ?? "{\($0)}" })
        return language == .french ? FrenchTypography.applied(to: output) : output
    }
}

/// Formats amounts, shares and lists for a language.
package struct ValueFormatter: Sendable {
    /// The language to format for.
    package var language: Language

    /// Creates a formatter.
    package init(language: Language) { self.language = language }

    /// An argument as text.
    package func string(_ argument: MessageArgument) -> String {
        switch argument {
        case .money(let money): string(money)
        case .share(let share): string(share)
        case .integer(let value): String(value)
        case .text(let text): text
        case .localized(let text): text(language)
        case .list(let items): list(items)
        case .localizedList(let items): list(items.map { $0(language) })
        }
    }

    /// `€1,227,000.00` in English, `1 227 000,00 €` in French; other currencies by their code.
    package func string(_ money: Money) -> String {
        let negative = money.minorUnits < 0
        let units = money.minorUnits.magnitude
        let perMajor = UInt64(money.currency.minorUnitsPerMajorUnit)
        let whole = grouped(String(units / perMajor), separator: language == .french ? " " : ",")
        let cents = String(units % perMajor)
        let number = whole + (language == .french ? "," : ".") + (cents.count < 2 ? "0" + cents : cents)
        let sign = negative ? "-" : ""
        switch (language, money.currency) {
        case (.english, .euro): return "\(sign)€\(number)"
        case (.french, .euro): return "\(sign)\(number) €"
        default: return "\(sign)\(number) \(money.currency)"
        }
    }

    /// `12.1%` in English, `12,1 %` in French: one decimal, rounded half up from the exact ratio.
    package func string(_ share: Share, decimals: Int = 1) -> String {
        var percent = share.rounded(toPlaces: decimals + 2) * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &percent, decimals, .plain)
        // Whole percentages print without decimals (20%), others with `decimals` of them (12.1%).
        var text = NSDecimalNumber(decimal: rounded).stringValue
        if decimals > 0, let point = text.firstIndex(of: ".") {
            let fraction = text[text.index(after: point)...].count
            if fraction < decimals { text += String(repeating: "0", count: decimals - fraction) }
        }
        return language == .french ? text.replacingOccurrences(of: ".", with: ",") + " %" : text + "%"
    }

    /// `a, b and c` in English, `a, b et c` in French.
    package func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        let last = items.last!
        return items.dropLast().joined(separator: ", ") + (language == .french ? " et " : " and ") + last
    }

    private func grouped(_ digits: String, separator: String) -> String {
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return groups.joined(separator: separator)
    }
}
