import Content

/// A row of a list pane (outline, cross-links, backlinks): styled text, and where Enter on it
/// leads. Rows without a target are headings or detail lines, which selection skips.
public struct ListRow: Equatable, Sendable {
    public var spans: [TextSpan]
    public var target: Target?
    public var indent: Int
    /// Detail rows (rationale, evidence) and a pane's message (nothing to list) wrap to the
    /// pane; others are cut with "…".
    public var wraps: Bool
    /// Rows with a target are selectable; so are rows that stand for something to act on
    /// even without a place to go (an orphaned bookmark, which can still be deleted).
    public var isSelectable: Bool
    /// How many of the last spans stay in view when the row is cut: the text before them
    /// takes the "…" (a bookmarked section's ★ must show however long its heading).
    public var keptAtEnd: Int
    /// For a wrapping row too long for its lines: the span that stays in view (a detected
    /// link's mention in its evidence). The span before it gives way from its start, with
    /// "…", as grep shows a match in a long line; the text after it is cut at the end as usual.
    public var keptSpan: Int?
    /// The row says more of the one above it (a link's type and evidence, a bookmark's note and
    /// date): the two are one entry, and a pane's view never starts between them.
    public var isDetail = false
    /// A detail row shown whole however many lines it takes: a curated link's rationale,
    /// short authored prose whose point is often at its end (cut to three rows, the Rojava
    /// one ended "which gre…"). Other detail rows (evidence, a bookmark's note) are
    /// cut to `ListLayout.maxDetailLines`.
    public var showsWhole = false

    public init(_ spans: [TextSpan], target: Target? = nil, indent: Int = 0, wraps: Bool = false, selectable: Bool? = nil,
                keptAtEnd: Int = 0) {
        self.spans = spans
        self.target = target
        self.indent = indent
        self.wraps = wraps
        self.isSelectable = selectable ?? (target != nil)
        self.keptAtEnd = keptAtEnd
    }

    /// A detail row of the row above: wrapped to the pane, not selectable; `kept` is its
    /// `keptSpan`, `whole` its `showsWhole`.
    public static func detail(_ spans: [TextSpan], indent: Int = 4, keeping kept: Int? = nil, whole: Bool = false) -> ListRow {
        var row = ListRow(spans, indent: indent, wraps: true)
        row.isDetail = true
        row.keptSpan = kept
        row.showsWhole = whole
        return row
    }
}

extension Array where Element == ListRow {
    /// The selectable row nearest to `index` in `direction` (+1 down, -1 up), or nil.
    func selectableRow(from index: Int, direction: Int) -> Int? {
        var cursor = index
        while cursor >= 0 && cursor < count {
            if self[cursor].isSelectable { return cursor }
            cursor += direction
        }
        return nil
    }

    var firstSelectable: Int? { selectableRow(from: 0, direction: 1) }
    var lastSelectable: Int? { selectableRow(from: count - 1, direction: -1) }

    /// `selection` if it is a selectable row, else the nearest one below, else above.
    func validSelection(_ selection: Int) -> Int? {
        let clamped = Swift.min(Swift.max(selection, 0), Swift.max(count - 1, 0))
        return selectableRow(from: clamped, direction: 1) ?? selectableRow(from: clamped, direction: -1)
    }
}

/// A list pane's rows laid out at a width: wrapping rows take several lines. Selection and
/// scroll are kept as row indices, which do not change with the width.
struct ListLayout {
    static let maxDetailLines = 3
    /// A rationale's bound (`showsWhole`): what a side pane at 80×24 shows below its entry's
    /// row. The list pages from entry to entry, so the rows of one taller than the pane could
    /// never be reached; the topic card and `seealso links` have it whole.
    static let maxRationaleLines = 12

    /// For each line, the row it belongs to and its spans (indent included).
    let lines: [(row: Int, spans: [TextSpan])]
    /// The first line of each row.
    let rowStart: [Int]
    /// Whether each row is a detail of the row above (`ListRow.isDetail`): the view's top row
    /// is never one, so that an entry is not cut in half at the top of the pane.
    let isDetail: [Bool]

    /// `height`: the pane's rows. An entry's detail takes two fewer at most, so that the entry
    /// and its group's heading show with it (QA 30: at 40×12 a twelve-row rationale ran past
    /// the pane, cut without "…", and the rest could not be reached).
    init(rows: [ListRow], width: Int, height: Int = .max) {
        var lines: [(row: Int, spans: [TextSpan])] = []
        var rowStart: [Int] = []
        isDetail = rows.enumerated().map { $0.offset > 0 && $0.element.isDetail }
        for (index, row) in rows.enumerated() {
            rowStart.append(lines.count)
            let indent = TextSpan(String(repeating: " ", count: row.indent))
            if row.wraps {
                let spans = row.keptSpan.map { Self.spans(row.spans, keeping: $0, width: width - row.indent) } ?? row.spans
                let block = ReaderBlock(spans: spans, prefix: nil, indent: row.indent, spacingBefore: 0,
                                        section: 0, item: nil, sourceLine: nil)
                var wrapped = ReaderLayout.wrap(block, width: width)
                // Long evidence stays readable in a side pane: the topic card has it whole. A
                // message is shown whole: it is all the pane says, and ends with the name it
                // is about; a rationale (`showsWhole`) is, up to a pane's height.
                let limit = min(row.showsWhole ? Self.maxRationaleLines : Self.maxDetailLines, max(height - 2, 1))
                if row.isDetail, wrapped.count > limit {
                    wrapped = Array(wrapped.prefix(limit))
                    var last = wrapped[wrapped.count - 1]
                    let used = last.reduce(0) { $0 + $1.text.displayWidth }
                    if used >= width {
                        last = Self.withoutLastWord(last) ?? last.dropLast() + last.suffix(1).map { final in
                            TextSpan(String(final.text.truncated(toWidth: max(final.text.displayWidth - 1, 0), ellipsis: "")), final.style)
                        }
                    }
                    last.append(TextSpan("…", Style(.dim)))
                    wrapped[wrapped.count - 1] = last
                }
                for line in wrapped { lines.append((index, line)) }
            } else {
                lines.append((index, [indent] + row.spans))
            }
        }
        self.lines = lines
        self.rowStart = rowStart
    }

    /// A full last line of a cut detail without its last word and the space before it, for
    /// the "…" to follow a whole word (QA 35: "which saw the genera…"); nil when the line has
    /// no space, or its last word is not all of one style with the space (a mention is styled
    /// apart, and stays: the line then loses a character instead).
    static func withoutLastWord(_ line: [TextSpan]) -> [TextSpan]? {
        guard let spanIndex = line.lastIndex(where: { $0.text.contains(" ") }) else { return nil }
        let span = line[spanIndex]
        guard line[(spanIndex + 1)...].allSatisfy({ $0.style == span.style }) else { return nil }
        let kept = span.text[..<span.text.lastIndex(of: " ")!]
        let before = Array(line[..<spanIndex]) + (kept.isEmpty ? [] : [TextSpan(String(kept), span.style)])
        return before.contains { !$0.text.allSatisfy { $0 == " " } } ? before : nil
    }

    /// `spans` cut so that span `kept` shows in `maxDetailLines` lines of `width` columns:
    /// unchanged where it shows already; else the span before it starts later, after "…",
    /// leaving out as few words as end `kept` on the line before the last (so that the last
    /// shows what follows it), or failing that on the last line, or else all of them.
    static func spans(_ spans: [TextSpan], keeping kept: Int, width: Int) -> [TextSpan] {
        guard kept > 0, kept < spans.count, width > 1,
              !shows(kept, of: spans, inLines: maxDetailLines, width: width) else { return spans }
        let before = spans[kept - 1].text
        let starts = before[...].wordStarts
        func cut(at start: String.Index) -> [TextSpan] {
            var cut = spans
            cut[kept - 1].text = "…" + before[start...]
            return cut
        }
        for lines in [maxDetailLines - 1, maxDetailLines] {
            // The fewer words left out, the later `kept` ends: the first start that shows it,
            // by bisection (a long sentence has a hundred words).
            let first = starts.partitioningIndex { shows(kept, of: cut(at: $0), inLines: lines, width: width) }
            if first < starts.count { return cut(at: starts[first]) }
        }
        return cut(at: before.endIndex)
    }

    /// Whether span `kept` of `spans` ends within the first `lines` lines of `width` columns,
    /// with room after it for the "…" that ends the last one when the text goes on.
    private static func shows(_ kept: Int, of spans: [TextSpan], inLines lines: Int, width: Int) -> Bool {
        let text = spans.map(\.text).joined()
        let end = spans[...kept].reduce(0) { $0 + $1.text.utf8.count }
        let wrapped = TextWrapper.wrap(text, width: width)
        let utf8 = text.utf8
        guard let line = wrapped.firstIndex(where: { utf8.distance(from: utf8.startIndex, to: $0.range.upperBound) >= end }),
              line < lines else { return false }
        guard line == maxDetailLines - 1, wrapped.count > maxDetailLines else { return true }
        let through = text[wrapped[line].range.lowerBound..<utf8.index(utf8.startIndex, offsetBy: end)]
        return through.displayWidth < width
    }

    /// `entry` as the top row, or the rows right above it that head its group (a header, the
    /// blank row before it) when they fit in `height` lines with it: moving up into a group
    /// shows its header, as scrolling up does. Once scrolled past, the list's first header
    /// came back only with `g` (QA 23).
    func withHeader(_ entry: Int, in rows: [ListRow], height: Int) -> Int {
        var top = entry
        while top > 0, !rows[top - 1].isSelectable, !isDetail[top - 1] { top -= 1 }
        let last = lastLine(ofEntry: entry, in: rows)
        return last - rowStart[top] < height ? top : entry
    }

    /// The last line of `row` and of the detail rows that follow it: not the next group's
    /// blank row and heading, which are unselectable too (QA 31: counted in, they made an
    /// entry sized to fit with its own heading too tall for it, and its heading never showed).
    func lastLine(ofEntry row: Int, in rows: [ListRow]) -> Int {
        var end = row + 1
        while end < rows.count, !rows[end].isSelectable, isDetail[end] { end += 1 }
        return (end < rowStart.count ? rowStart[end] : lines.count) - 1
    }

    /// The first row of the entry that holds `row`: `row`, or the row its details follow.
    func entryStart(_ row: Int) -> Int {
        var row = min(max(row, 0), rowStart.count - 1)
        while row > 0, isDetail[row] { row -= 1 }
        return row
    }

    /// The first row of the next entry after the one `row` starts; `rowStart.count` after the last.
    func nextEntry(after row: Int) -> Int {
        var next = row + 1
        while next < rowStart.count, isDetail[next] { next += 1 }
        return next
    }

    /// The first row of the entry before the one `row` starts.
    func previousEntry(before row: Int) -> Int { entryStart(row - 1) }

    /// `top` moved by `rows` rows, within the list and with no empty space below its end, on an
    /// entry's first row: a step into an entry's details goes on to the next entry down, or
    /// back to the entry's first row up.
    func top(_ top: Int, scrolledBy rows: Int, height: Int) -> Int {
        guard !rowStart.isEmpty else { return 0 }
        let moved = min(max(top + rows, 0), rowStart.count - 1)
        var top = rows > 0 && isDetail[moved] ? nextEntry(after: moved) : entryStart(moved)
        top = entryStart(min(top, rowStart.count - 1))
        while top > 0, lines.count - rowStart[top] < height { top = previousEntry(before: top) }
        return top
    }

    /// The top row moved just enough to show `row` and its details in `height` lines, on an
    /// entry's first row (the pane may then have an empty line at its bottom, or cut the last
    /// entry there, rather than start with the second half of one).
    func top(_ top: Int, toShow row: Int, in rows: [ListRow], height: Int) -> Int {
        guard !rowStart.isEmpty else { return 0 }
        var top = entryStart(top)
        let row = min(max(row, 0), rowStart.count - 1)
        if row < top { return withHeader(entryStart(row), in: rows, height: height) }
        let last = min(lastLine(ofEntry: row, in: rows), rowStart[row] + height - 1)
        while top < entryStart(row), last >= rowStart[top] + height { top = nextEntry(after: top) }
        // No empty space below the end of the list when scrolled down: an entry comes back
        // into view at the top only whole.
        while top > 0, lines.count - rowStart[previousEntry(before: top)] <= height { top = previousEntry(before: top) }
        return top
    }
}
