import Content
import Foundation
import Testing
@testable import TUI

/// What the runtime reports back to the explorer as actions, rather than changing its state by
/// hand: an article that could not be opened, and bookmarks turned off while it runs.
@Suite("Actions the session reports")
struct SessionActionTests {
    let explorer = Explorer(model: bundledModel, bookmarks: true)
    let size = Size(width: 120, height: 40)

    /// A link to another article records the view as the way back; the article does not open,
    /// and that way back, which leads nowhere now, goes.
    @Test func aJumpToAnArticleThatDoesNotOpenLeavesNoStepBack() {
        var state = explorer.update(explorer.initialState(size: size), .follow(.section(2)))
        let backBefore = state.history.back
        state = explorer.update(state, .follow(.article("Municipalism")))
        #expect(state.effects.contains(.openArticle(title: "Municipalism", at: .top)))
        #expect(state.history.back.count == backBefore.count + 1)
        state.effects = []
        state = explorer.update(state, .notOpened(title: "Municipalism", notice: "“Municipalism” is not loaded.", step: nil))
        #expect(state.history.back == backBefore)
        #expect(state.notice == "“Municipalism” is not loaded.")
        #expect(state.unopened.isEmpty)
    }

    /// H into an article that does not open: the history is as it was before H, and H again
    /// passes over the steps into that article.
    @Test func aStepNotTakenKeepsTheHistoryAndIsPassedOverNextTime() {
        var history = History()
        var away = explorer.snapshot(explorer.initialState(size: size))
        away.article = "Municipalism"
        history.record(away)
        var state = explorer.update(explorer.initialState(size: size), .follow(.section(2)))
        let step = UntakenStep(history: state.history, unopened: ["Communalism"])
        state = explorer.update(state, .notOpened(title: "Municipalism", notice: "“Municipalism” is not loaded.", step: step))
        #expect(state.history == step.history)
        #expect(state.unopened == ["Communalism", "Municipalism"])
        #expect(state.notice == "“Municipalism” is not loaded.")
        // Any other key forgets them.
        #expect(explorer.press(state, .character("j")).unopened.isEmpty)
    }

    /// The store's file refused with the Bookmarks pane focused: the pane, its rows and the
    /// focus go, as if the explorer had started without a store.
    @Test func bookmarksTurnedOffTakeThePaneAway() {
        let mark = BookmarkEntry(id: 1, articleTitle: bundledModel.article.title, path: "Geography", note: nil,
                                 createdAt: Date(timeIntervalSince1970: 0), target: .section(1), section: 1, item: nil,
                                 isOrphaned: false)
        var state = explorer.update(explorer.initialState(size: size), .bookmarksLoaded([mark], notice: nil))
        state = explorer.update(state, .command(.focusBookmarks))
        #expect(state.focus == .bookmarks)
        let off = explorer.withoutBookmarks(because: "the file was replaced")
        state = off.update(state, .bookmarksTurnedOff(notice: "Bookmarks are off: the file was replaced"))
        #expect(state.focus == .reader && state.sidePane != .bookmarks && state.lowerPane != .bookmarks)
        #expect(state.bookmarks.isEmpty && state.bookmarkList == ListState())
        #expect(state.notice == "Bookmarks are off: the file was replaced")
    }
}
