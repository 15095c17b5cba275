import ClusterKitCore
import Foundation

/// Renders a report as SARIF 2.1.0 (the OASIS Static Analysis Results Interchange Format), for CI systems and code
/// scanning dashboards. The output validates against the official schema (`sarif-schema-2.1.0.json`).
///
/// One run holds every budget of the report. The driver lists every rule it is given — pass the descriptions of the
/// rules that may report (e.g. every built-in rule) — with its name, rationale, default level and a `helpUri` to its
/// section of the rules reference. Each result carries `ruleId` (and `ruleIndex` when the rule is listed), `level`,
/// the message in the renderer's language, and a location: the budget file as `artifactLocation.uri`, and the budget
/// lines concerned as logical locations (`name` the line id, `fullyQualifiedName` its JSON path such as
/// `resources[3]`). The figures `clusterkit.report/1` gives (measured, threshold, lines, remediation) are in each
/// result's `properties`; what concerns a budget as a whole — the lines its shares leave out, its provenance, and
/// what a table's reader inferred (`inferred`, as `budgets[].inferred` writes it) — is in the run's
/// `properties.budgets`.
///
/// ```swift
/// let sarif = SARIFReportRenderer(
///     rules: BuiltInRules.all.map(\.ruleDescription),
///     tool: .clusterKit(version: "1.0.0", rulesReference: "https://example.org/clusterkit/Rules.md"),
///     options: RenderingOptions(language: .french))
/// print(sarif.render(report))
/// ```
///
/// The same report always gives the same bytes (keys sorted).
public struct SARIFReportRenderer: ReportRenderer {
    /// Who produced the results: SARIF's `tool.driver`.
    public struct ToolInfo: Hashable, Sendable {
        /// The tool's name (`ClusterKit`).
        public var name: String
        /// Its version (e.g. `0.1.0`).
        public var version: String
        /// An absolute URI where one learns about the tool, if it has one (SARIF's optional `informationUri`).
        public var informationURI: String?
        /// The URI of the rules reference; a rule's `helpUri` is this URI followed by `#` and the rule's
        /// anchor: its id, `/` written `-` for a host's rule (`acme-matching-funds`). It may be relative to the repository the report is about.
        public var rulesReferenceURI: String

        /// Describes a tool.
        public init(name: String, version: String, informationURI: String? = nil, rulesReferenceURI: String) {
            self.name = name
            self.version = version
            self.informationURI = informationURI
            self.rulesReferenceURI = rulesReferenceURI
        }

        /// ClusterKit at a version, its rules linking to `rulesReference`: the URI where you publish the rule reference
        /// (`Documentation/Rules.md`), absolute or relative to the repository the report is about.
        public static func clusterKit(version: String, rulesReference: String) -> ToolInfo {
            ToolInfo(name: "ClusterKit", version: version, rulesReferenceURI: rulesReference)
        }

        /// The rule reference (`Documentation/Rules.md`) of the ClusterKit sources this library was built from, as
        /// an absolute `file:` URI (SARIF requires absolute URIs).
        package static let bundledRulesReference: String = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Documentation/Rules.md").absoluteString
    }

    /// The SARIF version written.
    public static let version = "2.1.0"
    /// The schema the output declares (`$schema`).
    package static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// The rules the driver lists, in order.
    public var rules: [RuleDescription]
    /// The tool the run names.
    public var tool: ToolInfo
    /// The language of messages, rule names and descriptions.
    public var options: RenderingOptions
    var language: Language { options.language }

    /// Creates a renderer.
    /// - Parameters:
    ///   - rules: the descriptions of the rules that may report; a diagnostic of a rule not listed still appears,
    ///     without `ruleIndex`.
    ///   - tool: the tool the run names, such as ``ToolInfo/clusterKit(version:rulesReference:)``.
    ///   - options: the language of messages, rule names and descriptions.
    public init(
        rules: [RuleDescription], tool: ToolInfo, options: RenderingOptions = RenderingOptions()
    ) {
        self.rules = rules
        self.tool = tool
        self.options = options
    }

    public func render(_ report: Report) -> String {
        var json = JSONWriter()
        Log(schema: Self.schemaURI, version: Self.version, runs: [run(report)]).write(to: &json)
        return json.text
    }

    /// The URI of a rule's documentation.
    package func helpURI(for id: RuleID) -> String { tool.rulesReferenceURI + "#" + id.documentationAnchor }

    private func run(_ report: Report) -> Run {
        var indexes: [RuleID: Int] = [:]
        for (index, rule) in rules.enumerated() where indexes[rule.id] == nil { indexes[rule.id] = index }
        let descriptors = rules.map(descriptor)
        var results: [ResultObject] = []
        for budget in report.budgets {
            // The paths of the budget's lines, found once: a diagnostic may name thousands of lines.
            let paths = budget.budget.map(Self.linePaths(in:)) ?? [:]
            for diagnostic in budget.diagnostics {
                results.append(result(diagnostic, in: budget, paths: paths, ruleIndex: indexes[diagnostic.ruleID]))
            }
        }
        for diagnostic in report.diagnostics {
            results.append(result(diagnostic, in: nil, paths: [:], ruleIndex: indexes[diagnostic.ruleID]))
        }
        let summary = report.summary
        return Run(
            tool: ToolObject(driver: Driver(
                name: tool.name, version: tool.version, informationUri: tool.informationURI, rules: descriptors)),
            language: language.rawValue, results: results,
            properties: RunProperties(
                ruleSet: report.ruleSet,
                summary: ["errors": summary.errors, "warnings": summary.warnings, "notes": summary.notes],
                budgets: { let budgets = report.budgets.compactMap(BudgetProperties.init); return budgets.isEmpty ? nil : budgets }()))
    }

    private func descriptor(_ rule: RuleDescription) -> ReportingDescriptor {
        let format = ValueFormatter(language: language)
        // French typography in French, as in every renderer.
        func typeset(_ text: String) -> String { language == .french ? FrenchTypography.applied(to: text) : text }
        let citation = typeset("\(ReportWords.source(language)) \(rule.citation)")
        let rationale = typeset(rule.rationale(language))
        var markdown = "\(rationale)\n\n\(citation)"
        if !rule.parameters.isEmpty {
            let colon = language == .french ? "\u{00A0}:" : ":"
            markdown += "\n\n" + rule.parameters.map {
                "- `\($0.name)` = \(format.string($0.defaultValue))\(colon) \(typeset($0.summary(language)))"
            }.joined(separator: "\n")
        }
        return ReportingDescriptor(
            id: rule.id.description, name: rule.id.sarifName,
            shortDescription: MultiformatMessage(text: typeset(rule.name(language))),
            fullDescription: MultiformatMessage(text: rationale),
            help: MultiformatMessage(text: "\(rationale) \(citation)", markdown: markdown),
            helpUri: helpURI(for: rule.id),
            defaultConfiguration: Configuration(level: Self.level(rule.defaultSeverity)),
            properties: RuleProperties(
                citation: rule.citation.description,
                parameters: rule.parameters.isEmpty
                    ? nil : Dictionary(uniqueKeysWithValues: rule.parameters.map { ($0.name, $0.defaultValue.description) })))
    }

    /// A result; `budget` is `nil` for a diagnostic of the check itself (such as a suppression that matched nothing).
    private func result(
        _ diagnostic: Diagnostic, in budget: BudgetReport?, paths: [String: String], ruleIndex: Int?
    ) -> ResultObject {
        let logical = diagnostic.lines.map { line in
            LogicalLocation(name: line, fullyQualifiedName: paths[line], kind: "object")
        }
        let physical = budget?.file.map { PhysicalLocation(artifactLocation: ArtifactLocation(uri: Self.uri(forPath: $0))) }
        let location = Location(physicalLocation: physical, logicalLocations: logical.isEmpty ? nil : logical)
        let cluster = budget?.cluster.name ?? "", year = budget?.year
        return ResultObject(
            ruleId: diagnostic.ruleID.description, ruleIndex: ruleIndex, level: Self.level(diagnostic.severity),
            message: TextMessage(text: diagnostic.message.rendered(in: language)),
            locations: physical == nil && logical.isEmpty ? nil : [location],
            partialFingerprints: [
                "clusterkitDiagnostic/v1":
                    "\(diagnostic.ruleID)|\(diagnostic.message.id)|\(cluster)|\(year.map(String.init) ?? "")|\(diagnostic.lines.joined(separator: ","))"
            ],
            properties: ResultProperties(
                cluster: budget?.cluster.name, year: year, messageId: diagnostic.message.id.rawValue,
                measured: diagnostic.measured.map(JSONReportRenderer.number),
                threshold: diagnostic.threshold.map(JSONReportRenderer.number),
                lines: diagnostic.lines,
                remediation: diagnostic.remediation.map { JSONReportRenderer.RemediationDocument($0, of: nil, language: language) },
                reference: diagnostic.citation?.description))
    }

    /// SARIF's level for a severity: `error`, `warning` or `note`.
    static func level(_ severity: Severity) -> String { severity.rawValue }

    /// The JSON path of each line of a budget, by id: `resources[3]` or `expenses[0]`.
    static func linePaths(in budget: Budget) -> [String: String] {
        var paths: [String: String] = [:]
        for (index, line) in budget.expenses.enumerated().reversed() { paths[line.id] = "expenses[\(index)]" }
        for (index, line) in budget.resources.enumerated().reversed() { paths[line.id] = "resources[\(index)]" }
        return paths
    }

    /// A file path as a URI reference: absolute paths become `file://` URIs, relative ones stay relative; characters
    /// a URI cannot hold are percent-encoded.
    static func uri(forPath path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ";?#[]")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        if path.hasPrefix("/") { return "file://" + encoded }
        // A colon in the first segment would read as a scheme.
        if let colon = encoded.firstIndex(of: ":"), !encoded[..<colon].contains("/") { return "./" + encoded }
        return encoded
    }

    // The subset of the SARIF 2.1.0 object model ClusterKit writes.

    struct Log {
        let schema: String
        let version: String
        let runs: [Run]
    }

    struct Run {
        let tool: ToolObject
        let language: String
        let results: [ResultObject]
        let properties: RunProperties
    }

    struct RunProperties {
        let ruleSet: String
        let summary: [String: Int]
        /// The budgets whose shares leave lines out, whose figures say where they come from, or whose reader inferred
        /// values (absent otherwise).
        let budgets: [BudgetProperties]?
    }

    /// What a result's message cannot carry about its budget: the lines left out of the shares, and why, where the
    /// figures come from, and what a table's reader inferred (`inferred`, as `budgets[].inferred` of
    /// `clusterkit.report/1` writes it).
    struct BudgetProperties {
        let cluster: String
        let year: Int
        let file: String?
        let fundingBase: ExactNumber?
        let leftOut: [JSONReportRenderer.LeftOutDocument]?
        let provenance: Provenance?
        let inferred: [InferredValue]?

        init?(_ report: BudgetReport) {
            let provenance = report.provenance
            let leftOut = report.metrics.map { LeftOutLines($0).lines.map(JSONReportRenderer.LeftOutDocument.init) } ?? []
            var inferred: [InferredValue] = []
            if case .budget(let checked) = report.subject { inferred = checked.inferred }
            guard provenance != nil || !leftOut.isEmpty || !inferred.isEmpty else { return nil }
            self.inferred = inferred.isEmpty ? nil : inferred
            cluster = report.cluster.name
            year = report.year
            file = report.file
            fundingBase = leftOut.isEmpty ? nil : report.metrics.map { ExactNumber($0.fundingBase) }
            self.leftOut = leftOut.isEmpty ? nil : leftOut
            self.provenance = provenance
        }
    }

    struct ToolObject {
        let driver: Driver
    }

    struct Driver {
        let name: String
        let version: String
        let informationUri: String?
        let rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor {
        let id: String
        let name: String
        let shortDescription: MultiformatMessage
        let fullDescription: MultiformatMessage
        let help: MultiformatMessage
        let helpUri: String
        let defaultConfiguration: Configuration
        let properties: RuleProperties
    }

    struct RuleProperties {
        let citation: String
        let parameters: [String: String]?
    }

    struct MultiformatMessage {
        let text: String
        var markdown: String? = nil
    }

    struct Configuration {
        let level: String
    }

    struct ResultObject {
        let ruleId: String
        let ruleIndex: Int?
        let level: String
        let message: TextMessage
        let locations: [Location]?
        let partialFingerprints: [String: String]
        let properties: ResultProperties
    }

    struct TextMessage {
        let text: String
    }

    struct Location {
        let physicalLocation: PhysicalLocation?
        let logicalLocations: [LogicalLocation]?
    }

    struct PhysicalLocation {
        let artifactLocation: ArtifactLocation
    }

    struct ArtifactLocation {
        let uri: String
    }

    struct LogicalLocation {
        let name: String
        let fullyQualifiedName: String?
        let kind: String
    }

    struct ResultProperties {
        let cluster: String?
        let year: Int?
        let messageId: String
        let measured: ExactNumber?
        let threshold: ExactNumber?
        let lines: [String]
        let remediation: JSONReportRenderer.RemediationDocument?
        let reference: String?
    }
}

extension RuleID {
    /// The rule's name in SARIF's style: the id in upper camel case (`MembershipFeeFloor`, `AcmeMinimumMembers`).
    var sarifName: String {
        description.split(whereSeparator: { $0 == "-" || $0 == "/" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }
}

// Each object writes its members in the order of their keys' UTF-8 bytes, as `JSONEncoder`'s `.sortedKeys` wrote
// them; an optional member is left out when `nil`.

extension SARIFReportRenderer.Log: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("$schema", schema)
            json.field("runs", runs)
            json.field("version", version)
        }
    }
}

extension SARIFReportRenderer.Run: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("language", language)
            json.key("properties")
            json.object { json in
                if let budgets = properties.budgets {
                    json.field("budgets", budgets)
                }
                json.field("ruleSet", properties.ruleSet)
                json.key("summary")
                json.object(properties.summary) { $0.int($1) }
            }
            json.field("results", results)
            json.key("tool")
            json.object { json in
                json.key("driver")
                json.object { json in
                    let driver = tool.driver
                    json.field("informationUri", ifPresent: driver.informationUri)
                    json.field("name", driver.name)
                    json.field("rules", driver.rules)
                    json.field("version", driver.version)
                }
            }
        }
    }
}

extension SARIFReportRenderer.BudgetProperties: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("cluster", cluster)
            json.field("file", ifPresent: file)
            json.field("fundingBase", ifPresent: fundingBase)
            json.field("inferred", ifPresent: inferred)
            json.field("leftOut", ifPresent: leftOut)
            json.field("provenance", ifPresent: provenance)
            json.field("year", year)
        }
    }
}

extension SARIFReportRenderer.ReportingDescriptor: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("defaultConfiguration")
            json.object { $0.field("level", defaultConfiguration.level) }
            json.field("fullDescription", fullDescription)
            json.field("help", help)
            json.field("helpUri", helpUri)
            json.field("id", id)
            json.field("name", name)
            json.key("properties")
            json.object { json in
                json.field("citation", properties.citation)
                if let parameters = properties.parameters {
                    json.key("parameters")
                    json.object(parameters) { $0.string($1) }
                }
            }
            json.field("shortDescription", shortDescription)
        }
    }
}

extension SARIFReportRenderer.MultiformatMessage: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("markdown", ifPresent: markdown)
            json.field("text", text)
        }
    }
}

extension SARIFReportRenderer.ResultObject: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("level", level)
            json.field("locations", ifPresent: locations)
            json.key("message")
            json.object { $0.field("text", message.text) }
            json.key("partialFingerprints")
            json.object(partialFingerprints) { $0.string($1) }
            json.field("properties", properties)
            json.field("ruleId", ruleId)
            json.field("ruleIndex", ifPresent: ruleIndex)
        }
    }
}

extension SARIFReportRenderer.Location: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            if let logicalLocations {
                json.key("logicalLocations")
                json.array(logicalLocations) { json, location in
                    json.object { json in
                        json.field("fullyQualifiedName", ifPresent: location.fullyQualifiedName)
                        json.field("kind", location.kind)
                        json.field("name", location.name)
                    }
                }
            }
            if let physicalLocation {
                json.key("physicalLocation")
                json.object { json in
                    json.key("artifactLocation")
                    json.object { $0.field("uri", physicalLocation.artifactLocation.uri) }
                }
            }
        }
    }
}

extension SARIFReportRenderer.ResultProperties: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("cluster", ifPresent: cluster)
            json.field("lines", lines)
            json.field("measured", ifPresent: measured)
            json.field("messageId", messageId)
            json.field("reference", ifPresent: reference)
            json.field("remediation", ifPresent: remediation)
            json.field("threshold", ifPresent: threshold)
            json.field("year", ifPresent: year)
        }
    }
}
