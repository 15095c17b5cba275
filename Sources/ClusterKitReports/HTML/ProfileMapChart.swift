import ClusterKitCore
import Foundation

/// The memento's map of cluster profiles (p. 17, « Profils de clusters et autofinancement », state of play January
/// 2013): the size of the cluster (members) across, self-financing up; small up to 50 members, self-financing low
/// under 30% and high from 50%, « un équilibre précaire » between the two; the four quadrants under the memento's
/// names. Each cluster is a numbered mark at its latest year, with a path through its earlier years.
///
/// The thresholds are those the rule `cluster-profile` judges with — its parameters as configured, the memento's by
/// default — so that the map places a cluster where the rule's note places it.
struct ProfileMapChart: Sendable {
    /// What places a cluster on the map: the most members of a small cluster, the share under which self-financing is
    /// low and from which it is high, and the basis of the share.
    struct Thresholds: Equatable, Sendable {
        var smallMaximum = 50
        var low = Share(3, over: 10), high = Share(1, over: 2)
        var basis = SelfFinancingBasis.gross

        /// The memento's: 50 members, 30% and 50%, gross.
        init() {}

        /// The thresholds of `cluster-profile` in a rule set: each parameter as configured, else its default; the
        /// memento's where the set has no such rule (or none is known).
        init(_ ruleSet: RuleSet?) {
            guard let entry = ruleSet?.entry(Self.rule) else { return }
            func value(_ name: String) -> ParameterValue? {
                entry.parameters[name] ?? entry.description.parameters.first { $0.name == name }?.defaultValue
            }
            if case .integer(let members)? = value("smallMaximum") { smallMaximum = members }
            if case .share(let share)? = value("lowBelow") { low = share }
            if case .share(let share)? = value("highFrom") { high = share }
            if case .text(let word)? = value("basis"), let configured = SelfFinancingBasis(rawValue: word) { basis = configured }
        }

        /// The rule whose parameters these are.
        static let rule = RuleID("cluster-profile")
    }
    /// One cluster on the map: its number, kind and name, and its years with a known size and share, oldest first.
    struct Mark: Sendable {
        var number: Int
        var name: String
        var kind: ClusterKind?
        var years: [(year: Int, members: Int, share: Share)]
    }

    var marks: [Mark]
    /// Where the lines between small and large, low, balanced and high are drawn.
    let thresholds: Thresholds
    /// The members axis: from 10 to the next 1-2-5 step at or above the largest cluster (at least 1,000).
    let membersRange: (low: Double, high: Double)
    /// The top of the share axis: the next 10% above every share drawn (and 10% of room), at least 80%, at most 100%.
    let top: Double

    init(marks: [Mark], thresholds: Thresholds = Thresholds()) {
        self.marks = marks
        self.thresholds = thresholds
        let largest = marks.flatMap { $0.years.map(\.members) }.max() ?? 0
        var high = 1000.0
        while high < Double(largest) { high *= high.description.hasPrefix("2") ? 2.5 : 2 }
        membersRange = (10, high)
        let highest = marks.flatMap { $0.years.map(\.share.doubleValue) }.max() ?? 0
        top = min(1, max(0.8, ((highest + 0.1) * 10).rounded(.up) / 10))
    }

    static let width = 640.0
    static let plot = (left: 58.0, right: 618.0, top: 16.0, bottom: 396.0)
    static let fontSize = 12.0

    /// The memento's names of the quadrants, never translated (the rule `cluster-profile` keeps them too).
    static func quadrantName(small: Bool, high: Bool) -> String {
        switch (small, high) {
        case (true, true): "« La joyeuse meute »"
        case (false, true): "« La ruche bourdonnante »"
        case (true, false): "« Aube ou crépuscule »"
        case (false, false): "« La migration des gnous »"
        }
    }

    /// The memento's name of the band between low and high.
    static let balanceName = "« Un équilibre précaire »"

    /// Where a cluster of `members` members and self-financing `share` falls: a quadrant's name, or the band's —
    /// compared exactly, as the rule compares.
    static func profile(members: Int, share: Share, thresholds: Thresholds = Thresholds()) -> String {
        let small = members <= thresholds.smallMaximum
        if share >= thresholds.high { return quadrantName(small: small, high: true) }
        if share < thresholds.low { return quadrantName(small: small, high: false) }
        return balanceName
    }

    /// The ticks of the members axis: 10, 20, 50, 100…
    var memberTicks: [Int] {
        var ticks: [Int] = []
        var decade = 10
        while Double(decade) <= membersRange.high {
            for step in [1, 2, 5] where Double(decade * step) <= membersRange.high { ticks.append(decade * step) }
            decade *= 10
        }
        return ticks
    }

    func x(_ members: Int) -> Double {
        let range = membersRange
        let value = min(max(Double(members), range.low), range.high)
        return Self.plot.left + (Self.plot.right - Self.plot.left) * log(value / range.low) / log(range.high / range.low)
    }

    func y(_ share: Double) -> Double {
        Self.plot.bottom - (Self.plot.bottom - Self.plot.top) * min(max(share, 0), top) / top
    }

    /// The colour of a kind: pôles dark blue, grappes dark orange, others grey.
    static func color(_ kind: ClusterKind?) -> String {
        switch kind {
        case .pole: ChartPalette.publicColors[1]
        case .grappe: ChartPalette.privateColors[1]
        default: "#555555"
        }
    }

    /// The kinds the map holds, in the order of `ClusterKind`, and "unknown" last.
    var kinds: [ClusterKind?] {
        let present = Set(marks.map { $0.kind?.rawValue ?? "" })
        return ClusterKind.allCases.filter { present.contains($0.rawValue) } + (present.contains("") ? [nil] : [])
    }

    /// Where each mark's number stands: at its latest year, or, when an earlier number stands there already, on
    /// the first free place of a ring around it (22 units away, then 44…), inside the plot.
    var numberPlaces: [(x: Double, y: Double)] {
        var places: [(x: Double, y: Double)] = []
        for mark in marks {
            guard let last = mark.years.last else { places.append((0, 0)); continue }
            let px = x(last.members), py = y(last.share.doubleValue)
            func clear(_ point: (x: Double, y: Double)) -> Bool {
                places.allSatisfy { ($0.x - point.x) * ($0.x - point.x) + ($0.y - point.y) * ($0.y - point.y) >= 20 * 20 }
            }
            func inside(_ point: (x: Double, y: Double)) -> Bool {
                point.x >= Self.plot.left + 10 && point.x <= Self.plot.right - 10 && point.y >= Self.plot.top + 10
                    && point.y <= Self.plot.bottom - 10
            }
            var chosen = (x: px, y: py)
            if !clear(chosen) {
                search: for ring in 1...12 {
                    for step in 0..<(8 * ring) {
                        let angle = Double(step) * 2 * Double.pi / Double(8 * ring) + Double.pi / 4
                        let candidate = (x: px + 22 * Double(ring) * cos(angle), y: py - 22 * Double(ring) * sin(angle))
                        if clear(candidate), inside(candidate) {
                            chosen = candidate
                            break search
                        }
                    }
                }
            }
            places.append(chosen)
        }
        return places
    }

    /// The chart's height: the plot, the axis, its title and the legend.
    var height: Double { Self.plot.bottom + 58 }

    /// Every label of the plot: the axes, the quadrants' names and glosses, the band's (the legend and the numbers
    /// of the marks aside).
    func labels(format: HTMLFormat) -> [ChartLabel] {
        let plot = Self.plot, size = Self.fontSize
        var labels: [ChartLabel] = []
        var tick = 0.0
        while tick <= top + 1e-9 {
            labels.append(ChartLabel(text: format.share(Share(Int64((tick * 10).rounded()), over: 10)), x: plot.left - 6,
                                     y: y(tick) + 4, anchor: .end, size: size - 1, style: "axis"))
            tick += 0.1
        }
        for members in memberTicks {
            labels.append(ChartLabel(text: String(members), x: x(members), y: plot.bottom + 18, anchor: .middle, size: size - 1,
                                     style: "axis"))
        }
        labels.append(ChartLabel(text: format.word(HTMLWords.sizeAxis), x: (plot.left + plot.right) / 2, y: plot.bottom + 34,
                                 anchor: .middle, size: size))
        // The quadrants' names in their corners, each with its gloss (on two lines in the narrow small quadrants);
        // the band's name at the right. A white halo keeps them legible over the lines.
        for small in [true, false] {
            for high in [true, false] {
                let left = small ? plot.left + 8 : plot.right - 8
                let anchor: ChartLabel.Anchor = small ? .start : .end
                let gloss = format.word(HTMLWords.quadrantGloss(small: small, high: high))
                let glossLines = small ? gloss.components(separatedBy: ", ").enumerated().map { $0.offset == 0 ? $0.element + "," : $0.element }
                    : [gloss]
                let nameY = high ? plot.top + 18 : plot.bottom - 10 - 14 * Double(glossLines.count)
                labels.append(ChartLabel(text: format.typeset(Self.quadrantName(small: small, high: high)), x: left, y: nameY, anchor: anchor,
                                         size: size + 1, bold: true, style: "quadrant halo"))
                for (index, line) in glossLines.enumerated() {
                    labels.append(ChartLabel(text: line, x: left, y: nameY + 15 + 14 * Double(index), anchor: anchor, size: size - 1,
                                             style: "axis halo"))
                }
            }
        }
        let bandY = (y(thresholds.low.doubleValue) + y(thresholds.high.doubleValue)) / 2
        labels.append(ChartLabel(text: format.typeset(Self.balanceName), x: plot.right - 8, y: bandY - 2, anchor: .end, size: size, bold: true,
                                 style: "quadrant halo"))
        labels.append(ChartLabel(text: format.word(HTMLWords.balanceGloss), x: plot.right - 8, y: bandY + 13, anchor: .end,
                                 size: size - 1, style: "axis halo"))
        return labels
    }

    /// What the map shows, with its thresholds.
    func caption(format: HTMLFormat) -> String {
        format.message(Message(HTMLWords.mapCaption, [
            "small": .integer(thresholds.smallMaximum), "low": .share(thresholds.low), "high": .share(thresholds.high),
            "basis": .localized(thresholds.basis == .net ? HTMLWords.mapNet : HTMLWords.mapGross),
        ]))
    }

    /// The chart as SVG; `describedBy` names its caption.
    func svg(format: HTMLFormat, describedBy: String) -> String {
        let n = SVG.number, plot = Self.plot, size = Self.fontSize
        var out = SVG.open(width: Self.width, height: height, label: format.word(HTMLWords.mapTitle), describedBy: describedBy,
                           className: "profile-map")
        out += "<desc>\(HTML.escape(caption(format: format)))</desc>"
        let divider = x(thresholds.smallMaximum)
        // The band of the precarious balance, then the grid, the thresholds and the axes.
        out += "<rect x=\"\(n(plot.left))\" y=\"\(n(y(thresholds.high.doubleValue)))\" width=\"\(n(plot.right - plot.left))\" "
            + "height=\"\(n(y(thresholds.low.doubleValue) - y(thresholds.high.doubleValue)))\" fill=\"#efefef\"/>"
        out += "<g stroke=\"#d8d8d8\" stroke-width=\"0.8\">"
        var tick = 0.0
        while tick <= top + 1e-9 {
            out += "<line x1=\"\(n(plot.left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(plot.right))\" y2=\"\(n(y(tick)))\"/>"
            tick += 0.1
        }
        for members in memberTicks {
            out += "<line x1=\"\(n(x(members)))\" y1=\"\(n(plot.top))\" x2=\"\(n(x(members)))\" y2=\"\(n(plot.bottom))\"/>"
        }
        out += "</g>"
        out += "<g stroke=\"\(ChartPalette.ink)\" stroke-width=\"1.3\" stroke-dasharray=\"6 4\">"
            + "<line x1=\"\(n(plot.left))\" y1=\"\(n(y(thresholds.high.doubleValue)))\" x2=\"\(n(plot.right))\" y2=\"\(n(y(thresholds.high.doubleValue)))\"/>"
            + "<line x1=\"\(n(plot.left))\" y1=\"\(n(y(thresholds.low.doubleValue)))\" x2=\"\(n(plot.right))\" y2=\"\(n(y(thresholds.low.doubleValue)))\"/>"
            + "<line x1=\"\(n(divider))\" y1=\"\(n(plot.top))\" x2=\"\(n(divider))\" y2=\"\(n(plot.bottom))\"/></g>"
        out += "<rect x=\"\(n(plot.left))\" y=\"\(n(plot.top))\" width=\"\(n(plot.right - plot.left))\" "
            + "height=\"\(n(plot.bottom - plot.top))\" fill=\"none\" stroke=\"\(ChartPalette.ink)\"/>"
        for label in labels(format: format) { out += label.svg }
        out += "<text x=\"14\" y=\"\(n((plot.top + plot.bottom) / 2))\" text-anchor=\"middle\" "
            + "transform=\"rotate(-90 14 \(n((plot.top + plot.bottom) / 2)))\">\(HTML.escape(format.word(HTMLWords.selfFinancingAxis)))</text>"
        // The legend: a mark of each kind.
        var legendX = plot.left
        for kind in kinds {
            let word = kind.map { format.word(ClusterYearRow.kindWord($0)) } ?? "?"
            out += "<circle cx=\"\(n(legendX + 7))\" cy=\"\(n(plot.bottom + 49))\" r=\"6\" fill=\"\(Self.color(kind))\"/>"
            out += ChartLabel(text: word, x: legendX + 18, y: plot.bottom + 53, size: size).svg
            legendX += 30 + ChartText.width(word, size: size)
        }
        // The clusters: a path through the years, small dots for the earlier ones, the number at the latest — moved
        // aside, with a leader line to its place, when another number already stands there.
        let places = numberPlaces
        for (mark, place) in zip(marks, places) {
            guard let last = mark.years.last else { continue }
            let color = Self.color(mark.kind)
            let title = mark.name + " — " + mark.years.map {
                format.message(Message(HTMLWords.yearShare, ["share": .share($0.share), "year": .integer($0.year)]))
                    + " (\(format.message(Message(HTMLWords.members, ["count": .integer($0.members)]))))"
            }.joined(separator: ", ")
            out += "<g class=\"cluster-mark\" data-cluster=\"\(mark.number)\"><title>\(HTML.escape("\(mark.number). " + title))</title>"
            if mark.years.count > 1 {
                let points = mark.years.map { "\(n(x($0.members))),\(n(y($0.share.doubleValue)))" }.joined(separator: " ")
                out += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.8\" stroke-opacity=\"0.8\"/>"
                for year in mark.years.dropLast() {
                    out += "<circle cx=\"\(n(x(year.members)))\" cy=\"\(n(y(year.share.doubleValue)))\" r=\"3\" fill=\"\(color)\"/>"
                }
            }
            let px = x(last.members), py = y(last.share.doubleValue)
            if place.x != px || place.y != py {
                out += "<circle cx=\"\(n(px))\" cy=\"\(n(py))\" r=\"3\" fill=\"\(color)\"/>"
                out += "<line x1=\"\(n(px))\" y1=\"\(n(py))\" x2=\"\(n(place.x))\" y2=\"\(n(place.y))\" stroke=\"\(color)\" stroke-width=\"1\"/>"
            }
            out += "<circle cx=\"\(n(place.x))\" cy=\"\(n(place.y))\" r=\"10\" fill=\"\(color)\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>"
            out += "<text x=\"\(n(place.x))\" y=\"\(n(place.y + 4))\" text-anchor=\"middle\" font-size=\"\(mark.number > 99 ? 8 : 11)\" "
                + "font-weight=\"bold\" fill=\"#ffffff\">\(mark.number)</text>"
            out += "</g>"
        }
        return out + "</svg>"
    }
}

/// A cluster's private share year by year as a small line (a sparkline), for the clusters table: the dashed target,
/// the line, and a dot at each year (red when under the target).
struct Sparkline: Sendable {
    var points: [(year: Int, share: Share)]
    var target: Share

    static let width = 120.0, height = 34.0

    /// The chart as SVG, named by `label`; `describedBy` names the element that describes it.
    func svg(label: String, describedBy: String) -> String {
        let n = SVG.number
        let years = (points.first?.year ?? 0)...max(points.last?.year ?? 0, (points.first?.year ?? 0) + 1)
        let top = min(1, max(0.6, ((points.map(\.share.doubleValue).max() ?? 0) * 10 + 1).rounded(.up) / 10))
        func x(_ year: Int) -> Double { 6 + (Self.width - 12) * Double(year - years.lowerBound) / Double(years.count - 1) }
        func y(_ share: Double) -> Double { Self.height - 4 - (Self.height - 8) * min(max(share, 0), top) / top }
        var out = SVG.open(width: Self.width, height: Self.height, label: label, describedBy: describedBy, className: "sparkline")
        out += "<desc>\(HTML.escape(label))</desc>"
        out += "<line x1=\"2\" y1=\"\(n(y(target.doubleValue)))\" x2=\"\(n(Self.width - 2))\" y2=\"\(n(y(target.doubleValue)))\" "
            + "stroke=\"\(ChartPalette.publicColors[1])\" stroke-width=\"1\" stroke-dasharray=\"3 2\"/>"
        if points.count > 1 {
            let line = points.map { "\(n(x($0.year))),\(n(y($0.share.doubleValue)))" }.joined(separator: " ")
            out += "<polyline points=\"\(line)\" fill=\"none\" stroke=\"\(ChartPalette.privateColors[1])\" stroke-width=\"2\"/>"
        }
        for point in points {
            let color = point.share < target ? ChartPalette.alert : ChartPalette.privateColors[1]
            let px = points.count > 1 ? x(point.year) : Self.width / 2
            out += "<circle cx=\"\(n(px))\" cy=\"\(n(y(point.share.doubleValue)))\" r=\"2.6\" fill=\"\(color)\"/>"
        }
        return out + "</svg>"
    }
}
