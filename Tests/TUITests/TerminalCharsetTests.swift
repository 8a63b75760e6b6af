import Testing
@testable import TUI

/// A terminal whose locale names ISO-8859-1 (or another charset) reads UTF-8's second bytes
/// as C1 controls: DCS (0x90, from the `←` of a backlink) swallowed the output after it (QA 28).
/// Each cell is drawn as a character the charset has.
@Suite("The charset the terminal shows")
struct TerminalCharsetTests {
    @Test func theLocalesCodesetNamesIt() {
        #expect(TerminalCharset(codeset: "UTF-8") == .utf8)
        #expect(TerminalCharset(codeset: "ANSI_X3.4-1968") == .utf8, "C and POSIX (LANG unset): the terminal's likely UTF-8")
        #expect(TerminalCharset(codeset: "ISO-8859-1") == .latin1)
        #expect(TerminalCharset(codeset: "EUC-JP") == .ascii, "several bytes a character: ASCII")
        // QA 29: ISO-8859-15 was drawn as Latin-1 (€ came out ¤), KOI8-R's Cyrillic as "?".
        let latin9 = TerminalCharset(codeset: "ISO-8859-15")
        #expect(latin9 != .latin1)
        #expect(latin9.shown("€") == "€" && latin9.byte("€") == 0xA4)
        #expect(latin9.shown("½") == "?", "8859-15 has no ½ where Latin-1 has it")
        let koi8 = TerminalCharset(codeset: "KOI8-R")
        #expect(koi8.shown("Д") == "Д" && koi8.byte("Д") == 0xE4)
        // QA 41: KOI8-R has its box lines at 0x80–0x9F, which a terminal in 8-bit mode reads
        // as C1 controls; those above 0x9F are drawn as themselves.
        #expect(koi8.shown("│") == "|" && koi8.shown("═") == "═" && koi8.byte("═") == 0xA0)
        #expect(koi8.shown("é") == "?")
    }

    @Test func eachCellIsOneCharacterTheCharsetHas() {
        #expect(TerminalCharset.latin1.shown("é") == "é")
        #expect(TerminalCharset.latin1.shown("·") == "·")
        #expect(TerminalCharset.latin1.shown("│") == "|")
        #expect(TerminalCharset.latin1.shown("←") == "<")
        #expect(TerminalCharset.latin1.shown("–") == "-")
        #expect(TerminalCharset.latin1.shown("Д") == "?")
        #expect(TerminalCharset.latin1.shown("e\u{301}") == "e", "a combining mark dropped")
        #expect(TerminalCharset.ascii.shown("é") == "?")
        #expect(TerminalCharset.ascii.shown("·") == ".")
        #expect(TerminalCharset.ascii.shown("★") == "*")
        #expect(TerminalCharset.latin1.shown("…") == "~", "a cut, not a dot that reads as an abbreviation")
    }

    /// The encoder's bytes for a Latin-1 terminal: no byte in 0x80–0x9F, Latin-1's own
    /// characters as their bytes, a wide character one `?` and a space, and the frame whole.
    @Test func theEncoderWritesNoC1Byte() {
        var frame = CellBuffer(width: 20, height: 2)
        frame.put("│é←Д漢–“x”", x: 0, y: 0, style: Style(.normal))
        frame.put("Двоевластие", x: 0, y: 1, style: Style(.normal))
        var features = TerminalFeatures.xterm
        features.charset = .latin1
        var encoder = ScreenEncoder(features: features, theme: .dark) { Character($0).displayWidth }
        let bytes = encoder.encode(frame)
        #expect(!bytes.contains { (0x80...0x9F).contains($0) })
        #expect(bytes.contains(0xE9), "é as Latin-1's byte")
        let text = String(decoding: bytes.filter { $0 < 0x80 || $0 == 0xE9 }.map { $0 == 0xE9 ? UInt8(ascii: "e") : $0 }, as: UTF8.self)
        #expect(text.contains("|e<?? -\"x\""), "\(text.debugDescription)")
        #expect(text.contains("???????????"))
    }

    /// No charset draws a character with a byte of 0x80–0x9F (QA 41: in KOI8-R "²0;title°"
    /// went out as OSC 0 … ST, and "⌡2J" as CSI 2 J; in Windows-1252 "›2J" was CSI 2 J, and the
    /// breadcrumb's own "›" a CSI before the next section's name).
    @Test(arguments: TerminalCharset.upperHalves.keys.sorted())
    func noCharsetDrawsWithAControlsByte(_ name: String) throws {
        let charset = TerminalCharset(codeset: name)
        let upperHalf = try #require(TerminalCharset.upperHalves[name])
        for scalar in upperHalf.unicodeScalars where scalar != "\u{0}" {
            let shown = charset.shown(String(scalar))
            #expect(shown.value < 0x80 || charset.byte(shown) >= 0xA0, "\(name): \(scalar) drawn with byte \(charset.byte(shown))")
        }
        var frame = CellBuffer(width: 60, height: 2)
        frame.put("Title ²0;PWNED° and clear ›2J›H and ⌡2J done…", x: 0, y: 0, style: Style(.normal))
        frame.put("│ Dual power › See also – “it’s” • 2×2 €", x: 0, y: 1, style: Style(.statusBar, reverse: true))
        var features = TerminalFeatures.xterm
        features.charset = charset
        var encoder = ScreenEncoder(features: features, theme: .dark) { Character($0).displayWidth }
        let bytes = encoder.encode(frame)
        #expect(!bytes.contains { (0x80...0x9F).contains($0) }, "\(name)")
    }

    @Test func lettersAtAControlsByteAreDrawnAsTheirBase() {
        let windows = TerminalCharset(codeset: "CP1252")
        #expect(windows.shown("Š") == "S" && windows.shown("œ") == "o" && windows.shown("é") == "é")
        #expect(windows.shown("›") == ">" && windows.shown("–") == "-" && windows.shown("“") == "\"")
        #expect(TerminalCharset(codeset: "KOI8-R").shown("\u{00A0}") == " ")
        #expect(TerminalCharset(codeset: "ISO-8859-15").shown("Š") == "Š", "Latin-9 has it at 0xA6")
    }

    /// Keys come in the charset too: in a Latin-1 locale, é typed (0xE9) was read as the start
    /// of a UTF-8 character that never came, and dropped (QA 28).
    @Test func keysAreReadInTheCharset() {
        func key(_ charset: TerminalCharset, _ bytes: [Int32]) -> (scalar: Unicode.Scalar?, read: Int) {
            var read = 1
            let result = charset.decodeKey(first: UInt8(bytes[0])) {
                defer { read += 1 }
                return read < bytes.count ? bytes[read] : nil
            }
            return (result.scalar.flatMap(Unicode.Scalar.init), min(read, bytes.count))
        }
        let space = Int32(0x20)
        #expect(key(.latin1, [0xE9, space]) == ("é", 1), "the space after it is the next key")
        #expect(key(TerminalCharset(codeset: "ISO-8859-15"), [0xA4]).scalar == "€")
        #expect(key(TerminalCharset(codeset: "KOI8-R"), [0xE4]).scalar == "Д")
        #expect(key(TerminalCharset(codeset: "CP1252"), [0x80]).scalar == "€")
        #expect(key(.latin1, [0x9B]).scalar == nil, "a C1 control is no key")
        #expect(key(.ascii, [0xA4, 0xA2]) == (nil, 1), "a byte of a charset of several bytes a character is dropped alone")
        #expect(key(.latin1, [0x71]).scalar == "q")
        #expect(key(.utf8, [0xC3, 0xA9]) == ("é", 2), "UTF-8 as before")
        #expect(key(.utf8, [0xE9, space]).scalar == nil)
    }
}
