import ClusterKitCore
import ClusterRules
import Testing
import TestSupport

@testable import clusterkit

@Suite("clusterkit rules")
struct RulesCommandTests {
    /// The row of the listing that describes `id`.
    func row(_ id: String, in output: String) -> String? {
        output.split(separator: "\n").map(String.init).first { $0.hasPrefix(id + " ") }
    }

    /// The presets column of a row, as a list.
    func presets(_ row: String) -> [String] {
        row.split(separator: " ").map(String.init).first { $0.contains("all") }?.split(separator: ",").map(String.init) ?? []
    }

    @Test("Every built-in rule is listed once, with its default severity and the presets it belongs to")
    func everyRule() throws {
        let output = Tool.run(["rules"])
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("rule ") == true)
        #expect(lines.count == BuiltInRules.all.count + 1, "a header and one row per rule")
        for rule in BuiltInRules.all {
            let description = rule.ruleDescription
            let line = try #require(row(description.id.description, in: output.stdout), "\(description.id) is not listed")
            #expect(line.contains(" \(description.defaultSeverity.rawValue)"), "\(description.id): severity")
            #expect(line.contains("(opt-in)") == rule.isOptIn, "\(description.id): opt-in marker")
            let expected = Preset.allCases.filter { $0.ruleIDs.contains(description.id) }.map(\.rawValue)
            #expect(presets(line) == expected, "\(description.id): presets")
        }
    }

    @Test("Opt-in rules are only in `all`; pôle rules in `pole` and `all`; the rest everywhere")
    func membership() throws {
        let output = Tool.run(["rules"]).stdout
        let collective = try #require(row("collective-action-balance", in: output))
        #expect(collective.contains("warning (opt-in)"))
        #expect(presets(collective) == ["all"])
        let benchmark = try #require(row("pole-benchmark", in: output))
        #expect(benchmark.contains(" note "))
        #expect(presets(benchmark) == ["pole", "all"])
        let reliance = try #require(row("success-fee-reliance", in: output))
        #expect(reliance.contains(" warning "))
        #expect(presets(reliance) == ["recommended", "pole", "grappe", "regional", "all"])
        let requalification = try #require(row("success-fee-requalification", in: output))
        #expect(requalification.hasSuffix("Requalification of success fees"))
        #expect(try #require(row("cluster-profile", in: output)).contains(" note "))
        #expect(try #require(row("budget-balance", in: output)).contains(" error "))
    }

    @Test("French names and header with --language fr; usage errors exit with 2")
    func languageAndUsage() {
        let french = Tool.run(["rules", "--language", "fr"])
        #expect(french.status == 0)
        #expect(french.stdout.hasPrefix("règle"))
        #expect(row("success-fee-requalification", in: french.stdout)?.hasSuffix("Requalification des success fees") == true)
        #expect(Tool.run(["rules", "extra"]).status == 2)
        #expect(Tool.run(["rules", "--language", "de"]).status == 2)
        #expect(Tool.run(["rules", "--help"]).stdout.contains("USAGE: clusterkit rules"))
    }
}
