import ClusterKitCore
import Foundation

/// How a CSV file writes its cells and numbers: the separator between cells and the decimal mark of amounts.
///
/// Spreadsheets follow the user's locale: a French export separates cells with `;` and writes `1 227 000,50 €`; an
/// English one separates with `,` and writes `"1,227,000.50"` (quoted, since the thousands separator is the cell
/// separator). ``CSVBudgetReader`` detects the dialect unless told.
public struct CSVDialect: Hashable, Sendable {
    /// The character between cells: `;`, `,` or a tab.
    public var separator: Character
    /// The decimal mark of amounts: `,` or `.`.
    public var decimalMark: Character

    /// Creates a dialect.
    /// - Precondition: the separator is `;`, `,` or a tab, the decimal mark `,` or `.`, and they differ.
    public init(separator: Character, decimalMark: Character) {
        precondition([";", ",", "\t"].contains(separator), "separator must be ';', ',' or a tab")
        precondition([",", "."].contains(decimalMark), "decimal mark must be ',' or '.'")
        precondition(separator != decimalMark, "the separator and the decimal mark must differ")
        self.separator = separator
        self.decimalMark = decimalMark
    }

    /// A French spreadsheet's export: `;` between cells, decimal comma (`1 227 000,50 €`).
    public static let french = CSVDialect(separator: ";", decimalMark: ",")
    /// An English spreadsheet's export: `,` between cells, decimal point (`"1,227,000.50"`).
    public static let english = CSVDialect(separator: ",", decimalMark: ".")
}
