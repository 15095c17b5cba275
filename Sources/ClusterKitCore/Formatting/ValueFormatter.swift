import Foundation

/// Formats amounts, shares and lists for a language.
package struct ValueFormatter: Sendable {
    /// The language to format for.
    package var language: Language

    /// Creates a formatter.
    package init(language: Language) { self.language = language }

    /// An argument as text.
    package func string(_ argument: MessageArgument) -> String {
        switch argument {
        case .money(let money): string(money)
        case .share(let share): string(share)
        case .integer(let value): String(value)
        case .text(let text): text
        case .localized(let text): text(language)
        case .list(let items): list(items)
        case .localizedList(let items): list(items.map { $0(language) })
        }
    }

    /// Whether a noun counted by `argument` is singular, by the number as printed: one in English, below two in
    /// French (« 0 erreur », « 1,5 million »). A list counts its items; a text counts as the number it spells.
    package func isSingular(_ argument: MessageArgument) -> Bool {
        let magnitude: Decimal
        switch argument {
        case .integer(let value): magnitude = Decimal(value.magnitude)
        case .money(let money):
            magnitude = Decimal(money.minorUnits.magnitude) / Decimal(money.currency.minorUnitsPerMajorUnit)
        case .share(let share): magnitude = abs(Self.percent(share))
        case .list(let items): magnitude = Decimal(items.count)
        case .localizedList(let items): magnitude = Decimal(items.count)
        case .text(let text): magnitude = Int(text).map { Decimal($0.magnitude) } ?? 2
        case .localized(let text): magnitude = Int(text(language)).map { Decimal($0.magnitude) } ?? 2
        }
        return language == .french ? magnitude < 2 : magnitude == 1
    }

    /// `€1,227,000.00` in English, `1 227 000,00 €` in French, its thousands apart by narrow no-break spaces
    /// (U+202F) and its unit by a no-break space (U+00A0); other currencies by their code.
    package func string(_ money: Money) -> String {
        let negative = money.minorUnits < 0
        let units = money.minorUnits.magnitude
        let perMajor = UInt64(money.currency.minorUnitsPerMajorUnit)
        let whole = grouped(String(units / perMajor), separator: language == .french ? "\u{202F}" : ",")
        let cents = String(units % perMajor)
        let number = whole + (language == .french ? "," : ".") + (cents.count < 2 ? "0" + cents : cents)
        let sign = negative ? "-" : ""
        switch (language, money.currency) {
        case (.english, .euro): return "\(sign)€\(number)"
        case (.french, .euro): return "\(sign)\(number)\u{00A0}€"
        case (.french, _): return "\(sign)\(number)\u{00A0}\(money.currency)"
        default: return "\(sign)\(number) \(money.currency)"
        }
    }

    /// `12.1%` in English, `12,1 %` in French (a no-break space, U+00A0, before the sign): one decimal, rounded half up from the exact ratio.
    package func string(_ share: Share, decimals: Int = 1) -> String {
        points(share, decimals: decimals) + (language == .french ? "\u{00A0}%" : "%")
    }

    /// A share as percentage points, without the sign: `2`, `2.5` in English, `0,2` in French, rounded as
    /// ``percent(_:decimals:)`` rounds.
    package func points(_ share: Share, decimals: Int = 1) -> String {
        // Whole percentages print without decimals (20), others with `decimals` of them (12.1).
        var text = NSDecimalNumber(decimal: Self.percent(share, decimals: decimals)).stringValue
        if decimals > 0, let point = text.firstIndex(of: ".") {
            let fraction = text[text.index(after: point)...].count
            if fraction < decimals { text += String(repeating: "0", count: decimals - fraction) }
        }
        return language == .french ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A share in percent, rounded half up from the exact ratio to `decimals` places: the number the report prints.
    package static func percent(_ share: Share, decimals: Int = 1) -> Decimal {
        var percent = share.rounded(toPlaces: decimals + 2) * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &percent, decimals, .plain)
        return rounded
    }

    /// `a, b and c` in English, `a, b et c` in French.
    package func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        let last = items.last!
        return items.dropLast().joined(separator: ", ") + (language == .french ? " et " : " and ") + last
    }

    private func grouped(_ digits: String, separator: String) -> String {
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return groups.joined(separator: separator)
    }
}
