import Foundation

/// Where the fuzzing files are, for the replay tool and the regression tests.
public enum FuzzCorpus {
    /// The files at a path: the path itself if it is a file, else the regular files of the folder (not hidden),
    /// sorted by name; nothing when the path does not exist.
    public static func files(at url: URL) -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [url] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { url.appendingPathComponent($0) }.filter {
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0.path, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }

    /// The saved crashing inputs of a target: `Fuzz/regressions/<target>/` under the package root.
    public static func regressions(of target: FuzzTarget, packageRoot: URL) -> [URL] {
        files(at: packageRoot.appendingPathComponent("Fuzz/regressions/\(target.rawValue)"))
    }

    /// The committed seeds of a target (`Fuzz/seeds/<target>/`) and the examples whose extension it reads
    /// (`Examples/*.json`, …).
    public static func seeds(of target: FuzzTarget, packageRoot: URL) -> [URL] {
        files(at: packageRoot.appendingPathComponent("Fuzz/seeds/\(target.rawValue)"))
            + files(at: packageRoot.appendingPathComponent("Examples")).filter {
                target.seedExtensions.contains($0.pathExtension)
            }
    }
}

/// The environment variable that names the target of `clusterkit-fuzz` when its first argument does not.
public enum FuzzEnvironment {
    /// `CLUSTERKIT_FUZZ_TARGET`.
    public static let targetVariable = "CLUSTERKIT_FUZZ_TARGET"
}
