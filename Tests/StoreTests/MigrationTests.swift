import CSQLite
import Content
import Foundation
import Testing

@testable import Store

@Suite struct MigrationTests {
    /// Version 1 exactly as it shipped. Never edit this: people's databases were made with it.
    static let shippedVersion1 = """
        CREATE TABLE bookmark (
            id INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused, so an undone removal gets its id back
            article_title TEXT NOT NULL,
            article_hash TEXT NOT NULL,           -- ArticleIdentity.contentHash when it was made
            section_id TEXT NOT NULL,
            heading TEXT NOT NULL,                -- '(lead)' for the lead
            section_path TEXT NOT NULL,           -- JSON array of headings, top down
            item_id TEXT,
            item_name TEXT,
            note TEXT,
            created_at REAL NOT NULL              -- seconds since 1970
        );
        CREATE INDEX bookmark_by_article ON bookmark (article_title, section_id);
        CREATE TABLE session (
            article_title TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            data BLOB NOT NULL,
            saved_at REAL NOT NULL
        );
        PRAGMA application_id = 1399153985;
        """

    /// Writes `folder/state.sqlite` as seealso's first release did, with two bookmarks and a session.
    static func makeVersion1(in folder: TemporaryDirectory, extraSQL: String = "") throws -> URL {
        let file = folder.file(StateStore.fileName)
        let database = try Database(path: file.path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        try database.execute("PRAGMA journal_mode = WAL")
        try database.execute(shippedVersion1 + "\nPRAGMA user_version = 1;\n" + extraSQL)
        try database.execute("""
            INSERT INTO bookmark (article_title, article_hash, section_id, heading, section_path, item_id, item_name, note, created_at)
            VALUES ('Test article', 'abc', 'origins', 'Origins', '["History","Origins"]', NULL, NULL, 'from v1', 1700000000),
                   ('Test article', 'abc', 'strategies', 'Strategies', '["Strategies"]', 'strategy:municipalism',
                    'Municipalism', NULL, 1700000100);
            INSERT INTO session VALUES ('Test article', 'abc', X'7B7D', 1700000200);
            """)
        return file  // the connection closes here, checkpointing the WAL into the file
    }

    /// `makeVersion1` brought to version 4 by its shipped steps: a file of the last seealso
    /// before bookmarks recorded their section's text.
    static func makeVersion4(in folder: TemporaryDirectory) throws -> URL {
        let file = try makeVersion1(in: folder)
        let database = try Database(path: file.path, flags: SQLITE_OPEN_READWRITE)
        try database.execute([Migrations.version2, Migrations.version3, Migrations.version4].joined(separator: "\n")
            + "\nPRAGMA user_version = 4;")
        return file
    }

    @Test func shippedStepsAreFrozen() {
        #expect(Migrations.version1 == Self.shippedVersion1)
        #expect(Migrations.latestVersion == 7)
    }

    @Test func version1MigratesAndKeepsItsRows() throws {
        let folder = try TemporaryDirectory()
        _ = try Self.makeVersion1(in: folder)
        let store = try StateStore(directory: folder.url)
        #expect(!store.isReadOnly)
        #expect(try store.database.integer("PRAGMA user_version") == 7)
        let columns = try store.database.query("PRAGMA table_info(bookmark)") { $0.text(1) }
        #expect(columns.suffix(3) == ["note_updated_at", "article_path", "body_digest"])
        #expect(try store.database.query("PRAGMA table_info(session)") { $0.text(1) }
                == ["id", "article_path", "article_title", "content_hash", "data", "saved_at", "folder"])
        #expect(try store.database.query("PRAGMA table_info(history)") { $0.text(1) } == ["scope", "data"])

        let bookmarks = try store.bookmarks()
        #expect(bookmarks.map(\.id) == [2, 1])
        let origins = try #require(bookmarks.last)
        #expect(origins.heading == "Origins")
        #expect(origins.sectionPath == ["History", "Origins"])
        #expect(origins.note == "from v1")
        #expect(origins.createdAt == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(origins.articlePath == nil, "made before files were recorded")
        #expect(origins.noteUpdatedAt == origins.createdAt)  // backfilled by version 2
        #expect(bookmarks[0].itemID == "strategy:municipalism")
        #expect(bookmarks[0].noteUpdatedAt == nil)
        #expect(try store.session(for: ArticleIdentity(title: "Test article", contentHash: "abc"), file: "/articles/test.txt")?.data == Data("{}".utf8))

        let model = try Fixture.model()
        #expect(StateStore.place(of: origins, in: model) == .section(try model.sectionIndex("Origins")))
        #expect(StateStore.place(of: bookmarks[0], in: model) == .item("strategy:municipalism"))
        #expect(try store.addBookmark(in: model, sectionIndex: 1).id == 3)
        // Opening again does not migrate again.
        #expect(try StateStore(directory: folder.url).bookmarks().count == 3)
    }

    /// Each migration runs in one transaction with the version bump: when a step fails,
    /// the file stays at the version before, rows and all.
    @Test func aFailedMigrationChangesNothing() throws {
        let folder = try TemporaryDirectory()
        // A column version 2 is about to add, already there: its ALTER TABLE fails.
        let file = try Self.makeVersion1(in: folder, extraSQL: "ALTER TABLE bookmark ADD COLUMN note_updated_at REAL;")
        let before = try contents(file)
        let error = try #require(throws: StoreError.self) { try StateStore(directory: folder.url) }
        // Damaged, not an I/O error (QA 15a: "duplicate column name", status 74), SQLite's words kept.
        #expect(error == .damagedSchema(path: file.path, version: 1, detail: "duplicate column name: note_updated_at"))
        #expect(error.description == "\(file.path) is damaged (its tables are not those of schema version 1: "
            + "duplicate column name: note_updated_at); it was left untouched: use --data-dir DIR, or move the file away")
        #expect(try contents(file) == before)
        #expect(!FileManager.default.fileExists(atPath: file.path + "-wal") && !FileManager.default.fileExists(atPath: file.path + "-shm"))
        let database = try Database(path: file.path, flags: SQLITE_OPEN_READONLY)
        #expect(try database.integer("PRAGMA user_version") == 1)
        #expect(try database.integer("SELECT count(*) FROM bookmark") == 2)
        #expect(try database.integer("SELECT count(*) FROM bookmark WHERE note_updated_at IS NOT NULL") == 0)
    }

    @Test func newerDatabaseIsRefusedAndLeftUntouched() throws {
        let folder = try TemporaryDirectory()
        let file = try Self.makeVersion1(in: folder, extraSQL: "PRAGMA user_version = 8;")
        let before = try contents(file)
        let error = try #require(throws: StoreError.self) { try StateStore(directory: folder.url) }
        #expect(error == .newerVersion(path: file.path, version: 8, known: 7))
        #expect(error.description == "\(file.path) was written by a newer seealso (schema version 8; this one knows up to 7); "
            + "it was left untouched: upgrade seealso, or use --data-dir DIR")
        #expect(try contents(file) == before)
    }

    /// A negative schema version (no seealso writes one) is a damaged file, refused untouched.
    @Test func negativeVersionIsRefusedAsDamaged() throws {
        let folder = try TemporaryDirectory()
        let file = try Self.makeVersion1(in: folder, extraSQL: "PRAGMA user_version = -1;")
        let before = try contents(file)
        let error = try #require(throws: StoreError.self) { try StateStore(directory: folder.url) }
        #expect(error == .corrupt(path: file.path))
        #expect(try contents(file) == before)
    }

    /// QA 15a: a version-5 file whose `user_version` was set back failed in the step that
    /// made a table or column already there, said as an I/O error (status 74), with -wal and
    /// -shm left beside it. It is damaged, and left as it was found, folder and all.
    @Test("A schema version set back is refused as damaged, the file and folder untouched", arguments: [0, 1, 3, 4, 6])
    func versionSetBackIsRefusedAsDamaged(version: Int) throws {
        let folder = try TemporaryDirectory()
        let file = try Self.makeVersion1(in: folder)
        _ = try StateStore(directory: folder.url)  // to the latest version, closed again
        do {  // closed at the end of the block, the WAL checkpointed into the file
            let database = try Database(path: file.path, flags: SQLITE_OPEN_READWRITE)
            try database.execute("PRAGMA user_version = \(version)")
        }
        let before = try contents(file)
        let listing = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
        let error = try #require(throws: StoreError.self) { try StateStore(directory: folder.url) }
        guard case .damagedSchema(file.path, version, let detail) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(detail.hasPrefix(version == 0 ? "table bookmark already exists" : "duplicate column name: "))
        #expect(error.description.hasPrefix("\(file.path) is damaged"))
        #expect(try contents(file) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == listing)
        // A command that only reads says the same, and makes nothing beside it either.
        #expect(throws: error) { try StateStore(readingExisting: folder.url) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == listing)
    }

    /// A version-1 file in a folder that cannot be written cannot be migrated; it is still read.
    @Test(.enabled(if: ReadOnlyFolder.isAvailable)) func version1InAReadOnlyFolderIsStillRead() throws {
        let folder = try TemporaryDirectory()
        let file = try Self.makeVersion1(in: folder)
        let before = try contents(file)
        let readOnly = try #require(ReadOnlyFolder.apply(to: folder.url))
        defer { readOnly.undo() }
        let store = try StateStore(directory: folder.url)
        #expect(store.isReadOnly)
        let bookmarks = try store.bookmarks()
        #expect(bookmarks.map(\.note) == [nil, "from v1"])
        #expect(bookmarks.allSatisfy { $0.noteUpdatedAt == nil })
        #expect(try contents(file) == before)
    }
}
