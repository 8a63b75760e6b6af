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

    /// Another reason than a missing store (an article read from standard input) is said as it is.
    @Test(arguments: ["m", "5"])
    func anotherReasonIsSaid(key: Character) {
        let explorer = Explorer(model: bundledModel, bookmarks: false, bookmarksOff: "the article was read from standard input")
        let state = explorer.press(explorer.initialState(size: Size(width: 120, height: 40)), .character(key))
        #expect(state.notice == "Bookmarks are off: the article was read from standard input.")
        #expect(state.effects.isEmpty && state.focus == .reader)
    }
}
