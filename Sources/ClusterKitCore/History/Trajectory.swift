import Foundation

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
        package init(year: Int, figure: PrivateShareFigure?, required: Share?) {
            self.year = year
            self.figure = figure
            self.required = required
        }

        /// The private share, `nil` when unknown.
        package var privateShare: Share? { figure?.share }
        /// Whether the share is known and under the required one.
        package var isBehind: Bool {
            guard let privateShare, let required else { return false }
            return privateShare < required
        }
    }

    /// The basis asked for computed figures.
    public var basis: SelfFinancingBasis
    /// Which figures come first (the echo of the parameter a caller passed; read by the renderers).
    package var preferring: FigureSource
    /// The glide path, when one can be drawn.
    public var path: GlidePath?
    /// The years, oldest first.
    public var points: [Point]

    /// Creates a trajectory.
    package init(basis: SelfFinancingBasis, preferring: FigureSource, path: GlidePath?, points: [Point]) {
        self.basis = basis
        self.preferring = preferring
        self.path = path
        self.points = points
    }
}
