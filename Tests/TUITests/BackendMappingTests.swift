import CNCursesw
import Testing
@testable import TUI

/// The pure parts of the curses backend; the backend itself needs a terminal and is tested
/// end to end in tmux.
@Suite("Backend mapping")
struct BackendMappingTests {
    /// glibc's wcwidth for the scalars used below.
    private static func cWidth(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x301, 0x200D, 0xFE0F, 0xE0020...0xE007F: return 0
        case 0x1F468, 0x1F469, 0x1F467, 0x1F44D, 0x1F3FD, 0x6F22, 0x1F3F4: return 2
        case 0x1F1E6...0x1F1FF: return 1
        case 0x1FAE8: return -1  // newer than the C library's tables
        default: return 1
        }
    }

    private func glyph(_ text: String, width: Int) -> (String, Int) {
        let result = TerminalGlyph.scalars(for: text, width: width, maxScalars: 5, terminalWidth: Self.cWidth)
        return (String(String.UnicodeScalarView(result.scalars)), result.columns)
    }

    @Test("Cells are sent so that ncurses sizes them as the buffer does")
    func glyphs() {
        #expect(glyph("a", width: 1) == ("a", 1))
        #expect(glyph("e\u{301}", width: 1) == ("e\u{301}", 1))
        #expect(glyph("漢", width: 2) == ("漢", 2))
        #expect(glyph("👍🏽", width: 2) == ("👍", 2), "the modifier is a spacing character to wcwidth")
        #expect(glyph("👨‍👩‍👧", width: 2) == ("👨", 2), "no dangling joiner")
        #expect(glyph("❤️", width: 2) == ("❤", 1), "text form, padded by the caller")
        #expect(glyph("🇫🇷", width: 2) == ("🇫", 1))
        #expect(glyph("🫨", width: 2) == ("\u{FFFD}", 1), "unknown to the C library")
        #expect(glyph("🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", width: 2) == ("🏴", 2),
                "a tag sequence is not cut short")
    }

    @Test("Colour pairs are allocated once per combination, and never past the limit")
    func colorPairs() {
        var pairs = ColorPairs(palette: TerminalPalette(colorCount: 8, hasDefaultColors: true), pairLimit: 3)
        #expect(pairs.pair(foreground: .default, background: .default).number == 0)
        let red = pairs.pair(foreground: .red, background: .default)
        #expect(red.number == 1 && red.isNew && red.key == .init(foreground: 1, background: -1))
        #expect(pairs.pair(foreground: .red, background: .default).isNew == false)
        #expect(pairs.pair(foreground: .brightBlue, background: .black).key == .init(foreground: 4, background: 0))
        #expect(pairs.pair(foreground: .green, background: .default).number == 0, "out of pairs")

        let noDefaults = TerminalPalette(colorCount: 256, hasDefaultColors: false)
        #expect(noDefaults.number(for: .default, isForeground: true) == 7)
        #expect(noDefaults.number(for: .default, isForeground: false) == 0)
        #expect(noDefaults.number(for: .indexed(208), isForeground: true) == 208)
        #expect(TerminalPalette.basicColor(approximating: 196) == 1, "bright red")
        #expect(TerminalPalette.basicColor(approximating: 21) == 4, "blue")
    }

    @Test("Characters read become keys")
    func characterKeys() {
        #expect(CursesBackend.characterKey(13) == .enter)
        #expect(CursesBackend.characterKey(10) == .enter)
        #expect(CursesBackend.characterKey(9) == .tab)
        #expect(CursesBackend.characterKey(127) == .backspace)
        #expect(CursesBackend.characterKey(8) == .backspace)
        #expect(CursesBackend.characterKey(27) == .escape)
        #expect(CursesBackend.characterKey(16) == .control("p"))
        #expect(CursesBackend.characterKey(31) == .control("_"))
        #expect(CursesBackend.characterKey(0x71) == .character("q"))
        #expect(CursesBackend.characterKey(0x416) == .character("Ж"))
        #expect(CursesBackend.characterKey(0x9B) == nil)
    }

    /// Under TERM=vt220 or rxvt-unicode the sequences tmux and most terminals send for Home
    /// and End (`ESC [1~`, `ESC [4~`) are Find and Select to ncurses: they did nothing.
    @Test("Codes ncurses decoded become keys; Find and Select are Home and End")
    func namedKeys() {
        #expect(CursesBackend.namedKey(KEY_HOME) == .home)
        #expect(CursesBackend.namedKey(KEY_FIND) == .home)
        // The linux entry's extended Shift-Tab (`kcbt2=\E[Z`), by its name.
        #expect(CursesBackend.extendedKey("kcbt2") == .backTab)
        #expect(CursesBackend.extendedKey("kDC5") == nil)
        #expect(CursesBackend.namedKey(KEY_END) == .end)
        #expect(CursesBackend.namedKey(KEY_SELECT) == .end)
        #expect(CursesBackend.namedKey(KEY_NPAGE) == .pageDown)
        #expect(CursesBackend.namedKey(KEY_F0 + 5) == .function(5))
        #expect(CursesBackend.namedKey(KEY_IC) == .insert, "bound to nothing, but a key that says so (QA 25)")
        #expect(CursesBackend.namedKey(KEY_MOUSE) == nil)
    }
}
