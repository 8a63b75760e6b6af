import Content
import Testing
@testable import TUI

/// `/` then Enter with nothing typed searches the last pattern again, as in vim and less.
@Suite("An empty search pattern")
struct EmptyPatternTests {
    let explorer = makeExplorer()

    func press(_ state: AppState, _ keys: [Key]) -> AppState {
        keys.reduce(state) { explorer.update($0, explorer.action(for: .key($1), in: $0)) }
    }

    func typed(_ text: String) -> [Key] { text.map { .character($0) } }

    @Test("After a search and Esc, / Enter finds the same pattern from the view")
    func repeatsTheLastPattern() {
        var state = explorer.initialState(size: Size(width: 120, height: 40))
        state = press(state, typed("/Kornilov") + [.enter, .escape])
        #expect(state.search == nil)
        state = press(state, typed("/") + [.enter])
        #expect(state.search?.query == "Kornilov")
        #expect(state.search?.current != nil)
        #expect(state.notice == "n and N move between the matches")
    }

    @Test("With no search before, / Enter does nothing and says nothing")
    func nothingBefore() {
        var state = explorer.initialState(size: Size(width: 120, height: 40))
        state = press(state, typed("/") + [.enter])
        #expect(state.search == nil)
        #expect(state.prompt == nil)
        #expect(state.notice == nil)
    }
}
