import ClusterKitCore

/// The private share to reach and the year to reach it by, as the 50/50 rules read them: the rule set's parameters
/// when it sets them, else the cluster's own `targets`, else the defaults — 50% by 2016, the pôles' commitment in
/// their 2013–2018 performance contracts (p. 11).
struct FundingTarget {
    /// The private share to reach.
    var share: Share
    /// The year by which to reach it.
    var year: Int
    /// The year the glide path starts from, when the cluster names one.
    var baselineYear: Int?

    /// The `target` and `targetYear` parameters both 50/50 rules declare.
    static let parameters = [
        RuleParameter(
            "target", .share(Share(percent: 50)),
            english: "Private share of the budget to reach; the cluster's targets.privateShare when the rule set does not set it.",
            french: "Part privée du budget à atteindre ; targets.privateShare du cluster si le jeu de règles ne la fixe pas."),
        RuleParameter(
            "targetYear", .integer(2016),
            english: "Year by which to reach it (2016 for the pôles); the cluster's targets.year when the rule set does not set it.",
            french: "Année où l'atteindre (2016 pour les pôles) ; targets.year du cluster si le jeu de règles ne la fixe pas."),
    ]

    /// The `basis` parameter: gross or net self-financing.
    static let basisParameter = RuleParameter(
        "basis", .text(SelfFinancingBasis.gross.rawValue),
        english: "gross (valued time counted) or net (cash only); net always applies where valued time is not allowed.",
        french: "gross (brut, valorisation comprise) ou net (numéraire seul) ; net s'applique toujours si la valorisation est interdite.",
        allowedValues: SelfFinancingBasis.allCases.map(\.rawValue))

    /// Reads the target for a cluster.
    init(_ context: RuleContext, cluster: ClusterProfile) throws {
        let targets = cluster.targets
        share = context.isSet("target") ? try context.share("target") : try targets?.privateShare ?? context.share("target")
        year = context.isSet("targetYear") ? try context.integer("targetYear") : try targets?.year ?? context.integer("targetYear")
        baselineYear = targets?.baselineYear
    }

    /// The `basis` parameter's value.
    static func basis(_ context: RuleContext) throws -> SelfFinancingBasis {
        let text = try context.text("basis")
        guard let basis = SelfFinancingBasis(rawValue: text) else {
            throw RuleError("parameter 'basis' of rule '\(context.description.id)' is '\(text)', not gross or net")
        }
        return basis
    }
}
