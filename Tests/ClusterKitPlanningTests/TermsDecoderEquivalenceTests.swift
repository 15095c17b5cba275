import ClusterKitCore
import ClusterKitPlanning
import Foundation
import Testing
import TestSupport

/// Plan terms and scenarios read through ClusterKit's one-pass decoder and through Foundation's `JSONDecoder` give
/// the same values and the same errors (path and reason); a syntax error of the first is one for `JSONSerialization`
/// too. (The budgets', histories' and configurations' twin is `DecoderEquivalenceTests` in ClusterKitCoreTests.)
@Suite("Plan terms and scenarios: the one-pass decoder and Foundation's JSONDecoder agree")
struct TermsDecoderEquivalenceTests {
    func outcome<T: Decodable>(_ type: T.Type, _ data: Data, foundation: Bool) -> Result<T, InputError> {
        do throws(InputError) {
            return .success(
                foundation
                    ? try JSONInput.decodeWithFoundation(T.self, from: data, file: "x.json")
                    : try JSONInput.decode(T.self, from: data, file: "x.json"))
        } catch {
            return .failure(error)
        }
    }

    func difference<T: Decodable & Equatable>(_ type: T.Type, _ data: Data) -> String? {
        switch (outcome(T.self, data, foundation: false), outcome(T.self, data, foundation: true)) {
        case (.success(let a), .success(let b)):
            return a == b ? nil : "different values:\n\(a)\n\(b)"
        case (.failure(let a), .failure(let b)):
            let syntax = a.path.isEmpty && a.reason.hasPrefix("not valid JSON: ") && a.line != nil
            if b.reason == "not valid JSON" { return syntax ? nil : "Foundation finds no valid JSON, ClusterKit says \(a)" }
            if syntax { return (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) == nil ? nil : "\(a) / \(b)" }
            return a.path == b.path && a.reason == b.reason ? nil : "different errors:\n\(a)\n\(b)"
        case (.success(let a), .failure(let b)): return "ClusterKit reads \(a), Foundation fails: \(b)"
        case (.failure(let a), .success(let b)): return "ClusterKit fails: \(a), Foundation reads \(b)"
        }
    }

    /// The terms and scenarios of Documentation/Planning.md, each with one value changed in several ways.
    func documents() throws -> [String] {
        let guide = try String(contentsOf: repositoryFile("Documentation/Planning.md"), encoding: .utf8)
        let blocks = guide.components(separatedBy: "```json\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count >= 2, "the guide's terms and scenario are read")
        var result: [String] = []
        for block in blocks {
            result.append(block)
            for (pattern, replacements) in [
                (#""max": *[0-9]+"#, [#""max": -1"#, #""max": 1.234"#, #""max": "600.50""#, #""max": null"#, #""max": 1e400"#, #""mx": 1"#]),
                (#""maxIncrease": *[0-9.]+"#, [#""maxIncrease": 2"#, #""maxIncrease": "0.1""#, #""maxIncrease": 0.1234567890123"#]),
                (#""budget": *"[a-z]+""#, [#""budget": "grows""#, #""budget": 1"#]),
                (#""clear": *\[[^\]]*\]"#, [#""clear": ["fatal"]"#, #""clear": "error""#, #""clear": [1]"#, #""clear": []"#]),
                (#""round": *[0-9]+"#, [#""round": 0"#, #""round": 0.001"#, #""round": 0.01"#]),
                (#""feeGrowth": *[0-9.]+"#, [#""feeGrowth": null"#, #""feeGrowth": -1"#, #""feeGrowth": 2"#, #""feeGrowth": "x""#]),
                (#""objective": *"[A-Za-z]+""#, [#""objective": "leastNewRevenu""#]),
                (#""amount": *[0-9]+"#, [#""amount": 0, "scale": 2"#, #""amount": -3"#, #""amount": 12.5"#]),
                (#""scale": *[0-9.]+"#, [#""scale": -1"#, #""scale": 1e2"#, #""scale": "1.1""#, #""scale": 1.1, "amount": 3"#]),
                (#""changes": *\["#, [#""changes": {"a": ["#, #""changes": [{}, "#]),
                (#""format": *"[^"]*""#, [#""format": "clusterkit.plan/2""#]),
            ] {
                guard let range = block.range(of: pattern, options: .regularExpression) else { continue }
                for replacement in replacements { result.append(block.replacingCharacters(in: range, with: replacement)) }
            }
        }
        return result
    }

    @Test("The guide's terms and scenario, and one-value changes of them, decode alike through both decoders")
    func agree() throws {
        let documents = try documents()
        #expect(documents.count > 30)
        for text in documents {
            let data = Data(text.utf8)
            for difference in [difference(PlanTerms.self, data), difference(Scenario.self, data)].compactMap({ $0 }) {
                Issue.record("\(difference)\n\(text)")
            }
        }
    }
}
