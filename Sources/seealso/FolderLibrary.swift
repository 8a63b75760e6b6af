import Content
import Foundation
import TUI

/// The articles of a folder, by title, as its catalog lists them: each read from its file
/// when the session asks for it, and the catalog listed again through the index (which reads
/// only the files whose stamps changed) when the session asks for that.
@MainActor
final class FolderLibrary: ArticleLibrary {
    let folder: String?
    let indexDirectory: URL
    let keymap: KeyMap
    /// Told when the folder's list changes: the bookmarks are found in its files as listed.
    let service: StoreService?
    private(set) var catalog: FolderCatalog
    /// What the explorers know of the folder, made from `catalog` once a listing.
    private var listed: Listed

    init(catalog: FolderCatalog, folder: String?, indexDirectory: URL, keymap: KeyMap, service: StoreService?) {
        self.catalog = catalog
        self.folder = folder
        self.indexDirectory = indexDirectory
        self.keymap = keymap
        self.service = service
        listed = Listed(catalog)
    }

    /// The catalog as the explorers see it.
    private struct Listed {
        /// Each entry's title, in the catalog's order.
        let titles: [String]
        /// Each title once, for the finder: files sharing a title open the first of them.
        let distinctTitles: [String]
        /// Made once a listing: each article opened then reads its backlinks from it.
        let backlinks: FolderCatalog.Incoming
        let unloaded: [String]
        /// The files that do not load now, as a catalog of their own: a See-also topic that
        /// names none of the articles is looked up among them the same way.
        let unloadedCatalog: FolderCatalog

        init(_ catalog: FolderCatalog) {
            titles = catalog.entries.map(\.title)
            var seen = Set<String>()
            distinctTitles = titles.filter { seen.insert($0).inserted }
            backlinks = catalog.incoming()
            unloaded = catalog.unloaded.map(\.title)
            unloadedCatalog = FolderCatalog(entries: catalog.unloaded, failures: [])
        }
    }

    func open(title: String) throws -> OpenedArticle? {
        // A file that did not load when the catalog was made is read again too: fixed since,
        // it opens; else its error is said.
        guard let path = listed.titles.firstIndex(of: title).map({ catalog.entries[$0].path })
                ?? catalog.unloaded.first(where: { $0.title == title })?.path else { return nil }
        let loaded = try LoadedArticle.read(path: path)
        return OpenedArticle(explorer: explorer(for: loaded.model), stamp: loaded.stamp)
    }

    /// Through the index only: without it every file would be parsed again, each time the
    /// finder opens; the folder is then as it was listed at start-up.
    func relist() -> Bool {
        guard let folder, let relisted = FolderSession.indexedCatalog(of: folder, indexDirectory: indexDirectory),
              Set(relisted.entries) != Set(catalog.entries) || Set(relisted.unloaded) != Set(catalog.unloaded) else { return false }
        catalog = relisted
        listed = Listed(relisted)
        service?.relisted(relisted)
        return true
    }

    func relisted(_ explorer: Explorer) -> Explorer { self.explorer(for: explorer.model) }

    /// The explorer of `model`, with what the catalog says of the folder around it. Its entry
    /// is the one of its file; a file that did not load when the catalog was made has none,
    /// and the catalog does not know its backlinks.
    func explorer(for model: LinkedArticle) -> Explorer {
        let index = catalog.entries.firstIndex { $0.path == model.article.path }
        var seeAlso = catalog.resolvedSeeAlso(of: model).mapValues { catalog.entries[$0].title }
        // A topic naming a file that does not load now opens it, which says why it cannot
        // be opened: its card said that no article of the folder has the title.
        let ambiguous = catalog.ambiguousSeeAlso(of: model)
        for (item, index) in listed.unloadedCatalog.resolvedSeeAlso(of: model) where seeAlso[item] == nil && ambiguous[item] == nil {
            seeAlso[item] = listed.unloadedCatalog.entries[index].title
        }
        // By title, as they open: two files of one title that link here are one row.
        var seen = Set<[String]>()
        let incoming = (index.map(listed.backlinks.to) ?? []).map { (article: catalog.entries[$0.article].title, topic: $0.topic) }
            .filter { seen.insert([$0.article, $0.topic]).inserted }
        return Explorer(model: model, keymap: keymap, bookmarks: service != nil,
                        neighbours: Neighbours(seeAlso: seeAlso, incoming: incoming, titles: listed.distinctTitles, unloaded: listed.unloaded,
                                               ambiguous: ambiguous))
    }
}
