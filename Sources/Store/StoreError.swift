/// What can go wrong with the state database, worded for a person: each message names the
/// file or folder and says what happens next or what to do.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data folder (or the database file) cannot be written. `path` is that folder or file.
    case readOnly(path: String)
    /// The disk holding the data folder is full.
    case full(path: String)
    /// The data folder does not exist and cannot be made.
    case cannotCreateDirectory(path: String, reason: String)
    /// The data folder given to a command cannot be looked into (`reason`: "not a folder", or
    /// the system's words); `path` as it was given. Said as an input that cannot be read:
    /// a command that only reads saves nothing, and one that writes does not go on once it
    /// cannot, so `cannotCreateDirectory`, the explorer's "bookmarks cannot be saved (reading
    /// goes on …)", fits neither.
    case unreadableDirectory(path: String, reason: String)
    /// The database file is there but cannot be read: permission denied, or a folder (a pipe,
    /// a device) where the file should be. `reason` in the words an article that cannot be
    /// read is refused with. Not `.corrupt`: nothing was read, so nothing is known to be
    /// damaged; and not `.readOnly`: it is reading that fails.
    case unreadableFile(path: String, reason: String)
    /// The file is not an SQLite database, or a damaged one.
    case corrupt(path: String)
    /// A seealso database whose tables are not those of its schema version (`PRAGMA
    /// user_version` set back, a column already there): a migration step failed on it, in
    /// SQLite's words (`detail`). Damaged, as `.corrupt`, not an I/O error: nothing
    /// failed to be read or written, and the file was left as it was found.
    case damagedSchema(path: String, version: Int, detail: String)
    /// A store opened as sound whose part a read or a write needed turned out damaged (a page
    /// of it overwritten or cut off while seealso ran). Not `.corrupt`'s "left untouched":
    /// what was saved before in its sound parts was written (QA 38).
    case damaged(path: String)
    /// An SQLite database of another application (a different `application_id`, or tables
    /// that are not seealso's).
    case foreign(path: String)
    /// A seealso database with a schema newer than this build knows.
    case newerVersion(path: String, version: Int, known: Int)
    case noSuchBookmark(id: Int64)
    /// A file given to `importBookmarks` that is not the JSON export.
    case invalidExport(ExportProblem)
    /// Anything else SQLite reports, with its message.
    case sqlite(path: String, message: String)
    /// The database `path` gave its last bookmark id (Int64.max): ids are never reused, so no
    /// bookmark can be added to it. Only an edited file gets there, but SQLite says it as a full disk.
    case idsExhausted(path: String)

    public var description: String {
        let cannotSave = "bookmarks cannot be saved (reading goes on; nothing already saved is lost)"
        let moveAway = "it was left untouched: use --data-dir DIR, or move the file away"
        switch self {
        case .readOnly, .full, .cannotCreateDirectory:
            return "\(unwritableReason ?? ""): \(cannotSave)"
        case .unreadableDirectory(let path, let reason), .unreadableFile(let path, let reason):
            return "\(path): \(reason)"
        case .corrupt(let path):
            return "\(path) is damaged or not a database; \(moveAway)"
        case .damaged(let path):
            return "\(path) is damaged: a part of it cannot be read, and seealso does not repair it (move it away, or use --data-dir DIR)"
        case .damagedSchema(let path, let version, let detail):
            return "\(path) is damaged (its tables are not those of schema version \(version): \(detail)); \(moveAway)"
        case .foreign(let path):
            return "\(path) is another application's database, not seealso's; \(moveAway)"
        case .newerVersion(let path, let version, let known):
            return "\(path) was written by a newer seealso (schema version \(version); this one knows up to \(known)); "
                + "it was left untouched: upgrade seealso, or use --data-dir DIR"
        case .noSuchBookmark(let id):
            return "no bookmark #\(id)"
        case .invalidExport(let problem):
            return problem.description
        case .sqlite(let path, let message):
            return "\(path): \(message)"
        case .idsExhausted(let path):
            return "\(path) has used its last bookmark id (\(Int64.max)), and ids are never reused: no bookmark can be added. "
                + "To go on, export them (seealso bookmarks export --format json > bookmarks.json), move the file away, "
                + "and import them (seealso bookmarks import bookmarks.json): they get new ids from 1"
        }
    }

    /// As a command says it, which stops there: `description` is the explorer's, which
    /// reads on ("bookmarks cannot be saved (reading goes on …)" was wrong for `bookmarks add`).
    public var commandDescription: String {
        unwritableReason.map { "\($0): nothing was changed" } ?? description
    }

    /// As said on stderr once the explorer has quit, where "reading goes on" was over (QA 26).
    /// Only a store unwritable to the end is said then: one that became writable saved since.
    public var afterExplorerDescription: String {
        unwritableReason.map { "\($0): bookmarks and the reading place were not saved (nothing already saved is lost)" } ?? description
    }

    /// Why nothing can be saved, without what follows from it (which differs between the
    /// explorer, a command, and the explorer's last words); nil when the store cannot be read
    /// either, or the error is not about the store as a whole.
    public var unwritableReason: String? {
        switch self {
        case .readOnly(let path): "\(path) is read-only"
        case .full(let path): "no space left for \(path)"
        case .cannotCreateDirectory(let path, let reason): "cannot create \(path) (\(reason))"
        default: nil
        }
    }

    /// The store can still be read, but nothing can be saved to it right now.
    public var isUnwritable: Bool { unwritableReason != nil }
}

/// Why a file is not a bookmarks export, and where in it: the command that reads a file says
/// `FILE:LINE:COLUMN: not a seealso bookmarks export: …` (`located(in:)`), as a compiler
/// says a problem; without a file, the place follows the words.
public struct ExportProblem: Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, and at which value: "missing 'section' at bookmarks[0]".
    public var reason: String
    /// Where, from 1: nil when the file is not read that far (an empty one has no place).
    public var line: Int?
    public var column: Int?

    public init(_ reason: String, line: Int? = nil, column: Int? = nil) {
        self.reason = reason
        self.line = line
        self.column = column
    }

    init(_ reason: String, at position: TextPosition?) {
        self.init(reason, line: position?.line, column: position?.column)
    }

    static let prefix = "not a seealso bookmarks export: "

    public var description: String {
        Self.prefix + reason + (line.map { line in " (line \(line)" + (column.map { ", column \($0)" } ?? "") + ")" } ?? "")
    }

    /// As said of the file `name`: `name:3:5: not a seealso bookmarks export: …`.
    public func located(in name: String) -> String {
        let place = line.map { line in ":\(line)" + (column.map { ":\($0)" } ?? "") } ?? ""
        return name + place + ": " + Self.prefix + reason
    }
}
