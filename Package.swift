// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ClusterKit",
    platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2)],
    products: [
        .library(name: "ClusterKitCore", targets: ["ClusterKitCore"]),
        .library(name: "ClusterRules", targets: ["ClusterRules"]),
        .executable(name: "clusterkit", targets: ["clusterkit"]),
    ],
    targets: [
        .target(name: "ClusterKitCore"),
        .target(name: "ClusterRules", dependencies: ["ClusterKitCore"]),
        .executableTarget(name: "clusterkit", dependencies: ["ClusterKitCore", "ClusterRules"]),
        .testTarget(name: "ClusterKitCoreTests", dependencies: ["ClusterKitCore"]),
        .testTarget(name: "ClusterRulesTests", dependencies: ["ClusterRules", "ClusterKitCore"]),
        .testTarget(name: "clusterkitTests", dependencies: ["clusterkit", "ClusterRules", "ClusterKitCore"]),
    ],
    swiftLanguageModes: [.v6]
)
