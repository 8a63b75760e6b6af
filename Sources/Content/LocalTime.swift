import Foundation

/// Times as the bookmark lists show them, to the minute, in the local time zone as the C
/// library has it: every form of `TZ` that `date` and `ls` read (a zone name, `:Asia/Tokyo`, a
/// file path, `JST-9`, a POSIX rule such as `CET-1CEST,M3.5.0,M10.5.0/3`). Foundation's time
/// zone read the name alone, and showed any other form as UTC without a word (QA 23).
public enum LocalTime {
    /// "2026-11-27 19:08".
    public static func minute(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        // localtime_r reads TZ once, where tzset has not yet: the process has no other clock.
        guard localtime_r(&seconds, &parts) != nil else { return "????-??-?? ??:??" }
        func padded(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(width - digits.count, 0)) + digits
        }
        return padded(parts.tm_year + 1900, 4) + "-" + padded(parts.tm_mon + 1, 2) + "-" + padded(parts.tm_mday, 2)
            + " " + padded(parts.tm_hour, 2) + ":" + padded(parts.tm_min, 2)
    }
}
