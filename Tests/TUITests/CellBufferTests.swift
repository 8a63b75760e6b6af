import Content
import Testing
import TUI

@Suite("Cell buffer")
struct CellBufferTests {
    @Test("put draws text and returns the columns used")
    func putText() {
        var buffer = CellBuffer(width: 10, height: 2)
        #expect(buffer.put("Dual", x: 1, y: 0) == 4)
        #expect(buffer.put("漢字", x: 0, y: 1) == 4)
        #expect(buffer.text == " Dual\n漢字")
        #expect(buffer[2, 1].text == "字")
        #expect(buffer[3, 1].isContinuation)
        #expect(buffer.row(0) == " Dual     ")
    }

    @Test("A wide character straddling the pane edge becomes a space")
    func wideCharacterAtEdge() {
        var buffer = CellBuffer(width: 10, height: 1)
        buffer.put("..........", x: 0, y: 0)
        #expect(buffer.put("ab漢字", x: 0, y: 0, maxWidth: 3) == 3)
        #expect(buffer.text == "ab .......")
        #expect(buffer[2, 0] == Cell(text: " "))

        // The same at the buffer's own edge.
        var edge = CellBuffer(width: 5, height: 1)
        #expect(edge.put("abcd漢", x: 0, y: 0) == 5)
        #expect(edge.row(0) == "abcd ")
        #expect(!edge[4, 0].isContinuation)
    }

    @Test("Nothing is drawn outside the buffer")
    func clipping() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer.put("abcdef", x: 2, y: 0)
        buffer.put("zzz", x: 0, y: 5)
        buffer.put("漢x", x: -1, y: 0)
        #expect(buffer.text == " xab")
        #expect(buffer[9, 9] == .blank)
    }

    @Test("Control and bidi characters are drawn visibly and never reach a cell raw")
    func untrustedText() {
        var buffer = CellBuffer(width: 60, height: 1)
        let hostile = "a\u{1B}[31mb\u{9B}2Jc\u{07}\r\u{08}\u{202E}d\u{2066}e\u{7F}f\u{1B}]52;c;eA==\u{07}"
        buffer.put(hostile, x: 0, y: 0, style: Style(.link))
        #expect(buffer.text == "a^[[31mb\u{FFFD}2Jc^G^M^H\u{FFFD}d\u{FFFD}e^?f^[]52;c;eA==^G")
        for x in 0..<buffer.width {
            let cell = buffer[x, 0]
            #expect(!cell.text.unicodeScalars.contains(where: TextSafety.isUnsafe), "cell \(x): \(cell.text.debugDescription)")
        }
        // Replacements keep the text's style.
        #expect(buffer[1, 0].style == Style(.link))
        #expect(buffer[2, 0].style == Style(.link))
    }

    @Test("Setting a cell sanitizes it too")
    func subscriptSetter() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer[0, 0] = Cell(text: "\u{1B}")
        buffer[2, 0] = Cell(text: "漢")
        #expect(buffer.text == "^[漢")
        buffer[3, 0] = Cell(text: "x")
        #expect(buffer.row(0) == "^[ x", "the orphaned left half is blanked")
    }

    @Test("A tab is drawn as one space, the width the wrapper counts")
    func tabs() {
        var buffer = CellBuffer(width: 20, height: 1)
        #expect(buffer.put("a\tb", x: 3, y: 0) == 3)
        #expect(buffer.row(0).prefix(7) == "   a b ")
        var narrow = CellBuffer(width: 20, height: 1)
        #expect(narrow.put("\tb", x: 0, y: 0, maxWidth: 1) == 1, "a tab is clipped like text")
        #expect(narrow.text == "")
    }

    @Test("Overwriting half of a wide character blanks the other half")
    func wideCharacterOverwrite() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.put("漢字漢", x: 0, y: 0)
        buffer.put("x", x: 1, y: 0)
        #expect(buffer.row(0) == " x字漢")
        buffer.put("y", x: 2, y: 0)
        #expect(buffer.row(0) == " xy 漢")
        buffer.fill(Rect(x: 5, y: 0, width: 1, height: 1))
        #expect(buffer.row(0) == " xy   ")
    }

    @Test("A run of ASCII cuts the wide characters under its two ends, and only those")
    func asciiRunOverWideCharacters() {
        // The run starts on the right half of 漢 and ends on the left half of 字.
        var buffer = CellBuffer(width: 8, height: 1)
        buffer.put("漢字漢字", x: 0, y: 0)
        buffer.put("ab", x: 1, y: 0)
        #expect(buffer.row(0) == " ab 漢字")
        #expect(buffer[0, 0].text == " " && buffer[3, 0].text == " " && buffer[4, 0].text == "漢")
        // Over the right half of 漢 and the left of 字 at once.
        buffer.put("cd", x: 5, y: 0)
        #expect(buffer.row(0) == " ab  cd ")
        // Wholly over wide characters: both halves taken, nothing else touched.
        buffer.put("漢字", x: 0, y: 0)
        buffer.put("wxyz", x: 0, y: 0)
        #expect(buffer.row(0) == "wxyz cd ")
    }

    @Test("A run of ASCII is clipped by the buffer's left edge and by maxWidth, and keeps its style")
    func asciiRunClipped() {
        var buffer = CellBuffer(width: 6, height: 1)
        let link = Style(.link, underline: true)
        #expect(buffer.put("abcdef", x: -2, y: 0, style: link) == 6)
        #expect(buffer.row(0) == "cdef  ")
        #expect((0..<4).allSatisfy { buffer[$0, 0].style == link } && buffer[4, 0].style == .normal)
        #expect(buffer.put("123456", x: 1, y: 0, maxWidth: 3) == 3)
        #expect(buffer.row(0) == "c123  ")
    }

    @Test("A letter before a combining mark is drawn with it, not from its byte alone")
    func asciiBeforeCombiningMark() {
        var buffer = CellBuffer(width: 5, height: 1)
        buffer.put("Re\u{301}gis", x: 0, y: 0)
        #expect(buffer[1, 0].text == "e\u{301}")
        #expect(buffer.row(0) == "Re\u{301}gis")
    }

    @Test("changes(from:) returns only the changed run, or everything without a previous frame")
    func changes() {
        var first = CellBuffer(width: 8, height: 3)
        first.put("abcdefgh", x: 0, y: 1)
        var second = first
        second.put("X", x: 3, y: 1)
        #expect(second.changes(from: first) == [CellRun(x: 3, y: 1, cells: [Cell(text: "X")])])
        #expect(second.changes(from: second).isEmpty)

        let all = second.changes(from: nil)
        #expect(all.count == 3)
        #expect(all.allSatisfy { $0.x == 0 && $0.cells.count == 8 })
        #expect(second.changes(from: CellBuffer(width: 7, height: 3)).count == 3, "another size redraws all")
    }

    @Test("A changed wide character's run includes both halves")
    func wideCharacterChanges() {
        var first = CellBuffer(width: 6, height: 1)
        first.put("ab漢cd", x: 0, y: 0)
        var second = first
        second.put("字", x: 2, y: 0)
        #expect(second.changes(from: first) == [CellRun(x: 2, y: 0, cells: [Cell(text: "字"), Cell(text: "")])])

        // Only the right half's style changed: the run still starts at the left half.
        var third = second
        third[3, 0] = Cell(text: "x", style: Style(.link))
        var restyled = second
        restyled.put("字", x: 2, y: 0, style: Style(.selection))
        let runs = restyled.changes(from: second)
        #expect(runs.count == 1 && runs[0].x == 2 && runs[0].cells.count == 2)
        #expect(third.changes(from: second).first?.x == 2, "breaking a wide char redraws its left half")
    }

    @Test("fill blanks a clipped rectangle")
    func fill() {
        var buffer = CellBuffer(width: 5, height: 3)
        for y in 0..<3 { buffer.put("xxxxx", x: 0, y: y) }
        buffer.fill(Rect(x: 3, y: 1, width: 10, height: 10), style: Style(.statusBar))
        #expect(buffer.text == "xxxxx\nxxx\nxxx")
        #expect(buffer[4, 2].style == Style(.statusBar))
    }

    @Test("drawBox draws lines, corners and a cut title")
    func box() {
        var buffer = CellBuffer(width: 12, height: 4)
        buffer.drawBox(Rect(x: 0, y: 0, width: 12, height: 4), title: "Cross-links", style: Style(.border))
        #expect(buffer.text == """
            ┌ Cross-… ─┐
            │          │
            │          │
            └──────────┘
            """)
        var ascii = CellBuffer(width: 8, height: 3)
        ascii.drawBox(Rect(x: 1, y: 0, width: 6, height: 3), title: nil, style: .normal, ascii: true)
        #expect(ascii.text == " +----+\n |    |\n +----+")
        var hostile = CellBuffer(width: 12, height: 2)
        hostile.drawBox(hostile.bounds, title: "a\u{1B}b", style: .normal)
        #expect(hostile.row(0) == "┌ a^[b ────┐")
    }
}
