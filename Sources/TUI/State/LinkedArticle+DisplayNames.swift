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

extension LinkedArticle {
    /// The names of the nodes `ids`, listed together: each one's `displayName`, and where
    /// another node of the list has the same one, what tells them apart, as `seealso links`
    /// does: the kind ("Ada Lovelace (see-also)"; the lead's is "(lead)"), or the id when the
    /// kind is shared too ("Legacy (legacy-2)"). The lead is named by the article's title,
    /// which a See-also topic naming the article has too: two rows "← Ada Lovelace" said
    /// nothing of which was which.
    func displayNames(of ids: [String]) -> [String: String] {
        var idsByName: [String: [String]] = [:]
        for id in Set(ids) { idsByName[displayName(of: id), default: []].append(id) }
        var names: [String: String] = [:]
        for (name, namesakes) in idsByName {
            guard namesakes.count > 1 else {
                names[namesakes[0]] = name
                continue
            }
            let kinds = namesakes.map(kindWord(of:))
            for (id, kind) in zip(namesakes, kinds) {
                names[id] = kinds.filter { $0 == kind }.count == 1 ? "\(name) (\(kind))" : "\(name) (\(id))"
            }
        }
        return names
    }

    /// The kind a links file writes before a name (`section`, `see-also`…); the lead's is
    /// `lead`, as a links file names it `(lead)`.
    private func kindWord(of id: String) -> String {
        switch node(id: id) {
        case .item(let index): items[index].kind.slug
        case .section(0): "lead"
        case .section: "section"
        case nil: id
        }
    }
}
