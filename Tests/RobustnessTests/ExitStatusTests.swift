@testable import clusterkit
import ClusterKitFuzzTargets
import Foundation
import Testing
import TestSupport

/// `clusterkit check` on anything: it exits 0, 1 or 2 — never a trap — and a bad file among good ones is reported
/// while the others are still checked.
@Suite struct ExitStatusTests {
    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        try scratchFolder("robustness")
    }

    /// Mutants of an input: the fuzzers' structure-aware mutations (values, keys, rows, cells), and bytes cut off.
    static func mutations(of data: Data, for target: FuzzTarget, count: Int, random: inout SeededGenerator) -> [Data] {
        (0..<count).map { _ in
            if random.chance(80), let mutant = StructureMutator.mutate(data, for: target, using: &random) { return mutant }
            return data.prefix(Int.random(in: 0...data.count, using: &random))
        }
    }

    static let flagSets: [[String]] = [
        [], ["--format", "json"], ["--format", "sarif"], ["--format", "markdown"], ["--language", "fr", "--explain"],
        ["--rules", "all", "--strict"], ["--rules", "pole", "--format", "json", "--show-suppressed"],
    ]

    @Test func noInputMakesCheckExitWithAnythingButZeroOneOrTwo() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var random = SeededGenerator(seed: 2013)
        var inputs: [(target: FuzzTarget, data: Data)] = []
        for target in FuzzTarget.allCases {
            for file in FuzzCorpus.seeds(of: target, packageRoot: repositoryRoot)
                + FuzzCorpus.regressions(of: target, packageRoot: repositoryRoot)
            {
                let data = try Data(contentsOf: file)
                inputs.append((target, data))
                for mutant in Self.mutations(of: data, for: target, count: 12, random: &random) { inputs.append((target, mutant)) }
            }
        }
        try #require(inputs.count > 100)
        let example = repositoryRoot.appendingPathComponent("Examples/mecabourg-2013.json").path
        var statuses: [Int32: Int] = [:]
        for (index, input) in inputs.enumerated() {
            let path = folder.appendingPathComponent("\(index)-input.\(input.target.seedExtensions.first ?? "json")").path
            try input.data.write(to: URL(fileURLWithPath: path))
            // A configuration configures the check of an example; any other input is the budget checked.
            let command = input.target == .configuration ? ["check", example, "--config", path] : ["check", path]
            let flags = random.pick(Self.flagSets)
            let output = Tool.run(command + flags)
            statuses[output.status, default: 0] += 1
            #expect([0, 1, 2].contains(output.status), "\(command) \(flags): status \(output.status)")
            if output.status == 2 {
                #expect(output.stderr.contains(path), "\(command) \(flags): the error does not name the file")
            } else {
                #expect(!output.stdout.isEmpty, "\(command) \(flags): no report")
            }
        }
        // Mutants are mostly refused, the examples mostly accepted: both ways were exercised.
        #expect(statuses[2, default: 0] > 0 && statuses[0, default: 0] + statuses[1, default: 0] > 0)
    }

    @Test func aFolderWithOneBadFileReportsItAndChecksTheOthers() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let examples = repositoryRoot.appendingPathComponent("Examples")
        try FileManager.default.copyItem(
            at: examples.appendingPathComponent("mecabourg-2013.json"), to: folder.appendingPathComponent("a-mecabourg.json"))
        try Data(#"{"cluster": {"name": "Broken"}, "year": 2013, "resources": [{"source": "region"}], "expenses": []}"#.utf8)
            .write(to: folder.appendingPathComponent("b-broken.json"))
        try FileManager.default.copyItem(
            at: examples.appendingPathComponent("neopolia-2013.json"), to: folder.appendingPathComponent("c-neopolia.json"))

        let text = Tool.run(["check", folder.path])
        #expect(text.status == 2)
        #expect(text.stderr == "\(folder.path)/b-broken.json: resources[0].amount: required field 'amount' is missing\n")
        #expect(text.stdout.contains("Mecabourg 2013 (\(folder.path)/a-mecabourg.json)"))
        #expect(text.stdout.contains("Neopolia 2013 (\(folder.path)/c-neopolia.json)"))

        let json = Tool.run(["check", folder.path, "--format", "json"])
        #expect(json.status == 2)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let files = (document["budgets"] as? [[String: Any]])?.compactMap { $0["file"] as? String }
        #expect(files == ["\(folder.path)/a-mecabourg.json", "\(folder.path)/c-neopolia.json"])
        #expect(json.stderr.contains("b-broken.json: resources[0].amount"))
    }

    @Test func onlyBadFilesExitTwoWithoutAReport() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("[[[[".utf8).write(to: folder.appendingPathComponent("a.json"))
        let output = Tool.run(["check", folder.appendingPathComponent("a.json").path, folder.appendingPathComponent("missing.json").path])
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("a.json"))
        #expect(output.stderr.contains("missing.json: no such file or folder"))
    }
}
