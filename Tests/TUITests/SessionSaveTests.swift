import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import TUI

/// Where the person was is saved without `q`: when input pauses (so that a crash loses at
/// most the last moment's scrolling) and when a signal asks the explorer to end.
@MainActor
@Suite("Saving the view on a pause and on a signal")
struct SessionSaveTests {
    let explorer = Explorer(model: bundledModel, bookmarks: true)

    func press(_ runner: ExplorerSession, _ state: AppState, _ keys: Key...) -> AppState {
        keys.reduce(state) { runner.apply(explorer.action(for: .key($1), in: $0), to: $0) }
    }

    /// An explorer at 120×40 on a fresh in-memory store, started as the runtime starts it.
    func startedWithAStore() -> (service: FakeBookmarks, runner: ExplorerSession, state: AppState) {
        let service = FakeBookmarks()
        let runner = ExplorerSession(explorer: explorer, service: service)
        return (service, runner, runner.startUp(explorer.initialState(size: Size(width: 120, height: 40)), start: nil, restore: true))
    }

    func savedView(_ service: FakeBookmarks) throws -> ViewSnapshot? {
        try service.sessions["Dual power"].map { try JSONDecoder().decode(SessionRecord.self, from: $0).view }
    }

    @Test("Scrolling alone saves nothing until input pauses; the pause saves the view once, and keeps the notice")
    func pauseSavesTheScrolledView() throws {
        let (service, runner, started) = startedWithAStore()
        var state = started
        state = runner.apply(.pause, to: state)
        let atStart = try savedView(service)
        state = press(runner, state, .character(" "), .character(" "))
        #expect(try savedView(service) == atStart, "a page down is not a jump: not saved at once")
        state = runner.apply(.notice("Hello"), to: state)
        state = runner.apply(.pause, to: state)
        let saved = try #require(try savedView(service))
        #expect(saved.reader.top == state.reader.top)
        #expect(saved.reader.top != atStart?.reader.top)
        #expect(state.notice == "Hello", "no key was pressed: the notice stays")

        service.sessions = [:]
        state = runner.apply(.pause, to: state)
        #expect(service.sessions.isEmpty, "nothing moved since: nothing written")
    }

    @Test("A pause while the search prompt is open saves nothing: the view it moved to is provisional")
    func pauseInAPromptSavesNothing() throws {
        let (service, runner, started) = startedWithAStore()
        var state = started
        state = runner.apply(.pause, to: state)
        let before = try savedView(service)
        state = press(runner, state, .character("/"), .character("K"), .character("o"), .character("s"), .character("o"), .character("v"))
        #expect(state.prompt != nil)
        #expect(state.reader.top != before?.reader.top, "search-as-you-type moved the view")
        state = runner.apply(.pause, to: state)
        #expect(try savedView(service) == before)
        state = press(runner, state, .enter)
        state = runner.apply(.pause, to: state)
        #expect(try savedView(service)?.reader.top == state.reader.top, "once the search is kept, its view is saved")
    }

    /// At 80×24 one side pane is shown beside the reader: the last one focused. Focused, then
    /// left for the reader, it is shown after a restart too (the restart showed the
    /// Cross-links); at 120×40, the Bookmarks under the cross-links (it showed the Backlinks).
    @Test("A restart shows the side panes that were shown, the focus being on the reader",
          arguments: [(Size(width: 80, height: 24), Key.character("4"), PaneID.backlinks),
                      (Size(width: 120, height: 40), Key.character("5"), PaneID.bookmarks)])
    func restartShowsTheSidePanesLeft(size: Size, key: Key, pane: PaneID) throws {
        let service = FakeBookmarks()
        let first = ExplorerSession(explorer: explorer, service: service)
        var state = first.startUp(explorer.initialState(size: size), start: nil, restore: true)
        state = press(first, state, key, .character("2"), .character("j"))
        let left = state.layout.panes.map(\.id)
        #expect(left.contains(pane))
        state = press(first, state, .character("q"))

        let again = ExplorerSession(explorer: explorer, service: service)
        let restored = again.startUp(explorer.initialState(size: size), start: nil, restore: true)
        #expect(restored.focus == .reader)
        #expect(restored.layout.panes.map(\.id) == left)
    }

    @Test("A session restored at start-up is not written back on the first pause")
    func restoredViewIsNotRewritten() throws {
        let service = FakeBookmarks()
        let first = ExplorerSession(explorer: explorer, service: service)
        var state = first.startUp(explorer.initialState(size: Size(width: 120, height: 40)), start: .section(5), restore: true)
        state = press(first, state, .character("q"))
        let quitView = try #require(try savedView(service))

        let again = ExplorerSession(explorer: explorer, service: service)
        state = again.startUp(explorer.initialState(size: Size(width: 120, height: 40)), start: nil, restore: true)
        service.sessions = [:]
        state = again.apply(.pause, to: state)
        #expect(service.sessions.isEmpty)
        #expect(explorer.currentSection(state) == 5)
        #expect(quitView.reader.top == state.reader.top)
    }

    @Test("A signal's end quits and saves the view, even with the help open")
    func endQuitsAndSaves() throws {
        let (service, runner, started) = startedWithAStore()
        var state = started
        state = press(runner, state, .character(" "), .character("?"))
        #expect(state.showsHelp)
        state = runner.apply(.end, to: state)
        #expect(!state.isRunning)
        #expect(try savedView(service)?.reader.top == state.reader.top)
        #expect(state.reader.top != explorer.initialState(size: Size(width: 120, height: 40)).reader.top)
    }
}
