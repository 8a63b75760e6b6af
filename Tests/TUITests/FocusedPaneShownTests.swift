import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import TUI

/// The focused pane is always on screen: beside the reader (80–119 columns) and under the
/// cross-links (120 and more) is the pane that has the focus, however it got it. QA: `1`, `q`
/// and a restart at 100×30 gave the outline the focus with the cross-links shown, and `j j
/// Enter` moved the hidden outline and jumped; after `5` at 120×30 the restart showed the
/// backlinks, and `d` deleted a bookmark nobody could see.
@MainActor
@Suite("The focused pane is shown")
struct FocusedPaneShownTests {
    let explorer = Explorer(model: bundledModel, bookmarks: true)

    func press(_ runner: ExplorerSession, _ state: AppState, _ keys: String) -> AppState {
        keys.reduce(state) { runner.apply(explorer.action(for: .key(.character($1)), in: $0), to: $0) }
    }

    func started(_ runner: ExplorerSession, _ size: Size) -> AppState {
        runner.startUp(explorer.initialState(size: size), start: nil, restore: true)
    }

    /// The focused pane's title bar, as drawn: " N Title".
    func shownFocused(_ state: AppState) -> Bool {
        guard let rect = state.layout.rect(of: state.focus) else { return false }
        let title = explorer.render(state).row(rect.y)
        return title.contains(" \(state.focus.rawValue) ")
    }

    @Test(arguments: [("1", PaneID.outline, 100), ("4", .backlinks, 100), ("5", .bookmarks, 100), ("5", .bookmarks, 120)])
    func aRestartShowsThePaneThatHadTheFocus(key: String, pane: PaneID, width: Int) {
        let service = FakeBookmarks()
        service.marks = [FakeBookmarks.Mark(id: 1, section: 3, item: nil)]
        let size = Size(width: width, height: 30)
        let first = ExplorerSession(explorer: explorer, service: service)
        _ = press(first, started(first, size), key + "q")

        let again = started(ExplorerSession(explorer: explorer, service: service), size)
        #expect(again.focus == pane)
        #expect(again.layout.contains(pane), "the focused pane is on screen")
        #expect(shownFocused(again))
    }

    /// Back restores the focus of the view it returns to: the pane that had it is shown again.
    @Test func backShowsThePaneItFocuses() {
        let runner = ExplorerSession(explorer: explorer, service: FakeBookmarks())
        var state = started(runner, Size(width: 100, height: 30))
        // From the outline, Enter on a section: a jump made with the outline focused.
        state = press(runner, state, "1jj")
        state = runner.apply(explorer.action(for: .key(.enter), in: state), to: state)
        #expect(state.history.back.count == 1)
        state = press(runner, state, "3")
        #expect(state.layout.contains(.crossLinks) && !state.layout.contains(.outline))

        state = press(runner, state, "H")
        #expect(state.focus == .outline)
        #expect(state.layout.contains(.outline), "the outline comes back beside the reader")
        state = press(runner, state, "L")
        #expect(state.focus == .crossLinks && state.layout.contains(.crossLinks), "forward: the view H left")
    }

    /// A resize between the layouts keeps the focused pane on screen in each.
    @Test(arguments: [Command.focusOutline, .focusCrossLinks, .focusBacklinks, .focusBookmarks])
    func resizingKeepsTheFocusedPaneShown(command: Command) {
        var state = explorer.update(explorer.initialState(size: Size(width: 100, height: 30)), .command(command))
        for width in [130, 90, 60, 120, 100, 200] {
            state = explorer.update(state, .resize(Size(width: width, height: 30)))
            #expect(state.layout.contains(state.focus), "at \(width) columns")
        }
    }
}
