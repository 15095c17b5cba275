import ClusterKitFuzzTargets
import Foundation

// clusterkit-fuzz: one executable, two builds.
//
// Built with `-sanitize=fuzzer,address -D FUZZING` (Scripts/fuzz.sh), it is a libFuzzer fuzzer:
//     clusterkit-fuzz TARGET [libFuzzer flags] [CORPUS_DIR …]
// Built plainly (`swift build`), it replays inputs through a target and says what became of each:
//     clusterkit-fuzz TARGET FILE|DIR …
// TARGET is one of FuzzTarget's raw values (budget-decoder, check, …); it may also come from the environment
// variable CLUSTERKIT_FUZZ_TARGET, which is how libFuzzer's own child processes (-fork, -merge) find it.
// Built plainly, it also runs the concurrency scenarios (ConcurrencyCheck) on a folder of examples, the run that CI
// makes under ThreadSanitizer:
//     clusterkit-fuzz --concurrency DIR

let targets = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
let usage = """
    usage: clusterkit-fuzz TARGET [FILE|DIR …]     (replay; built with -D FUZZING: libFuzzer flags and corpora)
           clusterkit-fuzz --concurrency DIR         (the concurrency scenarios on DIR's JSON examples)
    targets: \(targets)

    """

var arguments = Array(CommandLine.arguments.dropFirst())
#if !FUZZING
if arguments.first == "--concurrency" {
    guard arguments.count == 2 else {
        FileHandle.standardError.write(Data(usage.utf8))
        exit(2)
    }
    exit(await ConcurrencyRun.run(examples: URL(fileURLWithPath: arguments[1])))
}
#endif
let target: FuzzTarget
if let first = arguments.first, let named = FuzzTarget(rawValue: first) {
    target = named
    arguments.removeFirst()
    setenv(FuzzEnvironment.targetVariable, named.rawValue, 1)
} else if let name = ProcessInfo.processInfo.environment[FuzzEnvironment.targetVariable],
    let named = FuzzTarget(rawValue: name)
{
    target = named
} else {
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}

#if FUZZING
LibFuzzer.run(target, arguments: arguments)
#else
exit(Replay.run(target, paths: arguments))
#endif
