import Content
import Foundation

/// A bookmark as the explorer shows it. The store (module `Store`) makes these; the
/// explorer does not know how they are kept.
public struct BookmarkEntry: Hashable, Sendable {
    public var id: Int64
    public var articleTitle: String
    /// Headings from the top down ("Modern usage by libertarian socialists › Municipalism").
    public var path: String
    public var note: String?
    public var createdAt: Date
    /// Where it leads in the open article; nil when it is in another article or orphaned.
    /// (A bookmark of another article of the folder is made followable by the explorer.)
    public var target: Target?
    /// The section index it resolves to in the open article (for the ★ marks).
    public var section: Int?
    public var item: String?
    /// Its section no longer exists (in the open article, or in the other one it is in):
    /// shown with its old heading, never dropped.
    public var isOrphaned: Bool
    /// Set instead of `isOrphaned` when its section is not in the open article but in another
    /// file of the folder with the same title, which does not open (only the first file of a
    /// title does): it was made there, or that file is the one that changed.
    public var sharedTitle: SharedTitle?
    /// Set when it is in no article this explorer opens (the open one, or another of the
    /// folder) and it is known where it is instead, or that it cannot be found.
    public var away: Away?

    /// Where a bookmark is that the open article does not have: in `file`, whose title `first`
    /// (the file open) has too.
    public struct SharedTitle: Hashable, Sendable {
        public var file: String
        public var first: String

        public init(file: String, first: String) {
            self.file = file
            self.first = first
        }
    }

    /// Where a bookmark is that no article here is: `articleTitle` is the title its article
    /// had when it was last found.
    public enum Away: Hashable, Sendable {
        /// In the article of `file` (as shown), which is not open here: an article read alone,
        /// or of another folder. `articleTitle` is its title now.
        case file(String)
        /// The file it was made in, `file`, is gone, and no article here has its title.
        case gone(file: String)
        /// The file it was made in, `file`, cannot be read now (`reason`), and no article here
        /// has its title.
        case unreadable(file: String, reason: String)
        /// In the bundled article, which has no file, and which is not open.
        case bundled

        /// What the Bookmarks pane and `bookmarks list` put before its place; nil for one that
        /// is found.
        public var mark: String? {
            switch self {
            case .file, .bundled: nil
            case .gone: "file gone: "
            case .unreadable: "unreadable: "
            }
        }
    }

    public init(id: Int64, articleTitle: String, path: String, note: String?, createdAt: Date,
                target: Target?, section: Int?, item: String?, isOrphaned: Bool, sharedTitle: SharedTitle? = nil,
                away: Away? = nil) {
        self.id = id
        self.articleTitle = articleTitle
        self.path = path
        self.note = note
        self.createdAt = createdAt
        self.target = target
        self.section = section
        self.item = item
        self.isOrphaned = isOrphaned
        self.sharedTitle = sharedTitle
        self.away = away
    }

    /// Why it cannot be followed from `open` (the title of the article open), when it is
    /// known: orphaned (here or in another article), in a file of the same title that does not
    /// open, in a file not open here, or in a file gone. `deleteKey` names the key that
    /// deletes it, offered for an orphaned one and one whose file is gone (the others are not lost).
    func unreachable(deleteKey: String?, open: String) -> String? {
        let deleting = deleteKey.map { ": \($0) deletes it." } ?? "."
        let title = "\u{201C}\(articleTitle)\u{201D}"
        if let sharedTitle {
            return "Its section is only in \(sharedTitle.file), whose title \(title) \(sharedTitle.first) has first: only the first opens."
        }
        if isOrphaned {
            let article = switch away {
            case .file(let file)?: "\(title) (\(file))"
            default: articleTitle == open ? "this article" : title
            }
            return "Its section no longer exists in \(article)" + deleting
        }
        switch away {
        case .file(let file)?:
            return "That bookmark is in \(title), \(file): open that file to follow it."
        case .gone(let file)?:
            return "That bookmark is in \(title), whose file \(file) is gone, and no article here has that title" + deleting
        case .unreadable(let file, let reason)?:
            // Said as every problem of a file is, `file:line: reason` (QA 26: "cannot be read
            // (line 9: …)" of a file that reads, but does not parse).
            let problem = reason.hasPrefix("line ") ? file + ":" + reason.dropFirst("line ".count) : "\(file): \(reason)"
            return "That bookmark is in \(title), whose file does not load (\(problem)), and no article here has that title."
        case .bundled?:
            return "That bookmark is in \(title), the article seealso opens without a PATH."
        case nil:
            return nil
        }
    }
}

/// What `BookmarkService.setNote` did.
public enum NoteOutcome: Equatable, Sendable {
    /// A bookmark was made, with the note.
    case made
    /// The bookmark there has the note now.
    case saved
    /// The bookmark there, made in another window meanwhile, kept the note it had, this one.
    case keptAnother(String)
    /// The bookmark's note was changed in another window since the prompt showed it: it kept
    /// that one (nil: it was cleared there).
    case changedElsewhere(String?)
    /// The note was to be cleared, and the bookmark was removed in another window meanwhile:
    /// none was made for an empty note.
    case removedElsewhere
}

/// What `BookmarkService.undoRemove` put back.
public struct UndoneRemoval: Equatable, Sendable {
    /// The bookmark to select: the first put back (or the one made on its place since, which took its note).
    public var id: Int64
    /// How many bookmarks were put back.
    public var count: Int
    /// How many of them came back beside a bookmark made on their place since, which has a note
    /// of its own: no note is dropped, so that place has two bookmarks now.
    public var besideANewer: Int
    /// How many did not come back: a bookmark made on their place since stands for them, with
    /// their note (it had none, or the same) or its own (they had none).
    public var merged: Int
    /// How many bookmarks made since those are beside or merged into (one, nearly always).
    public var newer: Int

    public init(id: Int64, count: Int = 1, besideANewer: Int = 0, merged: Int = 0, newer: Int = 0) {
        self.id = id
        self.count = count
        self.besideANewer = besideANewer
        self.merged = merged
        self.newer = newer
    }
}

/// What the explorer needs from persistent storage. Implemented over SQLite by the
/// executable (`StoreService`), and by an in-memory fake in tests. Calls throw a message fit
/// for the status bar.
@MainActor
public protocol BookmarkService: AnyObject {
    /// Every bookmark, newest first, resolved against `model`.
    func entries(in model: LinkedArticle) throws -> [BookmarkEntry]
    /// Bookmarks (section, item) unless the store has a bookmark there already (another
    /// explorer may have made it since this one read the list); true when it made one.
    func add(section: Int, item: String?, in model: LinkedArticle) throws -> Bool
    /// Removes the bookmarks on (section, item), as one `undoRemove` puts back; how many, 0
    /// when there was none (another explorer removed it since this one read the list). A place
    /// may have several (imported, or restored beside a newer one): each removal is said.
    func remove(section: Int, item: String?, in model: LinkedArticle) throws -> Int
    /// Adds the bookmark if needed, then sets its note (nil or empty clears it), unless the
    /// note it has is not the one the prompt showed (`shown`, "" for none; nil when no
    /// bookmark was shown): written in another window, which the person never saw.
    func setNote(_ note: String?, section: Int, item: String?, in model: LinkedArticle, shown: String?) throws -> NoteOutcome
    /// Sets bookmark `id`'s note, unless the note it has is not `shown` ("" for none).
    func setNote(_ note: String?, bookmark id: Int64, shown: String) throws -> NoteOutcome
    /// Removes a bookmark, as `undoRemove` can put back; false when the store no longer had it.
    func remove(bookmark id: Int64) throws -> Bool
    /// Puts back what the last removal of this explorer removed (every bookmark of a place that
    /// `m` removed at once); nil when there is nothing to undo.
    func undoRemove() throws -> UndoneRemoval?
    /// Whether another process (an explorer, the command line) changed the store since the
    /// bookmarks were last read by `entries`; this one's own writes do not count. Asked when
    /// input pauses, so it must be cheap: no table is read.
    func changedElsewhere() throws -> Bool
    /// Saves the article's session; without `asReadLast`, its place in the order of reading,
    /// which says what a folder reopens at, is left as it was (see `ExplorerSession.standsIn`).
    func saveSession(_ record: SessionRecord, for model: LinkedArticle, asReadLast: Bool) throws
    /// The last saved session of this article, which may have been saved for another text
    /// of it: the views it holds are placed in the text as it is now. Nil when there is none,
    /// or none that can be read.
    func session(for model: LinkedArticle) throws -> SessionRecord?
    /// Whether the store still saves where everyone reads it, checked before every effect
    /// (every write, and each look for changes made elsewhere): its file may have been deleted
    /// or replaced while the explorer ran, and writes to the file still open would be lost.
    /// Must be cheap. A service with nothing on disk says `.unchanged` (the default).
    func checkStoreFile() -> StoreFileCheck
    /// Why nothing can be saved now ("… is read-only"), or nil: said where bookmarks are asked
    /// for, as "No bookmarks yet: m bookmarks…" promised what `m` then refused (QA 27).
    var unwritableReason: String? { get }
}

extension BookmarkService {
    public func checkStoreFile() -> StoreFileCheck { .unchanged }
    public var unwritableReason: String? { nil }
}

/// What became of the store's file (`BookmarkService.checkStoreFile`).
public enum StoreFileCheck: Equatable, Sendable {
    case unchanged
    /// The file was gone or replaced, and the store now uses what is there (a new file where
    /// it was gone); the bookmarks are to be read again. What happened, for the status line.
    case reopened(String)
    /// What is there now is no store to use (damaged, another application's, a folder): it
    /// is left untouched, and the bookmarks are off for the rest of the run. Why, in the
    /// words the start-up would use.
    case refused(String)
}
