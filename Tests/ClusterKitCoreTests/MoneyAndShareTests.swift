import ClusterKitCore
import Foundation
import Testing
import TestSupport

@Suite("Exact money")
struct MoneyTests {
    @Test("Decimal amounts are held exactly in minor units")
    func exactDecimals() throws {
        #expect(Money(exactly: Decimal(string: "840965.5")!)?.minorUnits == 84_096_550)
        #expect(Money(exactly: Decimal(string: "0.29")!)?.minorUnits == 29)
        #expect(Money(exactly: Decimal(string: "1227000.00")!)?.minorUnits == 122_700_000)
        #expect(Money(exactly: Decimal(string: "0.001")!) == nil, "three decimals are refused")
        #expect(Money(exactly: Decimal(string: "100000000000000000")!) == nil, "too large for 64-bit cents")
    }

    @Test("Sums report overflow instead of trapping")
    func overflow() throws {
        let huge = Money(minorUnits: .max - 1)
        #expect(throws: MoneyError.overflow) { try huge.adding(Money(minorUnits: 2)) }
        #expect(throws: MoneyError.overflow) { try Money.sum([huge, huge]) }
        #expect(try huge.adding(Money(minorUnits: 1)).minorUnits == .max)
    }

    @Test("Currencies never mix")
    func currencies() {
        #expect(throws: MoneyError.currencyMismatch("EUR", "USD")) {
            try Money(major: 1).adding(Money(major: 1, currency: "USD"))
        }
        #expect(CurrencyCode(rawValue: "eur") == nil)
    }

    @Test("Description is exact and language-neutral")
    func description() {
        #expect(Money(minorUnits: 84_096_550).description == "840965.50 EUR")
        #expect(Money(minorUnits: -5).description == "-0.05 EUR")
    }
}

@Suite("Exact shares")
struct ShareTests {
    @Test("A budget at exactly 50% passes a 50% floor; one cent under fails it")
    func boundary() throws {
        let half = Share(percent: 50)
        let exactly = try #require(Share(Money(major: 145_000), of: Money(major: 290_000)))
        #expect(!(exactly < half))
        let oneCentUnder = try #require(Share(Money(minorUnits: 14_499_999), of: Money(major: 290_000)))
        #expect(oneCentUnder < half)
    }

    @Test("Shares from decimals are exact fractions")
    func fromDecimal() throws {
        #expect(Share(exactly: Decimal(string: "0.15")!) == Share(percent: 15))
        #expect(Share(exactly: Decimal(string: "0.2")!) == Share(1, over: 5))
        #expect(Share(exactly: Decimal(string: "0.1234567")!) == Share(1_234_567, over: 10_000_000))
        #expect(Share(exactly: Decimal(string: "0.1")!)! != Share(exactly: Decimal(string: "0.1000001")!)!)
    }

    @Test("Equal ratios hash alike")
    func hashing() {
        #expect(Set([Share(1, over: 2), Share(50, over: 100), Share(145_000, over: 290_000)]).count == 1)
    }

    @Test("Rounded for reports, half up")
    func rounding() {
        #expect(Share(130_000, over: 290_000).rounded(toPlaces: 4) == Decimal(string: "0.4483"))
        #expect(Share(1, over: 8).rounded(toPlaces: 2) == Decimal(string: "0.13"))
    }

    @Test("Remediation amounts follow RULES.md and round up to the cent")
    func remediation() throws {
        let total = Money(major: 290_000)
        // Mecabourg: x = R − 2·Priv = 290,000 − 260,000.
        #expect(Share.additionToReach(Share(percent: 50), part: Money(major: 130_000), of: total) == Money(major: 30_000))
        // Mecabourg's billed revenue: (0.2 × 290,000 − 35,000) / 0.8.
        #expect(Share.additionToReach(Share(percent: 20), part: Money(major: 35_000), of: total) == Money(major: 28_750))
        // Neopolia's valued time: (250,000 − 0.15 × 1,227,000) / 0.85 = 77,588.235… → 77,588.24.
        #expect(
            Share.removalToReach(Share(percent: 15), part: Money(major: 250_000), of: Money(major: 1_227_000))
                == Money(minorUnits: 7_758_824))
        #expect(Share.transferToReach(Share(percent: 50), part: Money(major: 130_000), of: total) == Money(major: 15_000))
        #expect(Share.dilutionToReach(Share(percent: 50), part: Money(major: 60), of: Money(major: 100)) == Money(major: 20))
        #expect(Share.additionToReach(Share(percent: 50), part: Money(major: 200), of: Money(major: 300)) == .zero())
        #expect(Share.additionToReach(Share.one, part: Money(major: 1), of: Money(major: 2)) == nil)
    }

    @Test("A remediation applied reaches the threshold exactly or just past it", arguments: [1, 7, 13, 15, 20, 33, 50, 99])
    func remediationReaches(percentage: Int64) throws {
        let target = Share(percent: percentage)
        for (part, whole) in [(Int64(1), Int64(1_000_003)), (0, 999), (12_345, 987_654_321), (35_000_00, 290_000_00)] {
            let x = try #require(Share.additionToReach(target, part: Money(minorUnits: part), of: Money(minorUnits: whole)))
            let after = try #require(Share(Money(minorUnits: part + x.minorUnits), of: Money(minorUnits: whole + x.minorUnits)))
            #expect(after >= target)
            if x.minorUnits > 0 {
                let short = try #require(Share(Money(minorUnits: part + x.minorUnits - 1), of: Money(minorUnits: whole + x.minorUnits - 1)))
                #expect(short < target, "the amount is the smallest that works")
            }
        }
    }
}

@Suite("Formatting for a language")
struct FormattingTests {
    @Test("Amounts")
    func amounts() {
        let amount = Money(minorUnits: 122_700_050)
        #expect(amount.formatted(in: .english) == "€1,227,000.50")
        #expect(amount.formatted(in: .french) == "1\u{202F}227\u{202F}000,50\u{00A0}€")
        #expect(Money(major: 5, currency: "USD").formatted(in: .french) == "5,00\u{00A0}USD")
    }

    @Test("Percentages")
    func percentages() {
        let share = Share(130_000, over: 290_000)
        #expect(share.formatted(in: .english) == "44.8%")
        #expect(share.formatted(in: .french) == "44,8\u{00A0}%")
        #expect(Share(percent: 20).formatted(in: .english) == "20%")
        #expect(Share(1, over: 3).formatted(in: .french) == "33,3\u{00A0}%")
    }

    @Test("A diagnostic's measure: a share, an amount or a count, as the reader of the language writes it")
    func measures() {
        #expect(Measure.share(Share(130_000, over: 290_000)).formatted(in: .french) == "44,8\u{00A0}%")
        #expect(Measure.money(Money(major: 30_000)).formatted(in: .english) == "€30,000.00")
        #expect(Measure.count(60).formatted(in: .french) == "60")
    }

    @Test("Language from a locale")
    func locale() {
        #expect(Language(Locale(identifier: "fr_FR")) == .french)
        #expect(Language(Locale(identifier: "fr_CA")) == .french)
        #expect(Language(Locale(identifier: "de_DE")) == .english)
    }
}

@Suite("Money arithmetic for rule writers")
struct MoneyArithmeticTests {
    @Test("+ and - are checked: two currencies or an overflow throw instead of trapping")
    func checkedSumAndDifference() throws {
        let fees = Money(major: 95_000), participations = Money(major: 35_000)
        #expect(try fees + participations == Money(major: 130_000))
        #expect(try participations - fees == Money(major: -60_000))
        #expect(throws: MoneyError.currencyMismatch("EUR", "USD")) { try fees + Money(major: 1, currency: "USD") }
        #expect(throws: MoneyError.overflow) { try Money(minorUnits: .max) + Money(minorUnits: 1) }
        #expect(throws: MoneyError.overflow) { try Money(minorUnits: .min) - Money(minorUnits: 1) }
    }

    @Test("An amount times a count: 500 € for each of Mecabourg's 60 members is 30,000 €")
    func timesACount() throws {
        #expect(try Money(major: 500) * 60 == Money(major: 30_000))
        #expect(try 60 * Money(major: 500) == Money(major: 30_000))
        #expect(try Money(minorUnits: -3) * 3 == Money(minorUnits: -9))
        #expect(throws: MoneyError.overflow) { try Money(minorUnits: .max / 2 + 1) * 2 }
    }

    @Test("A share of an amount is exact and rounded once, up by default")
    func portion() throws {
        // Cosmetic Valley 2013: 15% of 2,169,500 € is 325,425 € exactly.
        #expect(try Money(major: 2_169_500).portion(Share(percent: 15)) == Money(major: 325_425))
        // 15% of 100.01 € is 15.0015 €: 15.01 € up, 15.00 € down, 15.00 € to the nearest.
        let amount = Money(minorUnits: 10_001)
        #expect(try amount.portion(Share(percent: 15)) == Money(minorUnits: 1_501))
        #expect(try amount.portion(Share(percent: 15), rounding: .down) == Money(minorUnits: 1_500))
        #expect(try amount.portion(Share(percent: 15), rounding: .toNearestOrAwayFromZero) == Money(minorUnits: 1_500))
        // A third of a cent-exact amount of Int64's size does not overflow on the way (128-bit product).
        #expect(try Money(minorUnits: .max).portion(Share(1, over: 3), rounding: .down).minorUnits == Int64.max / 3)
        #expect(throws: MoneyError.overflow) { try Money(minorUnits: .max).portion(Share(3, over: 2)) }
    }
}

@Suite("Exact division")
struct ExactArithmeticTests {
    @Test("Every rounding rule on every sign of remainder, against the definition on Double for small values")
    func roundingRules() {
        let rules: [FloatingPointRoundingRule] = [.up, .down, .towardZero, .awayFromZero, .toNearestOrAwayFromZero, .toNearestOrEven]
        for a in -40...40 {
            for b in 1...7 {
                for rule in rules {
                    let expected = (Double(a) / Double(b)).rounded(rule)
                    #expect(ExactArithmetic.divide(Int128(a), by: Int128(b), rounding: rule) == Int128(expected),
                            "\(a) / \(b) rounded \(rule)")
                }
            }
        }
    }

    @Test("Greatest common divisors, and one for two zeros")
    func greatestCommonDivisor() {
        #expect(ExactArithmetic.gcd(130_000 as UInt64, 290_000) == 10_000)
        #expect(ExactArithmetic.gcd(0 as UInt64, 7) == 7)
        #expect(ExactArithmetic.gcd(0 as UInt64, 0) == 1)
        // The planner's 128-bit fractions: past 64 bits, and where both fit in 64.
        #expect(ExactArithmetic.gcd(UInt128(1) << 70, 3 * (UInt128(1) << 65)) == UInt128(1) << 65)
        #expect(ExactArithmetic.gcd(130_000 as UInt128, 290_000) == 10_000)
        #expect(ExactArithmetic.gcd(0 as UInt128, 0) == 1)
    }
}

@Suite("Severity order")
struct SeverityOrderTests {
    @Test("More severe is greater: `>= .warning` means a warning or an error")
    func order() {
        #expect(Severity.note < .warning && Severity.warning < .error)
        #expect(Severity.allCases.filter { $0 >= .warning } == [.error, .warning])
        #expect([Severity.note, .error, .warning].max() == .error)
    }
}

@Suite("Decimals made from digits")
struct DecimalDigitsTests {
    /// Amounts: edges, round and unround values, and a spread of others from a fixed sequence.
    static let amounts: [Int64] = {
        var values: [Int64] = [0, 1, -1, 5, 10, 100, 1_000, 29, 84_096_550, 122_700_000, -250_000, .max, .min + 1, 99_999]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Int64(bitPattern: state) >> Int64(state % 50))
        }
        return values
    }()

    @Test("An amount's decimal value is what dividing by 100 gives: equal, and written alike")
    func moneyDecimalValue() throws {
        for units in Self.amounts {
            let divided = Decimal(units) / Decimal(100), made = Money(minorUnits: units).decimalValue
            #expect(made == divided && made.description == divided.description && made.exponent == divided.exponent, "\(units)")
        }
    }

    @Test("A share rounded to places is the quotient rounded half away from zero, as NSDecimalRound's .plain")
    func shareRounded() throws {
        for (index, numerator) in Self.amounts.enumerated() {
            let denominator = max(1, Self.amounts[(index * 7 + 3) % Self.amounts.count].magnitude % 1_000_000_007)
            let share = Share(numerator, over: Int64(denominator))
            for places in [0, 2, 4] {
                var quotient = Decimal(numerator) / Decimal(denominator), divided = Decimal()
                NSDecimalRound(&divided, &quotient, places, .plain)
                let made = share.rounded(toPlaces: places)
                #expect(made == divided && made.description == divided.description, "\(numerator)/\(denominator), \(places)")
            }
        }
        // Ties go away from zero: 1/8 = 0.125 → 0.13, −1/8 → −0.13.
        #expect(Share(1, over: 8).rounded(toPlaces: 2) == Decimal(string: "0.13"))
        #expect(Share(-1, over: 8).rounded(toPlaces: 2) == Decimal(string: "-0.13"))
    }
}
