import ClusterKitCore
import Foundation

/// `service-critical-mass`: a paid service's expected clients (members × uptake) fall short of the minimum it
/// needs — "il faut 100 membres pour obtenir 10 clients".
public struct ServiceCriticalMassRule: Rule {
    /// Creates the rule.
    public init() {}

    static let short = MessageTemplate(
        id: "service-critical-mass.short",
        english: "The service {service} can expect {expected} clients ({members} members × {uptake}), under the {minimum} it needs: at that uptake it takes {needed} members, {missing} more. Grow the membership, join forces with neighbouring clusters, or sell beyond the members.",
        french: "Le service {service} peut espérer {expected} clients ({members} adhérents × {uptake}), sous les {minimum} nécessaires : à ce taux, il faut {needed} adhérents, soit {missing} de plus. Élargir l'adhésion, se rapprocher de clusters voisins ou vendre hors du cercle des membres.")
    static let noUptake = MessageTemplate(
        id: "service-critical-mass.no-uptake",
        english: "The service {service} expects no client among its {members} members (uptake {uptake}), while it needs {minimum}: sell it beyond the members, or drop it.",
        french: "Le service {service} n'attend aucun client parmi ses {members} adhérents (part des adhérents intéressés : {uptake}), alors qu'il lui en faut {minimum} : le vendre hors du cercle des membres, ou y renoncer.")

    public static let description = RuleDescription(
        id: "service-critical-mass",
        name: LocalizedText(english: "Critical mass for a paid service", french: "Taille critique d'un service payant"),
        rationale: LocalizedText(
            english: """
                Self-financing through services needs a minimum number of clients for each service, and clusters \
                often gather few members: a problem of critical mass. The memento's example: if 10% of members are \
                interested in a service, it takes 100 members to get 10 clients. This rule checks each service of \
                `cluster.services`: expected clients = members × uptake (10% unless the service says otherwise) \
                against the service's minimum (10 unless it says otherwise). The memento's remedies: grow the \
                membership, merge with neighbouring clusters, or sell beyond the circle of members.
                """,
            french: """
                L'autofinancement par la vente de services suppose un nombre minimal de clients intéressés par chaque \
                service, et les clusters ne réunissent parfois qu'un nombre restreint de membres : un problème de \
                taille critique. L'exemple du mémento : si 10 % des membres sont intéressés par un service, il faut \
                100 membres pour obtenir 10 clients. La règle vérifie chaque service de `cluster.services` : clients \
                attendus = adhérents × part des adhérents intéressés (10 % sauf indication du service) face au minimum du service \
                (10 sauf indication). Les remèdes du mémento : la course à l'adhésion, le rapprochement de clusters \
                voisins, la vente hors du cercle des membres.
                """),
        citation: Memento.clientBase,
        defaultSeverity: .warning,
        messages: [short, noUptake],
        triggeringExamples: [
            RuleExample(
                Budget.balanced(
                    ClusterProfile(name: "Mecabourg", kind: .grappe, founded: 2002, members: 60, services: [ServiceOffer(id: "veille", label: "Veille")]),
                    resources: [.line(.region, 160_000), .line(.membershipFees, 130_000)]),
                note: "60 members at 10%: 6 clients, under 10; it takes 100 members."),
            RuleExample(
                Budget.balanced(
                    ClusterProfile(name: "Example", members: 99, services: [ServiceOffer(id: "training")]),
                    resources: [.line(.region, 50_000), .line(.membershipFees, 50_000)]),
                note: "99 members: 9.9 clients."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                Budget.balanced(
                    ClusterProfile(name: "Example", members: 100, services: [ServiceOffer(id: "training")]),
                    resources: [.line(.region, 50_000), .line(.membershipFees, 50_000)]),
                note: "The memento's case: 100 members give 10 clients."),
            RuleExample(
                Budget.balanced(
                    ClusterProfile(
                        name: "Example", members: 40, services: [ServiceOffer(id: "premium", uptake: Share(percent: 25), minimumClients: 10)]),
                    resources: [.line(.region, 50_000), .line(.membershipFees, 50_000)]),
                note: "A service a quarter of 40 members want: 10 clients."),
        ])

    public func evaluate(_ context: RuleContext) throws -> [Diagnostic] {
        guard let members = context.budget.cluster.members else { return [] }
        var diagnostics: [Diagnostic] = []
        for service in context.budget.cluster.services {
            let uptake = service.uptake
            // members × p/q < minimum  ⇔  members·p < minimum·q, exactly.
            let expectedTimesDenominator = Int128(members) * Int128(uptake.numerator)
            let minimumTimesDenominator = Int128(service.minimumClients) * Int128(uptake.denominator)
            guard expectedTimesDenominator < minimumTimesDenominator else { continue }
            let expected = Share(Int64(clamping: expectedTimesDenominator), over: uptake.denominator)
            var arguments: MessageArguments = [
                "service": .text(service.label ?? service.id), "expected": Self.decimal(expected),
                "members": .integer(members), "uptake": .share(uptake), "minimum": .integer(service.minimumClients),
            ]
            // The members it takes: ⌈minimum / uptake⌉ — none is enough when nobody is expected to take the service.
            if uptake.numerator > 0 {
                let needed = Int(clamping: (minimumTimesDenominator + Int128(uptake.numerator) - 1) / Int128(uptake.numerator))
                arguments["needed"] = .integer(needed)
                arguments["missing"] = .integer(needed - members)
            }
            diagnostics.append(
                context.diagnostic(
                    uptake.numerator > 0 ? Self.short : Self.noUptake, arguments,
                    measured: .count(Int(clamping: expectedTimesDenominator / Int128(uptake.denominator))),
                    threshold: .count(service.minimumClients),
                    explanation: [
                        ExplanationItem(LocalizedText(english: "Members", french: "Adhérents"), .integer(members)),
                        ExplanationItem(LocalizedText(english: "Expected uptake", french: "Part attendue des adhérents intéressés"), .share(uptake)),
                        ExplanationItem(LocalizedText(english: "Expected clients", french: "Clients attendus"), Self.decimal(expected)),
                        ExplanationItem(LocalizedText(english: "Minimum clients", french: "Clients minimum"), .integer(service.minimumClients)),
                    ]))
        }
        return diagnostics
    }

    /// An expected number of clients: whole (`6`), or to one decimal (`9.9` in English, `9,9` in French).
    static func decimal(_ value: Share) -> MessageArgument {
        let rounded = value.rounded(toPlaces: 1)
        let whole = NSDecimalNumber(decimal: rounded).intValue
        if Decimal(whole) == rounded { return .integer(whole) }
        let text = "\(rounded)"
        return .localized(LocalizedText(english: text, french: text.replacingOccurrences(of: ".", with: ",")))
    }
}
