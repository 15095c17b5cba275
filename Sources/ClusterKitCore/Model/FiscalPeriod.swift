import Foundation

/// A fiscal year other than the calendar year: `{ "start": "2024-04-01", "end": "2025-03-31" }`. The budget's
/// `year` is then the year in which the period ends.
public struct FiscalPeriod: Hashable, Sendable, Codable {
    /// The first day.
    public var start: CalendarDate
    /// The last day.
    public var end: CalendarDate

    /// The longest period ClusterKit reads: 24 months (a first or a changed fiscal year may be longer than 12).
    package static let maximumMonths = 24

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
