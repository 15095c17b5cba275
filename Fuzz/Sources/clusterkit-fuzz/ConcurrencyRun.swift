#if !FUZZING
import ClusterKitFuzzTargets
import Foundation

/// `clusterkit-fuzz --concurrency DIR`: ConcurrencyCheck's scenarios, for a ThreadSanitizer build.
enum ConcurrencyRun {
    /// Returns 0 when every scenario gave the sequential answer, 1 when one did not, 2 when the examples could not
    /// be read; says which on standard output or error.
    static func run(examples: URL) async -> Int32 {
        do {
            let differences = try await ConcurrencyCheck.run(examples: examples)
            for difference in differences { FileHandle.standardError.write(Data("\(difference)\n".utf8)) }
            guard differences.isEmpty else { return 1 }
            print("concurrency: every parallel and concurrent check gave the sequential report")
            return 0
        } catch {
            FileHandle.standardError.write(Data("\(examples.path): \(error)\n".utf8))
            return 2
        }
    }
}
#endif
