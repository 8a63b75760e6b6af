import CSQLite
import Foundation
import TestSupport
import Testing

@testable import Store

/// A refused database left files beside it. To read a WAL database SQLite makes `-wal` and
/// `-shm`, a read-only connection too, and only a connection that can write removes them:
/// `bookmarks list` on a store cut short exited 65, "damaged or not a database; it was left
/// untouched", yet left a 32 KB `-shm` and an empty `-wal` beside it (commands that only read
/// create nothing). Now what the refused read made is removed; what was there before stays.
@Suite struct RefusedFileSideFilesTests {
    /// A WAL database in `folder`, closed, made into `kind`; the refusal it gets.
    static func make(_ kind: String, in folder: TemporaryDirectory) throws -> StoreError {
        let file = folder.file(StateStore.fileName)
        switch kind {
        case "another application's":
            try Database(path: file.path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
                .execute("PRAGMA journal_mode = WAL; PRAGMA application_id = 42; CREATE TABLE photos (path TEXT)")
            return .foreign(path: file.path)
        case "a newer seealso's":
            try StateStore(directory: folder.url).database.execute("PRAGMA user_version = 99")
            return .newerVersion(path: file.path, version: 99, known: Migrations.latestVersion)
        default:
            try StateStore(directory: folder.url).addBookmark(in: Fixture.model(), sectionIndex: 1)
            let size = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
            #expect(truncate(file.path, kind == "cut to 100 bytes" ? 100 : off_t(size / 2)) == 0)
            return .corrupt(path: file.path)
        }
    }

    @Test(arguments: ["cut to 100 bytes", "cut to half", "another application's", "a newer seealso's"])
    func nothingIsLeftBesideIt(kind: String) throws {
        let folder = try TemporaryDirectory()
        let refusal = try Self.make(kind, in: folder)
        let file = folder.file(StateStore.fileName)
        let before = try contents(file)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [StateStore.fileName])

        #expect(throws: refusal) { try StateStore(readingExisting: folder.url) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [StateStore.fileName], "reading")
        #expect(throws: refusal) { try StateStore(directory: folder.url) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [StateStore.fileName], "the explorer's")
        let list = try seealso(["bookmarks", "list", "--data-dir", folder.path], in: try TemporaryDirectory())
        #expect(list.status == 65)
        #expect(list.stderr == "seealso: \(refusal.commandDescription)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [StateStore.fileName], "bookmarks list")
        #expect(try contents(file) == before)
    }

    /// Side files that were there before the read may be another process's: they stay.
    @Test func sideFilesThatWereThereStay() throws {
        let folder = try TemporaryDirectory()
        let refusal = try Self.make("cut to 100 bytes", in: folder)
        // What a read by an earlier seealso left.
        let names = ["", "-shm", "-wal"].map { StateStore.fileName + $0 }
        try Data().write(to: folder.file(names[2]))
        try Data("abc".utf8).write(to: folder.file(names[1]))
        #expect(throws: refusal) { try StateStore(readingExisting: folder.url) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == names)
    }
}
