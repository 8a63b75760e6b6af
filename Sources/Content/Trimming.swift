extension Substring {
    /// This text without leading and trailing spaces, tabs and other Unicode space separators:
    /// what `trimmingCharacters(in: .whitespaces)` returns, without Foundation's round trip
    /// through NSString and UTF-16, which took a third of the time to load an article
    /// (parse: 0.97 → 0.22 ms for the bundled article, 514 → 155 ms for 10 MB; see
    /// scripts/bench-content.sh).
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, Self.isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard Self.isSpace(scalars[before]) else { break }
            end = before
        }
        return String(scalars[start..<end])
    }

    /// Tab and the Unicode space separators (category Zs), as in `CharacterSet.whitespaces`.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || (scalar.value >= 0x80 && scalar.properties.generalCategory == .spaceSeparator)
    }
}

extension String {
    /// See `Substring.trimmingSpaces()`.
    func trimmingSpaces() -> String { self[...].trimmingSpaces() }
}
