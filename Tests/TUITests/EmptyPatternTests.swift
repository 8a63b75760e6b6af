import Content
import Testing
@testable import TUI

/// `/` then Enter with nothing typed searches the last pattern again, as in vim and less.
@Suite("An empty search pattern")
struct EmptyPatternTests: KeyDriven {
    let explorer = makeExplorer()

    var start: AppState { explorer.initialState(size: Size(width: 120, height: 40)) }

    /// As n does after Esc (which only hides the matches, as vim's :noh): on from the match
    /// that was current, while the view shows it; from the view once it has left it.
    @Test("After a search and Esc, / Enter finds the same pattern again, on from the current match")
    func repeatsTheLastPattern() {
        var state = press(search("Kornilov", start), .escape)
        #expect(state.search == nil)
        state = search("", state)
        #expect(state.search?.query == "Kornilov")
        #expect(state.search?.current == 1)
        state = search("", press(press(state, .escape), "G"))
        #expect(state.search?.current == 0, "wrapped to the first, from the view at the end")
    }

    /// QA: / Enter went back to the first match in view instead of on, as n does.
    @Test("While matches are shown, / Enter goes on to the next one, as n does")
    func goesOnLikeN() {
        var state = press(search("Soviet", start), "n")
        #expect(state.search?.current == 1)
        state = search("", state)
        #expect(state.search?.current == 2)
        #expect(statusBar(state).contains("match 3/"))
    }

    /// QA: / then Esc dropped the current match, and n started again from the view.
    @Test("/ then Esc keeps the search and its current match: n goes on from it")
    func escapeKeepsTheSearch() {
        var state = press(press(search("Soviet", start), "nnn"), "/")
        state = press(state, .escape)
        #expect(state.search?.current == 3)
        state = press(state, "n")
        #expect(state.search?.current == 4)
    }

    /// It closed without a word; vim says "E35: No previous regular expression".
    @Test("With no search before, / Enter searches nothing and says so")
    func nothingBefore() {
        let state = search("", start)
        #expect(state.search == nil)
        #expect(state.prompt == nil)
        #expect(state.notice == "No previous search.")
        #expect(statusBar(state).contains("No previous search."))
    }
}
