import ClusterKitCore

/// The memento *Modèles économiques des clusters* (France Clusters, DATAR, Caisse des Dépôts, Katalyse, 2013): the
/// source every built-in rule cites.
public enum Memento {
    /// The document's short title, as reports cite it.
    public static let title = Citation.mementoTitle

    /// A citation of a page or slide of the memento: `p. N, « words »` for each place, the words as the memento
    /// writes them (a test holds each page to its words), places separated by « ; ». French typography: a no-break
    /// space inside the guillemets and before « ; : ? ! ».
    public static func cite(_ location: String) -> Citation {
        Citation(document: title, location: FrenchTypography.applied(to: location))
    }

    /// « Exemple de budget/ plan de financement « type »… points de vigilance », p. 13.
    public static let planOfFinancing = cite("p. 13, « Exemple de budget/ plan de financement »")
    /// The pôles' budgets (2011, and the 2012 evaluation) and their 2013–2018 performance contracts, p. 11.
    public static let poles2011 = cite("p. 11, « Statistiques et retours d'expériences sur le budget des pôles de compétitivité en 2011 »")
    /// The opening context slide: the end of DATAR's triennial support, constrained public budgets (unnumbered in
    /// the text the memento was read from, before p. 9).
    public static let context = cite("« Mise en contexte »")
    /// The working group's recommendations to public authorities, p. 68.
    public static let recommendations = cite("p. 68, « Intervention générale des pouvoirs publics »")
    /// The working group's caution on success fees: requalification, reliance, a marginal variable part, the DGCIS
    /// note of 15/02/2012, p. 59.
    public static let successFees = cite("p. 59, « Le recours aux success fees »")
    /// Organising events: a potential windfall with real financial and legal risks, p. 52.
    public static let events = cite("p. 52, « Organisation d'événementiels » ; « des risques à la mesure des gains financiers escomptés »")
    /// Brand management and sponsoring: beware of conflicts of interest, p. 62.
    public static let sponsorship = cite("p. 62, « Gestion de la marque, sponsoring » ; « un sponsor ne doit pas détenir d'intérêt direct, être impliqué dans le cluster »")
    /// Clusters that created for-profit satellites (SAS, SEM), p. 12.
    public static let satellites = cite("p. 12, « Le cas particulier des clusters ayant créé des entités périphériques »")
    /// Widening the client base: "il faut 100 membres pour obtenir 10 clients", p. 43.
    public static let clientBase = cite("p. 43, « Elargissement de la base de clientèle » ; « il faut 100 membres pour obtenir 10 clients »")
    /// PLAB's collective actions: each seeks its own financial balance, p. 51.
    public static let collectiveActions = cite("p. 51, « recherche systématique de l'équilibre financier par action collective »")
    /// The map of cluster profiles by size and self-financing, p. 17, its comments p. 18–19, and the map by purpose,
    /// p. 20.
    public static let profiles = cite("p. 17, « Profils de clusters et autofinancement » ; p. 18, « Aube ou crépuscule ? » ; p. 19, « La ruche bourdonnante » ; p. 20, « Mission de service public »")
    /// The pôles' funding guide and EU rules: the four mission categories and their ceilings of public funding
    /// (held by the regimes themselves, `MissionCategoryRegime.guideCitation`).
    public static let missionCategories = MissionCategoryRegime.guideCitation
    /// The variables that favour the consolidation of a cluster's economic model, p. 38.
    public static let consolidation = cite("p. 38, « Variables favorables à la consolidation du modèle économique d'un cluster »")
}

/// A cluster profile for rule examples.
func exampleCluster(
    _ name: String = "Example", kind: ClusterKind = .grappe, founded: Int? = 2005, members: Int? = 80,
    valuedTimeAllowed: Bool = true
) -> ClusterProfile {
    ClusterProfile(name: name, kind: kind, founded: founded, members: members, valuedTimeAllowed: valuedTimeAllowed)
}

/// One of the memento's case studies as its « Eléments / chiffres clés » box gives it — kind, founding year, members —
/// for rule examples, so that an example named after a cluster carries that cluster's own figures.
func caseStudy(_ name: String, members: Int? = nil, valuedTimeAllowed: Bool = true, purpose: ClusterPurpose? = nil) -> ClusterProfile {
    let figures: (kind: ClusterKind, founded: Int, members: Int)
    switch name {
    case "Mecabourg": figures = (.grappe, 2002, 60)  // p. 29: « Création en 2002 », « 60 entreprises »
    case "Neopolia": figures = (.grappe, 1999, 170)  // p. 24: « Date de création: 1999 », « 170 entreprises »
    case "Cosmetic Valley": figures = (.pole, 1994, 290)  // p. 33: « Création en 1994 », « 290 membres »
    case "Rhône-Alpes Eco-énergies": figures = (.grappe, 2005, 220)  // p. 26: « Date de création: 2005 », « 220 »
    case "EMC2": figures = (.pole, 2005, 250)  // p. 47: « Date de création : 2005 », « 250 »
    case "Atlanpack": figures = (.grappe, 1997, 80)  // p. 53: « Date de création : 1997 », « 80 »
    case "Silicon Sentier": figures = (.grappe, 2000, 170)  // p. 55: « Date de création : 2000 », « 170 »
    case "Soliage": figures = (.grappe, 2011, 100)  // p. 60: « Date de création : 2011 », « environ 100 »
    case "PLAB": figures = (.grappe, 1992, 94)  // p. 51: « 2 novembre 1992 », « 94 »
    default: preconditionFailure("\(name) is not one of the memento's case studies")
    }
    return ClusterProfile(
        name: name, kind: figures.kind, founded: figures.founded, members: members ?? figures.members,
        valuedTimeAllowed: valuedTimeAllowed, purpose: purpose)
}
