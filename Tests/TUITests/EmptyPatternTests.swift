import Content
import Testing
@testable import TUI

/// `/` then Enter with nothing typed searches the last pattern again, as in vim and less.
@Suite("An empty search pattern")
struct EmptyPatternTests: KeyDriven {
    let explorer = makeExplorer()

    var start: AppState { explorer.initialState(size: Size(width: 120, height: 40)) }

    @Test("After a search and Esc, / Enter finds the same pattern from the view")
    func repeatsTheLastPattern() {
        var state = press(search("Kornilov", start), .escape)
        #expect(state.search == nil)
        state = search("", state)
        #expect(state.search?.query == "Kornilov")
        #expect(state.search?.current != nil)
        #expect(state.notice == "n and N move between the matches")
    }

    @Test("With no search before, / Enter does nothing and says nothing")
    func nothingBefore() {
        let state = search("", start)
        #expect(state.search == nil)
        #expect(state.prompt == nil)
        #expect(state.notice == nil)
    }
}
