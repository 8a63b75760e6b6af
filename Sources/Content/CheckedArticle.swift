/// An article classified, with its links file read: all of loading that can fail. `linked()`
/// does the rest, finding the items' mentions and making the graph, which cannot fail and is
/// much of the time (1.3 ms of 3.1 for the bundled article at start-up): the explorer sets up
/// the terminal meanwhile once it knows the article opens, and says why one does not before
/// taking the screen.
public struct CheckedArticle: Sendable {
    public let article: Article
    let items: [Item]
    let curated: [Link]
    let annotationsPath: String?

    /// Classifies `article` and reads its curated links from `annotations`, the text and path
    /// of its links file, whose problems are thrown together as `SourceErrors`.
    public init(article: Article, annotations: (text: String, path: String)? = nil) throws {
        let items = Classifier().classify(article)
        self.article = article
        self.items = items
        curated = try annotations.map { try Annotations().links(fromTOML: $0.text, path: $0.path, article: article, items: items) } ?? []
        annotationsPath = annotations?.path
    }

    /// The article linked: the curated links and those found in its text.
    public func linked() -> LinkedArticle {
        LinkedArticle(checked: self)
    }
}
