import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import TUI

/// `v` maps the selected item or section: in the Bookmarks pane, the highlighted bookmark's
/// place (its item, else its section), not the section being read (QA 17).
@MainActor
@Suite("v in the Bookmarks pane")
struct BookmarkLinkMapTests {
    let explorer = Explorer(model: bundledModel, bookmarks: true)

    func press(_ runner: ExplorerSession, _ state: AppState, _ keys: String) -> AppState {
        keys.reduce(state) { runner.apply(explorer.action(for: .key(.character($1)), in: $0), to: $0) }
    }

    /// A section bookmarked (7) and an item (Municipalism, in its own section), the reader at
    /// the top of the article, the pane focused.
    func bookmarked() -> (ExplorerSession, AppState) {
        let service = FakeBookmarks()
        let item = "strategy:municipalism"
        let itemSection = bundledModel.items.first { $0.id == item }!.section
        service.marks = [FakeBookmarks.Mark(id: 1, section: 7, item: nil), FakeBookmarks.Mark(id: 2, section: itemSection, item: item)]
        service.nextID = 3
        let runner = ExplorerSession(explorer: explorer, service: service)
        let state = runner.startUp(explorer.initialState(size: Size(width: 120, height: 40)), start: nil, restore: true)
        return (runner, press(runner, state, "5"))
    }

    @Test func itMapsTheSelectedBookmarksPlace() throws {
        let (runner, start) = bookmarked()
        #expect(explorer.currentSection(start) == 0)
        func place(_ entry: BookmarkEntry) throws -> String {
            try entry.item ?? bundledModel.article.sections[#require(entry.section)].id
        }
        var state = press(runner, start, "g")
        let first = try #require(explorer.selectedBookmark(state))
        state = press(runner, state, "v")
        #expect(try state.linkMap?.focus == place(first))
        state = press(runner, press(runner, state, "v"), "j")
        let second = try #require(explorer.selectedBookmark(state))
        #expect(second.id != first.id)
        state = press(runner, state, "v")
        #expect(try state.linkMap?.focus == place(second))
        #expect(Set([first.item, second.item]) == [nil, "strategy:municipalism"])
    }
}
