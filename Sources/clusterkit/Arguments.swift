import ClusterKit

/// A command-line usage error: exit status 2, with a message naming the argument.
struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// An option a command accepts.
struct OptionSpec {
    var name: String
    var valueName: String?
    var allowed: [String] = []
    var help: String
    var takesValue: Bool { valueName != nil }
}

/// The parsed arguments of one command: options by name, and positionals in order.
struct ParsedArguments {
    var values: [String: String] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    func value(_ name: String) -> String? { values[name] }
    func has(_ name: String) -> Bool { flags.contains(name) }

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
            if spec.takesValue {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else if index < arguments.count {
                    value = arguments[index]
                    index += 1
                } else {
                    throw UsageError("option '--\(spec.name)' needs a value (\(spec.valueName!))")
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
