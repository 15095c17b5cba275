import ClusterKitCore
import Foundation

/// Named changes to a budget — a funder stops, fees rise 10%, an event is cancelled — to see what they do to its
/// findings: a `clusterkit.scenario/1` document.
///
/// ```json
/// { "format": "clusterkit.scenario/1", "name": "L'État se désengage",
///   "changes": [ { "line": "state", "amount": 0 }, { "line": "fees", "scale": 1.1 } ] }
/// ```
package struct Scenario: Hashable, Sendable, Decodable {
    /// The format identifier of a scenario document.
    package static let format = "clusterkit.scenario/1"

    /// One change to one resource line: a new amount, or its amount scaled.
    package struct Change: Hashable, Sendable {
        /// The resource line, by its id or its label.
        package var line: String
        /// The line's new amount (zero: the funder stops, the event is cancelled).
        package var amount: Money?
        /// The factor its amount is multiplied by (`1.1`: +10%), rounded to the cent.
        package var scale: Share?

        /// Creates a change: give `amount` or `scale`.
        package init(line: String, amount: Money? = nil, scale: Share? = nil) {
            self.line = line
            self.amount = amount
            self.scale = scale
        }
    }

    /// What the scenario is called.
    package var name: String?
    /// Its changes, in order.
    package var changes: [Change]
    /// The terms of the plan that restores compliance afterwards.
    package var terms: PlanTerms

    /// Creates a scenario.
    package init(name: String? = nil, changes: [Change], terms: PlanTerms = PlanTerms()) {
        self.name = name
        self.changes = changes
        self.terms = terms
    }

    package init(from decoder: any Decoder) throws {
        let fields = try FieldReader(decoder, allowed: ["format", "name", "changes", "terms"])
        try fields.checkFormat(Self.format)
        name = try fields.optional("name")
        changes = try fields.array("changes") { decoder, _ in
            let change = try FieldReader(decoder, allowed: ["line", "amount", "scale"])
            let amount = try change.optionalAmount("amount", currency: .euro)
            let scale = try change.optional("scale", as: Decimal.self)
            guard (amount == nil) != (scale == nil) else {
                throw change.fail("line", "give either 'amount' or 'scale'")
            }
            guard let factor = scale.map({ $0 >= 0 ? Share(exactly: $0) : nil }) ?? Share.one else {
                throw change.fail("scale", "\(scale ?? 0) is not a factor: write a non-negative number such as 1.1")
            }
            return Change(line: try change.required("line"), amount: amount, scale: scale == nil ? nil : factor)
        } ?? { throw fields.missing("changes") }()
        terms = try fields.optional("terms") ?? PlanTerms()
    }

    /// Reads a `clusterkit.scenario/1` document.
    /// - Throws: ``InputError`` naming the file, the field path and the reason.
    package static func decode(_ data: Data, file: String? = nil) throws(InputError) -> Scenario {
        try JSONInput.decode(Scenario.self, from: data, file: file)
    }

    /// The budget with the scenario's changes made, its expenses following the resources in proportion (declared figures
    /// left out, as in a plan).
    /// - Throws: ``PlanningError/unknownLine(_:field:known:)`` for a line the budget does not have by id or label, ``PlanningError/tooLarge``.
    package func applied(to budget: Budget) throws -> Budget {
        var amounts = Dictionary(budget.resources.map { ($0.id, $0.amount.minorUnits) }, uniquingKeysWith: { a, _ in a })
        for (position, change) in changes.enumerated() {
            guard let id = budget.resourceID(named: change.line), let current = amounts[id] else {
                throw PlanningError.unknownLine(
                    change.line, field: "changes[\(position)].line", known: Budget.names(of: budget.resources))
            }
            if let amount = change.amount { amounts[id] = amount.minorUnits }
            if let scale = change.scale {
                let scaled = ExactArithmetic.divide(
                    Int128(current) * Int128(scale.numerator), by: Int128(scale.denominator), rounding: .toNearestOrAwayFromZero)
                guard let cents = Int64(exactly: scaled) else { throw PlanningError.tooLarge }
                amounts[id] = cents
            }
        }
        // (Applying changes reads their ids and amounts only, not their sectors.)
        let lineChanges = budget.resources.compactMap { line -> Plan.Change? in
            guard let after = amounts[line.id], after != line.amount.minorUnits else { return nil }
            return Plan.Change(
                lineID: line.id, label: line.label, source: line.source, sector: line.sector ?? .private,
                before: line.amount, after: Money(minorUnits: after, currency: budget.currency), isNew: false)
        }
        return try Planner.apply(lineChanges, to: budget, newLines: [])
    }
}
