import Testing
import TUI

@Suite("Display width")
struct DisplayWidthTests {
    @Test("Cyrillic, accented Latin and dashes are one column each")
    func narrowScripts() {
        #expect("Двоевластие".displayWidth == 11)
        #expect("Дvoевластие".displayWidth == 11)
        #expect("Régis".displayWidth == 5)
        #expect("Re\u{301}gis".displayWidth == 5)
        #expect("–".displayWidth == 1)
        #expect("—".displayWidth == 1)
        #expect("Marxism–Leninism".displayWidth == 16)
    }

    @Test("East Asian wide and fullwidth characters are two columns")
    func wideCharacters() {
        #expect("漢字".displayWidth == 4)
        #expect("한국어".displayWidth == 6)
        #expect("ひらがな".displayWidth == 8)
        #expect("ＡＢ".displayWidth == 4)
        #expect("ｱ".displayWidth == 1, "halfwidth katakana")
        // A Hangul syllable spelled with conjoining jamo is one wide cluster.
        #expect("\u{1100}\u{1161}\u{11A8}".displayWidth == 2)
    }

    @Test("Combining marks take the width of their base; alone they take none")
    func combiningMarks() {
        #expect("e\u{301}".displayWidth == 1)
        #expect(Character("e\u{301}").displayWidth == 1)
        #expect("\u{301}".displayWidth == 0)
        #expect("a\u{200B}b".displayWidth == 2, "zero-width space")
        #expect("\u{AD}".displayWidth == 1, "soft hyphen takes a column, as in glibc")
    }

    @Test("Emoji sequences are two columns")
    func emoji() {
        #expect("👍".displayWidth == 2)
        #expect("👍🏽".displayWidth == 2)
        #expect("👨‍👩‍👧".displayWidth == 2)
        #expect("❤️".displayWidth == 2, "emoji presentation selector")
        #expect("❤".displayWidth == 1, "text presentation by default")
        #expect("🇫🇷".displayWidth == 2, "flag")
        #expect("1️⃣".displayWidth == 2, "keycap")
    }

    @Test("A character of one scalar has the width the rules for clusters give it")
    func loneScalars() {
        let widths: [(Character, Int, String)] = [
            ("\u{1F1EB}", 1, "a lone regional indicator is its letter, F"),
            ("\u{E0067}", 0, "a lone tag character"),
            ("\u{200B}", 0, "zero-width space"),
            ("\u{300}", 0, "a lone combining mark"),
            ("\u{1100}", 2, "the first wide scalar"),
            ("\u{115F}", 2, "the end of the first wide range"),
            ("\u{1160}", 0, "a Hangul medial vowel"),
            ("★", 1, "a star is narrow"),
            ("⌚", 2, "emoji presentation by default"),
            ("\u{20000}", 2, "CJK extension B"),
            ("\u{85}", 1, "C1 NEL, drawn as U+FFFD"),
            ("\u{0}", 2, "NUL, drawn as ^@"),
            ("\u{A0}", 1, "no-break space"),
        ]
        for (character, width, what) in widths {
            #expect(character.displayWidth == width, "\(what)")
            #expect(String(character).displayWidth == width, "\(what), as a string")
        }
    }

    @Test("Unsafe scalars count as their visible replacement")
    func controls() {
        #expect("\u{1B}".displayWidth == 2, "^[")
        #expect("\u{7F}".displayWidth == 2, "^?")
        #expect("\r\n".displayWidth == 4, "^M^J is one cluster")
        #expect("\u{9B}".displayWidth == 1, "U+FFFD")
        #expect("\u{202E}".displayWidth == 1, "U+FFFD")
        #expect("\t".displayWidth == 1, "a tab is drawn as one space")
    }

    @Test("Truncation never splits a cluster and never exceeds the width")
    func truncation() {
        #expect("Dual power".truncated(toWidth: 5) == "Dual…")
        #expect("Dual power".truncated(toWidth: 10) == "Dual power")
        #expect("漢字漢字".truncated(toWidth: 5) == "漢字…")
        #expect("漢字漢字".truncated(toWidth: 4) == "漢…")
        #expect("abc".truncated(toWidth: 0) == "")
        #expect("👨‍👩‍👧x".prefix(fittingWidth: 1) == "")
        #expect("👨‍👩‍👧x".prefix(fittingWidth: 2) == "👨‍👩‍👧")
        #expect("漢字".padded(toWidth: 3) == "漢 ")
        #expect("ab".padded(toWidth: 4) == "ab  ")
    }

    /// Indic scripts: a cluster takes a column per spacing letter and vowel sign, as glibc's
    /// wcwidth and so tmux and xterm lay it out, not the one column of its first letter
    /// (which cut "हिन्दी" to "हन्" on screen). Expected widths are glibc's, scalar by scalar.
    @Test("Devanagari, Bengali and Tamil: a column per spacing scalar of each cluster")
    func indicScripts() {
        // ह 1, ि 1, न 1, ् 0, द 1, ी 1 (one cluster न्दी in Unicode 15.1: 3 columns).
        #expect("हिन्दी".displayWidth == 5)
        #expect(Character("\u{928}\u{94D}\u{926}\u{940}").displayWidth == 3)
        #expect("नमस्ते".displayWidth == 4, "न म स ् त े: the vowel sign e is a nonspacing mark")
        #expect("বাংলা".displayWidth == 5)
        #expect("தமிழ்".displayWidth == 4)
        #expect("ภาษาไทย".displayWidth == 7, "Thai has no spacing marks")
    }

    @Test("A cluster of several spacing scalars fills a cell each, the marks after a letter in its cell")
    func indicCells() {
        var buffer = CellBuffer(width: 8, height: 1)
        let used = buffer.put("हिन्दी!", x: 0, y: 0)
        #expect(used == 6)
        #expect((0..<6).map { buffer[$0, 0].text } == ["ह", "ि", "न\u{94D}", "द", "ी", "!"])
        #expect(buffer.row(0) == "हिन्दी!  ")
    }
}
