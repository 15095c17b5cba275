import ClusterKit

/// A command-line usage error: exit status 2, with a message naming the argument.
struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// What the parser and the help know of an option, whatever its type: its name, the name of its value (none for a
/// flag), the values it allows (any when empty) and its help.
struct OptionSpec: Sendable {
    var name: String
    var valueName: String?
    var allowed: [String] = []
    var help: String
    var takesValue: Bool { valueName != nil }
}

/// An option that takes a value, declared once (`static let format = Option<ReportFormat>(…)`) and read typed from a
/// command's arguments: `invocation[Self.format]`.
struct Option<Value>: Sendable {
    /// The option as the parser and the help see it.
    let spec: OptionSpec
    /// The value of a text the parser accepted; `nil` leaves the option unset.
    let value: @Sendable (String) -> Value?

    /// An option whose value is any text, read by `value`.
    init(_ name: String, valueName: String, help: String, value: @escaping @Sendable (String) -> Value?) {
        spec = OptionSpec(name: name, valueName: valueName, help: help)
        self.value = value
    }
}

extension Option where Value == String {
    /// An option whose value is any text: a file, a name, a URI.
    init(_ name: String, valueName: String, help: String) {
        self.init(name, valueName: valueName, help: help) { $0 }
    }
}

extension Option where Value: CaseIterable & RawRepresentable & Sendable, Value.RawValue == String {
    /// An option whose value is one of the cases' raw values, in the cases' order (any other is a usage error).
    init(_ name: String, valueName: String, help: String, cases: [Value] = Array(Value.allCases)) {
        spec = OptionSpec(name: name, valueName: valueName, allowed: cases.map(\.rawValue), help: help)
        value = Value.init(rawValue:)
    }
}

extension Option where Value == Language {
    /// `--language en|fr`, the language of what a command prints.
    static func language(help: String = "Language: en (default) or fr") -> Self {
        Option("language", valueName: "language", help: help)
    }
}

extension Option where Value == String {
    /// `--sheet NAME`: the sheet of a workbook to read.
    static var sheet: Self {
        Option("sheet", valueName: "name", help: "In a workbook (.xlsx, .ods): the sheet to read (default: the first holding a budget)")
    }
}

/// An option without a value: set or not.
struct Flag: Sendable {
    /// The option as the parser and the help see it.
    let spec: OptionSpec

    init(_ name: String, help: String) { spec = OptionSpec(name: name, help: help) }

    /// `--help` (or `-h`), which every command takes, listed last.
    static let help = Flag("help", help: "Show this help")
}

/// The formats a report is printed in (`--format`).
enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, sarif, markdown, html, csv
}

/// When text output is coloured (`--color`).
enum ColorChoice: String, CaseIterable, Sendable {
    case auto, always, never
}

/// The parsed arguments of one command: options by name, and positionals in order.
struct ParsedArguments {
    var values: [String: String] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    /// The option's value, typed; `nil` when it is not given.
    subscript<Value>(option: Option<Value>) -> Value? { values[option.spec.name].flatMap(option.value) }

    /// Whether the flag is given.
    subscript(flag: Flag) -> Bool { flags.contains(flag.spec.name) }

    /// Parses `arguments` against the options a command declares. `--name value` and `--name=value` both work;
    /// `--` ends the options.
    init(_ arguments: [String], options: [OptionSpec]) throws(UsageError) {
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard !optionsEnded, argument.hasPrefix("-"), argument != "-" else {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if name == "-h" { name = "--help" }
            guard let spec = options.first(where: { "--\($0.name)" == name }) else {
                let known = options.map { "--\($0.name)" }
                let nearest = Suggestions.nearest(to: name, among: known, limit: 1)
                throw UsageError("unknown option '\(name)'" + Suggestions.hint(nearest))
            }
            if let valueName = spec.valueName {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else if index < arguments.count {
                    value = arguments[index]
                    index += 1
                } else {
                    throw UsageError("option '--\(spec.name)' needs a value (\(valueName))")
                }
                if !spec.allowed.isEmpty, !spec.allowed.contains(value) {
                    throw UsageError(
                        "option '--\(spec.name)' takes one of \(spec.allowed.joined(separator: ", ")), not '\(value)'")
                }
                values[spec.name] = value
            } else {
                guard inlineValue == nil else { throw UsageError("option '--\(spec.name)' takes no value") }
                flags.insert(spec.name)
            }
        }
    }
}

/// Formats a command's help from its usage line, summary and options.
func helpText(usage: String, summary: String, options: [OptionSpec], details: String = "") -> String {
    var text = "OVERVIEW: \(summary)\n\nUSAGE: \(usage)\n"
    if !details.isEmpty { text += "\n\(details)\n" }
    if !options.isEmpty {
        text += "\nOPTIONS:\n"
        for option in options {
            let left = "  --\(option.name)" + (option.valueName.map { " <\($0)>" } ?? "")
            text += left.padding(toLength: max(left.count + 2, 28), withPad: " ", startingAt: 0) + option.help + "\n"
        }
    }
    return text
}
