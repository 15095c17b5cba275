import Foundation

/// What a budget's figures are: a plan that must balance, or accounts whose difference is the year's result.
public enum Statement: String, Hashable, Sendable, Codable, CaseIterable {
    /// A plan of financing or budget prévisionnel (the Cerfa 12156 table): resources must equal expenses.
    case forecast
    /// Realised accounts — a compte de résultat, the « réalisation » column of a compte rendu financier (Cerfa
    /// 15059): resources less expenses is the year's result (excédent or déficit), a finding, never an input error.
    case realised
}

/// A day of the calendar, as budgets write it: `2024-04-01`.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The year.
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// The day of the month, 1 to 31.
    public var day: Int

    /// Creates a date; `nil` when the day does not exist (`2025-02-29`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, of: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `yyyy-mm-dd`; `nil` for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `2024-04-01`.
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whole months from this date to a later one, counting a month begun as one (April 1 to March 31: 12).
    func monthsSpanned(to end: CalendarDate) -> Int {
        (end.year - year) * 12 + end.month - month + (end.day >= day - 1 ? 1 : 0)
    }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a date written yyyy-mm-dd")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A fiscal year other than the calendar year: `{ "start": "2024-04-01", "end": "2025-03-31" }`. The budget's
/// `year` is then the year in which the period ends.
public struct FiscalPeriod: Hashable, Sendable, Codable {
    /// The first day.
    public var start: CalendarDate
    /// The last day.
    public var end: CalendarDate

    /// The longest period ClusterKit reads: 24 months (a first or a changed fiscal year may be longer than 12).
    public static let maximumMonths = 24

    /// Creates a period.
    public init(start: CalendarDate, end: CalendarDate) {
        self.start = start
        self.end = end
    }

    /// The months the period spans, a month begun counting as one.
    public var months: Int { start.monthsSpanned(to: end) }

    public init(from decoder: any Decoder) throws {
        let fields = try FieldReader(decoder, allowed: ["start", "end"])
        start = try fields.required("start")
        end = try fields.required("end")
    }
}
