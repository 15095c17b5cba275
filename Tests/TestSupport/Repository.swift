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
