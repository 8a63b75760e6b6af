import Testing
@testable import TUI

/// A resize keeps the search's current match on screen when it was, as it keeps the selected
/// cross-reference (QA 23): with `/sovi` typed at 120×40, "match 1/35" in view, a resize to
/// 40×12 showed the lead, and Enter kept that view, with no match on it.
@Suite("A resize keeps the current match in view")
struct ResizeSearchMatchTests: KeyDriven {
    let explorer = makeExplorer()

    func matchLine(_ state: AppState) throws -> Int {
        let search = try #require(state.search)
        return explorer.readerLayout(state).line(of: search.matches[try #require(search.current)])
    }

    func view(_ state: AppState) -> Range<Int> {
        let top = explorer.readerTopLine(state)
        return top..<(top + explorer.readerTextRect(state).height)
    }

    @Test("With the prompt open, and after Enter; growing back restores the view it had")
    func shrinkingKeepsTheMatch() throws {
        let typing = press(explorer.initialState(size: Size(width: 120, height: 40)), "/sovi")
        try #require(typing.prompt != nil && typing.search?.current == 0)
        try #require(view(typing).contains(try matchLine(typing)), "the match is on screen at 120×40")
        let small = explorer.update(typing, .resize(Size(width: 40, height: 12)))
        #expect(view(small).contains(try matchLine(small)), "the match is on screen at 40×12")
        #expect(small.prompt != nil && small.search?.current == 0)
        let entered = press(small, .enter)
        #expect(view(entered).contains(try matchLine(entered)), "and after Enter")
        // n goes on from it, to the second match, not back to the first from the view's top.
        #expect(press(entered, "n").search?.current == 1)
        let grown = explorer.update(small, .resize(Size(width: 120, height: 40)))
        #expect(explorer.readerTopLine(grown) == explorer.readerTopLine(typing), "the view before the resizes")
    }

    /// A match the reader has scrolled away from is no longer its place: a resize leaves it be.
    @Test func aMatchScrolledAwayFromStaysAway() throws {
        let scrolled = press(search("sovi", explorer.initialState(size: Size(width: 120, height: 40))), "GG")
        try #require(!view(scrolled).contains(try matchLine(scrolled)))
        let small = explorer.update(scrolled, .resize(Size(width: 40, height: 12)))
        #expect(!view(small).contains(try matchLine(small)))
    }
}
