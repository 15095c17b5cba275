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
}

/// The `clusterkit` command: dispatches to its subcommands.
enum Tool {
    static let version = "0.1.0"

    static let overview = """
        OVERVIEW: Check a cluster's budget against the guidance of the memento « Modèles économiques des clusters » \
        (France Clusters, 2013).

        USAGE: clusterkit <command> [options]

        COMMANDS:
          check [FILE|FOLDER …]   Check budgets (with no file: the embedded Mecabourg 2013 example)
          rules                   List the built-in rules, their default severity and presets
          explain RULE            Show one rule's documentation, parameters and source in the memento
          metrics FILE            Show a budget's figures as a table
          convert FILE            Print a budget (.xlsx, .ods, CSV or JSON) as clusterkit.budget/1 JSON
          plan FILE               Plan the least change that clears every finding together (--terms FILE)
          what-if FILE            Apply a scenario (--scenario FILE): findings before and after, and the plan

        OPTIONS:
          --help, -h              Show help (also: clusterkit <command> --help)
          --version               Show the version

        EXIT STATUS: 0 no error; 1 a diagnostic is an error (with --strict, a warning too); 2 bad input or usage.

        """

    static func run(_ arguments: [String], environment: ToolEnvironment = ToolEnvironment()) -> ToolOutput {
        guard let command = arguments.first else { return ToolOutput(status: 2, stderr: overview) }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "check": return CheckCommand.run(rest, environment: environment)
        case "rules": return RulesCommand.run(rest)
        case "explain": return ExplainCommand.run(rest)
        case "metrics": return MetricsCommand.run(rest)
        case "convert": return ConvertCommand.run(rest)
        case "plan": return PlanCommand.run(rest)
        case "what-if": return WhatIfCommand.run(rest)
        case "--help", "-h", "help": return ToolOutput(status: 0, stdout: overview)
        case "--version": return ToolOutput(status: 0, stdout: "clusterkit \(version)\n")
        default:
            let nearest = Suggestions.nearest(to: command, among: ["check", "rules", "explain", "metrics", "convert", "plan", "what-if", "help"], limit: 1)
            return ToolOutput(
                status: 2,
                stderr: "clusterkit: unknown command '\(command)'" + Suggestions.hint(nearest)
                    + "\nRun 'clusterkit --help' for usage.\n")
        }
    }
}
