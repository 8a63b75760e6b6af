import Foundation

/// The dates of a bookmarks export: an ISO 8601 date and time in the form RFC 3339 gives it,
/// `2025-05-01T12:00:00Z`, with optional fractional seconds and a `Z` or `±HH:MM` offset.
///
/// Checked field by field against the calendar, not handed to Foundation's ISO 8601 parser:
/// that one carries an impossible value over (`2020-02-30T99:00:00Z` is March 5th, 03:00;
/// `2021-02-29` is March 1st), so an import moved such a bookmark's date without a word.
enum Timestamp {
    /// The instant `text` names, or nil when it is not such a date and time, or no real one,
    /// or one that `string(from:)` cannot write (see `refusal(of:)`).
    static func date(from text: String) -> Date? {
        guard case .instant(let date) = reading(text), string(from: date) != nil else { return nil }
        return date
    }

    /// Why `date(from:)` refuses `text`, to say it at its place in the file.
    static func refusal(of text: String) -> String {
        let date: Date
        switch reading(text) {
        case .instant(let instant): date = instant
        case .notTheForm: return "'\(text)' is not an ISO 8601 date and time (2025-05-01T12:00:00Z)"
        // Written as one, it names none that exists (QA 22: `2020-02-30T10:00:00Z` was said to
        // be no ISO 8601 date and time, and looked right).
        case .outOfRange: return "'\(text)' is no date and time that exists: a month, day, hour, minute, second or offset is out of its range"
        }
        // Read, it could not be written back: an export the next import refused
        // (9999-12-31T23:59:59-23:59 was exported as 10000-01-01T23:58:59Z).
        let utc = date < Date(timeIntervalSince1970: 0) ? "before the year 0001" : "after the year 9999"
        return "'\(text)' is \(utc) in UTC, which an export cannot write"
    }

    /// `date` as an export writes it, `2025-05-01T12:00:00Z` (whole seconds, UTC), in the
    /// proleptic Gregorian calendar that `date(from:)` reads: `ISO8601DateFormatter` wrote
    /// Julian dates before October 1582, so each export and import moved them (0001-01-01
    /// came back as 0001-01-03, then 01-05). Nil outside the years 0001 to 9999, which the form
    /// cannot hold.
    static func string(from date: Date) -> String? {
        let interval = date.timeIntervalSince1970.rounded(.down)
        guard interval.isFinite, abs(interval) < 1e15 else { return nil }
        let seconds = Int(interval)
        let (days, time) = (seconds.floorDiv(86_400), seconds.floorMod(86_400))
        let (year, month, day) = civil(daysSince1970: days)
        guard (1...9999).contains(year) else { return nil }
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        let yearText = String(repeating: "0", count: 4 - String(year).count) + String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))Z"
    }

    /// The date of the proleptic Gregorian calendar `days` after 1970-01-01: the inverse of
    /// `daysSince1970` (Howard Hinnant's `civil_from_days`).
    static func civil(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = shifted.floorDiv(146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// What `text` is read as: the instant it names, whatever its year in UTC, or why none.
    private enum Reading {
        case instant(Date)
        /// Not written as an ISO 8601 date and time.
        case notTheForm
        /// Written as one, with a field out of its range (February 30th, 24:00).
        case outOfRange
    }

    private static func reading(_ text: String) -> Reading {
        // [0-9], not \d, which also takes the digits of other scripts.
        let form = #/([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(?:Z|([+-])([0-9]{2}):([0-9]{2}))/#
        guard let match = text.wholeMatch(of: form),
              let year = Int(match.1), let month = Int(match.2), let day = Int(match.3),
              let hour = Int(match.4), let minute = Int(match.5), let second = Int(match.6) else { return .notTheForm }
        let offsetHours = match.9.flatMap { Int($0) } ?? 0, offsetMinutes = match.10.flatMap { Int($0) } ?? 0
        guard (1...9999).contains(year), (1...12).contains(month), (1...days(inMonth: month, of: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute),
              // No leap second: a Date cannot name 23:59:60, and Foundation made it the next minute.
              (0...59).contains(second),
              (0...23).contains(offsetHours), (0...59).contains(offsetMinutes) else { return .outOfRange }

        let offset = (match.8 == "-" ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60)
        let seconds = daysSince1970(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        let fraction = match.7.flatMap { Double("0" + $0) } ?? 0
        return .instant(Date(timeIntervalSince1970: Double(seconds) + fraction))
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar, which ISO 8601
    /// uses (Howard Hinnant's `days_from_civil`, for years from 1 on). Not `Calendar`'s
    /// Gregorian calendar: it is Julian before October 1582, two days off at year 1.
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year  // years counted from March: the leap day last
        let era = shiftedYear / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// In the proleptic Gregorian calendar, as `daysSince1970`.
    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

private extension Int {
    /// Division rounding down, as the calendar needs for days before 1970.
    func floorDiv(_ divisor: Int) -> Int { (self - floorMod(divisor)) / divisor }
    func floorMod(_ divisor: Int) -> Int { ((self % divisor) + divisor) % divisor }
}
