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

    /// QA 25: after `n n n` and Esc, n went back to the first match below the view's top
    /// (match 1/8), N to 4/8: Esc only hides the matches, as vim's :noh and less's ESC-u do,
    /// so n and N go on from the current one while the view shows it.
    @Test func nAndNAfterEscGoOnFromTheCurrentMatch() throws {
        var state = press(search("kerensky", press(start, "2")), "nnn")
        let count = try #require(state.search?.matches.count)
        #expect(count > 5)
        #expect(state.search?.current == 3)
        state = press(state, .escape)
        #expect(state.search == nil)
        #expect(press(state, "n").search?.current == 4)
        #expect(statusBar(press(state, "n")).contains("match 5/\(count)"))
        #expect(press(state, "N").search?.current == 2)
        // Once the view has left the match, n starts from the view again.
        let away = press(state, "G")
        #expect(press(away, "n").search?.current != 4)
    }

    @Test func withoutAnySearchNSaysHowToStartOne() {
        #expect(press(start, "n").notice == "No search: / starts one.")
    }
}
