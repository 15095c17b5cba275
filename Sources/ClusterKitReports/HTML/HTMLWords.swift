import ClusterKitCore
/// The words of the HTML report that the other renderers do not print (those it shares come from `ReportWords`),
/// in English and French.
///
/// A test walks ``allTexts`` and ``allTemplates`` and fails when a word lacks a translation or a template's languages
/// disagree on placeholders — add any new word to those lists.
package enum HTMLWords {
    /// Under the title: where the rules come from.
    package static let subtitle = MessageTemplate(
        id: "html.subtitle",
        english: "Checked against the memento « Modèles économiques des clusters » (France Clusters, 2013), rule set {ruleSet}.",
        french: "Vérifié au regard du mémento « Modèles économiques des clusters » (France Clusters, 2013), jeu de règles {ruleSet}.")
    /// The headline of a budget in the summary: its self-financing against the target.
    package static let headline = MessageTemplate(
        id: "html.headline", english: "Self-financing {share} ({basis}) against a target of {target}",
        french: "Autofinancement de {share} ({basis}) pour un objectif de {target}")
    /// The headline of a history in the summary: the latest known year's private share against the target.
    package static let historyHeadline = MessageTemplate(
        id: "html.history-headline", english: "Private share {share} in {year}, against a target of {target} in {targetYear}",
        french: "Part privée de {share} en {year}, pour un objectif de {target} en {targetYear}")
    /// Said of a budget at or over its target.
    package static let reached = LocalizedText(english: "target reached", french: "objectif atteint")
    /// Said of a budget under its target by two points or more (French), by other than one point (English).
    package static let short = MessageTemplate(
        id: "html.short", english: "{points} percentage points short", french: "à {points} points de l'objectif")
    /// Said of a budget under its target by less than two points (French: « à 1,5 point »), by one point (English).
    package static let shortByOne = MessageTemplate(
        id: "html.short-one", english: "{points} percentage point short", french: "à {points} point de l'objectif")
    /// The heading of a budget's charts.
    package static let charts = LocalizedText(english: "Charts", french: "Graphiques")
    /// The heading of a budget's diagnostics.
    package static let diagnostics = LocalizedText(english: "Diagnostics", french: "Diagnostics")
    /// The summary of a diagnostic's folded explanation.
    package static let howComputed = LocalizedText(english: "How it was computed", french: "Comment ce diagnostic est calculé")
    /// The label of the link back to the summary.
    package static let backToSummary = LocalizedText(english: "Back to the summary", french: "Retour à la synthèse")
    /// The name of a cluster's kind.
    package static func kind(_ kind: ClusterKind) -> LocalizedText {
        switch kind {
        case .pole: LocalizedText(english: "Competitiveness cluster (pôle de compétitivité)", french: "Pôle de compétitivité")
        case .grappe: LocalizedText(english: "Business cluster (grappe d'entreprises)", french: "Grappe d'entreprises")
        case .regional: LocalizedText(english: "Regional cluster", french: "Cluster régional")
        case .other: LocalizedText(english: "Network of companies", french: "Réseau d'entreprises")
        }
    }
    /// The facts of a cluster: members, founding year.
    package static let members = MessageTemplate(id: "html.members", english: "{count} members", french: "{count} adhérents")
    /// The year a cluster was founded.
    package static let founded = MessageTemplate(id: "html.founded", english: "founded in {year}", french: "créé en {year}")

    /// The title of the resources chart.
    package static let resourcesTitle = LocalizedText(
        english: "Resources by origin", french: "Ressources par origine")
    /// The description of the resources chart.
    package static let resourcesCaption = MessageTemplate(
        id: "html.resources-caption",
        english: "{total} of resources from {count} {count|origin|origins}: public {public} ({publicShare}) in blues, private {private} ({privateShare}) in oranges. Hatching marks money in kind (members' valued time, secondments); around the ring, a solid arc spans the public slices and a dashed arc the private ones. Slices run clockwise from the top in the order of the legend; the table gives the same figures.",
        french: "{total} de ressources de {count} {count|origine|origines} : publiques {public} ({publicShare}) en teintes de bleu, privées {private} ({privateShare}) en teintes d'orangé. Les hachures marquent les apports en nature (temps valorisé des membres, mises à disposition) ; autour de l'anneau, un arc plein couvre les parts publiques, un arc en tirets les parts privées. Les parts se suivent dans le sens des aiguilles d'une montre depuis le haut, dans l'ordre de la légende ; le tableau donne les mêmes chiffres.")
    /// The title of the resources chart of a closed year's accounts: « produits » in French.
    package static let realisedTitle = LocalizedText(english: "Resources by origin", french: "Produits par origine")
    /// The description of the resources chart of a closed year's accounts.
    package static let realisedCaption = MessageTemplate(
        id: "html.realised-caption",
        english: "{total} of resources from {count} {count|origin|origins}: public {public} ({publicShare}) in blues, private {private} ({privateShare}) in oranges. Hatching marks money in kind (members' valued time, secondments); around the ring, a solid arc spans the public slices and a dashed arc the private ones. Slices run clockwise from the top in the order of the legend; the table gives the same figures.",
        french: "{total} de produits de {count} {count|origine|origines} : publiques {public} ({publicShare}) en teintes de bleu, privées {private} ({privateShare}) en teintes d'orangé. Les hachures marquent les apports en nature (temps valorisé des membres, mises à disposition) ; autour de l'anneau, un arc plein couvre les parts publiques, un arc en tirets les parts privées. Les parts se suivent dans le sens des aiguilles d'une montre depuis le haut, dans l'ordre de la légende ; le tableau donne les mêmes chiffres.")
    /// "Resources" in the middle of the ring of a closed year's accounts: « Produits » in French.
    package static let realisedResources = LocalizedText(english: "Resources", french: "Produits")
    /// "Resources", in the middle of the ring.
    package static let resources = LocalizedText(english: "Resources", french: "Ressources")
    /// "in kind", after a source's name.
    package static let inKind = LocalizedText(english: "in kind", french: "en nature")
    /// "Public", before a share.
    package static let publicWord = LocalizedText(english: "Public", french: "Public")
    /// "Private", before a share.
    package static let privateWord = LocalizedText(english: "Private", french: "Privé")
    /// Column heading: the origin of resources.
    package static let originColumn = LocalizedText(english: "Origin", french: "Origine")

    /// The title of the public/private chart.
    package static let balanceTitle = LocalizedText(
        english: "Public and private resources against the target",
        french: "Ressources publiques et privées face à l'objectif")
    /// The description of the public/private chart.
    package static let balanceCaption = MessageTemplate(
        id: "html.balance-caption",
        english: "Private resources are {gross} of the budget gross (valued time included) and {net} net (cash only), against a target of {target}: private from the left, public to the right, the dashed line at the target.",
        french: "Les ressources privées font {gross} du budget en brut (valorisation comprise) et {net} en net (hors valorisation), pour un objectif de {target} : le privé depuis la gauche, le public à droite, le trait pointillé à l'objectif.")
    /// The title of the gross bar.
    package static let grossBar = LocalizedText(
        english: "Gross: Priv / R, valued time included", french: "Brut : Priv / R, valorisation comprise")
    /// The title of the net bar.
    package static let netBar = LocalizedText(
        english: "Net: Priv(cash) / R(cash)", french: "Net : Priv(num.) / R(num.), hors valorisation")
    /// "Target", before a share, and as a column heading.
    package static let target = LocalizedText(english: "Target", french: "Objectif")
    /// The legend of money in kind on the bar.
    package static let inKindLegend = LocalizedText(english: "Of which in kind:", french: "Dont apports en nature :")
    /// Column heading: the basis of a share.
    package static let basisColumn = LocalizedText(english: "Basis", french: "Base")
    /// Column heading, and the legend of the trajectory's line: the private share.
    package static let privateShare = LocalizedText(english: "Private share", french: "Part privée")
    /// Column heading: the public share.
    package static let publicShareColumn = LocalizedText(english: "Public share", french: "Part publique")

    /// The title of the trajectory chart.
    package static let trajectoryTitle = LocalizedText(
        english: "Private share year by year, against the glide path",
        french: "Part privée année par année, face à la trajectoire")
    /// The description of the trajectory chart.
    package static let trajectoryCaption = MessageTemplate(
        id: "html.trajectory-caption",
        english: "The private share of each year with a known figure, and the glide path from {baselineShare} in {baselineYear} to {target} in {targetYear}.",
        french: "La part privée de chaque année au chiffre connu, et la trajectoire allant de {baselineShare} en {baselineYear} à {target} en {targetYear}.")
    /// How many years are behind the path, after the trajectory's description.
    package static let yearsBehind = MessageTemplate(
        id: "html.years-behind", english: "{count} {count|year|years} behind the path, marked with a triangle.",
        french: "{count} {count|année|années} en retard sur la trajectoire, {count|marquée|marquées} d'un triangle.")
    /// Said of a trajectory with no year behind its path.
    package static let noYearBehind = LocalizedText(
        english: "No year is behind the path.", french: "Aucune année n'est en retard sur la trajectoire.")
    /// The description of a trajectory without a glide path.
    package static let trajectoryCaptionWithoutPath = LocalizedText(
        english: "The private share of each year with a known figure (no glide path: the baseline year has no known share).",
        french: "La part privée de chaque année au chiffre connu (pas de trajectoire : l'année de référence n'a pas de part connue).")
    /// The legend of the glide path.
    package static let glidePathLegend = LocalizedText(english: "Glide path", french: "Trajectoire")
    /// The legend of the target year's line.
    package static let targetYearLegend = LocalizedText(english: "Target year", french: "Année de l'objectif")
    /// The legend of a year behind the path.
    package static let behindLegend = LocalizedText(english: "Behind the path", french: "En retard")
    /// Column heading: a year.
    package static let yearColumn = LocalizedText(english: "Year", french: "Année")
    /// Column heading: how a figure was obtained.
    package static let figureSourceColumn = LocalizedText(english: "Figure", french: "Chiffre")
    /// Column heading: the share the path requires.
    package static let requiredColumn = LocalizedText(english: "Required", french: "Requis")
    /// Column heading: whether a year is behind.
    package static let statusColumn = LocalizedText(english: "Status", french: "Situation")
    /// Said of a year on or ahead of the path.
    package static let onPath = LocalizedText(english: "on the path", french: "dans la trajectoire")

    /// The title of the mission categories chart.
    package static let categoriesTitle = LocalizedText(
        english: "Public funding by mission category, against its ceiling",
        french: "Financement public par catégorie de mission, face à son plafond")
    /// The description of the mission categories chart.
    package static let categoriesCaption = LocalizedText(
        english: "For each mission category of the pôles' funding guide, the public funding its actions receive (blue; hatched red over the ceiling) on the grey bar of their cost, and the ceiling as a black mark. An action's public funding is what is earmarked to it plus its part of the unearmarked public money, shared pro rata of the cost left uncovered.",
        french: "Pour chaque catégorie de mission du guide de financement des pôles, le financement public que reçoivent ses actions (en bleu ; hachuré de rouge au-delà du plafond) sur la barre grise de leur coût, et le plafond en trait noir. Le financement public d'une action est ce qui lui est affecté, plus sa part de l'argent public non affecté, répartie au prorata du coût non couvert.")
    /// "Public funding", before an amount.
    package static let publicFundingWord = LocalizedText(english: "Public funding", french: "Financement public")
    /// "Ceiling", before an amount.
    package static let ceilingWord = LocalizedText(english: "Ceiling", french: "Plafond")
    /// Said of a category whose ceiling the catalogue cannot tell.
    package static let ceilingUnknown = LocalizedText(english: "Ceiling unknown", french: "Plafond inconnu")
    /// "Cost", before an amount.
    package static let costWord = LocalizedText(english: "Cost", french: "Coût")
    /// Column heading: a mission category.
    package static let categoryColumn = LocalizedText(english: "Category", french: "Catégorie")
    /// The name of a mission category on the chart.
    package static func categoryName(_ category: MissionCategory) -> LocalizedText {
        switch category {
        case .a: LocalizedText(english: "A — missions for the State", french: "A — missions pour l'État")
        case .b: LocalizedText(english: "B — innovation, collaborative R&D", french: "B — innovation, R&D collaborative")
        case .c: LocalizedText(english: "C — support to member companies", french: "C — accompagnement des entreprises")
        case .d: LocalizedText(english: "D — commercial services", french: "D — prestations commerciales")
        }
    }

    // MARK: - The page of a report on several budgets (by cluster)

    /// After the page's title: how many clusters it holds.
    package static let clusterCount = MessageTemplate(
        id: "html.cluster-count", english: "{count} {count|cluster|clusters}", french: "{count} {count|cluster|clusters}")
    /// The heading of the clusters table.
    package static let clustersHeading = LocalizedText(english: "The clusters", french: "Les clusters")
    /// What the clusters table holds.
    package static let clustersIntro = LocalizedText(
        english: "One row per cluster: its latest budget, its private share against its target, its private share year by year (the small line, from the oldest year to the latest), and its findings. The cluster's name leads to its own report, below.",
        french: "Une ligne par cluster : son dernier budget, sa part privée face à son objectif, sa part privée année par année (la petite courbe, de la plus ancienne année à la plus récente) et ses constats. Le nom du cluster mène à son propre rapport, plus bas.")
    /// Column heading: a cluster's number on the map.
    package static let numberColumn = LocalizedText(english: "No.", french: "N°")
    /// Column heading: members.
    package static let membersColumn = LocalizedText(english: "Members", french: "Adhérents")
    /// Column heading: the latest budget.
    package static let lastBudgetColumn = LocalizedText(english: "Last budget", french: "Dernier budget")
    /// Column heading: the private share against the target.
    package static let shareAgainstTargetColumn = LocalizedText(
        english: "Private share against target", french: "Part privée face à l'objectif")
    /// Column heading: the trend over the years.
    package static let trendColumn = LocalizedText(english: "Trend", french: "Tendance")
    /// Column heading: years.
    package static let yearsColumn = LocalizedText(english: "Years", french: "Années")
    /// Column heading: self-financing.
    package static let selfFinancingColumn = LocalizedText(english: "Self-financing", french: "Autofinancement")
    /// Column heading: a cluster's profile on the map.
    package static let profileColumn = LocalizedText(english: "Profile", french: "Profil")
    /// A cluster's latest budget: its year, statement and funding base.
    package static let lastBudget = MessageTemplate(
        id: "html.last-budget", english: "{year}, {statement}: {amount}", french: "{year}, {statement} : {amount}")
    /// A private share against a target with a date.
    package static let shareAgainstDatedTarget = MessageTemplate(
        id: "html.share-against-dated-target", english: "{share} for a target of {target} in {targetYear}",
        french: "{share} pour un objectif de {target} en {targetYear}")
    /// A private share against a target without a date.
    package static let shareAgainstTarget = MessageTemplate(
        id: "html.share-against-target", english: "{share} for a target of {target}", french: "{share} pour un objectif de {target}")
    /// The trend of a cluster with two known shares or more.
    package static let trend = MessageTemplate(
        id: "html.trend", english: "{first} in {firstYear}, {last} in {lastYear}", french: "{first} en {firstYear}, {last} en {lastYear}")
    /// Said of a cluster's latest share under its target.
    package static let underTarget = LocalizedText(english: "under the target", french: "sous l'objectif")
    /// The trend of a cluster with one known share.
    package static let oneYear = LocalizedText(english: "one year only", french: "une seule année")
    /// The name of a trend line, for assistive technology.
    package static let sparklineLabel = MessageTemplate(
        id: "html.sparkline", english: "Private share of {cluster}, year by year: {values}",
        french: "Part privée de {cluster}, année par année : {values}")
    /// One year's share on a trend line.
    package static let yearShare = MessageTemplate(id: "html.year-share", english: "{share} in {year}", french: "{share} en {year}")
    /// The heading of a cluster's years.
    package static let yearByYear = LocalizedText(english: "Year by year", french: "Année par année")

    /// The heading of the profile map's section.
    package static let mapHeading = LocalizedText(english: "Map of profiles", french: "Carte des profils")
    /// The title of the profile map.
    package static let mapTitle = LocalizedText(
        english: "The memento's map of cluster profiles: size against self-financing",
        french: "La carte des profils de clusters du mémento : taille et autofinancement")
    /// The description of the profile map: `{small}` members at most for a small cluster, self-financing low under
    /// `{low}` and high from `{high}` (the thresholds of `cluster-profile`, the memento's by default), on `{basis}`.
    package static let mapCaption = MessageTemplate(
        id: "html.map-caption",
        english: "The memento's map (p. 17, state of play January 2013): each cluster at its number, by its members (small up to {small}, on a logarithmic scale) and its self-financing ({basis}). Under {low} self-financing is low, from {high} high; between the two lies « un équilibre précaire », where situations evolve. A cluster with several years is a path from its first year (small dots) to its latest (its number). The table gives the same figures.",
        french: "La carte du mémento (p. 17, état des lieux de janvier 2013) : chaque cluster à son numéro, selon ses adhérents (petite taille jusqu'à {small}, sur une échelle logarithmique) et son autofinancement ({basis}). Sous {low}, l'autofinancement est faible, à partir de {high} fort ; entre les deux, « un équilibre précaire », des situations évolutives. Un cluster de plusieurs années est un chemin de sa première année (petits points) à la plus récente (son numéro). Le tableau donne les mêmes chiffres.")
    /// The basis of the map's shares, gross: as the rule reads it.
    package static let mapGross = LocalizedText(
        english: "gross, valued time included, unless its funders forbid valued time: then net",
        french: "brut, valorisation comprise, sauf si ses financeurs interdisent la valorisation : alors net")
    /// The basis of the map's shares, net.
    package static let mapNet = LocalizedText(english: "net, cash only", french: "net, numéraire seul")
    /// The clusters the map cannot place.
    package static let notPlaced = MessageTemplate(
        id: "html.not-placed", english: "Not on the map ({count} — members or self-financing unknown): {names}.",
        french: "Hors de la carte ({count} — adhérents ou autofinancement inconnus) : {names}.")
    /// Said of a cluster the map cannot place.
    package static let notPlacedWord = LocalizedText(english: "not placed", french: "non placé")
    /// The map's horizontal axis.
    package static let sizeAxis = LocalizedText(
        english: "Size of the cluster (members, logarithmic scale)", french: "Taille du cluster (adhérents, échelle logarithmique)")
    /// The map's vertical axis.
    package static let selfFinancingAxis = LocalizedText(english: "Self-financing", french: "Autofinancement")
    /// What a quadrant of the map is, under its name.
    package static func quadrantGloss(small: Bool, high: Bool) -> LocalizedText {
        switch (small, high) {
        case (true, true): LocalizedText(english: "small, high self-financing", french: "petite taille, autofinancement fort")
        case (false, true): LocalizedText(english: "large, high self-financing", french: "grande taille, autofinancement fort")
        case (true, false): LocalizedText(english: "small, low self-financing", french: "petite taille, autofinancement faible")
        case (false, false): LocalizedText(english: "large, low self-financing", french: "grande taille, autofinancement faible")
        }
    }
    /// What the band between low and high self-financing is, after its name.
    package static let balanceGloss = LocalizedText(english: "situations still evolving", french: "des situations évolutives")

    /// Every word without values, for the test that checks translations.
    package static var allTexts: [LocalizedText] {
        [
            reached, charts, diagnostics, howComputed, backToSummary, resourcesTitle, resources, realisedTitle, realisedResources,
            inKind, publicWord, privateWord, originColumn, balanceTitle,
            grossBar, netBar, target, inKindLegend, basisColumn, privateShare, publicShareColumn,
            trajectoryTitle, trajectoryCaptionWithoutPath, glidePathLegend, targetYearLegend,
            behindLegend, yearColumn, figureSourceColumn, requiredColumn, statusColumn, onPath, categoriesTitle,
            categoriesCaption, noYearBehind, publicFundingWord, ceilingWord, ceilingUnknown, costWord, categoryColumn,
            clustersHeading, clustersIntro, numberColumn, membersColumn, lastBudgetColumn, shareAgainstTargetColumn, trendColumn,
            yearsColumn, selfFinancingColumn, profileColumn, oneYear, yearByYear, mapTitle, mapGross, mapNet, notPlacedWord, sizeAxis,
            selfFinancingAxis, balanceGloss, underTarget, mapHeading,
        ] + ClusterKind.allCases.map(kind) + MissionCategory.allCases.map(categoryName)
            + [true, false].flatMap { small in [true, false].map { quadrantGloss(small: small, high: $0) } }
    }

    /// Every word with values, for the test that checks translations and placeholders.
    package static var allTemplates: [MessageTemplate] {
        [subtitle, headline, historyHeadline, short, shortByOne, members, founded, resourcesCaption, realisedCaption, balanceCaption, trajectoryCaption, yearsBehind,
         clusterCount, lastBudget, shareAgainstDatedTarget, shareAgainstTarget, trend, sparklineLabel, yearShare, notPlaced, mapCaption]
    }
}
