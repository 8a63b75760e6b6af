/// A row of a list pane (outline, cross-links, backlinks): styled text, and where Enter on it
/// leads. Rows without a target are headings or detail lines, which selection skips.
public struct ListRow: Equatable, Sendable {
    public var spans: [TextSpan]
    public var target: Target?
    public var indent: Int
    /// Detail rows (rationale, evidence) wrap to the pane; others are cut with "…".
    public var wraps: Bool
    /// Rows with a target are selectable; so are rows that stand for something to act on
    /// even without a place to go (an orphaned bookmark, which can still be deleted).
    public var isSelectable: Bool
    /// How many of the last spans stay in view when the row is cut: the text before them
    /// takes the "…" (a bookmarked section's ★ must show however long its heading).
    public var keptAtEnd: Int

    public init(_ spans: [TextSpan], target: Target? = nil, indent: Int = 0, wraps: Bool = false, selectable: Bool? = nil,
                keptAtEnd: Int = 0) {
        self.spans = spans
        self.target = target
        self.indent = indent
        self.wraps = wraps
        self.isSelectable = selectable ?? (target != nil)
        self.keptAtEnd = keptAtEnd
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

    /// For each line, the row it belongs to and its spans (indent included).
    let lines: [(row: Int, spans: [TextSpan])]
    /// The first line of each row.
    let rowStart: [Int]

    init(rows: [ListRow], width: Int) {
        var lines: [(row: Int, spans: [TextSpan])] = []
        var rowStart: [Int] = []
        for (index, row) in rows.enumerated() {
            rowStart.append(lines.count)
            let indent = TextSpan(String(repeating: " ", count: row.indent))
            if row.wraps {
                let block = ReaderBlock(spans: row.spans, prefix: nil, indent: row.indent, spacingBefore: 0,
                                        section: 0, item: nil, sourceLine: nil)
                var wrapped = ReaderLayout.wrap(block, width: width)
                if wrapped.count > Self.maxDetailLines {
                    // Long evidence stays readable in a side pane: the topic card has it whole.
                    wrapped = Array(wrapped.prefix(Self.maxDetailLines))
                    var last = wrapped[wrapped.count - 1]
                    let used = last.reduce(0) { $0 + $1.text.displayWidth }
                    if used >= width, let final = last.popLast() {
                        last.append(TextSpan(String(final.text.truncated(toWidth: max(final.text.displayWidth - 1, 0), ellipsis: "")), final.style))
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

    /// The last line of `row` and of the unselectable detail rows that follow it.
    func lastLine(ofEntry row: Int, in rows: [ListRow]) -> Int {
        var end = row + 1
        while end < rows.count, !rows[end].isSelectable { end += 1 }
        return (end < rowStart.count ? rowStart[end] : lines.count) - 1
    }

    /// `top` moved by `rows` rows, within the list and with no empty space below its end.
    func top(_ top: Int, scrolledBy rows: Int, height: Int) -> Int {
        guard !rowStart.isEmpty else { return 0 }
        var top = min(max(top + rows, 0), rowStart.count - 1)
        while top > 0, lines.count - rowStart[top] < height { top -= 1 }
        return top
    }

    /// The top row moved just enough to show `row` and its details in `height` lines.
    func top(_ top: Int, toShow row: Int, in rows: [ListRow], height: Int) -> Int {
        guard !rowStart.isEmpty else { return 0 }
        var top = min(max(top, 0), rowStart.count - 1)
        let row = min(max(row, 0), rowStart.count - 1)
        if row < top { return row }
        let last = min(lastLine(ofEntry: row, in: rows), rowStart[row] + height - 1)
        while top < row, last >= rowStart[top] + height { top += 1 }
        // No empty space below the end of the list when scrolled down.
        while top > 0, lines.count - rowStart[top - 1] <= height { top -= 1 }
        return top
    }
}
