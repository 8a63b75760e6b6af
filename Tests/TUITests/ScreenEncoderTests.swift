import Content
import Testing
@testable import TUI

/// The encoder's bytes replayed on a small ECMA-48 emulator must leave exactly the frame on
/// screen, whatever the terminal lacks; and scrolling must cost what it should.
@MainActor
@Suite struct ScreenEncoderTests {
    /// The encoder scrolls its model of the screen as the terminal scrolls its rows.
    @Test("A cell buffer scrolls a band of rows up or down, blanking the rows left behind")
    func cellBufferScroll() {
        func buffer(_ rows: [String]) -> CellBuffer {
            var buffer = CellBuffer(width: 3, height: rows.count)
            for (y, row) in rows.enumerated() { buffer.put(row, x: 0, y: y) }
            return buffer
        }
        let start = ["a0", "b漢", "c2", "d3", "e4"]
        var up = buffer(start)
        up.scroll(1...3, by: 1)
        #expect(up == buffer(["a0", "c2", "d3", "", "e4"]))
        var down = buffer(start)
        down.scroll(1...3, by: -2)
        #expect(down == buffer(["a0", "", "", "b漢", "e4"]))
        #expect(down[2, 3].isContinuation, "a wide character moves with its right half")
        var all = buffer(start)
        all.scroll(0...4, by: 7)
        #expect(all == buffer(["", "", "", "", ""]))
        var none = buffer(start)
        none.scroll(1...5, by: 1)
        #expect(none == buffer(start), "a band past the buffer's edge is not scrolled")
    }

    /// The scroll estimate compares cells by how they are stored: it may take equal cells
    /// for different ones (a long text made twice), never different ones for equal.
    @Test("Cells with one storage key are equal, and short equal texts have one key")
    func cellStorageKeys() {
        let family = "👨‍👩‍👧"  // 18 bytes: kept apart from the String value
        let texts = [" ", "a", "b", "", "–", "漢", "e\u{301}", "é", family, String(family.unicodeScalars.dropLast()) + "👧"]
        let styles = [Style.normal, Style(.link), Style(.link, bold: true), Style(.link, underline: true),
                      Style(.normal, overlay: .selection), Style(.normal, overlay: .match)]
        let cells = texts.flatMap { text in styles.map { Cell(text: text, style: $0) } }
        for a in cells {
            for b in cells where a.storageKey == b.storageKey { #expect(a == b, "\(a) and \(b)") }
            // Texts of up to 15 bytes are stored in the String value itself.
            let again = Cell(text: String(decoding: Array(a.text.utf8), as: UTF8.self), style: a.style)
            if a.text.utf8.count <= 15 { #expect(a.storageKey == again.storageKey, "\(a)") }
        }
        #expect(Cell(text: "e\u{301}").storageKey != Cell(text: "é").storageKey, "canonically equal, sent as other bytes")
    }

    nonisolated static let width: @Sendable (Unicode.Scalar) -> Int = { Character($0).displayWidth }

    /// Frames of the real explorer after real keys, in every layout, each replayed.
    @Test(arguments: [(79, 24), (80, 24), (120, 40), (200, 60)])
    func explorerFramesReplayExactly(size: (Int, Int)) throws {
        let explorer = makeExplorer()
        var state = explorer.initialState(size: Size(width: size.0, height: size.1))
        var encoder = ScreenEncoder(features: .xterm, theme: .dark, terminalWidth: Self.width)
        var terminal = Emulator(width: size.0, height: size.1)
        let keys: [Key] = Array(repeating: .character("j"), count: 12) + [.character(" "), .character(" ")]
            + Array(repeating: .character("k"), count: 5) + [.character("b"), .character("G"), .character("g"),
            .character("]"), .character("]"), .enter, .character("H"), .tab, .character("j"), .character("z"),
            .character("j"), .character(" "), .character("k"), .character("?"), .escape, .character("z")]
        terminal.feed(encoder.encode(explorer.render(state)))
        try terminal.expectShows(explorer.render(state), theme: .dark, palette: TerminalFeatures.xterm.palette)
        for (index, key) in keys.enumerated() {
            state = explorer.update(state, explorer.action(for: .key(key), in: state))
            let frame = explorer.render(state)
            terminal.feed(encoder.encode(frame))
            try terminal.expectShows(frame, theme: .dark, palette: TerminalFeatures.xterm.palette, after: "key \(index + 1) (\(key))")
        }
    }

    /// Random keys (and resizes) on the bundled article and on one of hostile text, wide
    /// characters and combining marks: every frame replays exactly.
    @Test(arguments: ["bundled", "hostile"])
    func randomKeysReplayExactly(article: String) throws {
        let model = article == "bundled" ? bundledModel : try LinkedArticle(article: ArticleParser().parse("""
            = Evil \u{1B}]0;owned\u{07} 漢字 =

            Lead \u{1B}[2J text \u{9B}31m and \u{202E}reversed\u{202C}, CR\rand BS\u{08}, Совет, e\u{301}, 🙂 and 👍🏽.

            == 漢字の見出し ==

            \(String(repeating: "全角の文字と Latin words mixed together, then more 文字. ", count: 12))

            == See also ==
            - Ev\u{1B}]52;c;aGk=\u{07}il
            - Tab\there
            - 漢字 – a topic whose name is wide
            """, path: "evil.txt"))
        let explorer = Explorer(model: model)
        let sizes = [Size(width: 79, height: 24), Size(width: 80, height: 24), Size(width: 120, height: 40),
                     Size(width: 200, height: 60), Size(width: 50, height: 14), Size(width: 39, height: 11)]
        let keys: [Key] = [.character("j"), .character("j"), .character("j"), .character("k"), .character(" "),
                           .character("b"), .character("g"), .character("G"), .character("]"), .character("["),
                           .enter, .tab, .character("H"), .character("L"), .character("z"), .character("?"), .escape,
                           .character("1"), .character("2"), .character("3"), .character("4"), .character("h"),
                           .character("l"), .character("v")]
        var random = SplitMix(seed: article == "bundled" ? 11 : 13)
        var state = explorer.initialState(size: sizes[0])
        var encoder = ScreenEncoder(features: .xterm, theme: .dark, terminalWidth: Self.width)
        var terminal = Emulator(width: state.size.width, height: state.size.height)
        for step in 0..<600 {
            if random.next(60) == 0 {
                // A resize: the backend forgets the screen, and the terminal keeps what it showed.
                let size = sizes[random.next(sizes.count)]
                state = explorer.update(state, explorer.action(for: .resize(width: size.width, height: size.height), in: state))
                terminal = Emulator(width: size.width, height: size.height)
                encoder.forgetScreen()
            } else {
                let key = keys[random.next(keys.count)]
                state = explorer.update(state, explorer.action(for: .key(key), in: state))
            }
            let frame = explorer.render(state)
            terminal.feed(encoder.encode(frame))
            try terminal.expectShows(frame, theme: .dark, palette: TerminalFeatures.xterm.palette, after: "step \(step)")
        }
        #expect(terminal.unexpectedWraps == 0)
    }

    /// Random frames that scroll bands of rows, edit cells, use wide characters, combining
    /// marks and styles, on terminals with and without each optional feature.
    @Test(arguments: [
        TerminalFeatures.xterm,
        TerminalFeatures(palette: TerminalPalette(colorCount: 8, hasDefaultColors: true),
                         erasesCharacters: false, hasScrollRegion: true, scrollsByCount: false, addressesColumnAndRow: false),
        TerminalFeatures(palette: TerminalPalette(colorCount: 0, hasDefaultColors: false),
                         erasesCharacters: false, hasScrollRegion: false, scrollsByCount: false, addressesColumnAndRow: true),
        TerminalFeatures(palette: TerminalPalette(colorCount: 256, hasDefaultColors: false),
                         erasesCharacters: true, hasScrollRegion: true, scrollsByCount: true, addressesColumnAndRow: true),
    ])
    func randomFramesReplayExactly(features: TerminalFeatures) throws {
        var random = SplitMix(seed: 7)
        let (width, height) = (37, 15)
        var encoder = ScreenEncoder(features: features, theme: .dark, terminalWidth: Self.width)
        var terminal = Emulator(width: width, height: height)
        // What the terminal lacks must never be sent.
        if !features.erasesCharacters { terminal.lacks.insert("X") }
        if !features.hasScrollRegion { terminal.lacks.insert("r") }
        if !features.scrollsByCount { terminal.lacks.formUnion(["S", "T"]) }
        if !features.addressesColumnAndRow { terminal.lacks.formUnion(["G", "d"]) }
        if !features.savesCursor { terminal.lacks.formUnion(["7", "8"]) }
        let words = ["dual", "power", "Совет", "é", "漢字", "🙂", "e\u{301}", "—", "  ", "x"]
        let styles: [Style] = [.normal, Style(.link), Style(.heading1), Style(.selection), Style(.dim),
                               Style(.normal, bold: true), Style(.statusBar), Style(.normal, underline: true)]
        var frame = CellBuffer(width: width, height: height)
        for step in 0..<300 {
            var next = frame
            switch random.next(6) {
            case 0, 1:  // a band scrolls, like a full-width pane
                let top = random.next(height - 2)
                let bottom = top + 1 + random.next(height - top - 1)
                let shift = (random.next(2) == 0 ? 1 : -1) * (1 + random.next(bottom - top))
                next.scroll(top...bottom, by: shift)
            case 2:  // a new frame
                next = CellBuffer(width: width, height: height)
            default:
                break
            }
            for _ in 0..<(1 + random.next(12)) {
                next.put(words[random.next(words.count)], x: random.next(width), y: random.next(height),
                         style: styles[random.next(styles.count)])
            }
            if random.next(5) == 0 {
                next.fill(Rect(x: random.next(width), y: random.next(height), width: random.next(width), height: 2))
            }
            // The cursor's place: often the same as the frame before (saved and restored where
            // the terminal can), in the last column, or left where the drawing ends.
            next.cursor = random.next(4) == 0 ? nil
                : CursorPlacement(x: [0, 1, width - 1][random.next(3)], y: [0, 5, height - 1][random.next(3)], isVisible: false)
            frame = next
            terminal.feed(encoder.encode(frame))
            try terminal.expectShows(frame, theme: .dark, palette: features.palette, after: "step \(step)")
            if random.next(40) == 0 {
                terminal.feed(encoder.release())
                encoder.forgetScreen()
            }
        }
        #expect(terminal.unexpectedWraps == 0)
    }

    @Test func oneLineScrollOfAFullWidthPaneMovesRowsInsteadOfRedrawingThem() throws {
        let explorer = makeExplorer()
        var state = explorer.initialState(size: Size(width: 79, height: 24))
        var encoder = ScreenEncoder(features: .xterm, theme: .dark, terminalWidth: Self.width)
        var before = explorer.render(state)
        _ = encoder.encode(before)
        var totals = (encoded: 0, changed: 0)
        for _ in 0..<10 {
            state = explorer.update(state, .command(.moveDown))
            let after = explorer.render(state)
            let bytes = encoder.encode(after)
            totals.encoded += bytes.count
            totals.changed += after.changes(from: before).reduce(0) { $0 + $1.cells.reduce(0) { $0 + $1.text.utf8.count } }
            before = after
        }
        // Each j shows one new line of about 75 characters: what the terminal must be sent
        // is that line, not the 22 rows whose cells changed.
        #expect(totals.changed > 10_000)
        #expect(totals.encoded < 10 * 100, "\(totals.encoded) bytes for 10 one-line scrolls")
    }

    /// Two panes side by side in different attributes (plain text beside a dim one), every
    /// row of both changed: each row starts from the end whose attributes are already set,
    /// so the attributes change once a row, not twice; and a row ended by erasing in the dim
    /// pane erases without a reset first.
    @Test func sideBySidePanesChangeAttributesOnceARow() throws {
        let (width, height) = (40, 10)
        func frame(_ page: Int) -> CellBuffer {
            var frame = CellBuffer(width: width, height: height)
            for y in 0..<height {
                frame.put("page \(page) reader row \(y)", x: 0, y: y, style: Style(.normal))
                // Uneven lengths, so that some rows end by erasing the dim pane's tail (and
                // no row is the one above it moved, which the encoder would scroll).
                frame.put("side \(page)" + String(repeating: " x", count: (2 * y + 3 * page) % 5), x: 22, y: y, style: Style(.dim))
            }
            return frame
        }
        var encoder = ScreenEncoder(features: .xterm, theme: .dark, terminalWidth: Self.width)
        var terminal = Emulator(width: width, height: height)
        terminal.feed(encoder.encode(frame(1)))
        for page in 2...4 {
            let bytes = encoder.encode(frame(page))
            terminal.feed(bytes)
            try terminal.expectShows(frame(page), theme: .dark, palette: TerminalFeatures.xterm.palette, after: "page \(page)")
            let changes = String(decoding: bytes, as: UTF8.self).components(separatedBy: "m").count - 1
            #expect(changes <= height + 1, "\(changes) SGR sequences for \(height) rows on page \(page)")
        }
    }

    /// Erasing never happens in an SGR state that shows on a blank (underline, reverse, a
    /// background): the strict emulator above would show it.
    @Test func erasingAfterUnderlinedOrReversedTextResetsFirst() throws {
        let (width, height) = (30, 4)
        var first = CellBuffer(width: width, height: height)
        for y in 0..<height { first.put(String(repeating: "wide text ", count: 3), x: 0, y: y, style: Style(.normal)) }
        var second = CellBuffer(width: width, height: height)
        second.put("reversed", x: 0, y: 0, style: Style(.linkSelected))
        second.put("on a background", x: 0, y: 1, style: Style(.selection))
        second.put("underlined", x: 0, y: 2, style: Style(.normal, underline: true))
        var encoder = ScreenEncoder(features: .xterm, theme: .dark, terminalWidth: Self.width)
        var terminal = Emulator(width: width, height: height)
        terminal.feed(encoder.encode(first))
        terminal.feed(encoder.encode(second))
        try terminal.expectShows(second, theme: .dark, palette: TerminalFeatures.xterm.palette, after: "the second frame")
    }

    /// Moving to the next row: a line feed and a short move along the row, where they are
    /// shorter than an address, and never at the scroll region's bottom (it would scroll).
    @Test func theNextRowIsReachedByALineFeedWhereThatIsShorter() throws {
        let (width, height) = (60, 12)
        var first = CellBuffer(width: width, height: height)
        var second = first
        for y in 0..<height {
            first.put("left \(y)", x: 2, y: y, style: Style(.normal))
            second.put("LEFT \(y)", x: 2, y: y, style: Style(.normal))
        }
        var encoder = ScreenEncoder(features: .xterm, theme: .dark, terminalWidth: Self.width)
        var terminal = Emulator(width: width, height: height)
        terminal.feed(encoder.encode(first))
        let bytes = encoder.encode(second)
        terminal.feed(bytes)
        try terminal.expectShows(second, theme: .dark, palette: TerminalFeatures.xterm.palette, after: "the second frame")
        // Row after row at column 3: a line feed and "ESC [ 4 D" (5 bytes), not "ESC [ r ; 3 H"
        // (6 or 7): one address, for the first row.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.filter { $0 == "H" }.count == 1, "\(text.debugDescription)")
        #expect(text.filter { $0 == "\n" }.count == height - 1, "\(text.debugDescription)")
    }

    @Test func releaseLeavesTheWholeScreenAsTheScrollRegionAndDefaultAttributes() throws {
        var encoder = ScreenEncoder(features: .xterm, theme: .dark, terminalWidth: Self.width)
        var terminal = Emulator(width: 40, height: 8)
        var frame = CellBuffer(width: 40, height: 8)
        for y in 0..<8 { frame.put("row \(y) " + String(repeating: "text ", count: 7), x: 0, y: y, style: Style(.heading1)) }
        terminal.feed(encoder.encode(frame))
        var scrolled = frame
        scrolled.scroll(1...6, by: 1)
        scrolled.put("the end", x: 30, y: 7, style: Style(.link))
        let scrolling = encoder.encode(scrolled)
        #expect(String(decoding: scrolling, as: UTF8.self).contains("\u{1B}[2;7r"))
        terminal.feed(scrolling)
        #expect(terminal.scrollRegion == 1...6)
        #expect(terminal.pen != .plain)

        terminal.feed(encoder.release())
        #expect(terminal.scrollRegion == 0...7)
        #expect(terminal.pen == .plain)
        try terminal.expectShows(CellBuffer(width: 40, height: 8), theme: .dark, palette: TerminalFeatures.xterm.palette)
    }
}

/// The part of an ECMA-48 terminal the encoder may use: printing (with wide characters and
/// combining marks), CR, LF, BS, RI, CUP, CHA, VPA, CUU/CUD/CUF/CUB, EL, ECH, ED 2, DECSTBM,
/// SU, SD and SGR. Erased cells take the current background, as on xterm (bce), and also
/// underline and reverse video, as on the strictest terminals (the Linux console reverses
/// them, kitty keeps every attribute): the only attributes that show on a blank.
private struct Emulator {
    struct Cell: Equatable {
        var text = " "
        var pen = Pen.plain
    }

    let width: Int
    let height: Int
    private(set) var cells: [[Cell]]
    private(set) var unexpectedWraps = 0
    /// Final bytes of control sequences this terminal does not have.
    var lacks: Set<Unicode.Scalar> = []
    private var x = 0
    private var y = 0
    private var pendingWrap = false
    private var top = 0
    private var bottom: Int
    private(set) var pen = Pen.plain
    /// What DECSC saved.
    private var saved: (x: Int, y: Int, pen: Pen)?
    var scrollRegion: ClosedRange<Int> { top...bottom }

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        bottom = height - 1
        cells = Array(repeating: Array(repeating: Cell(), count: width), count: height)
    }

    mutating func feed(_ bytes: [UInt8]) {
        var scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\u{1B}":
                guard let next = scalars.popFirst() else { return }
                if next == "M" {
                    moveUpOrScroll()
                } else if next == "7" || next == "8" {
                    if lacks.contains(next) { Issue.record("DECSC/DECRC sent to a terminal without them") }
                    if next == "7" {
                        saved = (x, y, pen)
                    } else if let saved {
                        (x, y, pen) = saved
                        pendingWrap = false
                    } else {
                        Issue.record("DECRC with nothing saved")
                    }
                } else if next == "[" {
                    var parameters = ""
                    while let character = scalars.first, character == ";" || ("0"..."9").contains(character) {
                        parameters.unicodeScalars.append(scalars.removeFirst())
                    }
                    guard let final = scalars.popFirst() else { return }
                    control(final, parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) })
                }
            case "\r":
                x = 0
                pendingWrap = false
            case "\n":
                pendingWrap = false
                if y == bottom { scrollUp(1) } else if y < height - 1 { y += 1 }
            case "\u{8}":
                pendingWrap = false
                x = max(0, x - 1)
            default:
                print(scalar)
            }
        }
    }

    private mutating func print(_ scalar: Unicode.Scalar) {
        let columns = ScreenEncoderTests.width(scalar)
        if columns == 0 {
            let (px, py) = pendingWrap ? (x, y) : (max(0, x - 1), y)
            cells[py][px].text.unicodeScalars.append(scalar)
            return
        }
        if pendingWrap {
            unexpectedWraps += 1
            pendingWrap = false
            x = 0
            if y == bottom { scrollUp(1) } else if y < height - 1 { y += 1 }
        }
        cells[y][x] = Cell(text: String(scalar), pen: pen)
        if columns == 2 && x + 1 < width { cells[y][x + 1] = Cell(text: "", pen: pen) }
        if x + columns >= width {
            x = width - 1
            pendingWrap = true
        } else {
            x += columns
        }
    }

    private mutating func control(_ final: Unicode.Scalar, _ parameters: [Int?]) {
        func parameter(_ index: Int, _ fallback: Int = 1) -> Int {
            index < parameters.count ? (parameters[index] ?? fallback) : fallback
        }
        pendingWrap = false
        if lacks.contains(final) { Issue.record("sent CSI \(final), which this terminal lacks") }
        switch final {
        case "H":
            y = min(height, parameter(0)) - 1
            x = min(width, parameter(1)) - 1
        case "G": x = min(width, parameter(0)) - 1
        case "d": y = min(height, parameter(0)) - 1
        // CUU and CUD stop at the scroll region's margins when they start inside them.
        case "A": y = max(y >= top ? top : 0, y - parameter(0))
        case "B": y = min(y <= bottom ? bottom : height - 1, y + parameter(0))
        case "C": x = min(width - 1, x + parameter(0))
        case "D": x = max(0, x - parameter(0))
        case "K": for column in x..<width { cells[y][column] = erased }
        case "X": for column in x..<min(width, x + parameter(0)) { cells[y][column] = erased }
        case "J":
            precondition(parameter(0, 0) == 2, "only ED 2 is expected")
            cells = Array(repeating: Array(repeating: erased, count: width), count: height)
        case "r":
            top = parameter(0) - 1
            bottom = min(height, parameter(1, height)) - 1
            (x, y) = (0, 0)
        case "S": scrollUp(parameter(0))
        case "T": scrollDown(parameter(0))
        case "m": setPen(parameters)
        default: Issue.record("unexpected control sequence \(final)")
        }
    }

    private var erased: Cell {
        var kept = Pen(background: pen.background)
        (kept.underline, kept.reverse) = (pen.underline, pen.reverse)
        return Cell(text: " ", pen: kept)
    }

    private mutating func moveUpOrScroll() {
        pendingWrap = false
        if y == top { scrollDown(1) } else if y > 0 { y -= 1 }
    }

    private mutating func scrollUp(_ count: Int) {
        for _ in 0..<count {
            cells.remove(at: top)
            cells.insert(Array(repeating: erased, count: width), at: bottom)
        }
    }

    private mutating func scrollDown(_ count: Int) {
        for _ in 0..<count {
            cells.remove(at: bottom)
            cells.insert(Array(repeating: erased, count: width), at: top)
        }
    }

    private mutating func setPen(_ parameters: [Int?]) {
        var values = parameters.map { $0 ?? 0 }[...]
        if values.isEmpty { values = [0] }
        while let value = values.popFirst() {
            switch value {
            case 0: pen = .plain
            case 1: pen.bold = true
            case 2: pen.dim = true
            case 4: pen.underline = true
            case 7: pen.reverse = true
            case 22: (pen.bold, pen.dim) = (false, false)
            case 24: pen.underline = false
            case 27: pen.reverse = false
            case 30...37: pen.foreground = Int16(value - 30)
            case 39: pen.foreground = -1
            case 40...47: pen.background = Int16(value - 40)
            case 49: pen.background = -1
            case 90...97: pen.foreground = Int16(value - 90 + 8)
            case 100...107: pen.background = Int16(value - 100 + 8)
            case 38, 48:
                #expect(values.popFirst() == 5)
                let color = Int16(values.popFirst() ?? -1)
                if value == 38 { pen.foreground = color } else { pen.background = color }
            default: Issue.record("unexpected SGR parameter \(value)")
            }
        }
    }

    /// Every cell shows the frame's text (as the encoder sends it) in the frame's colours
    /// and attributes.
    func expectShows(_ frame: CellBuffer, theme: Theme, palette: TerminalPalette, after: String = "the first frame",
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        for row in 0..<height {
            for column in 0..<width {
                let cell = frame[column, row]
                let wide = column + 1 < width && frame[column + 1, row].isContinuation
                var text = cell.text
                if !cell.isContinuation {
                    let glyph = TerminalGlyph.scalars(for: cell.text, width: wide ? 2 : 1,
                                                      maxScalars: ScreenEncoder.maxScalarsPerCell,
                                                      terminalWidth: ScreenEncoderTests.width)
                    text = String(String.UnicodeScalarView(glyph.scalars))
                }
                let expected = Cell(text: text, pen: Pen(theme.appearance(for: cell.style), palette: palette))
                let shown = cells[row][column]
                guard shown == expected else {
                    let screen = cells.map { $0.map(\.text).joined() }.joined(separator: "\n")
                    Issue.record("after \(after): (\(column), \(row)) shows \(shown), expected \(expected)\n\(screen)",
                                 sourceLocation: sourceLocation)
                    return
                }
            }
        }
        // The cursor where the frame places it (a screen reader follows it).
        if let placement = frame.cursor, (x, y) != (placement.x, placement.y) {
            Issue.record("after \(after): the cursor is at (\(x), \(y)), the frame places it at (\(placement.x), \(placement.y))",
                         sourceLocation: sourceLocation)
        }
    }
}

extension Pen {
    init(background: Int16) {
        self.init()
        self.background = background
    }
}

/// A small deterministic generator, so a failure can be replayed.
private struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
