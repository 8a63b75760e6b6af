import Foundation

/// The dates of a bookmarks export: an ISO 8601 date and time in the form RFC 3339 gives it,
/// `2025-05-01T12:00:00Z`, with optional fractional seconds and a `Z` or `±HH:MM` offset.
///
/// Checked field by field against the calendar, not handed to Foundation's ISO 8601 parser:
/// that one carries an impossible value over (`2020-02-30T99:00:00Z` is March 5th, 03:00;
/// `2021-02-29` is March 1st), so an import moved such a bookmark's date without a word.
enum Timestamp {
    /// The instant `text` names, or nil when it is not such a date and time, or no real one.
    static func date(from text: String) -> Date? {
        // [0-9], not \d, which also takes the digits of other scripts.
        let form = #/([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(?:Z|([+-])([0-9]{2}):([0-9]{2}))/#
        guard let match = text.wholeMatch(of: form),
              let year = Int(match.1), let month = Int(match.2), let day = Int(match.3),
              let hour = Int(match.4), let minute = Int(match.5), let second = Int(match.6) else { return nil }
        let offsetHours = match.9.flatMap { Int($0) } ?? 0, offsetMinutes = match.10.flatMap { Int($0) } ?? 0
        guard (1...9999).contains(year), (1...12).contains(month), (1...days(inMonth: month, of: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute),
              // No leap second: a Date cannot name 23:59:60, and Foundation made it the next minute.
              (0...59).contains(second),
              (0...23).contains(offsetHours), (0...59).contains(offsetMinutes) else { return nil }

        let offset = (match.8 == "-" ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60)
        let seconds = daysSince1970(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        let fraction = match.7.flatMap { Double("0" + $0) } ?? 0
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
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
