import Foundation

/// A value shared between threads, read and written under a lock.
///
/// The lock is `NSLock`, a pthread mutex, which ThreadSanitizer understands. `Mutex`, from the Synchronization
/// module, waits on a raw futex on Linux, which ThreadSanitizer does not see: every access made under it is
/// reported as a race, and the sanitizer run (`Scripts/sanitizers.sh`) could not tell a real race from those.
package final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    package init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, alone: no other thread reads or writes it meanwhile.
    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
