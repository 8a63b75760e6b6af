import Content

/// An article's explorer, with the stamp its files had when they were read: what tells the
/// session that the article on screen, or one it opened before, changed on disk since.
public struct OpenedArticle: Sendable {
    public var explorer: Explorer
    /// Nil for an article that has no file (the bundled one, standard input): it never changes.
    public var stamp: ArticleStamp?

    public init(explorer: Explorer, stamp: ArticleStamp?) {
        self.explorer = explorer
        self.stamp = stamp
    }

    /// Whether its files are no longer as they were read (two `stat`s): never, without a file.
    var hasChanged: Bool { stampNow.map { $0 != stamp } ?? false }

    /// Its files' stamp as they are now; nil when it has none.
    var stampNow: ArticleStamp? {
        stamp == nil ? nil : ArticleStamp(path: explorer.model.article.path)
    }
}

/// Where a session's articles come from: what reads them, by title, from their files as they
/// are now, and lists a folder's files again. When to do either is the session's to decide
/// (`ExplorerSession`): a library only reads.
@MainActor
public protocol ArticleLibrary: AnyObject {
    /// The article titled `title` read now from the file that has (or had) that title: nil
    /// when no file has it; throws when the file does not load. The file may have another
    /// title now, which the session checks.
    func open(title: String) throws -> OpenedArticle?
    /// Lists the files again: whether the articles changed (a file added, removed, retitled).
    /// Explorers made before then are made again by `relisted`.
    func relist() -> Bool
    /// `explorer` made again for the articles as listed now: the finder's titles, the See-also
    /// topics that open articles, the backlinks from other articles.
    func relisted(_ explorer: Explorer) -> Explorer
    /// What to do to read a file that has another title now (`Retitled`), which is another
    /// article: said with the reload that cannot take it.
    var retitledAdvice: String { get }
}

extension ArticleLibrary {
    /// A folder's finder lists the file under its new title once the folder is listed again.
    public var retitledAdvice: String { "the finder opens it under its new title" }
}

/// One article read from its file (`seealso FILE`), or the bundled one: no other article, and
/// nothing to list again, but its file is read again when it changes.
public final class SingleArticle: ArticleLibrary {
    /// The file, and the title it had when the explorer opened it: the only one asked for.
    let path: String?
    let title: String
    let make: (LinkedArticle) -> Explorer

    /// `first`: the article as it was read at start-up; `make` makes its explorer.
    public init(_ first: LoadedArticle, make: @escaping (LinkedArticle) -> Explorer) {
        path = first.stamp == nil ? nil : first.model.article.path
        title = first.model.article.title
        self.make = make
    }

    public func open(title: String) throws -> OpenedArticle? {
        guard title == self.title, let path else { return nil }
        let loaded = try LoadedArticle.read(path: path)
        return OpenedArticle(explorer: make(loaded.model), stamp: loaded.stamp)
    }

    public func relist() -> Bool { false }
    public func relisted(_ explorer: Explorer) -> Explorer { explorer }
    /// Nothing here lists it again: the explorer opens it by its title line at start-up.
    public var retitledAdvice: String { "run seealso again to read it under its new title" }
}
