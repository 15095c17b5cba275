// The umbrella module: `import ClusterKit` gives a host every library of the package — the vocabulary and engine
// (ClusterKitCore), the file readers (ClusterKitFormats), the report renderers (ClusterKitReports), the planner
// (ClusterKitPlanning) and the memento's rules (ClusterRules). A host that needs only some imports those alone.

@_exported import ClusterKitCore
@_exported import ClusterKitFormats
@_exported import ClusterKitPlanning
@_exported import ClusterKitReports
@_exported import ClusterRules
