import ClusterKitCore
import Foundation


/// Amounts in messages about a Cerfa table, as the form writes them: `1 227 000,50 €`.
enum CerfaEuros {
    /// An amount in cents, French: a narrow no-break space between thousands, a decimal comma, a no-break space
    /// before `€`.
    static func string(_ cents: Int64) -> String {
        let whole = String(cents / 100)
        var grouped = ""
        for (offset, character) in whole.reversed().enumerated() {
            if offset > 0, offset % 3 == 0 { grouped.append("\u{202F}") }
            grouped.append(character)
        }
        let fraction = cents % 100
        return String(grouped.reversed()) + (fraction == 0 ? "" : String(format: ",%02d", fraction)) + "\u{00A0}€"
    }
}
