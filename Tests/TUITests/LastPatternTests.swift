import Content
import Testing
@testable import TUI

/// The last pattern outlives its matches, as in vim: a search that found nothing, Esc.
@Suite("The last search pattern")
struct LastPatternTests: KeyDriven {
    let explorer = makeExplorer()

    var start: AppState { explorer.initialState(size: Size(width: 120, height: 40)) }

    /// vim remembers the pattern of a failed search: n says it is not found, rather than that
    /// there is no search.
    @Test func aFailedSearchIsTheLastPattern() {
        var state = search("zzzq", search("regis", start))
        #expect(state.notice == "Not found: zzzq")
        state = press(state, "n")
        #expect(state.notice == "Not found: zzzq")
        #expect(statusBar(state).contains("Not found: zzzq"))
        state = press(state, "N")
        #expect(state.notice == "Not found: zzzq")
    }

    /// Esc clears the highlights (vim's :noh); n finds the pattern again from the view.
    @Test func nAfterEscSearchesTheLastPatternAgain() {
        var state = press(search("regis", start), .escape)
        #expect(state.search == nil)
        state = press(state, "n")
        #expect(state.search?.current == 0)
        #expect(statusBar(state).contains("match 1/1"))
        #expect(explorer.render(state).text.contains("Régis"))
    }

    @Test func withoutAnySearchNSaysHowToStartOne() {
        #expect(press(start, "n").notice == "No search: / starts one.")
    }
}
