import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import seealso
@testable import Store
@testable import TUI

/// Two explorers open on one data folder, each with its own connection to the database, as two
/// terminal windows have (QA: `m` in the second removed a bookmark the first had just made, which
/// the second did not show; `d` there "deleted" one already gone and offered an undo of nothing).
@MainActor
@Suite("Two explorers on one store")
struct TwoExplorersTests {
    let folder: TemporaryDirectory
    let model: LinkedArticle
    let criticism: Int

    init() throws {
        folder = try TemporaryDirectory()
        model = try Fixture.model()
        criticism = try #require(model.article.sections.firstIndex { $0.title == "Criticism" })
    }

    /// An explorer over its own connection to the shared store, reading Criticism.
    final class Window {
        let service: StoreService
        let runner: ExplorerSession
        var state: AppState

        @MainActor
        init(_ model: LinkedArticle, data: URL, at section: Int) throws {
            service = StoreService(store: try StateStore(directory: data))
            runner = ExplorerSession(explorer: Explorer(model: model, bookmarks: true), service: service)
            state = runner.startUp(runner.explorer.initialState(size: Size(width: 120, height: 40)), start: .section(section), restore: false)
        }

        /// Keys typed, each as the runtime hands it over.
        @MainActor
        func press(_ keys: String) {
            for key in keys { state = runner.apply(runner.explorer.action(for: .key(.character(key)), in: state), to: state) }
        }

        /// Input pausing after the last key (`Terminal.run`'s `.pause`).
        @MainActor
        func pause() { state = runner.apply(.pause, to: state) }

        @MainActor
        var marked: Set<Int> { runner.explorer.bookmarkedSections(state) }
    }

    func windows() throws -> (a: Window, b: Window) {
        let data = folder.file("data")
        return (try Window(model, data: data, at: criticism), try Window(model, data: data, at: criticism))
    }

    func stored() throws -> [Bookmark] { try StateStore(directory: folder.file("data")).bookmarks() }

    @Test func markWhereTheOtherBookmarkedAddsNothingAndRemovesNothing() throws {
        let (a, b) = try windows()
        a.press("m")
        #expect(a.state.notice == "Bookmarked: Criticism (5 lists bookmarks)")
        #expect(b.marked.isEmpty, "b has not read the store since")

        b.press("m")
        #expect(b.state.notice == "Already bookmarked (in another window): Criticism")
        #expect(try stored().map(\.heading) == ["Criticism"], "a's bookmark is kept, not removed")
        #expect(b.marked == [criticism], "b shows it now (★)")
        b.press("u")
        #expect(b.state.notice == "Nothing to undo.")
        #expect(try stored().count == 1)
    }

    /// `M` on a place the other window bookmarked meanwhile said "Bookmarked with the note",
    /// as if it had made one (QA 10b): the store says whether it did.
    @Test func noteWhereTheOtherBookmarkedSavesItOnThatBookmark() throws {
        let (a, b) = try windows()
        a.press("m")
        b.press("Mread again")
        b.state = b.runner.apply(b.runner.explorer.action(for: .key(.enter), in: b.state), to: b.state)
        #expect(b.state.notice == "Note saved on the bookmark made in another window: Criticism")
        #expect(try stored().map(\.note) == ["read again"], "one bookmark, a's, with b's note")
        #expect(b.marked == [criticism])

        // Where the store has none, M still makes one, and says so.
        let (_, c) = try windows()
        let lead = 0
        c.state = c.runner.apply(.follow(.section(lead)), to: c.state)
        c.press("Mlead note")
        c.state = c.runner.apply(c.runner.explorer.action(for: .key(.enter), in: c.state), to: c.state)
        #expect(c.state.notice?.hasPrefix("Bookmarked with the note: ") == true, "\(c.state.notice ?? "")")
        #expect(try stored().count == 2)
    }

    /// QA 13a: `M` on a place the other window had bookmarked with a note, which this one
    /// never showed, overwrote that note unsaid. It is kept, and said.
    @Test func noteWhereTheOtherWroteOneKeepsIt() throws {
        let (a, b) = try windows()
        a.press("Mimportant")
        a.state = a.runner.apply(a.runner.explorer.action(for: .key(.enter), in: a.state), to: a.state)
        b.press("Mmine")
        b.state = b.runner.apply(b.runner.explorer.action(for: .key(.enter), in: b.state), to: b.state)
        #expect(b.state.notice == "Note not saved: the bookmark made in another window has one: \u{201C}important\u{201D}; "
                + "yours: \u{201C}mine\u{201D} (M edits it)")
        #expect(b.runner.notesKeptOut.map { "\($0.place): \($0.note)" } == ["Criticism: mine"], "said again on quitting")
        #expect(try stored().map(\.note) == ["important"])
        // Now shown, with its note in the prompt: M edits it.
        b.press("M")
        #expect(b.state.prompt?.text == "important")
    }

    /// QA 25: both windows' prompts showed "from a"; b saved "b's", then a saved "a's": b's
    /// note was gone without a word (and so was one written by `bookmarks add --note`). A note
    /// changed in another window since the prompt showed it is kept, and said, as `m` says
    /// "Already removed (in another window)"; the prompt then shows it.
    @Test func aNoteChangedElsewhereSinceThePromptShowedItIsKept() throws {
        let (a, b) = try windows()
        func enter(_ window: Window) {
            window.state = window.runner.apply(window.runner.explorer.action(for: .key(.enter), in: window.state), to: window.state)
        }
        a.press("Mfrom a")
        enter(a)
        b.pause()
        a.press("M")
        b.press("M")
        #expect(a.state.prompt?.text == "from a" && b.state.prompt?.text == "from a")
        b.press("!")
        enter(b)
        #expect(b.state.notice == "Note saved.")
        a.press("?")
        enter(a)
        #expect(a.state.notice == "Note not saved: another window changed it meanwhile, to \u{201C}from a!\u{201D}; yours: \u{201C}from a?\u{201D} (M edits it)")
        #expect(try stored().map(\.note) == ["from a!"])
        a.press("M")
        #expect(a.state.prompt?.text == "from a!", "the prompt shows the note kept")

        // Cleared there: said so, and the note is not brought back.
        let store = try StateStore(directory: folder.file("data"))
        let id = try #require(try store.bookmarks().first?.id)
        try store.setNote(nil, forBookmark: id)
        a.press(" again")
        enter(a)
        #expect(a.state.notice == "Note not saved: another window changed it meanwhile, and cleared it; yours: \u{201C}from a! again\u{201D} (M edits it)")
        #expect(try stored().map(\.note) == [nil])

        // In the Bookmarks pane, by the bookmark's number: the same.
        a.pause()
        a.press("5M")
        #expect(a.state.prompt?.text == "")
        try store.setNote("from the shell", forBookmark: id)
        a.press("mine")
        enter(a)
        #expect(a.state.notice == "Note not saved: another window changed it meanwhile, to \u{201C}from the shell\u{201D}; yours: \u{201C}mine\u{201D} (M edits it)")
        #expect(a.runner.notesKeptOut.map(\.note) == ["from a?", "from a! again", "mine"])
        #expect(try stored().map(\.note) == ["from the shell"])
        // Unchanged since it was shown, it is saved as before.
        a.press("M")
        a.press("!")
        enter(a)
        #expect(a.state.notice == "Note saved.")
        #expect(try stored().map(\.note) == ["from the shell!"])

        // From the reader, the bookmark removed there meanwhile: made again with what was
        // typed, and said (QA 26: "Bookmarked with the note", as if none had been shown).
        a.press("2M")
        #expect(a.state.prompt?.text == "from the shell!")
        try store.removeBookmark(id: id)
        a.press("?")
        enter(a)
        #expect(a.state.notice?.hasPrefix("Bookmarked again with the note, removed meanwhile in another window: Criticism") == true,
                "\(a.state.notice ?? "")")
        #expect(try stored().map(\.note) == ["from the shell!?"])

        // Its note cleared (Ctrl-U, Enter) once removed there: no bookmark is made for an
        // empty note, and it is said as m says it (QA 27: made again, "Note cleared.").
        a.pause()
        a.press("M")
        let made = try #require(try StateStore(directory: folder.file("data")).bookmarks().first?.id)
        try store.removeBookmark(id: made)
        a.state = a.runner.apply(a.runner.explorer.action(for: .key(.control("u")), in: a.state), to: a.state)
        enter(a)
        #expect(a.state.notice == "Already removed (in another window): Criticism")
        #expect(try stored().isEmpty)

        // In the Bookmarks pane, by its number, once removed there: not saved, and what was
        // typed is said back (QA 27: it was lost, "Bookmark #2 was removed meanwhile, by
        // another seealso").
        a.press("m")
        a.pause()
        a.press("5M")
        let again = try #require(try StateStore(directory: folder.file("data")).bookmarks().first?.id)
        try store.removeBookmark(id: again)
        a.press("xyz")
        enter(a)
        #expect(a.state.notice == "Note not saved: the bookmark was removed in another window (it read \u{201C}xyz\u{201D})")
        #expect(try stored().isEmpty)
    }

    @Test func markOnAStarTheOtherRemovedSaysSo() throws {
        let (a, b) = try windows()
        a.press("m")
        b.pause()
        #expect(b.marked == [criticism])
        a.press("m")
        #expect(a.state.notice == "Bookmark removed: Criticism (u undoes)")

        b.press("m")
        #expect(b.state.notice == "Already removed (in another window): Criticism")
        #expect(b.marked.isEmpty)
        #expect(try stored().isEmpty, "nothing made either")
        b.press("u")
        #expect(b.state.notice == "Nothing to undo.")
        #expect(try stored().isEmpty)
    }

    @Test func deleteOfABookmarkTheOtherDeletedSaysSoAndOffersNoUndo() throws {
        let (a, b) = try windows()
        a.press("m")
        a.press("'")
        b.press("'")
        #expect(b.state.bookmarks.map(\.path) == ["Criticism"])
        a.press("d")
        #expect(a.state.notice == "Bookmark deleted: Criticism (u undoes)")

        b.press("d")
        #expect(b.state.notice == "Already deleted (in another window): Criticism")
        #expect(b.state.bookmarks.isEmpty, "the pane is read again")
        b.press("u")
        #expect(b.state.notice == "Nothing to undo.")
        #expect(try stored().isEmpty)
        // `m` on a highlighted bookmark gone meanwhile says it in m's words.
        a.press("u")
        b.pause()
        a.press("d")
        b.press("m")
        #expect(b.state.notice == "Already removed (in another window): Criticism")
    }

    /// When input pauses, each explorer shows what the other changed: the ★ marks and the pane.
    @Test func aPauseShowsWhatTheOtherChanged() throws {
        let (a, b) = try windows()
        b.press("'")
        a.press("m")
        #expect(b.state.bookmarks.isEmpty && b.marked.isEmpty)
        b.pause()
        #expect(b.state.bookmarks.map(\.path) == ["Criticism"])
        #expect(b.marked == [criticism])
        #expect(b.runner.explorer.render(b.state).text.contains("Bookmarks (1)"))

        a.press("M")
        for key in "why" { a.state = a.runner.apply(.promptKey(.character(key)), to: a.state) }
        a.state = a.runner.apply(.promptKey(.enter), to: a.state)
        b.pause()
        #expect(b.state.bookmarks.map(\.note) == ["why"])
    }

    /// The check is of others' writes: an explorer's own bookmarks and saved views do not make
    /// it read the list again at the next pause. (Any write of another counts, its saved views
    /// too: b's start-up saved its own, which a reads the list again for, once.)
    @Test func anExplorersOwnWritesAreNotChangesElsewhere() throws {
        let (a, b) = try windows()
        #expect(try a.service.changedElsewhere(), "b saved its session since a read the list")
        a.pause()
        #expect(try !a.service.changedElsewhere(), "read at the pause")
        a.press("m")
        a.press("j")
        a.pause()  // saves the view, which moved
        a.press("M")
        a.state = a.runner.apply(.promptKey(.character("x")), to: a.state)
        a.state = a.runner.apply(.promptKey(.enter), to: a.state)
        #expect(try !a.service.changedElsewhere())
        #expect(try b.service.changedElsewhere())
        b.pause()
        #expect(try !b.service.changedElsewhere(), "read at the pause")
    }

    /// The line stderr says on quitting of a note kept out names its place, the article's
    /// words, with their escapes made visible, as on screen.
    @Test func aNoteKeptOutIsSaidWithItsPlaceMadeVisible() {
        let line = Exploration.noteKeptOut(place: "Evil \u{1B}]0;pwned\u{07} title", note: "mine")
        #expect(line == "the note typed for Evil ^[]0;pwned^G title was not saved (another window had changed its note): \u{201C}mine\u{201D}")
    }

    /// QA 40: two windows on one article: the last to quit left its place and the other's
    /// jump history, which is written at a jump only, so that back led where it had never been.
    @Test func theLastToQuitLeavesItsPlaceAndItsHistory() throws {
        let (a, b) = try windows()
        let history = try model.sectionIndex("History")
        for section in [history, 0] { a.state = a.runner.apply(.follow(.section(section)), to: a.state) }
        a.pause()
        b.state = b.runner.apply(.follow(.section(0)), to: b.state)
        b.pause()
        #expect(a.state.history != b.state.history)
        a.press("j")
        a.state = a.runner.apply(.command(.quit), to: a.state)

        let saved = try #require(try StoreService(store: try StateStore(directory: folder.file("data"))).session(for: model))
        #expect(saved.history == a.state.history)
        #expect(saved.view.place?.section.id == model.article.sections[a.runner.explorer.currentSection(a.state)].id)
    }

    /// A pause with nothing written by another window since writes the view, not the history
    /// again (see `SessionHistoryStoreTests`); one after another window's write writes both once.
    @Test func theHistoryIsWrittenAgainOnlyAfterAnotherWindowsWrite() throws {
        let (a, b) = try windows()
        a.state = a.runner.apply(.follow(.section(0)), to: a.state)
        a.pause()
        let store = try StateStore(directory: folder.file("data"))
        /// How many histories `body` wrote anew; it must have saved the view.
        func historyWrites(_ body: () -> Void) throws -> Int {
            try store.database.execute("CREATE TEMP TABLE IF NOT EXISTS seen (data BLOB); DELETE FROM seen; INSERT INTO seen SELECT data FROM history")
            let view = try store.database.query("SELECT data FROM session") { $0.blob(0) }
            body()
            #expect(try store.database.query("SELECT data FROM session") { $0.blob(0) } != view, "the view saved")
            return Int(try store.database.integer("SELECT count(*) FROM history WHERE data NOT IN (SELECT data FROM seen)") ?? 0)
        }
        // Each a view of its own (the focus moved), which a pause saves.
        #expect(try historyWrites { a.press("1"); a.pause() } == 0)
        for section in [try model.sectionIndex("History"), 0] { b.state = b.runner.apply(.follow(.section(section)), to: b.state) }
        b.pause()
        #expect(a.state.history != b.state.history)
        #expect(try historyWrites { a.press("2"); a.pause() } == 1, "a's history again, over b's")
        #expect(try historyWrites { a.press("1"); a.pause() } == 0)
    }
}
