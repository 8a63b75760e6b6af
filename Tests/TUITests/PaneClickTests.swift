import Foundation
import Testing
@testable import TUI

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
}
