/// A TOML file's text made ready for TOMLKit and `TOMLKeyLines`, which see it alike.
public enum TOMLInput {
    /// The problem that stops the text from being read, as `line` and message; nil when
    /// TOMLKit can be given it. TOMLKit reads a C string, which ends at the first NUL: the
    /// rest of the file would be ignored without a word.
    public static func unreadable(_ text: String) -> (line: Int, message: String)? {
        guard let nul = text.utf8.firstIndex(of: 0) else { return nil }
        let line = text.utf8[..<nul].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        return (line, "invalid TOML: a NUL character (U+0000), which TOML does not allow")
    }

    /// `text` without a leading byte-order mark. TOMLKit skips one; the key-line scan took it
    /// for part of the first line, and reported every key a table off.
    public static func withoutByteOrderMark(_ text: String) -> String {
        text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}
