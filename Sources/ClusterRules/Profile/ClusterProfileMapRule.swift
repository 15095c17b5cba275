import ClusterKitCore

/// `cluster-profile`: places the cluster on the memento's map of profiles — size × self-financing.
///
/// Small is at most 50 members; self-financing under 30% is low, from 50% high, and between the two lies « un
/// équilibre précaire ». The four profiles keep the memento's French names.
public struct ClusterProfileMapRule: Rule {
    /// Creates the rule.
    public init() {}

    /// Where a cluster falls on the map.
    package enum Placement: String, Hashable, Sendable, CaseIterable {
        /// Large and highly self-financed: « la ruche bourdonnante ».
        case buzzingHive = "buzzing-hive"
        /// Small and highly self-financed: « la joyeuse meute ».
        case joyfulPack = "joyful-pack"
        /// Small and little self-financed: « aube ou crépuscule ».
        case dawnOrDusk = "dawn-or-dusk"
        /// Large and little self-financed: « la migration des gnous ».
        case wildebeestMigration = "wildebeest-migration"
        /// Self-financing between the low and high bands: « un équilibre précaire ».
        case precariousBalance = "precarious-balance"

        /// The id of the message that describes the placement (`cluster-profile.buzzing-hive`, …).
        package var messageID: MessageID { MessageID(rawValue: "cluster-profile.\(rawValue)") }
    }

    static let smallMaximum = Parameter<Int>("smallMaximum", default: 50, english: "Most members a small cluster has.", french: "Nombre maximal d'adhérents d'un petit cluster.")
    static let lowBelow = Parameter<Share>("lowBelow", default: Share(percent: 30), english: "Self-financing under this share is low.", french: "Sous cette part, l'autofinancement est faible.")
    static let highFrom = Parameter<Share>("highFrom", default: Share(percent: 50), english: "Self-financing from this share is high.", french: "À partir de cette part, l'autofinancement est fort.")

    static let buzzingHive = MessageTemplate(
        id: Placement.buzzingHive.messageID,
        english: "{members} members and {share} self-financing ({basis}): on the memento's map (size × self-financing), the area it calls « la ruche bourdonnante ». Its sketch of that area: a broad and active membership, many actions with changing groups of participants, segmented by the members' market strategies, and often a sophisticated pricing (membership, membership plus, extra services). A reading of the map, to set beside what the cluster knows of itself.{purpose}",
        french: "{members} adhérents et {share} d'autofinancement ({basis}) : sur la carte du mémento (taille × autofinancement), la zone qu'il nomme « la ruche bourdonnante ». Son esquisse de cette zone : une base d'adhérents élargie et active, de nombreuses actions à géométrie variable, segmentées selon les stratégies marchés des membres, et une politique tarifaire souvent sophistiquée (adhésion, adhésion +, services annexes). Une lecture de la carte, à rapprocher de ce que le cluster sait de lui-même.{purpose}")
    static let joyfulPack = MessageTemplate(
        id: Placement.joyfulPack.messageID,
        english: "{members} members and {share} self-financing ({basis}): on the memento's map (size × self-financing), the area it calls « la joyeuse meute ». Its sketch of that area: few members bound by long-standing trust, real added value for them (innovation, markets) and high fees; its limits: fragile because it has few members (a precarious financial balance), and often a closed circle new companies find hard to join. A reading of the map, to set beside what the cluster knows of itself.{purpose}",
        french: "{members} adhérents et {share} d'autofinancement ({basis}) : sur la carte du mémento (taille × autofinancement), la zone qu'il nomme « la joyeuse meute ». Son esquisse de cette zone : des acteurs peu nombreux liés par une confiance historique, une vraie valeur ajoutée pour les membres (innovation, gains de marchés) et un niveau de cotisation élevé ; ses limites : une fragilité liée au faible nombre de membres (équilibre financier précaire), un cercle souvent fermé, difficile à intégrer pour de nouvelles entreprises. Une lecture de la carte, à rapprocher de ce que le cluster sait de lui-même.{purpose}")
    static let dawnOrDusk = MessageTemplate(
        id: Placement.dawnOrDusk.messageID,
        english: "{members} members and {share} self-financing ({basis}): on the memento's map (size × self-financing), the area it calls « aube ou crépuscule ». Its sketch of that area: either a cluster being created, driven by a hard core of pioneers, or one at the end of its life, whose cooperation projects have run their course; the memento asks whether such transitional situations can last. A reading of the map, to set beside what the cluster knows of itself.{purpose}",
        french: "{members} adhérents et {share} d'autofinancement ({basis}) : sur la carte du mémento (taille × autofinancement), la zone qu'il nomme « aube ou crépuscule ». Son esquisse de cette zone : soit un cluster en création, porté par un noyau dur de précurseurs, soit un cluster en fin de vie, dont les projets de coopération sont arrivés à terme ; le mémento s'interroge : des situations transitoires non tenables ? Une lecture de la carte, à rapprocher de ce que le cluster sait de lui-même.{purpose}")
    static let wildebeestMigration = MessageTemplate(
        id: Placement.wildebeestMigration.messageID,
        english: "{members} members and {share} self-financing ({basis}): on the memento's map (size × self-financing), the area it calls « la migration des gnous ». Its sketch of that area is a type, not a finding about this cluster: a position sometimes ambiguous between a body that animates a sector and a business network, and questions to ask — how involved numerous members are, how marked their will to cooperate is, how close a wide range of actions stays to needs on the ground. A reading of the map, to set beside what the cluster knows of itself.{purpose}",
        french: "{members} adhérents et {share} d'autofinancement ({basis}) : sur la carte du mémento (taille × autofinancement), la zone qu'il nomme « la migration des gnous ». Son esquisse de cette zone est un type, non un constat sur ce cluster : une situation parfois ambiguë, entre structure d'animation de filière et réseau d'entreprises, et des questions à se poser — l'implication d'adhérents nombreux, leur volonté de coopérer, l'adéquation d'une large palette d'actions aux besoins du terrain. Une lecture de la carte, à rapprocher de ce que le cluster sait de lui-même.{purpose}")
    static let precariousBalance = MessageTemplate(
        id: Placement.precariousBalance.messageID,
        english: "{members} members ({size}) and {share} self-financing ({basis}), between {low} and {high}: on the memento's map, the band it calls « un équilibre précaire », where situations are still evolving between its profiles.{purpose}",
        french: "{members} adhérents ({size}) et {share} d'autofinancement ({basis}), entre {low} et {high} : sur la carte du mémento, la bande qu'il nomme « un équilibre précaire », où les situations évoluent encore entre ses profils.{purpose}")
    static let inCreation = MessageTemplate(
        id: "cluster-profile.in-creation",
        english: "The cluster is {age} {age|year|years} old, with {members} members and {share} self-financing ({basis}): a cluster in creation, which the memento's map reads as a dawn — a project driven by a hard core of pioneers (« Aube ou crépuscule ? », p. 18) — at an age when self-financing is very delicate (p. 21). Its place by size and self-financing will say more once its model has settled (more than 3 years, p. 38).{purpose}",
        french: "Le cluster a {age} {age|an|ans}, {members} adhérents et {share} d'autofinancement ({basis}) : un cluster en création, que la carte du mémento lit comme une aube — un projet impulsé par un noyau dur de précurseurs (« Aube ou crépuscule ? », p. 18) —, à un âge où l'autofinancement est très délicat (p. 21). Sa place selon la taille et l'autofinancement en dira davantage une fois son modèle consolidé (plus de 3 ans d'existence, p. 38).{purpose}")

    public static let description = RuleDescription(
        id: "cluster-profile",
        name: LocalizedText(english: "Profile on the memento's map", french: "Profil sur la carte du mémento"),
        rationale: LocalizedText(
            english: """
                The memento sketches a map of clusters by size and self-financing (state of play, January 2013): \
                « la ruche bourdonnante » (large, highly self-financed: Néopolia, RMVO, Soliage), « la joyeuse meute » \
                (small, highly self-financed: Shop Expert Valley, Noveco), « aube ou crépuscule » (small, little \
                self-financed) and « la migration des gnous » (large, little self-financed); between 30% and 50% lies \
                a precarious balance, where situations evolve. Knowing where a cluster stands helps read the other \
                diagnostics. Small means at most 50 members; self-financing is gross (valued time counted) unless the \
                funders forbid valued time or the rule set asks for net — the map shows both. Each placement is a \
                reading of the memento's map — its sketch of a type of cluster, never a finding about a cluster's \
                members. A cluster under 3 years old gets a reading for a cluster in creation: the map's « aube », a \
                project driven by a hard core of pioneers (p. 18), at an age when self-financing is very delicate.
                """,
            french: """
                Le mémento esquisse une carte des clusters selon leur taille et leur autofinancement (état des lieux \
                de janvier 2013) : « la ruche bourdonnante » (grande taille, fort autofinancement : Néopolia, RMVO, \
                Soliage), « la joyeuse meute » (petite taille, fort autofinancement : Shop Expert Valley, Noveco), \
                « aube ou crépuscule » (petite taille, faible autofinancement) et « la migration des gnous » (grande \
                taille, faible autofinancement) ; entre 30 % et 50 %, un équilibre précaire, des situations \
                évolutives. Situer le cluster aide à lire les autres diagnostics. Petite taille : 50 adhérents au \
                plus ; l'autofinancement est brut (valorisation comprise), sauf si les financeurs interdisent la \
                valorisation ou si le jeu de règles demande le net — la carte montre les deux. Chaque placement est \
                une lecture de la carte du mémento — son esquisse d'un type de cluster, jamais un constat sur les \
                membres d'un cluster. Un cluster de moins de 3 ans reçoit la lecture d'un cluster en création : \
                l'« aube » de la carte, un projet impulsé par un noyau dur de précurseurs (p. 18), à un âge où \
                l'autofinancement est très délicat.
                """),
        citation: Memento.profiles,
        defaultSeverity: .note,
        parameters: [smallMaximum, lowBelow, highFrom, FundingTarget.basis, FundingPurpose.minimumAge],
        messages: [buzzingHive, joyfulPack, dawnOrDusk, wildebeestMigration, precariousBalance, inCreation],
        triggeringExamples: [
            RuleExample(
                Budget.balanced(
                    caseStudy("Neopolia", members: 170),
                    resources: [.line(.membershipFees, 380_000), .line(.memberTime, 250_000), .line(.region, 597_000)]),
                note: "Neopolia 2013, 170 members and 51.3% gross: « la ruche bourdonnante », as the memento places it."),
            RuleExample(
                Budget.balanced(exampleCluster(members: 20), resources: [.line(.region, 80_000), .line(.membershipFees, 20_000)]),
                note: "20 members, 20%: « aube ou crépuscule »."),
            RuleExample(
                Budget.balanced(caseStudy("Mecabourg", members: 60), resources: [.line(.region, 160_000), .line(.membershipFees, 130_000)]),
                note: "Mecabourg 2013, 60 members and 44.8%: the precarious balance."),
            RuleExample(
                Budget.balanced(exampleCluster(founded: 2012, members: 120), resources: [.line(.region, 80_000), .line(.membershipFees, 20_000)]),
                note: "A one-year-old cluster of 120 members at 20%: a reading for a cluster in creation, not « la migration des gnous »."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(exampleCluster(members: nil), resources: [.line(.region, 50_000), .line(.membershipFees, 50_000)]),
                note: "The number of members is unknown: the cluster cannot be placed.")
        ])

    /// What the memento says of a cluster's purpose (p. 20–21, « deux finalités »), appended to the placement; empty
    /// `nil` for a mixed or unsaid purpose.
    static func purposeReading(_ purpose: ClusterPurpose?) -> LocalizedText? {
        switch purpose {
        case .publicService:
            LocalizedText(
                english: " Its purpose is a public-service mission of economic development: on the memento's second map it sits towards « Mission de service public », where self-financing is low and public funding large by design (p. 20–21).",
                french: " Sa finalité est une mission de service public de développement économique : sur la seconde carte du mémento, il se place vers la « Mission de service public », où l'autofinancement est faible et le financement public large par construction (p. 20-21).")
        case .memberInterests:
            LocalizedText(
                english: " Its purpose is to serve its members' interests: on the memento's second map it sits towards « Défense d'intérêts privés », where self-financing above 50% is expected (p. 20–21).",
                french: " Sa finalité est la défense des intérêts de ses membres : sur la seconde carte du mémento, il se place vers la « Défense d'intérêts privés », où un autofinancement supérieur à 50 % est attendu (p. 20-21).")
        case .mixed, nil: nil
        }
    }

    /// The message of a placement.
    static func template(of placement: Placement) -> MessageTemplate {
        switch placement {
        case .buzzingHive: buzzingHive
        case .joyfulPack: joyfulPack
        case .dawnOrDusk: dawnOrDusk
        case .wildebeestMigration: wildebeestMigration
        case .precariousBalance: precariousBalance
        }
    }

    /// The placement of a cluster of `members` members with self-financing `share`.
    package static func placement(members: Int, share: Share, smallMaximum: Int, lowBelow: Share, highFrom: Share) -> Placement {
        let small = members <= smallMaximum
        if share >= highFrom { return small ? .joyfulPack : .buzzingHive }
        if share < lowBelow { return small ? .dawnOrDusk : .wildebeestMigration }
        return .precariousBalance
    }

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        let metrics = context.metrics
        guard let members = context.budget.cluster.members else { return [] }
        let basis = try FundingTarget.basis(context).applying(to: context.budget.cluster)
        guard let share = metrics.selfFinancing(basis) else { return [] }
        let smallMaximum = try context.value(of: Self.smallMaximum)
        let low = try context.value(of: Self.lowBelow), high = try context.value(of: Self.highFrom)
        let placement = Self.placement(members: members, share: share, smallMaximum: smallMaximum, lowBelow: low, highFrom: high)
        let small = members <= smallMaximum
        let age = try YoungCluster.age(context)
        var arguments: MessageArguments = [
            "members": .integer(members), "share": .share(share), "low": .share(low), "high": .share(high),
            "basis": .localized(basis.label),
            "size": .localized(
                small ? LocalizedText(english: "small in size", french: "taille faible")
                    : LocalizedText(english: "large in size", french: "taille importante")),
            "purpose": Self.purposeReading(context.budget.cluster.purpose).map { .localized($0) } ?? .text(""),
        ]
        if let age { arguments["age"] = .integer(age) }
        // Made to size: the figures are appended one by one.
        var explanation: [ExplanationItem] = []
        explanation.reserveCapacity(6)
        explanation.append(ExplanationItem(LocalizedText(english: "Members", french: "Adhérents"), .integer(members)))
        explanation.append(
            ExplanationItem(LocalizedText(english: "Small up to (members)", french: "Petite taille jusqu'à (adhérents)"), .integer(smallMaximum)))
        if let gross = metrics.selfFinancingGross {
            explanation.append(ExplanationItem(LocalizedText(english: "Self-financing, gross", french: "Autofinancement brut"), .share(gross)))
        }
        if let cash = metrics.selfFinancingNet {
            explanation.append(ExplanationItem(LocalizedText(english: "Self-financing, net", french: "Autofinancement net"), .share(cash)))
        }
        explanation.append(ExplanationItem(LocalizedText(english: "Low under", french: "Faible sous"), .share(low)))
        explanation.append(ExplanationItem(LocalizedText(english: "High from", french: "Fort à partir de"), .share(high)))
        return [
            context.diagnostic(
                age == nil ? Self.template(of: placement) : Self.inCreation, arguments, measured: .share(share),
                explanation: explanation)
        ]
    }
}
