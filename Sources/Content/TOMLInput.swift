/// A TOML file's text made ready for TOMLKit and `TOMLKeyLines`, which see it alike.
public enum TOMLInput {
    /// The problem that stops the text from being read, as `line` and message; nil when
    /// TOMLKit can be given it. TOMLKit reads a C string, which ends at the first NUL: the
    /// rest of the file would be ignored without a word.
    public static func unreadable(_ text: String) -> (line: Int, message: String)? {
        let bytes = Array(text.utf8)
        // TOMLKit skips a byte-order mark as `withoutByteOrderMark` does, so a second one was
        // taken quietly, and the key-line scan read it as part of line 1: every later problem
        // was said at line 1. Malformed as any stray character before the first key is.
        if withoutByteOrderMark(text).hasPrefix("\u{FEFF}") {
            return (1, "invalid TOML: " + secondByteOrderMark)
        }
        if let nul = bytes.firstIndex(of: 0) {
            return (line(at: nul, in: bytes), "invalid TOML: a NUL character (U+0000), which TOML does not allow")
        }
        // Escaped, TOML allows it, and TOMLKit hands the string over as a C string too: it
        // ended there, and a link's name or rationale was cut short without a word.
        if let escape = escapedNUL(in: bytes) {
            return (line(at: escape, in: bytes), "a NUL character (\\u0000) in a string, which seealso cannot read")
        }
        if let crowded = lineOfTooManyDots(in: bytes) {
            return (crowded, "invalid TOML: more than \(dotLimit) '.' on one line, as in a key of that many parts, which seealso cannot read")
        }
        return nil
    }

    /// The most '.' one line may hold. TOMLKit reads a dotted key by recursion, and one of a
    /// million parts (2 MB: `k.k.k…`) overflowed its stack, a segmentation fault (QA 14a);
    /// 100,000 parts are still read. Counted over the whole line, strings included: no
    /// configuration or links file has a string of 10,000 dots.
    static let dotLimit = 10_000

    private static func lineOfTooManyDots(in bytes: [UInt8]) -> Int? {
        var line = 1, dots = 0
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                line += 1
                dots = 0
            } else if byte == UInt8(ascii: "."), dots == dotLimit {
                return line
            } else if byte == UInt8(ascii: ".") {
                dots += 1
            }
        }
        return nil
    }

    /// What a file that starts with two byte-order marks is told (an article, a links file, a
    /// configuration).
    public static let secondByteOrderMark = "a second byte-order mark (U+FEFF) at the start of the file, where one at most may be"

    private static func line(at offset: Int, in bytes: [UInt8]) -> Int {
        bytes[..<offset].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }

    /// Where `\u0000` or `\U00000000` starts as an escape: after an odd run of backslashes.
    private static func escapedNUL(in bytes: [UInt8]) -> Int? {
        let backslash = UInt8(ascii: "\\")
        var index = 0
        while index < bytes.count {
            guard bytes[index] == backslash else {
                index += 1
                continue
            }
            let run = index
            while index < bytes.count, bytes[index] == backslash { index += 1 }
            guard (index - run) % 2 == 1, index < bytes.count else { continue }
            let digits = bytes[index] == UInt8(ascii: "u") ? 4 : bytes[index] == UInt8(ascii: "U") ? 8 : 0
            if digits > 0, index + digits < bytes.count,
               bytes[(index + 1)...(index + digits)].allSatisfy({ $0 == UInt8(ascii: "0") }) {
                return index - 1
            }
        }
        return nil
    }

    /// `text` without a leading byte-order mark. TOMLKit skips one; the key-line scan took it
    /// for part of the first line, and reported every key a table off.
    public static func withoutByteOrderMark(_ text: String) -> String {
        text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}
