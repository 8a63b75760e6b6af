/// Paging a list pane whose entries take several lines (a link's name, its type, its wrapped
/// evidence): by what the pane shows, as less and vim page by screen lines, not by rows (a
/// page of rows skipped the entries below the screen, never shown).
extension ListLayout {
    /// The last line of the entry that starts at `row`: its details, but not a group's heading
    /// after it (which `lastLine(ofEntry:in:)` counts in, to scroll it into view with the entry).
    func lastLine(ofEntryAt row: Int) -> Int {
        let next = nextEntry(after: row)
        return (next < rowStart.count ? rowStart[next] : lines.count) - 1
    }

    /// The first row of the page after the one shown from `top` in `height` lines: the first
    /// entry not wholly shown (one cut at the bottom comes whole at the top), or the entry after
    /// `top` when that one is taller than the pane. Nil when the page shows the end of the list.
    func nextPage(from top: Int, height: Int) -> Int? {
        guard !rowStart.isEmpty else { return nil }
        let top = entryStart(top)
        var entry = top
        while entry < rowStart.count, lastLine(ofEntryAt: entry) < rowStart[top] + height { entry = nextEntry(after: entry) }
        if entry == top { entry = nextEntry(after: top) }
        return entry < rowStart.count ? entry : nil
    }

    /// The first row of the page before the one shown from `top`: as many whole entries above
    /// `top` as `height` lines hold (at least one). Nil at the top of the list.
    func previousPage(from top: Int, height: Int) -> Int? {
        guard !rowStart.isEmpty else { return nil }
        let top = entryStart(top)
        guard top > 0 else { return nil }
        var first = previousEntry(before: top)
        while first > 0, rowStart[top] - rowStart[previousEntry(before: first)] <= height { first = previousEntry(before: first) }
        return first
    }

    /// The first row of the entry `lines` screen lines below (or above, when negative) the start
    /// of the entry holding `row`: at least the next (or previous) entry, within the list.
    func entry(movedBy lines: Int, from row: Int) -> Int {
        guard !rowStart.isEmpty else { return 0 }
        let start = entryStart(row)
        let line = min(max(rowStart[start] + lines, 0), self.lines.count - 1)
        let landed = entryStart(self.lines[line].row)
        if lines > 0, landed <= start { return min(nextEntry(after: start), entryStart(rowStart.count - 1)) }
        if lines < 0, landed >= start { return start > 0 ? previousEntry(before: start) : 0 }
        return landed
    }
}
