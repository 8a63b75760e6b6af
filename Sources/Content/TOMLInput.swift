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
        // After the byte-order mark TOMLKit skips (its 3 bytes): the bytes above, not a copy.
        var traps = ParserTraps(bytes: bytes, from: text.hasPrefix("\u{FEFF}") ? 3 : 0)
        return traps.first()
    }

    /// The most '.' one line may hold. TOMLKit reads a dotted key by recursion, and one of a
    /// million parts (2 MB: `k.k.k…`) overflowed its stack, a segmentation fault;
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

    /// Finds the two mistakes TOMLKit cannot be given. Its parser (toml++ 3.4) asserts, and
    /// aborts the process, where it expects a key or a value and finds what cannot start one:
    /// `[[[`, `[{` or `[=` as a table header, and `[}` or `[1, }` as an array. Each ended
    /// seealso with SIGABRT (exit 134), in a configuration or a links file, where any other
    /// syntax error is a message (2026-11-27, found by fuzzing `config --check`).
    ///
    /// The scan reads the document as that parser does up to each trap: lines inside strings
    /// and multi-line arrays are no statements, a `}` in a comment or a string closes nothing.
    /// It judges nothing else: every other mistake is TOMLKit's to report.
    private struct ParserTraps {
        let bytes: [UInt8]
        var index: Int
        var line = 1

        init(bytes: [UInt8], from start: Int) {
            self.bytes = bytes
            index = start
        }

        /// The first trap, as its line and message; nil when there is none.
        mutating func first() -> (line: Int, message: String)? {
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
                case UInt8(ascii: "\n"): newLine()
                case UInt8(ascii: "#"): skipComment()
                case UInt8(ascii: "["):
                    if let found = keylessHeader() {
                        return (line, "invalid TOML: a table header must start with a key (a letter, digit, '-', '_' or a quote) "
                                      + "after its '[', not '\(found.quotable)'")
                    }
                    // A header is one line: no string in it may hold a line break.
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                default:
                    if skipKeyValue() == .braceForValue {
                        return (line, "invalid TOML: '}' in an array, where a value or the closing ']' should be")
                    }
                }
            }
            return nil
        }

        /// What stands where the key of the header at `index` should start, as TOMLKit looks
        /// for it; nil when TOMLKit can read on (a key, or a mistake it reports itself: the end,
        /// `]`, `[ [`).
        func keylessHeader() -> String? {
            var at = skippingSpaces(from: index + 1)
            guard at < bytes.count else { return nil }
            if bytes[at] == UInt8(ascii: "[") {
                guard at == index + 1 else { return nil }
                at = skippingSpaces(from: at + 1)
                guard at < bytes.count else { return nil }
            }
            let byte = bytes[at]
            if TOMLKeyLines.isBareKeyCharacter(byte) || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "]") {
                return nil
            }
            // The whole character (its UTF-8 may be several bytes), or the byte when it is none.
            let end = bytes[at...].dropFirst().firstIndex { $0 & 0xC0 != 0x80 } ?? bytes.count
            return String(validating: bytes[at..<end], as: UTF8.self) ?? "\\x" + String(byte, radix: 16, uppercase: true)
        }

        func skippingSpaces(from start: Int) -> Int {
            var at = start
            while at < bytes.count, bytes[at] == UInt8(ascii: " ") || bytes[at] == UInt8(ascii: "\t") { at += 1 }
            return at
        }

        mutating func newLine() {
            index += 1
            line += 1
        }

        /// Up to the line break, which is left for the caller.
        mutating func skipComment() {
            while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        }

        enum KeyValueEnd { case lineBreak, braceForValue }

        /// `key = value` up to the line break that ends it: one outside every string, array and
        /// inline table the value opened. Stops early, at the `}`, when an array holds a `}`
        /// where its next value should start: right after its `[` or a `,`.
        mutating func skipKeyValue() -> KeyValueEnd {
            var open: [UInt8] = []
            // The last byte that was no space, line break or comment: what a `}` follows.
            var previous: UInt8 = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    index += 1
                    continue
                case UInt8(ascii: "#"):
                    skipComment()
                    continue
                case UInt8(ascii: "\n"):
                    if open.isEmpty { return .lineBreak }
                    newLine()
                    continue
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    skipString()
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    open.append(byte)
                    index += 1
                case UInt8(ascii: "}") where open.last == UInt8(ascii: "[")
                    && (previous == UInt8(ascii: "[") || previous == UInt8(ascii: ",")):
                    return .braceForValue
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    _ = open.popLast()
                    index += 1
                default:
                    index += 1
                }
                previous = byte
            }
            return .lineBreak
        }

        /// A string from its opening quote: basic ("…", with escapes) or literal ('…'), on one
        /// line or, tripled, on several.
        mutating func skipString() {
            let quote = bytes[index]
            let escapes = quote == UInt8(ascii: "\"")
            let tripled = index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
            index += tripled ? 3 : 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\"), escapes {
                    // The escaped character, which may be the line break of a line-ending backslash.
                    index += 1
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { newLine() } else { index += 1 }
                } else if byte == UInt8(ascii: "\n") {
                    // A one-line string ends here, unclosed: TOMLKit says so.
                    guard tripled else { return }
                    newLine()
                } else if byte == quote, !tripled {
                    index += 1
                    return
                } else if byte == quote, index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote {
                    index += 3
                    // Up to two more quotes are the string's own, before the closing three.
                    var own = 0
                    while own < 2, index < bytes.count, bytes[index] == quote {
                        index += 1
                        own += 1
                    }
                    return
                } else {
                    index += 1
                }
            }
        }
    }
}
