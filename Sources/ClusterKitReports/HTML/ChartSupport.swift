import ClusterKitCore
import Foundation

// What every chart of the HTML report shares: placed labels with the box they cover, text width estimates, the
// colour palettes and the SVG markup helpers. Geometry is drawing, not money: it uses `Double`; every figure a label
// prints comes exact from the report's `Money` and `Share`.

/// A rectangle on a chart, in the chart's own units (its SVG `viewBox`).
struct ChartBox: Hashable, Sendable {
    var x: Double, y: Double, width: Double, height: Double

    /// Whether two boxes share more than an edge.
    func overlaps(_ other: ChartBox) -> Bool {
        x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
    }

    /// Whether the box lies within `0…width × 0…height`.
    func isInside(width outerWidth: Double, height outerHeight: Double) -> Bool {
        x >= -0.01 && y >= -0.01 && x + width <= outerWidth + 0.01 && y + height <= outerHeight + 0.01
    }
}

/// A piece of text placed on a chart: where it stands, how it is anchored, and the figure of the report it prints
/// (`figure`, a path into `clusterkit.report/1` such as `metrics.sources.state`, written as `data-figure` so that a
/// test can hold the label to the JSON report).
struct ChartLabel: Hashable, Sendable {
    /// How the text lines up with its point.
    enum Anchor: String, Sendable { case start, middle, end }

    var text: String
    /// The point of the baseline the text is anchored at.
    var x: Double, y: Double
    var anchor: Anchor = .start
    /// The font size, in chart units.
    var size: Double = 13
    var bold = false
    /// The figure of the report the label prints, if it prints one.
    var figure: String? = nil
    /// A CSS class for the label.
    var style: String? = nil

    /// The box the text is estimated to cover: its estimated width, from the ascender to the descender.
    var box: ChartBox {
        let width = ChartText.width(text, size: size, bold: bold)
        let left = switch anchor {
        case .start: x
        case .middle: x - width / 2
        case .end: x - width
        }
        return ChartBox(x: left, y: y - size * 0.95, width: width, height: size * 1.2)
    }

    /// The label as an SVG `text` element.
    var svg: String {
        var attributes = "x=\"\(SVG.number(x))\" y=\"\(SVG.number(y))\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if size != 13 { attributes += " font-size=\"\(SVG.number(size))\"" }
        if bold { attributes += " font-weight=\"bold\"" }
        if let style { attributes += " class=\"\(style)\"" }
        if let figure { attributes += " data-figure=\"\(HTML.escape(figure))\"" }
        return "<text \(attributes)>\(HTML.escape(text))</text>"
    }
}

/// Estimates of how wide text is drawn, without font metrics: per-character widths a little over those of DejaVu Sans
/// (the widest of the usual sans-serif faces), so that labels estimated apart stay apart in any of them.
enum ChartText {
    /// The estimated width of `text` at a font size.
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for character in text {
            switch character {
            case " ", "\u{00A0}", "\u{202F}", ".", ",", ":", ";", "'", "’", "!", "|", "i", "l", "j", "I", "(", ")", "[", "]":
                ems += 0.36
            case "0"..."9": ems += 0.64
            case "m", "w", "M", "W", "€", "%", "—", "–": ems += 0.9
            default: ems += character.isUppercase ? 0.74 : 0.62
            }
        }
        return ems * size * (bold ? 1.08 : 1)
    }

    /// `text` broken at spaces into lines no wider than `width` (a word wider than the line stands alone on it).
    static func wrap(_ text: String, width: Double, size: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if !line.isEmpty, Self.width(candidate, size: size) > width {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }
}

/// The colours of the charts: public money in blues, private money in oranges — a pair that stays apart for the
/// common colour-vision deficiencies (red–green as well as blue–yellow) — each family ordered dark to light, so that
/// neighbouring slices differ in lightness and the charts read in grayscale too; money in kind is hatched.
enum ChartPalette {
    /// Public money, dark to light (ColorBrewer "Blues").
    static let publicColors = ["#08306b", "#08519c", "#2171b5", "#4292c6", "#6baed6", "#9ecae1", "#c6dbef"]
    /// Private money, dark to light (ColorBrewer "Oranges").
    static let privateColors = ["#7f2704", "#a63603", "#d94801", "#f16913", "#fd8d3c", "#fdae6b", "#fdd0a2"]
    /// The colour that marks a target, a ceiling or a year behind the path: near black.
    static let ink = "#1a1a1a"
    /// The colour of a year behind the path and of money over a ceiling (Okabe–Ito vermillion, with a shape of its own).
    static let alert = "#b2182b"

    /// The colour of the `index`-th of `count` slices of a sector, spread over the family dark to light.
    static func color(_ sector: Sector, index: Int, of count: Int) -> String {
        let family = sector == .public ? publicColors : privateColors
        guard count > 1 else { return family[2] }
        let position = Double(index) * Double(family.count - 1) / Double(count - 1)
        return family[Int(position.rounded())]
    }
}

/// Markup helpers for the charts' SVG.
enum SVG {
    /// A coordinate with at most one decimal, `-0` written `0`: the same drawing always gives the same bytes.
    static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        if tenths == 0 { return "0" }
        let whole = Int(tenths) / 10, fraction = abs(Int(tenths) % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// The opening tag of a chart: an image for assistive technology, named by `label` and described by the element
    /// `describedBy` (the figure's caption), scaling to its container's width.
    static func open(width: Double, height: Double, label: String, describedBy: String, className: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart \(className)\" viewBox=\"0 0 \(number(width)) \(number(height))\" "
            + "role=\"img\" aria-label=\"\(HTML.escape(label))\" aria-describedby=\"\(describedBy)\">"
            + "<title>\(HTML.escape(label))</title>"
    }

    /// A hatch pattern (diagonal stripes of `color` on a light ground) with an id unique in the page.
    static func hatch(id: String, color: String, angle: Double = 45) -> String {
        "<pattern id=\"\(id)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(\(number(angle)))\">"
            + "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>"
            + "<rect width=\"3\" height=\"6\" fill=\"\(color)\"/></pattern>"
    }

    /// A point on a circle: `angle` in radians, clockwise from the top.
    static func point(cx: Double, cy: Double, radius: Double, angle: Double) -> (x: Double, y: Double) {
        (cx + radius * sin(angle), cy - radius * cos(angle))
    }
}

/// Whether any two labels overlap: what the chart tests assert never happens on the examples.
func overlappingLabels(_ labels: [ChartLabel]) -> [(ChartLabel, ChartLabel)] {
    var found: [(ChartLabel, ChartLabel)] = []
    for i in labels.indices {
        for j in labels.indices where j > i && labels[i].box.overlaps(labels[j].box) { found.append((labels[i], labels[j])) }
    }
    return found
}
