import Content
import Foundation
import Store
import TUI

/// The explorer's `BookmarkService` over the SQLite store: bookmarks resolved against the
/// open article, the undo of deletes, and sessions kept per article.
@MainActor
final class StoreService: BookmarkService {
    let store: StateStore
    /// The folder being explored (absolute path), nil for a single article: sessions record
    /// it, so that the folder knows which of its articles was read last.
    let folder: String?
    /// The folder's files that do not open, by title (an earlier file has it; see
    /// `FolderCatalog.shadowed`): a bookmark of that title orphaned in the file that opens
    /// may be in one of them.
    let shadowedFiles: [String: [String]]
    /// Deleted bookmarks, last first, for `u`.
    private var removed: [Bookmark] = []

    init(store: StateStore, folder: String? = nil, catalog: FolderCatalog? = nil) {
        self.store = store
        self.folder = folder
        var shadowed: [String: [String]] = [:]
        if let catalog {
            for index in catalog.shadowed().keys.sorted() {
                shadowed[catalog.entries[index].title, default: []].append(catalog.entries[index].path)
            }
        }
        shadowedFiles = shadowed
    }

    func entries(in model: LinkedArticle) throws -> [BookmarkEntry] {
        // Each file of this title that does not open, read once, and only if a bookmark needs it.
        var others: [String: LinkedArticle?] = [:]
        func other(_ path: String) -> LinkedArticle? {
            if let read = others[path] { return read }
            let read = try? ArticleLoader.load(path: path)
            others[path] = .some(read)  // a file that fails is read once too
            return read
        }
        // Anchored where they lead now: shown with the path they lead to.
        return try store.bookmarks(placedIn: model).map { bookmark, place in
            var target: Target?
            var section: Int?
            var item: String?
            var orphaned = false
            var shared: BookmarkEntry.SharedTitle?
            switch place {
            case .section(let index)?:
                target = .section(index)
                section = index
            case .item(let id)?:
                target = Target.node(id, in: model)
                item = id
                section = model.sectionIndex(of: id)
            case .orphaned?:
                // Not lost when a file of this title that does not open has it: said so, rather
                // than offered for deletion.
                let file = shadowedFiles[bookmark.articleTitle]?.first { path in
                    other(path).map { StateStore.place(of: bookmark, in: $0) != .orphaned } ?? false
                }
                shared = file.map { BookmarkEntry.SharedTitle(file: $0, first: model.article.path) }
                orphaned = shared == nil
            case nil:
                break
            }
            return BookmarkEntry(id: bookmark.id, articleTitle: bookmark.articleTitle, path: Self.path(of: bookmark),
                                 note: bookmark.note, createdAt: bookmark.createdAt, target: target,
                                 section: section, item: item, isOrphaned: orphaned, sharedTitle: shared)
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

    func toggle(section: Int, item: String?, in model: LinkedArticle) throws -> Bool {
        let toggled = try store.toggleBookmark(in: model, sectionIndex: section, itemID: item)
        removed += toggled.removed
        return toggled.added
    }

    func setNote(_ note: String?, section: Int, item: String?, in model: LinkedArticle) throws {
        // One transaction: the bookmark and its note together (a blank note clears it), so that
        // another process cannot remove the bookmark between the two.
        try store.addBookmark(in: model, sectionIndex: section, itemID: item, note: note ?? "")
    }

    func setNote(_ note: String?, bookmark id: Int64) throws {
        do {
            try store.setNote(note, forBookmark: id)
        } catch StoreError.noSuchBookmark {
            throw Gone(id: id)
        }
    }

    /// A bookmark listed on screen that the store no longer has: another seealso removed it.
    struct Gone: Error, CustomStringConvertible {
        let id: Int64
        var description: String { "Bookmark #\(id) was removed meanwhile, by another seealso; the list is read again." }
    }

    func remove(bookmark id: Int64) throws {
        if let bookmark = try store.removeBookmark(id: id) { removed.append(bookmark) }
    }

    func undoRemove() throws -> Bool {
        guard let bookmark = removed.popLast() else { return false }
        try store.restoreBookmark(bookmark)
        return true
    }

    func saveSession(_ data: Data, for model: LinkedArticle) throws {
        try store.saveSession(data, for: ArticleIdentity(model), folder: folder)
    }

    /// The saved session of this article (by title), whichever text it was saved for: its
    /// views say where they are in terms that outlast an edit (`ViewPlace`), and the explorer
    /// places them in the text as it is now. One saved for another text before views kept
    /// their places is not used: its block indices would show other places.
    func session(for model: LinkedArticle) throws -> Data? {
        let identity = ArticleIdentity(model)
        guard let saved = try store.session(for: identity) else { return nil }
        guard saved.contentHash == identity.contentHash || SessionRecord.isPlaced(saved.data) else { return nil }
        return saved.data
    }
}
