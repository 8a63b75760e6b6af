import Testing
@testable import TUI

/// QA 14c: a flag is two regional indicators, and a curses cell holds one spacing character,
/// so tmux showed "France 🇫 and Finland 🇫": both flags as U+1F1EB and a space. A flag is now
/// drawn as the letters of its region code, in the two columns the flag was counted, and
/// a subdivision flag (🏴 and tags) as its ISO 3166-2 code.
@Suite("Flags are drawn as their region codes")
struct FlagTests {
    @Test("Regional-indicator pairs are their two letters, in the cells and the width counted")
    func pairs() {
        let text = "France 🇫🇷 and Finland 🇫🇮."
        #expect(text.displayWidth == "France FR and Finland FI.".displayWidth)
        var buffer = CellBuffer(width: 30, height: 1)
        let used = buffer.put(text, x: 0, y: 0, style: Style(.link))
        #expect(buffer.row(0) == "France FR and Finland FI.     ")
        #expect(used == 25)
        #expect((0..<30).allSatisfy { !buffer[$0, 0].isContinuation }, "one column a letter")
        #expect(buffer[7, 0].style == Style(.link) && buffer[8, 0].style == Style(.link), "in the text's style")
    }

    @Test("A lone regional indicator is its letter; England's tag sequence is GB-ENG")
    func loneAndTags() {
        let lone = "a 🇫 b"
        #expect(lone.displayWidth == 5)
        let england = "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}"
        #expect(england.count == 1 && england.displayWidth == 6)
        var buffer = CellBuffer(width: 20, height: 2)
        buffer.put(lone, x: 0, y: 0)
        buffer.put("(" + england + ")", x: 0, y: 1)
        #expect(buffer.row(0).hasPrefix("a F b "))
        #expect(buffer.row(1).hasPrefix("(GB-ENG) "))
        // The black flag alone, and other emoji, are drawn as before.
        #expect("🏴".displayWidth == 2 && "👍🏽".displayWidth == 2)
    }

    @Test("A flag cut at the pane's edge never overflows it")
    func cut() {
        var buffer = CellBuffer(width: 10, height: 1)
        let used = buffer.put("abcdefgh 🇫🇷", x: 0, y: 0, maxWidth: 10)
        #expect(buffer.row(0) == "abcdefgh  ", "the flag is one cluster: cut whole, as a wide character is")
        #expect(used == 10)
        let england = "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}"
        var narrow = CellBuffer(width: 8, height: 1)
        narrow.put("ab " + england, x: 0, y: 0, maxWidth: 7)
        #expect(narrow.row(0) == "ab      ", "cut whole, as a wide character is, never past the limit")
        let lines = TextWrapper.wrap("See 🇫🇷 🇫🇮 and " + england + " here", width: 8)
        #expect(lines.allSatisfy { $0.width <= 8 })
    }
}
