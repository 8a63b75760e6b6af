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

    /// On a narrow screen the notice takes the status line, the position giving way (QA 23:
    /// it took rows above, a few columns wide); narrower still, the row above it too. Either
    /// way the wrap is said first.
    @Test func theWrapIsSaidFirst() {
        let narrow = explorer.initialState(size: Size(width: 60, height: 20))
        let state = search("Bolshevik", press(narrow, "G"))
        #expect(explorer.render(state).row(19) == " search wrapped to the top; n and N move between the matches")
        #expect(explorer.rowsCoveredByNotice(state).isEmpty)
        let narrower = search("Bolshevik", press(explorer.initialState(size: Size(width: 40, height: 20)), "G"))
        let above = explorer.rowsCoveredByNotice(narrower)
        #expect(!above.isEmpty && explorer.render(narrower).row(above.lowerBound).hasPrefix(" search wrapped to the top"))
    }

    /// QA 23: at 40 columns, "n and N move between the matches" beside "match 1/35  Top  ?
    /// help" took three rows of 14 columns above the status line; it fits the line alone.
    @Test func aNoticeThatFitsTheLineTakesIt() {
        let state = search("sovi", explorer.initialState(size: Size(width: 40, height: 12)))
        #expect(state.notice == "n and N move between the matches")
        #expect(explorer.render(state).row(11).hasPrefix(" n and N move between the matches"))
        #expect(explorer.rowsCoveredByNotice(state).isEmpty)
        // The next key takes it away, and the position is back.
        #expect(statusBar(press(state, "n")).contains("match 2/"))
    }

    /// A search that finds a match below where it started has not wrapped.
    @Test func fromTheTopItSaysOnlyHowToMove() {
        #expect(search("Bolshevik", start).notice == "n and N move between the matches")
    }
}
