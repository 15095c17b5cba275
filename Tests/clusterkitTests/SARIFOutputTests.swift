import ClusterKitCore
import ClusterRules
import Foundation
import Testing
import TestSupport

@testable import ClusterKitReports
@testable import clusterkit

/// The official SARIF 2.1.0 schema (OASIS, errata 01), vendored in the test target's resources (`Resources/README.md`
/// says where it comes from), so that the tests pass on a clone of the repository alone.
func sarifSchema() throws -> JSONSchemaValidator {
    guard let url = Bundle.module.url(forResource: "sarif-2.1.0", withExtension: "json") else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "sarif-2.1.0.json is not in the test bundle"])
    }
    return JSONSchemaValidator(root: try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url)))
}

/// Every example budget of the repository: `Examples/*.json`, `Examples/csv/*.csv` and the Cerfa tables
/// `Examples/cerfa/*.csv`, relative paths.
func exampleBudgetFiles() throws -> [String] {
    let manager = FileManager.default
    let json = try manager.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Examples").path)
        .filter { $0.hasSuffix(".json") }.map { "Examples/\($0)" }
    let csv = try ["csv", "cerfa"].flatMap { folder in
        try manager.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Examples/\(folder)").path)
            .filter { $0.hasSuffix(".csv") }.map { "Examples/\(folder)/\($0)" }
    }
    return (json + csv).sorted()
}

@Suite("SARIF output")
struct SARIFOutputTests {
    @Test("Every example budget's SARIF validates against the SARIF 2.1.0 schema, in English and in French")
    func everyExampleValidates() throws {
        let schema = try sarifSchema()
        let files = try exampleBudgetFiles()
        #expect(files.count >= 5)
        for file in files {
            for language in ["en", "fr"] {
                let output = Tool.run(["check", repositoryRoot.appendingPathComponent(file).path, "--format", "sarif", "--language", language])
                #expect(output.status != 2, "\(file): \(output.stderr)")
                guard output.status != 2 else { continue }
                let document = try JSONValue(parsing: output.stdout)
                let errors = schema.errors(of: document)
                #expect(errors.isEmpty, "\(file) (\(language)): \(errors.prefix(5))")
                #expect(document["runs"]?[0]?["tool"]?["driver"]?["rules"]?.array?.count == BuiltInRules.all.count)
            }
        }
    }

    @Test("The validator rejects what the schema forbids (checked against Python's jsonschema by hand)",
          arguments: [
            ("level", #""level" : "warning""#, #""level" : "fatal""#),
            ("version", #""version" : "2\.1\.0""#, #""version" : "2.0.0""#),
            ("required version", #",\s*"version" : "2\.1\.0""#, ""),
            ("additional property", #""runs" : \["#, #""bogus" : 1, "runs" : ["#),
            ("ruleIndex minimum", #""ruleIndex" : \d+"#, #""ruleIndex" : -2"#),
            ("message type", #""message" : \{\s*"text" : "[^"]*""#, #""message" : { "text" : 3"#),
            ("language pattern", #""language" : "en""#, #""language" : "english""#),
            ("helpUri format", #""helpUri" : "file:"#, #""helpUri" : "not a uri file:"#),
          ])
    func validatorRejects(_ case: (name: String, pattern: String, replacement: String)) throws {
        let output = Tool.run(["check", example("mecabourg-2013.json"), "--format", "sarif"])
        let schema = try sarifSchema()
        #expect(schema.errors(of: try JSONValue(parsing: output.stdout)).isEmpty)
        #expect(output.stdout.range(of: `case`.pattern, options: .regularExpression) != nil, "the output changed: \(`case`.name)")
        let broken = output.stdout.replacingOccurrences(of: `case`.pattern, with: `case`.replacement, options: .regularExpression)
        #expect(schema.errors(of: try JSONValue(parsing: broken)).isEmpty == false, "\(`case`.name) should be invalid")
    }

    @Test("Mecabourg 2013: rules with help links, results with rule, level, message and the budget file as location")
    func mecabourg() throws {
        let path = example("mecabourg-2013.json")
        let output = Tool.run(["check", path, "--format", "sarif"])
        let run = try #require(try JSONValue(parsing: output.stdout)["runs"]?[0])
        let driver = try #require(run["tool"]?["driver"])
        #expect(driver["name"]?.string == "ClusterKit" && driver["version"]?.string == Tool.version)
        let rules = try #require(driver["rules"]?.array)
        for (rule, description) in zip(rules, BuiltInRules.all.map(\.ruleDescription)) {
            #expect(rule["id"]?.string == description.id.description)
            #expect(rule["shortDescription"]?["text"]?.string == description.name.english)
            #expect(rule["fullDescription"]?["text"]?.string == description.rationale.english)
            #expect(rule["defaultConfiguration"]?["level"]?.string == description.defaultSeverity.rawValue)
            #expect(rule["helpUri"]?.string?.hasSuffix("Documentation/Rules.md#\(description.id)") == true)
        }
        let results = try #require(run["results"]?.array)
        let billed = try #require(results.first { $0["ruleId"]?.string == "billed-revenue-floor" })
        #expect(billed["level"]?.string == "warning")
        #expect(billed["message"]?["text"]?.string?.hasPrefix("Billed revenue is 12.1% of resources") == true)
        let index = try #require(billed["ruleIndex"]?.number).description
        #expect(rules[Int(index) ?? -1]["id"]?.string == "billed-revenue-floor")
        let location = try #require(billed["locations"]?[0])
        #expect(location["physicalLocation"]?["artifactLocation"]?["uri"]?.string == "file://" + path)
        #expect(location["logicalLocations"]?[0]?["name"]?.string == "participations")
        #expect(location["logicalLocations"]?[0]?["fullyQualifiedName"]?.string == "resources[4]")
        #expect(billed["properties"]?["remediation"]?["amount"]?.number == 28_750)
        #expect(run["language"]?.string == "en")
        #expect(Tool.run(["check", path, "--format", "sarif"]).stdout == output.stdout, "same input, same bytes")
    }

    @Test("File paths become URI references: relative stays relative, absolute becomes file://, odd characters escaped")
    func uris() {
        #expect(SARIFReportRenderer.uri(forPath: "Examples/mecabourg-2013.json") == "Examples/mecabourg-2013.json")
        #expect(SARIFReportRenderer.uri(forPath: "/tmp/budget 2013.csv") == "file:///tmp/budget%202013.csv")
        #expect(SARIFReportRenderer.uri(forPath: "budgets/Région #2.json") == "budgets/R%C3%A9gion%20%232.json")
        #expect(SARIFReportRenderer.uri(forPath: "c:budget.json") == "./c:budget.json")
        #expect(JSONSchemaValidator.conforms(SARIFReportRenderer.uri(forPath: "mecabourg-2013.json (embedded)"), to: "uri-reference"))
    }
}
