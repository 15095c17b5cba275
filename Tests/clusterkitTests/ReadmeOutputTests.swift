import Foundation
import Testing
import TestSupport
@testable import clusterkit

/// The README's sample output is what the tool prints: each `$ swift run clusterkit …` block of README.md is run, and
/// every line it shows (but `…`, which stands for lines left out) is a line of the tool's output, in order.
@Suite("README's sample output")
struct ReadmeOutputTests {
    @Test("Each command the README shows prints the lines it shows")
    func sampleOutput() throws {
        let readme = try String(contentsOf: repositoryFile("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```\n$ swift run clusterkit ").dropFirst()
        #expect(blocks.count >= 2, "the README shows the output of `check` on Mecabourg and on Aerospace Valley")
        for block in blocks {
            let lines = block.components(separatedBy: "\n```").first!.components(separatedBy: "\n")
            let arguments = lines[0].split(separator: " ").map { argument in
                argument.hasPrefix("Examples/") ? repositoryFile(String(argument)).path : String(argument)
            }
            let printed = Tool.run(arguments).stdout.replacingOccurrences(of: repositoryRoot.path + "/", with: "")
                .components(separatedBy: "\n")
            var rest = printed[...]
            for shown in lines.dropFirst() where shown != "…" && !shown.isEmpty {
                guard let index = rest.firstIndex(of: shown) else {
                    Issue.record("`clusterkit \(lines[0])` does not print, in this order:\n\(shown)\nIt prints:\n\(printed.joined(separator: "\n"))")
                    break
                }
                rest = rest[(index + 1)...]
            }
        }
    }
}
