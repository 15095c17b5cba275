import ClusterKitCore
import Foundation

/// The « Ressources du pôle » chart of the memento's case studies: a ring of the budget's resources by revenue source,
/// public money in blues, private money in oranges, money in kind hatched, with a legend that gives each source's
/// amount and share of the resources.
struct ResourcesChart: Sendable {
    /// One slice: the resources of one revenue source (and, when a line overrides it, one sector and nature).
    struct Slice: Hashable, Sendable {
        /// The source's id in the catalogue.
        var source: RevenueSourceID
        /// What the legend calls it.
        var name: String
        var sector: Sector
        var nature: ResourceNature
        var amount: Money
    }

    /// Where a slice is drawn: its angles in radians, clockwise from the top.
    struct Arc: Hashable, Sendable {
        var start: Double, end: Double
        var sweep: Double { end - start }
    }

    /// The slices, public first then private, each sector in catalogue order.
    var slices: [Slice]
    /// The total resources (R): the whole the slices share.
    var total: Money
    /// Public and private totals, for the legend's headings.
    var publicTotal: Money, privateTotal: Money

    static let width = 420.0
    static let centre = (x: 210.0, y: 128.0)
    static let outerRadius = 104.0, innerRadius = 60.0, sectorRingRadius = 112.0
    static let legendTop = 262.0
    static let fontSize = 13.0

    /// The chart of a budget's metrics; `catalog` names and orders the sources.
    /// Whether the chart is of a closed year's accounts (« Produits » in French).
    var realised = false

    init(_ metrics: BudgetMetrics, catalog: Catalog, language: Language) {
        realised = metrics.statement == .realised
        var amounts: [Slice] = []
        // Lines summed by source, sector and nature: a line that overrides its source's sector or nature gets a slice
        // of its own.
        // The funding base: lines that are not funding or pass money on are in no share, nor in the ring.
        for line in metrics.resources where line.amount.minorUnits > 0 && line.funds {
            if let index = amounts.firstIndex(where: { $0.source == line.source && $0.sector == line.sector && $0.nature == line.nature }) {
                amounts[index].amount = Money(
                    minorUnits: amounts[index].amount.minorUnits &+ line.amount.minorUnits, currency: line.amount.currency)
            } else {
                let name = catalog.source(line.source)?.name(in: language) ?? line.source.rawValue
                amounts.append(Slice(source: line.source, name: name, sector: line.sector, nature: line.nature, amount: line.amount))
            }
        }
        let order = Dictionary(uniqueKeysWithValues: catalog.sourceIDs.enumerated().map { ($0.element, $0.offset) })
        slices = amounts.sorted { a, b in
            if a.sector != b.sector { return a.sector == .public }
            if a.nature != b.nature { return a.nature == .cash }
            let x = order[a.source] ?? Int.max, y = order[b.source] ?? Int.max
            return x != y ? x < y : a.source < b.source
        }
        total = metrics.fundingBase
        publicTotal = metrics.publicResources.amount
        privateTotal = metrics.privateResources.amount
    }

    /// The arcs of the slices, in order: each the slice's part of a full turn, together exactly one turn.
    var arcs: [Arc] {
        let whole = Double(slices.reduce(Int64(0)) { $0 + $1.amount.minorUnits })
        guard whole > 0 else { return [] }
        var start = 0.0, running: Int64 = 0
        return slices.map { slice in
            running += slice.amount.minorUnits
            // From the running sum, so that the last slice ends at exactly one turn.
            let end = 2 * Double.pi * Double(running) / whole
            defer { start = end }
            return Arc(start: start, end: end)
        }
    }

    /// The fill of each slice: a colour of its sector's family, or a hatch of it for money in kind.
    func fills(prefix: String) -> [String] {
        var counts: [Sector: Int] = [:]
        for slice in slices where slice.nature == .cash { counts[slice.sector, default: 0] += 1 }
        var seen: [Sector: Int] = [:]
        var hatches = 0
        return slices.map { slice in
            if slice.nature == .inKind {
                hatches += 1
                return "url(#\(prefix)-hatch-\(hatches))"
            }
            let index = seen[slice.sector, default: 0]
            seen[slice.sector] = index + 1
            return ChartPalette.color(slice.sector, index: index, of: counts[slice.sector] ?? 1)
        }
    }

    /// One row of the legend: its heading or slice, the labels it prints and where its swatch stands.
    struct LegendRow: Hashable, Sendable {
        /// The slice the row describes; `nil` for a sector's heading.
        var slice: Int?
        var swatchY: Double
        var labels: [ChartLabel]
    }

    /// The legend: a heading per sector (its total and share), then a row per slice — the name, wrapped, on the
    /// left; the amount and the share on the right.
    func legend(format: HTMLFormat) -> (rows: [LegendRow], height: Double) {
        let size = Self.fontSize, lineHeight = size * 1.3
        let shareRight = Self.width - 4, amountRight = Self.width - 62, nameLeft = 24.0
        let nameWidth = amountRight - ChartText.width("0 000 000 €", size: size) - 12 - nameLeft
        var rows: [LegendRow] = []
        var y = Self.legendTop
        for sector in Sector.allCases {
            let members = slices.indices.filter { slices[$0].sector == sector }
            guard !members.isEmpty else { continue }
            let sum = sector == .public ? publicTotal : privateTotal
            let key = sector == .public ? "public" : "private"
            var heading = [
                ChartLabel(text: format.word(MetricsTable.resources(of: sector)),
                           x: 0, y: y, size: size, bold: true),
                ChartLabel(text: format.money(sum), x: amountRight, y: y, anchor: .end, size: size, bold: true,
                           figure: "metrics.\(key)"),
            ]
            if let share = Share(sum, of: total) {
                heading.append(ChartLabel(text: format.share(share), x: shareRight, y: y, anchor: .end, size: size, bold: true,
                                          figure: "metrics.\(key)/metrics.fundingBase"))
            }
            rows.append(LegendRow(slice: nil, swatchY: y, labels: heading))
            y += lineHeight + 4
            for index in members {
                let slice = slices[index]
                var name = slice.name
                if slice.nature == .inKind { name += " (" + format.word(HTMLWords.inKind) + ")" }
                let lines = ChartText.wrap(name, width: nameWidth, size: size)
                var labels = lines.enumerated().map { offset, line in
                    ChartLabel(text: line, x: nameLeft, y: y + Double(offset) * lineHeight, size: size)
                }
                // A source split by a line's override has no one figure in the JSON report to hold its slices to.
                let whole = slices.count { $0.source == slice.source } == 1
                let figure = whole ? "metrics.sources.\(slice.source.rawValue)" : nil
                labels.append(ChartLabel(text: format.money(slice.amount), x: amountRight, y: y, anchor: .end, size: size,
                                         figure: figure))
                if let share = Share(slice.amount, of: total) {
                    labels.append(ChartLabel(text: format.share(share), x: shareRight, y: y, anchor: .end, size: size,
                                             figure: figure.map { $0 + "/metrics.fundingBase" }))
                }
                rows.append(LegendRow(slice: index, swatchY: y, labels: labels))
                y += Double(lines.count) * lineHeight + 5
            }
            y += 6
        }
        return (rows, y)
    }

    /// The labels in the middle of the ring: the word "Resources" and the total.
    func centreLabels(format: HTMLFormat) -> [ChartLabel] {
        [
            ChartLabel(text: format.word(realised ? HTMLWords.realisedResources : HTMLWords.resources), x: Self.centre.x, y: Self.centre.y - 4, anchor: .middle,
                       size: 12),
            ChartLabel(text: format.money(total), x: Self.centre.x, y: Self.centre.y + 14, anchor: .middle, size: 13,
                       bold: true, figure: "metrics.fundingBase"),
        ]
    }

    /// Every label of the chart, for the test that none overlaps another.
    func labels(format: HTMLFormat) -> [ChartLabel] {
        centreLabels(format: format) + legend(format: format).rows.flatMap(\.labels)
    }

    /// The chart as SVG; `id` makes its patterns' ids unique in the page, `describedBy` names its caption.
    func svg(id: String, format: HTMLFormat, describedBy: String) -> String {
        let legend = legend(format: format)
        let height = legend.height
        let fills = fills(prefix: id)
        var out = SVG.open(width: Self.width, height: height, label: format.word(realised ? HTMLWords.realisedTitle : HTMLWords.resourcesTitle),
                           describedBy: describedBy, className: "resources")
        let inKind = slices.filter { $0.nature == .inKind }
        if !inKind.isEmpty {
            out += "<defs>"
            for (offset, slice) in inKind.enumerated() {
                let color = slice.sector == .public ? ChartPalette.publicColors[1] : ChartPalette.privateColors[1]
                out += SVG.hatch(id: "\(id)-hatch-\(offset + 1)", color: color, angle: offset % 2 == 0 ? 45 : -45)
            }
            out += "</defs>"
        }
        let (cx, cy) = Self.centre
        let arcs = arcs
        out += "<g class=\"slices\" stroke=\"#ffffff\" stroke-width=\"1.5\">"
        for (index, arc) in arcs.enumerated() where arc.sweep > 0 {
            out += "<path d=\"\(Self.ringPath(arc, cx: cx, cy: cy, outer: Self.outerRadius, inner: Self.innerRadius))\" fill=\"\(fills[index])\"/>"
        }
        out += "</g>"
        // The sector ring: a solid line around the public slices, a dashed one around the private: public and private
        // stay apart in grayscale.
        for sector in Sector.allCases {
            let members = slices.indices.filter { slices[$0].sector == sector && arcs[$0].sweep > 0 }
            guard let first = members.first, let last = members.last else { continue }
            let arc = Arc(start: arcs[first].start, end: arcs[last].end)
            let dash = sector == .public ? "" : " stroke-dasharray=\"6 4\""
            let color = sector == .public ? ChartPalette.publicColors[0] : ChartPalette.privateColors[0]
            out += "<path d=\"\(Self.arcPath(arc, cx: cx, cy: cy, radius: Self.sectorRingRadius))\" fill=\"none\" "
                + "stroke=\"\(color)\" stroke-width=\"5\"\(dash)/>"
        }
        for label in centreLabels(format: format) { out += label.svg }
        for row in legend.rows {
            if let slice = row.slice {
                out += "<rect x=\"0\" y=\"\(SVG.number(row.swatchY - 11))\" width=\"16\" height=\"13\" fill=\"\(fills[slice])\" "
                    + "stroke=\"\(slices[slice].sector == .public ? ChartPalette.publicColors[0] : ChartPalette.privateColors[0])\" stroke-width=\"0.8\"/>"
            }
            for label in row.labels { out += label.svg }
        }
        return out + "</svg>"
    }

    /// The outline of a ring's slice.
    static func ringPath(_ arc: Arc, cx: Double, cy: Double, outer: Double, inner: Double) -> String {
        if arc.sweep >= 2 * Double.pi - 1e-9 {
            // A whole ring: two half rings, as one arc cannot close on itself.
            let half = Arc(start: arc.start, end: arc.start + Double.pi), other = Arc(start: arc.start + Double.pi, end: arc.end)
            return ringPath(half, cx: cx, cy: cy, outer: outer, inner: inner) + " "
                + ringPath(other, cx: cx, cy: cy, outer: outer, inner: inner)
        }
        let large = arc.sweep > Double.pi ? 1 : 0
        let a = SVG.point(cx: cx, cy: cy, radius: outer, angle: arc.start)
        let b = SVG.point(cx: cx, cy: cy, radius: outer, angle: arc.end)
        let c = SVG.point(cx: cx, cy: cy, radius: inner, angle: arc.end)
        let d = SVG.point(cx: cx, cy: cy, radius: inner, angle: arc.start)
        let n = SVG.number
        return "M\(n(a.x)) \(n(a.y))A\(n(outer)) \(n(outer)) 0 \(large) 1 \(n(b.x)) \(n(b.y))"
            + "L\(n(c.x)) \(n(c.y))A\(n(inner)) \(n(inner)) 0 \(large) 0 \(n(d.x)) \(n(d.y))Z"
    }

    /// An open arc of a circle.
    static func arcPath(_ arc: Arc, cx: Double, cy: Double, radius: Double) -> String {
        let n = SVG.number
        if arc.sweep >= 2 * Double.pi - 1e-9 {
            let top = SVG.point(cx: cx, cy: cy, radius: radius, angle: 0)
            let bottom = SVG.point(cx: cx, cy: cy, radius: radius, angle: Double.pi)
            return "M\(n(top.x)) \(n(top.y))A\(n(radius)) \(n(radius)) 0 1 1 \(n(bottom.x)) \(n(bottom.y))"
                + "A\(n(radius)) \(n(radius)) 0 1 1 \(n(top.x)) \(n(top.y))"
        }
        let a = SVG.point(cx: cx, cy: cy, radius: radius, angle: arc.start + 0.012)
        let b = SVG.point(cx: cx, cy: cy, radius: radius, angle: max(arc.end - 0.012, arc.start + 0.013))
        return "M\(n(a.x)) \(n(a.y))A\(n(radius)) \(n(radius)) 0 \(arc.sweep > Double.pi ? 1 : 0) 1 \(n(b.x)) \(n(b.y))"
    }
}
