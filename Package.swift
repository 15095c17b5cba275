// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ClusterKit",
    platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2)],
    products: [
        .library(name: "ClusterKit", targets: ["ClusterKit"]),
        .library(name: "ClusterKitCore", targets: ["ClusterKitCore"]),
        .library(name: "ClusterKitFormats", targets: ["ClusterKitFormats"]),
        .library(name: "ClusterKitReports", targets: ["ClusterKitReports"]),
        .library(name: "ClusterKitPlanning", targets: ["ClusterKitPlanning"]),
        .library(name: "ClusterRules", targets: ["ClusterRules"]),
        .library(name: "ClusterKitTesting", targets: ["ClusterKitTesting"]),
        .executable(name: "clusterkit", targets: ["clusterkit"]),
    ],
    targets: [
        // The vocabulary and the engine; then what reads files, what prints reports and the planner, each a leaf on
        // the core; the memento's rules (whose plannable conformances need the planner); the umbrella.
        .target(name: "ClusterKitCore"),
        .target(name: "ClusterKitFormats", dependencies: ["ClusterKitCore"]),
        .target(name: "ClusterKitReports", dependencies: ["ClusterKitCore"]),
        .target(name: "ClusterKitPlanning", dependencies: ["ClusterKitCore"]),
        .target(name: "ClusterRules", dependencies: ["ClusterKitCore", "ClusterKitPlanning"]),
        .target(name: "ClusterKitTesting", dependencies: ["ClusterKitCore", "ClusterKitPlanning"]),
        .target(
            name: "ClusterKit",
            dependencies: ["ClusterKitCore", "ClusterKitFormats", "ClusterKitReports", "ClusterKitPlanning", "ClusterRules"]),
        .executableTarget(name: "clusterkit", dependencies: ["ClusterKit"]),
        // A regime a host program writes itself (Wallonia's 2007 decree), built and tested as an example.
        .target(name: "WalloniaRegimeExample", dependencies: ["ClusterKitCore"], path: "Examples/HostRegimes"),
        // One test-support target shared by every test target (the engine's test shorthands, the repository's files).
        .target(name: "TestSupport", dependencies: ["ClusterKitCore"], path: "Tests/TestSupport"),
        .testTarget(name: "ClusterKitCoreTests", dependencies: ["ClusterKitCore", "ClusterKitReports", "TestSupport"]),
        .testTarget(name: "ClusterKitFormatsTests", dependencies: ["ClusterKitFormats", "ClusterKitCore", "TestSupport"]),
        .testTarget(name: "ClusterKitReportsTests", dependencies: ["ClusterKitReports", "ClusterKitCore", "TestSupport"]),
        .testTarget(
            name: "ClusterKitPlanningTests", dependencies: ["ClusterKitPlanning", "ClusterKitCore", "TestSupport"]),
        .testTarget(
            name: "ClusterRulesTests",
            dependencies: ["ClusterKit", "ClusterKitTesting", "WalloniaRegimeExample", "TestSupport"]),
        .testTarget(
            name: "clusterkitTests", dependencies: ["clusterkit", "ClusterKit", "TestSupport"],
            exclude: ["Resources/README.md", "Golden"], resources: [.copy("Resources/sarif-2.1.0.json")]),
        // Robustness: the fuzz targets (Fuzz/), the libFuzzer/replay tool (Scripts/fuzz.sh), and the tests that
        // replay every saved crashing input and check properties over generated budgets.
        .target(
            name: "ClusterKitFuzzTargets", dependencies: ["ClusterKit"],
            path: "Fuzz/Sources/ClusterKitFuzzTargets"),
        .executableTarget(
            name: "clusterkit-fuzz", dependencies: ["ClusterKitFuzzTargets"], path: "Fuzz/Sources/clusterkit-fuzz"),
        .testTarget(
            name: "RobustnessTests",
            dependencies: ["ClusterKitFuzzTargets", "clusterkit", "ClusterKit", "TestSupport"]),
        // The benchmark (`swift run -c release clusterkit-bench`, Documentation/Performance.md), and the test that keeps
        // its hand-written baseline equal to the engine.
        .executableTarget(name: "clusterkit-bench", dependencies: ["ClusterKit"], path: "Benchmarks"),
        .testTarget(name: "BenchmarkTests", dependencies: ["clusterkit-bench", "ClusterKit", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
