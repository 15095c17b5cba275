/// An option a command declares: a typed ``Option`` or a ``Flag``.
protocol CommandOption: Sendable {
    /// The option as the parser and the help see it.
    var spec: OptionSpec { get }
}

extension Option: CommandOption {}
extension Flag: CommandOption {}

/// One command of `clusterkit`: its name, what the overview and its help say of it, its options, and what it does.
///
/// ``Tool/commands`` lists every command once; the overview, the dispatch and « did you mean » are all made from that
/// list. A command's arguments are parsed against its options before it runs (a usage error, or `--help`, stops
/// there), so that `run` reads them typed from its ``Invocation``.
struct Command: Sendable {
    /// The word that runs it: `check`.
    let name: String
    /// What the overview shows after the name: `[FILE|FOLDER …]`, `RULE`.
    let arguments: String
    /// Its line in the overview.
    let abstract: String
    /// The USAGE line of its help.
    let usage: String
    /// The OVERVIEW line of its help.
    let summary: String
    /// The paragraph of its help after the usage line.
    let details: String
    /// Its options, in the order its help lists them; `--help` last.
    let options: [OptionSpec]
    /// Whether a usage error ends with « Run 'clusterkit NAME --help' for usage. »: every command's does but that of
    /// `rules`, which has always printed the error alone.
    let hintsHelp: Bool
    /// What it does with arguments that parsed.
    let run: @Sendable (Invocation) -> ToolOutput

    init(
        _ name: String, arguments: String = "", abstract: String, usage: String, summary: String, details: String = "",
        options: [any CommandOption], hintsHelp: Bool = true, run: @escaping @Sendable (Invocation) -> ToolOutput
    ) {
        self.name = name
        self.arguments = arguments
        self.abstract = abstract
        self.usage = usage
        self.summary = summary
        self.details = details
        self.options = (options + [Flag.help]).map(\.spec)
        self.hintsHelp = hintsHelp
        self.run = run
    }

    /// Its help: `clusterkit NAME --help`.
    var help: String { helpText(usage: usage, summary: summary, options: options, details: details) }

    /// Parses the arguments after the command's name, then answers `--help` or runs.
    func callAsFunction(_ arguments: [String], environment: ToolEnvironment) -> ToolOutput {
        let parsed: ParsedArguments
        do {
            parsed = try ParsedArguments(arguments, options: options)
        } catch {
            return usageError("\(error)")
        }
        if parsed[Flag.help] { return ToolOutput(status: 0, stdout: help) }
        return run(Invocation(command: self, arguments: parsed, environment: environment))
    }

    /// A usage error: status 2, `clusterkit NAME: message`, and where its help is.
    func usageError(_ message: String) -> ToolOutput {
        ToolOutput(
            status: 2,
            stderr: "clusterkit \(name): \(message)\n" + (hintsHelp ? "Run 'clusterkit \(name) --help' for usage.\n" : ""))
    }
}

/// One run of a command: its arguments, parsed, and where it runs.
struct Invocation {
    /// The command run.
    let command: Command
    /// Its arguments, parsed against its options.
    let arguments: ParsedArguments
    /// Where it runs.
    let environment: ToolEnvironment

    /// The arguments that are not options, in order.
    var positionals: [String] { arguments.positionals }

    /// The option's value, typed; `nil` when it is not given.
    subscript<Value>(option: Option<Value>) -> Value? { arguments[option] }

    /// Whether the flag is given.
    subscript(flag: Flag) -> Bool { arguments[flag] }

    /// A usage error of the command: status 2, the message, and where its help is.
    func usageError(_ message: String) -> ToolOutput { command.usageError(message) }
}
