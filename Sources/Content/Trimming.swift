import Foundation

extension Substring {
    /// This text without leading and trailing spaces, tabs and other Unicode space separators:
    /// what `trimmingCharacters(in: .whitespaces)` returns, without Foundation's round trip
    /// through NSString and UTF-16, which took a third of the time to load an article
    /// (parse: 0.97 → 0.22 ms for the bundled article, 514 → 155 ms for 10 MB; see
    /// scripts/bench-content.sh).
    func trimmingSpaces() -> String {
        // An ASCII byte other than a space or tab at either end says there is nothing to trim
        // there, as it is for most text: walking the scalars to find so was 2 % of loading the
        // bundled article (callgrind).
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
           first != 0x20, first != 0x09, last != 0x20, last != 0x09 {
            return String(self)
        }
        return trimmingScalars(where: Self.isSpace)
    }

    /// This text without leading and trailing punctuation: what
    /// `trimmingCharacters(in: .punctuationCharacters)` returns. ASCII text (nearly every
    /// word the classifier trims) is trimmed here, without Foundation's round trip through
    /// NSString; other text still goes through Foundation, whose punctuation set is not the
    /// standard library's outside ASCII (it leaves out characters beyond U+FFFF and the
    /// newest ones).
    func trimmingPunctuation() -> String {
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return trimmingCharacters(in: .punctuationCharacters) }
        return trimmingScalars(where: Self.isASCIIPunctuation)
    }

    @inline(__always)
    private func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isTrimmed(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard isTrimmed(scalars[before]) else { break }
            end = before
        }
        return String(scalars[start..<end])
    }

    /// Tab and the Unicode space separators (category Zs), as in `CharacterSet.whitespaces`.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || (scalar.value >= 0x80 && scalar.properties.generalCategory == .spaceSeparator)
    }

    /// ASCII punctuation (general categories P*: not the symbols $ + < = > ^ ` | ~).
    @inline(__always)
    static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "!"..."#", "%"..."*", ","..."/", ":", ";", "?", "@", "["..."]", "_", "{", "}": true
        default: false
        }
    }
}

extension StringProtocol {
    /// Whether this text shows nothing: only characters that show nothing
    /// (`Unicode.Scalar.showsNothing`). A heading or an item's name made of them looks empty,
    /// and is: `== \u{200B} ==` was a heading that `outline` printed as nothing.
    var showsNothing: Bool { unicodeScalars.allSatisfy(\.showsNothing) }
}

extension String {
    /// See `Substring.trimmingSpaces()`.
    func trimmingSpaces() -> String { self[...].trimmingSpaces() }

    /// The UTF-8 offset where the bytes of `needle` first occur in this string's: a byte
    /// search, without Unicode's rules (and without the cost of starting Foundation's or the
    /// standard library's generic search).
    func firstOffset(ofBytes needle: String) -> Int? {
        var haystack = self
        var needle = needle
        guard !needle.isEmpty else { return 0 }
        return haystack.withUTF8 { text in
            needle.withUTF8 { bytes in
                guard text.count >= bytes.count else { return nil }
                for start in 0...(text.count - bytes.count) where text[start] == bytes[0] {
                    if (1..<bytes.count).allSatisfy({ text[start + $0] == bytes[$0] }) { return start }
                }
                return nil
            }
        }
    }
}

extension Array where Element: StringProtocol {
    /// The parts joined with single spaces: what `joined(separator: " ")` returns, without
    /// the standard library's unspecialized path, whose conformance lookups at first use were
    /// 5 % of loading the bundled article cold for `Substring`s, and 7 % more for `String`s
    /// (perf, seealso-bench cold, 2026-11).
    func joinedWithSpaces() -> String {
        var text = ""
        text.reserveCapacity(reduce(count) { $0 + $1.utf8.count })
        for (index, part) in enumerated() {
            if index > 0 { text.append(" ") }
            text.append(contentsOf: part)
        }
        return text
    }
}
