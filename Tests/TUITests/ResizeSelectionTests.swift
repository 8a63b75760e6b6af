import Testing
@testable import TUI

/// A resize keeps the selected cross-reference on screen when it was: shrinking 120×40 to
/// 120×12 after `] ] ] ]` left aid[4] below the view, Enter said it was off screen and `]`
/// started over at [1] ("Resizing never loses the position or the selection").
@Suite("A resize keeps the selected cross-reference in view")
struct ResizeSelectionTests {
    let explorer = makeExplorer()

    /// The bundled article at 120×40, from its top, with the fourth cross-reference selected.
    var fourthSelected: AppState {
        let state = explorer.initialState(size: Size(width: 120, height: 40))
        return explorer.press(state, .character("]"), .character("]"), .character("]"), .character("]"))
    }

    /// The reader's lines on screen.
    func view(_ state: AppState) -> Range<Int> {
        let top = explorer.readerTopLine(state)
        return top..<(top + explorer.readerTextRect(state).height)
    }

    /// The lines the selected cross-reference takes: aid[4] wraps, "mutual" on one and "aid[4]"
    /// on the next at 120 columns.
    func selectedLines(_ state: AppState) throws -> ClosedRange<Int> {
        let selected = try #require(state.reader.selectedReference)
        let lines = explorer.readerLayout(state).lines
        let held = lines.indices.filter { lines[$0].spans.contains { $0.reference == selected } }
        return try #require(held.first)...held.last!
    }

    @Test("Shrunk to 120×12, the reader scrolls just enough to show it whole; Enter follows it, ] selects the next")
    func shrinkingScrollsTheSelectionIntoView() throws {
        let before = fourthSelected
        #expect(before.reader.selectedReference == 3)
        #expect(explorer.readerTopLine(before) == 0)
        try #require(view(before).contains(try selectedLines(before).upperBound))

        let small = explorer.update(before, .resize(Size(width: 120, height: 12)))
        #expect(small.reader.selectedReference == 3)
        let lines = try selectedLines(small)
        #expect(lines.count == 2, "aid[4] wraps")
        #expect(view(small).contains(lines.lowerBound) && view(small).contains(lines.upperBound),
                "lines \(lines) are in the view \(view(small))")
        #expect(view(small).last == lines.upperBound, "scrolled no further than needed, as vim keeps the cursor in view")

        let followed = explorer.press(small, .enter)
        #expect(followed.notice == nil, "\(followed.notice ?? "")")
        #expect(followed.history.back.count == 1)
        let target = explorer.readerDocument(small).references[3].target
        #expect(followed.reader == explorer.follow(target, from: small).reader)

        #expect(explorer.press(small, .character("]")).reader.selectedReference == 4)
    }

    @Test("A resize that still shows the selection whole keeps the top line")
    func aSelectionStillShownMovesNothing() throws {
        let before = fourthSelected
        let last = try selectedLines(before).upperBound
        // Just tall enough for the selection: its last line stays the last one shown.
        let height = before.size.height - (view(before).count - (last + 1))
        let resized = explorer.update(before, .resize(Size(width: 120, height: height)))
        #expect(explorer.readerTopLine(resized) == 0)
        #expect(view(resized).last == last)
    }

    /// QA 41: through a size too small for the panes, the reader kept its top line and the
    /// selection at the end of the article was left below the view at 60×20.
    @Test("Through a size too small for anything, the selection is still kept in view", arguments: [
        [Size(width: 30, height: 30)], [Size(width: 20, height: 4), Size(width: 39, height: 12)], [Size(width: 40, height: 11)],
    ])
    func aDetourThroughTooSmallKeepsTheSelection(detour: [Size]) throws {
        var state = explorer.initialState(size: Size(width: 120, height: 40))
        state = explorer.press(state, .character("2"), .character("G"), .character("["))
        let selected = try #require(state.reader.selectedReference)
        try #require(view(state).contains(try selectedLines(state).lowerBound))
        let left = state
        for size in detour {
            state = explorer.update(state, .resize(size))
            try #require(state.layout.isTooSmall)
        }
        let usable = explorer.update(state, .resize(Size(width: 60, height: 20)))
        #expect(usable.reader.selectedReference == selected)
        let lines = try selectedLines(usable)
        #expect(view(usable).contains(lines.lowerBound) && view(usable).contains(lines.upperBound),
                "lines \(lines) are in the view \(view(usable))")
        #expect(explorer.press(usable, .enter).notice == nil, "Enter follows it")
        // And back: the screen left.
        let back = explorer.update(usable, .resize(Size(width: 120, height: 40)))
        #expect(explorer.readerTopLine(back) == explorer.readerTopLine(left))
    }

    @Test("With nothing selected, the top line is kept, as before")
    func nothingSelectedKeepsTheTop() {
        var state = explorer.initialState(size: Size(width: 120, height: 40))
        state = explorer.press(state, .character("j"), .character("j"), .character("j"))
        let top = explorer.readerTopLine(state)
        #expect(state.reader.selectedReference == nil)
        let small = explorer.update(state, .resize(Size(width: 120, height: 12)))
        #expect(explorer.readerTopLine(small) == top)
    }
}

/// Shrinking the terminal scrolled the reader to keep the selection in view, and growing it
/// back kept that scroll: 120×40 → 40×12 → 80×24 → 120×40 left the top line three pages on
/// (75% → 82%, QA 12a). As in less, the round trip comes back to the same top line.
@Suite("A resize round trip keeps the top line")
struct ResizeRoundTripTests {
    let explorer = makeExplorer()

    /// Deep in the article, scrolled by Space, with the second cross-reference in view selected.
    var reading: AppState {
        var state = explorer.initialState(size: Size(width: 120, height: 40))
        for _ in 0..<6 { state = explorer.press(state, .character(" ")) }
        return explorer.press(state, .character("]"), .character("]"))
    }

    @Test func shrinkingAndGrowingBackReturnsToTheTop() throws {
        let before = reading
        try #require(before.reader.selectedReference != nil)
        var state = before
        for size in [Size(width: 40, height: 12), Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            state = explorer.update(state, .resize(size))
        }
        #expect(state.reader.top == before.reader.top)
        #expect(state.reader.selectedReference == before.reader.selectedReference)
        #expect(state.beforeResize.readerTop == nil, "back where it was: nothing left to return to")
    }

    @Test func aScrollAfterTheResizeIsTheNewTop() throws {
        var state = explorer.update(reading, .resize(Size(width: 40, height: 12)))
        try #require(state.beforeResize.readerTop != nil, "the small view had to scroll to the selection")
        state = explorer.press(state, .character("j"))
        #expect(state.beforeResize.readerTop == nil)
        let scrolled = state.reader.top
        state = explorer.update(state, .resize(Size(width: 40, height: 13)))
        #expect(state.reader.top == scrolled, "a key moved the reader since: that is the top kept")
    }
}
