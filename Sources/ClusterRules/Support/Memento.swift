import ClusterKitCore

/// The memento *Modèles économiques des clusters* (France Clusters, DATAR, Caisse des Dépôts, Katalyse, 2013): the
/// source every built-in rule cites.
public enum Memento {
    /// The document's short title, as reports cite it.
    public static let title = "Modèles économiques des clusters (2013)"

    /// A citation of a page or slide of the memento.
    public static func cite(_ location: String) -> Citation { Citation(document: title, location: location) }

    /// "Exemple de budget / plan de financement « type »… points de vigilance", p. 13.
    public static let planOfFinancing = cite("p. 13, « Exemple de budget / plan de financement type »")
    /// The pôles' 2011 budgets and their 2013–2018 performance contracts, p. 11.
    public static let poles2011 = cite("p. 11, « Statistiques et retours d'expériences sur le budget des pôles »")
    /// The opening context slide: the end of DATAR's triennial support, constrained public budgets.
    public static let context = cite("« Mise en contexte »")
    /// The recommendations: the 50/50 rule on the global budget, a transition period.
    public static let recommendations = cite("« Intervention générale des pouvoirs publics », recommandations")
}

/// A cluster profile for rule examples.
func exampleCluster(
    _ name: String = "Example", kind: ClusterKind = .grappe, founded: Int? = 2005, members: Int? = 80,
    valuedTimeAllowed: Bool = true
) -> ClusterProfile {
    ClusterProfile(name: name, kind: kind, founded: founded, members: members, valuedTimeAllowed: valuedTimeAllowed)
}
