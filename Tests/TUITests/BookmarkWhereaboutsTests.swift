import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import TUI

/// Bookmarks the open article does not hold, as the store says where they are: followable
/// only into an article of the folder where their section is, and what `Enter` says of the
/// others names no article that is not there.
@MainActor
@Suite("Bookmarks of other articles")
struct BookmarkWhereaboutsTests {
    /// Gives the entries it is made with, whatever article is open.
    final class Listed: BookmarkService {
        let listed: [BookmarkEntry]
        init(_ listed: [BookmarkEntry]) { self.listed = listed }
        func entries(in model: LinkedArticle) throws -> [BookmarkEntry] { listed }
        func add(section: Int, item: String?, in model: LinkedArticle) throws -> Bool { false }
        func remove(section: Int, item: String?, in model: LinkedArticle) throws -> Int { 0 }
        func setNote(_ note: String?, section: Int, item: String?, in model: LinkedArticle, shown: String?) throws -> NoteOutcome { .saved }
        func setNote(_ note: String?, bookmark id: Int64, shown: String) throws -> NoteOutcome { .saved }
        func remove(bookmark id: Int64) throws -> Bool { false }
        func undoRemove() throws -> UndoneRemoval? { nil }
        func changedElsewhere() throws -> Bool { false }
        func saveSession(_ record: SessionRecord, for model: LinkedArticle, asReadLast: Bool) throws {}
        func session(for model: LinkedArticle) throws -> SessionRecord? { nil }
    }

    static func entry(_ id: Int64, _ title: String, _ path: String, orphaned: Bool = false,
                      away: BookmarkEntry.Away? = nil) -> BookmarkEntry {
        BookmarkEntry(id: id, articleTitle: title, path: path, note: nil, createdAt: Date(timeIntervalSince1970: 0),
                      target: nil, section: nil, item: nil, isOrphaned: orphaned, away: away)
    }

    static let entries = [
        entry(5, "Danube", "Geography › Lower Danube", orphaned: true),
        entry(4, "Danube", "Geography › Upper Danube"),
        entry(3, "Beta", "Culture"),
        entry(2, "Beta", "Culture", away: .gone(file: "arts/beta.txt")),
        entry(1, "Gamma", "Hills", away: .file("/elsewhere/gamma.txt")),
        // The bundled article in a folder that has a file of the same title.
        entry(0, "Dual power", "Background", away: .bundled),
    ]

    let explorer = Explorer(model: bundledModel, bookmarks: true,
                            neighbours: Neighbours(titles: ["Dual power", "Danube"]))

    func opened(_ service: BookmarkService) -> (ExplorerSession, AppState) {
        let session = ExplorerSession(explorer: explorer, service: service)
        let state = session.startUp(explorer.initialState(size: Size(width: 160, height: 40)), start: nil, restore: false)
        return (session, session.apply(explorer.action(for: .key(.character("5")), in: state), to: state))
    }

    /// Enter on the `index`th bookmark of the pane.
    func enter(_ index: Int, _ session: ExplorerSession, _ state: AppState) -> AppState {
        var state = state
        for key in Array(repeating: Key.down, count: index) + [.enter] {
            state = session.apply(explorer.action(for: .key(key), in: state), to: state)
        }
        return state
    }

    @Test func onlyAFoundBookmarkOfAnArticleHereCanBeFollowed() {
        let (_, state) = opened(Listed(Self.entries))
        #expect(state.bookmarks.map(\.target) == [nil, .bookmark(article: "Danube", id: 4), nil, nil, nil, nil])
        let finder = explorer.finderEntries(state).filter { $0.entry.kind == .bookmark }.map(\.entry.title)
        #expect(finder == ["Danube › Geography › Upper Danube"])
    }

    @Test func whatEnterSaysOfEach() {
        let (session, state) = opened(Listed(Self.entries))
        #expect(enter(0, session, state).notice == "Its section no longer exists in “Danube”: d deletes it.")
        #expect(enter(2, session, state).notice == "That bookmark is in “Beta”, and no article in this folder has that title.")
        #expect(enter(3, session, state).notice
                == "That bookmark is in “Beta”, whose file arts/beta.txt is gone, and no article here has that title: d deletes it.")
        #expect(enter(4, session, state).notice == "That bookmark is in “Gamma”, /elsewhere/gamma.txt: open that file to follow it.")
        #expect(enter(5, session, state).notice == "That bookmark is in “Dual power”, the article seealso opens without a PATH.")
    }

    /// QA 26: "whose file f/alpha.txt cannot be read (line 9: …)" of a file that reads but
    /// does not parse: said as every problem of a file is, `file:line: reason`.
    @Test func aFileThatDoesNotLoadIsSaidAsItsProblem() {
        let parse = Self.entry(7, "Alpha", "Strategies", away: .unreadable(file: "f/alpha.txt", reason: "line 9: unbalanced heading"))
        #expect(parse.unreachable(deleteKey: "d", open: "Dual power")
                == "That bookmark is in “Alpha”, whose file does not load (f/alpha.txt:9: unbalanced heading), and no article here has that title.")
        let denied = Self.entry(8, "Alpha", "Strategies", away: .unreadable(file: "f/alpha.txt", reason: "permission denied"))
        #expect(denied.unreachable(deleteKey: "d", open: "Dual power")?.contains("(f/alpha.txt: permission denied)") == true)
    }

    @Test func thePaneMarksTheOrphanedAndTheLost() throws {
        let (_, state) = opened(Listed(Self.entries))
        let rows = PaneRows.bookmarks(state.bookmarks, model: bundledModel, bookmarkKey: "m").map { $0.spans.map(\.text).joined() }
        #expect(rows.contains("★ orphaned: Geography › Lower Danube"))
        #expect(rows.contains("★ file gone: Culture"))
        #expect(rows.contains("★ Hills"))
    }

    /// QA 23: a bookmark of a.txt, in a folder holding a copy of it (the same title), showed
    /// as "★ Background" with nothing to say it is elsewhere, and `m` on that section made a
    /// second row reading the same. A bookmark in another file says the file, its article's
    /// title too when that is not the open one's.
    @Test func theDetailNamesTheFileOfABookmarkElsewhere() throws {
        let (_, state) = opened(Listed(Self.entries))
        let rows = PaneRows.bookmarks(state.bookmarks, model: bundledModel, bookmarkKey: "m").map { $0.spans.map(\.text).joined() }
        let time = LocalTime.minute(Date(timeIntervalSince1970: 0))
        #expect(rows.contains("Gamma, /elsewhere/gamma.txt · \(time)"), "\(rows)")
        #expect(rows.contains("the bundled article · \(time)"), "the open article's title, in the bundled article: \(rows)")
        #expect(rows.contains("Beta · \(time)"), "an article of the folder: its title")
    }
}
