import CSQLite
import Content
import Foundation

/// An on-disk index of a folder of articles, in `$XDG_CACHE_HOME/seealso/index.sqlite`:
/// each file's stamp (see `FileStamp`), title and See-also topics, and its text in an FTS5
/// table. A large folder then opens without parsing every file (only those whose stamp
/// changed), and a folder search reads only the files that can match.
///
/// It is a cache: deleting it loses nothing, and a damaged one is rebuilt.
public final class CorpusIndex {
    public static let fileName = "index.sqlite"
    /// 3: texts in `TextSearch.indexForm`, in a trigram index (substrings, not words).
    /// 4: a file's whole `FileStamp` (inode and change time too, times in nanoseconds): a
    /// version-3 index, which has only size and modification time, is rebuilt, not trusted.
    /// 5: `indexForm` folds ς to σ: a version-4 text keeps ς, and a search for "σισυφος"
    /// (whose index form is "σισυφοσ") would pass over the file that has "ΣΊΣΥΦΟΣ".
    /// 6: `indexForm` makes every apostrophe "'": a version-5 text keeps ’, and "workers'
    /// council" would pass over the file that has "Workers’ council".
    /// 7: a file that fails to parse keeps its title (`FolderCatalog.unloaded`): a version-6
    /// row of one has none, and the folder would take the article read last for gone.
    /// 8: `indexForm` reads a letter with a stroke as its base letter (đ is d, `StrokedLetters`):
    /// a version-7 text keeps đ, and "dien bien" would pass over the file that has "Điện Biên".
    /// 9: `indexForm` reads a regional indicator as its letter (🇫🇷 is "fr", as it is shown): a
    /// version-8 text keeps the flag, and "FR" would pass over the file that has 🇫🇷.
    /// 10: the index says it is seealso's (`applicationID`): another application's database
    /// found in its place is left alone (see `isOurs`), where its `files` table was dropped.
    /// 11: `indexForm` leaves out characters that show nothing inside a word (a soft hyphen:
    /// "Lud\u{AD}dite" is "luddite") and reads NUL as a space (SQLite's trigram index ended a
    /// text at a NUL, and a search passed over the file for what came after it, QA 30).
    static let schemaVersion: Int64 = 11

    /// `PRAGMA application_id` of the index: "SeeI" in ASCII (the bookmark store's is "SeeA").
    static let applicationID: Int64 = 0x5365_6549

    public let url: URL
    let database: Database

    /// `$XDG_CACHE_HOME/seealso`, or `~/.cache/seealso`.
    public static func defaultDirectory(environment: [String: String]) -> URL {
        URL(fileURLWithPath: BaseDirectory.cache.seealsoPath(environment: environment))
    }

    public init(directory: URL) throws {
        if BaseDirectory.lostItsBytes(directory.path) {
            throw StoreError.unreadableDirectory(path: directory.path, reason: BaseDirectory.lostBytesReason)
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        url = directory.appendingPathComponent(Self.fileName)
        // What is in the index's place and is no file (a folder, a pipe) is not the cache:
        // it was removed, contents and all, to make room for a new index.
        if let reason = FileCheck.notAFile(url.path) {
            throw StoreError.unreadableFile(path: url.path, reason: reason + "; " + Self.leftAlone)
        }
        do {
            database = try Self.open(url)
        } catch let error as SQLiteError where error.primary == SQLITE_BUSY {
            // Another explorer kept the index locked for the whole busy timeout: the file is
            // fine, and theirs. Say so rather than delete it from under them.
            throw error
        } catch let error as StoreError {
            throw error
        } catch {
            // A cache that cannot be read is rebuilt, not repaired.
            try? FileManager.default.removeItem(at: url)
            database = try Self.open(url)
        }
    }

    private static func open(_ url: URL) throws -> Database {
        let database = try Database(path: url.path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        guard try isOurs(database) else { throw StoreError.unreadableFile(path: url.path, reason: notOurs) }
        try database.useWriteAheadLog()
        try database.execute("PRAGMA synchronous = NORMAL")
        guard try database.integer("PRAGMA user_version") != schemaVersion else { return database }
        // One transaction, checked again inside: a second explorer opening the same new index
        // waits here, then finds it made, instead of dropping the tables the first one is filling.
        try database.transaction {
            guard try database.integer("PRAGMA user_version") != schemaVersion else { return }
            try database.execute("""
                DROP TABLE IF EXISTS files;
                DROP TABLE IF EXISTS texts;
                CREATE TABLE files (
                    id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE,
                    -- FileStamp: what tells that the file changed since its row was written.
                    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, inode INTEGER NOT NULL,
                    title TEXT, see_also TEXT, error_line INTEGER, error_message TEXT,
                    -- Whether `texts` holds the file's current text: filled by the first search
                    -- that needs it, so that opening a folder does not wait for the text index.
                    text_indexed INTEGER NOT NULL DEFAULT 0);
                -- A file's text has the file's id as its rowid: FTS5 finds rows fast only by rowid.
                -- Trigrams: a search is for any substring ("ornilov" finds "Kornilov"), not for words.
                CREATE VIRTUAL TABLE texts USING fts5(body, tokenize = 'trigram');
                PRAGMA application_id = \(applicationID);
                PRAGMA user_version = \(schemaVersion);
                """)
        }
        return database
    }

    /// Said of what is in the index's place and is not an index: the search goes on without one.
    static let leftAlone = "it was left untouched (move it away to let seealso keep its index there)"
    static let notOurs = "another application's database, not seealso's index; " + leftAlone

    /// Whether `database` may be dropped and filled as the index: it says it is the index
    /// (`applicationID`), or it is empty, or it is an index of a version before 10, which did
    /// not say so: no application id, a version seealso gave, and only the index's tables. A
    /// link or a copy of another application's database put there is neither: it is refused,
    /// untouched, as the bookmark store refuses one.
    private static func isOurs(_ database: Database) throws -> Bool {
        let found = try Migrations.inspect(database)
        if found.applicationID == applicationID { return true }
        let tables = found.tables.filter { !$0.hasPrefix("sqlite_") }
        if found.applicationID == 0, found.version == 0, tables.isEmpty { return true }
        guard found.applicationID == 0, (1..<10).contains(found.version), tables.isSuperset(of: ["files", "texts"]),
              tables.allSatisfy({ $0 == "files" || $0 == "texts" || $0.hasPrefix("texts_") }) else { return false }
        let columns = Set(try database.query("SELECT name FROM pragma_table_info('files')") { $0.text(0) })
        return columns.isSuperset(of: ["path", "size", "title", "see_also"])
    }

    /// What a refresh did, for the benchmark and for tests of invalidation.
    public struct Refresh: Sendable {
        public var catalog: FolderCatalog
        /// Files parsed again because they were new or their stamp changed.
        public var reparsed: [String]
        public var removed: Int
    }

    private struct Row {
        var id: Int64?
        var stamp: FileStamp
        var title: String?
        var seeAlso: [String]
        var error: SourceError?
    }

    /// Run after a batch's files are read, before what was read is written: where another
    /// explorer's refresh or indexing can come between this one's reading and writing. Nil but
    /// in tests, which run the other explorer's steps there.
    var beforeWriting: (() throws -> Void)?

    /// Files parsed at once before their rows are written: bounds the memory a first index of a
    /// large folder needs (the texts of one batch, not of the whole folder).
    static let batchSize = 512

    /// The folder's catalog, bringing the index up to date first.
    public func refresh(folder: String) throws -> Refresh {
        let listing = try FolderCatalog.articleFiles(in: folder)
        // Rows are keyed by absolute path, so that the same folder reached from another
        // current folder is the same rows; what is returned is spelled as the folder was given.
        let spelling = FolderCatalog.FolderSpelling(folder)
        let shown = listing.paths
        let files = shown.map(spelling.absolute)
        let prefix = spelling.absolute + "/"
        // Read before the write transactions, so only to choose what to parse: another explorer
        // refreshing the same folder may write these rows meanwhile (each write looks again).
        var known: [String: Row] = [:]
        for (path, row) in try database.query(
            """
            SELECT path, id, \(Self.stampColumns), title, see_also, error_line, error_message
            FROM files WHERE \(Self.pathStarts("path"))
            """, [.integer(Int64(prefix.utf8.count)), .text(prefix)], row: { statement -> (String, Row) in
                let path = statement.text(0)
                let error = statement.isNull(9) ? nil
                    : SourceError(path: path, line: Int(statement.int64(8)), message: statement.text(9))
                return (path, Row(id: statement.int64(1), stamp: Self.stamp(statement, from: 2), title: statement.optionalText(6),
                                  seeAlso: Self.decode(statement.text(7)), error: error))
            }) {
            known[path] = row
        }

        // Taken before the files are read: a file written after its stamp was taken has a
        // later change time, which the next refresh sees.
        let stamps = files.map(FileStamp.init(path:))
        let stale = files.indices.filter { known[files[$0]]?.stamp != stamps[$0] }
        try inBatches(stale, read: { index in Self.read(files[index], stamp: stamps[index]) }) { index, parsed in
            var row = parsed
            let path = files[index]
            let current = try database.query("SELECT id, \(Self.stampColumns) FROM files WHERE path = ?", [.text(path)]) {
                (id: $0.int64(0), stamp: Self.stamp($0, from: 1))
            }.first
            if let current, current.stamp == row.stamp {
                // Another explorer wrote this same file (same stamp) since `known` was read, and
                // may have indexed its text too: rewriting the row marked the text not indexed
                // and deleted it, and that explorer, between indexing and matching, passed over
                // the file (parallel searches printed part of their matches, or none).
                row.id = current.id
            } else if let current {
                row.id = current.id
                try database.run("""
                    UPDATE files SET size = ?, mtime_ns = ?, ctime_ns = ?, inode = ?, title = ?, see_also = ?,
                                     error_line = ?, error_message = ?, text_indexed = 0
                    WHERE id = ?
                    """, .integer(row.stamp.size), .integer(row.stamp.modified), .integer(row.stamp.changed),
                    .integer(row.stamp.inode), SQLValue(row.title), .text(Self.encode(row.seeAlso)),
                    row.error.map { .integer(Int64($0.line)) } ?? .null, SQLValue(row.error?.message), .integer(current.id))
                try database.run("DELETE FROM texts WHERE rowid = ?", .integer(current.id))
            } else {
                try database.run("""
                    INSERT INTO files (path, size, mtime_ns, ctime_ns, inode, title, see_also, error_line, error_message)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, .text(path), .integer(row.stamp.size), .integer(row.stamp.modified), .integer(row.stamp.changed),
                    .integer(row.stamp.inode), SQLValue(row.title), .text(Self.encode(row.seeAlso)),
                    row.error.map { .integer(Int64($0.line)) } ?? .null, SQLValue(row.error?.message))
                row.id = database.lastInsertRowID
            }
            known[path] = row
        }
        let removed = Set(known.keys).subtracting(files)
        if !removed.isEmpty {
            try database.transaction {
                for path in removed {
                    guard let row = known.removeValue(forKey: path), let id = row.id else { continue }
                    // Only the row as `known` has it: one another explorer rewrote since is a
                    // file that is there again, which that explorer is searching.
                    try database.run("DELETE FROM files WHERE id = ? AND \(Self.stampIs)", [.integer(id)] + Self.values(row.stamp))
                    if database.changes > 0 { try database.run("DELETE FROM texts WHERE rowid = ?", .integer(id)) }
                }
            }
        }
        var entries: [FolderCatalog.Entry] = []
        var unloaded: [FolderCatalog.Entry] = []
        var failures = listing.unlisted
        for (path, shownPath) in zip(files, shown) {
            guard let row = known[path] else { continue }
            if var error = row.error {
                error.path = shownPath
                failures.append(error)
                if let title = row.title { unloaded.append(FolderCatalog.Entry(path: shownPath, title: title, seeAlso: [])) }
            } else if let title = row.title {
                entries.append(FolderCatalog.Entry(path: shownPath, title: title, seeAlso: row.seeAlso))
            }
        }
        return Refresh(catalog: FolderCatalog(entries: entries, failures: failures, unloaded: unloaded), reparsed: stale.map { shown[$0] },
                       removed: removed.count)
    }

    /// The files of `folder` whose text can hold a match of `search`, in path order; nil when
    /// the query is too short for the index (under 3 characters: the caller reads every file).
    /// Candidates only: the caller checks each with `TextSearch`, which knows smartcase. With
    /// other explorers searching the same folder at once, what they change in the index
    /// between this one's indexing and its match costs reading a few more files, never a
    /// file passed over (see `lookUp`).
    public func candidates(for search: TextSearch, in folder: String) throws -> [String]? {
        guard search.indexForm.unicodeScalars.count >= 3 else { return nil }
        try indexTexts(in: folder)
        return try lookUp(search, in: folder)
    }

    /// Puts the text of every article in `folder` that is not indexed yet (new or changed
    /// since) into `texts`, in `TextSearch.indexForm`. A file that cannot be read now is left
    /// for the next search.
    func indexTexts(in folder: String) throws {
        let prefix = FolderCatalog.FolderSpelling(folder).absolute + "/"
        let pending = try database.query(
            "SELECT id, path, \(Self.stampColumns) FROM files WHERE text_indexed = 0 AND error_message IS NULL AND \(Self.pathStarts("path"))",
            [.integer(Int64(prefix.utf8.count)), .text(prefix)]) { (id: $0.int64(0), path: $0.text(1), stamp: Self.stamp($0, from: 2)) }
        try inBatches(pending, read: { file in
            (try? RegularFile.bytes(atPath: file.path)).map { TextSearch.indexForm(of: String(decoding: $0, as: UTF8.self)) }
        }) { file, text in
            // Only a row still as it was read: another explorer may have indexed it meanwhile
            // (nothing to do), or seen the file change since (this text may be older than that).
            try database.run("UPDATE files SET text_indexed = 1 WHERE id = ? AND text_indexed = 0 AND \(Self.stampIs)",
                             [.integer(file.id)] + Self.values(file.stamp))
            guard database.changes > 0 else { return }
            // Replace, never double.
            try database.run("DELETE FROM texts WHERE rowid = ?", .integer(file.id))
            try database.run("INSERT INTO texts (rowid, body) VALUES (?, ?)", .integer(file.id), .text(text))
        }
    }

    /// The files of `folder` whose indexed text matches `search` (at least 3 characters), and
    /// those whose text is not indexed: the caller reads those whole, as without an index.
    ///
    /// One statement, so one read of the index, and no other explorer's write can come between
    /// its two halves. After `indexTexts` a file is rarely not indexed, but another explorer's
    /// refresh may just have seen it change (and dropped its text); the file is then read, not
    /// passed over. Two statements could see a file in neither half.
    func lookUp(_ search: TextSearch, in folder: String) throws -> [String] {
        let phrase = "\"" + search.indexForm.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let spelling = FolderCatalog.FolderSpelling(folder)
        let prefix = spelling.absolute + "/"
        let inFolder: [SQLValue] = [.integer(Int64(prefix.utf8.count)), .text(prefix)]
        return try database.query(
            """
            SELECT files.path FROM texts JOIN files ON files.id = texts.rowid
            WHERE texts MATCH ? AND \(Self.pathStarts("files.path"))
            UNION
            SELECT path FROM files WHERE text_indexed = 0 AND error_message IS NULL AND \(Self.pathStarts("path"))
            ORDER BY 1
            """,
            [.text(phrase)] + inFolder + inFolder) { spelling.given($0.text(0)) }
    }

    /// Works through `items` a batch at a time: `read` runs on the batch's items on every core
    /// (nil skips an item), then `write` stores the batch's results in one transaction. The
    /// memory a first index of a large folder needs is one batch's, not the whole folder's.
    private func inBatches<Item: Sendable, Value: Sendable>(_ items: [Item], read: @escaping @Sendable (Item) -> Value?,
                                                  write: (Item, Value) throws -> Void) throws {
        for start in stride(from: 0, to: items.count, by: Self.batchSize) {
            let batch = Array(items[start..<min(start + Self.batchSize, items.count)])
            let results = Parallel.map(count: batch.count) { slot in read(batch[slot]) }
            try beforeWriting?()
            try database.transaction {
                for (slot, item) in batch.enumerated() {
                    if let value = results[slot] { try write(item, value) }
                }
            }
        }
    }

    /// Parses one file as far as the catalog needs (title and See-also topics). One that
    /// fails keeps the title its title line still gives (see `FolderCatalog.unloaded`).
    private static func read(_ path: String, stamp: FileStamp) -> Row {
        var bytes: [UInt8]?
        do {
            bytes = try RegularFile.bytes(atPath: path)
            let article = try ArticleParser().parse(bytes: bytes ?? [], path: path)
            let seeAlso = Classifier().classify(article).filter { $0.kind == .seeAlso }.map(\.name)
            return Row(stamp: stamp, title: article.title, seeAlso: seeAlso, error: nil)
        } catch let problems as SourceErrors {
            // A row keeps one problem: the first, saying how many follow.
            return Row(stamp: stamp, title: bytes.flatMap(ArticleParser.title(in:)), seeAlso: [], error: problems.summary)
        } catch let error as SourceError {
            return Row(stamp: stamp, title: bytes.flatMap(ArticleParser.title(in:)), seeAlso: [], error: error)
        } catch {
            return Row(stamp: stamp, title: nil, seeAlso: [], error: SourceError(path: path, line: 0, message: "cannot read file: \(error)"))
        }
    }

    /// SQL that `column` starts with a folder's prefix, given as two parameters: its length in
    /// UTF-8 bytes, then the prefix. Compared as bytes: `substr` on text counts characters,
    /// and a folder with an accent in its path (`café/`) matched no row.
    static func pathStarts(_ column: String) -> String {
        "substr(CAST(\(column) AS BLOB), 1, ?) = CAST(? AS BLOB)"
    }

    /// A row's `FileStamp` columns, in the order of `values`.
    static let stampColumns = "size, mtime_ns, ctime_ns, inode"
    /// SQL that a row's stamp is the one given as the next four parameters (`values`).
    static let stampIs = "size = ? AND mtime_ns = ? AND ctime_ns = ? AND inode = ?"

    static func values(_ stamp: FileStamp) -> [SQLValue] {
        [.integer(stamp.size), .integer(stamp.modified), .integer(stamp.changed), .integer(stamp.inode)]
    }

    /// The stamp in the four `stampColumns` selected from `column` on.
    static func stamp(_ statement: Statement, from column: Int32) -> FileStamp {
        FileStamp(size: statement.int64(column), modified: statement.int64(column + 1), changed: statement.int64(column + 2),
                  inode: statement.int64(column + 3))
    }

    /// See-also titles in one column, separated by a control character no title can hold.
    static func encode(_ titles: [String]) -> String { titles.joined(separator: "\u{1F}") }
    static func decode(_ text: String) -> [String] { text.isEmpty ? [] : text.components(separatedBy: "\u{1F}") }
}
