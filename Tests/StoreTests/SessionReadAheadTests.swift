import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import seealso
@testable import Store
@testable import TUI

/// The session read from the store while the article is linked (`StoreService.SessionReadAhead`):
/// the explorer's start-up takes it once, for the article it was read for; otherwise the
/// store is read as before.
@MainActor
@Suite("The session read ahead at start-up")
struct SessionReadAheadTests {
    let dualPower: LinkedArticle
    init() throws { dualPower = try ArticleLoader.bundled() }

    /// A session of Dual power whose view is at `section`, saved through a service of its own.
    func save(at section: Int, in store: StateStore) throws {
        let explorer = Explorer(model: dualPower, bookmarks: true)
        let state = explorer.update(explorer.initialState(size: Size(width: 120, height: 40)), .follow(.section(section)))
        try StoreService(store: store).saveSession(SessionRecord(view: explorer.snapshot(state), history: History()), for: dualPower, asReadLast: true)
    }

    func savedSection(_ record: SessionRecord?) -> String? {
        record?.view.place?.section.id
    }

    @Test("Read ahead for the article, it is what the start-up gets, once; then the store is read again")
    func takenOnceForItsArticle() throws {
        let data = try TemporaryDirectory()
        let store = try StateStore(directory: data.url)
        try save(at: 2, in: store)
        let identity = ArticleIdentity(dualPower)
        let readAhead = StoreService.SessionReadAhead(store: store, identity: identity, path: dualPower.article.path)
        // Saved again after the read-ahead: the read-ahead is what the start-up sees, and the
        // store's newer session what a later read sees.
        try save(at: 4, in: store)
        let service = StoreService(store: store, readAhead: readAhead)
        let first = try service.session(for: dualPower)
        let second = try service.session(for: dualPower)
        #expect(savedSection(first) == dualPower.article.sections[2].id)
        #expect(savedSection(second) == dualPower.article.sections[4].id)
    }

    @Test("Read ahead for another article (or another text of it), it is not used")
    func notForAnotherArticle() throws {
        let data = try TemporaryDirectory()
        let store = try StateStore(directory: data.url)
        try save(at: 2, in: store)
        let other = ArticleIdentity(title: dualPower.article.title, contentHash: "another text")
        let readAhead = StoreService.SessionReadAhead(store: store, identity: other, path: dualPower.article.path)
        try save(at: 4, in: store)
        let service = StoreService(store: store, readAhead: readAhead)
        #expect(savedSection(try service.session(for: dualPower)) == dualPower.article.sections[4].id)
    }
}
