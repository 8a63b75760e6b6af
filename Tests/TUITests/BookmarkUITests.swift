import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import TUI

/// An in-memory bookmark service: what the explorer asks of storage, without SQLite.
@MainActor
final class FakeBookmarks: BookmarkService {
    struct Mark: Equatable {
        var id: Int64
        var section: Int
        var item: String?
        var note: String?
    }

    var marks: [Mark] = []
    var removed: [Mark] = []
    var sessions: [String: Data] = [:]
    var nextID: Int64 = 1
    var failWrites = false
    /// Another process changed the marks since `entries` last read them (`elsewhere`).
    var changedSinceRead = false
    /// How many times `entries` read the marks.
    var reads = 0

    /// `change` made to the marks as another explorer would make it: this one's list is stale.
    func elsewhere(_ change: (FakeBookmarks) -> Void) {
        change(self)
        changedSinceRead = true
    }

    func changedElsewhere() throws -> Bool { changedSinceRead }

    func entries(in model: LinkedArticle) throws -> [BookmarkEntry] {
        changedSinceRead = false
        reads += 1
        return marks.reversed().map { mark in
            // As the store's service names places: the lead by the article's title.
            let path = mark.section == 0 ? model.article.title
                : model.article.path(to: mark.section).map { model.article.sections[$0].title }.joined(separator: " › ")
            return BookmarkEntry(id: mark.id, articleTitle: model.article.title, path: mark.item.map(model.label(of:)) ?? path,
                                 note: mark.note, createdAt: Date(timeIntervalSince1970: 0),
                                 target: mark.item.flatMap { Target.node($0, in: model) } ?? .section(mark.section),
                                 section: mark.section, item: mark.item, isOrphaned: false)
        }
    }

    func add(section: Int, item: String?, in model: LinkedArticle) throws -> Bool {
        if failWrites { throw Failure(message: "cannot save bookmarks: /ro is read-only") }
        guard !marks.contains(where: { $0.section == section && $0.item == item }) else { return false }
        marks.append(Mark(id: nextID, section: section, item: item))
        nextID += 1
        return true
    }

    func remove(section: Int, item: String?, in model: LinkedArticle) throws -> Int {
        if failWrites { throw Failure(message: "cannot save bookmarks: /ro is read-only") }
        guard let index = marks.firstIndex(where: { $0.section == section && $0.item == item }) else { return 0 }
        removed.append(marks.remove(at: index))
        return 1
    }

    func setNote(_ note: String?, section: Int, item: String?, in model: LinkedArticle, shown: String?) throws -> NoteOutcome {
        let added = try add(section: section, item: item, in: model)
        let index = marks.firstIndex { $0.section == section && $0.item == item }!
        marks[index].note = note
        return added ? .made : .saved
    }

    func setNote(_ note: String?, bookmark id: Int64, shown: String) throws -> NoteOutcome {
        guard let index = marks.firstIndex(where: { $0.id == id }) else { throw Failure(message: "no bookmark #\(id)") }
        marks[index].note = note
        return .saved
    }

    func remove(bookmark id: Int64) throws -> Bool {
        guard let index = marks.firstIndex(where: { $0.id == id }) else { return false }
        removed.append(marks.remove(at: index))
        return true
    }

    func undoRemove() throws -> UndoneRemoval? {
        guard let mark = removed.popLast() else { return nil }
        marks.append(mark)
        marks.sort { $0.id < $1.id }
        return UndoneRemoval(id: mark.id)
    }

    /// The titles in the order of reading, the one read last last, as the store orders them:
    /// a save not `asReadLast` leaves an article where it was (a first one goes first).
    var readOrder: [String] = []

    /// Each session whole, history and all, as JSON: as a store of the version before
    /// histories were kept apart saved it, which a test may also write itself.
    func saveSession(_ record: SessionRecord, for model: LinkedArticle, asReadLast: Bool) throws {
        let title = model.article.title
        sessions[title] = try JSONEncoder().encode(record)
        if asReadLast {
            readOrder.removeAll { $0 == title }
            readOrder.append(title)
        } else if !readOrder.contains(title) {
            readOrder.insert(title, at: 0)
        }
    }
    func session(for model: LinkedArticle) throws -> SessionRecord? {
        try sessions[model.article.title].map { try JSONDecoder().decode(SessionRecord.self, from: $0) }
    }

    struct Failure: Error, CustomStringConvertible { var message: String; var description: String { message } }
}

@MainActor
@Suite("Bookmarks in the explorer")
struct BookmarkUITests {
    let explorer = Explorer(model: bundledModel, bookmarks: true)

    func press(_ runner: ExplorerSession, _ state: AppState, _ keys: Key...) -> AppState {
        keys.reduce(state) { runner.apply(explorer.action(for: .key($1), in: $0), to: $0) }
    }

    @Test func markTogglesTheCurrentSectionAndTheStatusBarSaysSo() {
        let service = FakeBookmarks()
        let runner = ExplorerSession(explorer: explorer, service: service)
        var state = runner.startUp(explorer.initialState(size: Size(width: 120, height: 40)), start: .section(5), restore: true)
        state = press(runner, state, .character("m"))
        #expect(service.marks == [FakeBookmarks.Mark(id: 1, section: 5, item: nil)])
        #expect(state.notice == "Bookmarked: October Revolution (5 lists bookmarks)")
        #expect(explorer.render(state).text.contains("October Revolution ★"))
        state = press(runner, state, .character("m"))
        #expect(service.marks.isEmpty)
        #expect(state.notice == "Bookmark removed: October Revolution (u undoes)")
    }

    /// A long heading cut to the outline's width keeps its ★ after the "…" (it was cut off
    /// with the end of the heading, so the mark showed only on short headings).
    @Test(arguments: [80, 120, 200])
    func theOutlineShowsTheMarkOfACutHeading(width: Int) throws {
        let service = FakeBookmarks()
        let runner = ExplorerSession(explorer: explorer, service: service)
        let section = try #require(bundledModel.article.sections.firstIndex { $0.title == "Strategy and ideological concepts" })
        var state = runner.startUp(explorer.initialState(size: Size(width: width, height: 40)), start: .section(section), restore: true)
        state = press(runner, state, .character("m"))
        state = press(runner, state, .character("1"))
        let screen = explorer.render(state)
        // The outline pane's own rows (the reader marks the heading too). Its headings are
        // ASCII, so a column is a character.
        let pane = try #require(state.layout.rect(of: .outline))
        let rows = (pane.y..<pane.y + pane.height).map { String(Array(screen.row($0)).dropFirst(pane.x).prefix(pane.width)) }
        let row = try #require(rows.first { $0.contains("Strategy and") })
        #expect(row.contains("… ★") || row.contains("Strategy and ideological concepts ★"), "\(row)")
    }

    /// QA 38: at 40 or 41 columns the reader's ★ came after the first line of a heading that
    /// wraps ("# Modern usage by libertarian ★" / "socialists"), and at 42 or 43, where the
    /// heading fills the line, it was dropped. It follows the heading's last word, always.
    @Test(arguments: [40, 41, 42, 43, 44, 60])
    func theReaderShowsTheMarkAfterTheHeading(width: Int) throws {
        let service = FakeBookmarks()
        let runner = ExplorerSession(explorer: explorer, service: service)
        let section = try #require(bundledModel.article.sections.firstIndex { $0.title == "Modern usage by libertarian socialists" })
        var state = runner.startUp(explorer.initialState(size: Size(width: width, height: 12)), start: .section(section), restore: true)
        state = press(runner, state, .character("m"), .escape)
        #expect(state.focus == .reader)
        let screen = explorer.render(state)
        let rows = (0..<12).map { screen.row($0).trimmingCharacters(in: .whitespaces) }
        let heading = try #require(rows.firstIndex { $0.hasPrefix("# Modern usage") })
        let headingRows = rows[heading...].prefix { !$0.isEmpty }.joined(separator: " ")
        #expect(headingRows.hasSuffix("socialists ★"), "\(rows)")
        #expect(headingRows.filter { $0 == "★" }.count == 1, "\(rows)")
    }

    /// Sections 2 and 7 bookmarked, in that order, and the Bookmarks pane focused.
    func twoBookmarks() -> (service: FakeBookmarks, runner: ExplorerSession, state: AppState) {
        let service = FakeBookmarks()
        let runner = ExplorerSession(explorer: explorer, service: service)
        var state = runner.startUp(explorer.initialState(size: Size(width: 120, height: 40)), start: .section(2), restore: true)
        state = press(runner, state, .character("m"))
        state = runner.apply(.follow(.section(7)), to: state)
        state = press(runner, state, .character("m"), .character("'"))
        return (service, runner, state)
    }

    /// Another seealso removed a bookmark this one still lists: editing its note fails, says
    /// why, and the list is read again instead of keeping the row that is gone.
    @Test func aBookmarkRemovedElsewhereLeavesTheListWhenEditingItFails() {
        let (service, runner, start) = twoBookmarks()
        var state = start
        #expect(state.bookmarks.map(\.section) == [7, 2])
        service.marks.removeAll { $0.section == 7 }  // as another process would
        state = press(runner, state, .character("g"), .character("r"), .character("x"), .enter)
        #expect(state.notice == "Note not saved: no bookmark #2 (it read \u{201C}x\u{201D})", "what was typed is said back")
        #expect(state.bookmarks.map(\.section) == [2], "the list is read again")
    }

    @Test func bookmarksPaneJumpsDeletesUndoesAndEditsNotes() {
        let (service, runner, start) = twoBookmarks()
        var state = start
        #expect(state.focus == .bookmarks)
        #expect(state.bookmarks.map(\.section) == [7, 2], "newest first")
        state = press(runner, state, .down, .enter)
        #expect(explorer.currentSection(state) == 2)
        state = press(runner, state, .character("H"))
        #expect(explorer.currentSection(state) == 7, "the jump is in the history")

        state = press(runner, state, .character("5"), .character("g"), .character("d"))
        #expect(service.marks.map(\.section) == [2])
        #expect(state.notice == "Bookmark deleted: Modern usage by libertarian socialists (u undoes)")
        state = press(runner, state, .character("u"))
        #expect(service.marks.map(\.section) == [2, 7])

        state = press(runner, state, .character("g"), .character("r"))
        #expect(state.prompt != nil)
        state = press(runner, state, .character("s"), .character("e"), .character("e"), .backspace, .character("e"), .enter)
        #expect(service.marks.first { $0.section == 7 }?.note == "see")
        #expect(state.prompt == nil)
        #expect(explorer.render(state).text.contains("“see”"))

        state = press(runner, state, .character("r"), .character("x"), .escape)
        #expect(service.marks.first { $0.section == 7 }?.note == "see", "Esc cancels")
    }

    /// `u` puts back what `m` or `d` removed from whatever pane has the focus; its help line
    /// said "Bookmarks: undo the last delete", as if only in the Bookmarks pane (QA 17b).
    @Test func undoWorksInEveryPaneAndItsHelpLineSaysSo() {
        let (service, runner, start) = twoBookmarks()
        var state = press(runner, start, .character("g"), .character("d"), .character("1"))
        #expect(state.focus == .outline)
        #expect(service.marks.map(\.section) == [2])
        state = press(runner, state, .character("u"))
        #expect(service.marks.map(\.section) == [2, 7], "restored from the outline")
        state = press(runner, state, .character("2"), .character("m"))
        #expect(state.focus == .reader && service.marks.map(\.section) == [2])
        state = press(runner, state, .character("u"))
        #expect(service.marks.map(\.section) == [2, 7], "restored from the reader")
        let summary = Command.undoDelete.summary
        #expect(!summary.hasPrefix("Bookmarks:") && summary.contains("any pane"), "\(summary)")
    }

    @Test func noteOnAnUnbookmarkedSectionAddsTheBookmark() {
        let service = FakeBookmarks()
        let runner = ExplorerSession(explorer: explorer, service: service)
        var state = runner.startUp(explorer.initialState(size: Size(width: 80, height: 24)), start: .section(3), restore: true)
        state = press(runner, state, .character("M"))
        #expect(explorer.render(state).text.contains("Note for Petrograd Soviet:"))
        state = press(runner, state, .character("h"), .character("i"), .enter)
        #expect(service.marks == [FakeBookmarks.Mark(id: 1, section: 3, item: nil, note: "hi")])
        // Said as a bookmark made, not as a note on one there ("Note saved.").
        #expect(state.notice == "Bookmarked with the note: Petrograd Soviet (5 lists bookmarks)")
    }

    /// An empty note makes no bookmark where there is none (it made one and said "Note
    /// cleared."), changes nothing where there is no note, and clears a note that is there.
    @Test func anEmptyNoteMakesNoBookmarkAndClearsOnlyANoteThatIsThere() {
        let service = FakeBookmarks()
        let runner = ExplorerSession(explorer: explorer, service: service)
        var state = runner.startUp(explorer.initialState(size: Size(width: 80, height: 24)), start: .section(3), restore: true)
        for note: [Key] in [[], [.character(" "), .character(" ")]] {
            state = press(runner, state, .character("M"))
            state = note.reduce(state) { press(runner, $0, $1) }
            state = press(runner, state, .enter)
            #expect(service.marks.isEmpty, "blank: \(note.count) spaces")
            #expect(state.notice == "Empty note: nothing bookmarked (m bookmarks without a note).")
        }

        state = press(runner, state, .character("m"), .character("r"), .enter)
        #expect(service.marks == [FakeBookmarks.Mark(id: 1, section: 3, item: nil)])
        #expect(state.notice == "Note not changed.")

        state = press(runner, state, .character("M"), .character("h"), .character("i"), .enter)
        #expect(service.marks.first?.note == "hi")
        #expect(state.notice == "Note saved.", "on a place bookmarked already")
        state = press(runner, state, .character("M"), .control("u"), .enter)
        #expect(service.marks.count == 1 && service.marks.first?.note?.isEmpty != false)
        #expect(state.notice == "Note cleared.")

        // The same in the Bookmarks pane, on the highlighted bookmark.
        state = press(runner, state, .character("'"), .character("r"), .enter)
        #expect(state.notice == "Note not changed.")
        state = press(runner, state, .character("r"), .character("x"), .enter, .character("r"), .control("u"), .enter)
        #expect(state.notice == "Note cleared.")
        #expect(service.marks.count == 1 && service.marks.first?.note?.isEmpty != false)
    }

    @Test func markOnASelectedItemInAListPaneBookmarksTheItem() {
        let service = FakeBookmarks()
        let runner = ExplorerSession(explorer: explorer, service: service)
        var state = runner.startUp(explorer.initialState(size: Size(width: 120, height: 40)), start: .item("strategy:municipalism"), restore: true)
        state = press(runner, state, .character("3"), .character("g"), .character("m"))
        #expect(service.marks.first?.item == "see-also:communalism-bookchin")
    }

    @Test func aFailingStoreSaysSoAndReadingGoesOn() {
        let service = FakeBookmarks()
        service.failWrites = true
        let runner = ExplorerSession(explorer: explorer, service: service)
        var state = runner.startUp(explorer.initialState(size: Size(width: 120, height: 40)), start: nil, restore: true)
        state = press(runner, state, .character("m"))
        #expect(state.notice == "Bookmark not changed: cannot save bookmarks: /ro is read-only")
        state = press(runner, state, .character("j"))
        #expect(state.isRunning)
    }

    @Test func theSessionIsRestoredWithItsHistoryUnlessAskedNotTo() throws {
        let service = FakeBookmarks()
        let runner = ExplorerSession(explorer: explorer, service: service)
        var state = runner.startUp(explorer.initialState(size: Size(width: 120, height: 40)), start: nil, restore: true)
        state = runner.apply(.follow(.section(4)), to: state)
        state = runner.apply(.follow(.card("see-also:diarchy")), to: state)
        state = press(runner, state, .character("q"))
        #expect(service.sessions[bundledModel.article.title] != nil)

        var again = runner.startUp(explorer.initialState(size: Size(width: 100, height: 30)), start: nil, restore: true)
        #expect(again.reader.content == .card(itemID: "see-also:diarchy"))
        again = press(runner, again, .character("H"))
        #expect(explorer.currentSection(again) == 4)

        // Not restored: at the top, with where the last run ended (section 4, after H) one
        // step back; quitting keeps that history for the next run, not an empty one.
        var fresh = runner.startUp(explorer.initialState(size: Size(width: 100, height: 30)), start: nil, restore: false)
        #expect(fresh.reader.content == .article && explorer.readerTopLine(fresh) == 0)
        fresh = press(runner, fresh, .character("q"))
        var next = runner.startUp(explorer.initialState(size: Size(width: 100, height: 30)), start: nil, restore: true)
        #expect(next.reader.content == .article && explorer.readerTopLine(next) == 0)
        next = press(runner, next, .character("H"))
        #expect(explorer.currentSection(next) == 4 && next.history.back.count == 1)
    }
}
