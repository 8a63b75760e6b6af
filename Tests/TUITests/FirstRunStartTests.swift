import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import TUI

/// `--section` and `--item` open the article at that place. On a first run (no saved session)
/// there is nothing before it: H went to the top of the article, which was never shown
/// (QA 17; the README promised "never the top of the article they open").
@MainActor
@Suite("A first run's start place")
struct FirstRunStartTests {
    let explorer = Explorer(model: bundledModel, bookmarks: true)
    let size = Size(width: 120, height: 40)

    func press(_ runner: ExplorerSession, _ state: AppState, _ keys: Key...) -> AppState {
        keys.reduce(state) { runner.apply(explorer.action(for: .key($1), in: $0), to: $0) }
    }

    nonisolated static let starts: [Target] = [
        .section(bundledModel.article.sections.firstIndex { $0.title == "Background" }!),
        .item("see-also:anarchism"),
    ]

    @Test(arguments: starts, [true, false])
    func backHasNothingToGoTo(start: Target, restore: Bool) {
        let runner = ExplorerSession(explorer: explorer, service: FakeBookmarks())
        var state = runner.startUp(explorer.initialState(size: size), start: start, restore: restore)
        let top = explorer.readerTopLine(state)
        #expect(top > 0)
        #expect(explorer.jumpPath(state).isEmpty)
        state = press(runner, state, .character("H"))
        #expect(state.notice == "Nothing to go back to.")
        #expect(explorer.readerTopLine(state) == top)
    }

    /// Without a bookmark store there is no session either: the same.
    @Test func withoutAStoreToo() {
        let explorer = Explorer(model: bundledModel)
        let runner = ExplorerSession(explorer: explorer, service: nil)
        let state = runner.startUp(explorer.initialState(size: size), start: .item("see-also:anarchism"), restore: true)
        #expect(explorer.update(state, .command(.back)).notice == "Nothing to go back to.")
    }
}
