import CSQLite
import Foundation

/// The schema, as a list of steps. `PRAGMA user_version` holds how many have been applied.
///
/// Rules: a step that has shipped is never edited (a test holds a frozen copy of version 1);
/// a change is a new step appended at the end. Each step runs in the same transaction as the
/// version bump, so a crash mid-migration leaves the database at the version before.
enum Migrations {
    /// `PRAGMA application_id` of a seealso database: "SeeA" in ASCII. Other tools (and
    /// `file(1)`) use it to tell what a SQLite file belongs to; seealso uses it to refuse
    /// another application's database instead of writing its tables into it.
    static let applicationID: Int64 = 0x5365_6541

    /// Tables every seealso database has from version 1 on.
    static let requiredTables: Set<String> = ["bookmark", "session"]

    static let steps: [String] = [version1, version2, version3, version4, version5, version6, version7]
    static var latestVersion: Int { steps.count }

    /// Version 1: bookmarks and the per-article session blob (reading position and jump history).
    static let version1 = """
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
        PRAGMA application_id = \(applicationID);
        """

    /// Version 2: when a note was last edited (notes made in version 1 count from the bookmark).
    static let version2 = """
        ALTER TABLE bookmark ADD COLUMN note_updated_at REAL;
        UPDATE bookmark SET note_updated_at = created_at WHERE note IS NOT NULL;
        """

    /// Version 3: the folder an article was last read in (absolute path; NULL when it was read
    /// alone, or before version 3), so that a folder knows which article was read last in it
    /// even when that article's file is gone.
    static let version3 = """
        ALTER TABLE session ADD COLUMN folder TEXT;
        """

    /// Version 4: the file a bookmark's article was read from (absolute, symbolic links
    /// resolved; '(bundled)' for the bundled article; NULL for bookmarks made before version 4
    /// until they are found by their title), so that a bookmark follows its file when the
    /// article's title changes.
    static let version4 = """
        ALTER TABLE bookmark ADD COLUMN article_path TEXT;
        """

    /// Version 5: a digest of the text of a bookmark's section (`Section.bodyDigest`; NULL
    /// when the section has none, for bookmarks made before version 5 until they are placed
    /// in their article, and for imported ones), so that a bookmark follows its section when
    /// its heading is renamed, as a saved reading place does.
    static let version5 = """
        ALTER TABLE bookmark ADD COLUMN body_digest TEXT;
        """

    /// Version 6: the jump history apart from the sessions, one for a folder (or for an
    /// article read alone) rather than a copy in the session of every article read in it, so
    /// that it is written when it changes, not with every view saved (a history of 200 steps
    /// is some 110 KB). A session saved before version 6 keeps its history in its `data`,
    /// which is read until its scope has one here.
    static let version6 = """
        CREATE TABLE history (
            scope TEXT PRIMARY KEY,  -- 'folder:' and the folder's absolute path, or 'article:' and the title of an article read alone
            data BLOB NOT NULL
        );
        """

    /// Version 7: a session is its file's (`BookmarkFile.of`, as a bookmark records it), not
    /// its title's: two files of one title (the bundled Dual power and a copy of it edited
    /// since) each reopen where they were left, and neither is "changed since last read" by
    /// the other's place. A session saved before version 7 has no file: the first file of its
    /// title to read it takes it (`StateStore.session(for:file:)`). The title stays, for
    /// finding a session again when its file is moved, and for a folder's article read last.
    ///
    /// The table is made again, as SQLite changes a key: its title was its primary key. The
    /// first statement fails on a table that has the column already, so that a file whose
    /// version was set back is refused as damaged, as for the steps before, rather than
    /// made again with every session's file dropped.
    static let version7 = """
        ALTER TABLE session ADD COLUMN article_path TEXT;
        CREATE TABLE session_by_file (
            id INTEGER PRIMARY KEY,       -- the rowid, kept: the order of sessions saved at the same time
            article_path TEXT UNIQUE,     -- NULL: saved before version 7, until a file of its title takes it
            article_title TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            data BLOB NOT NULL,
            saved_at REAL NOT NULL,
            folder TEXT
        );
        INSERT INTO session_by_file (id, article_path, article_title, content_hash, data, saved_at, folder)
            SELECT rowid, NULL, article_title, content_hash, data, saved_at, folder FROM session;
        DROP TABLE session;
        ALTER TABLE session_by_file RENAME TO session;
        CREATE INDEX session_by_title ON session (article_title);
        """

    /// What an existing file holds, read without writing to it.
    struct Inspection {
        var applicationID: Int64
        var version: Int
        var tables: Set<String>
    }

    /// One snapshot: read one by one, the three could straddle another process's migration
    /// (no application id yet, then its tables) and make a new store look like a foreign one.
    static func inspect(_ database: Database) throws -> Inspection {
        try database.snapshot {
            Inspection(
                applicationID: try database.integer("PRAGMA application_id") ?? 0,
                version: Int(try database.integer("PRAGMA user_version") ?? 0),
                tables: Set(try database.query("SELECT name FROM sqlite_master WHERE type = 'table'") { $0.text(0) }))
        }
    }

    /// Refuses a database seealso must not touch: another application's, a damaged one of
    /// ours, or one written by a newer seealso. An empty database (no tables) is fine.
    static func check(_ found: Inspection, path: String) throws {
        let userTables = found.tables.filter { !$0.hasPrefix("sqlite_") }
        if found.applicationID != applicationID {
            guard found.applicationID == 0, userTables.isEmpty, found.version == 0 else {
                throw StoreError.foreign(path: path)
            }
            return
        }
        // A version below 0 is no version any seealso wrote: slicing the steps from it trapped,
        // silently, in every bookmarks command and the explorer.
        if found.version < 0 {
            throw StoreError.corrupt(path: path)
        }
        if found.version > latestVersion {
            throw StoreError.newerVersion(path: path, version: found.version, known: latestVersion)
        }
        if found.version >= 1, !requiredTables.isSubset(of: userTables) {
            throw StoreError.corrupt(path: path)
        }
    }

    /// Brings the database to `latestVersion`. Safe when two processes start at once: the
    /// version is read again under the write lock.
    static func migrate(_ database: Database, path: String) throws {
        try check(inspect(database), path: path)
        guard try database.integer("PRAGMA user_version") ?? 0 < latestVersion else { return }
        try database.transaction {
            let found = try inspect(database)
            try check(found, path: path)
            for step in steps[found.version...] {
                do {
                    try database.execute(step)
                } catch let error as SQLiteError where error.primary == SQLITE_ERROR {
                    // SQL that cannot run on these tables (a table or a column already there):
                    // the schema is not the version's: damaged (it was said as an I/O error, status 74).
                    throw StoreError.damagedSchema(path: path, version: found.version, detail: error.message)
                }
            }
            try database.execute("PRAGMA user_version = \(latestVersion)")
        }
    }
}
