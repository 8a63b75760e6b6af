/// The characters the terminal shows, as the locale says: seealso draws in UTF-8, but a
/// terminal set for ISO-8859-1 reads UTF-8's second bytes (0x80–0x9F) as C1 controls, DCS
/// among them, which swallowed what followed (QA 28). There each cell is drawn as a
/// character the charset has: itself, or a look-alike (box lines, arrows, dashes, quotes),
/// else `?`. A locale that names no charset (C, POSIX: LANG unset) is taken for UTF-8, the
/// terminal's likely one.
public enum TerminalCharset: Equatable, Sendable {
    case utf8, latin1, ascii

    /// The charset of a locale's codeset (`nl_langinfo(CODESET)`).
    public init(codeset: String) {
        switch codeset.uppercased().filter({ $0 != "-" && $0 != "_" }) {
        case "UTF8", "ANSIX3.41968", "ASCII", "": self = .utf8
        case "ISO88591", "ISO885915", "LATIN1": self = .latin1
        default: self = .ascii
        }
    }

    /// Whether `scalar` is drawn as itself.
    func has(_ scalar: Unicode.Scalar) -> Bool {
        switch self {
        case .utf8: true
        case .latin1: scalar.value < 0x80 || (0xA0...0xFF).contains(scalar.value)
        case .ascii: scalar.value < 0x80
        }
    }

    /// One cell's `text` as one character this charset has (a combining mark after it
    /// dropped).
    func shown(_ text: String) -> Unicode.Scalar {
        guard let first = text.unicodeScalars.first else { return " " }
        return has(first) ? first : Self.lookAlikes[first] ?? "?"
    }

    /// The byte of `scalar`, one the charset has (`shown`).
    func byte(_ scalar: Unicode.Scalar) -> UInt8 {
        UInt8(truncatingIfNeeded: scalar.value)
    }

    /// What the explorer draws with, and the ASCII that stands for each where the charset lacks
    /// it (Latin-1 has « » · ×, drawn as themselves there).
    static let lookAlikes: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (characters, lookAlike) in [("│┃║╎┆", "|"), ("─━═╌┄", "-"), ("┌┐└┘├┤┬┴┼╭╮╯╰╔╗╚╝", "+"),
                                        ("→⟩›»", ">"), ("←⟨‹«", "<"), ("↑", "^"), ("↓", "v"), ("…·•∙", "."),
                                        ("★☆", "*"), ("–—−‐", "-"), ("‘’‚′", "'"), ("“”„″", "\""), ("×", "x"), ("\u{FFFD}", "?")] {
            for character in characters.unicodeScalars { table[character] = Unicode.Scalar(lookAlike)! }
        }
        return table
    }()
}
