import CSQLite
import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import seealso
@testable import Store
@testable import TUI

/// A reading place is its file's, not its title's (schema version 7): two files of one title
/// each reopen where they were left, a session saved before files were recorded goes to the
/// first file of its title that saves one, and a moved file keeps its place (a retitled one
/// starts afresh, as before).
@MainActor
@Suite("Reading places kept by file")
struct SessionByFileTests {
    let size = Size(width: 120, height: 40)

    func open(_ file: URL, data: URL) throws -> (runner: ExplorerSession, state: AppState) {
        try EditedSessionStoreTests.open(file, data: data, size: size)
    }

    /// Opens `file`, follows the section `name`, and quits (which saves the place).
    func read(_ name: String, in file: URL, data: URL) throws {
        let (runner, state) = try open(file, data: data)
        let index = try #require(runner.explorer.model.article.sections.firstIndex { $0.title == name })
        _ = runner.apply(.command(.quit), to: runner.apply(.follow(.section(index)), to: state))
    }

    func section(_ opened: (runner: ExplorerSession, state: AppState)) -> String {
        let index = opened.runner.explorer.currentSection(opened.state)
        return index == 0 ? "(lead)" : opened.runner.explorer.model.article.sections[index].title
    }

    /// QA 38: the place left in one file was taken to in the other, "changed since last read",
    /// and back again at the next start of the first.
    @Test func twoFilesOfOneTitleEachKeepTheirOwnPlace() throws {
        let folder = try TemporaryDirectory()
        let data = folder.file("data")
        let copy = folder.file("copy.txt"), edited = folder.file("edited.txt")
        try Data(EditedSessionStoreTests.gamma().utf8).write(to: copy)
        try Data(EditedSessionStoreTests.gamma { $0.insert(contentsOf: ["An added paragraph.", ""], at: 4) }.utf8).write(to: edited)

        try read("Three", in: copy, data: data)
        let first = try open(edited, data: data)
        #expect(section(first) == "(lead)", "nothing was read in this file")
        #expect(first.state.notice == nil)
        #expect(first.runner.explorer.jumpPath(first.state).isEmpty)
        try read("Five", in: edited, data: data)

        for _ in 0..<2 {
            let again = try open(copy, data: data)
            #expect(section(again) == "Three")
            #expect(again.state.notice == nil, "its own text: not changed since last read")
            #expect(again.runner.explorer.jumpPath(again.state) == ["Gamma", "Three"])
            let other = try open(edited, data: data)
            #expect(section(other) == "Five")
            #expect(other.state.notice == nil)
            #expect(other.runner.explorer.jumpPath(other.state) == ["Gamma", "Five"])
        }
        let store = try StateStore(directory: data)
        #expect(try store.database.query("SELECT article_path FROM session ORDER BY id") { $0.optionalText(0) }
                == [BookmarkFile.canonical(copy.path), BookmarkFile.canonical(edited.path)])
    }

    /// A file of version 6, with a session and its jump history kept by title: the first file
    /// of that title to save takes both; another file of the title, there too, does not.
    @Test func aSessionSavedBeforeFilesWereRecordedGoesToTheFirstFileOfItsTitle() throws {
        let folder = try TemporaryDirectory()
        let file = try MigrationTests.makeVersion4(in: folder)
        do {
            let database = try Database(path: file.path, flags: SQLITE_OPEN_READWRITE)
            try database.execute(Migrations.version5 + Migrations.version6 + """
                INSERT INTO history VALUES ('article:Test article', X'5B5D');
                INSERT INTO session VALUES ('Other article', 'def', X'7B7D', 1700000200, NULL);
                PRAGMA user_version = 6;
                """)
        }
        let one = folder.file("one.txt"), two = folder.file("two.txt")
        for article in [one, two] { try Data("= Test article =\n\nText.\n".utf8).write(to: article) }
        let (a, b) = (BookmarkFile.canonical(one.path), BookmarkFile.canonical(two.path))
        let identity = ArticleIdentity(title: "Test article", contentHash: "abc")

        let store = try StateStore(directory: folder.url)
        #expect(try store.database.integer("PRAGMA user_version") == 7)
        // Saved at the same time, the later row is still the one read last.
        #expect(try store.lastRead(among: ["Test article", "Other article"]) == .init(title: "Other article", gone: nil))
        let found = try #require(try store.session(for: identity, file: a))
        #expect(found.data == Data("{}".utf8))
        #expect(found.history == Data("[]".utf8))
        #expect(found.historyScope == "article:Test article")
        let taken = try #require(found.taken)
        #expect(try store.session(for: identity, file: b)?.taken == taken, "not taken until a save")

        try store.saveSession(Data("one's".utf8), for: identity, file: a, history: Data("[1]".utf8), taking: taken)
        #expect(try store.session(for: identity, file: b) == nil, "another file of the title, still there")
        let own = try #require(try store.session(for: identity, file: a))
        #expect(own.data == Data("one's".utf8))
        #expect(own.taken == nil)
        #expect(own.historyScope == "file:" + a)
        #expect(own.history == Data("[1]".utf8))
        #expect(try store.database.query("SELECT scope FROM history") { $0.text(0) } == ["file:" + a])
        #expect(try store.database.integer("SELECT count(*) FROM session WHERE article_title = 'Test article'") == 1)
        // Taken already: a second take (another window's read of the same row) changes nothing.
        try store.saveSession(Data("two's".utf8), for: identity, file: b, taking: taken)
        #expect(try store.session(for: identity, file: a)?.data == Data("one's".utf8))
        #expect(try store.session(for: identity, file: b)?.data == Data("two's".utf8))
    }

    /// A file moved (or renamed) is found again by its title, place and history with it, as a
    /// bookmark is. A file whose title changed starts afresh, as it did when sessions were kept
    /// by title: a folder knows its articles by their titles.
    @Test func aMovedFileKeepsItsPlaceARetitledOneStartsAfresh() throws {
        let folder = try TemporaryDirectory()
        let store = try StateStore(directory: folder.file("data"))
        let old = folder.file("gamma.txt"), new = folder.file("gamma-2.txt")
        try Data("= Gamma =\n\nText.\n".utf8).write(to: old)
        let (a, b) = (BookmarkFile.canonical(old.path), BookmarkFile.canonical(new.path))
        let gamma = ArticleIdentity(title: "Gamma", contentHash: "abc")
        try store.saveSession(Data("left".utf8), for: gamma, file: a, history: Data("[1]".utf8))

        try FileManager.default.moveItem(at: old, to: new)
        let found = try #require(try store.session(for: gamma, file: b))
        #expect(found.data == Data("left".utf8))
        #expect(found.history == Data("[1]".utf8))
        try store.saveSession(Data("moved".utf8), for: gamma, file: b, history: Data("[1,2]".utf8), taking: found.taken)
        #expect(try store.database.query("SELECT article_path FROM session") { $0.optionalText(0) } == [b])
        #expect(try store.database.query("SELECT scope FROM history") { $0.text(0) } == ["file:" + b])

        let retitled = ArticleIdentity(title: "Gamma Ray", contentHash: "def")
        #expect(try store.session(for: retitled, file: b) == nil)
        try store.saveSession(Data("retitled".utf8), for: retitled, file: b)
        #expect(try store.database.query("SELECT article_title FROM session") { $0.text(0) } == ["Gamma Ray"], "the file's one session")
        #expect(try store.session(for: retitled, file: b)?.data == Data("retitled".utf8))
        #expect(try store.lastRead(among: ["Gamma", "Gamma Ray"]) == .init(title: "Gamma Ray", gone: nil))
        #expect(try store.session(for: gamma, file: a) == nil)
    }

    /// A session to take over, found in a store whose file is then replaced by another
    /// (moved in while the explorer runs): the save does not take the other file's session of
    /// the same id, another article's, which was then overwritten with this one's place.
    @Test func aSessionFoundInAReplacedStoreIsNotTakenInTheNewOne() throws {
        let folder = try TemporaryDirectory()
        let article = folder.file("test.txt")
        try Data("= Test article =\n\nText.\n".utf8).write(to: article)
        let model = try ArticleLoader.load(path: article.path)
        let explorer = Explorer(model: model, bookmarks: true)
        let record = try JSONEncoder().encode(SessionRecord(view: explorer.snapshot(explorer.initialState(size: size)), history: History()))
        // Two files of version 6, each with one session of id 1: this article's, and another's.
        let data = folder.file("data"), other = folder.file("other")
        for (directory, title) in [(data, "Test article"), (other, "Another article")] {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let database = try Database(path: directory.appendingPathComponent(StateStore.fileName).path,
                                        flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            try database.execute(Migrations.steps.prefix(6).joined(separator: "\n") + "\nPRAGMA user_version = 6;")
            try database.run("INSERT INTO session VALUES (?, ?, ?, 1700000200, NULL)", .text(title), .text(model.contentHash), .blob(record))
        }
        let service = StoreService(store: try StateStore(directory: data))
        #expect(try service.session(for: model) != nil, "found by its title, to be taken at the next save")

        let file = data.appendingPathComponent(StateStore.fileName)
        for suffix in ["", "-wal", "-shm"] { unlink(file.path + suffix) }
        try FileManager.default.moveItem(at: other.appendingPathComponent(StateStore.fileName), to: file)
        guard case .reopened = service.checkStoreFile() else { Issue.record("the new file was not opened"); return }
        try service.saveSession(SessionRecord(view: explorer.snapshot(explorer.initialState(size: size)), history: History()),
                                for: model, asReadLast: true)
        let rows = try StateStore(directory: data).database.query("SELECT article_title, article_path FROM session ORDER BY id") {
            [$0.text(0), $0.optionalText(1) ?? "NULL"]
        }
        #expect(rows == [["Another article", "NULL"], ["Test article", BookmarkFile.canonical(article.path)]])
    }

    /// QA 40: `seealso f/alpha.txt` after reading Beta then Alpha in `f`: the folder reopened at
    /// Beta, and with Alpha's history read alone, so that its own steps could not be gone back to.
    @Test func aFileOfTheFolderReadAloneIsItsArticleReadLastAndKeepsTheFoldersHistory() throws {
        let store = try StateStore(directory: try TemporaryDirectory().url)
        func save(_ title: String, folder: String?, history: String) throws {
            try store.saveSession(Data(title.utf8), for: ArticleIdentity(title: title, contentHash: ""), file: "/f/\(title).txt",
                                  folder: folder, history: Data(history.utf8))
        }
        try save("Beta", folder: "/f", history: "[folder]")
        try save("Alpha", folder: "/f", history: "[folder, then alpha]")
        try save("Alpha", folder: nil, history: "[alpha alone]")
        try store.saveSession(Data(), for: ArticleIdentity(title: "Echo", contentHash: ""), file: "/elsewhere/echo.txt")
        #expect(try store.lastRead(among: ["Alpha", "Beta", "Echo"], inFolder: "/f") == .init(title: "Alpha", gone: nil))
        #expect(try store.lastRead(among: ["Alpha", "Beta"], inFolder: "/g") == .init(title: nil, gone: nil), "not another folder's")

        let alpha = ArticleIdentity(title: "Alpha", contentHash: "")
        let inFolder = try #require(try store.session(for: alpha, file: "/f/Alpha.txt", inFolder: "/f"))
        #expect(inFolder.data == Data("Alpha".utf8))
        #expect(inFolder.history == Data("[folder, then alpha]".utf8))
        #expect(inFolder.historyScope == "folder:/f")
        #expect(try store.session(for: alpha, file: "/f/Alpha.txt")?.history == Data("[alpha alone]".utf8))
    }

    /// QA 40: the folder reached through a symbolic link, or written "f/.", began as a folder
    /// never read: its sessions and history were kept under each spelling.
    @Test func aFolderIsKeyedByItsPathWithLinksResolved() throws {
        let folder = try TemporaryDirectory()
        let real = folder.file("articles")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.file("wiki").path, withDestinationPath: real.path)
        let key = Exploration.storeKey(ofFolder: real.path)
        #expect(key == BookmarkFile.canonical(real.path))
        for spelling in [folder.file("wiki").path, real.path + "/.", real.path + "/", folder.file("wiki").path + "/../articles"] {
            #expect(Exploration.storeKey(ofFolder: spelling) == key, "\(spelling)")
        }
    }

    /// The bundled article and a file of its title: the start-up's read-ahead of one is not
    /// the other's.
    @Test func theReadAheadIsForItsFileOnly() throws {
        let data = try TemporaryDirectory()
        let store = try StateStore(directory: data.url)
        let dualPower = try ArticleLoader.bundled()
        let explorer = Explorer(model: dualPower, bookmarks: true)
        let state = explorer.update(explorer.initialState(size: size), .follow(.section(3)))
        try StoreService(store: store).saveSession(SessionRecord(view: explorer.snapshot(state), history: History()), for: dualPower, asReadLast: true)
        let elsewhere = StoreService.SessionReadAhead(store: store, identity: ArticleIdentity(dualPower), path: "/articles/dual-power.txt")
        #expect(try elsewhere.saved.get() == nil)
        let service = StoreService(store: store, readAhead: elsewhere)
        #expect(try service.session(for: dualPower)?.view.place?.section.id == dualPower.article.sections[3].id)
    }
}
