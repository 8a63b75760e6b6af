import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import TUI

/// A view shown again (back, forward, a session restored) at a size where its selected
/// cross-reference is off screen is scrolled to show it, as a resize scrolls it (QA 17: at
/// 120×40, Omega[13] selected and followed, then at 100×30 `H` showed the top of the article
/// and Enter said "The selected cross-reference is off screen").
@MainActor
@Suite("Views shown again keep their selection in view")
struct RestoredSelectionTests {
    let explorer = Explorer(model: bundledModel, bookmarks: true)
    let large = Size(width: 120, height: 40), small = Size(width: 100, height: 20)

    /// The reader at the top of the article at 120×40 with the last cross-reference on screen
    /// selected (by `]`, as a person selects it).
    var lastOnScreenSelected: AppState {
        var state = explorer.initialState(size: large)
        let layout = explorer.readerLayout(state)
        let height = explorer.readerTextRect(state).height
        let last = layout.referenceLine.lastIndex { $0 < height }!
        for _ in 0...last { state = explorer.press(state, .character("]")) }
        #expect(state.reader.selectedReference == last && explorer.readerTopLine(state) == 0)
        return state
    }

    /// The selected cross-reference's lines are all on screen.
    func selectionShown(_ state: AppState) -> Bool {
        guard let lines = explorer.selectedReferenceLines(state) else { return false }
        let view = explorer.readerView(state)
        return view.contains(lines.lowerBound) && view.contains(lines.upperBound)
    }

    @Test func backAtASmallerSizeShowsTheSelection() throws {
        let selected = lastOnScreenSelected
        var state = explorer.press(selected, .enter)
        #expect(!state.history.back.isEmpty)
        state = explorer.update(state, .resize(small))
        state = explorer.press(state, .character("H"))
        try #require(explorer.readerLayout(state).referenceLine[selected.reader.selectedReference!] >= explorer.readerTextRect(state).height,
                     "off the top screen at this size")
        #expect(state.reader.selectedReference == selected.reader.selectedReference)
        #expect(explorer.readerTopLine(state) > 0)
        #expect(selectionShown(state))
        // Enter follows it again, and forward and back show it as well.
        #expect(explorer.press(state, .enter).notice == nil)
        state = explorer.press(explorer.press(state, .character("L")), .character("H"))
        #expect(selectionShown(state))
    }

    @Test func aSessionRestoredAtASmallerSizeShowsTheSelection() {
        let service = FakeBookmarks()
        let runner = ExplorerSession(explorer: explorer, service: service)
        var state = runner.startUp(explorer.initialState(size: large), start: nil, restore: true)
        let selected = lastOnScreenSelected
        for _ in 0...selected.reader.selectedReference! { state = runner.apply(.command(.nextReference), to: state) }
        #expect(state.reader == selected.reader)
        _ = runner.apply(.command(.quit), to: state)

        let again = ExplorerSession(explorer: explorer, service: service)
        state = again.startUp(explorer.initialState(size: Size(width: 80, height: 24)), start: nil, restore: true)
        #expect(state.reader.selectedReference == selected.reader.selectedReference)
        #expect(selectionShown(state))
    }

    /// An article of a folder arrived at by back or forward: its view is shown the same way.
    @Test func aViewArrivedAtShowsTheSelection() throws {
        let selected = lastOnScreenSelected
        var state = explorer.update(explorer.initialState(size: Size(width: 70, height: 20)), .restoreView(explorer.snapshot(selected)))
        #expect(state.reader.selectedReference == selected.reader.selectedReference)
        #expect(selectionShown(state))
        state = explorer.press(state, .enter)
        #expect(state.notice == nil && state.history.back.count == 1, "on screen, it is followed")
    }

    /// Shown again where it fits, the view is as it was left.
    @Test func whereItFitsTheViewIsAsItWasLeft() {
        let selected = lastOnScreenSelected
        let state = explorer.press(explorer.press(selected, .enter), .character("H"))
        #expect(state.reader == selected.reader)
    }
}
