/// An article read from its file, with the stamp the file had just before it was read: a
/// write after that has a later change time, so the article is never taken for current
/// when the file changed as it was read.
public struct LoadedArticle: Sendable {
    public let model: LinkedArticle
    /// Nil for an article that has no file (the bundled one, standard input): it never changes.
    public let stamp: ArticleStamp?

    public init(model: LinkedArticle, stamp: ArticleStamp?) {
        self.model = model
        self.stamp = stamp
    }

    /// The article at `path`, or the bundled one when it is nil (as `ArticleLoader.load` reads
    /// them), stamped.
    public static func read(path: String?) throws -> LoadedArticle {
        try check(path: path).linked()
    }

    /// `read(path:)` up to linking: all of it that can fail (see `CheckedArticle`).
    public static func check(path: String?) throws -> Checked {
        // Before the read: a write while it reads leaves a later stamp than this one.
        let stamp = path.map(ArticleStamp.init(path:))
        return Checked(article: try ArticleLoader.checked(path: path), stamp: stamp)
    }

    /// An article read and checked, with its stamp, not yet linked.
    public struct Checked: Sendable {
        let article: CheckedArticle
        let stamp: ArticleStamp?

        /// The article's title and content hash (`Article.contentHash`), before it is linked.
        public var title: String { article.article.title }
        public var contentHash: String { article.article.contentHash }
        /// The path it was read from, as `Article.path` has it.
        public var path: String { article.article.path }

        public func linked() -> LoadedArticle {
            LoadedArticle(model: article.linked(), stamp: stamp)
        }
    }
}
