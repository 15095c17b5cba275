/// The path of a field of a budget, typed: what ``InputError/path`` writes as text (`year`, `cluster.targets.year`,
/// `resources[2].amount`, `forecast.74-region`). The table readers record the cell each field came from under its path
/// (``FieldCells``); an error of the budget's validation, whose path is text, is read back into one to find its cell.
package struct FieldPath: Hashable, Sendable, CustomStringConvertible {
    /// One step down the budget: a named field, or an element of a list.
    enum Step: Hashable, Sendable {
        case field(String)
        case index(Int)
    }

    /// The steps from the budget to the field.
    private(set) var steps: [Step]

    private init(_ steps: [Step]) { self.steps = steps }

    /// The budget as a whole: the empty path.
    static let budget = FieldPath([])
    /// `year`.
    static let year = FieldPath([.field("year")])
    /// `currency`.
    static let currency = FieldPath([.field("currency")])
    /// `cluster`, the cluster's profile.
    static let cluster = FieldPath([.field("cluster")])
    /// `period`, the fiscal period.
    static let period = FieldPath([.field("period")])

    /// A side's lines: `resources`, `expenses`.
    static func side(_ side: CSVVocabulary.Side) -> FieldPath { FieldPath([.field(side.rawValue)]) }
    /// A line of a side: `resources[2]`, `expenses[0]`.
    static func line(_ side: CSVVocabulary.Side, _ index: Int) -> FieldPath { Self.side(side)[index] }
    /// A line's forecast amount on a realised statement: `forecast.<id>`, the line's id one step, whatever it holds.
    static func forecast(_ id: String) -> FieldPath { FieldPath([.field("forecast"), .field(id)]) }

    /// A field of this one: `cluster` → `cluster.kind`.
    func field(_ name: String) -> FieldPath { FieldPath(steps + [.field(name)]) }
    /// This path followed by another, relative to it: `resources[2]` and `successFee.fixedFee` →
    /// `resources[2].successFee.fixedFee`.
    func appending(_ other: FieldPath) -> FieldPath { other.steps.isEmpty ? self : FieldPath(steps + other.steps) }
    /// An element of this list: `cluster.satellites` → `cluster.satellites[0]`.
    subscript(index: Int) -> FieldPath { FieldPath(steps + [.index(index)]) }

    /// The field holding this one (`resources[2].amount` → `resources[2]` → `resources`); `nil` for the budget.
    var parent: FieldPath? { steps.isEmpty ? nil : FieldPath(steps.dropLast()) }

    /// The path as ``InputError/path`` writes it.
    package var description: String {
        var text = ""
        for step in steps {
            switch step {
            case .field(let name): text += text.isEmpty ? name : "." + name
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// A path written as text, read back; `nil` when the text is not one (a name left empty, an index not a number).
    init?(_ text: String) {
        if text.isEmpty {
            self = .budget
            return
        }
        if text.hasPrefix("forecast.") {
            self = .forecast(String(text.dropFirst("forecast.".count)))
            return
        }
        var steps: [Step] = []
        for component in text.split(separator: ".", omittingEmptySubsequences: false) {
            let name = component.prefix { $0 != "[" }
            guard !name.isEmpty else { return nil }
            steps.append(.field(String(name)))
            var rest = component.dropFirst(name.count)
            while rest.first == "[" {
                guard let close = rest.firstIndex(of: "]") else { return nil }
                let digits = rest.dropFirst().prefix { $0 != "]" }
                guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let index = Int(digits) else { return nil }
                steps.append(.index(index))
                rest = rest[rest.index(after: close)...]
            }
            guard rest.isEmpty else { return nil }
        }
        self.init(steps)
    }
}
