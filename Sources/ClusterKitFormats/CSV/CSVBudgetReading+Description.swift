import ClusterKitCore
import Foundation

extension CSVBudgetReading {
    struct Profile {
        var cluster = ClusterProfile(name: "")
        var name: String?
        var year: Int?
        var currency: CurrencyCode = .euro
        var seen: Set<CSVVocabulary.Key> = []
    }

    mutating func readDescription(_ row: CSVRow, into profile: inout Profile) throws(InputError) {
        // Long by design: one case per field of the description block.
        guard let keyCell = row.cells.first, !keyCell.isBlank else {
            let cell = row.cells.first { !$0.isBlank }
            throw fail(cell, .budget, "a row above the table needs a key in column A (such as « Cluster » or « Année »)")
        }
        guard let key = CSVVocabulary.Key.named(folded: keyCell.folded) else {
            let nearest = Suggestions.nearest(to: CSVVocabulary.normalized(keyCell.text), among: CSVVocabulary.Key.allKeys)
            let hint = Suggestions.hint(nearest, quote: { "« \($0) »" })
            throw fail(keyCell, .budget, "unknown key « \(keyCell.trimmed) » above the table\(hint)")
        }
        if key != .satellite, key != .service {
            guard !profile.seen.contains(key) else { throw fail(keyCell, .budget, "« \(keyCell.trimmed) » is given twice") }
            profile.seen.insert(key)
        }
        let valueCells = Array(row.cells.dropFirst())
        guard let cell = valueCells.first, !cell.isBlank else { throw fail(keyCell, .budget, "« \(keyCell.trimmed) » has no value in column B") }
        if key != .satellite, key != .service, let extra = valueCells.dropFirst().first(where: { !$0.isBlank }) {
            throw fail(extra, .budget, "« \(keyCell.trimmed) » takes one value, in column B")
        }
        func path(_ field: FieldPath) -> FieldPath { place(field, cell) }
        func year(_ field: FieldPath) throws(InputError) -> Int {
            let value = try value(cell, path(field), values.integer)
            guard Budget.plausibleYears.contains(value) else { throw fail(cell, field, "\(value) is not a plausible year") }
            return value
        }
        func count(_ field: FieldPath) throws(InputError) -> Int { try value(cell, path(field), values.integer) }
        func flag(_ field: FieldPath) throws(InputError) -> Bool { try value(cell, path(field), values.boolean) }
        func share(_ field: FieldPath) throws(InputError) -> Share { try value(cell, path(field), values.share) }
        var cluster = profile.cluster
        switch key {
        case .name: profile.name = cell.trimmed
        case .kind:
            guard let kind = CSVVocabulary.kind(folded: cell.folded) else {
                throw fail(cell, path(FieldPath.cluster.field("kind")), "« \(cell.trimmed) » is not a kind of cluster: write pôle, grappe, régional or autre")
            }
            cluster.kind = kind
        case .year: profile.year = try year(.year)
        case .currency:
            guard let code = CurrencyCode(rawValue: cell.trimmed.uppercased()) else {
                throw fail(cell, path(.currency), "« \(cell.trimmed) » is not an ISO 4217 currency code such as EUR")
            }
            profile.currency = code
        case .founded: cluster.founded = try year(FieldPath.cluster.field("founded"))
        case .members: cluster.members = try count(FieldPath.cluster.field("members"))
        case .enterprises: cluster.enterprises = try count(FieldPath.cluster.field("enterprises"))
        case .staff: cluster.staff = try value(cell, path(FieldPath.cluster.field("staff")), values.decimal)
        case .impactReporting: cluster.impactReporting = try flag(FieldPath.cluster.field("impactReporting"))
        case .valuedTimeAllowed: cluster.valuedTimeAllowed = try flag(FieldPath.cluster.field("valuedTimeAllowed"))
        case .analyticAccounting: cluster.analyticAccounting = try flag(FieldPath.cluster.field("analyticAccounting"))
        case .declaredSelfFinancing:
            cluster.declared = DeclaredFigures(selfFinancing: try share(FieldPath.cluster.field("declared").field("selfFinancing")))
        case .targetPrivateShare:
            cluster.targets = cluster.targets ?? FundingTargets()
            cluster.targets?.privateShare = try share(FieldPath.cluster.field("targets").field("privateShare"))
        case .targetYear:
            cluster.targets = cluster.targets ?? FundingTargets()
            cluster.targets?.year = try year(FieldPath.cluster.field("targets").field("year"))
        case .baselineYear:
            cluster.targets = cluster.targets ?? FundingTargets()
            cluster.targets?.baselineYear = try year(FieldPath.cluster.field("targets").field("baselineYear"))
        case .satellite:
            let field = FieldPath.cluster.field("satellites")[cluster.satellites.count]
            var satellite = Satellite(name: cell.trimmed)
            cells[field] = cell.position
            if let form = valueCells.dropFirst().first, !form.isBlank { satellite.form = form.trimmed }
            if let captures = valueCells.dropFirst(2).first, !captures.isBlank {
                satellite.capturesBillableServices = try value(captures, field.field("capturesBillableServices"), values.boolean)
            }
            cluster.satellites.append(satellite)
        case .service:
            let field = FieldPath.cluster.field("services")[cluster.services.count]
            cells[field] = cell.position
            var service = ServiceOffer(id: cell.trimmed)
            if let label = valueCells.dropFirst().first, !label.isBlank { service.label = label.trimmed }
            if let uptake = valueCells.dropFirst(2).first, !uptake.isBlank {
                service.uptake = try value(uptake, field.field("uptake"), values.share)
            }
            if let minimum = valueCells.dropFirst(3).first, !minimum.isBlank {
                service.minimumClients = try value(minimum, field.field("minimumClients"), values.integer)
            }
            cluster.services.append(service)
        }
        profile.cluster = cluster
    }
}
