/// The characters the terminal shows, as the locale says: seealso draws in UTF-8, but a
/// terminal set for ISO-8859-1 reads UTF-8's second bytes (0x80–0x9F) as C1 controls, DCS
/// among them, which swallowed what followed (QA 28). There each cell is drawn as a
/// character the charset has: itself, or a look-alike (box lines, arrows, dashes, quotes),
/// else `?`. A locale that names no charset (C, POSIX: LANG unset) is taken for UTF-8, the
/// terminal's likely one. Nor is any character drawn with a byte of 0x80–0x9F, though KOI8-R
/// puts its box lines there and Windows-1252 its dashes and quotes: a terminal in 8-bit mode
/// (xterm without allowC1Printable, the Linux console) reads those bytes as C1 controls too,
/// and an article's "²0;title°" was an OSC that set the window's title, "›2J" a CSI that
/// cleared the screen (QA 41). They are drawn as their look-alikes.
public enum TerminalCharset: Equatable, Sendable {
    case utf8
    /// ASCII, and the characters of bytes 0x80–0xFF that the charset `name` has.
    case singleByte(name: String, bytes: [Unicode.Scalar: UInt8])

    public static let ascii = TerminalCharset.singleByte(name: "ASCII", bytes: [:])
    public static let latin1 = TerminalCharset(codeset: "ISO-8859-1")

    /// The charset of a locale's codeset (`nl_langinfo(CODESET)`): the single-byte ones of
    /// `upperHalves` (Latin-1 and -9, Central European, Cyrillic, Greek, KOI8-R and -U,
    /// Windows' 1251 and 1252); any other (EUC-JP, GB18030: several bytes a character) is
    /// drawn in ASCII.
    public init(codeset: String) {
        let name = codeset.uppercased().filter { $0 != "-" && $0 != "_" }
        if ["UTF8", "ANSIX3.41968", "ASCII", ""].contains(name) {
            self = .utf8
        } else if let upper = Self.upperHalves[name] {
            var bytes: [Unicode.Scalar: UInt8] = [:]
            for (offset, scalar) in upper.unicodeScalars.enumerated() where scalar != "\u{0}" { bytes[scalar] = UInt8(0x80 + offset) }
            self = .singleByte(name: name, bytes: bytes)
        } else {
            self = .ascii
        }
    }

    /// Whether `scalar` is drawn as itself: the charset has it, at a byte no terminal reads
    /// as a control.
    func has(_ scalar: Unicode.Scalar) -> Bool {
        switch self {
        case .utf8: true
        case .singleByte(_, let bytes): scalar.value < 0x80 || bytes[scalar].map { !Self.controlBytes.contains($0) } ?? false
        }
    }

    /// The C1 controls' bytes, in a terminal that reads eight bits a character.
    static let controlBytes: ClosedRange<UInt8> = 0x80...0x9F

    /// One cell's `text` as one character this charset has (a combining mark after it
    /// dropped).
    func shown(_ text: String) -> Unicode.Scalar {
        guard let first = text.unicodeScalars.first else { return " " }
        return has(first) ? first : Self.lookAlikes[first] ?? "?"
    }

    /// The byte of `scalar`, one the charset has (`shown`).
    func byte(_ scalar: Unicode.Scalar) -> UInt8 {
        guard case .singleByte(_, let bytes) = self, let byte = bytes[scalar] else { return UInt8(truncatingIfNeeded: scalar.value) }
        return byte
    }

    /// The character of a byte the terminal sends: keys come in the charset too, and a
    /// Latin-1 terminal's é (0xE9) read as UTF-8 was no character, and dropped (QA 28). A
    /// terminal that sends Windows-1252's € as 0x80 means €, though it is never drawn so. Nil
    /// for a byte the charset leaves undefined (Latin-1's C1 range), and for any byte past
    /// ASCII in `ascii` (a charset of several bytes a character, read no better).
    func scalar(ofByte byte: UInt8) -> Unicode.Scalar? {
        switch self {
        case .utf8: byte < 0x80 ? Unicode.Scalar(byte) : nil
        case .singleByte(_, let bytes): byte < 0x80 ? Unicode.Scalar(byte) : bytes.first { $0.value == byte }?.key
        }
    }

    /// The key that `first` starts, as `UTF8Input.decode` reads it: in UTF-8, its
    /// continuation bytes read from `next`; in a single-byte charset, the byte's own character.
    func decodeKey(first: UInt8, next: () -> Int32?) -> (scalar: UInt32?, unread: Int32?) {
        guard self != .utf8 else { return UTF8Input.decode(first: first, next: next) }
        return (scalar(ofByte: first)?.value, nil)
    }

    /// What the explorer draws with, and the ASCII that stands for each where the charset lacks
    /// it (Latin-1 has « » · ×, drawn as themselves there). A cut's "…" is "~", not a dot that
    /// reads as an abbreviation ("Provisional Gover.", QA 29).
    static let lookAlikes: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (characters, lookAlike) in [("│┃║╎┆", "|"), ("─━═╌┄", "-"), ("┌┐└┘├┤┬┴┼╭╮╯╰╔╗╚╝", "+"),
                                        ("→⟩›»", ">"), ("←⟨‹«", "<"), ("↑", "^"), ("↓", "v"), ("…", "~"), ("·•∙", "."),
                                        ("★☆", "*"), ("–—−‐", "-"), ("‘’‚′", "'"), ("“”„″", "\""), ("×", "x"), ("\u{FFFD}", "?"),
                                        // Where the charset has them only at a C1 control's byte (see above):
                                        // KOI8-R's no-break space and ², Windows-1252's letters.
                                        ("\u{00A0}", " "), ("²", "2"), ("Š", "S"), ("š", "s"), ("Ž", "Z"), ("ž", "z"),
                                        ("Ÿ", "Y"), ("Œ", "O"), ("œ", "o"), ("ƒ", "f")] {
            for character in characters.unicodeScalars { table[character] = Unicode.Scalar(lookAlike)! }
        }
        return table
    }()
}
