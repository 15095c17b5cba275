// swift-tools-version: 6.0
import PackageDescription

// ClusterKit is this package's grandparent folder. SwiftPM names a path dependency after its folder, so the name to
// use in `.product(name:package:)` is that folder's — `ClusterKit` in a clone named so, whatever a CI checkout chose.
let clusterKit = Context.packageDirectory.split(separator: "/").dropLast(2).last.map(String.init) ?? "ClusterKit"

/// A host program's own extensions of ClusterKit — a revenue source, a funding regime and a rule for a regional
/// funder — built on ClusterKit's public API only, run with a built-in preset and tested with ClusterKitTesting.
let package = Package(
    name: "CustomRulePackage",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "RegionalFunder", targets: ["RegionalFunder"]),
        .executable(name: "regional-check", targets: ["regional-check"]),
    ],
    dependencies: [.package(path: "../..")],
    targets: [
        .target(
            name: "RegionalFunder",
            dependencies: [
                .product(name: "ClusterKitCore", package: clusterKit),
                .product(name: "ClusterRules", package: clusterKit),
            ]),
        .executableTarget(
            name: "regional-check",
            dependencies: ["RegionalFunder", .product(name: "ClusterKitReports", package: clusterKit)]),
        .testTarget(
            name: "RegionalFunderTests",
            dependencies: [
                "RegionalFunder", .product(name: "ClusterKitTesting", package: clusterKit),
                .product(name: "ClusterKitFormats", package: clusterKit),
                .product(name: "ClusterKitReports", package: clusterKit),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
