import Foundation

/// How a team tunes a rule set for its funders, as a file says it: severities, rules turned off, parameters, and
/// suppressions with their justification — `clusterkit.config/1` JSON.
///
/// ```json
/// {
///   "format": "clusterkit.config/1",
///   "rules": {
///     "membership-fee-floor": { "severity": "error", "parameters": { "threshold": 0.2 } },
///     "event-risk": "off"
///   },
///   "suppressions": [
///     { "rule": "funder-dependency", "cluster": "Mecabourg", "line": "cg01",
///       "justification": "The department's support is voted for three years." }
///   ]
/// }
/// ```
///
/// - `format` is optional; when present it must be `clusterkit.config/1`.
/// - `rules` maps a rule id to a level (`"error"`, `"warning"`, `"note"` or `"off"`) or to an object with `severity`
///   (the same words) and `parameters`. A level other than `off` also turns the rule on, so naming an opt-in rule
///   enables it.
/// - Parameter values are JSON numbers, strings or booleans, converted exactly to the type the rule declares: a
///   share is a fraction from 0 to 1 (`0.2` is exactly 1/5 — read as a decimal, never as floating point), an amount a
///   number in major units (or a string such as `"1500.50"`), an integer a whole number.
/// - `suppressions` lists ``Suppression``s: `rule` and `justification` required; `cluster`, `year`, `line` optional.
///
/// Reading the file checks its shape; ``apply(to:available:)`` checks it against the rules. Either way a mistake is
/// an ``InputError`` naming the file, the field path (`rules.membership-fee-floor.parameters.threshold`) and the
/// reason — an unknown rule id (with the nearest ids), an unknown parameter, a value of the wrong type, a suppression
/// without a justification.
///
/// ```swift
/// let configuration = try Configuration(contentsOfFile: "clusterkit.json")
/// let engine = Engine(
///     ruleSet: try configuration.apply(to: .grappe, available: BuiltInRules.all),
///     suppressions: configuration.suppressions)
/// ```
public struct Configuration: Hashable, Sendable {
    /// The format identifier of a configuration document.
    package static let format = "clusterkit.config/1"

    /// A level a configuration gives a rule: a severity, or off.
    package enum Level: String, Hashable, Sendable, CaseIterable {
        /// On, its diagnostics errors.
        case error
        /// On, its diagnostics warnings.
        case warning
        /// On, its diagnostics notes.
        case note
        /// Off: the rule does not run.
        case off

        /// The severity, or `nil` for `off`.
        package var severity: Severity? { Severity(rawValue: rawValue) }
    }

    /// A parameter value as written in the file, before it is converted to the type the rule declares.
    package enum Value: Hashable, Sendable, CustomStringConvertible {
        /// A JSON number, exact.
        case number(Decimal)
        /// A JSON string.
        case text(String)
        /// `true` or `false`.
        case boolean(Bool)

        package var description: String {
            switch self {
            case .number(let number): "\(number)"
            case .text(let text): "\"\(text)\""
            case .boolean(let value): "\(value)"
            }
        }

        var typeName: String {
            switch self {
            case .number: "a number"
            case .text: "a string"
            case .boolean: "true or false"
            }
        }
    }

    /// What a configuration says about one rule.
    package struct RuleSettings: Hashable, Sendable {
        /// Its level; `nil` leaves the rule's severity (and whether it runs) as the rule set has it.
        package var level: Level?
        /// Parameter values by name.
        package var parameters: [String: Value]

        /// Creates settings.
        package init(level: Level? = nil, parameters: [String: Value] = [:]) {
            self.level = level
            self.parameters = parameters
        }
    }

    /// Settings by rule id.
    package var rules: [RuleID: RuleSettings]
    /// The suppressions, in the file's order.
    public var suppressions: [Suppression]
    /// The file the configuration was read from, named in errors.
    public var file: String?

    /// Creates a configuration in code.
    package init(rules: [RuleID: RuleSettings] = [:], suppressions: [Suppression] = [], file: String? = nil) {
        self.rules = rules
        self.suppressions = suppressions
        self.file = file
    }

    /// Reads a `clusterkit.config/1` document and checks its shape.
    /// - Throws: ``InputError`` naming the file, the field path and the reason.
    public init(data: Data, file: String? = nil) throws(InputError) {
        let document = try JSONInput.decode(Document.self, from: data, file: file)
        self.init(
            rules: document.rules,
            suppressions: document.suppressions.enumerated().map { index, suppression in
                var located = suppression
                located.origin = "\(file ?? "configuration"): suppressions[\(index)]"
                return located
            },
            file: file)
    }

    /// Reads a configuration file.
    /// - Throws: ``InputError`` when the file cannot be read or is not a valid configuration.
    public init(contentsOfFile path: String) throws(InputError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, path: "", reason: "cannot read the configuration file")
        }
        try self.init(data: data, file: path)
    }

    /// The rule set with this configuration's settings applied, in rule id order.
    ///
    /// A rule the configuration names must be in `ruleSet` or in `available` (for instance every built-in rule,
    /// `BuiltInRules.all`). A rule of `available` that the set lacks is added when the configuration gives it a level
    /// other than `off` — that is how a configuration turns an opt-in rule on; otherwise it stays out, its settings
    /// checked all the same (so that one configuration serves budgets of every kind, each with its own preset).
    /// Suppressions must name a rule of either.
    /// - Throws: ``InputError`` naming the file, the path (`rules.event-risk`, `rules.membership-fee-floor.parameters.threshold`,
    ///   `suppressions[0].rule`) and the reason: an unknown rule (with the nearest ids), an unknown parameter (with
    ///   the nearest names), a value of the wrong type or out of range, a rule that cannot be added.
    public func apply(to ruleSet: RuleSet, available: [any Rule] = []) throws(InputError) -> RuleSet {
        let known = ruleSet.ruleIDs + available.map(\.ruleDescription.id).filter { !ruleSet.contains($0) }
        func unknown(_ id: RuleID, at path: String) -> InputError {
            let nearest = Suggestions.nearest(to: id.description, among: known.map(\.description))
            return InputError(file: file, path: path, reason: "unknown rule '\(id)'" + Suggestions.hint(nearest))
        }
        var result = ruleSet
        for (id, settings) in rules.sorted(by: { $0.key < $1.key }) {
            let path = "rules.\(id)"
            if result.contains(id) {
                result = try configure(result, id, settings, at: path)
                continue
            }
            guard let rule = available.first(where: { $0.ruleDescription.id == id }) else { throw unknown(id, at: path) }
            let adding = settings.level.map { $0 != .off } ?? false
            var target = adding ? result : RuleSet(name: "check")
            do throws(RuleSetError) { try target.add(rule) } catch {
                throw InputError(file: file, path: path, reason: error.description)
            }
            target = try configure(target, id, settings, at: path)
            if adding { result = target }
        }
        for (index, suppression) in suppressions.enumerated() where !known.contains(suppression.rule) {
            throw unknown(suppression.rule, at: "suppressions[\(index)].rule")
        }
        return result
    }

    /// One rule's settings applied to a set that holds it.
    private func configure(
        _ ruleSet: RuleSet, _ id: RuleID, _ settings: RuleSettings, at path: String
    ) throws(InputError) -> RuleSet {
        guard let description = ruleSet.entry(id)?.description else { return ruleSet }
        var result = ruleSet
        if let level = settings.level {
            do throws(RuleSetError) {
                result = try result.settingEnabled(level != .off, for: id)
                if let severity = level.severity { result = try result.settingSeverity(severity, for: id) }
            } catch {
                throw InputError(file: file, path: path, reason: error.description)
            }
        }
        for (name, written) in settings.parameters.sorted(by: { $0.key < $1.key }) {
            let parameterPath = "\(path).parameters.\(name)"
            guard let declared = description.parameter(named: name) else {
                let names = description.parameters.map(\.name)
                let nearest = Suggestions.nearest(to: name, among: names)
                let listed = !nearest.isEmpty ? Suggestions.hint(nearest)
                    : names.isEmpty ? " (it has no parameter)"
                    : " (its parameters: \(names.joined(separator: ", ")))"
                throw InputError(file: file, path: parameterPath, reason: "rule '\(id)' has no parameter '\(name)'\(listed)")
            }
            let value = try Self.convert(written, to: declared, file: file, path: parameterPath)
            do throws(RuleSetError) {
                result = try result.settingParameter(name, to: value, for: id)
            } catch {
                if case .invalidParameterValue(_, _, let reason) = error {
                    throw InputError(file: file, path: parameterPath, reason: reason)
                }
                throw InputError(file: file, path: parameterPath, reason: error.description)
            }
        }
        return result
    }

    /// ` (did you mean 'a', 'b'?)`, or nothing.

    /// Converts a value as written to the type of the declared parameter, exactly.
    static func convert(
        _ value: Value, to parameter: RuleParameter, file: String?, path: String
    ) throws(InputError) -> ParameterValue {
        let expected: String
        switch (parameter.defaultValue, value) {
        case (.share, .number(let number)):
            if number >= 0, number <= 1, let share = Share(exactly: number) { return .share(share) }
            throw InputError(
                file: file, path: path, reason: "\(number) is not a share: write a fraction from 0 to 1, such as 0.15 for 15%")
        case (.share, _):
            expected = "a share (a fraction from 0 to 1, such as 0.15 for 15%)"
        case (.amount, .number(let number)):
            return .amount(number)
        case (.amount, .text(let text)):
            if FieldReader.isDecimalLiteral(text), let number = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) {
                return .amount(number)
            }
            expected = "an amount (a number such as 1500.50)"
        case (.amount, _):
            expected = "an amount (a number such as 1500.50)"
        case (.integer, .number(let number)):
            var rounded = Decimal()
            var copy = number
            NSDecimalRound(&rounded, &copy, 0, .plain)
            if rounded == number, let integer = Int(NSDecimalNumber(decimal: number).stringValue) { return .integer(integer) }
            throw InputError(file: file, path: path, reason: "\(number) is not a whole number")
        case (.integer, _):
            expected = "a whole number"
        case (.boolean, .boolean(let flag)):
            return .boolean(flag)
        case (.boolean, _):
            expected = "true or false"
        case (.text, .text(let text)):
            return .text(text)
        case (.text, _):
            expected = parameter.allowedValues.isEmpty
                ? "a string" : "one of \(parameter.allowedValues.map { "\"\($0)\"" }.joined(separator: ", "))"
        }
        throw InputError(file: file, path: path, reason: "expected \(expected), found \(value.typeName) \(value)")
    }
}

extension Configuration {
    /// The document's fields, read strictly: unknown fields are errors with a suggestion.
    package struct Document: Decodable, Hashable {
        package var rules: [RuleID: RuleSettings] = [:]
        package var suppressions: [Suppression] = []

        package init(from decoder: any Decoder) throws {
            let fields = try FieldReader(decoder, allowed: ["format", "rules", "suppressions"])
            try fields.checkFormat(Configuration.format)
            if fields.has("rules") {
                let container = try FieldReader(fields.decoder("rules"), allowedAny: true)
                for key in container.keys.sorted() {
                    guard let id = RuleID(parsing: key) else {
                        throw container.fail(
                            key, "'\(key)' is not a rule id: ids are kebab-case, such as membership-fee-floor or acme/minimum-members")
                    }
                    rules[id] = try RuleSettings(from: container.decoder(key))
                }
            }
            suppressions = try fields.array("suppressions") { decoder, _ in try Suppression(configuration: decoder) } ?? []
        }
    }
}

extension Configuration.RuleSettings {
    /// Reads `"off"` (or another level), or `{ "severity": …, "parameters": { … } }`.
    init(from decoder: any Decoder) throws {
        let levels = Configuration.Level.allCases.map(\.rawValue).joined(separator: ", ")
        if let single = try? decoder.singleValueContainer(), let word = try? single.decode(String.self) {
            guard let level = Configuration.Level(rawValue: word) else {
                throw DecodingError.dataCorruptedError(in: single, debugDescription: "'\(word)' is not a level: write one of \(levels)")
            }
            self.init(level: level)
            return
        }
        let fields: FieldReader
        do {
            fields = try FieldReader(decoder, allowed: ["severity", "parameters"])
        } catch DecodingError.typeMismatch(_, let context) {
            throw DecodingError.typeMismatch(
                [String: String].self,
                .init(codingPath: context.codingPath,
                      debugDescription: "expected a level (\(levels)) or an object with severity and parameters"))
        }
        var level: Configuration.Level?
        if let word = try fields.optional("severity", as: String.self) {
            guard let parsed = Configuration.Level(rawValue: word) else {
                throw fields.fail("severity", "'\(word)' is not a severity: write one of \(levels)")
            }
            level = parsed
        }
        var parameters: [String: Configuration.Value] = [:]
        if fields.has("parameters") {
            let container = try FieldReader(fields.decoder("parameters"), allowedAny: true)
            for key in container.keys {
                parameters[key] = try Configuration.Value(from: container.decoder(key))
            }
        }
        self.init(level: level, parameters: parameters)
    }
}

extension Configuration.Value {
    /// Reads a JSON number (as an exact decimal), string or boolean.
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .boolean(flag)
        } else if let number = try? container.decode(Decimal.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "a parameter value is a number, a string, or true or false")
        }
    }
}

extension Suppression {
    /// Reads one entry of `suppressions`; a missing or blank justification is an error.
    init(configuration decoder: any Decoder) throws {
        let fields = try FieldReader(decoder, allowed: ["rule", "cluster", "year", "line", "justification"])
        let text: String = try fields.required("rule")
        guard let rule = RuleID(parsing: text) else {
            throw fields.fail("rule", "'\(text)' is not a rule id")
        }
        let reason = "a suppression must carry a justification: say why the diagnostic does not apply"
        guard fields.has("justification") else {
            let key = AnyCodingKey("justification")
            throw DecodingError.keyNotFound(
                key, .init(codingPath: fields.codingPath + [key], debugDescription: "required field 'justification' is missing: \(reason)"))
        }
        let justification: String = try fields.required("justification")
        guard !Self.isBlank(justification) else {
            throw fields.fail("justification", "the justification is empty: \(reason)")
        }
        self.init(
            rule: rule, cluster: try fields.optional("cluster"), year: try fields.year("year"), line: try fields.optional("line"),
            justification: justification)
    }
}
