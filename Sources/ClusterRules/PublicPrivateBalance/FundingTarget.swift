import ClusterKitCore
import Foundation

/// The private share a budget of a given year is judged against, as the 50/50 rules read it — and whose it is.
///
/// In order: the rule set's `target` and `targetYear` when it sets them; else the cluster's own `targets` (the one
/// whose year is the nearest at or after the budget's, else one without a year, else the last one); else, for a
/// pôle budget of the 2013–2018 performance contracts, 50% by 2016 (the pôles' commitment, p. 11); else the
/// memento's 50% « à terme », with no date (Mecabourg's « à terme, un objectif d'autofinancement de 50 % », p. 31;
/// « un socle de 50 % de financement privé », p. 21).
struct FundingTarget {
    /// Where the target comes from.
    enum Origin: Equatable {
        /// The rule set's `target` or `targetYear` parameter.
        case ruleSet
        /// One of the cluster's `targets` (a funder's or its own).
        case cluster
        /// The pôles' 2013–2018 performance contracts: 50% by 2016.
        case poleContracts
        /// No target given: the memento's 50% « à terme », undated.
        case memento
    }

    /// The private share to reach.
    var share: Share
    /// The year by which to reach it; `nil` for a target « à terme », with no date.
    var year: Int?
    /// The year the glide path starts from, when the target names one.
    var baselineYear: Int?
    /// The basis the target itself is measured on, when it says.
    var basis: SelfFinancingBasis?
    /// The funder's own definition of the share, when the target gives one (`basis` as an object).
    var definition: FunderBasis?
    /// Where it comes from.
    var origin: Origin

    /// The first and last year of the pôles' performance contracts that carry the 2016 commitment.
    static let poleContractYears = 2013...2018

    /// The `target` parameter the 50/50 rules declare.
    static let target = Parameter<Share>(
        "target", default: Share(percent: 50),
            english: "Private share of the budget to reach (« un socle de 50 % de financement privé », p. 21); the cluster's targets when the rule set does not set it.",
            french: "Part privée du budget à atteindre (« un socle de 50 % de financement privé », p. 21) ; les objectifs (targets) du cluster si le jeu de règles ne la fixe pas.")

    /// The `targetYear` parameter the 50/50 rules declare.
    static let targetYear = Parameter<Int>(
        "targetYear", default: 2016,
            english: "Year by which to reach it. Applies only to pôle budgets of the 2013–2018 performance contracts (« au plus tard d'ici 2016 », p. 11) without a target of their own; other clusters without a target get the 50% « à terme », with no date. Set here, it applies to every budget.",
            french: "Année où l'atteindre. Ne s'applique qu'aux budgets des pôles relevant des contrats de performance 2013-2018 (« au plus tard d'ici 2016 », p. 11) sans objectif propre ; les autres clusters sans objectif sont jugés sur les 50 % « à terme », sans échéance. Fixée ici, elle s'applique à tout budget.")

    /// The `basis` parameter: gross or net self-financing.
    static let basis = Parameter<SelfFinancingBasis>(
        "basis", default: .gross,
        english: "gross (valued time and secondments counted) or net (cash only); net always applies where valued time is not allowed, and a target's own basis before this one. Gross is our default, decided against the net that the memento's survey measure suggests (« autofinancement (cotisation et vente de services) », p. 9, narrower still: no participations, events or sponsoring): the self-financing figures and targets the memento reports are gross — Neopolia's « 50 % brut » (p. 24), EMC2's 55 % with its secondments and time contributions (p. 47), secondments as a private contribution of the pôles (p. 11) —, and a target judged on another basis than the one it was set on gives a false verdict. Every report prints the net share beside the gross one; set `net` to judge on it.",
        french: "gross (brut, valorisation et mises à disposition comprises) ou net (numéraire seul) ; le net s'applique toujours si la valorisation est interdite, et la base propre d'un objectif avant celle-ci. Le brut est notre choix, contre le net que suggère la mesure de l'enquête du mémento (« autofinancement (cotisation et vente de services) », p. 9, plus étroite encore : ni participations, ni événementiels, ni sponsoring) : les niveaux d'autofinancement et les objectifs que rapporte le mémento sont bruts — les « 50 % brut » de Neopolia (p. 24), les 55 % d'EMC2 avec ses mises à disposition et contributions en temps (p. 47), les mises à disposition comme contribution privée des pôles (p. 11) —, et un objectif jugé sur une autre base que celle où il a été fixé donne un verdict faux. Chaque rapport imprime la part nette à côté de la part brute ; choisir `net` pour juger sur elle.",
        defaultIsOurs: true, allowedValues: SelfFinancingBasis.allCases.map(\.rawValue))

    /// Reads the target a budget of `budgetYear` is judged against.
    init(_ context: RuleContext, cluster: ClusterProfile, year budgetYear: Int) throws {
        let own = cluster.target(judgedIn: budgetYear)
        let setShare = context.isSet(Self.target), setYear = context.isSet(Self.targetYear)
        share = setShare ? try context.value(of: Self.target) : try own?.privateShare ?? context.value(of: Self.target)
        basis = own?.basis
        definition = own?.definition
        baselineYear = own?.baselineYear
        if setYear {
            year = try context.value(of: Self.targetYear)
        } else if let own {
            year = own.year
        } else if cluster.kind == .pole, Self.poleContractYears.contains(budgetYear) {
            year = try context.value(of: Self.targetYear)
        } else {
            year = nil
        }
        origin = setShare || setYear ? .ruleSet
            : own != nil ? .cluster
            : year != nil ? .poleContracts : .memento
    }

    /// Whether a funder or the cluster set the target (rather than the memento's 50% read by default): a
    /// public-service cluster is held to a target only when someone set one.
    var isSet: Bool { origin != .memento }

    /// The basis to measure on: net where valued time is not allowed, else the target's own, else the rule's.
    func basis(_ context: RuleContext, cluster: ClusterProfile) throws -> SelfFinancingBasis {
        try (basis ?? Self.basis(context)).applying(to: cluster)
    }

    /// Whether the target says on which basis it is measured (gross, net, or the funder's own definition).
    var statesBasis: Bool { basis != nil || definition != nil }

    /// The private part and the whole the target is measured on, with their words: the funder's definition when the
    /// target gives one, else gross or net (``basis(_:cluster:)``).
    func measure(_ context: RuleContext, cluster: ClusterProfile) throws -> TargetMeasure {
        if let definition, cluster.valuedTimeAllowed || !definition.valuedTime {
            let (part, whole) = context.metrics.privateShareParts(definition)
            return TargetMeasure(
                part: part, whole: whole,
                label: definition.label { id, language in context.catalog.source(id)?.name(in: language) ?? id.rawValue },
                partLabel: LocalizedText(english: "Own resources on the funder's basis", french: "Ressources propres sur la base du financeur"),
                wholeLabel: definition.whole == .totalIncome
                    ? LocalizedText(english: "Total income", french: "Total des produits") : nil)
        }
        let basis = try self.basis(context, cluster: cluster)
        let (part, whole) = context.metrics.privateShareParts(basis)
        return TargetMeasure(
            part: part, whole: whole, label: basis.label,
            partLabel: basis == .net
                ? LocalizedText(english: "Private cash resources, Priv(cash)", french: "Ressources privées en numéraire, Priv(num.)")
                : LocalizedText(english: "Private resources (Priv)", french: "Ressources privées (Priv)"),
            wholeLabel: basis == .net
                ? LocalizedText(english: "Cash resources, R(cash)", french: "Ressources en numéraire, R(num.)") : nil)
    }

    /// The share on total income shown beside the memento's where the target does not say its basis: every line that
    /// is not public funding, of every resource line (valued time as on the memento's basis); `nil` where the target
    /// states its basis.
    func totalIncomeMeasure(_ context: RuleContext, cluster: ClusterProfile) throws -> TargetMeasure? {
        guard !statesBasis else { return nil }
        let definition = FunderBasis(whole: .totalIncome, valuedTime: try basis(context, cluster: cluster) == .gross)
        let (part, whole) = context.metrics.privateShareParts(definition)
        return TargetMeasure(
            part: part, whole: whole, label: definition.label { id, _ in id.rawValue },
            partLabel: LocalizedText(english: "Resources other than public funding", french: "Ressources hors financements publics"),
            wholeLabel: LocalizedText(english: "Total income", french: "Total des produits"))
    }

    /// How far `share` is from the target: `target − share`, zero when it is reached.
    func gap(from share: Share) -> Share {
        guard share < self.share else { return .zero }
        let a = Int128(self.share.numerator), b = Int128(self.share.denominator)
        let c = Int128(share.numerator), d = Int128(share.denominator)
        return Share.reduced(a * d - c * b, over: b * d)
    }

    /// A gap between two shares in percentage points, one decimal: « 2.8 percentage points » / « 2,8 points ».
    static func points(_ gap: Share) -> LocalizedText {
        // Tenths of a point: the share's digits at three places, in exact integers (no `Decimal`, no Foundation
        // string search: they were a third of the rule's cost).
        guard let digits = gap.roundedDigits(toPlaces: 3) else { preconditionFailure("3 places are within 0…18") }
        let value = Int(digits)
        let tenth = value % 10 == 0 ? "" : "\(value % 10)"
        let english = "\(value / 10)" + (tenth.isEmpty ? "" : "." + tenth)
        let french = "\(value / 10)" + (tenth.isEmpty ? "" : "," + tenth)
        return LocalizedText(
            english: english + (value == 10 ? " percentage point" : " percentage points"),
            french: french + (value < 20 ? " point" : " points"))
    }

    /// The `basis` parameter's value.
    static func basis(_ context: RuleContext) throws -> SelfFinancingBasis {
        try context.value(of: basis)
    }
}

/// A private part and its whole, as a target is measured, with the words that name them.
struct TargetMeasure {
    /// The private part (and its lines).
    var part: LineTotal
    /// The whole it is a share of.
    var whole: Money
    /// The basis, for messages (« brut, valorisation comprise », « base du financeur : … »), written when read: most
    /// checks compare the share and write no message with it (a funder's basis joins the names of its sources).
    var label: LocalizedText { makeLabel() }
    private let makeLabel: @Sendable () -> LocalizedText
    /// What the part is, for the explanation.
    var partLabel: LocalizedText
    /// What the whole is, for the explanation; `nil` for the metrics' own whole.
    var wholeLabel: LocalizedText?

    init(
        part: LineTotal, whole: Money, label: @autoclosure @escaping @Sendable () -> LocalizedText, partLabel: LocalizedText,
        wholeLabel: LocalizedText?
    ) {
        self.part = part
        self.whole = whole
        makeLabel = label
        self.partLabel = partLabel
        self.wholeLabel = wholeLabel
    }

    /// The share, `nil` for a whole of zero.
    var share: Share? { Share(part.amount, of: whole) }
}

/// What the 50/50 rules read of a cluster's purpose and age.
enum FundingPurpose {
    /// The age under which every 50/50 rule gives notes (« autofinancement très délicat pour les clusters en
    /// création », p. 21; « plus de 3 ans d'existence », p. 38).
    static let youngAge = 3

    /// The `minimumAge` parameter the 50/50 rules declare.
    static let minimumAge = Parameter<Int>(
        "minimumAge", default: youngAge,
        english: "Age under which a cluster gets a note rather than a warning (« plus de 3 ans d'existence », p. 38; « autofinancement très délicat pour les clusters en création », p. 21).",
        french: "Âge en deçà duquel le cluster reçoit une note plutôt qu'un avertissement (« plus de 3 ans d'existence », p. 38 ; « autofinancement très délicat pour les clusters en création », p. 21).")

    /// The cluster's purpose, `mixed` when it does not say.
    static func of(_ cluster: ClusterProfile) -> ClusterPurpose { cluster.purpose ?? .mixed }
}
