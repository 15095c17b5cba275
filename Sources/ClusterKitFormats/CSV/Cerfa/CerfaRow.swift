import ClusterKitCore

/// One row of a side of the table, with its amounts as the file gives them (scaled to euros).
package struct CerfaRow: Hashable, Sendable {
    /// What the row is in the form's structure.
    package enum Role: Hashable, Sendable {
        /// A numbered heading (`74 – Subventions d'exploitation`), whose amount is its lines' sum when it has lines.
        case heading
        /// A line: under a heading (the funders under 74) or on its own (a line the association added).
        case line
        /// A « dont » line (« Dont cotisations, dons manuels ou legs »): a part of its heading's amount.
        case part
        /// A total (« Total des charges », « TOTAL »): the sum of the rows above it on its side.
        case total
    }

    /// The role.
    package var role: Role
    /// The account number written in the label, or the form's account for a known row (`74`, `756`); `nil` for a line
    /// the form does not know and the label does not number.
    package var account: String?
    /// The label as written, account number included.
    package var label: String
    /// The form's label of the known row this is, `nil` for a line the form does not print.
    package var formLabel: String?
    /// What a filled form wrote after the colon of the form's label (the funder of « Région(s) : … »).
    package var detail: String?
    /// The account of the heading the row falls under (`74` for « Région(s) »), `nil` above the first heading.
    package var heading: String?
    /// The amount in the forecast column (« Montant » of the 12156, « Prévision » of the 15059).
    package var forecast: Money?
    /// The amount in the realised column (« Réalisation » of the 15059).
    package var realised: Money?
    /// The label's cell.
    package var labelCell: CellPosition
    /// The forecast amount's cell.
    package var forecastCell: CellPosition?
    /// The realised amount's cell.
    package var realisedCell: CellPosition?

    /// The amount of a column.
    package func amount(_ column: CerfaColumn) -> Money? { column == .forecast ? forecast : realised }
    /// The cell of a column's amount.
    package func cell(_ column: CerfaColumn) -> CellPosition? { column == .forecast ? forecastCell : realisedCell }
}

/// An amount column of the table.
package enum CerfaColumn: String, Hashable, Sendable, CaseIterable {
    /// « Montant » (12156) or « Prévision » (15059).
    case forecast
    /// « Réalisation » (15059).
    case realised
}

/// A cell's position (``CellPosition``), by the name the Cerfa types gave it first.
package typealias CerfaCellPosition = CellPosition
