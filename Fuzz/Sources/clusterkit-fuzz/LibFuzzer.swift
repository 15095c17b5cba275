#if FUZZING
import ClusterKitFuzzTargets
import Foundation

/// libFuzzer's driver, for programs that have their own `main` (this one: SwiftPM links executables with theirs).
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// libFuzzer's own mutations, for the custom mutator to fall back on.
@_silgen_name("LLVMFuzzerMutate")
private func LLVMFuzzerMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int) -> Int

/// libFuzzer's custom mutator hook: half the time a structure-aware mutation of the target's format (a JSON value
/// or key, a CSV row or cell), else libFuzzer's byte mutations.
@_cdecl("LLVMFuzzerCustomMutator")
func customMutator(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    var random = SeededGenerator(seed: UInt64(seed))
    if random.chance(50),
        let mutant = StructureMutator.mutate(Data(bytes: data, count: size), for: LibFuzzer.target, using: &random),
        mutant.count <= maxSize
    {
        mutant.copyBytes(to: data, count: mutant.count)
        return mutant.count
    }
    return LLVMFuzzerMutate(data, size, maxSize)
}

/// Hands one fuzz target to libFuzzer.
enum LibFuzzer {
    /// The target libFuzzer's callback runs; set once, before libFuzzer starts.
    nonisolated(unsafe) static var target: FuzzTarget = .check

    /// Runs libFuzzer with `arguments` (its flags and corpus folders) on `target`; does not return.
    static func run(_ target: FuzzTarget, arguments: [String]) -> Never {
        Self.target = target
        var strings: [UnsafeMutablePointer<CChar>?] = ([CommandLine.arguments[0]] + arguments).map { strdup($0) }
        strings.append(nil)
        var argc = Int32(strings.count - 1)
        let status = strings.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var argv = buffer.baseAddress!
            return LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
                let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
                _ = LibFuzzer.target.run(data)
                return 0
            }
        }
        exit(status)
    }
}
#endif
