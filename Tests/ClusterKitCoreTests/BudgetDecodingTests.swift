import ClusterKitCore
import Foundation
import Testing
import TestSupport

/// A minimal valid budget document, with room to break one field at a time.
func document(resources: String = #"[{ "id": "fees", "source": "membershipFees", "amount": 100 }]"#,
              expenses: String = #"[{ "id": "ops", "amount": 100, "nature": "operating" }]"#,
              cluster: String = #"{ "name": "Test" }"#, extra: String = "") -> Data {
    Data(#"{ "format": "clusterkit.budget/1", "cluster": \#(cluster), "year": 2013\#(extra), "resources": \#(resources), "expenses": \#(expenses) }"#.utf8)
}

func inputError(_ data: Data, catalog: Catalog = .builtIn) -> InputError? {
    do {
        _ = try BudgetDecoder(catalog: catalog).decode(data, file: "budget.json")
        return nil
    } catch {
        return error
    }
}

@Suite("Reading budgets")
struct BudgetDecodingTests {
    @Test("A valid document decodes, with defaults and exact amounts")
    func valid() throws {
        let budget = try BudgetDecoder().decode(
            document(resources: #"[{ "source": "region", "amount": "1227000.50" }, { "source": "membershipFees", "amount": 840965.5 }]"#,
                     expenses: #"[{ "amount": 2067966 }]"#)).budget
        #expect(budget.currency == .euro)
        #expect(budget.resources[0].id == "resources[0]")
        #expect(budget.resources[0].amount.minorUnits == 122_700_050)
        #expect(budget.resources[1].amount.minorUnits == 84_096_550)
        #expect(budget.expenses[0].nature == .programme)
        #expect(budget.cluster.valuedTimeAllowed)
    }

    @Test("Encoding and decoding round-trip")
    func roundTrip() throws {
        let original = try BudgetDecoder(catalog: catalogWithTestRegime).decode(
            document(resources: #"[{ "id": "f", "source": "successFees", "amount": 80000, "successFee": { "basis": "publicCall", "fixedFee": 200000 } }]"#,
                     expenses: #"[{ "id": "a", "amount": 80000, "category": "C", "regime": "NN120/90-E1/90", "collective": true }]"#,
                     cluster: #"{ "name": "T", "kind": "pole", "targets": { "privateShare": 0.5, "year": 2016 }, "declared": { "selfFinancing": 0.3 } }"#)).budget
        let data = try JSONEncoder().encode(original)
        #expect(try BudgetDecoder(catalog: catalogWithTestRegime).decode(data).budget == original)
    }

    @Test("Malformed JSON names the file")
    func malformed() throws {
        let error = try #require(inputError(Data(#"{ "format": "#.utf8)))
        #expect(error.file == "budget.json")
        #expect(error.path == "")
        #expect(error.reason.hasPrefix("not valid JSON"))
        let located = try #require(inputError(Data("{\n  \"cluster\": { \"name\": x }\n}".utf8)))
        #expect(located.line == 2, "the syntax error is on the second line")
        #expect(located.description.hasPrefix("budget.json:2:"))
    }

    @Test("Each bad field is named by its path, with the reason",
          arguments: [
            (document(resources: #"[{ "id": "a", "source": "region", "amount": 1 }, { "id": "b", "source": "region" }]"#),
             "resources[1].amount", "required field 'amount' is missing"),
            (document(resources: #"[{ "source": "region", "amount": -5 }]"#), "resources[0].amount", "negative amount"),
            (document(resources: #"[{ "source": "region", "amount": 10.005 }]"#), "resources[0].amount", "more than two decimals"),
            (document(resources: #"[{ "source": "region", "amount": "12,5" }]"#), "resources[0].amount", "is not an amount"),
            (document(resources: #"[{ "source": "region", "amount": true }]"#), "resources[0].amount", "must be a number"),
            (document(resources: #"[{ "source": "membershipFee", "amount": 1 }]"#), "resources[0].source", "did you mean 'membershipFees'"),
            (document(resources: #"[{ "source": "region", "amount": 1, "inkind": true }]"#), "resources[0].inkind", "did you mean 'inKind'"),
            (document(cluster: #"{ "kind": "pole" }"#), "cluster.name", "required field 'name' is missing"),
            (document(cluster: #"{ "name": "x", "kind": "pôle" }"#), "cluster.kind", "did you mean 'pole'"),
            (document(cluster: #"{ "name": "x", "members": "many" }"#), "cluster.members", "expected a whole number"),
            (document(expenses: #"[{ "id": "fees", "amount": 1 }]"#), "resources[0].id", "already used by expenses[0]"),
            (document(resources: #"[{ "source": "region", "amount": 1, "action": "ops2" }]"#), "resources[0].action", "did you mean 'ops'"),
            (document(resources: #"[{ "source": "region", "amount": 1, "successFee": { "basis": "market" } }]"#), "resources[0].successFee", "success-fee line"),
            (document(resources: #"[{ "source": "membershipFees", "amount": 1, "includes": ["servicez"] }]"#),
             "resources[0].includes[0]", "unknown revenue source 'servicez' (did you mean 'services'"),
            (document(resources: #"[{ "source": "membershipFees", "amount": 1, "includes": ["services", "membershipFees"] }]"#),
             "resources[0].includes[1]", "the line's own source"),
            (document(resources: #"[{ "source": "membershipFees", "amount": 1, "includes": ["services", "services"] }]"#),
             "resources[0].includes[1]", "'services' is listed twice"),
            (document(resources: #"[{ "source": "region", "amount": 92233720368547758 }, { "source": "state", "amount": 92233720368547758 }]"#),
             "resources", "add up to more than"),
            (document(extra: #", "currency": "euro""#), "currency", "not an ISO 4217"),
            (Data(#"{ "format": "clusterkit.budget/2", "cluster": { "name": "x" }, "year": 2013, "resources": [], "expenses": [] }"#.utf8),
             "format", "is not 'clusterkit.budget/1'"),
          ])
    func badField(data: Data, path: String, reason: String) throws {
        let error = try #require(inputError(data), "expected an input error at \(path)")
        #expect(error.file == "budget.json")
        #expect(error.path == path)
        #expect(error.reason.contains(reason), "reason was: \(error.reason)")
        #expect(error.description.hasPrefix("budget.json: \(path): "))
    }

    @Test("A host's own revenue source is accepted once it is in the catalogue")
    func customSource() throws {
        struct RegionalVoucher: RevenueSource {
            var id: RevenueSourceID { "regionalVoucher" }
            var sector: Sector { .public }
            var nature: ResourceNature { .cash }
            var kind: RevenueKind { .subsidy }
            func name(in language: Language) -> String { language == .french ? "Chèque régional" : "Regional voucher" }
        }
        let data = document(resources: #"[{ "source": "regionalVoucher", "amount": 100 }]"#)
        #expect(inputError(data)?.path == "resources[0].source")
        let catalog = try Catalog.builtIn.adding(RegionalVoucher())
        let metrics = try BudgetDecoder(catalog: catalog).decode(data).metrics
        #expect(metrics.publicResources.amount == Money(major: 100))
        #expect(throws: CatalogError.duplicateSource("regionalVoucher")) { try catalog.adding(RegionalVoucher()) }
    }
}

@Suite("The target a budget is judged against")
struct JudgedTargetTests {
    @Test("The nearest at or after the budget's year, else an undated one, else the last (due since); none without targets")
    func judged() {
        let targets = [
            FundingTargets(privateShare: Share(percent: 50), year: 2016),
            FundingTargets(privateShare: Share(percent: 74), year: 2026),
            FundingTargets(privateShare: Share(percent: 60), year: nil),
        ]
        let cluster = ClusterProfile(name: "Pôle", targetList: targets)
        #expect(cluster.target(judgedIn: 2013)?.year == 2016)
        #expect(cluster.target(judgedIn: 2016)?.year == 2016)
        #expect(cluster.target(judgedIn: 2017)?.year == 2026)
        #expect(cluster.target(judgedIn: 2030)?.privateShare == Share(percent: 60), "« à terme »")
        #expect(ClusterProfile(name: "Pôle", targetList: Array(targets.prefix(2))).target(judgedIn: 2030)?.year == 2026)
        #expect(ClusterProfile(name: "Grappe").target(judgedIn: 2013) == nil)
    }
}
