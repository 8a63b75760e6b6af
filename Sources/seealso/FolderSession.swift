import Content
import Foundation
import Store
import TUI

/// The explorer on a folder: the catalog (from the on-disk index, or from parsing every
/// file when the index cannot be used) gives titles and See-also topics; each article is
/// parsed when it is first opened.
enum FolderSession {
    /// The folder's catalog from the index in `$XDG_CACHE_HOME/seealso`; if the index cannot
    /// be opened or written, every file is parsed instead.
    static func catalog(of folder: String) throws -> FolderCatalog {
        if let index = try? CorpusIndex(directory: CorpusIndex.defaultDirectory()),
           let refresh = try? index.refresh(folder: folder) {
            return refresh.catalog
        }
        return try Corpus.load(directory: folder).catalog
    }

    /// A session that opens the catalog's articles by title, the first one already `loaded`.
    @MainActor
    static func session(catalog: FolderCatalog, first: LinkedArticle, keymap: KeyMap = .standard,
                        service: BookmarkService?) -> ExplorerSession {
        let titles = catalog.entries.map(\.title)
        // Each title once in the finder: files sharing a title open the first of them.
        var listed = Set<String>()
        let distinctTitles = titles.filter { listed.insert($0).inserted }
        // Once for the session: each article opened then reads its backlinks from it.
        let backlinks = catalog.incoming()
        let unloaded = catalog.unloaded.map(\.title)
        /// `index`: the article's entry in the catalog; nil for a file that did not load when
        /// the catalog was made, whose backlinks the catalog does not know.
        func explorer(_ index: Int?, _ model: LinkedArticle) -> Explorer {
            let seeAlso = catalog.resolvedSeeAlso(of: model).mapValues { catalog.entries[$0].title }
            // By title, as they open: two files of one title that link here are one row.
            var seen = Set<[String]>()
            let incoming = (index.map(backlinks.to) ?? []).map { (article: catalog.entries[$0.article].title, topic: $0.topic) }
                .filter { seen.insert([$0.article, $0.topic]).inserted }
            return Explorer(model: model, keymap: keymap, bookmarks: service != nil,
                            neighbours: Neighbours(seeAlso: seeAlso, incoming: incoming, titles: distinctTitles, unloaded: unloaded))
        }
        return ExplorerSession(explorer: explorer(0, first), service: service) { title in
            if let index = titles.firstIndex(of: title) {
                return explorer(index, try ArticleLoader.load(path: catalog.entries[index].path))
            }
            // A file that did not load is read again: fixed since, it opens; else its error is said.
            guard let broken = catalog.unloaded.first(where: { $0.title == title }) else { return nil }
            let model = try ArticleLoader.load(path: broken.path)
            // Fixed under another title: not the article asked for, whose steps lead nowhere now.
            return model.article.title == title ? explorer(nil, model) : nil
        }
    }
}

extension ArticleLocation {
    /// The PATH argument, when it names a folder (`-` is standard input, even with a folder
    /// of that name here: `./-` names that).
    var folderPath: String? {
        var isDirectory: ObjCBool = false
        guard let file, !readsStandardInput, FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return file
    }
}
