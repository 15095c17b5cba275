import ClusterKitCore
import Foundation

/// The repository's root, found from this file's path, so that tests read `Examples/` and `Tests/Fixtures/` as users
/// see them (never the shared folder beside a checkout: a user's clone has none).
package let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The file of the repository at a path relative to its root.
package func repositoryFile(_ path: String) -> URL { repositoryRoot.appendingPathComponent(path) }

/// The Mecabourg 2013 case study of `Examples/`.
package func mecabourg2013() throws -> Budget {
    try BudgetDecoder().decode(Data(contentsOf: repositoryFile("Examples/mecabourg-2013.json")), file: "Examples/mecabourg-2013.json").budget
}

/// A fresh, empty folder for a test's files, inside one folder of this test process that is removed when the process
/// exits: the tests leave nothing behind in the system's temporary folder.
package func scratchFolder(_ name: String) throws -> URL {
    let folder = scratchRoot.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// The process's folder of scratch folders, made (and its removal at exit registered) on first use.
private let scratchRoot: URL = {
    atexit { try? FileManager.default.removeItem(at: scratchRootURL(of: getpid())) }
    return scratchRootURL(of: getpid())
}()

private func scratchRootURL(of process: Int32) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("clusterkit-tests-process-\(process)")
}
