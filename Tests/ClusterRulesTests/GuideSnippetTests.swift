import ClusterKitCore
import ClusterKitFormats
import Foundation
import Testing
import TestSupport

/// Every Swift snippet of the README and the guides is code a test compiles: its lines, in order, are lines of a
/// Swift file of `Tests/` (compiled and run by `swift test`) or of `Examples/CustomRulePackage` (built and tested by
/// `Scripts/test-example-package.sh`). A snippet line matches a source line that contains it, whitespace trimmed.
/// Left out of the comparison: `import` lines, a line that makes the input's path (`let path = …`, `let url = …`, which a
/// test makes from the repository's root), `// …` and `…` (which stand for code the guide leaves out), and snippets of
/// a package manifest (they begin with `// swift-tools-version`, `// Package.swift`, `.testTarget(`, `.target(`, `.executableTarget(` or
/// `dependencies:`), which the guide's newcomer run builds. Every `clusterkit.budget/1` JSON snippet decodes.
@Suite("The guides' snippets")
struct GuideSnippetTests {
    static let guides = ["README.md", "Documentation/GettingStarted.md", "Documentation/WritingACustomRule.md"]

    /// The Swift files a snippet may come from, as lists of trimmed lines.
    static let sources: [(String, [String])] = {
        var files: [(String, [String])] = []
        for folder in ["Tests", "Examples/CustomRulePackage/Sources", "Examples/CustomRulePackage/Tests"] {
            let root = repositoryFile(folder)
            let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
            for path in paths where path.hasSuffix(".swift") {
                guard let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) else { continue }
                let lines = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                files.append(("\(folder)/\(path)", lines.filter { !$0.isEmpty && !$0.hasPrefix("///") }))
            }
        }
        return files
    }()

    /// The fenced blocks of a language in a Markdown file, with the line each starts on.
    static func blocks(_ language: String, in guide: String) throws -> [(line: Int, lines: [String])] {
        let text = try String(contentsOf: repositoryFile(guide), encoding: .utf8)
        var blocks: [(Int, [String])] = [], current: [String]? = nil, start = 0
        for (number, line) in text.components(separatedBy: "\n").enumerated() {
            if current == nil, line.trimmingCharacters(in: .whitespaces) == "```\(language)" {
                current = []
                start = number + 1
            } else if current != nil, line.trimmingCharacters(in: .whitespaces) == "```" {
                blocks.append((start, current!))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    static let manifestStarts = ["// swift-tools-version", "// Package.swift", ".testTarget(", ".target(", ".executableTarget(", "dependencies:"]

    @Test("Every Swift snippet of the README and the guides is code a test compiles", arguments: guides)
    func swiftSnippets(_ guide: String) throws {
        for (start, block) in try Self.blocks("swift", in: guide) {
            let lines = block.map { $0.trimmingCharacters(in: .whitespaces) }
            if let first = lines.first(where: { !$0.isEmpty }), Self.manifestStarts.contains(where: first.hasPrefix) { continue }
            // The runs of lines between the `// …` that stand for code left out.
            var runs: [[String]] = [[]]
            for line in lines {
                if line == "// …" || line == "…" { runs.append([]); continue }
                if line.isEmpty || line.hasPrefix("///") || line.hasPrefix("import ") || line.hasPrefix("let path = ")
                    || line.hasPrefix("let url = ")
                {
                    continue
                }
                // A comment the guide adds after the code (`RuleID(…)   // "ns/name"`) need not be in the source.
                let code = line.range(of: #"\s{2,}// .*$"#, options: .regularExpression).map { String(line[..<$0.lowerBound]) } ?? line
                runs[runs.count - 1].append(code)
            }
            for run in runs where !run.isEmpty {
                let found = Self.sources.contains { _, source in
                    source.indices.contains { index in
                        index + run.count <= source.count
                            && run.indices.allSatisfy { source[index + $0].contains(run[$0]) }
                    }
                }
                #expect(found, "\(guide):\(start + 1): this snippet is in no file that a test compiles:\n\(run.joined(separator: "\n"))")
            }
        }
    }

    @Test("Every budget the guides show in JSON decodes", arguments: guides)
    func jsonBudgets(_ guide: String) throws {
        for (start, block) in try Self.blocks("json", in: guide) where block.joined().contains("clusterkit.budget/1") {
            #expect(throws: Never.self, "\(guide):\(start + 1)") {
                _ = try BudgetFile.read(Data(block.joined(separator: "\n").utf8), file: "\(guide).json")
            }
        }
    }
}
