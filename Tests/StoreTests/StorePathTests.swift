import Foundation
import Testing
@testable import Store

/// QA 25: two stores said to be read-only that were not.
@Suite("Store paths SQLite cannot use")
struct StorePathTests {
    /// A folder where SQLite's `-wal` or `-shm` goes was said as "DIR is read-only"; it is said
    /// as the folder it is, and nothing is made beside it.
    @Test(arguments: ["-wal", "-shm"])
    func aFolderWhereSQLitesFileGoesIsSaidAsOne(suffix: String) throws {
        let folder = try TemporaryDirectory()
        let side = folder.file(StateStore.fileName + suffix)
        try FileManager.default.createDirectory(at: side, withIntermediateDirectories: false)
        #expect(throws: StoreError.unreadableFile(path: side.path, reason: "cannot read file: it is a folder, not a file")) {
            try StateStore(directory: folder.url)
        }
        let made = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(made == [StateStore.fileName + suffix], "\(made)")
    }

    /// A `--data-dir` of 491 bytes or more was said to be read-only, and bookmarks never
    /// worked there: SQLite opens no path of 512 bytes or more, `state.sqlite-journal`'s
    /// included. Said so; 490 bytes work.
    @Test func aDataFolderTooLongForSQLiteIsSaidSo() throws {
        let folder = try TemporaryDirectory()
        func nested(_ length: Int) -> URL {
            var url = folder.url
            while url.path.utf8.count < length - 100 { url.appendPathComponent(String(repeating: "y", count: 99)) }
            return url.appendingPathComponent(String(repeating: "z", count: length - url.path.utf8.count - 1))
        }
        let fits = nested(490)
        #expect(fits.path.utf8.count == 490)
        let store = try StateStore(directory: fits)
        #expect(store.readOnlyReason == nil)
        let tooLong = nested(491)
        #expect(throws: StoreError.unreadableDirectory(path: tooLong.path, reason: "too long a path for the bookmark store: SQLite "
                                                        + "opens no file whose path is over 511 bytes, and state.sqlite-journal's would be 512")) {
            try StateStore(directory: tooLong)
        }
    }
}
