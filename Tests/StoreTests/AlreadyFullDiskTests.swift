import Foundation
import TestSupport
import Testing

@testable import Store

/// A disk already full when the store is opened. To read a WAL database SQLite makes a 32 KB
/// index beside it (`-shm`), a read-only connection too, and on a full disk it says
/// SQLITE_IOERR_SHMSIZE (4874), not SQLITE_FULL: `bookmarks list` and `export` exited 74 with
/// "disk I/O error (SQLite error 4874)" and listed nothing, the explorer said "Bookmarks are
/// off", and the attempt left a 3-byte `-shm` and an empty `-wal`. Now the bookmarks are read
/// without an index, nothing is made beside the file, and a write says "no space left".
///
/// Full without root: `seealso` runs under a file-size limit (`ulimit -f`, SIGXFSZ ignored, as
/// a full disk sends no signal), which fails the growing of the `-shm` as a full disk does,
/// with the same 4874, while files can still be created, as on a full tmpfs.
@Suite struct AlreadyFullDiskTests {
    /// `seealso ARGUMENTS` where no file can grow past 8 blocks (4 or 8 KB, by the shell).
    static func seealsoOnAFullDisk(_ arguments: [String], in scratch: TemporaryDirectory) throws
        -> (status: Int32, stdout: String, stderr: String) {
        let script = #"trap "" XFSZ; ulimit -f 8 && exec "$0" "$@""#
        let child = try Child(["/bin/sh", "-c", script, try Binary.path()] + arguments, output: scratch.file("out-\(UUID().uuidString)"))
        let status = child.wait()
        return (status, child.output, child.errors)
    }

    /// QA 38: under a file-size limit with SIGXFSZ at its default action, as a shell leaves it,
    /// the write past the limit killed seealso (153, "File size limit exceeded"): `bookmarks
    /// add` after its commit, with `-wal` and `-shm` left, and the explorer with the bookmark
    /// it was saving. seealso ignores the signal itself: the write fails as on a full disk.
    @Test func theFileSizeSignalKillsNothing() throws {
        let folder = try TemporaryDirectory()
        _ = try StateStore(directory: folder.url).addBookmark(in: try Fixture.model(), sectionIndex: 1, note: "first")
        let scratch = try TemporaryDirectory()
        let article = scratch.file("test.txt")
        try Fixture.article.write(to: article, atomically: true, encoding: .utf8)
        let script = #"ulimit -f 8 && exec "$0" "$@""#
        let child = try Child(["/bin/sh", "-c", script, try Binary.path(), "bookmarks", "add", article.path, "--section", "Criticism",
                               "--note", String(repeating: "n", count: 9000), "--data-dir", folder.path],
                              output: scratch.file("out"))
        #expect(child.wait() == 74, "\(child.errors)")
        #expect(child.errors == "seealso: no space left for \(folder.path): nothing was changed\n")
        #expect(try StateStore(directory: folder.url).bookmarks().map(\.note) == ["first"])
    }

    static func names(in folder: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func savedBookmarksAreReadAndWritesSayTheDiskIsFull() throws {
        let folder = try TemporaryDirectory()
        let model = try Fixture.model()
        let saved = try {
            let store = try StateStore(directory: folder.url)
            return [try store.addBookmark(in: model, sectionIndex: 1, note: "first"), try store.addBookmark(in: model, sectionIndex: 2)]
        }()
        let file = folder.file(StateStore.fileName)
        let before = try contents(file)
        let scratch = try TemporaryDirectory()
        let data = ["--data-dir", folder.path]

        // What they print with room to spare.
        for read in [["list"], ["export", "--format", "json"]] {
            let roomy = try seealso(["bookmarks"] + read + data, in: scratch)
            #expect(roomy.status == 0 && roomy.stdout.contains("first") && roomy.stdout.contains("Origins"), "\(roomy)")
            let full = try Self.seealsoOnAFullDisk(["bookmarks"] + read + data, in: scratch)
            #expect(full.status == 0, "\(read): \(full.stderr)")
            #expect(full.stdout == roomy.stdout, "\(read)")
            #expect(try Self.names(in: folder) == [StateStore.fileName], "\(read)")
        }

        let article = scratch.file("test.txt")
        try Fixture.article.write(to: article, atomically: true, encoding: .utf8)
        for write in [["add", article.path, "--section", "Criticism"], ["remove", "\(saved[0].id)"]] {
            let refused = try Self.seealsoOnAFullDisk(["bookmarks"] + write + data, in: scratch)
            #expect(refused.status == 74, "\(write)")
            #expect(refused.stderr == "seealso: no space left for \(folder.path): nothing was changed\n", "\(write)")
            #expect(try Self.names(in: folder) == [StateStore.fileName], "\(write)")
        }
        #expect(try contents(file) == before)
    }

    /// QA 32: a first bookmark on a full disk said "nothing was changed" and left a database,
    /// a `-wal` and a `-shm` behind, which the next try grew until they filled the disk.
    @Test func aStoreThatCouldNotBeMadeLeavesNoFile() throws {
        let folder = try TemporaryDirectory()
        let scratch = try TemporaryDirectory()
        let refused = try Self.seealsoOnAFullDisk(["bookmarks", "add", "--section", "Background", "--data-dir", folder.path], in: scratch)
        #expect(refused.status == 74)
        #expect(refused.stderr == "seealso: no space left for \(folder.path): nothing was changed\n", "\(refused.stderr)")
        #expect(try Self.names(in: folder) == [])
    }

    /// A writer killed before its checkpoint has its last bookmarks only in the `-wal`: they are
    /// read from it, through the `-shm` already there, which is only read. With no `-shm` to read
    /// it through, the list is refused rather than shown without them.
    @Test func commitsInTheWALAreRead() throws {
        let folder = try TemporaryDirectory()
        let model = try Fixture.model()
        try StateStore(directory: folder.url).addBookmark(in: model, sectionIndex: 1)  // in the file: checkpointed on closing
        // The files a writer killed with `kill -9` leaves: copied while it is open.
        let crashed = try TemporaryDirectory()
        let names = ["", "-wal", "-shm"].map { StateStore.fileName + $0 }
        do {
            let writer = try StateStore(directory: folder.url)
            try writer.addBookmark(in: model, sectionIndex: 3, note: "only in the WAL")
            for name in names { try FileManager.default.copyItem(at: folder.file(name), to: crashed.file(name)) }
        }
        let wal = try contents(crashed.file(StateStore.fileName + "-wal"))
        #expect(!wal.isEmpty)
        let scratch = try TemporaryDirectory()

        let list = try Self.seealsoOnAFullDisk(["bookmarks", "list", "--data-dir", crashed.path], in: scratch)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("Strategies  only in the WAL") && list.stdout.contains("History"), "\(list.stdout)")
        #expect(try Self.names(in: crashed) == names.sorted())
        #expect(try contents(crashed.file(StateStore.fileName + "-wal")) == wal)

        try FileManager.default.removeItem(at: crashed.file(StateStore.fileName + "-shm"))
        let withoutIndex = try Self.seealsoOnAFullDisk(["bookmarks", "list", "--data-dir", crashed.path], in: scratch)
        #expect(withoutIndex.status == 74)
        #expect(withoutIndex.stderr == "seealso: no space left for \(crashed.path): nothing was changed\n")
        #expect(try Self.names(in: crashed) == [StateStore.fileName, StateStore.fileName + "-wal"])
        #expect(try contents(crashed.file(StateStore.fileName + "-wal")) == wal)
    }
}
