import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import TUI

/// The Bookmarks pane's selection is a bookmark, not a row number: `u` selects the bookmark it
/// restores wherever it lands (QA: after `G` `d` `u` the selection stayed on the one above it,
/// and `r` edited that one's note), and a list changed by another explorer keeps the selection
/// on the bookmark it was on.
@MainActor
@Suite("The Bookmarks pane's selection follows its bookmark")
struct BookmarkSelectionTests {
    let explorer = Explorer(model: bundledModel, bookmarks: true)

    func press(_ runner: ExplorerSession, _ state: AppState, _ keys: String) -> AppState {
        keys.reduce(state) { runner.apply(explorer.action(for: .key(.character($1)), in: $0), to: $0) }
    }

    /// Sections 2, 4 and 7 bookmarked, in that order (listed 7, 4, 2), the pane focused.
    func three() -> (FakeBookmarks, ExplorerSession, AppState) {
        let service = FakeBookmarks()
        service.marks = [2, 4, 7].map { FakeBookmarks.Mark(id: Int64($0), section: $0, item: nil) }
        service.nextID = 8
        let runner = ExplorerSession(explorer: explorer, service: service)
        let state = runner.startUp(explorer.initialState(size: Size(width: 120, height: 40)), start: .section(3), restore: true)
        return (service, runner, press(runner, state, "'"))
    }

    func title(_ section: Int) -> String { bundledModel.article.sections[section].title }

    /// `G` `d` `u`, and `d` `u` on the first and the middle one: the restored bookmark is
    /// selected each time, and `r` opens its note.
    @Test(arguments: [("G", 2), ("g", 7), ("gj", 4)])
    func undoSelectsTheRestoredBookmark(keys: String, section: Int) throws {
        let (service, runner, start) = three()
        var state = press(runner, start, keys)
        #expect(explorer.selectedBookmark(state)?.section == section)
        state = press(runner, state, "d")
        #expect(!service.marks.contains { $0.section == section })
        state = press(runner, state, "u")
        #expect(state.notice == "Bookmark restored.")
        #expect(explorer.selectedBookmark(state)?.section == section, "after \(keys) d u")
        state = press(runner, state, "r")
        #expect(state.prompt?.label == "Note for \(title(section)): ")
    }

    /// A bookmark made or removed by another explorer above the selected one: once the list is
    /// read again (input paused), the same bookmark is selected, not the one now in its row.
    @Test func aListChangedElsewhereKeepsTheSelectedBookmark() {
        let (service, runner, start) = three()
        var state = press(runner, start, "j")
        #expect(explorer.selectedBookmark(state)?.section == 4)
        service.elsewhere { $0.marks.append(FakeBookmarks.Mark(id: 9, section: 5, item: nil)) }
        state = runner.apply(.pause, to: state)
        #expect(state.bookmarks.map(\.section) == [5, 7, 4, 2])
        #expect(explorer.selectedBookmark(state)?.section == 4)
        service.elsewhere { $0.marks.removeAll { $0.section == 7 || $0.section == 5 } }
        state = runner.apply(.pause, to: state)
        #expect(state.bookmarks.map(\.section) == [4, 2])
        #expect(explorer.selectedBookmark(state)?.section == 4)
    }

    /// The list is read again when input pauses or the pane gets the focus (by any key, or a
    /// click) only if another explorer changed the store: not at every pause.
    @Test func theListIsReadAgainOnlyWhenChangedElsewhere() {
        let service = FakeBookmarks()
        let runner = ExplorerSession(explorer: explorer, service: service)
        var state = runner.startUp(explorer.initialState(size: Size(width: 120, height: 40)), start: .section(3), restore: true)
        let reads = service.reads
        state = press(runner, state, "jjm")
        state = runner.apply(.pause, to: state)
        #expect(service.reads == reads + 1, "read after m only, not again at the pause")

        service.elsewhere { $0.marks.append(FakeBookmarks.Mark(id: 7, section: 7, item: nil)) }
        state = press(runner, state, "j")
        #expect(!explorer.bookmarkedSections(state).contains(7), "not at a key")
        state = runner.apply(.pause, to: state)
        #expect(explorer.bookmarkedSections(state).contains(7), "at the pause")

        // Tab to the Bookmarks pane, from the cross-links (the panes cycle outline, reader,
        // cross-links, backlinks, bookmarks).
        service.elsewhere { $0.marks.append(FakeBookmarks.Mark(id: 8, section: 8, item: nil)) }
        state = press(runner, state, "4")
        state = runner.apply(.command(.nextPane), to: state)
        #expect(state.focus == .bookmarks)
        #expect(explorer.bookmarkedSections(state).contains(8), "focusing the pane")
    }
}
