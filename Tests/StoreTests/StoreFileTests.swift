import CSQLite
import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import seealso
@testable import Store
@testable import TUI

/// The store's file deleted or replaced while an explorer runs (QA, data loss): bookmarks made
/// then went to the deleted file, still open, and were lost on quitting; into a file replaced
/// by garbage `m` "removed" a bookmark. Each write now goes where the path leads: a new file
/// where it is gone, none where it is not seealso's.
@MainActor
@Suite("The store's file deleted or replaced while the explorer runs")
struct StoreFileTests {
    let folder: TemporaryDirectory
    let model: LinkedArticle
    let criticism: Int
    let history: Int

    init() throws {
        folder = try TemporaryDirectory()
        model = try Fixture.model()
        criticism = try model.sectionIndex("Criticism")
        history = try model.sectionIndex("History")
    }

    var data: URL { folder.file("data") }
    var file: URL { data.appendingPathComponent(StateStore.fileName) }

    /// An explorer reading Criticism, with Criticism bookmarked, as `1 j m` left it in QA.
    func explorerWithABookmark() throws -> TwoExplorersTests.Window {
        let window = try TwoExplorersTests.Window(model, data: data, at: criticism)
        window.press("m")
        #expect(window.state.notice == "Bookmarked: Criticism (5 lists bookmarks)")
        return window
    }

    /// The database and its -wal and -shm removed, as `rm state.sqlite*` does.
    func deleteTheFiles() throws {
        for suffix in ["", "-wal", "-shm"] { unlink(file.path + suffix) }
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    /// `m` on History, selected in the outline (`1 k k k`, up from Criticism): keys that write
    /// nothing before it, as `1 j m` in QA.
    func bookmarkHistory(in window: TwoExplorersTests.Window) {
        window.press("1kkk")
        #expect(window.state.outline.selectedSection == history)
        window.press("m")
    }

    /// What a new store on the folder reads, as `seealso bookmarks list` would.
    func stored() throws -> [String] { try StateStore(directory: data).bookmarks().map(\.heading) }

    // MARK: Gone: a new file

    @Test func aBookmarkMadeAfterTheFileWasDeletedIsInTheNewFile() throws {
        let window = try explorerWithABookmark()
        try deleteTheFiles()

        bookmarkHistory(in: window)
        #expect(window.state.notice == "Bookmarked: History (5 lists bookmarks) · \(file.path) was deleted while seealso ran: a new one was made")
        #expect(try stored() == ["History"])
        #expect(window.state.bookmarks.map(\.path) == ["History"], "the list is read from the new file")
        #expect(window.service.fileEvents == ["\(file.path) was deleted while seealso ran: a new one was made"])
        // Once: the next write goes to the new file without a word about it.
        window.pause()
        window.press("jjjm")
        #expect(window.state.notice == "Bookmarked: Criticism (5 lists bookmarks)")
        #expect(try Set(stored()) == ["History", "Criticism"])
    }

    /// The service alone, as the explorer drives it: a check, then the write.
    @Test func theServiceReopensBeforeItWrites() throws {
        let service = StoreService(store: try StateStore(directory: data))
        #expect(try service.add(section: criticism, item: nil, in: model))
        #expect(service.checkStoreFile() == .unchanged)
        try deleteTheFiles()

        #expect(service.checkStoreFile() == .reopened("\(file.path) was deleted while seealso ran: a new one was made"))
        #expect(try service.add(section: history, item: nil, in: model))
        #expect(try stored() == ["History"])
        #expect(service.checkStoreFile() == .unchanged)
    }

    /// QA 25: `rm state.sqlite-shm` while the explorer ran, then `bookmarks add` from a shell
    /// (#2, with a note): the explorer never saw it, and its next bookmark took id 2 over it,
    /// note and all. The store is opened again before the write: both are kept, ids apart.
    @Test func aDeletedShmOpensTheStoreAgainAndLosesNothing() throws {
        let window = try explorerWithABookmark()
        unlink(file.path + "-shm")
        // Another process: one in this one would share the old WAL index.
        let shell = try seealso(["bookmarks", "add", "--section", "Background", "--note", "from the shell", "--data-dir", data.path], in: folder)
        #expect(shell.stdout == "bookmarked: #2 Dual power › Background\n", "\(shell)")

        bookmarkHistory(in: window)
        let notice = try #require(window.state.notice)
        #expect(notice.contains("\(file.path)-shm was deleted while seealso ran: \(file.path) was opened again"), "\(notice)")
        #expect(!notice.contains("is lost"))
        let all = try seealso(["bookmarks", "list", "--data-dir", data.path], in: folder).stdout
        #expect(all.contains("#2  Dual power") && all.contains("from the shell"), "\(all)")
        #expect(all.contains("#3  Test article") && all.contains("#1  Test article"), "no id given twice:\n\(all)")
        #expect(window.service.fileEvents.count == 1)
    }

    /// The -wal deleted: said, with what may be lost. A bookmark made before is not among it
    /// (QA 26: it was, and its id was given again): each change to the bookmarks is copied
    /// into the file at once.
    @Test(arguments: [["-wal"], ["-wal", "-shm"]])
    func aDeletedWalLosesNoBookmark(deleted: [String]) throws {
        let service = StoreService(store: try StateStore(directory: data))
        #expect(try service.add(section: criticism, item: nil, in: model))
        // QA 27: one made by `bookmarks add` meanwhile, while the explorer kept the store open
        // (so the command's closing made no checkpoint), was lost too.
        let shell = try seealso(["bookmarks", "add", "--section", "Background", "--data-dir", data.path], in: folder)
        #expect(shell.stdout == "bookmarked: #2 Dual power › Background\n", "\(shell)")
        for suffix in deleted { unlink(file.path + suffix) }
        guard case .reopened(let news) = service.checkStoreFile() else {
            Issue.record("not opened again")
            return
        }
        #expect(news.hasPrefix("\(file.path)-wal was deleted while seealso ran: \(file.path) was opened again; the reading place saved only"), "\(news)")
        #expect(try service.add(section: history, item: nil, in: model))
        #expect(service.checkStoreFile() == .unchanged)
        let all = try StateStore(directory: data).bookmarks()
        #expect(Set(all.map(\.heading)) == ["Criticism", "Background", "History"], "\(all.map(\.heading))")
        #expect(Set(all.map(\.id)).count == 3, "no id given twice")
    }

    /// Its folder deleted too: made again, as a first run makes it.
    @Test func theFolderDeletedIsMadeAgain() throws {
        let window = try explorerWithABookmark()
        try FileManager.default.removeItem(at: data)

        bookmarkHistory(in: window)
        #expect(window.state.notice?.hasPrefix("Bookmarked: History (5 lists bookmarks) · \(file.path) was deleted while seealso ran: a new one was made") == true,
                "\(window.state.notice ?? "")")
        #expect(try stored() == ["History"])
    }

    /// Found when input pauses, before any write: said, and the list read from the new file.
    @Test func aPauseFindsTheFileGone() throws {
        let window = try explorerWithABookmark()
        window.press("'")
        try deleteTheFiles()

        window.pause()
        #expect(window.state.notice == "\(file.path) was deleted while seealso ran: a new one was made")
        #expect(window.state.bookmarks.isEmpty)
        #expect(window.marked.isEmpty, "no ★ from the deleted file")
        #expect(FileManager.default.fileExists(atPath: file.path))
    }

    /// The session saved on quitting goes to the new file, and stderr will say what happened.
    @Test func theSessionSavedOnQuittingGoesToTheNewFile() throws {
        let window = try explorerWithABookmark()
        try deleteTheFiles()

        window.press("q")
        #expect(!window.state.isRunning)
        #expect(try StateStore(directory: data).session(for: ArticleIdentity(model), file: BookmarkFile.of(model.article)) != nil)
        #expect(window.service.fileEvents == ["\(file.path) was deleted while seealso ran: a new one was made"])
    }

    /// Only the database deleted: its -wal, still beside the path, holds the old file's last
    /// commits, which the new file must not take for its own.
    @Test func theOldWriteAheadLogIsNotTakenForTheNewFiles() throws {
        let window = try explorerWithABookmark()
        unlink(file.path)

        bookmarkHistory(in: window)
        #expect(try stored() == ["History"])
        let store = try StateStore(directory: data)
        #expect(try store.database.text("PRAGMA integrity_check") == "ok")
    }

    /// Another seealso database moved in its place, the old -wal still beside it (`rm
    /// state.sqlite; mv backup.sqlite state.sqlite`): that file is used, as it is.
    @Test func aDatabaseMovedInIsUsedWithoutTheOldWriteAheadLog() throws {
        let other = try anotherDatabase()
        let window = try explorerWithABookmark()
        unlink(file.path)
        #expect(rename(other.path, file.path) == 0)

        bookmarkHistory(in: window)
        try expectHistoryBookmarkedInTheOtherDatabase(by: window)
    }

    /// Another seealso database, with Strategies bookmarked (its file): a copy kept aside.
    func anotherDatabase() throws -> URL {
        let backup = folder.file("backup")
        try StateStore(directory: backup).addBookmark(in: model, sectionIndex: try model.sectionIndex("Strategies"))
        return backup.appendingPathComponent(StateStore.fileName)
    }

    /// History bookmarked by `window` once `anotherDatabase` took the store's place: said with
    /// the news, written there beside its bookmark, and nothing of the first file's kept.
    func expectHistoryBookmarkedInTheOtherDatabase(by window: TwoExplorersTests.Window) throws {
        #expect(window.state.notice?.hasSuffix(" · \(file.path) was replaced while seealso ran: bookmarks are now read from and saved to the new file") == true && window.state.notice?.hasPrefix("Bookmarked: History") == true,
                "\(window.state.notice ?? "")")
        #expect(try Set(stored()) == ["Strategies", "History"])
        #expect(try StateStore(directory: data).database.text("PRAGMA integrity_check") == "ok")
    }

    /// A copy of another seealso database written over the file in place while the explorer
    /// runs (`cp saved.sqlite state.sqlite`): the same file, still a database. SQLite went on
    /// reading the pages its `-wal` held for the old contents over the copy's, and the next
    /// write mixed the two (QA 38: the copy's index damaged). The copy is now used as it is,
    /// as one moved in: its bookmarks, then the new one, and nothing of the old file's.
    @Test func aCopyWrittenOverTheFileInPlaceIsUsedWithoutTheOldWriteAheadLog() throws {
        let copy = try Data(contentsOf: try anotherDatabase())
        let window = try explorerWithABookmark()
        // The reading place, saved at a pause, is in the -wal only (no checkpoint).
        window.press("2g")
        window.pause()
        try overwriteInPlace(with: copy)

        window.press("1gj")
        #expect(window.state.outline.selectedSection == history)
        window.press("m")
        try expectHistoryBookmarkedInTheOtherDatabase(by: window)
    }

    /// A pause finds the copy too, before any key writes: the Bookmarks pane lists the copy's.
    @Test func aPauseFindsACopyWrittenOverTheFile() throws {
        let copy = try Data(contentsOf: try anotherDatabase())
        let window = try explorerWithABookmark()
        try overwriteInPlace(with: copy)
        window.pause()
        #expect(window.state.notice == "\(file.path) was replaced while seealso ran: bookmarks are now read from and saved to the new file",
                "\(window.state.notice ?? "")")
        #expect(window.marked == [try model.sectionIndex("Strategies")])
    }

    /// What changes the file's times and not its contents (`touch`), and another connection's
    /// writes (checkpointed into the file), are no copy: nothing is said, nothing reopened.
    @Test func aTouchOrAnotherWindowsBookmarkIsNoCopy() throws {
        let window = try explorerWithABookmark()
        window.press("2g")  // the reading place, saved at the pause, into the -wal only
        window.pause()
        #expect(utimes(file.path, nil) == 0)
        window.pause()
        #expect(window.state.notice == nil || window.state.notice?.contains("replaced") == false, "\(window.state.notice ?? "")")
        // A checkpoint by another connection that commits nothing (the `sqlite3` shell's
        // `PRAGMA wal_checkpoint`) copies the reading place saved above into the file.
        var before = stat()
        #expect(stat(file.path, &before) == 0)
        try StateStore(directory: data).database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        var after = stat()
        #expect(stat(file.path, &after) == 0)
        #expect(after.st_mtim.tv_nsec != before.st_mtim.tv_nsec || after.st_size != before.st_size, "the checkpoint wrote to the file")
        window.pause()
        #expect(window.state.notice == nil || window.state.notice?.contains("replaced") == false, "\(window.state.notice ?? "")")
        try StateStore(directory: data).addBookmark(in: model, sectionIndex: try model.sectionIndex("Strategies"))
        window.press("1gj")
        #expect(window.state.outline.selectedSection == history)
        window.press("m")
        #expect(window.state.notice?.hasPrefix("Bookmarked: History") == true && window.state.notice?.contains("replaced") == false,
                "\(window.state.notice ?? "")")
        #expect(try Set(stored()) == ["Criticism", "Strategies", "History"])
    }

    /// `contents` written over the store's file as `cp` does: the same file (inode), truncated.
    func overwriteInPlace(with contents: Data) throws {
        var before = stat()
        #expect(stat(file.path, &before) == 0)
        let descriptor = open(file.path, O_WRONLY | O_TRUNC)
        try #require(descriptor >= 0)
        let written = contents.withUnsafeBytes { write(descriptor, $0.baseAddress, contents.count) }
        close(descriptor)
        #expect(written == contents.count)
        var after = stat()
        #expect(stat(file.path, &after) == 0)
        #expect(after.st_ino == before.st_ino, "the same file")
    }

    /// `m` on a place the old file had bookmarked (★): the new file has nothing there to remove,
    /// and no other window is to blame.
    @Test func markOnAStarOfTheOldFileSaysTheNewFileHasNone() throws {
        let window = try explorerWithABookmark()
        try deleteTheFiles()

        window.press("m")
        #expect(window.state.notice == "Not bookmarked in the new file: Criticism · \(file.path) was deleted while seealso ran: a new one was made")
        #expect(try stored().isEmpty)
    }

    /// A bookmark listed from the old file is named by its id there, which the new file may have
    /// given to another: `d` deletes nothing, `u` restores nothing.
    @Test func aBookmarkListedFromTheOldFileIsNotDeletedByItsID() throws {
        let first = try explorerWithABookmark()
        first.press("'")
        first.press("d")
        #expect(first.state.notice == "Bookmark deleted: Criticism (u undoes)")
        first.press("m")
        let second = try TwoExplorersTests.Window(model, data: data, at: criticism)
        first.pause()
        #expect(first.state.bookmarks.map(\.id) == [2])
        try deleteTheFiles()
        bookmarkHistory(in: second)
        second.press("mm")  // removed and made again: with id 2 too
        #expect(try StateStore(directory: data).bookmarks().map(\.id) == [2])

        first.press("d")
        #expect(first.state.notice == "Bookmark not deleted: it was in the old file · "
                + "\(file.path) was replaced while seealso ran: bookmarks are now read from and saved to the new file")
        #expect(try stored() == ["History"])
        #expect(first.state.bookmarks.map(\.path) == ["History"], "the list is the new file's")
        first.press("u")
        #expect(first.state.notice == "Nothing to undo.")
        #expect(try stored() == ["History"])
    }

    /// Two explorers: the first to write after the deletion makes the new file, and the other
    /// takes it up, rather than making one more over it.
    @Test func theOtherExplorerUsesTheNewFile() throws {
        let first = try explorerWithABookmark()
        let second = try TwoExplorersTests.Window(model, data: data, at: criticism)
        try deleteTheFiles()

        bookmarkHistory(in: first)
        second.press("1km")
        #expect(second.state.notice?.hasSuffix(" · \(file.path) was replaced while seealso ran: bookmarks are now read from and saved to the new file") == true && second.state.notice?.hasPrefix("Bookmarked: ") == true,
                "\(second.state.notice ?? "")")
        #expect(try Set(stored()) == ["History", "Strategies"])
        first.pause()
        #expect(first.state.bookmarks.count == 2, "each reads the other's")
    }

    // MARK: Not seealso's: refused

    /// What can be at the path instead, and what the start-up says of it.
    enum Replacement: String, CaseIterable, CustomTestStringConvertible {
        case garbage, otherApplication, folder, pipe
        var testDescription: String { rawValue }
    }

    /// `replacement` put where the database was (a new file, as `rm` and a copy make it).
    func replace(with replacement: Replacement) throws {
        try deleteTheFiles()
        switch replacement {
        case .garbage:
            try Data("not a database\n".utf8).write(to: file)
        case .otherApplication:
            let other = folder.file("other.sqlite")
            var connection: OpaquePointer?
            #expect(sqlite3_open(other.path, &connection) == SQLITE_OK)
            #expect(sqlite3_exec(connection, "CREATE TABLE song (title TEXT); INSERT INTO song VALUES ('x')", nil, nil, nil) == SQLITE_OK)
            sqlite3_close(connection)
            #expect(rename(other.path, file.path) == 0)
        case .folder:
            try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false)
        case .pipe:
            #expect(mkfifo(file.path, 0o600) == 0)
        }
    }

    /// What the start-up says of what is there now.
    func startUpReason() -> String {
        do {
            _ = try StateStore(directory: data)
            return "opened"
        } catch {
            return "\(error)"
        }
    }

    /// The folder's files and their bytes (none for a folder or a pipe).
    func snapshot() throws -> [String: Data?] {
        var files: [String: Data?] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: data.path) {
            var info = stat()
            #expect(stat(data.appendingPathComponent(name).path, &info) == 0)
            files[name] = info.st_mode & S_IFMT == S_IFREG ? try Data(contentsOf: data.appendingPathComponent(name)) : nil
        }
        return files
    }

    @Test(arguments: Replacement.allCases)
    func aFileThatIsNotSeealsosTurnsBookmarksOff(replacement: Replacement) throws {
        var window: TwoExplorersTests.Window? = try explorerWithABookmark()
        try replace(with: replacement)
        let before = try snapshot()
        let reason = startUpReason()
        #expect(reason != "opened")
        #expect(try snapshot() == before, "the start-up's look leaves it as it was")

        window?.press("m")
        #expect(window?.state.notice == "Bookmark not changed: bookmarks are off: \(reason)")
        #expect(window?.runner.service == nil)
        #expect(window?.service.fileEvents == [reason], "said again on stderr on exit")
        #expect(window?.state.bookmarks.isEmpty == true && window?.marked.isEmpty == true)
        // From then on as an explorer started without a store.
        window?.press("5")
        #expect(window?.state.notice == "Bookmarks are off: \(reason).")
        #expect(window?.state.focus == .reader)
        window?.press("q")
        window = nil
        #expect(try snapshot() == before, "nothing written, nothing made beside it, on quitting either")
    }

    /// Written over in place, the same file (inode) as the one open: `echo … > state.sqlite`.
    @Test func aFileWrittenOverInPlaceIsNotWrittenTo() throws {
        var window: TwoExplorersTests.Window? = try explorerWithABookmark()
        var before = stat()
        #expect(stat(file.path, &before) == 0)
        let descriptor = open(file.path, O_WRONLY | O_TRUNC)
        #expect(descriptor >= 0)
        let garbage = Array("garbage, written over the database\n".utf8)
        #expect(write(descriptor, garbage, garbage.count) == garbage.count)
        close(descriptor)
        var after = stat()
        #expect(stat(file.path, &after) == 0)
        #expect(after.st_ino == before.st_ino, "the same file")

        window?.press("m")
        #expect(window?.state.notice == "Bookmark not changed: bookmarks are off: \(file.path) is damaged or not a database; "
                + "it was left untouched: use --data-dir DIR, or move the file away")
        window?.press("q")
        window = nil
        #expect(try Data(contentsOf: file) == Data(garbage), "no checkpoint into it on closing")
    }

    /// The pause finds it too, before any key writes; the Bookmarks pane, focused then, is gone,
    /// and so it is from the views of the history (one left there comes back in the reader).
    @Test func aPauseFindsAFileThatIsNotSeealsos() throws {
        let window = try explorerWithABookmark()
        window.press("1kkk")
        window.state = window.runner.apply(window.runner.explorer.action(for: .key(.enter), in: window.state), to: window.state)
        window.press("'")
        window.state = window.runner.apply(window.runner.explorer.action(for: .key(.enter), in: window.state), to: window.state)
        window.press("'")
        #expect(window.state.focus == .bookmarks)
        try replace(with: .garbage)

        window.pause()
        #expect(window.state.notice == "Bookmarks are off: \(startUpReason())")
        #expect(window.runner.service == nil)
        #expect(window.state.focus == .reader && !window.state.layout.contains(.bookmarks))
        window.press("H")
        #expect(window.runner.explorer.currentSection(window.state) == history, "back where the bookmark was followed from")
        #expect(window.state.focus == .reader && !window.state.layout.contains(.bookmarks))
    }

    /// Once off, off in every article: one opened afterwards (a folder's, by the library that
    /// reads articles as their files change) is made without bookmarks too.
    @Test func anArticleOpenedAfterwardsHasNoBookmarksEither() throws {
        let other = try LinkedArticle(article: ArticleParser().parse("= Other =\n\nThe other article.\n", path: "other.txt"))
        let service = StoreService(store: try StateStore(directory: data))
        let runner = ExplorerSession(explorer: Explorer(model: model, bookmarks: true), service: service) { title in
            title == "Other" ? Explorer(model: other, bookmarks: true) : nil
        }
        var state = runner.startUp(runner.explorer.initialState(size: Size(width: 120, height: 40)), start: nil, restore: false)
        try replace(with: .garbage)
        state = runner.apply(.pause, to: state)
        #expect(runner.service == nil)

        state.effects.append(.openArticle(title: "Other", at: .top))
        state = runner.apply(.notice("opening"), to: state)
        #expect(runner.explorer.model.article.title == "Other")
        #expect(!runner.explorer.panes.contains(.bookmarks))
        #expect(!state.layout.contains(.bookmarks))
    }
}
