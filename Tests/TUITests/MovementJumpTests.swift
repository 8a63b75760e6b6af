import Content
import Testing
@testable import TUI

/// A search, and a `]` or `[` that scrolls to a cross-reference off screen, are jumps as `g`
/// and `G` are: `H` returns to the view they left, as less's `''` returns from its "large
/// movements" and vim's Ctrl-O from `/`, `n` and `N` (QA: `/Kerensky` Enter `n` `n` `H` said
/// "Nothing to go back to.", and `]` then `H` skipped the page read before it).
@MainActor
@Suite("Searches and far cross-references are jumps")
struct MovementJumpTests: KeyDriven {
    let explorer = Explorer(model: bundledModel)
    let start = Explorer(model: bundledModel).initialState(size: Size(width: 120, height: 40))

    /// QA's steps: the search moved the view, the two `n` after it stayed on screen. `H`
    /// goes back to the top the search left, once.
    @Test func aSearchThatMovedIsAStepBack() {
        let found = search("Kerensky", start)
        let stayed = press(found, "nn")
        #expect(stayed.search?.current == 2)
        #expect(explorer.readerTopLine(found) > 0 && explorer.readerTopLine(stayed) == explorer.readerTopLine(found))
        var state = press(stayed, "H")
        #expect(explorer.readerTopLine(state) == 0)
        #expect(press(state, "H").notice == "Nothing to go back to.")
        state = press(state, "L")
        #expect(explorer.readerTopLine(state) == explorer.readerTopLine(found))
    }

    /// An `n` that moves the view is a step of its own; those that stay on screen are not.
    @Test func anNThatMovedIsAStepBackToo() {
        let found = search("Kerensky", start)
        let moved = press(found, "nnnn")
        #expect(explorer.readerTopLine(moved) != explorer.readerTopLine(found))
        var state = press(moved, "H")
        #expect(explorer.readerTopLine(state) == explorer.readerTopLine(found))
        state = press(state, "H")
        #expect(explorer.readerTopLine(state) == 0)
        state = press(state, "LL")
        #expect(explorer.readerTopLine(state) == explorer.readerTopLine(moved), "forward comes back to the last match")
    }

    /// `N` is a jump as `n` is (here wrapping around to the last match).
    @Test func previousMatchIsAJump() {
        let found = search("Kerensky", start)
        let last = press(found, "N")
        #expect(explorer.readerTopLine(last) != explorer.readerTopLine(found))
        #expect(explorer.readerTopLine(press(last, "H")) == explorer.readerTopLine(found))
    }

    /// `/` `Enter` repeats the last pattern as `n` does, and is a jump as `n` is: one step back
    /// to where it was pressed, then the step before, never the same place twice in a row.
    @Test func slashEnterRepeatingThePatternIsOneJump() {
        let found = search("Kornilov", start)
        let again = press(press(found, "/"), .enter)
        #expect(again.search?.current == 1)
        #expect(explorer.readerTopLine(again) != explorer.readerTopLine(found))
        var state = press(again, "H")
        #expect(explorer.readerTopLine(state) == explorer.readerTopLine(found))
        state = press(state, "H")
        #expect(explorer.readerTopLine(state) == 0)
        #expect(press(state, "H").notice == "Nothing to go back to.")
    }

    /// A search that finds its match on screen does not move, and Esc on the prompt goes back
    /// to where the search started: neither leaves a step. The next search that moves is a
    /// step back to where it started, not to the view Esc left.
    @Test func aSearchThatStaysOnScreenOrIsCancelledRecordsNothing() {
        let onScreen = search("Dual", start)
        #expect(onScreen.search?.current != nil && explorer.readerTopLine(onScreen) == 0)
        #expect(onScreen.history.back.isEmpty)

        let typed = press(press(start, "jj"), "/Zapatista")
        #expect(explorer.readerTopLine(typed) != 2, "the view moved while typing")
        let cancelled = press(typed, .escape)
        #expect(explorer.readerTopLine(cancelled) == 2)
        #expect(cancelled.history.back.isEmpty)
        #expect(press(cancelled, "H").notice == "Nothing to go back to.")

        let found = search("Kerensky", cancelled)
        #expect(explorer.readerTopLine(found) != 2)
        let back = press(found, "H")
        #expect(explorer.readerTopLine(back) == 2)
        #expect(press(back, "H").notice == "Nothing to go back to.")
    }

    /// `]` to a cross-reference far below the screen leaves the page being read: H comes back
    /// to it, not to the place before the finder's jump (QA: `:provisional` Enter Space `]` H).
    @Test func aFarNextReferenceIsAJump() {
        var state = press(start, ":provisional")
        state = press(state, .enter)
        let jumped = explorer.readerTopLine(state)
        #expect(jumped > 0)
        state = press(state, " ")
        let read = explorer.readerTopLine(state)
        #expect(read != jumped)
        state = press(state, "]")
        #expect(explorer.readerTopLine(state) != read, "the next cross-reference was off screen")
        state = press(state, "H")
        #expect(explorer.readerTopLine(state) == read)
        // Space scrolled from where the finder went: no step there, the one before the finder's.
        state = press(state, "H")
        #expect(explorer.readerTopLine(state) == 0)
    }

    /// `[` to a cross-reference above the screen is a jump as well; `]` and `[` that only
    /// select on screen are not.
    @Test func aReferenceOnScreenIsNoJumpAndOneAboveIs() {
        var state = press(start, "]]")
        #expect(state.reader.selectedReference != nil && explorer.readerTopLine(state) == 0)
        #expect(state.history.back.isEmpty)

        state = press(press(start, "G"), "[")
        let bottom = explorer.readerTopLine(state)
        #expect(state.history.back.count == 1, "G only")
        while state.reader.selectedReference.map({ explorer.readerLayout(state).referenceLine[$0] >= bottom }) == true {
            state = press(state, "[")
        }
        #expect(explorer.readerTopLine(state) < bottom, "the reference above the screen was scrolled to")
        state = press(state, "H")
        #expect(explorer.readerTopLine(state) == bottom)
    }
}
