import Foundation

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
