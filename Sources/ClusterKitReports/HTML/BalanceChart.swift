import ClusterKitCore
import Foundation

/// The memento's public/private bar: for each basis — gross (Priv / R, valued time included) and net (Priv(cash) /
/// R(cash)) — a bar of the resources, private from the left (cash solid, in kind hatched) and public to the right,
/// against the line of the cluster's target.
struct BalanceChart: Sendable {
    /// One bar.
    struct Bar: Hashable, Sendable {
        var basis: SelfFinancingBasis
        /// The private share: of R (gross), of R(cash) (net).
        var privateShare: Share
        /// Of which in kind (gross only), as a share of R.
        var inKindShare: Share
        /// The private and public amounts, printed under a gross bar.
        var privateAmount: Money?, publicAmount: Money?
    }

    /// Where a bar's segments are drawn, in chart units.
    struct Segments: Hashable, Sendable {
        var privateCash: Double, inKind: Double, `public`: Double
        var total: Double { privateCash + inKind + `public` }
    }

    var bars: [Bar]
    /// The private share aimed at, and the year it is due, if known.
    var target: Share
    var targetYear: Int?
    /// The in-kind resources, when there are any (printed in the legend).
    var inKind: Money?

    static let width = 420.0, barHeight = 28.0, rowHeight = 104.0, fontSize = 13.0

    /// The chart of a budget's metrics against a target; `nil` when the budget has no resources.
    init?(_ metrics: BudgetMetrics, target: Share, targetYear: Int?) {
        guard let gross = metrics.selfFinancingGross else { return nil }
        let total = metrics.fundingBase
        let privateInKind = metrics.privateResources.amount.minorUnits - metrics.privateCash.amount.minorUnits
        let inKindShare = Share(Money(minorUnits: max(0, privateInKind), currency: total.currency), of: total) ?? .zero
        bars = [Bar(basis: .gross, privateShare: gross, inKindShare: inKindShare,
                    privateAmount: metrics.privateResources.amount, publicAmount: metrics.publicResources.amount)]
        if let net = metrics.selfFinancingNet {
            bars.append(Bar(basis: .net, privateShare: net, inKindShare: .zero, privateAmount: nil, publicAmount: nil))
        }
        self.target = target
        self.targetYear = targetYear
        inKind = metrics.inKindResources.amount.isZero ? nil : metrics.inKindResources.amount
    }

    /// The lengths of a bar's segments: together exactly the bar's width.
    static func segments(of bar: Bar, width: Double) -> Segments {
        let privateShare = min(max(bar.privateShare.doubleValue, 0), 1)
        let inKind = min(max(bar.inKindShare.doubleValue, 0), privateShare)
        return Segments(privateCash: (privateShare - inKind) * width, inKind: inKind * width,
                        public: width - privateShare * width)
    }

    /// The top of the `index`-th bar.
    static func barTop(_ index: Int) -> Double { 26 + Double(index) * rowHeight }

    /// Every label: each bar's title, its private and public shares (and amounts, gross), and the legend.
    func labels(format: HTMLFormat) -> [ChartLabel] {
        let size = Self.fontSize
        var labels: [ChartLabel] = []
        for (index, bar) in bars.enumerated() {
            let top = Self.barTop(index)
            let share = bar.basis == .gross ? "metrics.selfFinancingGross" : "metrics.selfFinancingNet"
            labels.append(ChartLabel(text: format.word(bar.basis == .gross ? HTMLWords.grossBar : HTMLWords.netBar),
                                     x: 0, y: top - 8, size: size, bold: true))
            labels.append(ChartLabel(text: format.word(HTMLWords.privateWord) + " " + format.share(bar.privateShare),
                                     x: 0, y: top + Self.barHeight + 18, size: size, figure: share))
            labels.append(ChartLabel(text: format.word(HTMLWords.publicWord) + " " + format.share(bar.privateShare.complement),
                                     x: Self.width, y: top + Self.barHeight + 18, anchor: .end, size: size,
                                     figure: "1-" + share))
            if let amount = bar.privateAmount {
                labels.append(ChartLabel(text: format.money(amount), x: 0, y: top + Self.barHeight + 35, size: size,
                                         figure: "metrics.private"))
            }
            if let amount = bar.publicAmount {
                labels.append(ChartLabel(text: format.money(amount), x: Self.width, y: top + Self.barHeight + 35,
                                         anchor: .end, size: size, figure: "metrics.public"))
            }
        }
        let legendY = Self.barTop(bars.count) - 8
        var target = format.word(HTMLWords.target) + " " + format.share(self.target)
        if let targetYear { target += " (\(targetYear))" }
        labels.append(ChartLabel(text: target, x: 26, y: legendY, size: size, figure: "target"))
        if let inKind {
            labels.append(ChartLabel(text: format.word(HTMLWords.inKindLegend) + " " + format.money(inKind), x: 26,
                                     y: legendY + 20, size: size, figure: "metrics.inKind"))
        }
        return labels
    }

    /// The chart's height.
    var height: Double { Self.barTop(bars.count) + (inKind == nil ? 4 : 24) }

    /// The chart as SVG; `id` makes its pattern's id unique in the page, `describedBy` names its caption.
    func svg(id: String, format: HTMLFormat, describedBy: String) -> String {
        let width = Self.width
        var out = SVG.open(width: width, height: height, label: format.word(HTMLWords.balanceTitle),
                           describedBy: describedBy, className: "balance")
        out += "<defs>" + SVG.hatch(id: "\(id)-hatch", color: ChartPalette.privateColors[1]) + "</defs>"
        let targetX = min(max(target.doubleValue, 0), 1) * width
        for (index, bar) in bars.enumerated() {
            let top = Self.barTop(index), segments = Self.segments(of: bar, width: width), n = SVG.number
            let h = n(Self.barHeight), y = n(top)
            out += "<rect x=\"0\" y=\"\(y)\" width=\"\(n(segments.privateCash))\" height=\"\(h)\" fill=\"\(ChartPalette.privateColors[4])\"/>"
            if segments.inKind > 0 {
                out += "<rect x=\"\(n(segments.privateCash))\" y=\"\(y)\" width=\"\(n(segments.inKind))\" height=\"\(h)\" fill=\"url(#\(id)-hatch)\"/>"
            }
            out += "<rect x=\"\(n(width - segments.public))\" y=\"\(y)\" width=\"\(n(segments.public))\" height=\"\(h)\" fill=\"\(ChartPalette.publicColors[1])\"/>"
            out += "<rect x=\"0\" y=\"\(y)\" width=\"\(n(width))\" height=\"\(h)\" fill=\"none\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"0.8\"/>"
            // The target: a dashed line over a white halo, across the bar.
            let lineTop = n(top - 5), lineBottom = n(top + Self.barHeight + 5), x = n(targetX)
            out += "<line x1=\"\(x)\" y1=\"\(lineTop)\" x2=\"\(x)\" y2=\"\(lineBottom)\" stroke=\"#ffffff\" stroke-width=\"5\"/>"
            out += "<line x1=\"\(x)\" y1=\"\(lineTop)\" x2=\"\(x)\" y2=\"\(lineBottom)\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"2.5\" stroke-dasharray=\"5 3\"/>"
        }
        let legendY = Self.barTop(bars.count) - 8, n = SVG.number
        out += "<line x1=\"10\" y1=\"\(n(legendY - 14))\" x2=\"10\" y2=\"\(n(legendY + 3))\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"2.5\" stroke-dasharray=\"5 3\"/>"
        if inKind != nil {
            out += "<rect x=\"2\" y=\"\(n(legendY + 9))\" width=\"16\" height=\"13\" fill=\"url(#\(id)-hatch)\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"0.8\"/>"
        }
        for label in labels(format: format) { out += label.svg }
        return out + "</svg>"
    }
}
