import Content
import Testing
@testable import TUI

/// Without a bookmark store, every bookmark key says why it does nothing.
@Suite("Bookmarks off")
struct BookmarksOffTests {
    let explorer = Explorer(model: bundledModel, bookmarks: false)

    @Test(arguments: ["5", "'", "m", "M", "r", "d", "u"])
    func everyBookmarkKeySaysTheStoreIsMissing(key: Character) {
        let state = explorer.press(explorer.initialState(size: Size(width: 120, height: 40)), .character(key))
        #expect(state.notice == "Bookmarks are off: the bookmark store could not be opened.")
        #expect(state.effects.isEmpty && state.prompt == nil && state.focus == .reader)
        #expect(explorer.render(state).row(39).contains("Bookmarks are off"))
    }
}
