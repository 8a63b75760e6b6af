import CSQLite
import Content
import Foundation
import TestSupport
import Testing

@testable import Store

/// The messages the user sees, exactly.
enum Message {
    static func readOnly(_ path: String) -> String {
        "\(path) is read-only: bookmarks cannot be saved (reading goes on; nothing already saved is lost)"
    }
    /// As a command says it: it stops, and reads nothing on.
    static func readOnlyCommand(_ path: String) -> String { "\(path) is read-only: nothing was changed" }
    static func full(_ path: String) -> String {
        "no space left for \(path): bookmarks cannot be saved (reading goes on; nothing already saved is lost)"
    }
    static func corrupt(_ path: String) -> String {
        "\(path) is damaged or not a database; it was left untouched: use --data-dir DIR, or move the file away"
    }
    static func foreign(_ path: String) -> String {
        "\(path) is another application's database, not seealso's; it was left untouched: use --data-dir DIR, or move the file away"
    }
}

/// QA 33: an explorer killed within its first milliseconds on a new data folder left the file
/// and a hot rollback journal of its first transaction (the switch to WAL); the store was then
/// refused on every run, saying its changes were in a -wal that was not there.
@Suite struct HotJournalTests {
    /// The two files as such a kill leaves them: `state.sqlite` with its header alone (WAL
    /// mode, one page of 4096 bytes), and the journal's header.
    static func leftByAnEarlyKill(in folder: URL) throws {
        var file = [UInt8](repeating: 0, count: 4096)
        for (offset, byte) in [(16, 16), (18, 2), (19, 2), (21, 64), (22, 32), (23, 32), (27, 1), (31, 1), (95, 1), (97, 46), (98, 99),
                               (99, 1), (100, 13), (105, 16)] { file[offset] = UInt8(byte) }
        file.replaceSubrange(0..<16, with: Array("SQLite format 3\0".utf8))
        var journal = [UInt8](repeating: 0, count: 512)
        for (offset, byte) in [(0, 217), (1, 213), (2, 5), (3, 249), (4, 32), (5, 161), (6, 99), (7, 215), (12, 255), (13, 125), (14, 30),
                               (15, 67), (22, 2), (26, 16)] { journal[offset] = UInt8(byte) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(file).write(to: folder.appendingPathComponent(StateStore.fileName))
        try Data(journal).write(to: folder.appendingPathComponent(StateStore.fileName + "-journal"))
    }

    @Test func aStoreLeftWithAHotJournalIsReadAndWritten() throws {
        let folder = try TemporaryDirectory()
        let scratch = try TemporaryDirectory()
        let data = folder.url.appendingPathComponent("data")
        try Self.leftByAnEarlyKill(in: data)
        let list = try seealso(["bookmarks", "list", "--data-dir", data.path], in: scratch)
        #expect(list.status == 0 && list.stderr == "seealso: no bookmarks\n", "\(list)")
        let add = try seealso(["bookmarks", "add", "--section", "Background", "--data-dir", data.path], in: scratch)
        #expect(add.status == 0 && add.stdout == "bookmarked: #1 Dual power › Background\n", "\(add)")
    }
}

@Suite struct UnusableFileTests {
    /// Files that are not SQLite databases, or not whole ones.
    static func bytes(_ kind: String) -> [UInt8] {
        let header = Array("SQLite format 3\0".utf8)
        switch kind {
        case "text": return Array("not a database, just notes\n".utf8)
        case "png": return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52] + Array(repeating: 0, count: 200)
        case "short header": return header
        case "header then zeros": return header + Array(repeating: 0, count: 4080)
        default: return header + Array(repeating: UInt8(ascii: "x"), count: 8000)
        }
    }

    @Test(arguments: ["text", "png", "short header", "header then zeros", "header then text"])
    func corruptFileIsRefusedAndLeftUntouched(kind: String) throws {
        let bytes = Self.bytes(kind)
        let folder = try TemporaryDirectory()
        let file = folder.file(StateStore.fileName)
        try Data(bytes).write(to: file)
        let error = try #require(throws: StoreError.self) { try StateStore(directory: folder.url) }
        #expect(error == .corrupt(path: file.path), "\(kind)")
        #expect(error.description == Message.corrupt(file.path))
        #expect(try contents(file) == Data(bytes), "\(kind)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [StateStore.fileName])
    }

    @Test func foreignDatabasesAreRefusedAndLeftUntouched() throws {
        let scripts = [
            "PRAGMA application_id = 42; CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT);",  // another app's id
            "CREATE TABLE bookmark (url TEXT); CREATE TABLE session (x);",  // no id, same table names
            "PRAGMA user_version = 3;",  // no id, no tables, but a schema version of something else
        ]
        for script in scripts {
            let folder = try TemporaryDirectory()
            let file = folder.file(StateStore.fileName)
            try Database(path: file.path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE).execute(script)
            let before = try contents(file)
            let error = try #require(throws: StoreError.self) { try StateStore(directory: folder.url) }
            #expect(error == .foreign(path: file.path), "\(script)")
            #expect(error.description == Message.foreign(file.path))
            #expect(try contents(file) == before, "\(script)")
        }
    }

    @Test func aDamagedSeealsoDatabaseIsRefused() throws {
        let folder = try TemporaryDirectory()
        let file = folder.file(StateStore.fileName)
        try StateStore(directory: folder.url).database.execute("DROP TABLE session")
        let before = try contents(file)
        #expect(throws: StoreError.corrupt(path: file.path)) { try StateStore(directory: folder.url) }
        #expect(try contents(file) == before)
    }

    /// An empty file (as a crash right after creating it might leave) is a new database.
    @Test func anEmptyFileIsANewDatabase() throws {
        let folder = try TemporaryDirectory()
        #expect(FileManager.default.createFile(atPath: folder.file(StateStore.fileName).path, contents: Data()))
        let store = try StateStore(directory: folder.url)
        try store.addBookmark(in: Fixture.model(), sectionIndex: 1)
        #expect(try store.bookmarks().count == 1)
    }

    /// A folder where the file should be is no damaged database (65, "move the file away"):
    /// it is a file that cannot be read, said as for an article, with 66.
    @Test func aFolderInPlaceOfTheFileIsRefused() throws {
        let folder = try TemporaryDirectory()
        let file = folder.file(StateStore.fileName)
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false)
        let refused = "\(file.path): cannot read file: it is a folder, not a file"
        #expect(try #require(throws: StoreError.self) { try StateStore(directory: folder.url) }.description == refused)
        #expect(try #require(throws: StoreError.self) { try StateStore(readingExisting: folder.url) }.description == refused)
        let article = folder.file("test.txt")
        try Fixture.article.write(to: article, atomically: true, encoding: .utf8)
        for arguments in [["list"], ["export", "--format", "json"], ["add", article.path, "--section", "History"]] {
            let result = try seealso(["bookmarks"] + arguments + ["--data-dir", folder.path], in: folder)
            #expect(result.status == 66, "\(arguments)")
            #expect(result.stderr == "seealso: \(refused)\n", "\(arguments)")
        }
    }
}

/// A data folder that cannot be written: the store opens read-only, lists what is there, and
/// every write throws the reason. See `ReadOnlyFolder` for how the folder is made read-only.
@Suite(.enabled(if: ReadOnlyFolder.isAvailable, "no way to make a folder read-only here"))
struct ReadOnlyFolderTests {
    @Test func existingBookmarksAreListedAndWritesRefused() throws {
        let folder = try TemporaryDirectory()
        let model = try Fixture.model()
        let identity = ArticleIdentity(model)
        let articleFile = BookmarkFile.of(model.article)
        let saved = try {
            let store = try StateStore(directory: folder.url)
            try store.saveSession(Data("position".utf8), for: identity, file: articleFile)
            return [try store.addBookmark(in: model, sectionIndex: 1, note: "one"), try store.addBookmark(in: model, sectionIndex: 2)]
        }()
        let file = folder.file(StateStore.fileName)
        let before = try contents(file)
        let readOnly = try #require(ReadOnlyFolder.apply(to: folder.url))
        defer { readOnly.undo() }

        print("read-only folder made by: \(readOnly.method.rawValue)")
        let store = try StateStore(directory: folder.url)
        #expect(store.isReadOnly, "\(readOnly.method)")
        #expect(store.readOnlyError == .readOnly(path: folder.path))
        #expect(store.readOnlyReason == Message.readOnly(folder.path))
        #expect(try store.bookmarks() == saved.reversed())
        #expect(try store.session(for: identity, file: articleFile)?.data == Data("position".utf8))

        let refused = StoreError.readOnly(path: folder.path)
        #expect(throws: refused) { try store.addBookmark(in: model, sectionIndex: 3) }
        #expect(throws: refused) { try store.toggleBookmark(in: model, sectionIndex: 1) }
        #expect(throws: refused) { try store.removeBookmark(id: saved[0].id) }
        #expect(throws: refused) { try store.restoreBookmark(saved[0]) }
        #expect(throws: refused) { try store.setNote("two", forBookmark: saved[1].id) }
        #expect(throws: refused) { try store.saveSession(Data(), for: identity, file: articleFile) }
        #expect(throws: refused) { try store.importBookmarks(json: store.exportedBookmarksJSON().json) }

        // The command line: listing works, adding says why not (exit 74).
        let list = try seealso(["bookmarks", "list", "--data-dir", folder.path], in: try TemporaryDirectory())
        #expect(list.status == 0)
        #expect(list.stdout.contains("#\(saved[0].id)") && list.stdout.contains("#\(saved[1].id)"))
        let articleFolder = try TemporaryDirectory()
        let article = articleFolder.file("test.txt")
        try Fixture.article.write(to: article, atomically: true, encoding: .utf8)
        let add = try seealso(["bookmarks", "add", article.path, "--section", "Criticism", "--data-dir", folder.path], in: articleFolder)
        #expect(add.status == 74)
        #expect(add.stderr == "seealso: \(Message.readOnlyCommand(folder.path))\n")
        #expect(add.stdout.isEmpty)

        #expect(try contents(file) == before)
        readOnly.undo()
        let reopened = try StateStore(directory: folder.url)
        #expect(try reopened.bookmarks() == saved.reversed())
        #expect(try reopened.database.text("PRAGMA integrity_check") == "ok")
    }

    @Test func noDatabaseYetGivesAnEmptyReadOnlyStore() throws {
        let folder = try TemporaryDirectory()
        let readOnly = try #require(ReadOnlyFolder.apply(to: folder.url))
        defer { readOnly.undo() }
        let store = try StateStore(directory: folder.url)
        #expect(store.isReadOnly)
        #expect(store.readOnlyReason == Message.readOnly(folder.path))
        #expect(try store.bookmarks().isEmpty)
        #expect(try store.session(for: ArticleIdentity(title: "Test article", contentHash: ""), file: "/articles/test.txt") == nil)
        #expect(throws: StoreError.readOnly(path: folder.path)) { try store.addBookmark(in: Fixture.model(), sectionIndex: 1) }
        #expect(!FileManager.default.fileExists(atPath: store.databaseURL.path))
    }

    @Test func aFolderThatCannotBeCreated() throws {
        let parent = try TemporaryDirectory()
        let readOnly = try #require(ReadOnlyFolder.apply(to: parent.url))
        defer { readOnly.undo() }
        let folder = parent.url.appendingPathComponent("seealso")
        let store = try StateStore(directory: folder)
        #expect(store.isReadOnly)
        let error = try #require(store.readOnlyError)
        guard case .cannotCreateDirectory(let path, let reason) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(path == folder.path)
        // The system's own words: "Read-only file system", "Permission denied", "Operation not permitted".
        #expect(["Read-only file system", "Permission denied", "Operation not permitted"].contains(reason))
        #expect(error.description == "cannot create \(folder.path) (\(reason)): bookmarks cannot be saved "
            + "(reading goes on; nothing already saved is lost)")
        #expect(try store.bookmarks().isEmpty)
        #expect(throws: error) { try store.addBookmark(in: Fixture.model(), sectionIndex: 1) }
    }
}

/// `seealso` run as user `nobody`, through `setpriv`, on a data folder `data` inside a folder
/// nobody owns: permission bits, which root ignores, apply to it.
struct AsNobody {
    let folder: TemporaryDirectory
    let scratch: TemporaryDirectory
    let data: String
    var file: String { data + "/" + StateStore.fileName }

    init() throws {
        folder = try TemporaryDirectory()
        scratch = try TemporaryDirectory()
        #expect(chown(folder.path, 65534, 65534) == 0)
        data = folder.url.appendingPathComponent("data").path
    }

    /// Runs `script` as nobody with $0 = seealso, $1 = the data folder; stdout and stderr together.
    func run(_ script: String) throws -> (status: Int32, output: String) {
        let setpriv = try #require(which("setpriv"))
        let child = try Child([setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "/bin/sh", "-c",
                               script + " 2>&1", try Binary.path(), data], output: scratch.file("out-\(UUID().uuidString)"))
        return (child.wait(), child.output)
    }

    /// The data folder with one bookmark, made by nobody.
    func withABookmark() throws {
        let made = try run(#""$0" bookmarks add --section Background --data-dir "$1""#)
        #expect(made.status == 0 && made.output == "bookmarked: #1 Dual power › Background\n", "\(made.output)")
    }
}

/// A data folder that user `nobody` cannot write, as root sets it up: apart from
/// `ReadOnlyFolderTests`, which need a way to make a folder read-only for root too (a bind
/// mount or chattr, which a plain container lacks), so this runs wherever root has setpriv.
@Suite(.enabled(if: geteuid() == 0 && which("setpriv") != nil, "needs root and setpriv"))
struct PermissionBitsTests {
    /// Permission bits, which root ignores: the command line run as user `nobody`, through
    /// `setpriv` (so this runs where the tests run as root, as in CI).
    @Test func permissionBitsAsAnotherUser() throws {
        let nobody = try AsNobody()
        try nobody.withABookmark()

        // Folder and file read-only.
        #expect(try nobody.run(#"chmod 555 "$1" && chmod 444 "$1/state.sqlite""#).status == 0)
        let list = try nobody.run(#""$0" bookmarks list --data-dir "$1""#)
        #expect(list.status == 0 && list.output.contains("#1  Dual power  Background"), "\(list.output)")
        let add = try nobody.run(#""$0" bookmarks add --section Strategy --data-dir "$1""#)
        #expect(add.status == 74)
        #expect(add.output == "seealso: \(Message.readOnlyCommand(nobody.data))\n")
        // Only the file read-only: the message names the file.
        #expect(try nobody.run(#"chmod 755 "$1""#).status == 0)
        let fileOnly = try nobody.run(#""$0" bookmarks add --section Strategy --data-dir "$1""#)
        #expect(fileOnly.status == 74)
        #expect(fileOnly.output == "seealso: \(Message.readOnlyCommand(nobody.file))\n")
        #expect(try nobody.run(#""$0" bookmarks list --data-dir "$1""#).output.contains("#1  Dual power  Background"))
    }

    /// A database nobody may read is an input that cannot be read, 66, in the words an article
    /// is refused with. It was SQLite's "Permission denied" with 74, which says that the data
    /// folder is read-only or full.
    @Test func aDatabaseThatCannotBeReadIsAnInputThatCannotBeRead() throws {
        let nobody = try AsNobody()
        try nobody.withABookmark()
        #expect(chown(nobody.file, 0, 0) == 0 && chmod(nobody.file, 0o600) == 0)
        for command in ["list", "list --json", "export --format json", "remove 1", "add --section Strategy"] {
            let result = try nobody.run(#""$0" bookmarks \#(command) --data-dir "$1""#)
            #expect(result.status == 66, "\(command)")
            #expect(result.output == "seealso: \(nobody.file): permission denied\n", "\(command)")
        }
    }

    /// A read-only file in a folder that can be written: reading it made `-wal` and `-shm`
    /// beside it, and left them (only a connection that can write the file removes them).
    /// Read as it is, since nothing can change it, it gains no file; refused writes neither.
    @Test func aReadOnlyDatabaseGainsNoFilesFromBeingRead() throws {
        let nobody = try AsNobody()
        try nobody.withABookmark()
        #expect(try nobody.run(#"chmod 444 "$1/state.sqlite""#).status == 0)
        for command in ["list", "list --json", "export --format markdown", "add --section Strategy"] {
            let result = try nobody.run(#""$0" bookmarks \#(command) --data-dir "$1""#)
            if command.hasPrefix("add") {
                #expect(result.status == 74 && result.output == "seealso: \(Message.readOnlyCommand(nobody.file))\n", "\(result.output)")
            } else {
                #expect(result.status == 0 && result.output.contains("Background"), "\(command): \(result.output)")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: nobody.data) == [StateStore.fileName], "\(command)")
        }
    }

    /// What a writer that can still write it (here root, with the store open) committed is in
    /// the WAL, not yet in the file: a read-only file with a WAL beside it is read with it.
    @Test func aReadOnlyDatabaseIsReadWithTheCommitsInItsWAL() throws {
        let nobody = try AsNobody()
        try nobody.withABookmark()
        #expect(chmod(nobody.file, 0o444) == 0)
        let writer = try StateStore(directory: URL(fileURLWithPath: nobody.data))
        try writer.addBookmark(in: Fixture.model(), sectionIndex: 1, note: "in the WAL")
        let list = try nobody.run(#""$0" bookmarks list --data-dir "$1""#)
        #expect(list.status == 0)
        #expect(list.output.contains("Background") && list.output.contains("in the WAL"), "\(list.output)")
    }

    /// QA 32: a copy of a folder that left the `-shm` out, its last commits still in the
    /// `-wal`, read-only: it was read without them, older bookmarks shown as the current
    /// ones. SQLite cannot read the WAL without its index there: refused, saying how to go on.
    @Test func commitsInAWALWithoutItsIndexAreNotReadAsIfAbsent() throws {
        let nobody = try AsNobody()
        try nobody.withABookmark()
        let copy = nobody.scratch.file("copy")
        do {
            let writer = try StateStore(directory: URL(fileURLWithPath: nobody.data))
            try writer.addBookmark(in: Fixture.model(), sectionIndex: 1, note: "in the WAL")
            // Copied while the writer has it open, as a backup of a running store is.
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            for suffix in ["", "-wal"] {
                try FileManager.default.copyItem(atPath: nobody.file + suffix, toPath: copy.appendingPathComponent(StateStore.fileName + suffix).path)
            }
        }
        try FileManager.default.removeItem(atPath: nobody.data)
        try FileManager.default.moveItem(atPath: copy.path, toPath: nobody.data)
        #expect(FileCheck.exists(nobody.file + "-wal") && !FileCheck.exists(nobody.file + "-shm"))
        for path in [nobody.data, nobody.file, nobody.file + "-wal"] { #expect(chown(path, 65534, 65534) == 0) }
        #expect(try nobody.run(#"chmod 444 "$1"/* && chmod 555 "$1""#).status == 0)
        let list = try nobody.run(#""$0" bookmarks list --data-dir "$1""#)
        #expect(list.status != 0)
        #expect(list.output == "seealso: \(nobody.file): its latest changes are in state.sqlite-wal, which cannot be read without its -shm file "
            + "in a folder that cannot be written; run seealso once where the folder can be written, and they are moved into the file\n",
                "\(list.output)")
        // Writable again, the changes are there.
        #expect(try nobody.run(#"chmod 755 "$1" && chmod 644 "$1"/*"#).status == 0)
        #expect(try nobody.run(#""$0" bookmarks list --data-dir "$1""#).output.contains("in the WAL"))
    }
}

/// A full disk: the write that does not fit fails with a message, and everything saved before
/// it stays. Tested twice: on a real, tiny tmpfs (root with mount rights), and with SQLite's
/// `max_page_count` everywhere, which makes SQLite report the same SQLITE_FULL.
@Suite struct FullDiskTests {
    /// Adds bookmarks with 3 KB notes until a write fails; returns the bookmarks saved and the error.
    static func fill(_ store: StateStore) throws -> (saved: [Bookmark], error: StoreError) {
        let model = try Fixture.model(Fixture.manySections(title: "Big", count: 300))
        var saved: [Bookmark] = []
        for index in 1...300 {
            do {
                saved.append(try store.addBookmark(in: model, sectionIndex: index, note: String(repeating: "n", count: 3000) + "\(index)"))
            } catch let error as StoreError {
                return (saved, error)
            }
        }
        Issue.record("the disk never filled")
        return (saved, .sqlite(path: "", message: ""))
    }

    @Test(.enabled(if: TinyDisk.isAvailable, "needs root with mount rights")) func onATinyFilesystem() throws {
        let folder = try TemporaryDirectory()
        let unmount = try #require(TinyDisk.mount(on: folder.url, size: "256k"))
        defer { unmount() }
        // Ballast to throw overboard later: on a full disk even a removal needs room in the WAL.
        let ballast = folder.file("ballast")
        try Data(count: 32 * 1024).write(to: ballast)
        let store = try StateStore(directory: folder.url)
        let (saved, error) = try Self.fill(store)
        #expect(saved.count > 3)
        #expect(error == .full(path: folder.path))
        #expect(error.description == Message.full(folder.path))
        #expect(try store.bookmarks().count == saved.count)
        #expect(try store.database.text("PRAGMA integrity_check") == "ok")
        // Another process still reads them all.
        let list = try seealso(["bookmarks", "list", "--data-dir", folder.path], in: try TemporaryDirectory())
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").count == saved.count + 1)
        // Space freed: writing works again, with the same store.
        try FileManager.default.removeItem(at: ballast)
        try store.removeBookmark(id: saved[0].id)
        #expect(try store.bookmarks().count == saved.count - 1)
    }

    @Test func atSQLitesPageLimit() throws {
        let folder = try TemporaryDirectory()
        let store = try StateStore(directory: folder.url)
        let pages = try #require(try store.database.integer("PRAGMA page_count"))
        try store.database.execute("PRAGMA max_page_count = \(pages + 6)")
        let (saved, error) = try Self.fill(store)
        #expect(saved.count > 3)
        #expect(error == .full(path: folder.path))
        #expect(try store.bookmarks() == saved.reversed())
        #expect(try store.database.text("PRAGMA integrity_check") == "ok")
        #expect(try StateStore(directory: folder.url).bookmarks().count == saved.count)
    }
}
