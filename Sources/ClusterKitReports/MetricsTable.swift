import ClusterKitCore
/// A budget's figures as rows of a table — what `clusterkit metrics` prints and what a Markdown report shows.
///
/// Resource rows give their share of total resources (R), expense rows their share of total expenses (E), as the
/// memento's plans of financing print a "%" column on each side (p. 13). The self-financing rows are shares only:
/// gross (Priv / R) and net (Priv(cash) / R(cash)). Then one row per revenue source of the budget, in catalogue
/// order.
///
/// ```swift
/// let table = MetricsTable(report.metrics)
/// for row in table.cells(in: .french) { print(row.joined(separator: " | ")) }
/// // Total des ressources (R) | 290 000,00 € | 100 %
/// ```
package struct MetricsTable: Sendable {
    /// One row: what the figure is, and its amount and share where it has them.
    package struct Row: Hashable, Sendable {
        /// What the figure is.
        package var label: LocalizedText
        /// The amount, if the figure is one.
        package var amount: Money?
        /// The share: of R for resources, of E for expenses, or the self-financing ratio.
        package var share: Share?
        /// Whether the row details a total above it (a revenue source).
        package var isDetail: Bool
    }

    /// The rows, in order.
    package var rows: [Row]
    /// The lines left out of the shares, whose totals are rows of the table.
    package var leftOut: LeftOutLines

    /// The table of a budget's metrics; `catalog` names the revenue sources.
    package init(_ metrics: BudgetMetrics, catalog: Catalog = .builtIn) {
        let resources = metrics.totalResources, expenses = metrics.totalExpenses, base = metrics.fundingBase
        func row(_ label: LocalizedText, _ amount: Money?, of whole: Money?, detail: Bool = false) -> Row {
            Row(label: label, amount: amount, share: amount.flatMap { part in whole.flatMap { Share(part, of: $0) } },
                isDetail: detail)
        }
        leftOut = LeftOutLines(metrics)
        let realised = metrics.statement == .realised
        rows = [row(realised ? Self.totalProducts : LocalizedText.totalResources, resources, of: resources)]
        // Lines left out of every share, and the base the shares are then computed on: shown when there are some.
        if base != resources {
            rows += leftOut.totals.map { row($0.reason.label, $0.amount, of: resources) }
            rows.append(row(Self.fundingBase, base, of: resources))
        }
        rows += [
            row(Self.publicResources, metrics.publicResources.amount, of: base),
            row(Self.privateResources, metrics.privateResources.amount, of: base),
            row(Self.inKindResources, metrics.inKindResources.amount, of: base),
            row(Self.cashResources, metrics.cashResources, of: base),
            Row(label: Self.selfFinancingGross, amount: nil, share: metrics.selfFinancingGross, isDetail: false),
            Row(label: Self.selfFinancingNet, amount: nil, share: metrics.selfFinancingNet, isDetail: false),
            row(realised ? Self.totalCharges : Self.totalExpenses, expenses, of: expenses),
            row(Self.operatingExpenses, metrics.operatingExpenses.amount, of: expenses),
            row(Self.programmeExpenses, metrics.programmeExpenses.amount, of: expenses),
        ]
        if !metrics.accountingExpenses.amount.isZero {
            rows.append(row(Self.accountingExpenses, metrics.accountingExpenses.amount, of: expenses))
        }
        if metrics.statement == .realised { rows.append(Row(label: Self.result, amount: metrics.result, share: nil, isDetail: false)) }
        let known = catalog.sourceIDs.filter { metrics.bySource[$0] != nil }
        let unknown = metrics.bySource.keys.filter { catalog.source($0) == nil }.sorted()
        for id in known + unknown {
            guard let total = metrics.bySource[id] else { continue }
            let label = catalog.source(id).map {
                LocalizedText(english: $0.name(in: .english), french: $0.name(in: .french))
            } ?? LocalizedText(english: id.rawValue, french: id.rawValue)
            // A source that is not funding is a share of R; the others, of the funding base.
            let whole = catalog.source(id)?.sector == .notFunding ? resources : base
            rows.append(row(label, total.amount, of: whole, detail: true))
        }
    }

    /// The rows as text cells — label, amount, share — formatted for a language; a row without an amount has an
    /// empty amount cell, a share of a zero total is "n/a".
    package func cells(in language: Language) -> [[String]] {
        let format = ValueFormatter(language: language)
        return rows.map { row in
            [row.label(language), row.amount.map { format.string($0) } ?? "",
             row.share.map { format.string($0) } ?? LocalizedText.notAvailable(language)]
        }
    }

    /// The table's headings — figure, amount, share — in a language.
    package static func headings(in language: Language) -> [String] {
        [ReportWords.figureColumn(language), ReportWords.amountColumn(language), ReportWords.shareColumn(language)]
    }

    /// The label of a sector's resources: the rows of public and private resources (and of what is not funding),
    /// which the HTML report's resources chart and table also head its sectors with.
    static func resources(of sector: Sector) -> LocalizedText {
        switch sector {
        case .public: publicResources
        case .private: privateResources
        case .notFunding: nonFunding
        }
    }

    static let nonFunding = LocalizedText(
        english: "Not funding (financial and exceptional income, reversals, transfers): left out of the shares",
        french: "Hors financement (produits financiers et exceptionnels, reprises, transferts) : exclus des parts")
    static let passThrough = LocalizedText(
        english: "Passed on to partners: left out of the shares", french: "Fonds reversés aux partenaires : exclus des parts")
    static let fundingBase = LocalizedText(
        english: "Funding base, on which the shares are computed", french: "Base de financement, sur laquelle les parts sont calculées")
    static let accountingExpenses = LocalizedText(
        english: "Financial, exceptional and calculated charges (66–69)",
        french: "Charges financières, exceptionnelles et calculées (66–69)")
    static let result = LocalizedText(english: "Result of the year (resources − expenses)", french: "Résultat de l'exercice (produits − charges)")
    /// A closed year's total resources: « produits » in French, as its compte de résultat says.
    static let totalProducts = LocalizedText(english: "Total resources (R)", french: "Total des produits (R)")
    /// A closed year's total expenses: « charges » in French.
    static let totalCharges = LocalizedText(english: "Total expenses (E)", french: "Total des charges (E)")
    static let publicResources = LocalizedText(english: "Public resources", french: "Ressources publiques")
    static let privateResources = LocalizedText(english: "Private resources", french: "Ressources privées")
    static let inKindResources = LocalizedText(
        english: "In kind (valued time, secondment)", french: "En nature (valorisation, mise à disposition)")
    static let cashResources = LocalizedText(english: "Cash resources, R(cash)", french: "Ressources en numéraire, R(num.)")
    static let selfFinancingGross = LocalizedText(
        english: "Self-financing, gross (Priv / R)", french: "Autofinancement brut (Priv / R)")
    static let selfFinancingNet = LocalizedText(
        english: "Self-financing, net (Priv(cash) / R(cash))", french: "Autofinancement net (Priv(num.) / R(num.))")
    static let totalExpenses = LocalizedText(english: "Total expenses (E)", french: "Total des dépenses (E)")
    static let operatingExpenses = LocalizedText(
        english: "Operating & animation expenses", french: "Dépenses de fonctionnement & animation")
    static let programmeExpenses = LocalizedText(english: "Programme (actions)", french: "Programme (actions)")

    /// The labels of the fixed rows, for the test that checks translations.
    static var labels: [LocalizedText] {
        [
            LocalizedText.totalResources, publicResources, privateResources, inKindResources, cashResources, selfFinancingGross,
            selfFinancingNet, totalExpenses, operatingExpenses, programmeExpenses, nonFunding, passThrough, fundingBase,
            accountingExpenses, result, totalProducts, totalCharges,
        ]
    }
}
