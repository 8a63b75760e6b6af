import CSQLite
import Content
import Foundation

/// An on-disk index of a folder of articles, in `$XDG_CACHE_HOME/seealso/index.sqlite`:
/// each file's size, modification time, title and See-also topics, and its text in an FTS5
/// table. A large folder then opens without parsing every file (only those whose size or
/// modification time changed), and a folder search reads only the files that can match.
///
/// It is a cache: deleting it loses nothing, and a damaged one is rebuilt.
public final class CorpusIndex {
    public static let fileName = "index.sqlite"
    static let schemaVersion: Int64 = 1

    public let url: URL
    private let database: Database

    /// `$XDG_CACHE_HOME/seealso`, or `~/.cache/seealso`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return URL(fileURLWithPath: cache).appendingPathComponent("seealso")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/seealso")
    }

    public init(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        url = directory.appendingPathComponent(Self.fileName)
        do {
            database = try Self.open(url)
        } catch {
            // A cache that cannot be read is rebuilt, not repaired.
            try? FileManager.default.removeItem(at: url)
            database = try Self.open(url)
        }
    }

    private static func open(_ url: URL) throws -> Database {
        let database = try Database(path: url.path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        try database.execute("PRAGMA journal_mode = WAL")
        try database.execute("PRAGMA synchronous = NORMAL")
        if try database.integer("PRAGMA user_version") != schemaVersion {
            try database.execute("""
                DROP TABLE IF EXISTS files;
                DROP TABLE IF EXISTS texts;
                CREATE TABLE files (
                    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime REAL NOT NULL,
                    title TEXT, see_also TEXT, error_line INTEGER, error_message TEXT);
                CREATE VIRTUAL TABLE texts USING fts5(path UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2');
                PRAGMA user_version = \(schemaVersion);
                """)
        }
        return database
    }

    /// What a refresh did, for the benchmark and for tests of invalidation.
    public struct Refresh: Sendable {
        public var catalog: FolderCatalog
        /// Files parsed again because they were new or their size or time changed.
        public var reparsed: [String]
        public var removed: Int
    }

    private struct Row {
        var size: Int64
        var mtime: Double
        var title: String?
        var seeAlso: [String]
        var error: SourceError?
    }

    /// The folder's catalog, bringing the index up to date first.
    public func refresh(folder: String) throws -> Refresh {
        let files = try FolderCatalog.articleFiles(in: folder)
        let prefix = URL(fileURLWithPath: folder).path + "/"
        var known: [String: Row] = [:]
        for (path, row) in try database.query(
            "SELECT path, size, mtime, title, see_also, error_line, error_message FROM files WHERE substr(path, 1, ?) = ?",
            [.integer(Int64(prefix.utf8.count)), .text(prefix)], row: { statement -> (String, Row) in
                let path = statement.text(0)
                let error = statement.isNull(6) ? nil
                    : SourceError(path: path, line: Int(statement.int64(5)), message: statement.text(6))
                return (path, Row(size: statement.int64(1), mtime: statement.double(2), title: statement.optionalText(3),
                                  seeAlso: Self.decode(statement.text(4)), error: error))
            }) {
            known[path] = row
        }

        let stats = files.map(Self.stat)
        let stale = files.indices.filter { index in
            guard let row = known[files[index]] else { return true }
            return row.size != stats[index].size || row.mtime != stats[index].mtime
        }
        let parsed = ConcurrentResults<(Row, String?)>(count: stale.count)
        DispatchQueue.concurrentPerform(iterations: stale.count) { slot in
            let index = stale[slot]
            parsed[slot] = Self.read(files[index], stat: stats[index])
        }
        let removed = Set(known.keys).subtracting(files)
        try database.transaction {
            for (slot, index) in stale.enumerated() {
                guard let (row, text) = parsed[slot] else { continue }
                let path = files[index]
                try database.run("""
                    INSERT OR REPLACE INTO files (path, size, mtime, title, see_also, error_line, error_message)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, .text(path), .integer(row.size), .real(row.mtime), SQLValue(row.title), .text(Self.encode(row.seeAlso)),
                    row.error.map { .integer(Int64($0.line)) } ?? .null, SQLValue(row.error?.message))
                try database.run("DELETE FROM texts WHERE path = ?", .text(path))
                if let text { try database.run("INSERT INTO texts (path, body) VALUES (?, ?)", .text(path), .text(text)) }
                known[path] = row
            }
            for path in removed {
                try database.run("DELETE FROM files WHERE path = ?", .text(path))
                try database.run("DELETE FROM texts WHERE path = ?", .text(path))
            }
        }
        var entries: [FolderCatalog.Entry] = []
        var failures: [SourceError] = []
        for path in files {
            guard let row = known[path] else { continue }
            if let error = row.error {
                failures.append(error)
            } else if let title = row.title {
                entries.append(FolderCatalog.Entry(path: path, title: title, seeAlso: row.seeAlso))
            }
        }
        return Refresh(catalog: FolderCatalog(entries: entries, failures: failures), reparsed: stale.map { files[$0] },
                       removed: removed.count)
    }

    /// The files of `folder` whose text has every word of `query`, in path order; nil when
    /// the query has no word the index can look for (the caller then reads every file).
    /// Candidates only: the caller checks each with `TextSearch`, which knows smartcase.
    public func candidates(for query: String, in folder: String) throws -> [String]? {
        let words = query.split { !($0.isLetter || $0.isNumber) }
        guard !words.isEmpty else { return nil }
        let phrase = "\"" + words.joined(separator: " ").replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let prefix = URL(fileURLWithPath: folder).path + "/"
        return try database.query(
            "SELECT path FROM texts WHERE texts MATCH ? AND substr(path, 1, ?) = ? ORDER BY path",
            [.text(phrase), .integer(Int64(prefix.utf8.count)), .text(prefix)]) { $0.text(0) }
    }

    private static func stat(_ path: String) -> (size: Int64, mtime: Double) {
        var info = Glibc.stat()
        guard fstatat(AT_FDCWD, path, &info, 0) == 0 else { return (-1, 0) }
        return (Int64(info.st_size), Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }

    /// Parses one file as far as the catalog needs (title and See-also topics).
    private static func read(_ path: String, stat: (size: Int64, mtime: Double)) -> (Row, String?) {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let article = try ArticleParser().parse(bytes: [UInt8](data), path: path)
            let seeAlso = Classifier().classify(article).filter { $0.kind == .seeAlso }.map(\.name)
            return (Row(size: stat.size, mtime: stat.mtime, title: article.title, seeAlso: seeAlso, error: nil),
                    String(decoding: data, as: UTF8.self))
        } catch let error as SourceError {
            return (Row(size: stat.size, mtime: stat.mtime, title: nil, seeAlso: [], error: error), nil)
        } catch {
            return (Row(size: stat.size, mtime: stat.mtime, title: nil, seeAlso: [],
                        error: SourceError(path: path, line: 0, message: "cannot read file: \(error)")), nil)
        }
    }

    /// See-also titles in one column, separated by a control character no title can hold.
    static func encode(_ titles: [String]) -> String { titles.joined(separator: "\u{1F}") }
    static func decode(_ text: String) -> [String] { text.isEmpty ? [] : text.components(separatedBy: "\u{1F}") }
}
