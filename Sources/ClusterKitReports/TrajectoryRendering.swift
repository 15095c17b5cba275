import ClusterKitCore
import Foundation

/// The words a report prints for a history's trajectory, in English and French.
package enum TrajectoryWords {
    /// The first line of a history in a text report, when a glide path is drawn.
    package static let header = MessageTemplate(
        id: "report.trajectory-header",
        english: "{cluster} {span} ({place}): private share by year, against the glide path from {baselineShare} in {baselineYear} to {target} in {targetYear}",
        french: "{cluster} {span} ({place}) : part privée par année, face à la trajectoire allant de {baselineShare} en {baselineYear} à {target} en {targetYear}")
    /// The first line of a history without a glide path (no dated target, a baseline not before the target year, or
    /// no known share in the baseline year).
    package static let headerWithoutPath = MessageTemplate(
        id: "report.trajectory-header-without-path",
        english: "{cluster} {span} ({place}): private share by year (no glide path: no dated target before which to draw it, or no known share in the baseline year)",
        french: "{cluster} {span} ({place}) : part privée par année (pas de trajectoire : pas d'objectif daté vers lequel la tracer, ou pas de part connue l'année de référence)")
    /// One year of the trajectory.
    package static let row = MessageTemplate(
        id: "report.trajectory-row", english: "{year}: {share} ({figure}), required {required}{behind}",
        french: "{year} : {share} ({figure}), requis {required}{behind}")
    /// Said of a year behind the path (after its required share in a text report, in the HTML report's table).
    package static let behind = LocalizedText(english: "behind", french: "en retard")
    /// A published figure.
    package static let published = LocalizedText(english: "published", french: "publié")
    /// A figure computed from the plan of financing, gross.
    package static let computedGross = LocalizedText(english: "computed, gross", french: "calculé, brut")
    /// A figure computed from the plan of financing, net.
    package static let computedNet = LocalizedText(english: "computed, net", french: "calculé, net")
    /// A year whose share is unknown.
    package static let unknown = LocalizedText(english: "not published", french: "non disponible")

    /// Every word without values, for the test that checks translations.
    package static var allTexts: [LocalizedText] { [behind, published, computedGross, computedNet, unknown] }
    /// Every word with values, for the test that checks translations and placeholders.
    package static var allTemplates: [MessageTemplate] { [header, headerWithoutPath, row] }

    /// How a figure was obtained.
    package static func source(_ figure: PrivateShareFigure?) -> LocalizedText {
        switch (figure?.source, figure?.basis) {
        case (nil, _): unknown
        case (.published?, _): published
        case (.computed?, .net?): computedNet
        case (.computed?, _): computedGross
        }
    }
}

extension Trajectory {
    /// The trajectory as text: a header naming the path, then one indented line per year.
    package func text(cluster: String, place: String, language: Language) -> String {
        let notAvailable = MessageArgument.localized(LocalizedText.notAvailable)
        let span = points.first.map { first in
            points.count > 1 ? "\(first.year)–\(points[points.count - 1].year)" : "\(first.year)"
        } ?? ""
        var out: String
        if let path {
            out = Message(TrajectoryWords.header, [
                "cluster": .text(cluster), "span": .text(span), "place": .text(place),
                "baselineShare": .share(path.baselineShare), "baselineYear": .integer(path.baselineYear),
                "target": .share(path.target), "targetYear": .integer(path.targetYear),
            ]).rendered(in: language)
        } else {
            out = Message(TrajectoryWords.headerWithoutPath, [
                "cluster": .text(cluster), "span": .text(span), "place": .text(place),
            ]).rendered(in: language)
        }
        out += "\n"
        for point in points {
            // Each field read once into a local: Swift 6.3's optimizer (CopyPropagation) trips over the nested optional
            // reads of `point` otherwise, and the release build crashes.
            let figure = point.figure, required = point.required, behind = point.isBehind
            out += "    " + Message(TrajectoryWords.row, [
                "year": .integer(point.year), "share": figure.map { .share($0.share) } ?? notAvailable,
                "figure": .localized(TrajectoryWords.source(figure)),
                "required": required.map { .share($0) } ?? notAvailable,
                "behind": .text(behind ? " — " + TrajectoryWords.behind(language) : ""),
            ]).rendered(in: language) + "\n"
        }
        return out
    }
}

extension JSONReportRenderer {
    /// The `trajectory` field of a history's entry: the glide path, then each year's share and required share.
    struct TrajectoryDocument {
        struct Year {
            let year: Int
            let privateShare: ExactNumber?
            let requiredShare: ExactNumber?
            let figure: FigureSource?
            let basis: SelfFinancingBasis?
            let total: ExactNumber?
            let behind: Bool
        }

        let basis: SelfFinancingBasis
        let figures: FigureSource
        let target: ExactNumber?
        let targetYear: Int?
        let baselineYear: Int?
        let baselineShare: ExactNumber?
        let years: [Year]

        init(_ trajectory: Trajectory) {
            basis = trajectory.basis
            figures = trajectory.preferring
            target = trajectory.path.map { JSONReportRenderer.share($0.target) }
            targetYear = trajectory.path?.targetYear
            baselineYear = trajectory.path?.baselineYear
            baselineShare = trajectory.path.map { JSONReportRenderer.share($0.baselineShare) }
            years = trajectory.points.map { point in
                Year(
                    year: point.year, privateShare: point.privateShare.map(JSONReportRenderer.share),
                    requiredShare: point.required.map(JSONReportRenderer.share), figure: point.figure?.source,
                    basis: point.figure?.basis, total: point.figure?.whole.map(ExactNumber.init), behind: point.isBehind)
            }
        }
    }
}
