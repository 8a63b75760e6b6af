import Foundation
import Testing
@testable import TUI
import Content

/// A click focuses the pane under it and selects the row or link clicked; only a click on the
/// selection of the pane that had the focus already follows it, as lazygit's lists do
/// (`ListController.HandleClick`). An unfocused pane's selection is marked too, and one click
/// on it followed it at once (QA: from the reader, a click on the cross-links' selected topic
/// opened it; so did one on the reader's selected link, and on the outline's highlighted row).
@Suite("A click on a pane")
struct PaneClickTests: KeyDriven {
    let explorer = Explorer(model: bundledModel, bookmarks: true)

    /// The size of QA's report.
    var start: AppState { explorer.initialState(size: Size(width: 120, height: 30)) }

    func click(_ state: AppState, _ cell: (x: Int, y: Int)) -> AppState {
        explorer.update(state, explorer.action(for: .mouse(MouseEvent(kind: .press, x: cell.x, y: cell.y)), in: state))
    }

    /// The screen cell of the selected row of a list pane.
    func selectedRowCell(of pane: PaneID, _ state: AppState) throws -> (x: Int, y: Int) {
        let rect = try #require(state.layout.rect(of: pane), "\(pane) is shown")
        let list = state[keyPath: Explorer.listState(of: pane)]
        let layout = explorer.laidOutRows(of: pane, state).layout
        let line = layout.rowStart[list.selection] - layout.rowStart[list.top]
        try #require(line >= 0 && line < rect.height - 1, "the selection is in view")
        return (rect.x + 2, rect.y + 1 + line)
    }

    /// The screen cell of the outline's selected row.
    func outlineSelectionCell(_ state: AppState) throws -> (x: Int, y: Int) {
        let rect = try #require(state.layout.rect(of: .outline))
        let index = try #require(explorer.outlineRows(state).firstIndex { $0.section == state.outline.selectedSection })
        try #require(index >= state.outline.top && index - state.outline.top < rect.height - 1, "the selection is in view")
        return (rect.x + 2, rect.y + 1 + index - state.outline.top)
    }

    /// The screen cell of the reader's selected cross-reference.
    func selectedReferenceCell(_ state: AppState) throws -> (x: Int, y: Int) {
        let selected = try #require(state.reader.selectedReference)
        return try #require(explorer.referenceCell(state) { $0 == selected }, "the selection is on screen")
    }

    /// QA's case: `2 g`, and the cross-links' first entry (of the lead, "← Prefigurative
    /// politics") clicked; also the entries of an item that has cross-links and backlinks.
    @Test("Cross-links and backlinks: a click on the unfocused selection focuses; a second follows",
          arguments: [(PaneID.crossLinks, nil as String?), (.crossLinks, "strategy:municipalism"), (.backlinks, "strategy:municipalism")])
    func listPane(pane: PaneID, item: String?) throws {
        var state = item.map { press(explorer.update(start, .follow(.item($0))), "2") } ?? press(start, "2g")
        let before = state
        let selection = state[keyPath: Explorer.listState(of: pane)].selection
        let cell = try selectedRowCell(of: pane, state)

        state = click(state, cell)
        #expect(state.focus == pane)
        #expect(state[keyPath: Explorer.listState(of: pane)].selection == selection, "the same row, now the focused selection")
        #expect(state.reader == before.reader && state.history == before.history, "nothing followed")
        #expect(explorer.currentNode(state) == explorer.currentNode(before))

        state = click(state, cell)
        #expect(state.history.back.count == before.history.back.count + 1, "the second click follows it")
        #expect(explorer.currentNode(state) != explorer.currentNode(before))
    }

    /// A click on another row of an unfocused list selects that row and follows nothing.
    @Test func aClickOnAnotherRowOfAnUnfocusedListSelectsIt() throws {
        var state = press(explorer.update(start, .follow(.item("strategy:municipalism"))), "2")
        let before = state
        let rows = explorer.rows(of: .crossLinks, state)
        let list = state.crossLinks
        let other = try #require(rows.selectableRow(from: list.selection + 1, direction: 1), "a second entry")
        state.crossLinks.selection = other
        let cell = try selectedRowCell(of: .crossLinks, state)
        state = click(before, cell)
        #expect(state.focus == .crossLinks && state.crossLinks.selection == other)
        #expect(state.reader == before.reader && state.history == before.history)
    }

    /// QA's `] ] 3`: a link selected in the reader, the focus on the cross-links.
    @Test func theReaderSelectedLinkIsFollowedOnlyOnceTheReaderHasTheFocus() throws {
        var state = press(start, "2g]]3")
        let before = state
        let selected = try #require(state.reader.selectedReference)
        let cell = try selectedReferenceCell(state)

        state = click(state, cell)
        #expect(state.focus == .reader)
        #expect(state.reader == before.reader && state.reader.selectedReference == selected, "the link still selected, nothing followed")
        #expect(state.history == before.history)

        state = click(state, cell)
        #expect(state.history.back.count == before.history.back.count + 1, "the second click follows it")
    }

    /// The unfocused outline highlights the section being read: a click on that row focuses
    /// the outline and leaves the reader where it is (it jumped to the heading, a history step).
    @Test func theOutlineHighlightedRowIsFollowedOnlyOnceTheOutlineHasTheFocus() throws {
        var state = press(start, "2gjjjj")
        let before = state
        let section = state.outline.selectedSection
        let cell = try outlineSelectionCell(state)

        state = click(state, cell)
        #expect(state.focus == .outline && state.outline.selectedSection == section)
        #expect(state.reader == before.reader && state.history == before.history, "nothing followed")

        state = click(state, cell)
        #expect(state.history.back.count == before.history.back.count + 1, "the second click follows it")
        #expect(explorer.readerTopLine(state) != explorer.readerTopLine(before), "to the section's heading")
    }

    @Test func theBookmarksSelectionIsFollowedOnlyOnceThePaneHasTheFocus() throws {
        let marks = [(1, "Background"), (2, "Dual power in history")].map { id, path in
            BookmarkEntry(id: Int64(id), articleTitle: bundledModel.article.title, path: path, note: nil,
                          createdAt: Date(timeIntervalSince1970: 0), target: .section(id), section: id, item: nil, isOrphaned: false)
        }
        var state = explorer.update(start, .bookmarksLoaded(marks, notice: nil))
        state = press(state, "52")
        #expect(state.focus == .reader && state.layout.contains(.bookmarks))
        let before = state
        let cell = try selectedRowCell(of: .bookmarks, state)

        state = click(state, cell)
        #expect(state.focus == .bookmarks && state.bookmarkList == before.bookmarkList)
        #expect(state.reader == before.reader && state.history == before.history, "nothing followed")

        state = click(state, cell)
        #expect(explorer.currentSection(state) == 1, "the second click follows the bookmark")
        #expect(state.history.back.count == before.history.back.count + 1)
    }

    /// The finder has the keyboard while it is open: its selection is the one Enter acts on,
    /// as a focused pane's is, so one click on it jumps (a click on another result selects it).
    @Test func oneClickOnTheFinderSelectedResultJumps() throws {
        let open = press(start, "G:")
        let frame = FinderFrame(size: open.size)
        let first = explorer.finderResults(open)[0].entry
        #expect(open.finder?.selection == 0 && frame.result(atX: frame.box.x + 4, y: frame.firstRow, top: 0) == 0)
        let state = click(open, (frame.box.x + 4, frame.firstRow))
        #expect(state.finder == nil)
        #expect(first.target == .section(0) && explorer.readerTopLine(state) == 0)
        #expect(state.history.back.count == open.history.back.count + 1)
    }

    /// QA 23: a click on a group's header ("Sections (1)") selected the entry above it, and a
    /// second click opened that entry. A header is no entry: a click on it focuses the pane,
    /// and selects and follows nothing, however often.
    @Test func aClickOnAGroupHeaderFollowsNothing() throws {
        // QA's size, at which the header shows.
        let state = press(explorer.update(explorer.initialState(size: Size(width: 120, height: 40)), .follow(.item("strategy:municipalism"))), "2")
        let rect = try #require(state.layout.rect(of: .crossLinks))
        let (rows, layout) = explorer.laidOutRows(of: .crossLinks, state)
        // A header below an entry (the first one has none above it).
        let header = try #require(rows.indices.dropFirst().first { !rows[$0].isSelectable && !layout.isDetail[$0] && !rows[$0].spans.isEmpty },
                                  "a second group's header")
        let line = layout.rowStart[header] - layout.rowStart[state.crossLinks.top]
        try #require(line >= 0 && line < rect.height - 1, "the header is in view")
        let cell = (x: rect.x + 2, y: rect.y + 1 + line)
        let once = click(state, cell)
        #expect(once.focus == .crossLinks)
        #expect(once.crossLinks.selection == state.crossLinks.selection, "the selection stays where it was")
        let twice = click(once, cell)
        #expect(twice.reader == state.reader && twice.history == state.history, "nothing followed")
        #expect(twice.crossLinks.selection == state.crossLinks.selection)
    }

    /// QA 23: a notice too long for the status line covers the rows above it, and a click
    /// there, on the words of the notice, followed the cross-reference hidden under them. It
    /// only takes the notice away, as any event does.
    @Test func aClickOnANoticeReachesNothingUnderIt() throws {
        // QA's article: every word of its paragraph a cross-reference, or next to one.
        let text = "= Dense =\n\n" + Array(repeating: "Alpha and Beta and Gamma.", count: 40).joined(separator: " ")
            + "\n\n== See also ==\n- Alpha\n- Beta\n- Gamma\n"
        let explorer = Explorer(model: try LinkedArticle(article: ArticleParser().parse(text)))
        var state = explorer.update(explorer.initialState(size: Size(width: 40, height: 12)),
                                    .notice("A notice long enough to take three rows of forty columns, above the status line."))
        let covered = explorer.rowsCoveredByNotice(state)
        try #require(covered.count >= 2, "the notice covers rows above the status line")
        let references = explorer.readerDocument(state).references.indices
        let cell = try #require(references.lazy.compactMap { index in explorer.referenceCell(state) { $0 == index } }.first { covered.contains($0.y) },
                                "a cross-reference under the notice")
        func click(_ state: AppState, _ cell: (x: Int, y: Int)) -> AppState {
            explorer.update(state, explorer.action(for: .mouse(MouseEvent(kind: .press, x: cell.x, y: cell.y)), in: state))
        }
        let before = state
        state = click(state, cell)
        state = click(state, cell)
        #expect(state.notice == nil, "the click took the notice away")
        #expect(state.reader.content == before.reader.content && state.history == before.history, "nothing followed")
        // Once the notice is gone, the same cell is the cross-reference again.
        #expect(click(click(state, cell), cell).history.back.count == before.history.back.count + 1)
    }

    /// QA 23: `3`, `j` six times and `k` six times left the cross-links' first header
    /// ("See-also topics (7)") above the view, back only with `g`; the wheel was the same.
    /// Moving up into a group shows its header.
    @Test func movingUpShowsTheFirstHeaderAgain() throws {
        let tall = explorer.initialState(size: Size(width: 120, height: 40))
        var state = press(tall, "3jjjjjj")
        try #require(state.crossLinks.top > 0, "the list scrolled")
        state = press(state, "kkkkkk")
        let rows = explorer.rows(of: .crossLinks, state)
        #expect(state.crossLinks.selection == rows.firstSelectable)
        #expect(state.crossLinks.top == 0, "the header is in view")
        var wheeled = press(tall, "3jjjjjj")
        let rect = try #require(wheeled.layout.rect(of: .crossLinks))
        for _ in 0..<3 { wheeled = explorer.update(wheeled, .mouse(MouseEvent(kind: .wheelUp, x: rect.x + 2, y: rect.y + 2))) }
        #expect(wheeled.crossLinks.top == 0, "the wheel shows it too")
    }
}
