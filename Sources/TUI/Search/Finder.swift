import Content

/// One thing the go-to finder can jump to.
public struct FinderEntry: Hashable, Sendable {
    public var kind: String
    public var title: String
    public var target: Target
}

/// The go-to finder's state: what is typed and which result is selected.
public struct FinderState: Hashable, Sendable {
    public var query = ""
    public var selection = 0
}

extension Explorer {
    /// Sections, See-also topics, examples, strategies and this article's bookmarks.
    func finderEntries(_ state: AppState) -> [FinderEntry] {
        var entries = model.article.sections.indices.dropFirst().map {
            FinderEntry(kind: "section", title: model.article.sections[$0].title, target: .section($0))
        }
        entries.insert(FinderEntry(kind: "section", title: model.article.title, target: .section(0)), at: 0)
        for item in model.items {
            if let target = Target.node(item.id, in: model) {
                entries.append(FinderEntry(kind: item.kind.slug, title: item.name, target: target))
            }
        }
        for title in neighbours.titles where title != model.article.title {
            entries.append(FinderEntry(kind: "article", title: title, target: .article(title)))
        }
        for bookmark in state.bookmarks {
            guard let target = bookmark.target else { continue }
            let note = bookmark.note.map { " — " + $0 } ?? ""
            entries.append(FinderEntry(kind: "bookmark", title: bookmark.path + note, target: target))
        }
        return entries
    }

    /// The entries matching the query, best first (ties keep the article's order).
    public func finderResults(_ state: AppState) -> [(entry: FinderEntry, match: FuzzyMatcher.Match)] {
        let query = state.finder?.query ?? ""
        var scored: [(order: Int, entry: FinderEntry, match: FuzzyMatcher.Match)] = []
        for (order, entry) in finderEntries(state).enumerated() {
            if let match = FuzzyMatcher.match(query, in: entry.title) { scored.append((order, entry, match)) }
        }
        scored.sort { left, right in
            left.match.score != right.match.score ? left.match.score > right.match.score : left.order < right.order
        }
        return scored.map { ($0.entry, $0.match) }
    }
}
