import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let output = Tool.run(
    Array(CommandLine.arguments.dropFirst()),
    environment: ToolEnvironment(
        stdoutIsTerminal: isatty(STDOUT_FILENO) != 0, variables: ProcessInfo.processInfo.environment,
        writeStdout: { FileHandle.standardOutput.write(Data($0.utf8)) }))
FileHandle.standardOutput.write(Data(output.stdout.utf8))
FileHandle.standardError.write(Data(output.stderr.utf8))
exit(output.status)
