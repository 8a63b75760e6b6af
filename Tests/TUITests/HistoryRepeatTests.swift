import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import TUI

/// The jump history never holds one place twice in a row: not from jumps, and not from
/// restarts, which record where the last run ended (it piled up "Dual power → Dual power →
/// Dual power" over `--no-restore` starts).
@MainActor
@Suite("No repeated places in the history")
struct HistoryRepeatTests {
    let explorer = Explorer(model: bundledModel, bookmarks: true)
    let title = bundledModel.article.title
    let size = Size(width: 120, height: 40)

    func press(_ runner: ExplorerSession, _ state: AppState, _ keys: Key...) -> AppState {
        keys.reduce(state) { runner.apply(explorer.action(for: .key($1), in: $0), to: $0) }
    }

    func section(_ heading: String) throws -> Int {
        try #require(bundledModel.article.sections.firstIndex { $0.title == heading })
    }

    /// A jump from the place the last jump left (the reader scrolled back there) records
    /// nothing new: back goes to that place once.
    @Test func aJumpFromThePlaceLastRecordedDoesNotRecordItAgain() throws {
        var state = explorer.initialState(size: size)
        state = explorer.update(state, .follow(.section(try section("July Days' impact"))))
        // Back to the top by paging: g would be a jump of its own.
        while explorer.readerTopLine(state) > 0 { state = explorer.press(state, .character("b")) }
        state = explorer.update(state, .follow(.section(try section("Provisional Government"))))
        #expect(explorer.jumpPath(state) == [title, "Provisional Government"])
        state = explorer.press(state, .character("H"))
        #expect(explorer.readerTopLine(state) == 0)
        state = explorer.press(state, .character("H"))
        #expect(state.notice == "Nothing to go back to.")
    }

    /// g and G are jumps, as in vim and less: after a link followed and then g, H returned to
    /// the top already on screen and the place the link led to was lost (QA: "Back does
    /// nothing, and the jump you made is lost").
    @Test func gAndGAreJumpsThatBackReturnsFrom() throws {
        let background = try section("Background")
        var state = explorer.initialState(size: size)
        state = explorer.update(state, .follow(.section(background)))
        state = explorer.press(state, .character("g"))
        #expect(explorer.readerTopLine(state) == 0)
        #expect(explorer.jumpPath(state) == [title, "Background", title])
        state = explorer.press(state, .character("H"))
        #expect(explorer.currentSection(state) == background)
        state = explorer.press(state, .character("G"))
        state = explorer.press(state, .character("H"))
        #expect(explorer.currentSection(state) == background)
        state = explorer.press(state, .character("L"))
        #expect(explorer.readerTopLine(state) > 0 && explorer.currentSection(state) != background, "forward is the end again")
        // At the top already, g moves nothing and records nothing.
        state = explorer.press(state, .character("g"))
        let history = state.history
        state = explorer.press(state, .character("g"))
        #expect(state.history == history)
    }

    /// A step back to the place on screen (scrolled back there by hand) is passed over: it
    /// showed the same screen and sent that screen forward.
    @Test func aStepToThePlaceOnScreenIsPassedOver() throws {
        let top = explorer.snapshot(explorer.initialState(size: size))
        let background = explorer.snapshot(explorer.update(explorer.initialState(size: size), .follow(.section(try section("Background")))))
        var history = History()
        history.record(top)
        history.record(background)
        var scrolled = background
        scrolled.focus = .outline
        #expect(history.goBack(from: scrolled) == top, "not the background on screen again")
        #expect(history.forward == [scrolled])
        #expect(history.back.isEmpty)
        #expect(history.goForward(from: top) == scrolled)

        var again = History()
        again.record(top)
        scrolled = top
        scrolled.focus = .outline
        #expect(again.goBack(from: scrolled) == nil, "nowhere else to go: nothing to go back to")
        #expect(again.forward.isEmpty)
    }

    /// A folder's session restored with one of its articles opened alone (sessions are kept by
    /// title), or after another article's file was removed: the steps to articles that cannot
    /// be opened here are dropped, and the places that then meet are one (H said "“Alpha” is
    /// not loaded" once per such step, and the path named them).
    @Test func stepsToArticlesThatCannotBeOpenedAreDropped() throws {
        let top = explorer.snapshot(explorer.initialState(size: size))
        var elsewhere = top
        elsewhere.article = "Another article"
        elsewhere.label = "Another article"
        var state = explorer.update(explorer.initialState(size: size), .follow(.section(try section("Background"))))
        var history = History()
        for view in [top, elsewhere, top] { history.record(view) }
        let session = SessionRecord(view: explorer.snapshot(state), history: history)

        state = explorer.update(explorer.initialState(size: size), .restoreSession(session))
        #expect(explorer.jumpPath(state) == [title, "Background"])
        state = explorer.update(explorer.initialState(size: size), .resumeHistory(session))
        #expect(!state.history.back.contains { $0.article == "Another article" })

        // In a folder that has that article, the step stays.
        let inFolder = Explorer(model: bundledModel, bookmarks: true, neighbours: Neighbours(titles: [title, "Another article"]))
        state = inFolder.update(inFolder.initialState(size: size), .restoreSession(session))
        #expect(state.history.back.contains { $0.article == "Another article" })
    }

    /// Each `--no-restore` start records the view the last run ended on, one step back: the
    /// same view, run after run, is one entry.
    @Test func restartsWithoutRestoringRecordTheLastViewOnce() {
        let service = FakeBookmarks()
        let runner = ExplorerSession(explorer: explorer, service: service)
        for _ in 0..<4 {
            let state = runner.startUp(explorer.initialState(size: size), start: nil, restore: false)
            _ = press(runner, state, .character("j"), .character("j"), .character("q"))
        }
        var state = runner.startUp(explorer.initialState(size: size), start: nil, restore: false)
        #expect(state.history.back.count == 1)
        #expect(explorer.jumpPath(state) == [title, title])
        state = press(runner, state, .character("H"))
        #expect(explorer.readerTopLine(state) == 2, "back to where the runs ended")
    }

    /// `--no-restore --section X`: the way back is to where the last run ended, not to the
    /// top this run never showed (the path read "Dual power → Background → Dual power →
    /// Background", and H went to the top).
    @Test func aStartPlaceWithoutRestoringStepsBackToWhereTheLastRunEnded() throws {
        let background = try section("Background"), october = try section("October Revolution")
        let service = FakeBookmarks()
        let runner = ExplorerSession(explorer: explorer, service: service)
        var state = runner.startUp(explorer.initialState(size: size), start: .section(background), restore: false)
        // The first run has no last view, and the top was never shown: nothing to go back to
        // (FirstRunStartTests).
        #expect(explorer.jumpPath(state).isEmpty)
        state = press(runner, state, .character("q"))

        state = runner.startUp(explorer.initialState(size: size), start: .section(background), restore: false)
        #expect(explorer.jumpPath(state).isEmpty, "where the last run ended is where this one starts")
        state = press(runner, state, .character("q"))

        state = runner.startUp(explorer.initialState(size: size), start: .section(october), restore: false)
        #expect(explorer.jumpPath(state) == ["Background", "October Revolution"])
        state = press(runner, state, .character("H"))
        #expect(explorer.currentSection(state) == background)
        state = press(runner, state, .character("L"))
        #expect(explorer.currentSection(state) == october, "forward still goes where back came from")
    }

    /// A start at the place the last run ended, with another cross-reference selected there, is
    /// that same place: which link is selected is how the place was looked at (QA: `--no-restore
    /// --item Anarchism` after quitting on its card read "… → Anarchism → Anarchism", and H
    /// went to the same card).
    @Test func aStartWhereTheLastRunEndedRecordsNothingWhateverIsSelected() throws {
        let anarchism = Target.card("see-also:anarchism")
        let runner = ExplorerSession(explorer: explorer, service: FakeBookmarks())
        var state = runner.startUp(explorer.initialState(size: size), start: nil, restore: true)
        state = runner.apply(.follow(anarchism), to: state)
        state = press(runner, state, .character("]"))
        #expect(state.reader.selectedReference != nil)
        state = press(runner, state, .character("q"))

        state = runner.startUp(explorer.initialState(size: size), start: anarchism, restore: false)
        #expect(explorer.jumpPath(state) == [title, "topic: Anarchism"])
        state = press(runner, state, .character("H"))
        #expect(state.reader.content == .article && explorer.readerTopLine(state) == 0)
    }

    /// A jump to where the reader already is records nothing, though it selects another
    /// cross-reference than the one selected there.
    @Test func aJumpToThePlaceOnScreenRecordsNothing() {
        var state = explorer.initialState(size: size)
        state = explorer.update(state, .follow(.item("strategy:municipalism")))
        let selected = state.reader.selectedReference
        state = explorer.press(state, .character("]"))
        #expect(state.reader.selectedReference != selected)
        let before = state.history
        state = explorer.update(state, .follow(.item("strategy:municipalism")))
        #expect(state.reader.selectedReference == selected)
        #expect(state.history == before)
    }

    /// A folder whose article read last is gone reopens at the article it was opened from,
    /// which was saved as it was left: its last history entry is where it stands. That entry
    /// is not kept as a step back to the same place (QA: the status read "⟨Delta → Delta⟩"
    /// and H showed the same screen).
    @Test func anArticleLeftForOneThatIsGoneReopensWithoutARepeat() throws {
        let october = try section("October Revolution")
        let service = FakeBookmarks()
        let titles = [title, "Other"]
        let other = Explorer(model: ArticleSwitchSaveTests.otherModel, bookmarks: true, neighbours: Neighbours(titles: titles))
        let dualPower = Explorer(model: bundledModel, bookmarks: true,
                                 neighbours: Neighbours(seeAlso: ["see-also:diarchy": "Other"], titles: titles))
        let folder = ExplorerSession(explorer: dualPower, service: service) { $0 == "Other" ? other : nil }
        var state = folder.startUp(dualPower.initialState(size: size), start: nil, restore: true)
        state = folder.apply(.follow(.section(october)), to: state)
        state = folder.apply(.follow(.card("see-also:diarchy")), to: state)
        #expect(folder.explorer.model.article.title == "Other")
        _ = press(folder, state, .character("q"))

        // Other's file is gone: the folder opens Dual power, as it was left.
        let remaining = Explorer(model: bundledModel, bookmarks: true, neighbours: Neighbours(titles: [title]))
        let runner = ExplorerSession(explorer: remaining, service: service)
        state = runner.startUp(remaining.initialState(size: size), start: nil, restore: true)
        #expect(remaining.currentSection(state) == october)
        #expect(remaining.jumpPath(state) == [title, "\(title) › October Revolution"])
        state = press(runner, state, .character("H"))
        #expect(remaining.readerTopLine(state) == 0)
    }

    /// An article that cannot be opened leaves no step back to where the reader still is.
    @Test func aJumpToAnArticleThatCannotBeOpenedRecordsNothing() {
        let dualPower = Explorer(model: bundledModel, bookmarks: true,
                                 neighbours: Neighbours(seeAlso: ["see-also:diarchy": "Other"], titles: [title, "Other"]))
        let runner = ExplorerSession(explorer: dualPower, service: FakeBookmarks()) { _ in nil }
        var state = runner.startUp(dualPower.initialState(size: size), start: .section(5), restore: true)
        let before = state.history
        state = runner.apply(.follow(.card("see-also:diarchy")), to: state)
        #expect(state.notice == "“Other” is not loaded.")
        #expect(state.history == before)
    }

    /// Restoring with a start place was right already: the restored view is one step back, once.
    @Test func aStartPlaceWithRestoringStepsBackToTheRestoredView() throws {
        let background = try section("Background"), october = try section("October Revolution")
        let runner = ExplorerSession(explorer: explorer, service: FakeBookmarks())
        var state = runner.startUp(explorer.initialState(size: size), start: .section(background), restore: true)
        state = press(runner, state, .character("q"))
        for _ in 0..<2 {
            state = runner.startUp(explorer.initialState(size: size), start: .section(october), restore: true)
            state = press(runner, state, .character("q"))
        }
        state = runner.startUp(explorer.initialState(size: size), start: .section(october), restore: true)
        #expect(explorer.jumpPath(state) == ["Background", "October Revolution"])
    }
}
