import Content
import Foundation

/// What `state.sqlite` is now, beside the file a store opened (`StateStore.fileStatus`).
///
/// SQLite keeps the file it opened, whatever happens to its name: deleted while seealso ran,
/// the file is still written, and lost when seealso quits; replaced, the new file is never
/// seen. Only the path tells which file every other seealso (and `seealso bookmarks`) reads.
public enum StoreFileStatus: Equatable, Sendable {
    /// The path names the file open, which still starts as an SQLite database.
    case inPlace
    /// Nothing is at the path: the file, or a folder on its way, was deleted (or renamed).
    case gone
    /// Another file, a folder or a pipe is at the path: moved or copied there under the name,
    /// or made there by another seealso once the old file was gone. Or the same file, which
    /// still starts as a database, with other contents that no SQLite connection wrote: a copy
    /// written over it in place (`cp saved.sqlite state.sqlite`), which the pages this store
    /// holds for the old contents (its `-wal`, its cache) would damage if it wrote on.
    case replaced
    /// The path names the file open, but it no longer starts as an SQLite database: it was
    /// written over in place (`echo … > state.sqlite`). It is not written to again.
    case overwritten
    /// The file is in place, but SQLite's `-wal` or `-shm` beside it (the path given) is not
    /// the one this store opened: deleted (`rm state.sqlite-shm`), and perhaps made again by
    /// another seealso. Written to through the old ones, the two connections no longer see
    /// each other's writes: a bookmark made by one was overwritten by the other, its id given
    /// again (QA 25). The store is to be opened again, its old files let be.
    case sideFileReplaced(String)
}

extension StateStore {
    /// What `databaseURL` names now, beside the file this store opened: a `stat` of the path,
    /// and for the same file its first 16 bytes, read through SQLite's own descriptor, and
    /// whether its contents were written over (`contentsWrittenOver`); a few microseconds
    /// while its size and times stay, so the explorer asks before every write and whenever it
    /// looks for changes.
    ///
    /// A store with no file (an empty one in memory: the folder could not be made) and a path
    /// that cannot be looked at (a folder on it made unsearchable) count as in place: nothing
    /// says the file open is not the one the path names.
    public func fileStatus() -> StoreFileStatus {
        guard let opened else { return .inPlace }
        switch FileIdentity.named(databaseURL.path) {
        case .nothing: return .gone
        case .unknown: return .inPlace
        case .file(let identity) where identity != opened.main: return .replaced
        case .file:
            guard let start = database.firstBytes(FileCheck.sqliteHeader.count) else { return .inPlace }
            guard start.elementsEqual(FileCheck.sqliteHeader) else { return .overwritten }
            if let side = opened.sideFiles.first(where: { FileIdentity.named($0.path) != .file($0.identity) }) {
                return .sideFileReplaced(side.path)
            }
            return contentsWrittenOver() ? .replaced : .inPlace
        }
    }

    /// Whether the main file's contents changed since this store last saw them, other than
    /// by SQLite: in WAL mode only a checkpoint writes to it, copying there pages that commits
    /// put in the `-wal`, and any commit or checkpoint, by any connection (another explorer,
    /// a `seealso bookmarks` command, the `sqlite3` shell), changes the WAL index. So contents
    /// that changed while the index did not were written by something else. This store's own
    /// writes note what they leave (`noteContentsAfterWriting`). When the index changed too,
    /// the two cannot be told apart, and the contents are taken as they are now (as before
    /// this check).
    ///
    /// A `stat` when nothing changed; the file is read whole (to a digest) only when its
    /// size or times changed. A `touch` changes no contents, and says nothing.
    private func contentsWrittenOver() -> Bool {
        guard !isReadOnly else { return false }
        let stamp = FileStamp(path: databaseURL.path)
        guard let seen = contentsSeen else {
            contentsSeen = currentContents(stamp: stamp)
            return false
        }
        guard stamp != seen.stamp else { return false }
        // The digest first, then the index: a checkpoint by another connection between the
        // two is then counted, and not taken for a copy.
        guard let now = currentContents(stamp: stamp) else { return false }
        if now.walIndex == seen.walIndex && now.digest != seen.digest { return true }
        contentsSeen = now
        return false
    }

    /// After this store wrote (a commit, and perhaps a checkpoint into the main file): the
    /// contents and the index it leaves are SQLite's, and seen.
    func noteContentsAfterWriting() {
        guard let seen = contentsSeen else { return }
        let stamp = FileStamp(path: databaseURL.path)
        if stamp != seen.stamp {
            contentsSeen = currentContents(stamp: stamp)
        } else if let index = database.walIndexState() {
            contentsSeen?.walIndex = index
        } else {
            contentsSeen = nil
        }
    }

    /// The digest, then the index (see `contentsWrittenOver`). Nil outside WAL mode (a file
    /// system without shared memory), before the file is read: SQLite then checks its pages
    /// against the file's change counter itself, and keeps none in a `-wal`.
    private func currentContents(stamp: FileStamp) -> MainFileContents? {
        guard database.walIndexState() != nil, let digest = database.mainFileDigest(),
              let index = database.walIndexState() else { return nil }
        return MainFileContents(stamp: stamp, digest: digest, walIndex: index)
    }

    /// What the `-wal` holds, copied into the file itself, as far as no other connection's
    /// reading stands in the way (SQLite's PASSIVE checkpoint, which waits for none): what was
    /// written is then in `state.sqlite`, whatever happens to the `-wal`. A failure changes nothing.
    func checkpoint() {
        guard !isReadOnly else { return }
        try? database.execute("PRAGMA wal_checkpoint(PASSIVE)")
    }

    /// A store on the same file, opened again, where this one's `-wal` or `-shm` was deleted
    /// (`.sideFileReplaced`): this connection is closed without writing anything (no
    /// checkpoint, which would copy what its old WAL index knows over what another connection
    /// wrote since), and the files beside are left as they are: they hold the commits.
    public func openedAgain() throws -> StateStore {
        database.closeWithoutCheckpoint()
        return try StateStore(directory: directory)
    }

    /// A store on what `databaseURL` names now, opened as at start-up (`init(directory:)`): a
    /// new file where it is gone, as a first run makes it; the file there if it is a seealso
    /// database; and it throws the start-up's reason (`.corrupt`, `.foreign`, …) for one that
    /// is not, which is left untouched. First lets go of this store's file (`letGo`): this
    /// store is not to be used again, whatever the outcome.
    public func reopened() throws -> StateStore {
        letGo()
        return try StateStore(directory: directory)
    }

    /// Closes this store's connection without writing to its file (see `closeWithoutCheckpoint`),
    /// then removes the -wal and -shm it used that are still beside the path. They belong to a
    /// file the path no longer names: a database made or moved there later would take the
    /// commits in that -wal as its own. Those of another file (made there by another seealso
    /// meanwhile) are other files, as the system knows them, and stay. Closed first: the new
    /// connection must share nothing (SQLite shares a file's WAL index within a process).
    func letGo() {
        database.closeWithoutCheckpoint()
        guard let opened else { return }
        for side in opened.sideFiles where FileIdentity.named(side.path) == .file(side.identity) {
            unlink(side.path)
        }
    }
}

/// The main file as a store last saw it (`StateStore.contentsSeen`).
struct MainFileContents {
    /// Its size and times then.
    var stamp: FileStamp
    /// Of all its bytes (`Database.mainFileDigest`).
    var digest: Int
    /// The WAL index then (`Database.walIndexState`): a commit or a checkpoint changes it.
    var walIndex: [UInt8]
}

/// The files a store opened, as the system knows them.
struct OpenedFiles {
    /// The database file that `state.sqlite` named when it was opened.
    let main: FileIdentity
    /// The -wal and -shm beside it that were there then (SQLite makes them as it opens a WAL
    /// database, and keeps them while it is open), by the name SQLite gave them.
    let sideFiles: [(path: String, identity: FileIdentity)]

    /// - Parameters:
    ///   - path: the store's path, as every check looks it up (symbolic links followed, as
    ///     SQLite opens them);
    ///   - fileName: the file SQLite opened (that path resolved), which names its side files.
    /// Nil when the path cannot be looked at now: there is then nothing to compare with later.
    init?(path: String, fileName: String) {
        guard case .file(let identity) = FileIdentity.named(path) else { return nil }
        main = identity
        sideFiles = ["-wal", "-shm"].compactMap { suffix in
            if case .file(let identity) = FileIdentity.named(fileName + suffix) { (fileName + suffix, identity) } else { nil }
        }
    }
}
