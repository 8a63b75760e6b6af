import Content
import Testing
@testable import TUI

/// `n` and `N` after the view moved: as in less and vim, they search from where the reader is.
@Suite("n and N")
struct SearchRepeatTests: KeyDriven {
    let explorer = makeExplorer()

    var start: AppState { explorer.initialState(size: Size(width: 120, height: 40)) }

    /// The reader's line of the current match.
    func currentLine(_ state: AppState) throws -> Int {
        let search = try #require(state.search)
        return explorer.readerLayout(state).line(of: search.matches[try #require(search.current)])
    }

    /// Kornilov is found four times, all in the middle of the article (lines 136 to 247 at
    /// 120×40, of 440), so the last screen has none.
    @Test func afterGoingToTheEndNWrapsToTheFirstMatchAndAfterTheTopItGivesTheFirst() throws {
        var state = press(search("Kornilov", start), "NNN")
        #expect(state.search?.current == 1 && state.search?.matches.count == 4)

        state = press(state, "Gn")
        #expect(state.search?.current == 0, "it went back up to match 3/4")
        #expect(state.notice == "search wrapped to the top")
        #expect(statusBar(state).contains("match 1/4"))
        let top = explorer.readerTopLine(state)
        #expect(try (top..<(top + explorer.readerTextRect(state).height)).contains(currentLine(state)), "the match is on screen")

        state = press(state, "nng")
        #expect(state.search?.current == 2)
        state = press(state, "n")
        #expect(state.search?.current == 0 && state.notice == nil, "after g, n gives the first match")
    }

    /// Backward from the view: the last match on or above its bottom line.
    @Test func nBackwardAfterPagingGoesToTheLastMatchAboveTheViewsBottom() throws {
        var state = search("Kornilov", start)
        #expect(state.search?.current == 0)
        let firstLine = try currentLine(state)
        // Page down until the first match is above the view and the second not yet in it.
        while explorer.readerTopLine(state) <= firstLine { state = press(state, " ") }
        let lines = try #require(state.search).matches.map(explorer.readerLayout(state).line(of:))
        let bottom = explorer.readerTopLine(state) + explorer.readerTextRect(state).height
        let expected = try #require(lines.lastIndex { $0 < bottom })
        state = press(state, "N")
        #expect(state.search?.current == expected)
        #expect(state.notice == nil)
    }

    /// The view moved a little but still shows the match: n goes on from the match, not back
    /// to one higher up on the screen.
    @Test func nGoesOnFromTheMatchWhileItIsStillOnScreen() throws {
        var state = press(search("Lenin", start), "nnnn")
        #expect(state.search?.current == 4)
        let height = explorer.readerTextRect(state).height
        let lines = try #require(state.search).matches.map(explorer.readerLayout(state).line(of:))
        state = press(state, "j")
        let top = explorer.readerTopLine(state)
        #expect((top..<(top + height)).contains(lines[4]))
        #expect(lines[2] >= top, "an earlier match is on screen too")
        state = press(state, "n")
        #expect(state.search?.current == 5)
    }
}
