import Foundation

/// A target a cluster committed to (or a funder set it): a private share to reach by a year, from a baseline year,
/// on a basis, with where it comes from. `cluster.targets` holds one or a list of them.
public struct FundingTargets: Hashable, Sendable, Codable {
    /// The private share to reach (default 50%).
    public var privateShare: Share?
    /// The year by which to reach it; `nil` for a target « à terme » (no date).
    public var year: Int?
    /// The year the glide path starts from.
    public var baselineYear: Int?
    /// The self-financing the target is measured on, gross or net; `nil` for the rule's `basis`. Where the file gives
    /// the funder's own definition (`basis` as an object), the plain basis nearest to it: gross where valued time
    /// counts, else net.
    public var basis: SelfFinancingBasis?
    /// The funder's own definition of the share, when `basis` is an object.
    package var definition: FunderBasis?
    /// Where the target comes from (a performance contract, a funder's agreement, the cluster's own plan).
    public var source: String?

    /// Creates targets.
    public init(
        privateShare: Share? = nil, year: Int? = nil, baselineYear: Int? = nil, basis: SelfFinancingBasis? = nil,
        source: String? = nil
    ) {
        self.privateShare = privateShare
        self.year = year
        self.baselineYear = baselineYear
        self.basis = basis
        self.source = source
    }

    public init(from decoder: any Decoder) throws {
        let fields = try FieldReader(decoder, allowed: ["privateShare", "year", "baselineYear", "basis", "source"])
        privateShare = try fields.share("privateShare")
        year = try fields.year("year")
        baselineYear = try fields.year("baselineYear")
        if fields.isObject("basis") {
            let definition = try fields.required("basis", as: FunderBasis.self)
            self.definition = definition
            basis = definition.nearest
        } else {
            basis = try fields.choice("basis")
        }
        source = try fields.optional("source")
    }

    public func encode(to encoder: any Encoder) throws {
        var out = FieldWriter(encoder)
        try out.write(privateShare, "privateShare")
        try out.write(year, "year")
        try out.write(baselineYear, "baselineYear")
        if let definition { try out.write(definition, "basis") } else { try out.write(basis, "basis") }
        try out.write(source, "source")
    }
}
