import CSQLite
import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import seealso
@testable import Store
@testable import TUI

/// The jump history is kept apart from each article's view, one for a folder (or for an
/// article read alone): a pause saves the view, not the history again, and a folder keeps one
/// history, not a copy in each article read (QA 18c: five pauses wrote 847 KB; six articles
/// read made six sessions of 86–138 KB of almost the same history).
@MainActor
@Suite("The jump history saved apart from the view")
struct SessionHistoryStoreTests {
    let size = Size(width: 120, height: 40)
    let dualPower: LinkedArticle

    init() throws { dualPower = try ArticleLoader.bundled() }

    /// Small articles of the folder read with Dual power, each naming it in its See also.
    static func neighbour(_ title: String) throws -> LinkedArticle {
        try LinkedArticle(article: ArticleParser().parse("= \(title) =\n\(title) is a short article.\n\n== See also ==\n- Dual power\n",
                                                         path: title.lowercased() + ".txt"))
    }

    /// The explorer on Dual power over `service`, started as the runtime starts it, then sent
    /// to the card of each topic of the article and back to its top, as a long read does: a
    /// jump history of two steps a topic, the top of the article on screen.
    func readThroughEveryTopic(_ service: StoreService) -> (runner: ExplorerSession, state: AppState) {
        let runner = ExplorerSession(explorer: Explorer(model: dualPower, bookmarks: true), service: service)
        var state = runner.startUp(runner.explorer.initialState(size: size), start: nil, restore: true)
        for item in dualPower.items {
            state = runner.apply(.follow(.card(item.id)), to: state)
            state = runner.apply(.follow(.section(0)), to: state)
        }
        return (runner, state)
    }

    func press(_ key: Character, _ runner: ExplorerSession, _ state: AppState) -> AppState {
        runner.apply(runner.explorer.action(for: .key(.character(key)), in: state), to: state)
    }

    /// The bytes the store's commits have written since `checkpoint` emptied its WAL.
    func walSize(_ data: TemporaryDirectory) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: data.file(StateStore.fileName).path + "-wal"))?[.size] as? Int) ?? 0
    }

    func checkpoint(_ store: StateStore) throws {
        try store.database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    func historyBytes(_ store: StateStore) throws -> Int {
        Int(try store.database.integer("SELECT sum(length(data)) FROM history") ?? 0)
    }

    @Test("Pauses after scrolling save the view: together they write less than the history once")
    func pausesDoNotWriteTheHistoryAgain() throws {
        let data = try TemporaryDirectory()
        let store = try StateStore(directory: data.url)
        var (runner, state) = readThroughEveryTopic(StoreService(store: store))
        #expect(state.history.back.count > 60)
        state = runner.apply(.pause, to: state)
        let history = try historyBytes(store)
        #expect(history > 30_000, "a history worth not writing again: \(history) bytes")

        try checkpoint(store)
        for _ in 1...5 {
            state = press("j", runner, state)
            state = runner.apply(.pause, to: state)
        }
        let written = walSize(data)
        #expect(written > 0, "each pause saved the view")
        #expect(written < history, "five pauses wrote \(written) bytes; the history is \(history)")
        #expect(try historyBytes(store) == history)

        // And what was saved is where the next start opens, history and all.
        let again = ExplorerSession(explorer: Explorer(model: dualPower, bookmarks: true),
                                    service: StoreService(store: try StateStore(directory: data.url)))
        let reopened = again.startUp(again.explorer.initialState(size: size), start: nil, restore: true)
        #expect(reopened.reader.top == state.reader.top)
        #expect(reopened.history == state.history)
    }

    @Test("A folder keeps one history, however many of its articles are read")
    func aFolderKeepsOneHistory() throws {
        let data = try TemporaryDirectory()
        let store = try StateStore(directory: data.url)
        let service = StoreService(store: store, folder: "/home/reader/articles")
        var (runner, state) = readThroughEveryTopic(service)
        state = runner.apply(.pause, to: state)
        // Each article opened is saved with the folder's history, carried from one to the next.
        let others = try ["Anarchism", "Communalism", "Municipalism", "Soviet", "Zapatismo"].map(Self.neighbour)
        for model in others {
            let explorer = Explorer(model: model, bookmarks: true)
            try service.saveSession(SessionRecord(view: explorer.snapshot(explorer.initialState(size: size)), history: state.history),
                                    for: model, asReadLast: true)
        }
        #expect(try store.database.integer("SELECT count(*) FROM history") == 1)
        let history = try historyBytes(store)
        let sessions = try store.database.query("SELECT length(data) FROM session") { Int($0.int64(0)) }
        #expect(sessions.count == 6)
        #expect(sessions.allSatisfy { $0 < history / 10 }, "sessions of \(sessions) bytes beside a history of \(history)")

        // Any of them opened again goes on with the folder's history.
        let reread = try #require(try StoreService(store: try StateStore(directory: data.url), folder: "/home/reader/articles")
            .session(for: others[2]))
        #expect(reread.history == state.history)
    }

    /// A file of the version before histories were kept apart (5), with a session as that
    /// version saved it (the history in its data), opens where it was left with its history;
    /// the next save keeps the history apart.
    @Test("A session saved before histories were kept apart keeps its history")
    func anOlderSessionKeepsItsHistory() throws {
        let data = try TemporaryDirectory()
        // The session as version 5 saved it: the record whole, as JSON.
        let elsewhere = try TemporaryDirectory()
        let (runner, left) = readThroughEveryTopic(StoreService(store: try StateStore(directory: elsewhere.url)))
        let whole = try JSONEncoder().encode(SessionRecord(view: runner.explorer.snapshot(left), history: left.history))
        let file = try MigrationTests.makeVersion4(in: data)
        do {
            let database = try Database(path: file.path, flags: SQLITE_OPEN_READWRITE)
            try database.execute("DELETE FROM session; " + Migrations.version5 + "\nPRAGMA user_version = 5;")
            try database.run("INSERT INTO session (article_title, content_hash, data, saved_at) VALUES (?, ?, ?, 1700000300)",
                             .text(dualPower.article.title), .text(dualPower.contentHash), .blob(whole))
        }

        let store = try StateStore(directory: data.url)
        #expect(try store.database.integer("PRAGMA user_version") == Int64(Migrations.latestVersion))
        let again = ExplorerSession(explorer: Explorer(model: dualPower, bookmarks: true), service: StoreService(store: store))
        var reopened = again.startUp(again.explorer.initialState(size: size), start: nil, restore: true)
        #expect(reopened.reader.top == left.reader.top)
        #expect(reopened.history == left.history)
        #expect(reopened.history.back.count > 60)

        reopened = press("j", again, reopened)
        reopened = again.apply(.pause, to: reopened)
        #expect(try historyBytes(store) > 30_000, "the history is kept apart from then on")
        let session = try #require(try store.database.query("SELECT length(data) FROM session") { Int($0.int64(0)) }.first)
        #expect(session < 10_000)
        let last = ExplorerSession(explorer: Explorer(model: dualPower, bookmarks: true),
                                   service: StoreService(store: try StateStore(directory: data.url)))
        #expect(last.startUp(last.explorer.initialState(size: size), start: nil, restore: true).history == left.history)
    }
}
