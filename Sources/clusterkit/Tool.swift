import ClusterKit
import Foundation

/// What a command produced: its exit status and what it printed.
struct ToolOutput: Equatable {
    /// 0: no error; 1: a diagnostic is an error (or a warning with `--strict`); 2: bad input or command line.
    var status: Int32
    var stdout: String = ""
    var stderr: String = ""
}

/// Where the tool runs: what it may ask of its surroundings (a terminal, environment variables).
struct ToolEnvironment {
    var stdoutIsTerminal: Bool = false
    var variables: [String: String] = [:]
    /// Where a command writes its standard output as it goes, for an output too large to hold (a funder's folder
    /// checked with `check`); `nil`: the output is returned whole in ``ToolOutput/stdout``.
    var writeStdout: ((String) -> Void)?
}

/// The `clusterkit` command: dispatches to its subcommands.
enum Tool {
    static let version = "0.1.0"

    /// Every command, in the order the overview lists them: the one list the overview, the dispatch and « did you
    /// mean » are made from.
    static let commands: [Command] = [
        CheckCommand.command, RulesCommand.command, ExplainCommand.command, MetricsCommand.command,
        ConvertCommand.command, PlanCommand.command, WhatIfCommand.command,
        TemplateCommand.command,
        SourcesCommand.command,
    ]

    /// `clusterkit --help`: what the tool does, and each command with its line.
    static let overview = """
        OVERVIEW: Check a cluster's budget against the guidance of the memento « Modèles économiques des clusters » \
        (France Clusters, 2013).

        USAGE: clusterkit <command> [options]

        COMMANDS:

        """ + commands.map { command in
            let left = "  " + command.name + (command.arguments.isEmpty ? "" : " " + command.arguments)
            return left.padding(toLength: max(left.count + 2, 26), withPad: " ", startingAt: 0) + command.abstract + "\n"
        }.joined() + """

        OPTIONS:
          --help, -h              Show help (also: clusterkit <command> --help)
          --version               Show the version

        EXIT STATUS: 0 no error; 1 a diagnostic is an error (with --strict, a warning too); 2 bad input or usage.

        """

    static func run(_ arguments: [String], environment: ToolEnvironment = ToolEnvironment()) -> ToolOutput {
        guard let name = arguments.first else { return ToolOutput(status: 2, stderr: overview) }
        if let command = commands.first(where: { $0.name == name }) {
            return command(Array(arguments.dropFirst()), environment: environment)
        }
        switch name {
        case "--help", "-h", "help": return ToolOutput(status: 0, stdout: overview)
        case "--version": return ToolOutput(status: 0, stdout: "clusterkit \(version)\n")
        default:
            let nearest = Suggestions.nearest(to: name, among: commands.map(\.name) + ["help"], limit: 1)
            return ToolOutput(
                status: 2,
                stderr: "clusterkit: unknown command '\(name)'" + Suggestions.hint(nearest)
                    + "\nRun 'clusterkit --help' for usage.\n")
        }
    }
}
