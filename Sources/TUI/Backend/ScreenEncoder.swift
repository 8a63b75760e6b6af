/// What a terminal that speaks ECMA-48 (xterm and its kin, tmux, screen, the Linux console)
/// offers beyond cursor addressing and SGR, as its terminfo entry says. Such a terminal must
/// also defer wrapping (terminfo `xenl`), so that the bottom-right cell can be written
/// without scrolling the screen; ncurses draws on the few that do not (`ansi`, `sun`).
public struct TerminalFeatures: Equatable, Sendable {
    var palette: TerminalPalette
    /// ECH (terminfo `ech`): blanks n cells without moving the cursor.
    var erasesCharacters: Bool
    /// DECSTBM (`csr`): a scroll region, so that a full-width pane scrolls by moving its rows.
    var hasScrollRegion: Bool
    /// SU and SD (`indn`, `rin`): scroll the region by n rows wherever the cursor is.
    var scrollsByCount: Bool
    /// CHA and VPA (`hpa`, `vpa`): to a column in the row, to a row in the column.
    var addressesColumnAndRow: Bool
    /// DECSC and DECRC (`sc`, `rc` as `ESC 7`, `ESC 8`): the cursor (and SGR state) saved, and
    /// put back in two bytes.
    var savesCursor: Bool
    /// The characters the terminal shows (`TerminalCharset`): UTF-8 almost everywhere.
    var charset: TerminalCharset = .utf8

    public init(palette: TerminalPalette, erasesCharacters: Bool, hasScrollRegion: Bool, scrollsByCount: Bool,
                addressesColumnAndRow: Bool, savesCursor: Bool = false, charset: TerminalCharset = .utf8) {
        self.charset = charset
        self.palette = palette
        self.erasesCharacters = erasesCharacters
        self.hasScrollRegion = hasScrollRegion
        self.scrollsByCount = scrollsByCount
        self.addressesColumnAndRow = addressesColumnAndRow
        self.savesCursor = savesCursor
    }

    /// xterm-256color with default colours: what tests and benchmarks assume.
    public static let xterm = TerminalFeatures(
        palette: TerminalPalette(colorCount: 256, hasDefaultColors: true),
        erasesCharacters: true, hasScrollRegion: true, scrollsByCount: true, addressesColumnAndRow: true, savesCursor: true)
}

/// Turns frames into the bytes that make an ECMA-48 terminal show them, sending only what
/// changed, by the cheapest means it knows.
///
/// Why not ncurses' `doupdate`: it resets the scroll region after every scroll and writes
/// full SGR sequences (`ESC ( B ESC [ 0 ; 7 m`) at each change of attributes, so a one-line
/// scroll of the reader cost about 30 bytes of control sequences around 50 bytes of text,
/// a third more than `less` (scripts/bench-tui.sh). This encoder keeps the scroll region
/// set between frames (the backend resets it before the terminal is handed back), changes
/// only the SGR attributes that differ, and picks the shortest cursor movement.
///
/// Pure: it keeps its own model of the terminal (the cells shown, the cursor, the SGR
/// state and the scroll region, each of them possibly unknown) and never touches a file
/// descriptor, so tests replay its bytes on an emulator.
public struct ScreenEncoder {
    let features: TerminalFeatures
    private let theme: Theme
    /// Columns the terminal gives a scalar (`wcwidth`), so that glyphs are sent in a form
    /// the terminal sizes as the frame does (see `TerminalGlyph`).
    private let terminalWidth: (Unicode.Scalar) -> Int

    /// What the terminal shows; nil when unknown (at the start, after a resize or a suspend).
    private var screen: CellBuffer?
    /// What the scroll estimate computed of `screen`, when the last frame did.
    private var screenDigest: FrameDigest?
    private var cursor = Cursor()
    /// The current SGR state; nil when unknown.
    private var pen: Pen?
    /// The scroll region (rows, inclusive); nil when unknown.
    private var region: ClosedRange<Int>?
    /// What the last DECSC saved (where, and the SGR state, which DECRC also puts back); nil
    /// when nothing known was saved.
    private var saved: (row: Int, column: Int, pen: Pen)?
    /// Where the last frame put the cursor.
    private var lastPlacement: (x: Int, y: Int)?
    /// Rows of the frame being encoded.
    private var rows = 0
    /// Whether a blank `.normal` cell looks like an erased one (terminal default colours, no
    /// attributes): only then may erasing (EL, ECH, clearing, scrolling) stand for writing spaces.
    private let blankIsErased: Bool

    private var output: [UInt8] = []
    private var pens: [Style: Pen] = [:]
    /// The SGR sequence from one pen (nil: unknown) to another, as `setPen` chose it: a frame
    /// changes pens a few hundred times between a few dozen pairs, and each sequence was built
    /// from strings every time (perf, first frame at 120×40, 2026-11).
    private var transitions: [PenTransition: [UInt8]] = [:]
    private var lastStyle: Style?
    private var lastPen = Pen.plain
    private var glyphs: [GlyphKey: [UInt8]] = [:]
    /// The runs of the row being drawn (kept to reuse its storage).
    private var runs: [Run] = []

    /// Scalars sent for one cell at most: ncurses' `CCHARW_MAX`, so both outputs send the
    /// same glyphs.
    static let maxScalarsPerCell = 5
    /// Bytes a scroll costs beyond the rows it saves (movement and scroll), roughly; and
    /// setting a scroll region, when it is not the one set.
    private static let scrollOverhead = 3
    private static let regionOverhead = 8

    public init(features: TerminalFeatures, theme: Theme, terminalWidth: @escaping (Unicode.Scalar) -> Int) {
        self.features = features
        self.theme = theme
        self.terminalWidth = terminalWidth
        blankIsErased = Pen(theme.appearance(for: .normal), palette: features.palette) == .plain
    }

    /// Forgets what the terminal shows, so the next frame is drawn whole: after a resize, a
    /// suspend, or anything else that wrote to the terminal.
    public mutating func forgetScreen() {
        screen = nil
        screenDigest = nil
        cursor = Cursor()
        pen = nil
        region = nil
        saved = nil
        lastPlacement = nil
    }

    /// The bytes that make the terminal show `frame`.
    public mutating func encode(_ frame: CellBuffer) -> [UInt8] {
        output.removeAll(keepingCapacity: true)
        rows = frame.height
        if var shown = screen, shown.width == frame.width, shown.height == frame.height {
            // `shown` is now the only reference to its cells: a scroll moves them in place.
            screen = nil
            screenDigest = scrollIfWorthwhile(to: frame, shown: &shown, digest: screenDigest)
            shown.withCells { draw(frame, over: .cells($0)) }
        } else {
            screenDigest = nil
            clearScreen(height: frame.height)
            draw(frame, over: blankIsErased ? .blank : .unknown)
        }
        // Where the frame puts the cursor (a screen reader follows it): a move only when the
        // drawing left it elsewhere, so a frame that changed nothing still writes nothing.
        if let placement = frame.cursor, frame.width > 0, frame.height > 0 {
            place(x: placement.x.clamped(to: 0...frame.width - 1), y: placement.y.clamped(to: 0...frame.height - 1))
        } else {
            lastPlacement = nil
        }
        screen = frame
        return output
    }

    /// The bytes that hand the terminal back clean: the whole screen as the scroll region,
    /// default attributes, a blank screen. What is shown is then unknown.
    public mutating func release() -> [UInt8] {
        output.removeAll(keepingCapacity: true)
        clearScreen(height: screen?.height)
        let bytes = output
        forgetScreen()
        return bytes
    }

    // MARK: - Cells

    /// What the terminal shows under the frame being drawn.
    private enum Underlay {
        /// Unknown: every cell is written.
        case unknown
        /// A cleared screen whose blank cells look like `Cell.blank`: no buffer of blanks is
        /// made to compare with, as it was for every first frame (cold, the 4,800 cells of
        /// 120×40 cost page faults for a buffer read once; perf, 2026-11).
        case blank
        /// The cells of the frame shown, row after row.
        case cells(UnsafeBufferPointer<Cell>)

        /// Whether the cell at `index` differs from `cell`.
        func differs(at index: Int, from cell: Cell) -> Bool {
            switch self {
            case .unknown: true
            case .blank: cell != .blank
            case .cells(let old): cell != old[index]
            }
        }

        /// Whether row `y` of `new` differs anywhere from what is under it: `differs(at:from:)`
        /// for a whole row, each case's loop kept tight (the diff is timed per frame).
        func differs(inRow y: Int, of new: UnsafeBufferPointer<Cell>, width: Int) -> Bool {
            switch self {
            case .unknown: true
            case .blank: (y * width..<(y + 1) * width).contains { new[$0] != .blank }
            case .cells(let old): !ScreenEncoder.rowsEqual(new, y, old, y, width: width)
            }
        }
    }

    /// Writes every row of `frame` that differs from what `base` shows.
    private mutating func draw(_ frame: CellBuffer, over base: Underlay) {
        let (width, height) = (frame.width, frame.height)
        frame.withCells { new in
            for y in 0..<height where base.differs(inRow: y, of: new, width: width) {
                drawRow(y, new, base, width: width, height: height)
            }
        }
    }

    private mutating func drawRow(
        _ y: Int, _ new: UnsafeBufferPointer<Cell>, _ old: Underlay, width: Int, height: Int
    ) {
        let row = y * width
        // From here to the end of the row every cell is blank: erasing to the end of the
        // line (3 bytes) replaces writing them.
        var tail = width
        if blankIsErased {
            while tail > 0 && isErasable(new[row + tail - 1]) { tail -= 1 }
        }
        collectRuns(new, row: row, old, tail: tail, width: width)
        // Runs are independent (an erase reaches only blank cells of its own run), so they
        // may be written in either order. Side by side panes in different attributes (plain
        // text beside a dim one) changed the SGR state twice a row, left to right; starting a
        // row from the end whose attributes are already set makes the order snake down the
        // screen, and it changes once (scripts/bench-tui.sh: 80×24 Space, 2026-11).
        let reversed = runs.count > 1 && startPen(of: runs[runs.count - 1], new, row: row) == pen
            && startPen(of: runs[0], new, row: row) != pen
        for step in runs.indices {
            let run = runs[reversed ? runs.count - 1 - step : step]
            writeCells(new, row: row, from: run.start, to: run.end, y: y, width: width, height: height)
            if let erase = run.erasesFrom { eraseLine(from: erase, y: y) }
        }
    }

    /// A stretch of a row to draw: cells `start..<end` written, then the row erased from
    /// `erasesFrom` to its end when set.
    private struct Run {
        var start: Int
        var end: Int
        var erasesFrom: Int?
    }

    /// Fills `runs` with what row `row` needs: the cells that differ from `old`, joined over
    /// short gaps, and the blank tail from `tail` erased.
    private mutating func collectRuns(
        _ new: UnsafeBufferPointer<Cell>, row: Int, _ old: Underlay, tail: Int, width: Int
    ) {
        runs.removeAll(keepingCapacity: true)
        func differs(_ x: Int) -> Bool { old.differs(at: row + x, from: new[row + x]) }
        var x = 0
        while x < width {
            guard differs(x) else {
                x += 1
                continue
            }
            // A changed right half is redrawn from its left half.
            let start = new[row + x].isContinuation && x > 0 ? x - 1 : x
            if start >= tail {
                runs.append(Run(start: start, end: start, erasesFrom: start))
                return
            }
            var end = x + 1
            while end < width {
                if differs(end) || new[row + end].isContinuation {
                    end += 1
                } else if let gap = cheapGap(in: new, row: row, from: end, before: tail, differs: differs) {
                    // Rewriting a few unchanged cells is cheaper than moving over them.
                    end += gap
                } else {
                    break
                }
            }
            if end > tail {
                runs.append(Run(start: start, end: tail, erasesFrom: tail))
                return
            }
            runs.append(Run(start: start, end: end, erasesFrom: nil))
            x = end
        }
    }

    /// The SGR state a run is written in first.
    private mutating func startPen(of run: Run, _ cells: UnsafeBufferPointer<Cell>, row: Int) -> Pen? {
        if run.start < run.end { return pen(for: cells[row + run.start].style) }
        return pen?.erasesToBlank == true ? pen : .plain
    }

    /// The length of the run of unchanged cells at `start` when rewriting it costs less than
    /// a cursor movement (at most 3 one-byte cells drawn like the cell before them, followed
    /// by a change before `limit`); nil otherwise.
    private func cheapGap(
        in cells: UnsafeBufferPointer<Cell>, row: Int, from start: Int, before limit: Int, differs: (Int) -> Bool
    ) -> Int? {
        guard start > 0 else { return nil }
        let style = cells[row + start - 1].style
        var end = start
        while end < limit && end - start < 3 && !differs(end) {
            let cell = cells[row + end]
            guard cell.style == style, cell.text.utf8.count == 1 else { return nil }
            end += 1
        }
        return end < limit && end > start && differs(end) ? end - start : nil
    }

    private mutating func writeCells(
        _ cells: UnsafeBufferPointer<Cell>, row: Int, from start: Int, to end: Int, y: Int, width: Int, height: Int
    ) {
        var x = start
        while x < end {
            if features.erasesCharacters && blankIsErased && isErasable(cells[row + x]) {
                var blankEnd = x + 1
                while blankEnd < end && isErasable(cells[row + blankEnd]) { blankEnd += 1 }
                let count = blankEnd - x
                // ECH, and a move past the blanks when something follows them, against spaces.
                let erase = Self.csiLength(count) * (blankEnd < end ? 2 : 1)
                if erase + (pen?.erasesToBlank == true ? 0 : 3) < count {
                    move(toColumn: x, row: y)
                    setErasingPen()
                    output += Self.csi(count, "X")
                    x = blankEnd
                    continue
                }
            }
            let cell = cells[row + x]
            // Most of a row: a one-byte character where the cursor is, not in the last column,
            // in a style whose pen is the one set. Its byte is all it takes, without weighing
            // a move or a change of pen (callgrind: those were most of drawing a frame).
            if cursor.row == y, cursor.column == x, x + 1 < width, cell.style == lastStyle, pen == lastPen,
               cell.text.utf8.count == 1, let byte = cell.text.utf8.first, !cells[row + x + 1].isContinuation {
                output.append(byte)
                cursor.column = x + 1
                x += 1
                continue
            }
            let cellWidth = x + 1 < width && cells[row + x + 1].isContinuation ? 2 : 1
            defer { x += cellWidth }
            if cell.isContinuation { continue }
            move(toColumn: x, row: y)
            setPen(pen(for: cell.style))
            appendGlyph(cell.text, width: cellWidth)
            // In the last column the cursor waits to wrap; where it is next is not certain.
            cursor.column = x + cellWidth < width ? x + cellWidth : nil
        }
    }

    private mutating func eraseLine(from x: Int, y: Int) {
        move(toColumn: x, row: y)
        setErasingPen()
        output += [0x1B, 0x5B, 0x4B]  // ESC [ K
    }

    /// An SGR state in which EL and ECH leave blanks that look like `Cell.blank`: the
    /// current one when it does, else the plain one. Bold and dim show on no blank, and a
    /// reset before each erase cost a dim side pane 3 bytes a row.
    private mutating func setErasingPen() {
        if pen?.erasesToBlank != true { setPen(.plain) }
    }

    private mutating func isErasable(_ cell: Cell) -> Bool {
        cell.text == " " && pen(for: cell.style) == .plain
    }

    private mutating func appendGlyph(_ text: String, width: Int) {
        let utf8 = text.utf8
        if utf8.count == 1, let byte = utf8.first, width == 1 {
            output.append(byte)
            return
        }
        let key = GlyphKey(text: text, width: width)
        if let bytes = glyphs[key] {
            output += bytes
            return
        }
        var bytes: [UInt8]
        if features.charset == .utf8 {
            let glyph = TerminalGlyph.scalars(
                for: text, width: width, maxScalars: Self.maxScalarsPerCell, terminalWidth: terminalWidth)
            bytes = Array(String(String.UnicodeScalarView(glyph.scalars)).utf8)
            bytes += repeatElement(0x20, count: max(0, width - glyph.columns))
        } else {
            // One column whatever the charset draws it as: a wide character's second is a space.
            let shown = features.charset.shown(text)
            bytes = [features.charset.byte(shown)] + repeatElement(0x20, count: max(0, width - 1))
        }
        glyphs[key] = bytes
        output += bytes
    }

    // MARK: - Scrolling

    /// What the scroll estimate knows of a frame: each row's `fingerprint` and each cell's
    /// `Cell.storageKey`. Kept for the frame shown, so that the next frame computes its own.
    private struct FrameDigest {
        var fingerprints: [UInt64]
        var keys: [UInt64]
    }

    /// When a band of rows moved up or down, wholly (a pane that spans the screen scrolled)
    /// or in part (a narrower one did), moves the rows on the terminal too, with a scroll
    /// region, and updates `shown` to match; only when that saves bytes over drawing them
    /// again. Takes the digest of `shown` if known, and returns that of `frame` if it
    /// computed it.
    private mutating func scrollIfWorthwhile(
        to frame: CellBuffer, shown: inout CellBuffer, digest: FrameDigest?
    ) -> FrameDigest? {
        let (width, height) = (frame.width, frame.height)
        guard features.hasScrollRegion, blankIsErased, height >= 4 else { return nil }
        let (best, newDigest) = frame.withCells { new in
            shown.withCells { old in
                Self.bestScroll(from: old, to: new, width: width, height: height, oldDigest: digest, region: region)
            }
        }
        if let best {
            // Where the row scrolled in at the edge is first written, if it is: a line feed
            // (a reverse index) leaves the cursor there, ready to write it.
            let edge = best.shift > 0 ? best.region.upperBound : best.region.lowerBound
            let firstWrite = frame.withCells { cells in
                (0..<width).first { cells[edge * width + $0] != .blank }
            }
            scroll(best.region, by: best.shift, thenWritingAt: abs(best.shift) == 1 ? firstWrite : nil)
            shown.scroll(best.region, by: best.shift)
        }
        return newDigest
    }

    /// The scroll of a band of rows that saves the most bytes, if any saves some; and the
    /// digest of the new frame, when it needed one.
    private static func bestScroll(
        from old: UnsafeBufferPointer<Cell>, to new: UnsafeBufferPointer<Cell>, width: Int, height: Int,
        oldDigest: FrameDigest?, region current: ClosedRange<Int>?
    ) -> (scroll: (region: ClosedRange<Int>, shift: Int)?, digest: FrameDigest?) {
        let changed = (0..<height).filter { !rowsEqual(new, $0, old, $0, width: width) }
        guard changed.count >= 3 else { return (nil, nil) }
        let (newKeys, oldKeys) = (storageKeys(new), oldDigest?.keys ?? storageKeys(old))

        // Each changed row votes for the shifts that would bring an old row with its contents
        // to its place. Rows found many times (blank ones) say nothing about the shift. The
        // fingerprints only propose: the savings below are counted cell by cell.
        let oldPrints = oldDigest?.fingerprints ?? (0..<height).map { fingerprint(old, row: $0, width: width) }
        var newPrints = oldPrints
        var oldRows: [UInt64: [Int]] = [:]
        for (y, print) in oldPrints.enumerated() { oldRows[print, default: []].append(y) }
        var votes: [Int: Int] = [:]
        for y in changed {
            newPrints[y] = fingerprint(new, row: y, width: width)
            guard let sources = oldRows[newPrints[y]], sources.count <= 4 else { continue }
            for source in sources where source != y { votes[source - y, default: 0] += 1 }
        }
        // A pane narrower than the screen moves no whole row: one line up or down is always
        // tried, as scrolling the rows and repairing the other panes can still cost less.
        var shifts = votes.filter { $0.value >= 2 }.sorted { ($0.value, $0.key) > ($1.value, $1.key) }.prefix(3).map(\.key)
        for shift in [1, -1] where !shifts.contains(shift) { shifts.append(shift) }

        var unshifted = [Int](repeating: 0, count: height)
        for y in changed { unshifted[y] = differingCells(newKeys, y, oldKeys, y, width: width) }
        // What drawing the rows before `y` over blank rows costs beyond drawing them over the
        // old ones, so that any run of vacated rows is priced by one subtraction.
        var vacatingCosts = [0]
        let blankKey = Cell.blank.storageKey
        for y in 0..<height {
            let nonBlank = newKeys[(y * width)..<((y + 1) * width)].count { $0 != blankKey }
            vacatingCosts.append(vacatingCosts[y] + nonBlank - unshifted[y])
        }
        var best: (region: ClosedRange<Int>, shift: Int, gain: Int)?
        for shift in shifts where abs(shift) < height - 1 {
            let distance = abs(shift)
            // Cells saved on each row by showing the old row `shift` away instead of its own.
            var saved = [Int](repeating: 0, count: height)
            for y in max(0, -shift)..<min(height, height - shift) {
                saved[y] = unshifted[y] - differingCells(newKeys, y, oldKeys, y + shift, width: width)
            }
            // The band of rows that saves the most (Kadane), ending (up) or starting (down) at
            // each row, less what the rows it vacates then cost.
            var run = 0
            var runEdge = 0
            let ends = shift > 0 ? Array(0..<(height - distance)) : Array((distance..<height).reversed())
            for edge in ends {
                if run <= 0 {
                    run = saved[edge]
                    runEdge = edge
                } else {
                    run += saved[edge]
                }
                let vacated = shift > 0 ? (edge + 1)...(edge + distance) : (edge - distance)...(edge - 1)
                let region = shift > 0 ? runEdge...(edge + distance) : (edge - distance)...runEdge
                // Keeping the region that is set saves setting another (about 8 bytes), and
                // keeps it set for the next scroll.
                let overhead = scrollOverhead + (region == current ? 0 : regionOverhead)
                let gain = run - (vacatingCosts[vacated.upperBound + 1] - vacatingCosts[vacated.lowerBound]) - overhead
                if gain > (best?.gain ?? 0) { best = (region, shift, gain) }
            }
        }
        return (best.map { ($0.region, $0.shift) }, FrameDigest(fingerprints: newPrints, keys: newKeys))
    }

    private static func rowsEqual(
        _ a: UnsafeBufferPointer<Cell>, _ rowA: Int, _ b: UnsafeBufferPointer<Cell>, _ rowB: Int, width: Int
    ) -> Bool {
        let (startA, startB) = (rowA * width, rowB * width)
        for x in 0..<width where a[startA + x] != b[startB + x] { return false }
        return true
    }

    /// Each cell's `Cell.storageKey`: the scroll estimate compares every row with its
    /// neighbours, and numbers compare faster than cells.
    private static func storageKeys(_ cells: UnsafeBufferPointer<Cell>) -> [UInt64] {
        [UInt64](unsafeUninitializedCapacity: cells.count) { keys, count in
            guard let first = cells.baseAddress else { return }
            for index in cells.indices { keys.initializeElement(at: index, to: Cell.storageKey(of: first + index)) }
            count = cells.count
        }
    }

    /// Cells of row `rowA` that differ from row `rowB`, or are stored apart, by their keys:
    /// an estimate, as the choice of a scroll needs.
    private static func differingCells(_ a: [UInt64], _ rowA: Int, _ b: [UInt64], _ rowB: Int, width: Int) -> Int {
        // Through pointers, without a bounds check per cell: the estimate calls this for every
        // row and every shift it tries.
        precondition(rowA >= 0 && rowB >= 0 && (rowA + 1) * width <= a.count && (rowB + 1) * width <= b.count)
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                let (rowA, rowB) = (a.baseAddress! + rowA * width, b.baseAddress! + rowB * width)
                var count = 0
                for x in 0..<width { count &+= rowA[x] != rowB[x] ? 1 : 0 }
                return count
            }
        }
    }

    /// A cheap digest of a row's text (length and first byte of every other cell), FNV-1a
    /// style. Rows it calls equal are compared before anything is scrolled.
    private static func fingerprint(_ cells: UnsafeBufferPointer<Cell>, row y: Int, width: Int) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in stride(from: y * width, to: (y + 1) * width, by: 2) {
            let utf8 = cells[index].text.utf8
            hash = (hash ^ (UInt64(utf8.count) << 8 | UInt64(utf8.first ?? 0))) &* 0x100_0000_01B3
        }
        return hash
    }

    /// Scrolls the rows of `region` up by `shift` (down when negative). `firstWrite`: the
    /// column where the row scrolled in at the edge is written next, if it is.
    private mutating func scroll(_ region: ClosedRange<Int>, by shift: Int, thenWritingAt firstWrite: Int? = nil) {
        // Rows scrolled in take the current background colour.
        setPen(.plain)
        setRegion(region)
        let count = abs(shift)
        let byCount = Self.csi(count, shift > 0 ? "S" : "T")
        // Or: at the region's bottom (top), line feeds (reverse indexes) push the rows. They
        // keep the cursor's column (the backend's `nonl` turns the tty's CR-LF mapping off),
        // so, when the edge row is written next, from where its writing starts: SU or SD
        // leave the cursor where it was, and it must get there after them.
        let edge = shift > 0 ? region.upperBound : region.lowerBound
        let step: [UInt8] = shift > 0 ? [0x0A] : [0x1B, 0x4D]  // LF, ESC M
        let column = firstWrite ?? 0
        let toEdge = movement(toColumn: column, row: edge).count
        let byEdge = toEdge + count * step.count
        if features.scrollsByCount && byCount.count + (firstWrite == nil ? 0 : toEdge) <= byEdge {
            output += byCount
        } else {
            move(toColumn: column, row: edge)
            for _ in 0..<count { output += step }
        }
    }

    private mutating func setRegion(_ wanted: ClosedRange<Int>) {
        guard region != wanted else { return }
        // DECSTBM; an empty first parameter means the first row. It homes the cursor.
        var sequence: [UInt8] = [0x1B, 0x5B]
        if wanted.lowerBound > 0 { sequence += Array(String(wanted.lowerBound + 1).utf8) }
        sequence += [0x3B] + Array(String(wanted.upperBound + 1).utf8) + [0x72]
        output += sequence
        region = wanted
        cursor = Cursor(row: 0, column: 0)
    }

    /// Default attributes, the whole screen as the scroll region (when the terminal has
    /// regions), and every cell erased.
    private mutating func clearScreen(height: Int?) {
        let wholeScreen = height.flatMap { $0 > 0 ? 0...($0 - 1) : nil }
        if features.hasScrollRegion && (wholeScreen == nil || region != wholeScreen) {
            output += [0x1B, 0x5B, 0x72]  // ESC [ r
            region = wholeScreen
        }
        setPen(.plain)
        output += [0x1B, 0x5B, 0x48, 0x1B, 0x5B, 0x32, 0x4A]  // ESC [ H, ESC [ 2 J
        cursor = Cursor(row: 0, column: 0)
    }

    // MARK: - Cursor

    /// Leaves the cursor at the frame's place. A place kept from frame to frame (the reader's
    /// first row while it scrolls) is saved once with DECSC, in the plain SGR state, and each
    /// frame that draws elsewhere comes back with DECRC: two bytes where an address takes
    /// six or more, and the SGR state plain again for the next frame's scroll.
    private mutating func place(x: Int, y: Int) {
        defer { lastPlacement = (x, y) }
        let moving = movement(toColumn: x, row: y)
        guard !moving.isEmpty else { return }
        if let saved, saved.row == y, saved.column == x {
            output += [0x1B, 0x38]  // ESC 8
            cursor = Cursor(row: y, column: x)
            pen = saved.pen
            return
        }
        move(toColumn: x, row: y)
        guard features.savesCursor, let last = lastPlacement, last == (x, y) else { return }
        setPen(.plain)
        output += [0x1B, 0x37]  // ESC 7
        saved = (y, x, .plain)
    }

    private mutating func move(toColumn x: Int, row y: Int) {
        output += movement(toColumn: x, row: y)
        cursor = Cursor(row: y, column: x)
    }

    /// The shortest sequence that takes the cursor from where it is to (x, y): an address
    /// (CUP), or a move down or up that keeps the column (CUD, CUU, a line feed, VPA)
    /// followed by the shortest move along the row. Side by side panes are drawn row by row,
    /// each row starting where the one above started or ended: a line feed and a short
    /// move back cost less than an address (scripts/bench-tui.sh, 2026-11).
    private func movement(toColumn x: Int, row y: Int) -> [UInt8] {
        if cursor.row == y && cursor.column == x { return [] }
        // CUP; an empty parameter means the first row or column.
        var best: [UInt8] = [0x1B, 0x5B]
        if y > 0 { best += Array(String(y + 1).utf8) }
        if x > 0 { best += [0x3B] + Array(String(x + 1).utf8) }
        best.append(0x48)
        guard let row = cursor.row else { return best }
        let along = movementAlongRow(from: cursor.column, to: x)
        guard row != y else { return along.count < best.count ? along : best }
        var down: [UInt8]?
        func consider(_ candidate: [UInt8]) {
            if candidate.count < down?.count ?? .max { down = candidate }
        }
        if verticalMoveStaysFree(from: row, to: y) { consider(y > row ? Self.csi(y - row, "B") : Self.csi(row - y, "A")) }
        if y == row + 1 && lineFeedMovesDown(from: row) { consider([0x0A]) }
        if features.addressesColumnAndRow { consider([0x1B, 0x5B] + Array(String(y + 1).utf8) + [0x64]) }  // VPA
        guard let vertical = down, vertical.count + along.count < best.count else { return best }
        // A carriage return first: the cursor may wait to wrap in the last column, which no
        // move is known to undo on every terminal before it moves down.
        return along.first == 0x0D ? [0x0D] + vertical + along.dropFirst() : vertical + along
    }

    /// The shortest move within the row from `column` (nil: unknown) to `x`.
    private func movementAlongRow(from column: Int?, to x: Int) -> [UInt8] {
        if column == x { return [] }
        var best = x == 0 ? [0x0D] : [0x0D] + Self.csi(x, "C")
        func consider(_ candidate: [UInt8]) {
            if candidate.count < best.count { best = candidate }
        }
        if let column {
            if x > column {
                consider(Self.csi(x - column, "C"))
            } else {
                consider(Self.csi(column - x, "D"))
                if column - x <= 2 { consider(Array(repeating: 0x08, count: column - x)) }
            }
        }
        if features.addressesColumnAndRow {
            consider([0x1B, 0x5B] + (x > 0 ? Array(String(x + 1).utf8) : []) + [0x47])  // CHA
        }
        return best
    }

    /// Whether CUD or CUU can take the cursor from `row` to `target`: they stop at the scroll
    /// region's bottom (top) margin when they start at or above (below) it.
    private func verticalMoveStaysFree(from row: Int, to target: Int) -> Bool {
        guard let region else { return false }
        if target > row { return row > region.upperBound || target <= region.upperBound }
        return row < region.lowerBound || target >= region.lowerBound
    }

    /// Whether a line feed on `row` only moves the cursor down: not at the bottom of the
    /// scroll region (it would scroll), and the region known.
    private func lineFeedMovesDown(from row: Int) -> Bool {
        guard let region else { return false }
        return row != region.upperBound && row < rows - 1
    }

    /// The length of `csi(count, _)`.
    private static func csiLength(_ count: Int) -> Int {
        var length = 3
        if count != 1 {
            var rest = count
            repeat {
                length += 1
                rest /= 10
            } while rest > 0
        }
        return length
    }

    /// `ESC [ n final`, with n left out when it is 1 (the default).
    private static func csi(_ count: Int, _ final: Character) -> [UInt8] {
        [0x1B, 0x5B] + (count == 1 ? [] : Array(String(count).utf8)) + [final.asciiValue!]
    }

    // MARK: - Attributes

    private mutating func pen(for style: Style) -> Pen {
        // Neighbouring cells mostly share a style: the last answer saves a dictionary lookup.
        if style == lastStyle { return lastPen }
        let pen = pens[style] ?? Pen(theme.appearance(for: style), palette: features.palette)
        pens[style] = pen
        (lastStyle, lastPen) = (style, pen)
        return pen
    }

    /// Changes the SGR state to `wanted`: only what differs, or a reset and all of `wanted`,
    /// whichever is shorter.
    private mutating func setPen(_ wanted: Pen) {
        guard pen != wanted else { return }
        let transition = PenTransition(from: pen, to: wanted)
        if let sequence = transitions[transition] {
            output += sequence
        } else {
            var sequence = wanted.fullSequence
            if let current = pen {
                let changes = current.changes(to: wanted)
                if changes.count < sequence.count { sequence = changes }
            }
            transitions[transition] = sequence
            output += sequence
        }
        pen = wanted
    }
}

/// Where the cursor is; nil when unknown (a column is also unknown after writing the last
/// one, where the cursor waits to wrap).
private struct Cursor: Equatable {
    var row: Int?
    var column: Int?
}

/// A change of SGR state: from `from` (nil when unknown) to `to`.
private struct PenTransition: Hashable {
    var from: Pen?
    var to: Pen
}

private struct GlyphKey: Hashable {
    var text: String
    var width: Int
}

/// SGR state: attributes and colours (-1: the terminal's default colour).
struct Pen: Equatable, Hashable {
    var bold = false
    var dim = false
    var underline = false
    var reverse = false
    var foreground: Int16 = -1
    var background: Int16 = -1

    static let plain = Pen()

    /// Whether cells erased (EL, ECH) in this state look like blank plain cells. Terminals
    /// give an erased cell the current background colour (`bce`), and some also reverse
    /// video (the Linux console) or every attribute (kitty), of which only underline and
    /// reverse show on a blank.
    var erasesToBlank: Bool { !underline && !reverse && background < 0 }

    init() {}

    init(_ appearance: Appearance, palette: TerminalPalette) {
        bold = appearance.bold
        dim = appearance.dim
        underline = appearance.underline
        reverse = appearance.reverse
        if palette.colorCount > 0 {
            foreground = palette.number(for: appearance.foreground, isForeground: true)
            background = palette.number(for: appearance.background, isForeground: false)
        }
    }

    /// `ESC [ 0 ; … m`: a reset, then everything this pen has.
    var fullSequence: [UInt8] {
        var parameters: [String] = []
        if bold { parameters.append("1") }
        if dim { parameters.append("2") }
        if underline { parameters.append("4") }
        if reverse { parameters.append("7") }
        if foreground >= 0 { parameters.append(Self.colorParameter(foreground, base: 30)) }
        if background >= 0 { parameters.append(Self.colorParameter(background, base: 40)) }
        return Self.sgr(parameters.isEmpty ? [] : ["0"] + parameters)
    }

    /// The SGR sequence that turns `self` into `wanted` without a reset.
    func changes(to wanted: Pen) -> [UInt8] {
        var parameters: [String] = []
        // 22 ends both bold and faint; whichever stays is set again.
        let normalIntensity = (bold && !wanted.bold) || (dim && !wanted.dim)
        if normalIntensity { parameters.append("22") }
        if wanted.bold && (!bold || normalIntensity) { parameters.append("1") }
        if wanted.dim && (!dim || normalIntensity) { parameters.append("2") }
        if underline != wanted.underline { parameters.append(wanted.underline ? "4" : "24") }
        if reverse != wanted.reverse { parameters.append(wanted.reverse ? "7" : "27") }
        if foreground != wanted.foreground { parameters.append(Self.colorParameter(wanted.foreground, base: 30)) }
        if background != wanted.background { parameters.append(Self.colorParameter(wanted.background, base: 40)) }
        return Self.sgr(parameters)
    }

    /// 30–37 (40–47) for the basic colours, 90–97 (100–107) for the bright ones, 38;5;n
    /// (48;5;n) for the rest of the palette, 39 (49) for the default.
    private static func colorParameter(_ color: Int16, base: Int) -> String {
        switch color {
        case ..<0: return String(base + 9)
        case 0..<8: return String(base + Int(color))
        case 8..<16: return String(base + 60 + Int(color) - 8)
        default: return "\(base + 8);5;\(color)"
        }
    }

    private static func sgr(_ parameters: [String]) -> [UInt8] {
        [0x1B, 0x5B] + Array(parameters.joined(separator: ";").utf8) + [0x6D]
    }
}
