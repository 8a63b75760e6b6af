import Content
import Foundation
@testable import seealso
@testable import Store
@testable import TUI

extension ChangedOnDiskTests.Folder {
    /// The explorer on the folder, on `first` (a file's name), as `seealso f/` opens it; with
    /// a bookmark store of the test's own when `bookmarking`.
    @MainActor
    func explorer(on first: String = "alpha.txt", bookmarking: Bool = false) throws -> ChangedOnDiskTests.Reader {
        let catalog = try FolderSession.catalog(of: folder, indexDirectory: index)
        let service = try bookmarking ? StoreService(store: StateStore(directory: directory.file("data")),
                                                     folder: FolderCatalog.FolderSpelling(folder).absolute, catalog: catalog) : nil
        let session = FolderSession.session(catalog: catalog, first: try LoadedArticle.read(path: path(first)), folder: folder,
                                            indexDirectory: index, service: service)
        return ChangedOnDiskTests.Reader(session)
    }

    /// The explorer on the file `name` alone, as `seealso FILE` opens it; nil: the bundled article.
    @MainActor
    func explorer(alone name: String?) throws -> ChangedOnDiskTests.Reader {
        let opening = Exploration.Opening.article(try LoadedArticle.read(path: name.map(path)))
        return ChangedOnDiskTests.Reader(opening.session(service: nil, keymap: .standard))
    }
}
