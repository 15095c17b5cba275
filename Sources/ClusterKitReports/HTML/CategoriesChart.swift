import ClusterKitCore
import Foundation

/// A pôle's mission categories: for each category its actions have, the public funding they receive (the analytic
/// allocation of the report) against the category's ceiling, on a bar of their cost.
struct CategoriesChart: Sendable {
    /// One category's figures.
    struct Row: Hashable, Sendable {
        var category: MissionCategory
        /// The cost of its actions.
        var cost: Money
        /// The public funding its actions receive.
        var publicFunding: Money
        /// The sum of its actions' ceilings; `nil` when one of them has none the catalogue can tell.
        var ceiling: Money?
    }

    /// The lengths a row's bars are drawn at.
    struct Lengths: Hashable, Sendable {
        var cost: Double, publicWithin: Double, publicOver: Double, ceiling: Double?
    }

    var rows: [Row]

    static let width = 420.0, rowHeight = 98.0, barHeight = 22.0, fontSize = 13.0

    /// The categories of a budget's actions, in order A to D; `nil` when no action has a category.
    ///
    /// An action's ceiling is the one its category's regime sets (``MissionCategoryRegime``, as `Catalog.builtIn`
    /// holds them; category C delegates to the action's own regime);
    /// without such regimes in the catalogue, or for an action whose regime sets none, the category's ceiling is
    /// unknown. A regime's limit on its actions together (de minimis over a year) is the rules' to judge, not the
    /// chart's: the chart adds up each action's own ceiling.
    init?(_ budget: Budget, metrics: BudgetMetrics, catalog: Catalog) {
        let allocation = metrics.allocation
        let context = RegimeContext(budget: budget, catalog: catalog)
        var rows: [Row] = []
        for category in MissionCategory.allCases {
            let actions = allocation.actions.filter { $0.category == category }
            guard !actions.isEmpty else { continue }
            let currency = budget.currency
            var cost: Int64 = 0, ceiling: Int64? = 0
            for action in actions {
                cost &+= action.cost.minorUnits
                let line = budget.expenses[action.index]
                let regime = MissionCategoryRegime(category).id
                let terms = catalog.regime(regime) != nil
                    ? context.ceiling(under: regime, for: line) : line.regime.flatMap { context.ceiling(under: $0, for: line) }
                if let maximum = terms?.maximum(forCost: action.cost), let sum = ceiling {
                    ceiling = sum &+ maximum.minorUnits
                } else {
                    ceiling = nil
                }
            }
            rows.append(Row(category: category, cost: Money(minorUnits: cost, currency: currency),
                            publicFunding: allocation.publicFunding(of: category).amount,
                            ceiling: ceiling.map { Money(minorUnits: $0, currency: currency) }))
        }
        guard !rows.isEmpty else { return nil }
        self.rows = rows
    }

    /// The scale: the largest cost, funding or ceiling of any row.
    var scale: Double {
        Double(rows.map { max($0.cost.minorUnits, $0.publicFunding.minorUnits, $0.ceiling?.minorUnits ?? 0) }.max() ?? 1)
    }

    /// The lengths of a row's bars for a chart `width` wide: the public funding split at the ceiling.
    func lengths(_ row: Row, width: Double) -> Lengths {
        let unit = width / max(scale, 1)
        let funding = Double(row.publicFunding.minorUnits) * unit
        let ceiling = row.ceiling.map { Double($0.minorUnits) * unit }
        let within = min(funding, ceiling ?? funding)
        return Lengths(cost: Double(row.cost.minorUnits) * unit, publicWithin: within, publicOver: funding - within,
                       ceiling: ceiling)
    }

    /// The top of a row's bar.
    static func barTop(_ index: Int) -> Double { 26 + Double(index) * rowHeight }

    /// Every label: each category's name, then its public funding (and its share of the cost), its ceiling and its
    /// cost.
    func labels(format: HTMLFormat) -> [ChartLabel] {
        let size = Self.fontSize
        var labels: [ChartLabel] = []
        for (index, row) in rows.enumerated() {
            let top = Self.barTop(index), key = "categories.\(row.category.rawValue)"
            labels.append(ChartLabel(text: format.word(HTMLWords.categoryName(row.category)), x: 0, y: top - 8, size: size, bold: true))
            var funding = format.word(HTMLWords.publicFundingWord) + " " + format.money(row.publicFunding)
            if let share = Share(row.publicFunding, of: row.cost) { funding += " (" + format.share(share) + ")" }
            labels.append(ChartLabel(text: funding, x: 0, y: top + Self.barHeight + 18, size: size, figure: "\(key).public"))
            let ceiling = row.ceiling.map { format.word(HTMLWords.ceilingWord) + " " + format.money($0) }
                ?? format.word(HTMLWords.ceilingUnknown)
            labels.append(ChartLabel(text: ceiling, x: 0, y: top + Self.barHeight + 36, size: size,
                                     figure: row.ceiling == nil ? nil : "\(key).ceiling"))
            labels.append(ChartLabel(text: format.word(HTMLWords.costWord) + " " + format.money(row.cost), x: Self.width,
                                     y: top + Self.barHeight + 36, anchor: .end, size: size, figure: "\(key).cost"))
        }
        return labels
    }

    /// The chart's height.
    var height: Double { Self.barTop(rows.count) - 10 }

    /// The chart as SVG; `id` makes its pattern's id unique in the page, `describedBy` names its caption.
    func svg(id: String, format: HTMLFormat, describedBy: String) -> String {
        let n = SVG.number
        var out = SVG.open(width: Self.width, height: height, label: format.word(HTMLWords.categoriesTitle),
                           describedBy: describedBy, className: "categories")
        out += "<defs>" + SVG.hatch(id: "\(id)-over", color: ChartPalette.alert) + "</defs>"
        for (index, row) in rows.enumerated() {
            let top = Self.barTop(index), lengths = lengths(row, width: Self.width)
            let inner = top + 5, innerHeight = Self.barHeight - 10
            out += "<rect x=\"0\" y=\"\(n(top))\" width=\"\(n(lengths.cost))\" height=\"\(n(Self.barHeight))\" fill=\"#e8e8e8\" stroke=\"#8c8c8c\" stroke-width=\"0.8\"/>"
            out += "<rect x=\"0\" y=\"\(n(inner))\" width=\"\(n(lengths.publicWithin))\" height=\"\(n(innerHeight))\" fill=\"\(ChartPalette.publicColors[1])\"/>"
            if lengths.publicOver > 0 {
                out += "<rect x=\"\(n(lengths.publicWithin))\" y=\"\(n(inner))\" width=\"\(n(lengths.publicOver))\" height=\"\(n(innerHeight))\" "
                    + "fill=\"url(#\(id)-over)\" stroke=\"\(ChartPalette.alert)\" stroke-width=\"1\"/>"
            }
            if let ceiling = lengths.ceiling {
                let x = n(min(max(ceiling, 1.5), Self.width - 1.5))
                out += "<line x1=\"\(x)\" y1=\"\(n(top - 4))\" x2=\"\(x)\" y2=\"\(n(top + Self.barHeight + 4))\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"3\"/>"
            }
        }
        for label in labels(format: format) { out += label.svg }
        return out + "</svg>"
    }
}
