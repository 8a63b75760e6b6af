import Content
import Testing
@testable import TUI

/// The mouse while an overlay (help, finder, link map, a prompt) is up: it acts on the
/// overlay, never on the panes hidden behind it.
@Suite("The mouse over overlays")
struct OverlayMouseTests {
    let explorer = Explorer(model: bundledModel, bookmarks: true)

    var start: AppState { explorer.initialState(size: Size(width: 120, height: 40)) }

    func press(_ state: AppState, _ keys: Key...) -> AppState {
        keys.reduce(state) { explorer.update($0, explorer.action(for: .key($1), in: $0)) }
    }

    func mouse(_ state: AppState, _ kind: MouseEvent.Kind, x: Int, y: Int, times: Int = 1) -> AppState {
        (0..<times).reduce(state) { state, _ in explorer.update(state, explorer.action(for: .mouse(MouseEvent(kind: kind, x: x, y: y)), in: state)) }
    }

    /// The screen cell of the first cross-reference on screen in the reader.
    func referenceCell(_ state: AppState) throws -> (x: Int, y: Int) {
        try #require(explorer.referenceCell(state), "a cross-reference is on screen")
    }

    /// The screen row on which the finder's box (80 columns from x 20 at 120×40) shows `title`.
    func finderRow(showing title: String, _ state: AppState) -> Int? {
        let screen = explorer.render(state)
        return (0..<state.size.height).first { String(Array(screen.row($0)).dropFirst(20).prefix(80)).contains(" " + title) }
    }

    /// Without an overlay, a double click on a cross-reference follows it: the overlay tests
    /// below rely on that being what the click would do.
    @Test func aDoubleClickOnACrossReferenceFollowsIt() throws {
        let cell = try referenceCell(start)
        let state = mouse(start, .press, x: cell.x, y: cell.y, times: 2)
        #expect(state.history.back.count == 1)
    }

    @Test func overTheHelpClicksDoNothingAndTheWheelScrollsTheHelp() throws {
        let open = press(start, .character("?"))
        let cell = try referenceCell(open)
        let clicked = mouse(open, .press, x: cell.x, y: cell.y, times: 2)
        #expect(clicked.showsHelp)
        #expect(clicked.reader == open.reader && clicked.history.back.isEmpty, "the article behind did not follow the link")
        #expect(clicked.focus == open.focus)

        let help = HelpScreen.layout(.standard, size: open.size)
        let firstLine = { (state: AppState) in explorer.render(state).row(help.box.y + 1) }
        let scrolled = mouse(open, .wheelDown, x: cell.x, y: cell.y, times: 2)
        #expect(scrolled.helpTop > 0)
        #expect(firstLine(scrolled) != firstLine(open), "the help's text moved")
        #expect(scrolled.reader == open.reader, "the reader behind did not scroll")
        let back = mouse(scrolled, .wheelUp, x: cell.x, y: cell.y, times: 2)
        #expect(back.helpTop == 0)
    }

    @Test func overTheLinkMapTheWheelMovesItsSelection() throws {
        let open = press(start, .character("v"))
        let map = try #require(open.linkMap)
        #expect(LinkMap(model: bundledModel, focus: map.focus).nodes.count >= 2)
        let cell = try referenceCell(start)
        let moved = mouse(open, .wheelDown, x: cell.x, y: cell.y)
        #expect(moved.linkMap?.selection == map.selection + 1)
        #expect(moved.reader == open.reader)
        #expect(mouse(moved, .wheelUp, x: cell.x, y: cell.y).linkMap?.selection == map.selection)
    }

    /// The screen cell where the open map draws node `index`'s label, found in the frame.
    func nodeCell(_ index: Int, _ state: AppState) throws -> (x: Int, y: Int) {
        let open = try #require(state.linkMap)
        let label = LinkMap(model: bundledModel, focus: open.focus).nodes[index].label
        let screen = explorer.render(state)
        for y in 0..<state.size.height {
            let row = Array(screen.row(y))
            if let x = row.indices.first(where: { String(row[$0...]).hasPrefix(label) }) { return (x, y) }
        }
        throw CancellationError()
    }

    /// As in the panes and the finder: a click on a node selects it, a click on the selected
    /// node follows it; a click on no node (the focus box, the title) does nothing.
    @Test func overTheLinkMapAClickSelectsANodeAndASecondFollowsIt() throws {
        let open = press(start, .character("v"))
        let map = LinkMap(model: bundledModel, focus: try #require(open.linkMap).focus)
        let index = try #require(map.nodes.indices.dropFirst().first { map.target(of: $0) != nil }, "a followable node besides the first")
        let cell = try nodeCell(index, open)

        let selected = mouse(open, .press, x: cell.x + 1, y: cell.y)
        #expect(selected.linkMap?.selection == index)
        #expect(selected.reader == open.reader && selected.history.back.isEmpty)
        let followed = mouse(selected, .press, x: cell.x + 1, y: cell.y)
        #expect(followed.linkMap == nil)
        #expect(followed.history.back.count == 1, "followed, with history, as Enter does")
        #expect(followed == press(selected, .enter))

        for (x, y) in [(0, 0), (open.size.width / 2, open.size.height / 2)] {
            let clicked = mouse(open, .press, x: x, y: y, times: 2)
            #expect(clicked.linkMap == open.linkMap, "no node at \(x),\(y)")
            #expect(clicked.reader == open.reader && clicked.history.back.isEmpty)
        }
    }

    @Test func inTheFinderTheWheelMovesTheSelectionAndAClickSelectsARowThenJumps() throws {
        let open = press(start, .character(":"))
        let cell = try referenceCell(start)
        let behind = mouse(open, .press, x: cell.x, y: cell.y, times: 2)
        #expect(behind.finder == open.finder && behind.reader == open.reader && behind.history.back.isEmpty)

        let wheeled = mouse(open, .wheelDown, x: 60, y: 10, times: 2)
        #expect(wheeled.finder?.selection == 2)
        #expect(wheeled.reader == open.reader)
        #expect(mouse(wheeled, .wheelUp, x: 60, y: 10).finder?.selection == 1)

        // Click the row showing the fourth result: it is selected; a second click jumps to it.
        let results = explorer.finderResults(open)
        let title = results[3].entry.title
        let y = try #require(finderRow(showing: title, open))
        let selected = mouse(open, .press, x: 60, y: y)
        #expect(selected.finder?.selection == 3)
        #expect(selected.reader == open.reader)
        let jumped = mouse(selected, .press, x: 60, y: y)
        #expect(jumped.finder == nil)
        #expect(jumped.history.back.count == 1)
        #expect(results[3].entry.target == .section(3) && explorer.currentSection(jumped) == 3)
    }

    /// Scrolled down, a click selects the row under the pointer and the list stays put, so
    /// that a second click on the same place jumps to that row.
    @Test func aClickInAScrolledFinderKeepsTheRowsInPlace() throws {
        var state = press(start, .character(":"))
        state = mouse(state, .wheelDown, x: 60, y: 10, times: 40)
        #expect(state.finder?.selection == 40)
        let title = explorer.finderResults(state)[35].entry.title
        let y = try #require(finderRow(showing: title, state))
        state = mouse(state, .press, x: 60, y: y)
        #expect(state.finder?.selection == 35)
        #expect(finderRow(showing: title, state) == y, "the row stayed under the pointer")
        state = mouse(state, .press, x: 60, y: y)
        #expect(state.finder == nil)
        #expect(state.history.back.count == 1)
    }

    @Test func aNotePromptIgnoresTheMouse() throws {
        let open = press(start, .character("M"))
        #expect(open.prompt != nil)
        let cell = try referenceCell(open)
        var state = mouse(open, .press, x: cell.x, y: cell.y, times: 2)
        state = mouse(state, .wheelDown, x: cell.x, y: cell.y)
        #expect(state.reader == open.reader && state.history.back.isEmpty)
        #expect(state.prompt == open.prompt)
        #expect(explorer.render(state).text.contains("Note for"))
    }

    /// A click used to follow a link under the search prompt, which dropped the search while
    /// the prompt stayed open: the keys typed next did nothing.
    @Test func theSearchPromptIgnoresTheMouseAndTypingGoesOn() throws {
        var state = press(start, .character("/"), .character("L"), .character("e"), .character("n"))
        let typed = state
        let cell = try referenceCell(state)
        state = mouse(state, .press, x: cell.x, y: cell.y, times: 2)
        state = mouse(state, .wheelDown, x: cell.x, y: cell.y)
        #expect(state.reader == typed.reader && state.history.back.isEmpty)
        #expect(state.search == typed.search)
        state = press(state, .character("i"), .character("n"))
        #expect(state.search?.query == "Lenin")
        #expect(explorer.render(state).text.contains("/Lenin"))
    }
}
