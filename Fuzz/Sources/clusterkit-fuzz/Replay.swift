import ClusterKitFuzzTargets
import Foundation

/// Replays inputs (files, or every file of folders) through a fuzz target, printing what became of each.
enum Replay {
    /// Returns 0 when every path could be read, 2 otherwise. An input that breaks the target traps, as under
    /// libFuzzer: the last line printed names it.
    static func run(_ target: FuzzTarget, paths: [String]) -> Int32 {
        var status: Int32 = 0
        for path in paths {
            for file in FuzzCorpus.files(at: URL(fileURLWithPath: path)) {
                guard let data = FileManager.default.contents(atPath: file.path) else {
                    FileHandle.standardError.write(Data("\(file.path): cannot read the file\n".utf8))
                    status = 2
                    continue
                }
                // Name the input before running it, unbuffered: if it traps, the last line names it.
                FileHandle.standardOutput.write(Data("\(file.path): ".utf8))
                let outcome = switch target.run(data) {
                case .accepted: "accepted\n"
                case .rejected(let error): "rejected: \(error)\n"
                }
                FileHandle.standardOutput.write(Data(outcome.utf8))
            }
        }
        return status
    }
}
