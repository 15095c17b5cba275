import ClusterKitCore
import ClusterKitFuzzTargets
import Foundation
import Testing
import TestSupport


/// Every input libFuzzer ever crashed a target with stays here as a test: it must now go through the target
/// without trapping (a trap ends the test run, which fails).
@Suite struct FuzzRegressionTests {
    @Test(arguments: FuzzTarget.allCases)
    func savedCrashingInputsNoLongerCrash(_ target: FuzzTarget) throws {
        for file in FuzzCorpus.regressions(of: target, packageRoot: repositoryRoot) {
            _ = target.run(try Data(contentsOf: file))
        }
    }

    @Test(arguments: FuzzTarget.allCases)
    func seedsAreAcceptedOrRejectedWithAReason(_ target: FuzzTarget) throws {
        let seeds = FuzzCorpus.seeds(of: target, packageRoot: repositoryRoot)
        try #require(!seeds.isEmpty, "no seed for \(target.rawValue)")
        var accepted = 0
        for file in seeds {
            switch target.run(try Data(contentsOf: file)) {
            case .accepted: accepted += 1
            case .rejected(let error): #expect(!error.reason.isEmpty, "\(file.lastPathComponent)")
            }
        }
        // The examples of the memento are valid: every target accepts at least those.
        #expect(accepted > 0, "no seed of \(target.rawValue) is accepted")
    }

    // The findings, each with the error it now gives.

    @Test func aNullAmountIsAnInputErrorNotATrap() throws {
        // Found reading FieldReader.amount (a force unwrap of "present but null"); Fuzz/regressions/*/null-*.json.
        let cases = [
            (#"{"cluster":{"name":"X"},"year":2013,"resources":[{"source":"region","amount":null}],"expenses":[]}"#,
             "x.json: resources[0].amount: expected a number, found null"),
            (#"{"cluster":{"name":"X"},"year":2013,"resources":[],"expenses":[{"id":"a","amount":null}]}"#,
             "x.json: expenses[0].amount: expected a number, found null"),
        ]
        for (document, message) in cases {
            let error = #expect(throws: InputError.self) {
                try BudgetDecoder().decode(Data(document.utf8), file: "x.json").budget
            }
            #expect(error?.description == message)
        }
    }
}

/// The structure-aware mutator the fuzzers (and the exit-status test) use.
@Suite struct StructureMutatorTests {
    @Test func jsonMutantsAreDocumentsThatDifferAndDependOnlyOnTheSeed() throws {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("Examples/mecabourg-2013.json"))
        var random = SeededGenerator(seed: 1)
        var again = SeededGenerator(seed: 1)
        var distinct: Set<Data> = []
        for _ in 0..<100 {
            let mutant = try #require(StructureMutator.mutate(data, for: .check, using: &random))
            #expect(StructureMutator.mutate(data, for: .check, using: &again) == mutant)
            #expect((try? JSONSerialization.jsonObject(with: mutant, options: [.fragmentsAllowed])) != nil)
            distinct.insert(mutant)
        }
        #expect(distinct.count > 80)
        // Not JSON: nothing to do (libFuzzer's byte mutations take over).
        #expect(StructureMutator.mutate(Data("[[".utf8), for: .budgetDecoder, using: &random) == nil)
    }

    @Test func csvMutantsKeepTheSeparatorAndLineEnds() throws {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("Fuzz/seeds/csv-importer/mecabourg-bom-crlf.csv"))
        var random = SeededGenerator(seed: 2)
        for _ in 0..<50 {
            let mutant = try #require(StructureMutator.mutate(data, for: .csvImporter, using: &random))
            let text = try #require(String(data: mutant, encoding: .utf8))
            #expect(mutant != data)
            #expect(text.contains(";") && text.contains("\r\n"))
        }
    }

    @Test func theMutatorReachesTheNullAmountAByteMutatorMissed() throws {
        // libFuzzer's byte mutations ran the budget decoder 971,564 times without writing `"amount": null`; the
        // structure-aware mutations write a null amount within a few thousand mutants of the example.
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("Examples/mecabourg-2013.json"))
        var random = SeededGenerator(seed: 3)
        let found = (0..<4_000).contains { _ in
            guard let mutant = StructureMutator.mutate(data, for: .budgetDecoder, using: &random) else { return false }
            return String(decoding: mutant, as: UTF8.self).contains(#""amount":null"#)
        }
        #expect(found)
    }
}
