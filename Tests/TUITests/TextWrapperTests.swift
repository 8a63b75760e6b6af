import Testing
import TUI

@Suite("Text wrapper")
struct TextWrapperTests {
    private func lines(_ text: String, _ width: Int) -> [String] {
        TextWrapper.wrap(text, width: width).map { String($0.text) }
    }

    @Test("Breaks at spaces and drops the spaces at the break")
    func words() {
        #expect(lines("the quick brown fox", 10) == ["the quick", "brown fox"])
        #expect(lines("the quick brown fox", 19) == ["the quick brown fox"])
        #expect(lines("a  b", 10) == ["a  b"], "spaces inside a line are kept")
        #expect(lines("  indented text", 10) == ["  indented", "text"])
    }

    @Test("Long words are broken at grapheme boundaries")
    func longWords() {
        #expect(lines("abcdefghij", 4) == ["abcd", "efgh", "ij"])
        #expect(lines("ab Двоевластие", 5) == ["ab", "Двоев", "ласти", "е"])
        #expect(lines("漢字漢字漢", 3) == ["漢", "字", "漢", "字", "漢"])
        #expect(lines("👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧", 5) == ["👨‍👩‍👧👨‍👩‍👧", "👨‍👩‍👧"])
        #expect(lines("e\u{301}e\u{301}e\u{301}", 2) == ["e\u{301}e\u{301}", "e\u{301}"])
    }

    /// Chinese and Japanese have no spaces: a paragraph was one long word, so it began on a
    /// new line (a gap at the end of the one before) and was cut anywhere, even inside a
    /// cross-reference's number: "東京[" / "1]、" (QA 10a).
    @Test("Text without spaces breaks before ideographs, never inside [1], before 、 or after （")
    func ideographsBreakLikeUAX14() {
        #expect(lines("abc 日本の首都", 8) == ["abc 日本", "の首都"], "fills the line after a Latin word")
        #expect(lines("首都、東京[1]、大阪[2]。", 11) == ["首都、東", "京[1]、大", "阪[2]。"])
        #expect(lines("（東京）と大阪", 6) == ["（東", "京）と", "大阪"])
        #expect(lines("今日は東京。明日は大阪。", 6) == ["今日は", "東京。", "明日は", "大阪。"])
        #expect(lines("서울은 크다", 7) == ["서울은", "크다"], "Hangul breaks at spaces, as Korean is written")
    }

    /// QA 28: a run of emoji was one long word, cut wherever the line ended, through a
    /// cross-reference's "[1]", and the text before it moved to a line of its own. UAX #14
    /// breaks emoji as ideographs.
    @Test("Emoji break as ideographs, a cross-reference among them kept whole")
    func emojiBreakAsIdeographs() {
        #expect(lines("す。🎉🎉🎉", 4) == ["す。", "🎉🎉", "🎉"])
        let text = "す。" + String(repeating: "🎉", count: 4) + "[1]" + String(repeating: "🎉", count: 3)
        let reference = 6..<(6 + 16 + 3)
        let wrapped = TextWrapper.wrap(text, width: 12, keptTogether: [reference]).map { String($0.text) }
        #expect(wrapped == ["す。", "🎉🎉🎉🎉[1]", "🎉🎉🎉"])
    }

    @Test("ASCII read byte by byte still joins a following combining mark, and CR LF")
    func asciiFastPathKeepsClusters() {
        // "b" + U+0301 is one column; "x" + U+20DD (combining circle) too.
        #expect(lines("ab\u{301}cd ef", 3) == ["ab\u{301}c", "d", "ef"])
        #expect(lines("x\u{20DD}x\u{20DD}x\u{20DD}", 2) == ["x\u{20DD}x\u{20DD}", "x\u{20DD}"])
        #expect(lines("ab\r\ncd", 5) == ["ab", "cd"])
        #expect("ab\u{301}c".displayWidth == 3)
        #expect("a\u{1B}b".displayWidth == 4, "ESC shows as ^[")
        #expect("plain ascii".displayWidth == 11)
    }

    @Test("No line is wider than the width, and no cluster is split")
    func neverTooWide() {
        let text = "Dual power (Двоевластие) – 漢字 and 👨‍👩‍👧 with 👍🏽, e\u{301}tude\u{1B}[31m, Marxism–Leninism"
            + " supercalifragilisticexpialidocious\tend"
        for width in 2...40 {
            let wrapped = TextWrapper.wrap(text, width: width)
            for line in wrapped {
                #expect(line.text.displayWidth <= width, "width \(width): \(line.text)")
                // Ranges fall on character boundaries of the source.
                #expect(String(text[line.range]) == String(line.text))
                #expect(text[line.range].count == line.text.count)
            }
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined()
            #expect(wrapped.map { $0.text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined() }.joined() == words)
        }
    }

    @Test("Newlines end lines; empty text gives one empty line")
    func newlines() {
        #expect(lines("a\n\nb", 10) == ["a", "", "b"])
        #expect(lines("a\r\nb", 10) == ["a", "b"])
        #expect(lines("", 10) == [""])
        #expect(lines("abc", 0) == [])
    }

    @Test("A cluster wider than the line gets a line of its own")
    func widerThanLine() {
        #expect(lines("a漢b", 1) == ["a", "漢", "b"])
    }
}
