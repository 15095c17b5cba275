import ClusterKitCore
import ClusterKitFuzzTargets
import Foundation
import Testing

/// The package root, from this file's place in it.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Every input libFuzzer ever crashed a target with stays here as a test: it must now go through the target
/// without trapping (a trap ends the test run, which fails).
@Suite struct FuzzRegressionTests {
    @Test(arguments: FuzzTarget.allCases)
    func savedCrashingInputsNoLongerCrash(_ target: FuzzTarget) throws {
        for file in FuzzCorpus.regressions(of: target, packageRoot: packageRoot) {
            _ = target.run(try Data(contentsOf: file))
        }
    }

    @Test(arguments: FuzzTarget.allCases)
    func seedsAreAcceptedOrRejectedWithAReason(_ target: FuzzTarget) throws {
        let seeds = FuzzCorpus.seeds(of: target, packageRoot: packageRoot)
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
}
