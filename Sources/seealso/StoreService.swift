import Content
import Foundation
import Store
import TUI

/// The explorer's `BookmarkService` over the SQLite store: bookmarks resolved against the
/// open article, the undo of deletes, and sessions kept per file.
@MainActor
final class StoreService: BookmarkService {
    /// The store, opened anew when its file was deleted or replaced (`checkStoreFile`).
    private(set) var store: StateStore {
        // What was read ahead from the file before is not what the new one holds.
        didSet { readAhead = nil }
    }
    /// The session of the article the explorer opens, read from the store while the article
    /// was linked (`Exploration.run`), for `session(for:)` to take once, for that article.
    private var readAhead: SessionReadAhead?
    /// The folder being explored (absolute path), nil for a single article: sessions record
    /// it, so that the folder knows which of its articles was read last.
    let folder: String?
    /// The folder's articles (or the one open alone, made at the first `entries`): which one
    /// each bookmark is in, and where in it; each article holding a bookmark read once.
    private var shelf: BookmarkShelf?
    /// Deleted bookmarks for `u`, the last removal last: each removal's bookmarks together
    /// (`m` removes every bookmark of a place, and its undo puts back all of them), with the
    /// last bookmark id then, which tells a bookmark made on their place since from one that
    /// was there with them (`d` `d` `u` said "beside the one made there since").
    private var removed: [(bookmarks: [Bookmark], lastID: Int64)] = []
    /// The store's `data_version` when the bookmarks were last read: another process's commit
    /// changes it, this one's own writes do not (`changedElsewhere`).
    private var readVersion: Int64?
    /// What happened to the store's file while the explorer ran, as the status line said it:
    /// said again on stderr on exit, as the start-up's problems are (the last, at quitting,
    /// was never on screen).
    private(set) var fileEvents: [String] = []
    /// Whether the store, read-only at start-up, was opened again once it could be written:
    /// the start-up's reason is then not said again on exit.
    private(set) var becameWritable = false
    /// Why the file now at the store's path was refused (`checkStoreFile`): the store is closed
    /// for good, and every later check says so again.
    private var refusal: String?
    /// The jump history the store has of each scope (`StateStore.historyScope`), as this
    /// explorer last saved or read it: a session saved with the same history leaves it
    /// unwritten. (The view changes at every pause; the history, up to 200 steps, only at a
    /// jump, and it was written with every view.)
    private var storedHistories: [String: History] = [:]
    /// The store's `data_version` when this explorer last read or saved a session: another
    /// window's commit changes it, and may have written the histories since (see `saveSession`).
    private var sessionVersion: Int64?
    /// The file of each article read, by its path as given (see `file(of:)`).
    private var files: [String: String] = [:]
    /// For each file, the session of another (found by the title) that its next save takes
    /// over (`StateStore.session(for:file:)`).
    private var taken: [String: StateStore.StoredSession.Taken] = [:]

    init(store: StateStore, folder: String? = nil, catalog: FolderCatalog? = nil, readAhead: SessionReadAhead? = nil) {
        self.store = store
        self.folder = folder
        self.readAhead = readAhead
        // Its file, resolved once: the start-up's session is asked for by the article's path.
        if let readAhead { files[readAhead.path] = readAhead.file }
        shelf = catalog.map(Self.shelf)
    }

    var unwritableReason: String? { store.readOnlyError?.unwritableReason }

    /// The shelf of a folder's articles, as `catalog` lists them.
    private static func shelf(_ catalog: FolderCatalog) -> BookmarkShelf {
        BookmarkShelf(entries: catalog.entries.map { BookmarkShelf.Entry(path: $0.path, title: $0.title) })
    }

    func entries(in model: LinkedArticle) throws -> [BookmarkEntry] {
        let shelf = shelf ?? BookmarkShelf(model)
        self.shelf = shelf
        shelf.use(model)
        let open = shelf.index(of: model.article)
        // Before the read: a commit made during it is then seen as a change, and read again.
        readVersion = try? store.dataVersion()
        // Anchored where they lead now: shown with the path they lead to, and the title of
        // the article they are in now.
        return try store.bookmarks(on: shelf).map { bookmark, location in
            var entry = BookmarkEntry(id: bookmark.id, articleTitle: bookmark.articleTitle, path: Self.path(of: bookmark),
                                      note: bookmark.note, createdAt: bookmark.createdAt, target: nil,
                                      section: nil, item: nil, isOrphaned: false)
            switch location {
            case .article(let index, let place?) where index == open:
                switch place {
                case .section(let index):
                    entry.target = .section(index)
                    entry.section = index
                case .item(let id):
                    entry.target = Target.node(id, in: model)
                    entry.item = id
                    entry.section = model.sectionIndex(of: id)
                case .orphaned:
                    entry.isOrphaned = true
                }
            case .article(let index, let place):
                // Another article of the folder: the explorer makes it followable unless it is
                // known to be orphaned there, or in a file of a title whose first file opens
                // instead (said so, rather than offered for deletion, when the section is there).
                entry.isOrphaned = place == .orphaned
                if let first = shelf.shadowing(index), let file = shelf.entries[index].path {
                    if entry.isOrphaned {
                        // Gone from that file, which is not the one of its title that opens.
                        entry.away = .file(file)
                    } else {
                        entry.sharedTitle = BookmarkEntry.SharedTitle(file: file, first: shelf.entries[first].path ?? "")
                    }
                }
            case .elsewhere(let file, let place):
                entry.away = file == BookmarkFile.bundled ? .bundled : .file(BookmarkFile.shown(file))
                entry.isOrphaned = place == .orphaned
            case .gone(let file):
                entry.away = .gone(file: BookmarkFile.shown(file))
            case .unreadable(let file, let reason):
                entry.away = .unreadable(file: BookmarkFile.shown(file), reason: reason)
            case .unknown:
                break
            }
            return entry
        }
    }

    /// Where a bookmark is, as the explorer names places: the lead by its article's title, as
    /// the outline shows it (the store records the lead's heading as "(lead)", which `bookmarks
    /// list` prints), then the headings down to it and the item's name.
    static func path(of bookmark: Bookmark) -> String {
        // "lead" is the lead's id in every article: the parser reserves it.
        let sections = bookmark.sectionID == "lead" ? [bookmark.articleTitle] : bookmark.sectionPath
        return (sections + (bookmark.itemName.map { [$0] } ?? [])).joined(separator: " › ")
    }

    func add(section: Int, item: String?, in model: LinkedArticle) throws -> Bool {
        try store.addBookmarkIfAbsent(in: model, sectionIndex: section, itemID: item).added
    }

    func remove(section: Int, item: String?, in model: LinkedArticle) throws -> Int {
        let lastID = try store.lastBookmarkID()
        let gone = try store.removeBookmarks(at: section, itemID: item, in: model)
        if !gone.isEmpty { removed.append((gone, lastID)) }
        return gone.count
    }

    /// The store closed for good, for `error` (what is at its path now is no store to use).
    private func refusing(_ error: any Error) -> StoreFileCheck {
        refusal = "\(error)"
        fileEvents.append("\(error)")
        return .refused("\(error)")
    }

    /// The store's file looked at (`StateStore.fileStatus`), and opened again where it is no
    /// longer the one open. The explorer calls no other method once this says `.refused`
    /// (they would throw: the store is closed).
    func checkStoreFile() -> StoreFileCheck {
        if let refusal { return .refused(refusal) }
        let status = store.fileStatus()
        // Read-only at start-up (the file or its folder read-only, the disk full): opened
        // again once it can be written, before a write or at a pause; it stayed read-only for
        // the whole run, the space freed or the mode changed (QA 25). Still read-only for
        // another reason (the folder writable now, the file not): that one, which the next
        // write says (QA 27: the folder's, which no longer held).
        if status == .inPlace, store.isReadOnly, let again = try? StateStore(directory: store.directory),
           !again.isReadOnly || again.readOnlyReason != store.readOnlyReason {
            store = again
            readVersion = nil
            becameWritable = !again.isReadOnly
        }
        guard status != .inPlace else { return .unchanged }
        let path = store.databaseURL.path
        if case .sideFileReplaced(let side) = status {
            // The same file, opened again: what another connection wrote meanwhile is seen,
            // and this one's writes no longer overwrite it. Its history, and what `u` puts
            // back, are the same file's still.
            do {
                store = try store.openedAgain()
            } catch {
                return refusing(error)
            }
            readVersion = nil
            let news = "\(side) was deleted while seealso ran: \(path) was opened again"
                + (side.hasSuffix("-wal") ? "; the reading place saved only in the deleted file is lost (bookmarks are in \(StateStore.fileName))" : "")
            fileEvents.append(news)
            return .reopened(news)
        }
        do {
            store = try store.reopened()
            // Another file: it has none of the histories saved in the old one, and a session
            // found in the old one to take over has another id there, if any (the id of another).
            storedHistories = [:]
            taken = [:]
        } catch {
            return refusing(error)
        }
        // Another file: nothing read from the old one says anything about it, and the
        // bookmarks removed from it are not to be put back by their ids, which may be others' there.
        readVersion = nil
        removed = []
        let news = switch status {
        case .gone: store.isReadOnly ? "\(path) was deleted while seealso ran" : "\(path) was deleted while seealso ran: a new one was made"
        default: "\(path) was replaced while seealso ran: bookmarks are now read from and saved to the new file"
        }
        fileEvents.append(news)
        return .reopened(news)
    }

    /// The folder as listed again while the explorer runs (files added, removed, retitled):
    /// bookmarks are found among its files as they are now, each read again when needed.
    func relisted(_ catalog: FolderCatalog) {
        shelf = Self.shelf(catalog)
    }

    func changedElsewhere() throws -> Bool {
        try store.dataVersion() != readVersion
    }

    func setNote(_ note: String?, section: Int, item: String?, in model: LinkedArticle, shown: String?) throws -> NoteOutcome {
        // Clearing the note of a bookmark shown: none is made where another window removed it.
        if let shown, StateStore.normalized(note) == nil {
            guard let bookmark = try store.clearNote(in: model, sectionIndex: section, itemID: item, replacing: .shown(shown)) else {
                return .removedElsewhere
            }
            return bookmark.note == nil ? .saved : .changedElsewhere(bookmark.note)
        }
        // One transaction: the bookmark and its note together (a blank note clears it), so that
        // another process cannot remove the bookmark, nor write its note, between the two.
        let (bookmark, added) = try store.addBookmarkIfAbsent(in: model, sectionIndex: section, itemID: item, note: note ?? "",
                                                              replacing: shown.map { .shown($0) } ?? .unseen)
        if added { return .made }
        guard bookmark.note != StateStore.normalized(note) else { return .saved }
        return shown == nil ? bookmark.note.map { .keptAnother($0) } ?? .saved : .changedElsewhere(bookmark.note)
    }

    func setNote(_ note: String?, bookmark id: Int64, shown: String) throws -> NoteOutcome {
        do {
            let after = try store.setNote(note, forBookmark: id, replacing: .shown(shown))
            return after == StateStore.normalized(note) ? .saved : .changedElsewhere(after)
        } catch StoreError.noSuchBookmark {
            throw Gone(id: id)
        }
    }

    /// A bookmark listed on screen that the store no longer has: another seealso removed it.
    struct Gone: Error, CustomStringConvertible {
        let id: Int64
        var description: String { "the bookmark was removed in another window" }
    }

    func remove(bookmark id: Int64) throws -> Bool {
        let lastID = try store.lastBookmarkID()
        guard let bookmark = try store.removeBookmark(id: id) else { return false }
        removed.append(([bookmark], lastID))
        return true
    }

    func undoRemove() throws -> UndoneRemoval? {
        guard let group = removed.last else { return nil }
        let restoration = try store.restoreBookmarks(group.bookmarks, madeAfter: group.lastID)
        // Only once it is back: a restore that failed is there to undo again.
        removed.removeLast()
        guard let first = restoration.bookmarks.first else { return nil }
        return UndoneRemoval(id: first.id, count: group.bookmarks.count, besideANewer: restoration.besideANewer,
                             merged: restoration.merged, newer: restoration.newer)
    }

    /// The view goes into the session of the article's file, the history beside it, into its
    /// folder's (see `StateStore.historyScope`), and only when it is not the one the store has.
    func saveSession(_ record: SessionRecord, for model: LinkedArticle, asReadLast: Bool) throws {
        let identity = ArticleIdentity(model)
        let file = file(of: model.article)
        let scope = StateStore.historyScope(file: file, title: identity.title, folder: folder)
        // Another window (another explorer on the folder or the article) committed since this
        // one last saved: the history the store has may be that window's, written at its
        // jumps, and this one's is written again with its place (QA 40: the last to quit left
        // its place and the other's history, so that back led where it had never been).
        let version = try? store.dataVersion()
        if version == nil || version != sessionVersion { storedHistories = [:] }
        var session = record
        session.history = History()
        let history = storedHistories[scope] == record.history ? nil : try JSONEncoder().encode(record.history)
        try store.saveSession(try JSONEncoder().encode(session), for: identity, file: file, folder: folder, asReadLast: asReadLast,
                              history: history, taking: taken[file])
        taken[file] = nil
        storedHistories[scope] = record.history
        // Its own commit leaves `data_version` as it was; another's since the read above
        // changes it, and the next save writes the history again.
        sessionVersion = version
    }

    /// The file of `article` as the store keys sessions (`BookmarkFile.of`), resolved once: a
    /// file deleted or moved while it is read still saves to the session it was read from.
    private func file(of article: Article) -> String {
        if let file = files[article.path] { return file }
        let file = BookmarkFile.of(article)
        files[article.path] = file
        return file
    }

    /// The saved session of this article's file (or one it takes over, see
    /// `StateStore.session(for:file:)`), whichever text it was saved for: its views say where
    /// they are in terms that outlast an edit (`ViewPlace`), and the explorer places them in
    /// the text as it is now. One saved for another text before views kept their places is
    /// not used: its block indices would show other places. Its history is the one saved apart
    /// for its scope, else (saved before histories were kept apart) its own.
    func session(for model: LinkedArticle) throws -> SessionRecord? {
        let identity = ArticleIdentity(model)
        let file = file(of: model.article)
        let saved: SavedSession?
        if let readAhead, readAhead.identity == identity, readAhead.path == model.article.path {
            self.readAhead = nil
            saved = try readAhead.saved.get()
        } else {
            saved = try Self.savedSession(in: store, for: identity, file: file, inFolder: folder)
        }
        if let history = saved?.history { storedHistories[history.scope] = history.kept }
        // What was read is what the store has now, unless another window commits since.
        sessionVersion = try? store.dataVersion()
        taken[file] = saved?.taken
        return saved?.record
    }

    /// A session as the store has it: the record, with the history kept apart for its scope.
    struct SavedSession {
        var record: SessionRecord
        var history: (scope: String, kept: History)?
        /// Another file's session, which the next save of this one takes over.
        var taken: StateStore.StoredSession.Taken?
    }

    /// The session of the article of `identity`, read from `file` in `folder` (nil: alone), in
    /// `store` (see `session(for:)`).
    nonisolated static func savedSession(in store: StateStore, for identity: ArticleIdentity, file: String,
                                         inFolder folder: String? = nil) throws -> SavedSession? {
        guard let saved = try store.session(for: identity, file: file, inFolder: folder),
              var record = try? JSONDecoder().decode(SessionRecord.self, from: saved.data),
              saved.contentHash == identity.contentHash || record.view.place != nil else { return nil }
        // One that cannot be read loses the steps, not the place.
        guard let history = saved.history, let kept = try? JSONDecoder().decode(History.self, from: history) else {
            return SavedSession(record: record, history: nil, taken: saved.taken)
        }
        record.history = kept
        return SavedSession(record: record, history: (saved.historyScope, kept), taken: saved.taken)
    }

    /// A session read before the explorer asks for it, and the article it is of: at start-up,
    /// on the thread that waits for the article to be linked, reading and decoding it (half a
    /// millisecond, most of it the decoder's first use) comes off the way to the first frame.
    struct SessionReadAhead {
        let identity: ArticleIdentity
        /// The path the article was read from (`Article.path`), and its file, as sessions are
        /// keyed (`BookmarkFile.of`).
        let path: String
        let file: String
        let saved: Result<SavedSession?, any Error>

        init(store: StateStore, identity: ArticleIdentity, path: String) {
            self.identity = identity
            self.path = path
            let file = BookmarkFile.of(path: path)
            self.file = file
            saved = Result { try StoreService.savedSession(in: store, for: identity, file: file) }
        }
    }
}
