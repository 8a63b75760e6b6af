import Foundation

/// Times as the bookmark lists and the Markdown export show them, in the local time zone as
/// the C library has it: every form of `TZ` that `date` and `ls` read (a zone name,
/// `:Asia/Tokyo`, a file path, `JST-9`, a POSIX rule such as `CET-1CEST,M3.5.0,M10.5.0/3`),
/// and in the proleptic Gregorian calendar, as ISO 8601 and the JSON export write dates.
/// Foundation's time zone read the name alone, and showed any other form as UTC without a
/// word (QA 23); its ISO 8601 style is UTC, and Julian before 1582 (QA 24).
public enum LocalTime {
    /// "2026-11-27 19:08".
    public static func minute(_ date: Date) -> String {
        guard let parts = parts(of: date) else { return "????-??-?? ??:??" }
        return day(parts) + " " + padded(parts.tm_hour, 2) + ":" + padded(parts.tm_min, 2)
    }

    /// "2026-11-27".
    public static func day(_ date: Date) -> String {
        parts(of: date).map(day) ?? "????-??-??"
    }

    private static func parts(of date: Date) -> tm? {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        // localtime_r reads TZ once, where tzset has not yet: the process has no other clock.
        return localtime_r(&seconds, &parts) != nil ? parts : nil
    }

    private static func day(_ parts: tm) -> String {
        padded(parts.tm_year + 1900, 4) + "-" + padded(parts.tm_mon + 1, 2) + "-" + padded(parts.tm_mday, 2)
    }

    private static func padded(_ value: Int32, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(width - digits.count, 0)) + digits
    }
}
