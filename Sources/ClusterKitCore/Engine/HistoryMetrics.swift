import Foundation

/// Which self-financing a figure measures: gross (autofinancement brut, valued member time counted) or net
/// (autofinancement net, real cash flows only).
public enum SelfFinancingBasis: String, Hashable, Sendable, CaseIterable, Codable {
    /// Priv / R: valued member time and secondments counted (« y.c. valorisation des temps »).
    case gross
    /// Priv(cash) / R(cash): the real money flows (« flux financier réel, hors valo. »).
    case net

    /// The basis that applies to a cluster: net wherever its funders forbid counting valued time
    /// (`valuedTimeAllowed: false`), else the one asked for.
    public func applying(to cluster: ClusterProfile) -> SelfFinancingBasis {
        cluster.valuedTimeAllowed ? self : .net
    }

    /// "gross, valued time included" / "net, cash only", for messages.
    public var label: LocalizedText {
        switch self {
        case .gross: LocalizedText(english: "gross, valued time included", french: "brut, valorisation comprise")
        case .net: LocalizedText(english: "net, cash only", french: "net, hors valorisation")
        }
    }
}

extension BudgetMetrics {
    /// The private resources and the whole they are a share of: Priv and R (gross), Priv(cash) and R(cash) (net).
    public func privateShareParts(_ basis: SelfFinancingBasis) -> (part: LineTotal, whole: Money) {
        switch basis {
        case .gross: (privateResources, totalResources)
        case .net: (privateCash, cashResources)
        }
    }

    /// Self-financing on a basis; `nil` when the whole is zero.
    public func selfFinancing(_ basis: SelfFinancingBasis) -> Share? {
        let parts = privateShareParts(basis)
        return Share(parts.part.amount, of: parts.whole)
    }
}

/// Where a year's private share comes from.
public enum FigureSource: String, Hashable, Sendable, CaseIterable, Codable {
    /// The figure the cluster publishes (its summary row).
    case published
    /// The figure computed from the year's plan of financing.
    case computed
}

/// A year's private share, with the amounts it is made of where they are known.
public struct PrivateShareFigure: Hashable, Sendable {
    /// The private share.
    public var share: Share
    /// The total the share is of (R, R(cash) or the published total); `nil` when only a share is published.
    public var whole: Money?
    /// The lines of the private resources, for a computed figure.
    public var lines: [String]
    /// Published or computed.
    public var source: FigureSource
    /// The basis of a computed figure; `nil` for a published one (clusters rarely say which they publish).
    public var basis: SelfFinancingBasis?

    /// Creates a figure.
    public init(share: Share, whole: Money?, lines: [String] = [], source: FigureSource, basis: SelfFinancingBasis? = nil) {
        self.share = share
        self.whole = whole
        self.lines = lines
        self.source = source
        self.basis = basis
    }

    /// The private revenue to add for the share to reach `target`, the total growing with it:
    /// `x = R·(t − s) / (1 − t)`, rounded up to the cent (`R − 2·Priv` for 50%). Zero when the share already reaches
    /// the target; `nil` when the total is unknown, the target is 100% or more, or the amount does not fit.
    public func additionToReach(_ target: Share) -> Money? {
        guard let whole else { return nil }
        let tn = Int128(target.numerator), td = Int128(target.denominator)
        let sn = Int128(share.numerator), sd = Int128(share.denominator)
        guard tn < td else { return nil }
        let gap = tn * sd - sn * td
        guard gap > 0 else { return .zero(whole.currency) }
        let (numerator, overflow) = Int128(whole.minorUnits).multipliedReportingOverflow(by: gap)
        let (denominator, overflow2) = sd.multipliedReportingOverflow(by: td - tn)
        guard !overflow, !overflow2 else { return nil }
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        guard let units = Int64(exactly: remainder > 0 ? quotient + 1 : quotient) else { return nil }
        return Money(minorUnits: units, currency: whole.currency)
    }
}

/// One year of a history as trajectory rules read it: its budget and metrics when it is full, its published row.
public struct HistoryYearFigures: Sendable {
    /// The fiscal year.
    public let year: Int
    /// The year's place in the document's `years` array (for error paths and reports).
    public let index: Int
    /// The plan of financing, for a full year.
    public let budget: Budget?
    /// Its metrics, computed once.
    public let metrics: BudgetMetrics?
    /// The figures the cluster publishes for the year.
    public let published: BudgetSummary?
    /// The year's cluster: the full year's own, else the history's with the year's members.
    public let cluster: ClusterProfile

    /// The cluster's age in this year, if its founding year is known.
    public var age: Int? { cluster.founded.map { year - $0 } }

    /// The year's private share: the published figure first (`selfFinancing`, else `private` / `total`) or the one
    /// computed from the plan of financing first, as `preferring` says, falling back on the other; `nil` when the year
    /// gives neither (« N.D. »). A computed figure is on `basis`, net where the year's funders forbid valued time.
    public func privateShare(basis: SelfFinancingBasis, preferring: FigureSource) -> PrivateShareFigure? {
        let published: PrivateShareFigure? = {
            guard let row = self.published else { return nil }
            if let share = row.selfFinancing {
                return PrivateShareFigure(share: share, whole: row.total, source: .published)
            }
            if let part = row.privateResources, let total = row.total, let share = Share(part, of: total) {
                return PrivateShareFigure(share: share, whole: total, source: .published)
            }
            return nil
        }()
        let computed: PrivateShareFigure? = {
            guard let metrics else { return nil }
            let applied = basis.applying(to: cluster)
            let parts = metrics.privateShareParts(applied)
            guard let share = Share(parts.part.amount, of: parts.whole) else { return nil }
            return PrivateShareFigure(
                share: share, whole: parts.whole, lines: parts.part.lines, source: .computed, basis: applied)
        }()
        return preferring == .published ? published ?? computed : computed ?? published
    }
}

/// The figures every trajectory rule reads, computed once per history: each year's budget metrics and published row,
/// oldest year first.
///
/// Building them checks the history: at least one year, each year once, every full year valid against the
/// catalogue, in the history's currency. Errors name the year's place in the document (`years[3].resources[1]`).
public struct HistoryMetrics: Sendable {
    /// The history.
    public let history: BudgetHistory
    /// Its years, oldest first.
    public let years: [HistoryYearFigures]

    /// Computes the figures of a history, checking it.
    /// - Throws: ``InputError`` naming the field path and the reason.
    public init(_ history: BudgetHistory, catalog: Catalog = .builtIn, file: String? = nil) throws(InputError) {
        guard !history.years.isEmpty else {
            throw InputError(file: file, path: "years", reason: "a history needs at least one year")
        }
        var seen: [Int: Int] = [:]
        var figures: [HistoryYearFigures] = []
        for (index, year) in history.years.enumerated() {
            let path = "years[\(index)]"
            if let other = seen[year.year] {
                throw InputError(file: file, path: path + ".year", reason: BudgetHistory.duplicateYear(year.year, firstAt: other))
            }
            seen[year.year] = index
            var metrics: BudgetMetrics?
            if let budget = year.budget {
                guard budget.year == year.year else {
                    throw InputError(file: file, path: path + ".year", reason: "the year is \(year.year) but its budget's is \(budget.year)")
                }
                guard budget.currency == history.currency else {
                    throw InputError(
                        file: file, path: path + ".currency", reason: "the year is in \(budget.currency), but the history is in \(history.currency)")
                }
                do {
                    metrics = try BudgetMetrics(budget, catalog: catalog, file: file)
                } catch {
                    throw InputError(
                        file: file, path: error.path.isEmpty ? path : "\(path).\(error.path)", reason: error.reason,
                        line: error.line, column: error.column)
                }
            }
            figures.append(
                HistoryYearFigures(
                    year: year.year, index: index, budget: year.budget, metrics: metrics, published: year.published,
                    cluster: year.budget?.cluster ?? history.inheritedCluster(members: year.published?.members)))
        }
        self.history = history
        years = figures.sorted { $0.year < $1.year }
    }

    /// Each year's private share, without a glide path (no required share).
    public func trajectory(basis: SelfFinancingBasis, preferring: FigureSource) -> Trajectory {
        Trajectory(
            basis: basis, preferring: preferring, path: nil,
            points: years.map { Trajectory.Point(year: $0.year, figure: $0.privateShare(basis: basis, preferring: preferring), required: nil) })
    }

    /// The trajectory of the private share: each year's figure and, when a glide path can be drawn, the share it
    /// requires.
    ///
    /// The path runs in a straight line from the share of `baselineYear` (default: the first year with a known share)
    /// to `target` in `targetYear`, and stays at the target after it. A baseline already at or above the target
    /// requires the target itself. Without a known share in the baseline year there is no path, and no required share.
    public func trajectory(
        basis: SelfFinancingBasis, preferring: FigureSource, target: Share, targetYear: Int, baselineYear: Int? = nil
    ) -> Trajectory {
        let shares = years.map { ($0.year, $0.privateShare(basis: basis, preferring: preferring)) }
        let baseline = baselineYear.map { year in shares.first { $0.0 == year } } ?? shares.first { $0.1 != nil }
        let path = baseline.flatMap { year, figure in
            figure.map { GlidePath(baselineYear: year, baselineShare: $0.share, target: target, targetYear: targetYear) }
        }
        return Trajectory(
            basis: basis, preferring: preferring, path: path,
            points: shares.map { year, figure in Trajectory.Point(year: year, figure: figure, required: path?.required(in: year)) })
    }
}

/// A straight glide path from a baseline share to a target share (the memento's « période de transition », p. 21).
public struct GlidePath: Hashable, Sendable {
    /// The year the path starts from.
    public var baselineYear: Int
    /// The private share in the baseline year.
    public var baselineShare: Share
    /// The private share to reach.
    public var target: Share
    /// The year by which to reach it.
    public var targetYear: Int

    /// Creates a path.
    public init(baselineYear: Int, baselineShare: Share, target: Share, targetYear: Int) {
        self.baselineYear = baselineYear
        self.baselineShare = baselineShare
        self.target = target
        self.targetYear = targetYear
    }

    /// The share the path requires in `year`: `nil` before the baseline year; the target from the target year on
    /// (or all along when the baseline already reaches it); in between, `s₀ + (t − s₀)·(y − y₀)/(Y − y₀)`, exact
    /// (or rounded down to 10⁻¹² when the exact ratio does not fit in 64-bit terms).
    public func required(in year: Int) -> Share? {
        guard year >= baselineYear else { return nil }
        guard baselineShare < target, year < targetYear else { return target }
        let n = Int128(targetYear - baselineYear), k = Int128(year - baselineYear)
        if let exact = Self.interpolate(baselineShare, target, k, n) { return exact }
        // Terms too large for 128 bits (shares built in code with huge denominators): go through 12 decimals.
        guard let s0 = Share(exactly: baselineShare.rounded(toPlaces: 12)), let t = Share(exactly: target.rounded(toPlaces: 12)),
            let approximate = Self.interpolate(s0, t, k, n)
        else { return target }
        return approximate
    }

    /// `(a·q·n + (p·b − a·q)·k) / (b·q·n)` for `s₀ = a/b`, `t = p/q`; `nil` on overflow.
    private static func interpolate(_ s0: Share, _ t: Share, _ k: Int128, _ n: Int128) -> Share? {
        let a = Int128(s0.numerator), b = Int128(s0.denominator), p = Int128(t.numerator), q = Int128(t.denominator)
        func times(_ x: Int128, _ y: Int128) -> Int128? {
            let (value, overflow) = x.multipliedReportingOverflow(by: y)
            return overflow ? nil : value
        }
        guard let aq = times(a, q), let pb = times(p, b), let aqn = times(aq, n), let bq = times(b, q),
            let denominator = times(bq, n), case let (gap, false) = pb.subtractingReportingOverflow(aq),
            let step = times(gap, k), case let (numerator, false) = aqn.addingReportingOverflow(step), numerator >= 0
        else { return nil }
        return Share.reduced(numerator, over: denominator)
    }
}

/// The private share of a cluster year by year, and the share its glide path requires: what reports print for a
/// history and what the transition rule judges.
public struct Trajectory: Hashable, Sendable {
    /// One year of the trajectory.
    public struct Point: Hashable, Sendable {
        /// The year.
        public var year: Int
        /// The year's private share, `nil` when unknown (« N.D. »).
        public var figure: PrivateShareFigure?
        /// The share the glide path requires, `nil` before the baseline or without a path.
        public var required: Share?

        /// Creates a point.
        public init(year: Int, figure: PrivateShareFigure?, required: Share?) {
            self.year = year
            self.figure = figure
            self.required = required
        }

        /// The private share, `nil` when unknown.
        public var privateShare: Share? { figure?.share }
        /// Whether the share is known and under the required one.
        public var isBehind: Bool {
            guard let privateShare, let required else { return false }
            return privateShare < required
        }
    }

    /// The basis asked for computed figures.
    public var basis: SelfFinancingBasis
    /// Which figures come first.
    public var preferring: FigureSource
    /// The glide path, when one can be drawn.
    public var path: GlidePath?
    /// The years, oldest first.
    public var points: [Point]

    /// Creates a trajectory.
    public init(basis: SelfFinancingBasis, preferring: FigureSource, path: GlidePath?, points: [Point]) {
        self.basis = basis
        self.preferring = preferring
        self.path = path
        self.points = points
    }
}

extension Share {
    /// The distance `|self − other|` between two shares, exact (or rounded down to 10⁻¹² when the exact ratio does
    /// not fit in 64-bit terms): `0.3.distance(to: 0.2361)` is about 6.4 points.
    public func distance(to other: Share) -> Share {
        let (difference, overflow) = (Int128(numerator) * Int128(other.denominator))
            .subtractingReportingOverflow(Int128(other.numerator) * Int128(denominator))
        guard !overflow, difference != .min else { return Share(Int64.max, over: 1) }
        return Share.reduced(difference < 0 ? -difference : difference, over: Int128(denominator) * Int128(other.denominator))
    }

    /// `numerator / denominator` (numerator ≥ 0, denominator > 0) in lowest terms; rounded down to 12 decimals when
    /// it does not fit in 64-bit terms even then.
    static func reduced(_ numerator: Int128, over denominator: Int128) -> Share {
        var (x, y) = (numerator, denominator)
        while y != 0 { (x, y) = (y, x % y) }
        let divisor = Swift.max(x, 1)
        if let n = Int64(exactly: numerator / divisor), let d = Int64(exactly: denominator / divisor) {
            return Share(n, over: d)
        }
        // Past 10⁶ (a ratio no budget gives) the value is clamped rather than trapping.
        guard numerator / denominator < 1_000_000 else { return Share(Int64.max, over: 1_000_000_000_000) }
        var (numerator, denominator) = (numerator, denominator)
        while denominator > Int128.max / 16 { (numerator, denominator) = (numerator >> 4, denominator >> 4) }
        var remainder = numerator % denominator
        var value = numerator / denominator
        for _ in 0..<12 {
            remainder *= 10
            value = value * 10 + remainder / denominator
            remainder %= denominator
        }
        return Share(Int64(value), over: 1_000_000_000_000)
    }
}
