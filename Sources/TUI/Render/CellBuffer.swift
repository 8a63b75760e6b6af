import Content

/// One terminal cell.
public struct Cell: Hashable, Sendable {
    /// One grapheme cluster, safe to print. `""` marks the right half of a wide character,
    /// whose left half is the cell before it.
    public var text: String
    public var style: Style

    public init(text: String = " ", style: Style = .normal) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()

    /// Whether this is the right half of the wide character to its left.
    public var isContinuation: Bool { text.isEmpty }

    /// A number for how this cell is stored, bit for bit: its text's `String` value and its
    /// style. Cells stored alike have the same key, and are equal; cells stored apart have
    /// other keys but for the rarest collision. Equal cells nearly always are stored alike (a
    /// short text is kept in the `String` value itself), but not always (a long one is in
    /// memory of its own, made anew for each frame). So it serves estimates only: the screen
    /// encoder compares rows shifted every way it tries a scroll, and `==`, which compares
    /// texts that differ out of line, was half the time of encoding a frame (callgrind,
    /// 200×60, 2026-11).
    var storageKey: UInt64 {
        withUnsafePointer(to: self) { Self.storageKey(of: $0) }
    }

    /// `storageKey` of the cell at `cell`, read where it is stored: a copy on the stack,
    /// written field by field and read back 8 bytes at a time, stalled the processor on
    /// every cell (store forwarding; perf, 200×60, 2026-11).
    @inline(__always) static func storageKey(of cell: UnsafePointer<Cell>) -> UInt64 {
        // The value's own bytes, 8 at a time, the last 8 overlapping the ones before if the
        // size is no multiple of 8: `size`, not `stride`, so the padding after the value is
        // not read, and `Style`'s one-byte fields leave none inside it.
        let bytes = UnsafeRawPointer(cell)
        let size = MemoryLayout<Cell>.size
        var key: UInt64 = 0xCBF2_9CE4_8422_2325
        var offset = 0
        while offset < size {
            let start = min(offset, size - 8)
            key = (key ^ bytes.loadUnaligned(fromByteOffset: start, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            offset += 8
        }
        return key ^ key >> 29
    }
}

/// A run of cells that changed on one row, ready for the backend to write.
public struct CellRun: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]

    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }
}

/// Where a frame leaves the terminal's cursor, and whether it shows there.
///
/// Screen readers and braille displays (Speakup, fenrir, brltty, NVDA over ssh) follow the
/// cursor, not the colours: a frame puts it on what has the focus, as lynx's `show_cursor`,
/// mutt's `braille_friendly`, tig and htop do, and at the typing point in a prompt, where
/// it shows, as in less and vim.
public struct CursorPlacement: Hashable, Sendable {
    public var x: Int
    public var y: Int
    /// Shown (`curs_set(1)`); else hidden but still placed.
    public var isVisible: Bool

    public init(x: Int, y: Int, isVisible: Bool) {
        self.x = x
        self.y = y
        self.isVisible = isVisible
    }
}

/// A frame: what every cell of the screen (or of a test's pane) should show.
///
/// Panes draw into a buffer; the backend diffs it against the previous frame and writes
/// only what changed. Tests assert on `text`. Every write keeps two invariants:
/// - no cell holds an unsafe scalar (see `TextSafety`): untrusted text is drawn in its
///   visible form, so nothing in a buffer can act on the terminal;
/// - a wide character is a cell with its text followed by a continuation cell. A write that
///   cuts one in half blanks the other half (keeping its style).
///
/// Coordinates outside the buffer are ignored rather than trapping: a pane laid out for a
/// terminal that just shrank must not crash the program.
public struct CellBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    private var cells: [Cell]
    /// Where the terminal's cursor goes once the frame is drawn; nil leaves it where the
    /// last write ended (a test's pane).
    public var cursor: CursorPlacement?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Calls `body` with the cells, row after row (`y * width + x`), without copying them:
    /// the terminal encoder compares whole frames for every key.
    func withCells<Result>(_ body: (UnsafeBufferPointer<Cell>) throws -> Result) rethrows -> Result {
        try cells.withUnsafeBufferPointer(body)
    }

    /// Does to the buffer what scrolling the rows of `region` does to a terminal: their
    /// contents move up by `count` rows (down when negative), and the rows left behind
    /// become blank.
    mutating func scroll(_ region: ClosedRange<Int>, by count: Int) {
        guard count != 0, region.lowerBound >= 0, region.upperBound < height else { return }
        let width = self.width
        let distance = min(abs(count), region.count)
        let vacated = count > 0
            ? (region.upperBound - distance + 1)...region.upperBound
            : region.lowerBound...(region.lowerBound + distance - 1)
        cells.withUnsafeMutableBufferPointer { cells in
            // Rows move in memory, not cell by cell: the rows scrolled out are dropped, the
            // others move `distance` rows (regions that overlap, as memmove does), and the
            // rows left behind are made blank.
            guard let base = cells.baseAddress else { return }
            let top = base + region.lowerBound * width
            let movedCells = (region.count - distance) * width
            let scrolledOut = count > 0 ? top : top + movedCells
            scrolledOut.deinitialize(count: distance * width)
            if count > 0 {
                top.moveInitialize(from: top + distance * width, count: movedCells)
            } else {
                (top + distance * width).moveInitialize(from: top, count: movedCells)
            }
            (base + vacated.lowerBound * width).initialize(repeating: .blank, count: distance * width)
        }
    }

    /// The cell at (x, y); `.blank` outside the buffer.
    ///
    /// Setting a cell draws the first character of its text as `put` would (in its visible
    /// form, taking two cells if wide); setting `""` or a zero-width text blanks the cell.
    /// Writes outside the buffer are ignored.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard bounds.contains(x: x, y: y) else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard bounds.contains(x: x, y: y) else { return }
            if let first = newValue.text.first, first != "\t", first.displayWidth > 0 {
                put(String(first), x: x, y: y, style: newValue.style)
            } else {
                place(" ", width: 1, style: newValue.style, x: x, y: y)
            }
        }
    }

    /// Draws `text` from column `x` on row `y`, never past `x + maxWidth` (default: to the
    /// buffer edge) nor outside the buffer.
    ///
    /// - Unsafe scalars (`TextSafety.isUnsafe`) are drawn as their visible replacement in the
    ///   same style (`^[`, `^M`, U+FFFD); a flag as the letters of its region code ("FR").
    ///   See `Character.spelled`.
    /// - A tab is one space, the width `displayWidth` and the wrapper give it: article text
    ///   is reflowed, so tab stops would mean nothing, and a tab grown to one would push the
    ///   end of a wrapped line past its pane.
    /// - A character whose visible form would straddle the limit is replaced by spaces up to
    ///   the limit; a grapheme cluster is never split. Zero-width clusters (a lone combining
    ///   mark) take no cell and are dropped.
    ///
    /// Returns the number of columns used (from `x`, including any clipped on the left).
    /// With `fillsCut` false, a character that would straddle the limit ends the text without
    /// spaces, and the columns used end where the text does: a "…" put there follows it.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .normal, fillsCut: Bool = true
    ) -> Int {
        guard y >= 0 && y < height else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var column = x
        let utf8 = text.utf8
        var index = text.startIndex
        while index < text.endIndex {
            guard column < limit else { break }
            // Printable ASCII followed by ASCII (nearly all text) is characters of their own,
            // one column wide and safe: placed from their bytes, a run at a time, without
            // grapheme breaking.
            var runEnd = index
            var runLength = 0
            while runEnd < utf8.endIndex, runLength < limit - column {
                let byte = utf8[runEnd]
                guard byte >= 0x20 && byte < 0x7F else { break }
                let next = utf8.index(after: runEnd)
                guard next == utf8.endIndex || utf8[next] < 0x80 else { break }
                runEnd = next
                runLength += 1
            }
            if runLength > 0 {
                placeASCII(utf8[index..<runEnd], style: style, x: column, y: y)
                column += runLength
                index = runEnd
                continue
            }
            let character = text[index]
            index = text.index(after: index)
            if character == "\t" {
                place(" ", width: 1, style: style, x: column, y: y)
                column += 1
                continue
            }
            let characterWidth = character.displayWidth
            if characterWidth == 0 { continue }
            if column + characterWidth > limit {
                guard fillsCut else { break }
                fillSpaces(from: column, to: limit, y: y, style: style)
                column = limit
                break
            }
            if character.unicodeScalars.contains(where: TextSafety.isUnsafe) {
                for scalar in character.unicodeScalars {
                    let visible = TextSafety.isUnsafe(scalar) ? TextSafety.replacement(for: scalar) : String(scalar)
                    for glyph in visible {
                        let glyphWidth = glyph.displayWidth
                        place(String(glyph), width: glyphWidth, style: style, x: column, y: y)
                        column += glyphWidth
                    }
                }
            } else if let spelled = character.spelled {
                for letter in spelled {
                    place(String(letter), width: 1, style: style, x: column, y: y)
                    column += 1
                }
            } else if let cells = character.terminalCells {
                for cell in cells {
                    place(cell.text, width: cell.width, style: style, x: column, y: y)
                    column += cell.width
                }
            } else {
                place(String(character), width: characterWidth, style: style, x: column, y: y)
                column += characterWidth
            }
        }
        return column - x
    }

    /// Blanks `rect` (clipped to the buffer) with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .normal) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            splitWideCharacter(at: area.x, y: y)
            splitWideCharacter(at: area.maxX - 1, y: y)
            for x in area.x..<area.maxX {
                cells[y * width + x] = Cell(text: " ", style: style)
            }
        }
    }

    /// Draws a single-line box around the edge of `rect`, with an optional title in the top
    /// border (`┌ Title ───┐`, cut with "…" if long). The interior is left alone. `ascii`
    /// uses `+-|` for terminals or fonts without box-drawing characters.
    public mutating func drawBox(
        _ rect: Rect, title: String?, style: Style, titleStyle: Style? = nil, ascii: Bool = false
    ) {
        guard rect.width >= 2 && rect.height >= 2 else { return }
        let glyphs = ascii
            ? (horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+")
            : (horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        for x in (rect.x + 1)..<right {
            place(glyphs.horizontal, width: 1, style: style, x: x, y: rect.y)
            place(glyphs.horizontal, width: 1, style: style, x: x, y: bottom)
        }
        for y in (rect.y + 1)..<bottom {
            place(glyphs.vertical, width: 1, style: style, x: rect.x, y: y)
            place(glyphs.vertical, width: 1, style: style, x: right, y: y)
        }
        place(glyphs.topLeft, width: 1, style: style, x: rect.x, y: rect.y)
        place(glyphs.topRight, width: 1, style: style, x: right, y: rect.y)
        place(glyphs.bottomLeft, width: 1, style: style, x: rect.x, y: bottom)
        place(glyphs.bottomRight, width: 1, style: style, x: right, y: bottom)

        // " Title " after the left corner, leaving at least one line cell before the right one.
        let room = rect.width - 3
        if let title, !title.isEmpty, room >= 3 {
            let shown = TextSafety.neutralized(title).truncated(toWidth: room - 2)
            put(" " + shown + " ", x: rect.x + 1, y: rect.y, maxWidth: room, style: titleStyle ?? style)
        }
    }

    /// The row's text; continuation cells are skipped and trailing spaces kept.
    public func row(_ y: Int) -> String {
        guard y >= 0 && y < height else { return "" }
        var line = ""
        for cell in cells[(y * width)..<((y + 1) * width)] where !cell.isContinuation {
            line += cell.text
        }
        return line
    }

    /// All rows joined by newlines, trailing spaces trimmed per row: what a golden test
    /// compares.
    public var text: String {
        (0..<height).map { y in
            var line = Substring(row(y))
            while line.last == " " { line.removeLast() }
            return String(line)
        }.joined(separator: "\n")
    }

    /// Runs of cells that differ from `previous`, left to right, top to bottom; every row
    /// whole when `previous` is nil or of another size. A run never starts or ends inside
    /// a wide character, so the backend can write each run as is.
    public func changes(from previous: CellBuffer?) -> [CellRun] {
        guard let previous, previous.width == width, previous.height == height else {
            return (0..<height).map { y in
                CellRun(x: 0, y: y, cells: Array(cells[(y * width)..<((y + 1) * width)]))
            }
        }
        var runs: [CellRun] = []
        for y in 0..<height {
            let rowStart = y * width
            var x = 0
            while x < width {
                guard cells[rowStart + x] != previous.cells[rowStart + x] else {
                    x += 1
                    continue
                }
                let start = cells[rowStart + x].isContinuation && x > 0 ? x - 1 : x
                var end = x + 1
                while end < width
                    && (cells[rowStart + end] != previous.cells[rowStart + end] || cells[rowStart + end].isContinuation)
                {
                    end += 1
                }
                runs.append(CellRun(x: start, y: y, cells: Array(cells[(rowStart + start)..<(rowStart + end)])))
                x = end
            }
        }
        return runs
    }

    // MARK: - Writing cells

    private mutating func fillSpaces(from start: Int, to end: Int, y: Int, style: Style) {
        var x = start
        while x < end {
            place(" ", width: 1, style: style, x: x, y: y)
            x += 1
        }
    }

    /// The one-character strings of printable ASCII, by byte − 0x20: made once, not a
    /// `String` per cell drawn.
    private static let asciiGlyphs: [String] = (0x20..<0x7F).map { String(Unicode.Scalar(UInt8($0))) }

    /// Stores printable ASCII bytes, a cell each, from (x, y), as `place` would one by one:
    /// only the run's two ends can cut a wide character in half (perf: `place` per byte
    /// was most of drawing a frame).
    private mutating func placeASCII(_ bytes: Substring.UTF8View, style: Style, x: Int, y: Int) {
        let start = max(x, 0)
        let end = min(x + bytes.count, width)
        guard start < end, y >= 0 && y < height else { return }
        splitWideCharacter(at: start, y: y)
        splitWideCharacter(at: end - 1, y: y)
        let glyphs = Self.asciiGlyphs
        let rowStart = y * width
        cells.withUnsafeMutableBufferPointer { cells in
            var column = x
            for byte in bytes {
                if column >= start && column < end {
                    cells[rowStart + column] = Cell(text: glyphs[Int(byte) - 0x20], style: style)
                }
                column += 1
            }
        }
    }

    /// Stores one safe glyph of width 1 or 2 at (x, y), keeping the wide-character invariant.
    /// A wide glyph with only its left half inside the buffer becomes a space; one with only
    /// its right half inside leaves a space in column 0.
    private mutating func place(_ glyph: String, width glyphWidth: Int, style: Style, x: Int, y: Int) {
        guard y >= 0 && y < height && x < width else { return }
        if x < 0 {
            if glyphWidth == 2 && x == -1 && width > 0 { place(" ", width: 1, style: style, x: 0, y: y) }
            return
        }
        if glyphWidth == 2 && x + 1 >= width {
            place(" ", width: 1, style: style, x: x, y: y)
            return
        }
        splitWideCharacter(at: x, y: y)
        if glyphWidth == 2 { splitWideCharacter(at: x + 1, y: y) }
        cells[y * width + x] = Cell(text: glyph, style: style)
        if glyphWidth == 2 { cells[y * width + x + 1] = Cell(text: "", style: style) }
    }

    /// If (x, y) is one half of a wide character, blanks the other half so that overwriting
    /// this cell leaves no orphan.
    private mutating func splitWideCharacter(at x: Int, y: Int) {
        guard x >= 0 && x < width else { return }
        let index = y * width + x
        if cells[index].isContinuation {
            if x > 0 { cells[index - 1].text = " " }
            cells[index].text = " "
        } else if x + 1 < width && cells[index + 1].isContinuation {
            cells[index + 1].text = " "
        }
    }
}
