import Content
import ExplorerTestSupport
import Testing
@testable import TUI

/// `m` in the Bookmarks pane acts on the highlighted bookmark, as `d` and `r` do there.
@MainActor
@Suite("m in the Bookmarks pane")
struct BookmarkPaneMarkTests {
    let explorer = Explorer(model: bundledModel, bookmarks: true)

    func press(_ runner: ExplorerSession, _ state: AppState, _ keys: Key...) -> AppState {
        keys.reduce(state) { runner.apply(explorer.action(for: .key($1), in: $0), to: $0) }
    }

    /// The words a pane shows, in order, whatever their wrapping.
    func words(of pane: PaneID, _ state: AppState) throws -> String {
        let rect = try #require(state.layout.rect(of: pane))
        let screen = explorer.render(state)
        return (rect.y..<(rect.y + rect.height)).map { String(Array(screen.row($0)).dropFirst(rect.x).prefix(rect.width)) }
            .joined(separator: " ").split(separator: " ").joined(separator: " ")
    }

    /// It removed the bookmark of the section being read instead, whichever was highlighted.
    @Test func markRemovesTheHighlightedBookmarkAndSaysSo() throws {
        let service = FakeBookmarks()
        let runner = ExplorerSession(explorer: explorer, service: service)
        var state = runner.startUp(explorer.initialState(size: Size(width: 120, height: 40)), start: .section(2), restore: true)
        state = press(runner, state, .character("m"))
        state = runner.apply(.follow(.section(7)), to: state)
        state = press(runner, state, .character("m"), .character("'"), .down)
        #expect(state.bookmarks.map(\.section) == [7, 2])
        let highlighted = try #require(explorer.selectedBookmark(state))
        #expect(highlighted.section == 2 && explorer.currentSection(state) == 7)

        state = press(runner, state, .character("m"))
        #expect(service.marks.map(\.section) == [7], "the highlighted bookmark went, not the current section's")
        #expect(state.notice == "Bookmark removed: \(highlighted.path) (u undoes)")
        #expect(explorer.render(state).row(state.size.height - 1).contains("Bookmark removed: \(highlighted.path)"))
        state = press(runner, state, .character("u"))
        #expect(service.marks.map(\.section) == [2, 7])
    }

    /// With no bookmark to highlight, `m` does what the empty pane says it does.
    @Test func markInTheEmptyPaneBookmarksTheSectionBeingRead() throws {
        let service = FakeBookmarks()
        let runner = ExplorerSession(explorer: explorer, service: service)
        var state = runner.startUp(explorer.initialState(size: Size(width: 120, height: 40)), start: .section(5), restore: true)
        state = press(runner, state, .character("'"))
        #expect(try words(of: .bookmarks, state).contains("No bookmarks yet: m bookmarks the section you are reading."))
        state = press(runner, state, .character("m"))
        #expect(service.marks.map(\.section) == [5])
        #expect(state.notice?.hasPrefix("Bookmarked: October Revolution") == true)
    }
}
