import Content

/// What an article's explorer knows of the folder around it.
public struct Neighbours: Sendable {
    /// See-also item ids whose titles are loaded articles, and those articles' titles.
    public var seeAlso: [String: String]
    /// Other articles whose See-also topics open this one: (article title, topic name).
    public var incoming: [(article: String, topic: String)]
    /// Every loaded article's title, for the go-to finder.
    public var titles: [String]
    /// Whether the article is one of a folder's (a single article has no titles listed).
    var isFolder: Bool { !titles.isEmpty }
    /// The titles of the folder's files that are there but do not load now (a syntax error
    /// being fixed): not offered by the finder, but the history's steps into them are kept,
    /// and going to one says why it cannot be opened (see `FolderCatalog.unloaded`).
    public var unloaded: [String]
    /// See-also item ids whose title several files of the folder have, with those files'
    /// paths: such a topic opens none of them (`FolderCatalog.ambiguousSeeAlso`).
    public var ambiguous: [String: [String]]

    public init(seeAlso: [String: String] = [:], incoming: [(article: String, topic: String)] = [], titles: [String] = [],
                unloaded: [String] = [], ambiguous: [String: [String]] = [:]) {
        self.seeAlso = seeAlso
        self.incoming = incoming
        self.titles = titles
        self.unloaded = unloaded
        self.ambiguous = ambiguous
    }
}
