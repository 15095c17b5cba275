import Foundation

// The `Locale`-aware entry points: a host passes its user's locale, ClusterKit picks the language (French for any
// French locale, English otherwise) and formats amounts and percentages for it.

extension Language {
    /// The language of the current user's locale.
    public static var current: Language { Language(Locale.current) }
}

extension LocalizedText {
    /// The text in the language of `locale`.
    package func callAsFunction(_ locale: Locale) -> String { self(Language(locale)) }
}

extension Message {
    /// The message in the language of `locale`, its arguments formatted for it.
    public func rendered(in locale: Locale) -> String { rendered(in: Language(locale)) }
}

extension Money {
    /// The amount as a reader of `language` writes it: `€1,227,000.00` in English, `1 227 000,00 €` in French
    /// (other currencies by their code).
    public func formatted(in language: Language) -> String { ValueFormatter(language: language).string(self) }
}

extension Share {
    /// The share as a percentage with one decimal, rounded half up from the exact ratio: `12.1%` in English,
    /// `12,1 %` in French; a whole percentage prints without decimals (`20%`).
    public func formatted(in language: Language) -> String { ValueFormatter(language: language).string(self) }
}

extension Measure {
    /// The figure as a reader of `language` writes it: a share as a percentage, an amount with its currency, a count
    /// as a number.
    public func formatted(in language: Language) -> String { ValueFormatter(language: language).string(self) }
}

extension ValueFormatter {
    /// A formatter for the language of `locale`: `1 227 000,00 €` and `44,8 %` for a French locale.
    package init(locale: Locale) { self.init(language: Language(locale)) }

    /// A rule parameter's value as text: a share as a percentage, an amount in `currency`, a flag as yes or no.
    package func string(_ value: ParameterValue, currency: CurrencyCode = .euro) -> String {
        switch value {
        case .share(let share): return string(share)
        case .amount(let amount):
            return Money(exactly: amount, currency: currency).map { string($0) } ?? "\(amount) \(currency)"
        case .integer(let integer): return String(integer)
        case .boolean(let flag): return flag ? Self.yes(language) : Self.no(language)
        case .text(let text): return text
        }
    }

    /// A measured figure or threshold: a share, an amount or a count.
    package func string(_ measure: Measure) -> String {
        switch measure {
        case .share(let share): string(share)
        case .money(let money): string(money)
        case .count(let count): String(count)
        }
    }

    package static let yes = LocalizedText(english: "yes", french: "oui")
    package static let no = LocalizedText(english: "no", french: "non")
}

extension LocalizedText {
    /// R, as the tables and the rules' explanations name it.
    package static let totalResources = LocalizedText(english: "Total resources (R)", french: "Total des ressources (R)")
    /// "n/a" for a figure that cannot be computed (a share of a zero total).
    package static let notAvailable = LocalizedText(english: "n/a", french: "n.d.")
}
