// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ClusterKit",
    platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2)],
    products: [
        .library(name: "ClusterKitCore", targets: ["ClusterKitCore"]),
        .library(name: "ClusterRules", targets: ["ClusterRules"]),
        .library(name: "ClusterKitTesting", targets: ["ClusterKitTesting"]),
        .executable(name: "clusterkit", targets: ["clusterkit"]),
    ],
    targets: [
        .target(name: "ClusterKitCore"),
        .target(name: "ClusterRules", dependencies: ["ClusterKitCore"]),
        .target(name: "ClusterKitTesting", dependencies: ["ClusterKitCore"]),
        .executableTarget(name: "clusterkit", dependencies: ["ClusterKitCore", "ClusterRules"]),
        // A regime a host program writes itself (Wallonia's 2007 decree), built and tested as an example.
        .target(name: "WalloniaRegimeExample", dependencies: ["ClusterKitCore"], path: "Examples/HostRegimes"),
        .testTarget(name: "ClusterKitCoreTests", dependencies: ["ClusterKitCore"]),
        .testTarget(
            name: "ClusterRulesTests",
            dependencies: ["ClusterRules", "ClusterKitCore", "ClusterKitTesting", "WalloniaRegimeExample"]),
        .testTarget(
            name: "clusterkitTests", dependencies: ["clusterkit", "ClusterRules", "ClusterKitCore"],
            exclude: ["Resources/README.md", "Golden"], resources: [.copy("Resources/sarif-2.1.0.json")]),
        // Robustness: the fuzz targets (Fuzz/), the libFuzzer/replay tool (Scripts/fuzz.sh), and the tests that
        // replay every saved crashing input and check properties over generated budgets.
        .target(
            name: "ClusterKitFuzzTargets", dependencies: ["ClusterKitCore", "ClusterRules"],
            path: "Fuzz/Sources/ClusterKitFuzzTargets"),
        .executableTarget(
            name: "clusterkit-fuzz", dependencies: ["ClusterKitFuzzTargets"], path: "Fuzz/Sources/clusterkit-fuzz"),
        .testTarget(
            name: "RobustnessTests",
            dependencies: ["ClusterKitFuzzTargets", "clusterkit", "ClusterRules", "ClusterKitCore"]),
        // The benchmark (`swift run -c release clusterkit-bench`, Documentation/Performance.md), and the test that keeps
        // its hand-written baseline equal to the engine.
        .executableTarget(name: "clusterkit-bench", dependencies: ["ClusterKitCore", "ClusterRules"], path: "Benchmarks"),
        .testTarget(name: "BenchmarkTests", dependencies: ["clusterkit-bench", "ClusterRules", "ClusterKitCore"]),
    ],
    swiftLanguageModes: [.v6]
)
