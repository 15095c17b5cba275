import ClusterKitCore
import Foundation

/// Turns a `Report` into text for people or machines. Rendering is apart from the data: one report, many renderers.
public protocol ReportRenderer: Sendable {
    /// The report as text.
    func render(_ report: Report) -> String
}
