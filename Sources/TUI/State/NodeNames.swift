import Content

extension LinkedArticle {
    /// How the explorer names a node, in every pane, message and prompt: the lead by the
    /// article's title, as the outline's first row and the reader's title line show it (a
    /// reader sees no heading called "Lead"); a section by its heading, an item by its name.
    /// The command line keeps `label(of:)`, whose "(lead)" is the links files' spelling.
    func displayName(of id: String) -> String {
        node(id: id) == .section(0) ? article.title : label(of: id)
    }
}
