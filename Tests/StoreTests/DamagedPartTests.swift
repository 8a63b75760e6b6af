import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import seealso
@testable import Store
@testable import TUI

/// A store that opens as sound and has one damaged part (QA 38: page 5, the session table's,
/// overwritten by `dd`): the saved reading place was lost without a word, bookmarks were
/// still written to the file, and on exit "the reading place was not saved: … is damaged or
/// not a database; it was left untouched", which the file was not.
@MainActor
@Suite("A store with a damaged part")
struct DamagedPartTests {
    let dualPower: LinkedArticle
    init() throws { dualPower = try ArticleLoader.bundled() }

    /// A store in `data` with a session at section 2 and one bookmark, whose session table's
    /// first page is then overwritten where its header says what kind of page it is.
    func damagedStore(in data: TemporaryDirectory) throws {
        let store = try StateStore(directory: data.url)
        let explorer = Explorer(model: dualPower, bookmarks: true)
        let state = explorer.update(explorer.initialState(size: Size(width: 120, height: 40)), .follow(.section(2)))
        try StoreService(store: store).saveSession(SessionRecord(view: explorer.snapshot(state), history: History()), for: dualPower, asReadLast: true)
        try store.addBookmark(in: dualPower, sectionIndex: 1, note: "keep me")
        let page = try #require(try store.database.integer("SELECT rootpage FROM sqlite_master WHERE name = 'session'"))
        let size = try #require(try store.database.integer("PRAGMA page_size"))
        store.checkpoint()
        let file = try FileHandle(forWritingTo: data.url.appendingPathComponent(StateStore.fileName))
        try file.seek(toOffset: UInt64((page - 1) * size))
        try file.write(contentsOf: Data([0x7F, 0x7F]))
        try file.close()
    }

    @Test("The part that cannot be read is said as damaged, not as a file left untouched; the rest is read")
    func damagedSessionTable() throws {
        let data = try TemporaryDirectory()
        try damagedStore(in: data)
        let store = try StateStore(directory: data.url)
        let path = data.url.appendingPathComponent(StateStore.fileName).path
        #expect(throws: StoreError.damaged(path: path)) { try store.session(for: ArticleIdentity(self.dualPower), file: BookmarkFile.bundled) }
        #expect(StoreError.damaged(path: path).description
                == "\(path) is damaged: a part of it cannot be read, and seealso does not repair it (move it away, or use --data-dir DIR)")
        #expect(try store.bookmarks().map(\.note) == ["keep me"])
    }

    @Test("The explorer says at start-up that the reading place could not be read")
    func saidAtStartUp() throws {
        let data = try TemporaryDirectory()
        try damagedStore(in: data)
        let explorer = Explorer(model: dualPower, bookmarks: true)
        let runner = ExplorerSession(explorer: explorer, service: StoreService(store: try StateStore(directory: data.url)))
        let state = runner.startUp(explorer.initialState(size: Size(width: 120, height: 40)), start: nil, restore: true)
        let path = data.url.appendingPathComponent(StateStore.fileName).path
        #expect(state.notice == "The reading place could not be read: \(StoreError.damaged(path: path))")
        #expect(explorer.readerTopLine(state) == 0)
    }
}
