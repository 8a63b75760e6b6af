import CSQLite
import Content
import Foundation

/// Bookmarks, and each article's last reading position and jump history, in one SQLite
/// database: `DIR/state.sqlite`.
///
/// Durability and concurrency:
/// - WAL mode: readers never block the writer, and two explorers (or an explorer and the
///   command line) can write at once; every write is a `BEGIN IMMEDIATE` transaction that
///   waits up to 5 s for the other's lock.
/// - `synchronous = NORMAL`: in WAL mode a commit is a `write()` of the WAL frames, and SQLite
///   syncs the WAL to disk only at checkpoints. What `write()` handed to the kernel survives the
///   process dying in any way, `kill -9` included, so a bookmark whose call returned is never
///   lost to a crash of seealso. Only an OS crash or power loss can drop the last commits
///   (the database stays consistent: it goes back to an earlier commit). `FULL` would add an
///   fsync per bookmark for that case only.
///
/// A file that is not seealso's is never written to: it is inspected read-only first.
/// A folder that cannot be written (read-only, full, or impossible to create) still opens,
/// read-only: existing bookmarks can be listed, and writes throw the reason (`readOnlyReason`).
///
/// Not Sendable: one store is used from one place (the main actor, or a command).
public final class StateStore {
    /// How long a write waits for another process's lock on the file before it fails.
    public static var lockWaitMilliseconds: Int32 { Database.busyTimeoutMilliseconds }

    public static let fileName = "state.sqlite"

    public let directory: URL
    public var databaseURL: URL { directory.appendingPathComponent(Self.fileName) }
    /// True when nothing can be saved; `readOnlyReason` says why.
    public private(set) var isReadOnly: Bool
    /// The message of `readOnlyError`, fit for a status bar or stderr.
    public var readOnlyReason: String? { readOnlyError?.description }
    /// Why the store is read-only: `.readOnly`, `.full` or `.cannotCreateDirectory`. Every write throws it.
    public let readOnlyError: StoreError?

    let database: Database
    /// The schema version of the open file: older than the latest only when a read-only
    /// folder kept seealso from migrating it.
    private let schemaVersion: Int
    /// The files opened, as the system knows them: what tells that `databaseURL` names another
    /// file now (`fileStatus`). Nil for a store with no file (an empty one in memory).
    let opened: OpenedFiles?
    /// The main file as SQLite last left it, as far as this store knows (`fileStatus`): what
    /// tells a copy written over it in place from a checkpoint. Nil until the first look.
    var contentsSeen: MainFileContents?

    /// `$XDG_DATA_HOME/seealso`, or `~/.local/share/seealso` when it is unset or not absolute
    /// (the XDG spec says to ignore relative paths).
    public static func defaultDirectory(environment: [String: String]) -> URL {
        URL(fileURLWithPath: BaseDirectory.data.seealsoPath(environment: environment))
    }

    /// Opens (creating if needed) `directory/state.sqlite` and brings its schema up to date.
    ///
    /// Throws `.corrupt`, `.foreign` or `.newerVersion` for a file seealso must not use, which
    /// is left byte-for-byte untouched. Does not throw for a folder that cannot be written:
    /// the store opens read-only instead (see `isReadOnly`).
    public convenience init(directory: URL) throws {
        try self.init(directory: directory, opened: Self.open(directory: directory, file: directory.appendingPathComponent(Self.fileName)))
    }

    /// For commands that only read: opens `directory/state.sqlite` as `init(directory:)` does
    /// when it is there, and otherwise creates nothing, neither the file nor the folder
    /// (`bookmarks list --data-dir DIR` used to leave DIR behind): the store is then empty and
    /// read-only. Throws `.unreadableDirectory` for a `directory` that is not a folder and
    /// cannot be one (a file is there, or on its path), or that cannot be looked at.
    public convenience init(readingExisting directory: URL) throws {
        try Self.refuseLostBytes(directory)
        let file = directory.appendingPathComponent(Self.fileName)
        if let absent = try Self.absence(of: directory, file: file) {
            try self.init(directory: directory, opened: (try Self.emptyDatabase(), absent))
        } else {
            try self.init(directory: directory, opened: Self.open(directory: directory, file: file))
        }
    }

    /// For commands that write (`bookmarks add`, `import`): opens as `init(directory:)` does,
    /// except that a `directory` that is no folder and cannot be one (a file is there, or on
    /// its path) throws `.unreadableDirectory`, as for `init(readingExisting:)`. The explorer
    /// opens such a store read-only and goes on reading ("cannot create DIR (File exists):
    /// bookmarks cannot be saved (reading goes on …)"); a command has nothing to go on with.
    public convenience init(writingTo directory: URL) throws {
        _ = try Self.isFolder(directory)
        try self.init(directory: directory)
    }

    private init(directory: URL, opened: (database: Database, unwritable: StoreError?)) throws {
        self.directory = directory
        database = opened.database
        readOnlyError = opened.unwritable
        isReadOnly = opened.unwritable != nil
        self.opened = opened.database.fileName.flatMap { OpenedFiles(path: directory.appendingPathComponent(Self.fileName).path, fileName: $0) }
        do {
            schemaVersion = Int(try database.integer("PRAGMA user_version") ?? 0)
        } catch let error as SQLiteError {
            throw Self.storeError(error, place: directory.path, file: directory.appendingPathComponent(Self.fileName).path)
        }
    }

    // MARK: Bookmarks

    /// Bookmarks, newest first: of one article, or of all articles when `articleTitle` is nil.
    public func bookmarks(articleTitle: String? = nil) throws -> [Bookmark] {
        try read { try fetch(articleTitle.map { ("article_title = ?", [.text($0)]) }) }
    }

    public func bookmark(id: Int64) throws -> Bookmark? {
        try read { try fetch(("id = ?", [.integer(id)])).first }
    }

    /// Every bookmark, newest first, with where it lands in `model` (nil for another
    /// article's): `bookmarks(on:)` with `model` alone on the shelf.
    public func bookmarks(placedIn model: LinkedArticle) throws -> [(bookmark: Bookmark, place: BookmarkPlace?)] {
        try bookmarks(on: BookmarkShelf(model)).map { bookmark, location in
            if case .article(_, let place) = location { (bookmark, place) } else { (bookmark, nil) }
        }
    }

    /// Every bookmark, newest first, with the article it is in among `shelf`'s and where in it
    /// (see `BookmarkShelf.locate`). Those found in an article come anchored where they land
    /// now (see `Bookmark.anchored`): with its title and file, and the path they lead to.
    /// With `saving`, they are saved so: `bookmarks list` then shows them so too, and a
    /// bookmark whose article's title changed keeps following it. A store that cannot be
    /// written (read-only, or busy) still gives them anchored; they are saved the next time.
    public func bookmarks(on shelf: BookmarkShelf, saving: Bool = true) throws -> [(bookmark: Bookmark, location: BookmarkLocation)] {
        var moved: [(stored: Bookmark, now: Bookmark)] = []
        let located = try bookmarks().map { stored -> (bookmark: Bookmark, location: BookmarkLocation) in
            let found = shelf.locate(stored)
            if found.bookmark != stored { moved.append((stored, found.bookmark)) }
            return found
        }
        if saving, !moved.isEmpty, !isReadOnly {
            // Not an error for the caller: the bookmarks are shown anchored all the same.
            try? write { for bookmark in moved { try updateAnchor(bookmark.now, was: bookmark.stored) } }
        }
        return located
    }

    /// The bookmarks of this article that land on (section, item) once re-anchored.
    public func bookmarks(at sectionIndex: Int, itemID: String? = nil, in model: LinkedArticle) throws -> [Bookmark] {
        try read { try landing(on: sectionIndex, itemID: itemID, in: model) }
    }

    /// `bookmarks(at:itemID:in:)` inside a read or a write of the caller's: what every change
    /// to a place's bookmarks looks at first, in its own transaction.
    private func landing(on sectionIndex: Int, itemID: String?, in model: LinkedArticle) throws -> [Bookmark] {
        let file = BookmarkFile.of(model.article)
        return try fetch(of: model, file: file).filter { $0.isAt(sectionIndex: sectionIndex, itemID: itemID, in: model, file: file) }
    }

    /// Bookmarks (section, item) of this article. If it is bookmarked already, returns that
    /// bookmark instead of making a second one; a non-nil `note` then replaces its note, and
    /// one that is only blanks removes it (as an emptied note does in the explorer).
    @discardableResult
    public func addBookmark(in model: LinkedArticle, sectionIndex: Int, itemID: String? = nil, note: String? = nil) throws -> Bookmark {
        try addBookmarkIfAbsent(in: model, sectionIndex: sectionIndex, itemID: itemID, note: note).bookmark
    }

    /// `addBookmark`, also telling whether a new bookmark was made (false: it was there).
    /// `replacing`: which note of the bookmark there the new one may replace; another is left
    /// as it is, and the bookmark returned says so by its note.
    public func addBookmarkIfAbsent(in model: LinkedArticle, sectionIndex: Int, itemID: String? = nil,
                                    note: String? = nil, replacing: NoteBefore = .any) throws -> (bookmark: Bookmark, added: Bool) {
        let replacesNote = note != nil
        let note = Self.normalized(note)
        let draft = Bookmark.draft(in: model, sectionIndex: sectionIndex, itemID: itemID, note: note, at: Self.now())
        return try write {
            if let found = try landing(on: sectionIndex, itemID: itemID, in: model).first {
                // Said where it leads now (`bookmarks add` prints it), and saved so.
                var existing = found.anchored(at: Self.place(of: found, in: model), in: model)
                if existing != found { try updateAnchor(existing, was: found) }
                if replacesNote, note != existing.note, replacing.allows(existing.note) {
                    try updateNote(note, id: existing.id, at: draft.createdAt)
                    existing.note = note
                    existing.noteUpdatedAt = draft.createdAt
                }
                return (existing, false)
            }
            return (try insert(draft), true)
        }
    }

    /// The note of the bookmark on (section, item) cleared, when its note is one `replacing`
    /// allows; the bookmark as it is after, or nil when there is none (removed meanwhile in
    /// another window: clearing a note makes no bookmark, QA 27).
    public func clearNote(in model: LinkedArticle, sectionIndex: Int, itemID: String? = nil, replacing: NoteBefore) throws -> Bookmark? {
        try write {
            guard var found = try landing(on: sectionIndex, itemID: itemID, in: model).first else { return nil }
            if found.note != nil, replacing.allows(found.note) {
                try updateNote(nil, id: found.id, at: Self.now())
                found.note = nil
            }
            return found
        }
    }

    /// Adds a bookmark on (section, item) of this article, or removes the existing one (every
    /// one that lands there); returns the bookmark, whether it now exists, and what was
    /// removed (keep it to undo: a bookmark may carry a note).
    public func toggleBookmark(in model: LinkedArticle, sectionIndex: Int, itemID: String? = nil) throws
        -> (bookmark: Bookmark, added: Bool, removed: [Bookmark]) {
        let draft = Bookmark.draft(in: model, sectionIndex: sectionIndex, itemID: itemID, note: nil, at: Self.now())
        return try write {
            let here = try landing(on: sectionIndex, itemID: itemID, in: model)
            guard let first = here.first else { return (try insert(draft), true, []) }
            for bookmark in here { try database.run("DELETE FROM bookmark WHERE id = ?", .integer(bookmark.id)) }
            return (first, false, here)
        }
    }

    /// Removes every bookmark of this article that lands on (section, item); returns them (keep
    /// them to undo), none when there was none: another process may have removed it already.
    @discardableResult
    public func removeBookmarks(at sectionIndex: Int, itemID: String? = nil, in model: LinkedArticle) throws -> [Bookmark] {
        try write {
            let here = try landing(on: sectionIndex, itemID: itemID, in: model)
            for bookmark in here { try database.run("DELETE FROM bookmark WHERE id = ?", .integer(bookmark.id)) }
            return here
        }
    }

    /// Removes a bookmark; returns what was removed (keep it to undo), or nil if there was none.
    @discardableResult
    public func removeBookmark(id: Int64) throws -> Bookmark? {
        try write {
            guard let bookmark = try fetch(("id = ?", [.integer(id)])).first else { return nil }
            try database.run("DELETE FROM bookmark WHERE id = ?", .integer(id))
            return bookmark
        }
    }

    /// What `restoreBookmarks` did: the bookmarks put back, as they are now, and how each came
    /// back beside bookmarks made on its place since, or into one of them.
    public struct Restoration: Equatable, Sendable {
        /// One per bookmark removed, in the same order: the one put back, or the one made on
        /// its place since that took its note (or had that note already).
        public var bookmarks: [Bookmark]
        /// Put back as a second bookmark on their place: the one made there since has another note.
        public var besideANewer: Int
        /// Not put back: a bookmark made on their place since stands for them, with their note
        /// (it had none, or the same), or its own (they had none).
        public var merged: Int
        /// How many bookmarks made since (one, nearly always) those beside or merged are with.
        public var newer: Int
    }

    /// The last bookmark id given, 0 before the first: bookmarks made after this (imported
    /// ones too) have greater ids, as ids are never reused. What `restoreBookmarks` tells a
    /// bookmark made since a removal by.
    public func lastBookmarkID() throws -> Int64 {
        // Through `read`, as every other read: its SQLite error was said raw (QA 38: "Bookmark
        // not deleted: database disk image is malformed (SQLite error 11)").
        try read { try database.integer("SELECT seq FROM sqlite_sequence WHERE name = 'bookmark'") ?? 0 }
    }

    /// Undoes a removal: puts the bookmarks back with their ids, notes and dates, in one
    /// transaction (one `m` removes every bookmark on a place: its undo puts back all of them).
    /// Restoring one that is already there changes nothing. Ids are never reused
    /// (AUTOINCREMENT), so their ids are free.
    ///
    /// When the same place was bookmarked again since (`madeAfter`: the `lastBookmarkID` when
    /// they were removed; nil takes every other bookmark there as made since), that bookmark
    /// stays, and no note is lost: one with no note, or the same note, takes the removed one's
    /// (one place, one bookmark); one with a note of its own keeps it, and the removed one
    /// comes back beside it with its own (it was dropped, note and all, while the status
    /// line said "Bookmark restored."). Both notes were seen, the older before its removal and
    /// the newer as it was typed; joining them would make a note neither was, and the next `m`
    /// there removes both bookmarks, and says so. A bookmark that was on the place before the
    /// removal is not made since: the removed one comes back beside it as it was (it
    /// was said to be beside one made since, and one without a note took the removed one's).
    @discardableResult
    public func restoreBookmarks(_ removed: [Bookmark], madeAfter lastID: Int64? = nil) throws -> Restoration {
        let restoring = Set(removed.map(\.id))
        return try write {
            var restoration = Restoration(bookmarks: [], besideANewer: 0, merged: 0, newer: 0)
            var newer: Set<Int64> = []
            for bookmark in removed {
                // The others removed together are not "made since": a place they shared had
                // them all before.
                let madeSince = try fetch(("article_title = ? AND section_id = ? AND item_id IS ? AND id != ? AND id > ?",
                                           [.text(bookmark.articleTitle), .text(bookmark.sectionID), SQLValue(bookmark.itemID),
                                            .integer(bookmark.id), .integer(lastID ?? 0)])).filter { !restoring.contains($0.id) }
                // One that loses no note by it takes the removed one's place: one place, one bookmark.
                if let again = madeSince.first(where: { bookmark.note == nil || $0.note == nil || $0.note == bookmark.note }) {
                    if again.note == nil, let note = bookmark.note {
                        try updateNote(note, id: again.id, at: bookmark.noteUpdatedAt ?? bookmark.createdAt)
                    }
                    restoration.bookmarks.append(try fetch(("id = ?", [.integer(again.id)])).first ?? again)
                    restoration.merged += 1
                    newer.insert(again.id)
                    continue
                }
                if !madeSince.isEmpty, try fetch(("id = ?", [.integer(bookmark.id)])).isEmpty {
                    restoration.besideANewer += 1
                    newer.formUnion(madeSince.map(\.id))
                }
                try database.run("""
                    INSERT OR IGNORE INTO bookmark (id, article_title, article_path, article_hash, section_id, heading, section_path,
                                                    body_digest, item_id, item_name, note, created_at, note_updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, .integer(bookmark.id), .text(bookmark.articleTitle), SQLValue(bookmark.articlePath), .text(bookmark.articleHash),
                    .text(bookmark.sectionID), .text(bookmark.heading), .text(Self.encodePath(bookmark.sectionPath)),
                    SQLValue(bookmark.bodyDigest), SQLValue(bookmark.itemID), SQLValue(bookmark.itemName), SQLValue(bookmark.note),
                    SQLValue(bookmark.createdAt), bookmark.noteUpdatedAt.map(SQLValue.init) ?? .null)
                restoration.bookmarks.append(try fetch(("id = ?", [.integer(bookmark.id)])).first ?? bookmark)
            }
            restoration.newer = newer.count
            return restoration
        }
    }

    /// Sets or (with nil or blank text) clears a bookmark's note, when the note it has is one
    /// `replacing` allows; returns the note it has after (the one kept, when not allowed).
    @discardableResult
    public func setNote(_ note: String?, forBookmark id: Int64, replacing: NoteBefore = .any) throws -> String? {
        try write {
            let found = try database.query("SELECT note FROM bookmark WHERE id = ?", [.integer(id)]) { $0.optionalText(0) }
            guard let current = found.first else { throw StoreError.noSuchBookmark(id: id) }
            guard replacing.allows(current) else { return current }
            try updateNote(Self.normalized(note), id: id, at: Self.now())
            return Self.normalized(note)
        }
    }

    /// Where a bookmark lands in `model`, which may have been edited since. In order:
    /// 1. its item, if that id still exists, else the one item of its kind with its name;
    /// 2. a section with the same heading (it may have moved, or its id changed because a
    ///    section with the same heading was added before it). Among several, the one with the
    ///    same heading path (parents) and the same id, then the same path, then the same id,
    ///    then the first;
    /// 3. the section with the same id (its heading was reworded, keeping its slug);
    /// 4. a section with the same text (`Article.sectionDigest`: for one with no text of its own,
    ///    the same headings under it): its heading was renamed, the text under
    ///    it left as it was (a saved reading place finds it so: `SectionFinder`). Among several,
    ///    the one under the same headings (its path but for its own, the one renamed), when
    ///    only one is; else none (step 5). Never the lead: step 2 finds it for its own
    ///    bookmarks, and another's text in it is a section whose heading was removed. After 2 and 3: a heading or id still there
    ///    says more than text, which two sections may share ("To be written." under two headings);
    /// 5. otherwise orphaned: shown with its old heading, never dropped.
    public static func place(of bookmark: Bookmark, in model: some BookmarkSite) -> BookmarkPlace {
        if let itemID = bookmark.itemID {
            if model.itemIndex(id: itemID) != nil { return .item(itemID) }
            // Its id changed (an id rule fixed, a namesake added before it): the one item of its
            // kind with its name, as a section is found by its heading.
            let kind = itemID.prefix { $0 != ":" } + ":"
            let namesakes = model.items.filter { $0.name == bookmark.itemName && $0.id.hasPrefix(kind) }
            if namesakes.count == 1 { return .item(namesakes[0].id) }
        }
        let article = model.article
        let namesakes = article.sections.indices.filter { Bookmark.heading(of: article.sections[$0]) == bookmark.heading }
        // Where it was, under the same headings.
        if let here = namesakes.first(where: { Bookmark.path(to: $0, in: article) == bookmark.sectionPath }) { return .section(here) }
        if let digest = bookmark.bodyDigest {
            // Moved under other headings, or they were renamed: the one namesake with its text.
            // One with other text is another section: taking it moved the bookmark and its note
            // onto a guess when the one bookmarked was deleted beside a namesake (QA 29).
            let sameText = namesakes.filter { article.sectionDigest(at: $0) == digest }
            if sameText.count == 1 { return .section(sameText[0]) }
        } else if let first = namesakes.first {
            // Made before bookmarks kept their text: the namesake with its id, else the first.
            return .section(namesakes.first { article.sections[$0].id == bookmark.sectionID } ?? first)
        }
        // Its heading respelled, its id the same ("Résumé", "Resume"); not a namesake's id,
        // which is where a namesake now stands, not the section bookmarked.
        if let index = article.sectionIndex(id: bookmark.sectionID), !namesakes.contains(index) { return .section(index) }
        if let digest = bookmark.bodyDigest {
            // Only here, for a bookmark the steps above lost: this reads the whole article's text.
            let sameText = article.sections.indices.dropFirst().filter { article.sectionDigest(at: $0) == digest }
            let parents = bookmark.sectionPath.dropLast()
            let underParents = sameText.filter { Bookmark.path(to: $0, in: article).dropLast() == parents }
            // Only one that can be told: of two sections with the same text under the same
            // headings (both renamed), either may be it, and a guess moved a note onto the
            // wrong one; orphaned, it keeps its old heading and says so.
            if let index = underParents.count == 1 ? underParents.first : sameText.count == 1 ? sameText.first : nil {
                return .section(index)
            }
        }
        return .orphaned
    }

    // MARK: Sessions

    /// Saves the session of the article read from `file` (`BookmarkFile.of`: absolute with
    /// links resolved, or `BookmarkFile.bundled`): its reading position, in the caller's
    /// encoding, replacing the file's previous one. `folder` is the folder (absolute path) it
    /// is read in, nil when it is read alone. `history`, when given, replaces the jump history
    /// of that folder, or of the file read alone (see `historyScope`), in the same
    /// transaction: nil leaves it as it is (unchanged since it was saved).
    ///
    /// Without `asReadLast`, its time in the order of reading (`lastRead`) is left as it was,
    /// and a first session counts as read before every other: for an article opened in place of
    /// the one read last, which could not be opened, and is still to reopen first.
    ///
    /// `taking`: the session `session(for:file:)` found for the file under its title, which
    /// becomes the file's (unless another window took it first, or the file has one of its
    /// own since), with the jump history of the file it was saved for when that was read alone.
    public func saveSession(_ data: Data, for article: ArticleIdentity, file: String, folder: String? = nil, asReadLast: Bool = true,
                            history: Data? = nil, taking taken: StoredSession.Taken? = nil) throws {
        try write(checkpointing: false) {
            if let taken {
                try database.run("""
                    UPDATE session SET article_path = ?1 WHERE id = ?2 AND article_path IS ?3
                        AND NOT EXISTS (SELECT 1 FROM session WHERE article_path = ?1)
                    """, .text(file), .integer(taken.id), SQLValue(taken.file))
                if database.changes > 0, let scope = taken.ownHistoryScope {
                    try database.run("DELETE FROM history WHERE scope = ?", .text(scope))
                }
            }
            try database.run("""
                INSERT INTO session (article_path, article_title, content_hash, data, saved_at, folder) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (article_path) DO UPDATE
                SET content_hash = excluded.content_hash, data = excluded.data,
                    saved_at = CASE WHEN ? THEN excluded.saved_at ELSE session.saved_at END, folder = excluded.folder
                """, .text(file), .text(article.title), .text(article.contentHash), .blob(data),
                SQLValue(asReadLast ? Self.now() : Date(timeIntervalSince1970: 0)), SQLValue(folder), .integer(asReadLast ? 1 : 0))
            // Apart, and only when it changed (the file retitled): an UPDATE that sets the title
            // rewrites its index's page, same value or not, at every pause.
            try database.run("UPDATE session SET article_title = ?1 WHERE article_path = ?2 AND article_title IS NOT ?1",
                             .text(article.title), .text(file))
            if let history {
                try database.run("INSERT INTO history (scope, data) VALUES (?, ?) ON CONFLICT (scope) DO UPDATE SET data = excluded.data",
                                 .text(Self.historyScope(file: file, title: article.title, folder: folder)), .blob(history))
            }
        }
    }

    /// Whose jump history a session saved in `folder` (nil: read alone) goes on with: the
    /// folder's, which every article read in it shares (it is carried from one to the next),
    /// else its file's own; for one saved before sessions recorded their file (nil), its title's.
    public static func historyScope(file: String?, title: String, folder: String?) -> String {
        folder.map(historyScope(ofFolder:)) ?? file.map { "file:" + $0 } ?? "article:" + title
    }

    /// The jump history's scope of the articles read in `folder`.
    private static func historyScope(ofFolder folder: String) -> String { "folder:" + folder }

    /// Where a folder was left.
    public struct FolderResume: Equatable, Sendable {
        /// Of the folder's titles, the one whose session was saved last.
        public var title: String?
        /// The title of an article read in the folder after that one, which the folder no
        /// longer has (its file deleted, or its title changed).
        public var gone: String?
    }

    /// Of `titles` (the articles of `folder`, an absolute path with links resolved), the one
    /// whose session was saved last in that folder, and one read since in it that is no longer
    /// among them. A session of one of the folder's files counts wherever it was saved: read
    /// alone since (`seealso folder/alpha.txt`), it is the folder's article read last (QA 40:
    /// the folder reopened at the one read before it). One saved in another folder does not
    /// count (a folder opened for the first time opened at another folder's article of the same
    /// title); one that says neither its file nor a folder (saved before they were recorded)
    /// does when that folder has none. Without `folder`, the last of any.
    public func lastRead(among titles: Set<String>, inFolder folder: String? = nil) throws -> FolderResume {
        try read {
            // A version-2 file seen read-only has no folder column yet, nor one of version 6 a file.
            let folders = schemaVersion >= 3 ? "folder" : "NULL"
            let files = schemaVersion >= 7 ? "article_path" : "NULL"
            // Sessions are one row per article ever read, so reading the titles is cheap.
            let rows = try database.query("SELECT article_title, \(folders), \(files) FROM session ORDER BY saved_at DESC, rowid DESC") {
                (title: $0.text(0), folder: $0.optionalText(1), file: $0.optionalText(2))
            }
            let inside = folder.map { $0 == "/" ? $0 : $0 + "/" }
            var resume = FolderResume()
            var withoutFolder: String?
            for row in rows {
                let isTheFolders = row.folder == folder || row.file.map { file in inside.map(file.hasPrefix) ?? false } == true
                guard folder == nil || isTheFolders else {
                    if withoutFolder == nil, row.folder == nil, row.file == nil, titles.contains(row.title) { withoutFolder = row.title }
                    continue
                }
                if titles.contains(row.title) {
                    resume.title = row.title
                    break
                }
                if resume.gone == nil, folder != nil { resume.gone = row.title }
            }
            if resume.title == nil { resume.title = withoutFolder }
            return resume
        }
    }

    /// A saved session, as `session(for:file:)` finds it.
    public struct StoredSession {
        /// The reading position, in the encoding of the caller that saved it.
        public var data: Data
        /// The content hash of the text it was saved for, which may be older than the
        /// article's now: the caller decides what still applies.
        public var contentHash: String
        /// The folder it was saved in; nil when its article was read alone.
        public var folder: String?
        /// The jump history it goes on with, nil when none was saved apart (before version 6:
        /// it is in `data`), and whose it is (`historyScope`).
        public var history: Data?
        public var historyScope: String
        /// Another file's session, found by the title, that the file's next save takes over.
        public var taken: Taken?

        /// A session found for a file under its title (see `session(for:file:)`).
        public struct Taken: Equatable, Sendable {
            var id: Int64
            /// The file it was saved for; nil before version 7.
            var file: String?
            /// The jump history of that file read alone, which goes with the session; nil
            /// when it was saved in a folder, whose history every article read there shares.
            var ownHistoryScope: String?
        }
    }

    /// The session last saved for `file` under the article's title (see `saveSession`). A file
    /// that has none is given the last one of its title whose file is gone (moved or renamed:
    /// found again by the title, as a bookmark is) or not recorded (saved before version 7),
    /// as `taken`; not one of another file of the title that is still there (the bundled Dual
    /// power and an edited copy of it each keep their own). A file whose title changed starts
    /// afresh, as it did: a folder knows its articles by their titles (its history's steps, the
    /// article read last), and the session's views name the old one.
    ///
    /// `inFolder`: the folder it is read in now (as `lastRead` has it), whose jump history it
    /// goes on with when the folder has one, wherever it was saved last: read alone since, it
    /// went on with its own, and the folder's steps could no longer be gone back to (QA 40).
    /// Read alone, or in a folder with no history yet, it goes on with the history of where it
    /// was saved (a folder first opened at an article read alone goes on from its steps).
    public func session(for article: ArticleIdentity, file: String, inFolder folder: String? = nil) throws -> StoredSession? {
        try read {
            guard schemaVersion >= 7 else { return try sessionByTitle(article, inFolder: folder) }
            let rows = try database.query("""
                SELECT id, article_path, data, content_hash, folder FROM session WHERE article_title = ?
                ORDER BY saved_at DESC, id DESC
                """, [.text(article.title)]) {
                (id: $0.int64(0), file: $0.optionalText(1), data: $0.blob(2), contentHash: $0.text(3), folder: $0.optionalText(4))
            }
            guard let saved = rows.first(where: { $0.file == file }) ?? rows.first(where: { $0.file.map { !BookmarkFile.isThere($0) } ?? true })
            else { return nil }
            let savedScope = Self.historyScope(file: saved.file, title: article.title, folder: saved.folder)
            let (scope, history) = try firstHistory(in: [folder.map(Self.historyScope(ofFolder:)), savedScope].compactMap { $0 })
            let taken = saved.file == file ? nil
                : StoredSession.Taken(id: saved.id, file: saved.file, ownHistoryScope: saved.folder == nil ? savedScope : nil)
            return StoredSession(data: saved.data, contentHash: saved.contentHash, folder: saved.folder, history: history,
                                 historyScope: scope, taken: taken)
        }
    }

    /// The session of `article`'s title, in a file of a version before sessions were kept
    /// by file (7), seen read-only: the file cannot be told, and there is nothing to take.
    private func sessionByTitle(_ article: ArticleIdentity, inFolder reader: String?) throws -> StoredSession? {
        // A file of an older version seen read-only has no folder column, or no history table, yet.
        let folder = schemaVersion >= 3 ? "folder" : "NULL"
        let rows = try database.query("SELECT data, content_hash, \(folder) FROM session WHERE article_title = ?", [.text(article.title)]) {
            (data: $0.blob(0), contentHash: $0.text(1), folder: $0.optionalText(2))
        }
        guard let saved = rows.first else { return nil }
        let savedScope = Self.historyScope(file: nil, title: article.title, folder: saved.folder)
        let (scope, history) = schemaVersion >= 6 ? try firstHistory(in: [reader.map(Self.historyScope(ofFolder:)), savedScope].compactMap { $0 })
            : (savedScope, nil)
        return StoredSession(data: saved.data, contentHash: saved.contentHash, folder: saved.folder, history: history, historyScope: scope)
    }

    /// The jump history of the first of `scopes` that has one, and that scope; else the last
    /// scope, with none.
    private func firstHistory(in scopes: [String]) throws -> (scope: String, history: Data?) {
        for scope in scopes {
            if let history = try database.query("SELECT data FROM history WHERE scope = ?", [.text(scope)]) { $0.blob(0) }.first {
                return (scope, history)
            }
        }
        return (scopes[scopes.count - 1], nil)
    }

    /// A number that changes when another connection (another explorer, the command line)
    /// commits, and not when this one does (SQLite's `data_version`): compared with its value
    /// when the bookmarks were read, it tells whether to read them again. It reads no table,
    /// only the WAL index, so it costs microseconds.
    public func dataVersion() throws -> Int64 {
        try read { try database.integer("PRAGMA data_version") ?? 0 }
    }

    // MARK: Internals shared with the import/export extension

    /// Runs a write in one transaction, with errors worded for people. Then, but for the
    /// reading place (`checkpointing: false`, saved at every pause), what it wrote is copied
    /// into the file itself (`checkpoint`): kept only in the `-wal`, a bookmark was lost with it
    /// when the file was deleted while an explorer ran, and its id given again (QA 26, 27: by
    /// the explorer, and by `bookmarks add` while an explorer kept the store open).
    func write<T>(checkpointing: Bool = true, _ body: () throws -> T) throws -> T {
        if let readOnlyError { throw readOnlyError }
        do {
            let value = try database.transaction(body)
            if checkpointing { checkpoint() }
            // What this store's own checkpoint (or SQLite's automatic one) wrote is no copy.
            noteContentsAfterWriting()
            return value
        } catch let error as SQLiteError {
            if error.primary == SQLITE_FULL, idsAreExhausted() { throw StoreError.idsExhausted(path: databaseURL.path) }
            throw storeErrorInUse(error)
        }
    }

    /// Whether the last bookmark id (Int64.max) was given: AUTOINCREMENT never reuses one, and
    /// SQLite then refuses a new row with the code a full disk has ("no space left").
    private func idsAreExhausted() -> Bool {
        let highest = try? database.integer("SELECT max(id) FROM bookmark")
        return (try? lastBookmarkID()) == Int64.max || highest == Int64.max
    }

    func read<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SQLiteError {
            throw storeErrorInUse(error)
        }
    }

    /// `storeError` for a store opened as sound: a damaged part found now is `.damaged`.
    private func storeErrorInUse(_ error: SQLiteError) -> StoreError {
        error.isCorruption ? .damaged(path: databaseURL.path) : Self.storeError(error, place: directory.path, file: databaseURL.path)
    }

    /// Bookmarks matching an optional `WHERE` clause, newest first.
    func fetch(_ condition: (sql: String, values: [SQLValue])?) throws -> [Bookmark] {
        // A version-1 file seen read-only has no note_updated_at column yet, nor one before
        // version 4 article_path, nor one before version 5 body_digest.
        let noteUpdated = schemaVersion >= 2 ? "note_updated_at" : "NULL"
        let articlePath = schemaVersion >= 4 ? "article_path" : "NULL"
        let bodyDigest = schemaVersion >= 5 ? "body_digest" : "NULL"
        let sql = """
            SELECT id, article_title, article_hash, section_id, heading, section_path, item_id, item_name,
                   note, created_at, \(noteUpdated), \(articlePath), \(bodyDigest)
            FROM bookmark \(condition.map { "WHERE " + $0.sql } ?? "")
            ORDER BY created_at DESC, id DESC
            """
        return try database.query(sql, condition?.values ?? []) { row in
            Bookmark(id: row.int64(0), articleTitle: row.text(1), articlePath: row.optionalText(11), articleHash: row.text(2),
                     sectionID: row.text(3), heading: row.text(4), sectionPath: Self.decodePath(row.text(5)),
                     bodyDigest: row.optionalText(12), itemID: row.optionalText(6), itemName: row.optionalText(7),
                     note: row.optionalText(8), createdAt: row.date(9), noteUpdatedAt: row.optionalDate(10))
        }
    }

    /// The bookmarks that may be of `model`, read from `file` (see `Bookmark.isOf`): those of
    /// its title, and those made in its file under another title. (Writes only happen on a
    /// migrated file, so the version-4 column is there; a read of an older one has no files.)
    func fetch(of model: LinkedArticle, file: String?) throws -> [Bookmark] {
        guard let file, schemaVersion >= 4 else { return try fetch(("article_title = ?", [.text(model.article.title)])) }
        return try fetch(("article_title = ? OR article_path = ?", [.text(model.article.title), .text(file)]))
    }

    func insert(_ draft: Bookmark) throws -> Bookmark {
        try database.run("""
            INSERT INTO bookmark (article_title, article_path, article_hash, section_id, heading, section_path, body_digest,
                                  item_id, item_name, note, created_at, note_updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, .text(draft.articleTitle), SQLValue(draft.articlePath), .text(draft.articleHash), .text(draft.sectionID),
            .text(draft.heading),
            .text(Self.encodePath(draft.sectionPath)), SQLValue(draft.bodyDigest), SQLValue(draft.itemID), SQLValue(draft.itemName),
            SQLValue(draft.note), SQLValue(draft.createdAt), draft.noteUpdatedAt.map(SQLValue.init) ?? .null)
        var bookmark = draft
        bookmark.id = database.lastInsertRowID
        return bookmark
    }

    /// Saves `bookmark`'s anchor (article title and file, section id, heading, path, body
    /// digest, item name), unless another process changed it since it was read as `was`: its
    /// anchor then stands. (Writes only happen on a migrated file, so the version-5 column is there.)
    func updateAnchor(_ bookmark: Bookmark, was stored: Bookmark) throws {
        try database.run("""
            UPDATE bookmark SET article_title = ?, article_path = ?, section_id = ?, heading = ?, section_path = ?,
                                body_digest = ?, item_name = ?
            WHERE id = ? AND article_title = ? AND article_path IS ? AND section_id = ? AND heading = ? AND section_path = ?
                  AND body_digest IS ? AND item_name IS ?
            """, .text(bookmark.articleTitle), SQLValue(bookmark.articlePath), .text(bookmark.sectionID), .text(bookmark.heading),
            .text(Self.encodePath(bookmark.sectionPath)), SQLValue(bookmark.bodyDigest), SQLValue(bookmark.itemName),
            .integer(stored.id), .text(stored.articleTitle), SQLValue(stored.articlePath), .text(stored.sectionID),
            .text(stored.heading), .text(Self.encodePath(stored.sectionPath)), SQLValue(stored.bodyDigest),
            SQLValue(stored.itemName))
    }

    /// (Writes only happen on a migrated file, so the version-2 column is there.)
    func updateNote(_ note: String?, id: Int64, at date: Date) throws {
        try database.run("UPDATE bookmark SET note = ?, note_updated_at = ? WHERE id = ?", SQLValue(note), SQLValue(date), .integer(id))
    }

    /// The current time to the millisecond: what the database keeps exactly (a REAL of seconds),
    /// so a bookmark returned by a call equals the one read back later.
    static func now() -> Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    /// Which note of a bookmark a new note may replace.
    public enum NoteBefore: Sendable, Equatable {
        /// Whatever it is (`bookmarks add --note`).
        case any
        /// None: the caller did not know of the bookmark (another window made it meanwhile),
        /// and a note written there is kept.
        case unseen
        /// The one the caller showed ("" for none): one changed since, in another window, is
        /// kept, where it was overwritten unsaid (QA 25).
        case shown(String)

        func allows(_ current: String?) -> Bool {
            switch self {
            case .any: true
            case .unseen: current == nil
            case .shown(let shown): StateStore.normalized(shown) == current
            }
        }
    }

    /// A note as stored: trimmed, and nil when nothing is left.
    public static func normalized(_ note: String?) -> String? {
        guard let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    static func encodePath(_ path: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(path), as: UTF8.self)) ?? "[]"
    }

    static func decodePath(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }

    // MARK: Opening

    /// Opens the database for writing, or read-only (with the reason) when the folder cannot be
    /// written. Never writes to a file before checking that it is a seealso database.
    /// A folder named with bytes that are not UTF-8 (`BaseDirectory.lostItsBytes`) is neither
    /// made nor read: the path names another folder, which a write would create and a read
    /// would find empty, while the real one may hold bookmarks (QA 23, 24). The explorer then
    /// runs without bookmarks and says why, as for any store it cannot open.
    private static func refuseLostBytes(_ directory: URL) throws {
        if BaseDirectory.lostItsBytes(directory.path) {
            throw StoreError.unreadableDirectory(path: directory.path, reason: BaseDirectory.lostBytesReason)
        }
    }

    /// SQLite opens no file whose path is 512 bytes or more (its Unix VFS's `MAX_PATHNAME`),
    /// the journal beside the store (`-journal`, the longest name) included: a longer
    /// `--data-dir` was said to be read-only (QA 25), and bookmarks never worked there.
    private static func refuseLongPath(_ directory: URL, file: URL) throws {
        let longest = (file.path + "-journal").utf8.count
        if longest >= 512 {
            throw StoreError.unreadableDirectory(path: directory.path, reason: "too long a path for the bookmark store: SQLite opens "
                                                 + "no file whose path is over 511 bytes, and state.sqlite-journal's would be \(longest)")
        }
    }

    private static func open(directory: URL, file: URL) throws -> (database: Database, unwritable: StoreError?) {
        try refuseLostBytes(directory)
        try refuseLongPath(directory, file: file)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            // Not "File exists" for a file where the folder should be (or on its path): in the
            // words the commands say it with (`isFolder`).
            var why = reason(error)
            do { _ = try isFolder(directory) } catch let StoreError.unreadableDirectory(_, reason) { why = reason } catch {}
            return (try emptyDatabase(), .cannotCreateDirectory(path: directory.path, reason: why))
        }
        let path = file.path
        // SQLite's files beside it are files too: a folder there was said as a read-only data
        // folder (QA 25), which it was not.
        for side in [path + "-wal", path + "-shm"] {
            if let reason = FileCheck.notAFile(side) { throw StoreError.unreadableFile(path: side, reason: reason) }
        }
        // An existing file is checked through a read-only connection first: SQLite's header,
        // then application_id, schema version and tables. Only then may anything write to it.
        var existing: (database: Database, version: Int, full: Bool)?
        let sideFiles = SideFiles(beside: path)
        let hadFile = FileCheck.exists(path)
        if try FileCheck.hasContent(path) {
            existing = try inspect(path, place: directory.path)
        }
        if let existing, existing.full {
            // No room for the WAL index that reading had to do without: none for a write either,
            // and a connection that tried would make the -wal and -shm that reading did not.
            return (existing.version >= 1 ? existing.database : try emptyDatabase(), .full(path: directory.path))
        }
        do {
            let database = try Database(path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            if database.isReadOnly {
                // SQLite falls back to read-only by itself when the file is not writable.
                throw SQLiteError(code: SQLITE_READONLY, message: "the file is read-only")
            }
            try database.useWriteAheadLog()
            try database.execute("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON")
            try Migrations.migrate(database, path: path)
            return (database, nil)
        } catch let error as StoreError {
            // Refused by a migration step (`.damagedSchema`), rolled back: the file is as it
            // was, and so is its folder once both connections are closed (the writer was, on
            // leaving `do`), as for a file refused on inspection.
            existing = nil
            sideFiles.removeMade()
            throw error
        } catch let error as SQLiteError where error.isUnwritable {
            // A database made here for nothing (the disk full) goes again with its -wal and
            // -shm: "nothing was changed" is said, and the next try's files filled the disk
            // (QA 32). The writer was closed on leaving `do`.
            if !hadFile {
                sideFiles.removeMade()
                unlink(path)
            }
            // Name the file when only the file cannot be written, else the folder.
            let fileOnly = FileCheck.isWritable(directory.path) && !FileCheck.isWritable(path)
            let unwritable = storeError(error, place: fileOnly ? path : directory.path, file: path)
            if let existing, existing.version >= 1 { return (existing.database, unwritable) }
            return (try emptyDatabase(), unwritable)
        } catch let error as SQLiteError {
            throw storeError(error, place: directory.path, file: path)
        }
    }

    /// Nil when `file` has content to open; `.readOnly` when there is no store to read, which
    /// is why nothing can be saved in the empty one shown instead. Throws `.unreadableDirectory`
    /// when `directory` is no folder to read.
    private static func absence(of directory: URL, file: URL) throws -> StoreError? {
        guard try isFolder(directory) else { return .readOnly(path: directory.path) }
        return try FileCheck.hasContent(file.path) ? nil : .readOnly(path: directory.path)
    }

    /// True when `directory` is a folder, false when nothing is there yet. Throws
    /// `.unreadableDirectory` when it is no folder and cannot become one (a file is there, or
    /// on its path), or cannot be looked at.
    private static func isFolder(_ directory: URL) throws -> Bool {
        // Named as it was given (`--data-dir notadir`), as the commands name an article file.
        func unreadable(_ reason: String) -> StoreError { .unreadableDirectory(path: directory.relativePath, reason: reason) }
        var info = stat()
        guard stat(directory.path, &info) == 0 else {
            switch errno {
            // A link to a folder not there (a drive not mounted) is no folder to make: "no
            // bookmarks" and "cannot create … (File exists)" hid it (QA 38).
            case ENOENT:
                guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: directory.path) else { return false }
                throw unreadable("a symbolic link to '\(target)', which does not exist")
            case ENOTDIR: throw unreadable("not a folder (a file is on its path)")
            case let code: throw unreadable(lowercasedReason(code))
            }
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw unreadable("not a folder") }
        return true
    }

    /// strerror's words with a lower-case first letter, as in seealso's messages about paths.
    private static func lowercasedReason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// Opens an existing file read-only and refuses it if it is not a usable seealso database.
    /// `full`: SQLite had no room to make the WAL index (`-shm`) it reads through, and the file
    /// was read without one (see `readerMakingNothing`); `place` is the folder that is full.
    ///
    /// Leaves no file beside it that was not there: a refused file is said to be left untouched,
    /// and `bookmarks list` to create nothing. A read-only connection to a WAL database makes
    /// `-wal` and `-shm` and, unlike one that can write, leaves them on closing.
    private static func inspect(_ path: String, place: String) throws -> (database: Database, version: Int, full: Bool) {
        guard try FileCheck.hasSQLiteHeader(path) else { throw StoreError.corrupt(path: path) }
        let sideFiles = SideFiles(beside: path)
        do {
            do {
                let opened = try inspected(path, connect: reader)
                return (opened.database, opened.version, false)
            } catch let error as SQLiteError where error.isNoSpace {
                // The reader that failed is closed: it was local to the call that threw.
                sideFiles.removeMade()
                guard let fallback = try readerMakingNothing(path) else { throw StoreError.full(path: place) }
                let opened = try inspected(path) { _ in fallback }
                return (opened.database, opened.version, true)
            }
        } catch {
            sideFiles.removeMade()
            switch error {
            case let error as SQLiteError where error.isCorruption: throw StoreError.corrupt(path: path)
            case let error as SQLiteError where error.isNoSpace: throw StoreError.full(path: place)
            case let error as SQLiteError: throw StoreError.sqlite(path: path, message: error.description)
            default: throw error
            }
        }
    }

    /// `path` opened by `connect`, with its schema version, once `Migrations.check` accepts it.
    /// When this throws, the connection is closed again.
    private static func inspected(_ path: String, connect: (String) throws -> Database) throws -> (database: Database, version: Int) {
        let database = try connect(path)
        let found = try Migrations.inspect(database)
        try Migrations.check(found, path: path)
        return (database, found.version)
    }

    /// A read-only connection to `path` that sees every commit, those still in its WAL too.
    private static func reader(_ path: String) throws -> Database {
        if FileCheck.isSettledAndUnwritable(path) {
            // A file this process cannot write, with no WAL or journal holding anything beside
            // it: every commit is in the file, and only a writer with more rights (root) could add
            // one. Read as it is: a plain read-only connection makes -wal and -shm beside
            // it (the folder can be written) and leaves them there, as only a connection
            // that can write the file removes them; `bookmarks list` left two new files.
            // Other processes are not disturbed: this connection takes no lock and uses
            // neither file. (What it could misread is a checkpoint that such a writer runs
            // into the file during the read; it never writes, so nothing is damaged.)
            return try openImmutable(path)
        }
        do {
            let database = try Database(path: path, flags: SQLITE_OPEN_READONLY)
            _ = try database.integer("PRAGMA user_version")  // SQLite opens lazily: this reads
            return database
        } catch let error as SQLiteError where error.primary == SQLITE_CANTOPEN || error.primary == SQLITE_READONLY {
            // A WAL database in a folder nobody can write, closed cleanly (no -shm file):
            // SQLite opens it read-only only when told that the file cannot change. It
            // cannot while the folder stays read-only. (SQLite says CANTOPEN when the
            // filesystem is read-only, READONLY_DIRECTORY when the permissions are.) Not when
            // commits are still in its -wal with no -shm to read them by (a copy that left the
            // -shm out): read without them, the file showed older bookmarks as current (QA 32).
            // (A hot rollback journal is no such case: the file without it is as it was before
            // the transaction, and the first writer rolls it back; QA 33: it was refused.)
            if !FileCheck.isAbsentOrEmpty(path + "-wal"), !FileCheck.exists(path + "-shm") {
                throw StoreError.sqlite(path: path, message: "its latest changes are in \(URL(fileURLWithPath: path + "-wal").lastPathComponent), "
                    + "which cannot be read without its -shm file in a folder that cannot be written; "
                    + "run seealso once where the folder can be written, and they are moved into the file")
            }
            return try readerMakingNothing(path) ?? openImmutable(path)
        }
    }

    /// A read-only connection that makes no file beside `path`, for a disk with no room for the
    /// WAL index: the file alone when every commit is in it (`immutable`, as for a read-only
    /// file); else through the -wal and -shm already there, the -shm only read (`readonly_shm`:
    /// with no other process keeping the index, SQLite reads the WAL into memory instead).
    /// Nil for commits in a WAL with no -shm beside it, which SQLite cannot read without one:
    /// read without them, the bookmarks they added would look lost.
    private static func readerMakingNothing(_ path: String) throws -> Database? {
        if FileCheck.holdsEveryCommit(path) { return try openImmutable(path) }
        guard FileCheck.exists(path + "-wal"), FileCheck.exists(path + "-shm") else { return nil }
        return try openReadOnly(path, uriParameter: "readonly_shm=1")
    }

    /// A read-only connection told that the file cannot change (`immutable`): SQLite then
    /// takes no locks and opens no -wal or -shm file. Only for a file nothing can write.
    private static func openImmutable(_ path: String) throws -> Database {
        try openReadOnly(path, uriParameter: "immutable=1")
    }

    private static func openReadOnly(_ path: String, uriParameter: String) throws -> Database {
        let uri = URL(fileURLWithPath: path).absoluteString + "?" + uriParameter
        return try Database(path: path, filename: uri, flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_URI)
    }

    /// An empty, current database in memory: what a read-only store shows when there is no file.
    private static func emptyDatabase() throws -> Database {
        let database = try Database(path: ":memory:", flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY)
        try Migrations.migrate(database, path: ":memory:")
        return database
    }

    /// `SQLiteError` in words: an unwritable `place` (the data folder, or the file itself),
    /// or a problem with the database `file`.
    static func storeError(_ error: SQLiteError, place: String, file: String) -> StoreError {
        if error.isNoSpace { return .full(path: place) }
        return switch error.primary {
        case SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM: .readOnly(path: place)
        case SQLITE_CORRUPT, SQLITE_NOTADB: .corrupt(path: file)
        default: .sqlite(path: file, message: error.description)
        }
    }

    static func reason(_ error: Error) -> String {
        if let cocoa = error as? CocoaError, let posix = cocoa.underlying as? POSIXError {
            return String(cString: strerror(posix.code.rawValue))
        }
        return (error as NSError).localizedDescription
    }
}

/// One store per place: its SQLite connection is not to be shared between threads.
@available(*, unavailable)
extension StateStore: Sendable {}

/// Looks at the database file with plain system calls, before SQLite does.
enum FileCheck {
    /// Why what is at `path` is no file to read as one (a folder, a pipe), in the words an
    /// article is refused with; nil for a regular file, or nothing there.
    static func notAFile(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return RegularFile.notRegular(info.st_mode)
    }

    /// Whether `path` exists with at least one byte. A missing or empty file is a new database.
    /// Anything but a regular file (a folder, a pipe) cannot be read as one: said in the words
    /// an article is refused with, not as a damaged database.
    static func hasContent(_ path: String) throws -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return false }
            throw StoreError.unreadableFile(path: path, reason: RegularFile.openFailure(errno))
        }
        if let problem = RegularFile.notRegular(info.st_mode) { throw StoreError.unreadableFile(path: path, reason: problem) }
        return info.st_size > 0
    }

    /// Every SQLite 3 database starts with these 16 bytes, in a 100-byte header.
    /// (`open` and `read`, not `FileHandle` and `Data`: their first use was a tenth of a
    /// millisecond of every start-up.)
    static func hasSQLiteHeader(_ path: String) throws -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError.unreadableFile(path: path, reason: RegularFile.openFailure(errno)) }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 100)
        var count = 0
        while count < header.count {
            let read = header.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if read == 0 { break }
            if read < 0 {
                if errno == EINTR { continue }
                throw StoreError.sqlite(path: path, message: String(cString: strerror(errno)))
            }
            count += read
        }
        return count == header.count && header.starts(with: sqliteHeader)
    }

    /// The 16 bytes every SQLite 3 database starts with.
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    static func isWritable(_ path: String) -> Bool {
        access(path, W_OK) == 0 || errno == ENOENT
    }

    /// The file exists, this process cannot write it, and every commit is in it: nothing it
    /// holds is elsewhere, and nothing this process runs can change it.
    static func isSettledAndUnwritable(_ path: String) -> Bool {
        exists(path) && !isWritable(path) && holdsEveryCommit(path)
    }

    /// No WAL or rollback journal with anything in it is beside the database `path`: every
    /// commit is in the file. (An empty one is what a reader makes, or a writer that has not
    /// written yet.)
    static func holdsEveryCommit(_ path: String) -> Bool {
        ["-wal", "-journal"].allSatisfy { isAbsentOrEmpty(path + $0) }
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Nothing is at `path`, or an empty file. Anything that cannot be looked at is neither.
    static func isAbsentOrEmpty(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_size == 0 : errno == ENOENT
    }
}

/// The `-wal` and `-shm` files beside a database, as they were before a read-only connection
/// opened it: to remove afterwards those that it made. SQLite makes them for any connection to
/// a WAL database and removes them only when one that can write the file closes it last.
struct SideFiles {
    let database: String
    /// The suffixes that had no file before.
    private let absent: [String]

    init(beside database: String) {
        self.database = database
        absent = ["-wal", "-shm"].filter { !FileCheck.exists(database + $0) }
    }

    /// Removes the side files that were not there before; only once the connection that made
    /// them is closed. A -wal made meanwhile that holds commits is another process's, which
    /// wrote them there: it stays, and so does the -shm with it. (One that only opened the file
    /// meanwhile, to find it as unusable, would lose the files it shares: a race this narrow is
    /// taken as the price of leaving nothing.)
    func removeMade() {
        if absent.contains("-wal"), !FileCheck.isAbsentOrEmpty(database + "-wal") { return }
        // The -wal first, as SQLite removes them.
        for suffix in absent { unlink(database + suffix) }
    }
}
