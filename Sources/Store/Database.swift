import CSQLite
import Foundation

/// A failed SQLite call: its extended result code and SQLite's own message.
struct SQLiteError: Error, CustomStringConvertible {
    var code: Int32
    var message: String
    /// The `errno` of the system call that failed, for an I/O error; 0 when none did.
    var systemErrno: Int32 = 0

    /// The primary result code (`SQLITE_FULL`, `SQLITE_READONLY`, …) without the extension.
    var primary: Int32 { code & 0xFF }
    var description: String { "\(message) (SQLite error \(code))" }

    /// Errors that mean "this place cannot be written": the directory or file is read-only,
    /// the disk is full, or the journal files cannot be created beside the database.
    var isUnwritable: Bool {
        isNoSpace || [SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM].contains(primary)
    }

    /// No room on the disk (or under the file-size limit): `SQLITE_FULL`, or the WAL index
    /// (`-shm`) could not be grown to its 32 KB, `SQLITE_IOERR_SHMSIZE`. The first connection
    /// to read a WAL database makes that index, a read-only one too, so a full disk fails even
    /// a read with the second, as a "disk I/O error".
    /// A write past the file-size limit (`ulimit -f`, EFBIG) is one too: SQLite says it as a
    /// write error (QA 38: it killed the explorer, SIGXFSZ, and with it the bookmark saved).
    /// Its errno is not always the write's (SQLite reads `errno` after its other calls): a
    /// write error under a file-size limit is taken for it.
    var isNoSpace: Bool {
        primary == SQLITE_FULL || code == seealso_sqlite_ioerr_shmsize()
            || (primary == SQLITE_IOERR && (systemErrno == EFBIG || (code == Self.writeError && Self.fileSizeIsLimited)))
    }

    /// `SQLITE_IOERR_WRITE`, a macro Swift does not import.
    static let writeError = SQLITE_IOERR | (3 << 8)

    /// Whether the process may write files only up to a size (`ulimit -f`).
    static var fileSizeIsLimited: Bool {
        var limit = rlimit()
        return getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0 && limit.rlim_cur != rlim_t.max
    }

    /// The file is not a database, or a damaged one.
    var isCorruption: Bool { primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB }
}

/// A value to bind to a statement's `?` parameter.
enum SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    init(stringLiteral value: String) { self = .text(value) }
    init(integerLiteral value: Int64) { self = .integer(value) }
    init(nilLiteral: ()) { self = .null }
    init(_ text: String?) { self = text.map(SQLValue.text) ?? .null }
    init(_ date: Date) { self = .real(date.timeIntervalSince1970) }
}

/// One SQLite connection, owned by one object on one thread at a time.
///
/// Opened with `SQLITE_OPEN_NOMUTEX` (multi-thread mode): the connection belongs to a
/// non-Sendable `StateStore`, so Swift 6 already guarantees no two threads use it at once,
/// and SQLite's per-call mutex would only cost.
final class Database {
    /// The file as given, for messages.
    let path: String
    /// Nil once `closeWithoutCheckpoint` let go of the file: every call then fails as SQLite fails a call on a
    /// closed connection (`SQLITE_MISUSE`), rather than crashing.
    private var handle: OpaquePointer?

    /// Opens `filename` (a path, or a `file:` URI when `flags` has `SQLITE_OPEN_URI`).
    init(path: String, filename: String? = nil, flags: Int32) throws {
        self.path = path
        var connection: OpaquePointer?
        let status = sqlite3_open_v2(filename ?? path, &connection, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK, let connection else {
            // SQLite allocates a handle even when opening fails; it holds the message.
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            let code = connection.map { sqlite3_extended_errcode($0) } ?? status
            sqlite3_close_v2(connection)
            throw SQLiteError(code: code, message: message)
        }
        handle = connection
        sqlite3_extended_result_codes(connection, 1)
        // Every connection waits up to 5 s for another process's lock (a writer, a WAL
        // recovery, a checkpoint) instead of failing at once with "database is locked".
        sqlite3_busy_timeout(connection, Self.busyTimeoutMilliseconds)
    }

    static let busyTimeoutMilliseconds: Int32 = 5000

    /// Puts the database in WAL mode, waiting for another process that is creating the same file.
    ///
    /// WAL is a property of the file, so this is nearly always a no-op. Converting a new file is
    /// the one write the busy timeout does not cover: SQLite reads the header in a read transaction
    /// and then upgrades it to a write one, and an upgrade that meets another writer's lock gets
    /// `SQLITE_BUSY` at once (waiting there could deadlock). Two processes creating the store at
    /// the same moment meet exactly there, so this retries within the same 5 s.
    func useWriteAheadLog() throws {
        let deadline = ContinuousClock.now + .milliseconds(Self.busyTimeoutMilliseconds)
        var pauseMilliseconds: UInt32 = 1
        while true {
            do {
                // The result is the mode now in force: not "wal" where the file system cannot share
                // memory between processes; SQLite then keeps its rollback journal, which is safe.
                try execute("PRAGMA journal_mode = WAL")
                return
            } catch let error as SQLiteError where error.primary == SQLITE_BUSY && ContinuousClock.now < deadline {
                usleep(pauseMilliseconds * 1000)
                pauseMilliseconds = min(pauseMilliseconds * 2, 50)
            }
        }
    }

    deinit {
        // `_v2` closes once the last statement is finalized; statements never outlive a call.
        sqlite3_close_v2(handle)
    }

    /// Closes the connection for good, writing nothing more to the file, for a file that may no
    /// longer be the database its path names (`StateStore.letGo`). SQLite's checkpoint on closing
    /// would copy the last commits from the WAL into the file open: into bytes written over in
    /// place by then, if that is what happened to it.
    func closeWithoutCheckpoint() {
        guard let handle else { return }
        seealso_sqlite_no_checkpoint_on_close(handle)
        sqlite3_close_v2(handle)
        self.handle = nil
    }

    /// The file SQLite opened, nil for a database in memory.
    var fileName: String? {
        guard let handle, let name = sqlite3_db_filename(handle, "main"), name.pointee != 0 else { return nil }
        return String(cString: name)
    }

    /// The first `count` bytes of the file open (zeros past its end), read through SQLite's own
    /// descriptor: nil when they cannot be read (closed, or in memory).
    func firstBytes(_ count: Int) -> [UInt8]? {
        guard let handle else { return nil }
        var bytes = [UInt8](repeating: 0, count: count)
        let status = bytes.withUnsafeMutableBytes { seealso_sqlite_read_main_file(handle, $0.baseAddress, Int32(count)) }
        return status == SQLITE_OK || status == seealso_sqlite_ioerr_short_read() ? bytes : nil
    }

    /// A digest of the whole file open, read through SQLite's own descriptor, as `firstBytes`;
    /// nil when it cannot be read, or is over `limit` bytes (a read that long, about 50 ms,
    /// would stall the pause that asks; bookmarks and places take kilobytes). Hashed with this process's seed:
    /// it compares the file with itself at another moment of the same run, nothing else.
    func mainFileDigest(limit: Int64 = 64 << 20) -> Int? {
        guard let handle else { return nil }
        var size: sqlite3_int64 = 0
        guard seealso_sqlite_main_file_size(handle, &size) == SQLITE_OK, size <= limit else { return nil }
        var hasher = Hasher()
        hasher.combine(size)
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        var offset: Int64 = 0
        while offset < size {
            let count = Int(min(Int64(chunk), size - offset))
            let status = buffer.withUnsafeMutableBytes { seealso_sqlite_read_main_file_at(handle, $0.baseAddress, Int32(count), offset) }
            guard status == SQLITE_OK else { return nil }
            buffer.withUnsafeBytes { hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            offset += Int64(count)
        }
        return hasher.finalize()
    }

    /// The state of the WAL index (`seealso_sqlite_wal_index_state`): equal at two moments
    /// only if no connection committed or checkpointed between them. Nil outside WAL mode.
    func walIndexState() -> [UInt8]? {
        guard let handle else { return nil }
        var bytes = [UInt8](repeating: 0, count: 56)
        return bytes.withUnsafeMutableBufferPointer { seealso_sqlite_wal_index_state(handle, $0.baseAddress) } == SQLITE_OK ? bytes : nil
    }

    /// Whether SQLite opened the main database read-only (e.g. the file is not writable).
    var isReadOnly: Bool { handle.map { sqlite3_db_readonly($0, "main") == 1 } ?? true }

    var lastInsertRowID: Int64 { handle.map { sqlite3_last_insert_rowid($0) } ?? 0 }
    var changes: Int { handle.map { Int(sqlite3_changes($0)) } ?? 0 }

    /// The connection, or `SQLITE_MISUSE` once it is closed.
    private func connection() throws -> OpaquePointer {
        guard let handle else { throw Self.closed }
        return handle
    }

    private static let closed = SQLiteError(code: SQLITE_MISUSE, message: "the database was closed")

    /// Runs one or more statements that take no parameters (schema, pragmas).
    func execute(_ sql: String) throws {
        let handle = try connection()
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard status == SQLITE_OK else {
            throw SQLiteError(code: sqlite3_extended_errcode(handle),
                              message: message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle)),
                              systemErrno: sqlite3_system_errno(handle))
        }
    }

    /// Runs one statement to completion, ignoring any rows.
    func run(_ sql: String, _ values: SQLValue...) throws {
        try run(sql, values)
    }

    /// `run` with its values in an array, for a list put together from parts.
    func run(_ sql: String, _ values: [SQLValue]) throws {
        let statement = try prepare(sql)
        try statement.bind(values)
        while try statement.step() {}
    }

    /// The rows of one statement, each made into a `T` by `row`.
    func query<T>(_ sql: String, _ values: [SQLValue] = [], row: (Statement) throws -> T) throws -> [T] {
        let statement = try prepare(sql)
        try statement.bind(values)
        var rows: [T] = []
        while try statement.step() { rows.append(try row(statement)) }
        return rows
    }

    /// The first column of the first row as an integer (pragmas such as `user_version`).
    func integer(_ sql: String, _ values: SQLValue...) throws -> Int64? {
        try query(sql, values) { $0.int64(0) }.first
    }

    func text(_ sql: String, _ values: SQLValue...) throws -> String? {
        try query(sql, values) { $0.optionalText(0) }.first ?? nil
    }

    func prepare(_ sql: String) throws -> Statement {
        let handle = try connection()
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw lastError()
        }
        return Statement(handle: statement, database: self)
    }

    /// Runs `body` in a write transaction, committing if it returns and rolling back if it throws.
    ///
    /// `BEGIN IMMEDIATE` takes the write lock up front, waiting out the busy timeout if another
    /// process holds it. A plain (deferred) `BEGIN` would start as a reader and could fail with
    /// `SQLITE_BUSY` when upgrading to a writer, without waiting: in WAL mode a reader whose
    /// snapshot is stale cannot become a writer.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body`'s reads in one read transaction, so that they all see the same state of the
    /// file even while another process commits between them. Inside a transaction already,
    /// that transaction is the snapshot.
    func snapshot<T>(_ body: () throws -> T) throws -> T {
        guard sqlite3_get_autocommit(try connection()) != 0 else { return try body() }
        try execute("BEGIN")
        defer { try? execute("COMMIT") }
        return try body()
    }

    func lastError() -> SQLiteError {
        guard let handle else { return Self.closed }
        return SQLiteError(code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)),
                           systemErrno: sqlite3_system_errno(handle))
    }
}

/// A prepared statement. Columns are numbered from 0, parameters from 1 (SQLite's convention).
final class Statement {
    private let handle: OpaquePointer
    private let database: Database

    fileprivate init(handle: OpaquePointer, database: Database) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    func bind(_ values: [SQLValue]) throws {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null: status = sqlite3_bind_null(handle, index)
            case .integer(let number): status = sqlite3_bind_int64(handle, index, number)
            case .real(let number): status = sqlite3_bind_double(handle, index, number)
            case .text(let text):
                // With its byte length: a length of -1 would end the text at its first NUL.
                var text = text
                status = text.withUTF8 { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { characters in
                        // An empty text still needs a non-nil pointer: nil would bind NULL.
                        guard let start = characters.baseAddress, !characters.isEmpty else {
                            return sqlite3_bind_text(handle, index, "", 0, seealso_sqlite_transient())
                        }
                        return sqlite3_bind_text(handle, index, start, Int32(characters.count), seealso_sqlite_transient())
                    }
                }
            case .blob(let data):
                status = data.withUnsafeBytes { bytes in
                    // A zero-length blob with a nil pointer would bind NULL: use zeroblob instead.
                    bytes.isEmpty ? sqlite3_bind_zeroblob(handle, index, 0)
                        : sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), seealso_sqlite_transient())
                }
            }
            guard status == SQLITE_OK else { throw database.lastError() }
        }
    }

    /// Advances to the next row: true when there is one, false when the statement is done.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.lastError()
        }
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    func text(_ column: Int32) -> String { optionalText(column) ?? "" }

    func optionalText(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        // By its byte count, not up to a NUL: text may hold one.
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    func date(_ column: Int32) -> Date { Date(timeIntervalSince1970: double(column)) }
    func optionalDate(_ column: Int32) -> Date? { isNull(column) ? nil : date(column) }

    func blob(_ column: Int32) -> Data {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return Data() }
        return Data(bytes: bytes, count: count)
    }
}
