import Foundation

/// The words of realised accounts in French: a compte de résultat speaks of « produits » and « charges », where a plan
/// of financing speaks of « ressources » and « dépenses ». Rules write their French messages for a plan of financing;
/// on a realised statement (`statement: realised`) the context rewords them (``RuleContext/diagnostic(_:_:severity:measured:threshold:lines:remediation:explanation:)``).
package enum RealisedWording {
    /// The replacements, longest first: each phrase of a plan of financing and its word in the accounts, in agreement
    /// (« produits » is masculine).
    static let phrases: [(String, String)] = [
        ("ressources privées en numéraire", "produits privés en numéraire"),
        ("Ressources privées en numéraire", "Produits privés en numéraire"),
        ("ressources affectées", "produits affectés"),
        ("ressources privées", "produits privés"),
        ("Ressources privées", "Produits privés"),
        ("ressources publiques", "produits publics"),
        ("Ressources publiques", "Produits publics"),
        ("ressources en nature", "produits en nature"),
        ("Ressources en nature", "Produits en nature"),
        ("d'autres ressources", "d'autres produits"),
        ("des ressources", "des produits"),
        ("les ressources", "les produits"),
        ("Les ressources", "Les produits"),
        ("de ressources", "de produits"),
        ("ses ressources", "ses produits"),
        ("Total des ressources", "Total des produits"),
        // A share « du budget » (« {share} du budget ») is one of the year's income in the accounts.
        ("} du budget", "} des produits"),
        ("apprécié sur le budget global", "apprécié sur l'ensemble des produits"),
        ("Total ressources", "Total des produits"),
        ("dépenses de fonctionnement", "charges de fonctionnement"),
        ("des dépenses", "des charges"),
        ("les dépenses", "les charges"),
        ("Les dépenses", "Les charges"),
        ("Dépenses", "Charges"),
    ]

    /// A French text of a plan of financing in the words of realised accounts.
    package static func french(_ text: String) -> String {
        // « Ressources propres » is the funders' term for own resources, in plans and accounts alike: kept.
        let kept = "\u{1}propres\u{1}"
        var out = text.replacingOccurrences(of: "essources propres", with: kept)
        for (plan, accounts) in phrases where out.contains(plan) {
            out = out.replacingOccurrences(of: plan, with: accounts)
        }
        return out.replacingOccurrences(of: kept, with: "essources propres")
    }

    /// A localized text whose French is reworded for realised accounts.
    package static func apply(_ text: LocalizedText) -> LocalizedText {
        LocalizedText(english: text.english, french: french(text.french))
    }

    /// Arguments whose French texts are reworded for realised accounts (a rule may pass « Les ressources privées » as
    /// an argument rather than write it in its template).
    package static func apply(_ arguments: MessageArguments) -> MessageArguments {
        arguments.mapValues { value in
            switch value {
            case .localized(let text): .localized(apply(text))
            case .localizedList(let texts): .localizedList(texts.map(apply))
            default: value
            }
        }
    }

    /// A template whose French is reworded for realised accounts (same id, same English).
    package static func apply(_ template: MessageTemplate) -> MessageTemplate {
        var reworded = template
        reworded.text = apply(template.text)
        return reworded
    }
}
