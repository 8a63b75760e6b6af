import Content
import Testing
@testable import TUI

/// What QA missed in the finder (`:`, `Ctrl-P`) and the search prompt, coming from fzf and vim:
/// PgDn and PgUp page the results, Enter with nothing matching keeps the finder open and says
/// why nothing happened, and `/` Enter with no pattern ever typed says so.
@Suite("Finder and search prompt keys")
struct FinderKeysTests: KeyDriven {
    let explorer = makeExplorer()
    let size = Size(width: 120, height: 40)

    var start: AppState { explorer.initialState(size: size) }

    /// Every entry, more than the box shows: PgDn moves a box of results less one, as fzf's
    /// page-down does, and the list scrolls to show the selection; PgUp comes back. (Home and End
    /// stay the cursor keys of the text.)
    @Test func pageKeysPageTheResults() throws {
        let open = press(start, ":")
        let count = explorer.finderResults(open).count
        let rows = FinderFrame(size: size).rows
        #expect(count > 2 * rows)
        var state = press(open, .pageDown)
        #expect(state.finder?.selection == rows - 1)
        state = press(state, .pageDown)
        #expect(state.finder?.selection == 2 * (rows - 1))
        #expect(state.finder?.top == 2 * (rows - 1) - rows + 1, "the selection is on screen")
        state = press(state, .pageDown, .pageDown, .pageDown)
        #expect(state.finder?.selection == count - 1)
        state = press(state, .pageUp)
        #expect(state.finder?.selection == count - rows)
        state = press(state, .pageUp, .pageUp, .pageUp, .pageUp)
        #expect(state.finder?.selection == 0 && state.finder?.top == 0)
        #expect(state.finder?.query == "" && explorer.readerTopLine(state) == 0)
        // Home and End stay the cursor keys of the finder's text; the selection stays.
        let typed = press(press(press(open, "o"), .pageDown), .home)
        #expect(typed.finder?.input.cursor == 0 && typed.finder?.selection == rows - 1)
        #expect(press(typed, .end).finder?.input.cursor == 1)
    }

    /// fzf does nothing on Enter with no match; the finder closed without a word.
    @Test func enterWithNothingMatchingKeepsTheFinderOpen() {
        var state = press(press(start, ":"), "qqqx")
        #expect(explorer.finderResults(state).isEmpty)
        state = press(state, .enter)
        #expect(state.finder?.query == "qqqx")
        #expect(state.notice == "Nothing matches: Esc closes.")
        #expect(statusBar(state).contains("Nothing matches: Esc closes."))
        #expect(state.history.back.isEmpty && explorer.readerTopLine(state) == 0)
        // Editing the query goes on from there, and the notice goes with the next key.
        state = press(state, .backspace)
        #expect(state.notice == nil && state.finder?.query == "qqq")
        #expect(press(state, .escape).finder == nil)
    }
}
