import TUI

/// Articles opened by a closure, none from a file the session looks at again: the library of
/// tests that make their explorers themselves.
public final class ClosureLibrary: ArticleLibrary {
    let opening: (String) throws -> Explorer?

    public init(_ opening: @escaping (String) throws -> Explorer?) { self.opening = opening }

    public func open(title: String) throws -> OpenedArticle? {
        try opening(title).map { OpenedArticle(explorer: $0, stamp: nil) }
    }

    public func relist() -> Bool { false }
    public func relisted(_ explorer: Explorer) -> Explorer { explorer }
}

extension ExplorerSession {
    /// A session whose articles `open` makes, by title, none of them from a file it looks at again.
    public convenience init(explorer: Explorer, service: BookmarkService?, open: @escaping (String) throws -> Explorer? = { _ in nil }) {
        self.init(OpenedArticle(explorer: explorer, stamp: nil), service: service, library: ClosureLibrary(open))
    }
}
