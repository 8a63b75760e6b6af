import Content
import Foundation

/// Where a bookmark is, among the articles at hand (`BookmarkShelf`).
public enum BookmarkLocation: Hashable, Sendable {
    /// In the shelf's article `index` (the one open, or another of the folder), at `place`
    /// there (`.orphaned` when its section is gone); `place` is nil when that article could
    /// not be read to look.
    case article(Int, place: BookmarkPlace?)
    /// In a file that no article of the shelf is, read from the path the bookmark records
    /// (`file`, absolute): an article opened alone, or of another folder.
    case elsewhere(file: String, place: BookmarkPlace)
    /// The file it records is no longer there, and no article of the shelf has its title.
    case gone(file: String)
    /// The file it records cannot be read now (`reason`), and no article of the shelf has its title.
    case unreadable(file: String, reason: String)
    /// It records no file (made before files were, or imported), and no article of the shelf
    /// has its title.
    case unknown
}

/// The articles a bookmark can be in: the folder being explored (its files in path order,
/// each with its title), the one article open alone, or none but the bundled one (`bookmarks
/// list`). It tells which article each bookmark is in, and where in it:
///
/// 1. the article whose file the bookmark records, whatever its title now;
/// 2. else, when the file it records is not there (moved, deleted) or it records none, the
///    first article with its title — the one that opens of several files with that title. When
///    its section is not there but in a later file of that title, which does not open, it is
///    in that file;
/// 3. else the file it records, read where it is (`.elsewhere`; the bundled article when it
///    is its), or why it cannot be.
///
/// Articles are read once each, when a bookmark needs them, and kept: a folder opens without
/// reading any but the first, and only the articles that hold bookmarks are read after it.
public final class BookmarkShelf {
    public struct Entry: Hashable, Sendable {
        /// The file as it is read and shown (`arts/beta.txt`); nil for the bundled article.
        public var path: String?
        public var title: String

        public init(path: String?, title: String) {
            self.path = path
            self.title = title
        }
    }

    public let entries: [Entry]
    /// Titles and files looked up, made at the first bookmark to locate: a folder with no
    /// bookmark (or whose bookmarks are all of the article open) does not wait for it.
    private lazy var lookup = Lookup(entries)
    private var canonicalPaths: [Int: String] = [:]
    private var resolvedFiles: [String: String] = [:]
    private var sites: [Int: (any BookmarkSite)?] = [:]
    private var outside: [String: Result<ArticleOutline, Error>] = [:]
    private let load: (String?) throws -> any BookmarkSite

    private struct Lookup {
        /// For each entry that does not open (an earlier one has its title), that earlier one.
        var shadowed: [Int: Int] = [:]
        var firstOfTitle: [String: Int] = [:]
        var laterOfTitle: [String: [Int]] = [:]
        /// Entries by file name, to find a recorded file among them without resolving every path.
        var byName: [Substring: [Int]] = [:]

        init(_ entries: [Entry]) {
            for (index, entry) in entries.enumerated() {
                if let earlier = firstOfTitle[entry.title] {
                    shadowed[index] = earlier
                    laterOfTitle[entry.title, default: []].append(index)
                } else {
                    firstOfTitle[entry.title] = index
                }
                if let path = entry.path { byName[BookmarkShelf.fileName(path), default: []].append(index) }
            }
        }
    }

    /// `load` reads an entry's article (nil: the bundled one); by default parsed and
    /// classified, not linked.
    public init(entries: [Entry], load: @escaping (String?) throws -> any BookmarkSite = { try ArticleOutline.load(path: $0) }) {
        self.entries = entries
        self.load = load
    }

    /// The earlier entry that has the title of entry `index`, when `index` does not open
    /// (of several files with one title only the first opens).
    public func shadowing(_ index: Int) -> Int? { lookup.shadowed[index] }

    /// The shelf of one article open alone (`model`, already read).
    public convenience init(_ model: LinkedArticle) {
        let path = ArticleLoader.isBundled(path: model.article.path) ? nil : model.article.path
        self.init(entries: [Entry(path: path, title: model.article.title)])
        sites[0] = model
    }

    /// The entry of `article` (as it was read: by its path), if it is one.
    public func index(of article: Article) -> Int? {
        // A scan, not `lookup`: this is asked at every start, bookmarks or none.
        let path = ArticleLoader.isBundled(path: article.path) ? nil : article.path
        return entries.firstIndex { $0.path == path && (path != nil || $0.title == article.title) }
    }

    /// Makes `model` the article read for its entry (the one open): it is placed in as it is
    /// shown, and not read again.
    public func use(_ model: some BookmarkSite) {
        if let index = index(of: model.article) { sites[index] = model }
    }

    /// Where `bookmark` is, and the bookmark anchored there (see `Bookmark.anchored`): with the
    /// title and file of the article it is in, and the path it leads to in it.
    public func locate(_ bookmark: Bookmark) -> (bookmark: Bookmark, location: BookmarkLocation) {
        if let file = bookmark.articlePath, let index = entry(ofFile: file) ?? relinked(file).flatMap(entry(ofFile:)) {
            return placed(bookmark, in: index)
        }
        let recorded = bookmark.articlePath.map { (file: $0, there: BookmarkFile.isThere($0)) }
        if recorded?.there != true, let index = lookup.firstOfTitle[bookmark.articleTitle] {
            let found = placed(bookmark, in: index)
            guard case .article(_, .orphaned?) = found.location else { return found }
            // Not lost when a later file of its title, which does not open, has its section.
            for later in lookup.laterOfTitle[bookmark.articleTitle] ?? [] {
                let there = placed(bookmark, in: later)
                if case .article(_, let place?) = there.location, place != .orphaned { return there }
            }
            return found
        }
        guard let recorded else { return (bookmark, .unknown) }
        guard recorded.there else { return (bookmark, .gone(file: recorded.file)) }
        let read = outside[recorded.file]
            ?? Result { try ArticleOutline.load(path: recorded.file == BookmarkFile.bundled ? nil : recorded.file) }
        outside[recorded.file] = read
        switch read {
        case .success(let site):
            let place = StateStore.place(of: bookmark, in: site)
            return (bookmark.anchored(at: place, in: site, file: nil), .elsewhere(file: recorded.file, place: place))
        case .failure(let error):
            return (bookmark, .unreadable(file: recorded.file, reason: Self.reason(error)))
        }
    }

    /// `bookmark` placed in entry `index`, and anchored there.
    private func placed(_ bookmark: Bookmark, in index: Int) -> (bookmark: Bookmark, location: BookmarkLocation) {
        guard let site = site(index) else { return (bookmark, .article(index, place: nil)) }
        let place = StateStore.place(of: bookmark, in: site)
        return (bookmark.anchored(at: place, in: site, file: canonicalPath(index)), .article(index, place: place))
    }

    /// Entry `index`'s article, read once; nil when it cannot be read.
    private func site(_ index: Int) -> (any BookmarkSite)? {
        if let read = sites[index] { return read }
        let read = try? load(entries[index].path)
        sites[index] = .some(read)  // one that fails is tried once too
        return read
    }

    /// The entry whose file `file` (canonical) is, the first in the folder's order when several
    /// are (a link to another of its files: the first is the one that opens). Only entries of
    /// the same file name are resolved, and those that are links, whose file has another name
    /// (QA 28: a bookmark in `gamma.txt -> ../outside/real.txt` was "in outside/real.txt:
    /// open that file", with Gamma open), each once: resolving all of a large folder's paths
    /// took longer than opening it.
    private func entry(ofFile file: String) -> Int? {
        if file == BookmarkFile.bundled { return entries.firstIndex { $0.path == nil } }
        return ((lookup.byName[Self.fileName(file)] ?? []) + links).filter { canonicalPath($0) == file }.min()
    }

    /// A recorded file made a link since the bookmark was made (the file moved away, a link
    /// left in its place): the file linked to (QA 29: "open that file to follow it", with it
    /// open); nil when it resolves to itself. Resolved once a file.
    private func relinked(_ file: String) -> String? {
        if let known = resolvedFiles[file] { return known == file ? nil : known }
        let resolved = file == BookmarkFile.bundled ? file : BookmarkFile.canonical(file)
        resolvedFiles[file] = resolved
        return resolved == file ? nil : resolved
    }

    /// The entries whose own file is a symbolic link, found at the first bookmark to locate
    /// (an `lstat` each, not a `realpath`).
    private lazy var links: [Int] = entries.indices.filter { index in
        var info = stat()
        guard let path = entries[index].path, lstat(path, &info) == 0 else { return false }
        return info.st_mode & S_IFMT == S_IFLNK
    }

    /// Entry `index`'s file as bookmarks record it.
    private func canonicalPath(_ index: Int) -> String {
        guard let path = entries[index].path else { return BookmarkFile.bundled }
        if let known = canonicalPaths[index] { return known }
        let canonical = BookmarkFile.canonical(path)
        canonicalPaths[index] = canonical
        return canonical
    }

    fileprivate static func fileName(_ path: String) -> Substring {
        path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? Substring(path)
    }

    /// Why a file could not be read, in the words the commands use (`LINE: what is wrong`).
    static func reason(_ error: Error) -> String {
        if let error = error as? SourceError { return error.line > 0 ? "line \(error.line): \(error.message)" : error.message }
        if let errors = error as? SourceErrors, let first = errors.errors.first { return reason(first) }
        return "\(error)"
    }
}
