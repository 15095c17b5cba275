import ClusterKitCore

/// Aerospace Valley's compte de résultat, as published in its rapport financier (« Compte de résultat EN K€ »,
/// https://www.aerospace-valley.com/rapport-dactivites/rapport-financier): the rule examples of real accounts.
enum AerospaceValley {
    /// The pôle.
    static let cluster = ClusterProfile(name: "Aerospace Valley", kind: .pole, founded: 2005)

    /// Fiscal year April 2024 – March 2025, in euros (the report gives k€): a deficit of 106,000.
    static let accounts2025 = Budget(
        cluster: cluster, year: 2025,
        resources: [
            .line(.membershipFees, 925_000, id: "cotisations"),
            .line(.services, 1_400_000, id: "prestations"),
            .line(.otherPublic, 1_486_000, id: "subventions"),
            .line(.erdf, 1_170_000, id: "projets-europeens", action: "projets-europeens-charges", passThrough: true),
            .line(.provisionReversals, 86_000, id: "reprises"),
            .line(.financialIncome, 84_000, id: "produits-financiers"),
        ],
        expenses: [
            ExpenseLine(id: "animation", amount: Money(major: 4_001_000), nature: .operating),
            ExpenseLine(id: "projets-europeens-charges", amount: Money(major: 1_170_000)),
            ExpenseLine(id: "dotations", amount: Money(major: 86_000), nature: .accounting),
        ],
        statement: .realised,
        period: FiscalPeriod(start: CalendarDate(year: 2024, month: 4, day: 1)!, end: CalendarDate(year: 2025, month: 3, day: 31)!))
}
