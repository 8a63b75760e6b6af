// seealso-bench: in-process measurements of the explorer's pure core (release build).
//
//   seealso-bench                      both tables below
//   seealso-bench timing [N]           (a) render + diff per frame, N iterations (default 2000)
//   seealso-bench updates [J] [P]      (b) the minimal update for J one-line and P page scrolls
//   seealso-bench tsv [J] [P]          (b) as tab-separated values, for scripts/bench-tui.sh
//   seealso-bench screen WxH[z] KEYS   the text of the frame after typing KEYS (each character
//                                      one key; " " is Space, CR Enter, TAB Tab, ESC Escape, DEL
//                                      Backspace), for comparing with a terminal
//   seealso-bench finding [N]          time per keystroke (update + render, 120×40) of the reader's
//                                      incremental search, and of the go-to finder over N article
//                                      titles (a folder of N articles; default 10000)
//   seealso-bench cold                 the start-up path in this fresh process, stage by stage:
//                                      load article, explorer + state, first frame, a warm frame (ms)
//   seealso-bench repeat load N        a fixed workload for a profiler: loading the bundled article
//   seealso-bench repeat start N       N times; the start-up path (load, state, first frame at 120×40);
//   seealso-bench repeat frames N [render|diff]
//                                      render + diff of N frames of the one-line scroll cycle at
//                                      200×60 (three columns), or either alone. Instruction counts
//                                      (`valgrind --tool=callgrind` on a copy made by `strip
//                                      --strip-debug`) compare two builds where times are too noisy;
//                                      subtract a run with N = 0 for the set-up
//
// Layouts are named WxH, with a trailing "z" for the zoomed reader (z pressed first).
// The minimal update is what any terminal update must send at least: the UTF-8 bytes of the
// cells that differ between two frames (cursor moves and colours not counted). For a reader
// that spans the full width, the terminal's scroll region can move rows instead of
// rewriting them; "floor with scroll" is then the bytes of the cells that still differ
// after the best shift of the reader's rows (the few bytes of the scroll itself not counted).

import Content
import Foundation
import TUI

// MARK: - Layouts and key sequences

struct LayoutSpec {
    var name: String
    var size: Size
    var zoomed: Bool

    init(_ name: String, _ width: Int, _ height: Int, zoomed: Bool = false) {
        self.name = name
        size = Size(width: width, height: height)
        self.zoomed = zoomed
    }

    /// "120x40" or "200x60z".
    init?(code: String) {
        var text = Substring(code)
        let zoomed = text.hasSuffix("z")
        if zoomed { text = text.dropLast() }
        let parts = text.split(whereSeparator: { $0 == "x" || $0 == "×" })
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]) else { return nil }
        self.init(code, width, height, zoomed: zoomed)
    }

    var code: String { "\(size.width)x\(size.height)\(zoomed ? "z" : "")" }
}

/// The layouts of the terminal measurements: one pane (<80 wide), reader + side pane,
/// three columns, and the zoomed (full-width) reader.
let updateLayouts = [
    LayoutSpec("one pane", 79, 24),
    LayoutSpec("reader+side", 80, 24),
    LayoutSpec("reader+side", 100, 30),
    LayoutSpec("three columns", 120, 40),
    LayoutSpec("three columns", 200, 60),
    LayoutSpec("zoomed reader", 200, 60, zoomed: true),
]

let timingLayouts = [
    LayoutSpec("reader+side", 80, 24),
    LayoutSpec("three columns", 120, 40),
    LayoutSpec("three columns", 200, 60),
    LayoutSpec("zoomed reader", 200, 60, zoomed: true),
]

/// What the backend uses on an ECMA-48 terminal (xterm-256color, the dark theme): the
/// encoder every measurement here writes frames with.
func xtermEncoder() -> ScreenEncoder {
    ScreenEncoder(features: .xterm, theme: .dark) { Character($0).displayWidth }
}

/// The start-up path of the explorer in a fresh process, stage by stage (each stage cold, as
/// at launch): `seealso-bench cold` prints one line of tab-separated milliseconds.
func coldStart() -> Never {
    let clock = ContinuousClock()
    func ms(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.2f", Double(seconds) * 1e3 + Double(attoseconds) / 1e15)
    }
    let start = clock.now
    guard let model = try? ArticleLoader.bundled() else { exit(1) }
    let loaded = clock.now
    let explorer = Explorer(model: model)
    let state = explorer.initialState(size: Size(width: 120, height: 40))
    let ready = clock.now
    let frame = explorer.render(state)
    var encoder = xtermEncoder()
    let bytes = encoder.encode(frame)
    let rendered = clock.now
    withExtendedLifetime(bytes) {}
    let again = explorer.render(state)
    let warm = clock.now
    withExtendedLifetime(again) {}
    print([ms(loaded - start), ms(ready - loaded), ms(rendered - ready), ms(warm - rendered)].joined(separator: "\t"))
    exit(0)
}
if CommandLine.arguments.dropFirst().first == "cold" { coldStart() }

/// `repeat load N` and `repeat start N`: see the header. (`repeat frames` needs the explorer below.)
func repeatStart(_ what: String, times: Int) -> Never {
    for _ in 0..<times {
        guard let model = try? ArticleLoader.bundled() else { exit(1) }
        guard what == "start" else { continue }
        let explorer = Explorer(model: model)
        let frame = explorer.render(explorer.initialState(size: Size(width: 120, height: 40)))
        var encoder = xtermEncoder()
        withExtendedLifetime(encoder.encode(frame)) {}
    }
    exit(0)
}
if CommandLine.arguments.dropFirst().first == "repeat", CommandLine.arguments.count > 3,
   ["load", "start"].contains(CommandLine.arguments[2]) {
    repeatStart(CommandLine.arguments[2], times: Int(CommandLine.arguments[3]) ?? 0)
}

let model: LinkedArticle
do {
    model = try ArticleLoader.bundled()
} catch {
    FileHandle.standardError.write(Data("seealso-bench: cannot load the bundled article: \(error)\n".utf8))
    exit(1)
}
let explorer = Explorer(model: model)

/// One key, as the terminal would deliver it: CR or LF is Enter, TAB is Tab, ESC is Escape,
/// DEL is Backspace; anything else is that character.
func press(_ character: Character, _ state: AppState) -> AppState {
    let key: Key = switch character {
    case "\r", "\n": .enter
    case "\t": .tab
    case "\u{1B}": .escape
    case "\u{7F}": .backspace
    default: .character(character)
    }
    return explorer.update(state, explorer.action(for: .key(key), in: state))
}

/// The state the program shows at start-up in this layout (zoomed: after `z`).
func startState(_ spec: LayoutSpec) -> AppState {
    let state = explorer.initialState(size: spec.size)
    return spec.zoomed ? press("z", state) : state
}

// MARK: - Timing

@inline(never) func consume<T>(_ value: T) { withExtendedLifetime(value) {} }

func microseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1e6 + Double(attoseconds) / 1e12
}

struct Percentiles {
    var median: Double
    var p95: Double
    var max: Double

    init(_ samples: [Duration]) {
        let sorted = samples.map(microseconds).sorted()
        median = sorted[sorted.count / 2]
        p95 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.95).rounded(.up)) - 1)]
        max = sorted.last!
    }
}

/// States one `j` apart: from the top down to the last scroll position and back, so that
/// every consecutive pair (and the wrap-around) is a one-line scroll.
func oneLineScrollCycle(_ spec: LayoutSpec) -> [AppState] {
    var state = startState(spec)
    var down = [state]
    while down.count < 5000 {
        let next = press("j", state)
        if explorer.readerTopLine(next) == explorer.readerTopLine(state) { break }
        down.append(next)
        state = next
    }
    // Back up through the same states (not with `k`: every pair stays one `j` apart).
    return down + down.dropFirst().dropLast().reversed()
}

struct TimingRow {
    var spec: LayoutSpec
    var renderDiff: Percentiles
    var render: Percentiles
    var diff: Percentiles
    var update: Percentiles
    var cycleLength: Int
}

func timing(_ spec: LayoutSpec, iterations: Int) -> TimingRow {
    let clock = ContinuousClock()
    let cycle = oneLineScrollCycle(spec)
    // What the backend does with each frame on an ECMA-48 terminal: the bytes of what changed.
    var encoder = xtermEncoder()
    // Warm up: caches (reader layout per width), allocator, branch predictors.
    for index in 0..<min(200, iterations) {
        consume(encoder.encode(explorer.render(cycle[index % cycle.count])))
    }
    var total: [Duration] = [], renders: [Duration] = [], diffs: [Duration] = [], updates: [Duration] = []
    total.reserveCapacity(iterations)
    for index in 0..<iterations {
        let state = cycle[index % cycle.count]
        let start = clock.now
        let frame = explorer.render(state)
        let rendered = clock.now
        let bytes = encoder.encode(frame)
        let end = clock.now
        consume(bytes)
        total.append(end - start)
        renders.append(rendered - start)
        diffs.append(end - rendered)
    }
    // The update that produces the next state (one `j`), for the whole key-to-frame path.
    let action = explorer.action(for: .key(.character("j")))
    for index in 0..<iterations {
        let state = cycle[index % (cycle.count / 2)]
        let start = clock.now
        let next = explorer.update(state, action)
        updates.append(clock.now - start)
        consume(next)
    }
    return TimingRow(spec: spec, renderDiff: Percentiles(total), render: Percentiles(renders),
                     diff: Percentiles(diffs), update: Percentiles(updates), cycleLength: cycle.count)
}

// MARK: - The minimal update

struct UpdateCost {
    var cells = 0
    var bytes = 0
    /// `bytes` plus the cheapest way to reach each changed run: a cursor address, or the
    /// gap's own cells when the run follows another on the same row.
    var bytesWithMoves = 0
    /// With the reader's rows moved by the terminal's scroll region; nil when the reader does
    /// not span the full width (a scroll region cannot move half a row).
    var scrollCells: Int?
    var scrollBytes: Int?

    static func + (lhs: UpdateCost, rhs: UpdateCost) -> UpdateCost {
        UpdateCost(cells: lhs.cells + rhs.cells, bytes: lhs.bytes + rhs.bytes,
                   bytesWithMoves: lhs.bytesWithMoves + rhs.bytesWithMoves,
                   scrollCells: lhs.scrollCells.flatMap { a in rhs.scrollCells.map { a + $0 } },
                   scrollBytes: lhs.scrollBytes.flatMap { a in rhs.scrollBytes.map { a + $0 } })
    }
}

/// Cells and UTF-8 bytes of what `frame` changes from `previous`, as the backend writes
/// them (`changes(from:)`: a wide character counts once, its continuation cell adds nothing).
func changedCells(_ frame: CellBuffer, from previous: CellBuffer) -> (cells: Int, bytes: Int, moves: Int) {
    var cells = 0, bytes = 0, moves = 0
    var last: (y: Int, end: Int)?
    for run in frame.changes(from: previous) {
        // CUP "ESC [ row ; col H" (ESC [ row H for column 1), 1-based.
        let address = 3 + String(run.y + 1).count + (run.x == 0 ? 0 : 1 + String(run.x + 1).count)
        if let last, last.y == run.y {
            let gap = (last.end..<run.x).reduce(0) { $0 + frame[$1, run.y].text.utf8.count }
            moves += min(address, gap)
        } else {
            moves += address
        }
        for cell in run.cells where !cell.isContinuation {
            cells += 1
            bytes += cell.text.utf8.count
        }
        last = (run.y, run.x + run.cells.count)
    }
    return (cells, bytes, moves)
}

/// The cost after the best vertical shift of `rows` (a full-width scroll region): rows
/// scrolled in are blank, every other cell that still differs is written.
func scrolledCost(_ frame: CellBuffer, from previous: CellBuffer, rows: Range<Int>) -> (cells: Int, bytes: Int) {
    func rowCost(_ y: Int, against oldY: Int?) -> (cells: Int, bytes: Int) {
        var cells = 0, bytes = 0
        for x in 0..<frame.width {
            let new = frame[x, y]
            let old = oldY.map { previous[x, $0] } ?? .blank
            if new != old, !new.isContinuation {
                cells += 1
                bytes += new.text.utf8.count
            }
        }
        return (cells, bytes)
    }
    var best: (cells: Int, bytes: Int)?
    for shift in -(rows.count - 1)...(rows.count - 1) {
        var cost = (cells: 0, bytes: 0)
        for y in 0..<frame.height {
            let oldY: Int?
            if rows.contains(y) {
                oldY = rows.contains(y + shift) ? y + shift : nil
            } else {
                oldY = y
            }
            let row = rowCost(y, against: oldY)
            cost.cells += row.cells
            cost.bytes += row.bytes
        }
        if best == nil || cost.bytes < best!.bytes { best = cost }
    }
    return best!
}

func updateCost(from state: AppState, to next: AppState) -> UpdateCost {
    let old = explorer.render(state), new = explorer.render(next)
    let changed = changedCells(new, from: old)
    var cost = UpdateCost(cells: changed.cells, bytes: changed.bytes, bytesWithMoves: changed.bytes + changed.moves)
    if let reader = next.layout.rect(of: .reader), reader.x == 0, reader.width == next.size.width,
       state.layout.rect(of: .reader) == reader {
        // The reader's text rows, under its title bar.
        let scrolled = scrolledCost(new, from: old, rows: (reader.y + 1)..<reader.maxY)
        cost.scrollCells = scrolled.cells
        cost.scrollBytes = scrolled.bytes
    }
    return cost
}

struct UpdateRow {
    var spec: LayoutSpec
    var line: UpdateCost   // mean per `j`
    var page: UpdateCost   // mean per Space
    var lines: Int
    var pages: Int
    var frameBytes: Int    // a full repaint's text bytes, for scale
}

/// `lines` presses of `j` from the start, and (again from the start) up to `pages` presses of
/// Space: the keys the terminal measurement sends. Returns the totals. Page scrolls stop
/// before one that would move less than a full page (the end of the article: at 200 columns
/// it has few pages), so that every page counted is a full one.
func updates(_ spec: LayoutSpec, lines: Int, pages: Int) -> UpdateRow {
    var state = startState(spec)
    var lineTotal = UpdateCost(scrollCells: 0, scrollBytes: 0), pageTotal = UpdateCost(scrollCells: 0, scrollBytes: 0)
    for _ in 0..<lines {
        let next = press("j", state)
        lineTotal = lineTotal + updateCost(from: state, to: next)
        state = next
    }
    state = startState(spec)
    var pagesDone = 0
    var fullPage: Int?
    for _ in 0..<pages {
        let next = press(" ", state)
        let moved = explorer.readerTopLine(next) - explorer.readerTopLine(state)
        // A page can move one line more than the first (a blank spacing line is never the
        // top line), never less unless the end of the article stopped it.
        guard moved > 0, moved >= fullPage ?? moved else { break }
        fullPage = fullPage ?? moved
        pageTotal = pageTotal + updateCost(from: state, to: next)
        state = next
        pagesDone += 1
    }
    let frame = explorer.render(startState(spec))
    let frameBytes = (0..<frame.height).reduce(0) { $0 + frame.row($1).utf8.count }
    return UpdateRow(spec: spec, line: lineTotal, page: pageTotal, lines: lines, pages: pagesDone, frameBytes: frameBytes)
}

// MARK: - Output

func table(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
    let columns = rows.map(\.count).max() ?? 0
    let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
    var lines: [String] = []
    for (index, row) in rows.enumerated() {
        lines.append(row.enumerated().map { column, cell in
            let pad = String(repeating: " ", count: widths[column] - cell.count)
            return rightAligned.contains(column) ? pad + cell : cell + pad
        }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
        if index == 0 { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
    }
    return lines.joined(separator: "\n")
}

func f(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }

func mean(_ total: Int, _ count: Int) -> String { count == 0 ? "-" : f(Double(total) / Double(count)) }

func printTiming(iterations: Int) {
    print("(a) render + diff of one frame for a one-line scroll (j), release, \(iterations) iterations, µs")
    print("    render = Explorer.render(state) into a CellBuffer; diff = ScreenEncoder.encode(frame): what differs from the")
    print("    previous frame, as the bytes the backend writes (scrolls found, cursor moves and attributes chosen);")
    print("    update = Explorer.update(state, j), timed separately. Target: render + diff < 1000 µs at 200×60.")
    print("")
    var rows = [["layout", "size", "render+diff median", "p95", "max", "render median", "diff median", "update median", "update p95"]]
    var verdict: String?
    for spec in timingLayouts {
        let row = timing(spec, iterations: iterations)
        rows.append([spec.name, "\(spec.size.width)×\(spec.size.height)", f(row.renderDiff.median), f(row.renderDiff.p95),
                     f(row.renderDiff.max), f(row.render.median), f(row.diff.median), f(row.update.median), f(row.update.p95)])
        if spec.size == Size(width: 200, height: 60), !spec.zoomed {
            let met = row.renderDiff.median < 1000
            verdict = "TARGET render+diff at 200×60 < 1 ms: median \(f(row.renderDiff.median / 1000, 3)) ms, p95 \(f(row.renderDiff.p95 / 1000, 3)) ms"
                + " — \(met ? "met" : "NOT met") (\(f(row.renderDiff.median / 1000, 2))× the budget)"
        }
    }
    print(table(rows, rightAligned: Set(2...8)))
    if let verdict { print(""); print(verdict) }
}

func printUpdates(lines: Int, pages: Int) {
    print("(b) the minimal update: mean per key over \(lines) × j from the start, and up to \(pages) × Space from the start (full pages only)")
    print("    cells/bytes = cells that differ between the frames and their UTF-8 bytes (no cursor moves, no colours);")
    print("    + moves = the same plus the cheapest way to reach each changed run (a cursor address, or rewriting the gap);")
    print("    with scroll = the same after moving the reader's rows with a scroll region (full-width reader only).")
    print("")
    var rows = [["layout", "size", "j cells", "j bytes", "j + moves", "j with scroll", "Space cells", "Space bytes", "Space + moves",
                 "Space with scroll", "Spaces", "full frame bytes"]]
    for spec in updateLayouts {
        let row = updates(spec, lines: lines, pages: pages)
        rows.append([spec.name, "\(spec.size.width)×\(spec.size.height)",
                     mean(row.line.cells, lines), mean(row.line.bytes, lines), mean(row.line.bytesWithMoves, lines),
                     row.line.scrollBytes.map { mean($0, lines) } ?? "-",
                     mean(row.page.cells, row.pages), mean(row.page.bytes, row.pages), mean(row.page.bytesWithMoves, row.pages),
                     row.page.scrollBytes.map { mean($0, row.pages) } ?? "-", "\(row.pages)", "\(row.frameBytes)"])
    }
    print(table(rows, rightAligned: Set(2...11)))
}

/// One line per layout: code, name, then mean cells and bytes per j and per Space, and the
/// scroll-region floor (or -).
func printTSV(lines: Int, pages: Int) {
    print(["layout", "name", "j_cells", "j_bytes", "j_scroll_bytes", "space_cells", "space_bytes", "space_scroll_bytes", "lines", "pages",
           "frame_bytes", "j_moves_bytes", "space_moves_bytes"]
        .joined(separator: "\t"))
    for spec in updateLayouts {
        let row = updates(spec, lines: lines, pages: pages)
        print([spec.code, spec.name, mean(row.line.cells, lines), mean(row.line.bytes, lines),
               row.line.scrollBytes.map { mean($0, lines) } ?? "-",
               mean(row.page.cells, row.pages), mean(row.page.bytes, row.pages),
               row.page.scrollBytes.map { mean($0, row.pages) } ?? "-", "\(row.lines)", "\(row.pages)",
               "\(row.frameBytes)", mean(row.line.bytesWithMoves, lines), mean(row.page.bytesWithMoves, row.pages)].joined(separator: "\t"))
    }
}

// MARK: - Finding

/// Milliseconds per keystroke (update + render) while typing `text` into whatever `open` opened.
func keystrokeTimes(_ explorer: Explorer, open: Key, text: String) -> [Double] {
    var state = explorer.update(explorer.initialState(size: Size(width: 120, height: 40)), explorer.action(for: .key(open)))
    var times: [Double] = []
    let clock = ContinuousClock()
    for character in text {
        let elapsed = clock.measure {
            state = explorer.update(state, explorer.action(for: .key(.character(character)), in: state))
            _ = explorer.render(state)
        }
        times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
    }
    return times
}

func printFinding(titles count: Int) {
    let model = try! ArticleLoader.bundled()
    let titles = (0..<count).map { "Dual power \($0)" }
    let folder = Explorer(model: model, neighbours: Neighbours(titles: titles))
    func report(_ name: String, _ times: [Double]) {
        let sorted = times.sorted()
        print(name.padding(toLength: 44, withPad: " ", startingAt: 0),
              String(format: "median %7.3f ms   max %7.3f ms   (%d keys)", sorted[sorted.count / 2], sorted.last!, times.count))
    }
    report("reader search, bundled article", keystrokeTimes(Explorer(model: model), open: .character("/"), text: "Kornilov affair"))
    report("go-to finder, \(count) article titles", keystrokeTimes(folder, open: .character(":"), text: "dual power 9517"))
}

// MARK: - Main

let arguments = Array(CommandLine.arguments.dropFirst())
func argument(_ index: Int, default value: Int) -> Int {
    index < arguments.count ? Int(arguments[index]) ?? value : value
}

switch arguments.first {
case nil:
    printTiming(iterations: 2000)
    print("")
    printUpdates(lines: 10, pages: 5)
case "repeat" where CommandLine.arguments.count > 3 && CommandLine.arguments[2] == "frames":
    let cycle = oneLineScrollCycle(LayoutSpec("three columns", 200, 60))
    let part = CommandLine.arguments.count > 4 ? CommandLine.arguments[4] : "both"
    // For `diff` alone, the frames are rendered first, and so shared with the encoder, which
    // then copies the one it scrolls: compare `diff` runs with `diff` runs only.
    let frames = part == "diff" ? cycle.map { explorer.render($0) } : []
    var encoder = xtermEncoder()
    for index in 0..<(Int(CommandLine.arguments[3]) ?? 0) {
        let state = cycle[index % cycle.count]
        switch part {
        case "render": consume(explorer.render(state))
        case "diff": consume(encoder.encode(frames[index % cycle.count]))
        default: consume(encoder.encode(explorer.render(state)))
        }
    }
case "timing":
    printTiming(iterations: argument(1, default: 2000))
case "updates":
    printUpdates(lines: argument(1, default: 10), pages: argument(2, default: 5))
case "tsv":
    printTSV(lines: argument(1, default: 10), pages: argument(2, default: 5))
case "finding":
    printFinding(titles: argument(1, default: 10000))
case "screen":
    guard arguments.count >= 2, let spec = LayoutSpec(code: arguments[1]) else {
        FileHandle.standardError.write(Data("usage: seealso-bench screen WxH[z] [KEYS]\n".utf8))
        exit(64)
    }
    var state = startState(spec)
    for character in (arguments.count > 2 ? arguments[2] : "") { state = press(character, state) }
    print(explorer.render(state).text)
default:
    FileHandle.standardError.write(Data("usage: seealso-bench [timing [N] | updates [J] [P] | tsv [J] [P] | finding [N] | screen WxH[z] KEYS | cold | repeat load|start|frames N]\n".utf8))
    exit(64)
}
