import Content
import Testing
@testable import TUI

/// A `/` search that finds nothing below where it started goes on from the top, and says so
/// in the words `n` uses (QA 17: from the end, `/Bolshevik` jumped to the top silently).
@Suite("A search that wraps says so")
struct SearchWrapNoticeTests: KeyDriven {
    let explorer = makeExplorer()

    var start: AppState { explorer.initialState(size: Size(width: 120, height: 40)) }

    @Test func fromTheEndTheFirstSearchSaysItWrapped() throws {
        let state = search("Bolshevik", press(start, "G"))
        #expect(state.search?.current == 0)
        #expect(state.notice == "search wrapped to the top; n and N move between the matches")
        #expect(statusBar(state).hasPrefix(" search wrapped to the top; n and N move between the matches"))
        #expect(statusBar(state).contains("match 1/"))
    }

    /// On a narrow screen the notice takes the row above the status line too: the wrap is
    /// said first.
    @Test func theWrapIsSaidFirst() {
        let narrow = explorer.initialState(size: Size(width: 60, height: 20))
        let state = search("Bolshevik", press(narrow, "G"))
        #expect(explorer.render(state).row(18).hasPrefix(" search wrapped to the top"))
    }

    /// A search that finds a match below where it started has not wrapped.
    @Test func fromTheTopItSaysOnlyHowToMove() {
        #expect(search("Bolshevik", start).notice == "n and N move between the matches")
    }
}
