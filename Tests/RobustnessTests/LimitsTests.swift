import ClusterKitCore
import ClusterRules
import Foundation
import Testing
import TestSupport

/// The documented limits (Documentation/Robustness.md): 16 MiB per document, 100,000 lines per budget; past them
/// a clear input error, and nothing a document holds — nesting, size, numbers — exhausts the stack or memory.
@Suite struct LimitsTests {
    static let mecabourg = repositoryRoot.appendingPathComponent("Examples/mecabourg-2013.json")

    @Test func theLimitsAreTheDocumentedOnes() {
        #expect(BudgetDecoder.maximumDocumentSize == 16 * 1024 * 1024)
        #expect(BudgetDecoder.maximumLineCount == 100_000)
    }

    @Test(arguments: ["[", "{\"cluster\":", "{\"a\":[", " [{\"resources\":"])
    func aDocumentNested100000DeepIsAnInputError(_ opening: String) throws {
        let data = Data(String(repeating: opening, count: 100_000).utf8)
        let error = #expect(throws: InputError.self) { try BudgetDecoder(catalog: .builtIn).decode(data, file: "deep.json") }
        #expect(error?.file == "deep.json")
        #expect(error?.reason.contains("JSON") == true, "\(String(describing: error))")
        #expect(throws: InputError.self) { try BudgetInput(decoding: data, file: "deep.json", catalog: .builtIn) }
    }

    @Test func aDocumentJustOverTheSizeLimitIsRefusedUnread() throws {
        var data = try Data(contentsOf: Self.mecabourg)
        data.append(Data(repeating: UInt8(ascii: " "), count: BudgetDecoder.maximumDocumentSize - data.count + 1))
        let error = #expect(throws: InputError.self) { try BudgetDecoder(catalog: .builtIn).decode(data, file: "big.json") }
        #expect(error?.reason == "the document is 16777217 bytes, more than the 16777216 bytes ClusterKit reads")
        #expect(throws: InputError.self) { try BudgetInput(decoding: data, file: "big.json", catalog: .builtIn) }
    }

    @Test func aDocumentAtTheSizeLimitIsRead() throws {
        var data = try Data(contentsOf: Self.mecabourg)
        data.append(Data(repeating: UInt8(ascii: " "), count: BudgetDecoder.maximumDocumentSize - data.count))
        #expect(data.count == BudgetDecoder.maximumDocumentSize)
        let budget = try BudgetDecoder(catalog: .builtIn).decode(data, file: "big.json")
        #expect(budget.cluster.name == "Mecabourg")
    }

    @Test func aHugeNumberIsAnInputError() throws {
        let text = try String(contentsOf: Self.mecabourg, encoding: .utf8)
        for number in [String(repeating: "9", count: 400_000), "1e400", "-1e400", "92233720368547758.08", "1e-400"] {
            let data = Data(text.replacingOccurrences(of: "\"amount\": 50000", with: "\"amount\": \(number)").utf8)
            #expect(throws: InputError.self, "\(number.prefix(20))") {
                try BudgetDecoder(catalog: .builtIn).decode(data, file: "huge.json")
            }
        }
    }

    static func budget(lines: Int) -> Budget {
        let resources = (0..<lines / 2).map { ResourceLine(id: "r\($0)", source: .membershipFees, amount: Money(major: 1)) }
        let expenses = (0..<(lines - lines / 2)).map { ExpenseLine(id: "e\($0)", amount: Money(major: 1)) }
        return Budget(cluster: ClusterProfile(name: "Large"), year: 2013, resources: resources, expenses: expenses)
    }

    @Test func aBudgetOfMoreThan100000LinesIsAnInputError() throws {
        let error = #expect(throws: InputError.self) {
            try Engine(ruleSet: .all, catalog: .builtIn).check(Self.budget(lines: 100_001), file: "large.json")
        }
        #expect(error?.path == "resources")
        #expect(
            error?.description
                == "large.json: resources: the budget has 100001 lines (resources and expenses), more than the 100000 ClusterKit checks")
    }

    @Test func aBudgetOf100000LinesIsChecked() throws {
        let report = try Engine(ruleSet: .all, catalog: .builtIn).check(Self.budget(lines: 100_000), file: "large.json")
        #expect(report.metrics?.totalResources == Money(major: 50_000))
        #expect(report.metrics?.totalExpenses == Money(major: 50_000))
    }

    static func document(resources: Int, expenses: Int) -> Data {
        let resource = #"{"source":"region","amount":0}"#, expense = #"{"amount":0}"#
        return Data(
            (#"{"cluster":{"name":"Large"},"year":2013,"resources":["#
                + Array(repeating: resource, count: resources).joined(separator: ",") + #"],"expenses":["#
                + Array(repeating: expense, count: expenses).joined(separator: ",") + "]}").utf8)
    }

    @Test func aDocumentWithALongerArrayIsRefusedBeforeItsLinesAreRead() throws {
        // 1.3 million lines fill 16 MiB: refused on the array's length, not after decoding every line.
        let count = (BudgetDecoder.maximumDocumentSize - 100) / 13
        let error = #expect(throws: InputError.self) {
            try BudgetDecoder(catalog: .builtIn).decode(Self.document(resources: 0, expenses: count), file: "large.json")
        }
        #expect(error?.description == "large.json: expenses: \(count) entries, more than the 100000 ClusterKit checks")
    }

    @Test func aDocumentOfMoreThan100000LinesOnBothSidesIsAnInputError() throws {
        let error = #expect(throws: InputError.self) {
            try BudgetDecoder(catalog: .builtIn).decode(Self.document(resources: 60_000, expenses: 40_001), file: "large.json")
        }
        #expect(
            error?.description
                == "large.json: resources: the budget has 100001 lines (resources and expenses), more than the 100000 ClusterKit checks")
    }
}
