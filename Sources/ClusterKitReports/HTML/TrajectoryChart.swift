import ClusterKitCore
import Foundation

/// A history's trajectory: the private share year by year as a line, the glide path from the baseline to the target
/// dashed, the target year marked, and each year behind the path marked with a triangle of its own colour.
struct TrajectoryChart: Sendable {
    var trajectory: Trajectory

    static let width = 420.0
    static let plot = (left: 44.0, right: 404.0, top: 24.0, bottom: 214.0)
    static let fontSize = 12.0

    /// The years the axis spans: the history's, and the path's baseline and target years.
    var years: ClosedRange<Int> {
        var low = trajectory.points.first?.year ?? 0, high = trajectory.points.last?.year ?? 0
        if let path = trajectory.path {
            low = min(low, path.baselineYear)
            high = max(high, path.targetYear)
        }
        return low...max(high, low + 1)
    }

    /// The top of the share axis: the next 10% above every share drawn (and 10% of room), at most 100%.
    var top: Double {
        var highest = trajectory.points.compactMap { $0.privateShare?.doubleValue }.max() ?? 0
        if let path = trajectory.path { highest = max(highest, path.target.doubleValue, path.baselineShare.doubleValue) }
        return min(1, ((highest + 0.1) * 10).rounded(.up) / 10)
    }

    /// The x of a year: the middle of its slot, so that the first and last years' labels stay clear of the share
    /// axis and inside the chart.
    func x(_ year: Int) -> Double {
        let slots = Double(years.upperBound - years.lowerBound + 1)
        return Self.plot.left + (Self.plot.right - Self.plot.left) * (Double(year - years.lowerBound) + 0.5) / slots
    }

    /// The y of a share.
    func y(_ share: Double) -> Double {
        Self.plot.bottom - (Self.plot.bottom - Self.plot.top) * min(max(share, 0), top) / top
    }

    /// The years drawn on the axis: each one, or every other when there are many.
    var tickYears: [Int] {
        let step = years.count > 10 ? 2 : 1
        return Array(stride(from: years.lowerBound, through: years.upperBound, by: step))
    }

    /// Every label: the axis, each known year's share above its point, the target, and the legend.
    func labels(format: HTMLFormat) -> [ChartLabel] {
        let size = Self.fontSize
        var labels: [ChartLabel] = []
        var tick = 0.0
        while tick <= top + 1e-9 {
            labels.append(ChartLabel(text: format.share(Share(Int64((tick * 10).rounded()), over: 10)), x: Self.plot.left - 6,
                                     y: y(tick) + 4, anchor: .end, size: size - 1, style: "axis"))
            tick += top > 0.5 ? 0.2 : 0.1
        }
        let yearsByIndex = Dictionary(uniqueKeysWithValues: trajectory.points.enumerated().map { ($0.element.year, $0.offset) })
        for year in tickYears {
            labels.append(ChartLabel(text: String(year), x: x(year), y: Self.plot.bottom + 19, anchor: .middle, size: size - 1,
                                     figure: yearsByIndex[year].map { "trajectory.years.\($0).year" }, style: "axis"))
        }
        for (index, point) in trajectory.points.enumerated() {
            guard let share = point.privateShare else { continue }
            // Above the point, or under it when the path (above) would cross the label.
            let offset = point.isBehind ? 21.0 : -9.0
            labels.append(ChartLabel(text: format.share(share), x: x(point.year), y: y(share.doubleValue) + offset, anchor: .middle,
                                     size: size, bold: true, figure: "trajectory.years.\(index).privateShare"))
        }
        if let path = trajectory.path {
            labels.append(ChartLabel(text: format.word(HTMLWords.target) + " " + format.share(path.target), x: x(path.targetYear) - 6,
                                     y: y(path.target.doubleValue) - 9, anchor: .end, size: size, figure: "trajectory.target"))
        }
        // The legend, under the axis: a sample of each mark and its word.
        let legendY = Self.plot.bottom + 44
        let entries = legendEntries(format: format)
        for (index, entry) in entries.enumerated() {
            labels.append(ChartLabel(text: entry.text, x: Self.legendX(index) + 26, y: legendY + Self.legendRow(index), size: size))
        }
        return labels
    }

    /// The legend's words.
    func legendEntries(format: HTMLFormat) -> [(mark: String, text: String)] {
        var entries = [("line", format.word(HTMLWords.privateShare))]
        if trajectory.path != nil {
            entries.append(("path", format.word(HTMLWords.glidePathLegend)))
            entries.append(("year", format.word(HTMLWords.targetYearLegend)))
        }
        if trajectory.points.contains(where: \.isBehind) { entries.append(("behind", format.word(HTMLWords.behindLegend))) }
        return entries
    }

    static func legendX(_ index: Int) -> Double { index % 2 == 0 ? 0 : width / 2 }
    static func legendRow(_ index: Int) -> Double { Double(index / 2) * 20 }

    /// The chart's height.
    func height(format: HTMLFormat) -> Double {
        Self.plot.bottom + 44 + Self.legendRow(max(legendEntries(format: format).count - 1, 0)) + 8
    }

    /// The segments of the private share's line: runs of consecutive known years (an unknown year breaks the line).
    var runs: [[(year: Int, share: Double)]] {
        var runs: [[(year: Int, share: Double)]] = [[]]
        for point in trajectory.points {
            if let share = point.privateShare {
                runs[runs.count - 1].append((point.year, share.doubleValue))
            } else if !runs[runs.count - 1].isEmpty {
                runs.append([])
            }
        }
        return runs.filter { !$0.isEmpty }
    }

    /// The chart as SVG; `describedBy` names its caption.
    func svg(format: HTMLFormat, describedBy: String) -> String {
        let n = SVG.number, plot = Self.plot
        let height = height(format: format)
        var out = SVG.open(width: Self.width, height: height, label: format.word(HTMLWords.trajectoryTitle),
                           describedBy: describedBy, className: "trajectory")
        // Grid and axes.
        var tick = 0.0
        out += "<g stroke=\"#c8c8c8\" stroke-width=\"0.8\">"
        while tick <= top + 1e-9 {
            out += "<line x1=\"\(n(plot.left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(plot.right))\" y2=\"\(n(y(tick)))\"/>"
            tick += top > 0.5 ? 0.2 : 0.1
        }
        out += "</g>"
        out += "<line x1=\"\(n(plot.left))\" y1=\"\(n(plot.bottom))\" x2=\"\(n(plot.right))\" y2=\"\(n(plot.bottom))\" stroke=\"\(ChartPalette.ink)\"/>"
        for year in tickYears {
            out += "<line x1=\"\(n(x(year)))\" y1=\"\(n(plot.bottom))\" x2=\"\(n(x(year)))\" y2=\"\(n(plot.bottom + 4))\" stroke=\"\(ChartPalette.ink)\"/>"
        }
        if let path = trajectory.path {
            // The target year, then the glide path.
            out += "<line class=\"target-year\" x1=\"\(n(x(path.targetYear)))\" y1=\"\(n(plot.top - 8))\" x2=\"\(n(x(path.targetYear)))\" "
                + "y2=\"\(n(plot.bottom))\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"1.2\" stroke-dasharray=\"2 3\"/>"
            out += "<line class=\"glide-path\" x1=\"\(n(x(path.baselineYear)))\" y1=\"\(n(y(path.baselineShare.doubleValue)))\" "
                + "x2=\"\(n(x(path.targetYear)))\" y2=\"\(n(y(path.target.doubleValue)))\" stroke=\"\(ChartPalette.publicColors[1])\" "
                + "stroke-width=\"2.5\" stroke-dasharray=\"8 5\"/>"
            out += "<circle cx=\"\(n(x(path.targetYear)))\" cy=\"\(n(y(path.target.doubleValue)))\" r=\"5\" fill=\"#ffffff\" "
                + "stroke=\"\(ChartPalette.publicColors[1])\" stroke-width=\"2.5\"/>"
        }
        for run in runs {
            let points = run.map { "\(n(x($0.year))),\(n(y($0.share)))" }.joined(separator: " ")
            out += "<polyline class=\"private-share\" points=\"\(points)\" fill=\"none\" stroke=\"\(ChartPalette.privateColors[1])\" stroke-width=\"3\"/>"
        }
        for point in trajectory.points {
            guard let share = point.privateShare else { continue }
            let px = x(point.year), py = y(share.doubleValue)
            if point.isBehind {
                out += "<path class=\"behind\" d=\"M\(n(px)) \(n(py + 7))L\(n(px - 7)) \(n(py - 5))L\(n(px + 7)) \(n(py - 5))Z\" "
                    + "fill=\"\(ChartPalette.alert)\" stroke=\"#ffffff\" stroke-width=\"1\"/>"
            } else {
                out += "<circle cx=\"\(n(px))\" cy=\"\(n(py))\" r=\"4.5\" fill=\"\(ChartPalette.privateColors[1])\" stroke=\"#ffffff\" stroke-width=\"1\"/>"
            }
        }
        // The legend's marks.
        let legendY = plot.bottom + 44
        for (index, entry) in legendEntries(format: format).enumerated() {
            let lx = Self.legendX(index), ly = legendY + Self.legendRow(index) - 4
            switch entry.mark {
            case "line":
                out += "<line x1=\"\(n(lx))\" y1=\"\(n(ly))\" x2=\"\(n(lx + 20))\" y2=\"\(n(ly))\" stroke=\"\(ChartPalette.privateColors[1])\" stroke-width=\"3\"/>"
            case "path":
                out += "<line x1=\"\(n(lx))\" y1=\"\(n(ly))\" x2=\"\(n(lx + 20))\" y2=\"\(n(ly))\" stroke=\"\(ChartPalette.publicColors[1])\" stroke-width=\"2.5\" stroke-dasharray=\"6 3\"/>"
            case "year":
                out += "<line x1=\"\(n(lx + 10))\" y1=\"\(n(ly - 7))\" x2=\"\(n(lx + 10))\" y2=\"\(n(ly + 7))\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"1.2\" stroke-dasharray=\"2 3\"/>"
            default:
                out += "<path d=\"M\(n(lx + 10)) \(n(ly + 6))L\(n(lx + 3)) \(n(ly - 6))L\(n(lx + 17)) \(n(ly - 6))Z\" fill=\"\(ChartPalette.alert)\"/>"
            }
        }
        for label in labels(format: format) { out += label.svg }
        return out + "</svg>"
    }
}
