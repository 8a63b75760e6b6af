import Content
import Foundation
import Store
import TUI

/// The explorer on a folder: the catalog (from the on-disk index, or from parsing every
/// file when the index cannot be used) gives titles and See-also topics; each article is
/// parsed when it is first opened.
enum FolderSession {
    /// The folder's catalog from the index in `indexDirectory` (`$XDG_CACHE_HOME/seealso`); if
    /// the index cannot be opened or written, every file is parsed instead.
    static func catalog(of folder: String, indexDirectory: URL) throws -> FolderCatalog {
        try indexedCatalog(of: folder, indexDirectory: indexDirectory) ?? Corpus.load(directory: folder).catalog
    }

    /// The folder's catalog from the index alone (only the files whose stamps changed are
    /// parsed); nil when the index cannot be opened or written.
    static func indexedCatalog(of folder: String, indexDirectory: URL) -> FolderCatalog? {
        guard let index = try? CorpusIndex(directory: indexDirectory) else { return nil }
        return try? index.refresh(folder: folder).catalog
    }

    /// A session that opens the catalog's articles by title, the first one already `loaded`.
    /// `folder` (as given) is listed again when the session asks, through the index in
    /// `indexDirectory`; nil keeps the catalog.
    @MainActor
    static func session(catalog: FolderCatalog, first: LoadedArticle, folder: String? = nil,
                        indexDirectory: URL, keymap: KeyMap = .standard,
                        service: StoreService?) -> ExplorerSession {
        let library = FolderLibrary(catalog: catalog, folder: folder, indexDirectory: indexDirectory, keymap: keymap, service: service)
        return ExplorerSession(OpenedArticle(explorer: library.explorer(for: first.model), stamp: first.stamp), service: service,
                               library: library)
    }
}

extension ArticleLocation {
    /// The PATH argument, when it names a folder (`-` is standard input, even with a folder
    /// of that name here: `./-` names that).
    var folderPath: String? {
        // stat(2), as FileManager's fileExists(atPath:isDirectory:) does (following links),
        // without FileManager's first use: this is read before the article's thread starts.
        var info = stat()
        guard let file, !readsStandardInput, stat(file, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return file
    }
}
