/// The cross-links of every classified item as plain text, grouped by kind, then the links
/// between two sections, which no item holds:
///
///     Strategies (5)
///       Municipalism  (strategy:municipalism, line 61)
///         ← theory-of     Communalism (Bookchin)  [curated] Bookchin's communalism is …
///         ← mentions      (lead)  [detected] line 9: "…among anarchists, municipalists, …"
///
///     Sections (2)
///       (lead)  (lead, line 1)
///         ← described-in  History  [curated] The lead tells the history …
public struct LinksFormatter: Sendable {
    /// The kinds of item listed; nil lists every kind, and then the sections linked to other
    /// sections (`--kind` asks for items of one kind: sections are none).
    public var kinds: Set<ItemKind>?
    public var origins: Set<LinkOrigin>

    public init(kinds: Set<ItemKind>? = nil, origins: Set<LinkOrigin> = Set(LinkOrigin.allCases)) {
        self.kinds = kinds
        self.origins = origins
    }

    /// `inFolder`: the article is one of a folder's, so its block opens with its
    /// `ArticleHeading` (path and title), which the `line N` references need.
    public func format(_ model: LinkedArticle, inFolder: Bool = false) -> String {
        (inFolder ? ArticleHeading.line(for: model.article) : "") + body(model)
    }

    private func body(_ model: LinkedArticle) -> String {
        let names = NodeNames(model)
        var groups: [String] = []
        if let why = model.whyNoItems {
            groups.append("No See-also topics, examples or strategies in '\(model.article.title.neutralized)': \(why)\n")
        }
        for kind in ItemKind.allCases where kinds?.contains(kind) ?? true {
            let items = model.items(of: kind)
            guard !items.isEmpty else { continue }
            var group = "\(kind.pluralTitle) (\(items.count))\n"
            for item in items {
                group += node(item.name, id: item.id, line: item.line, links: model.graph.links(touching: item.id), names: names,
                              whyNone: model.whyNoLinks(of: item.id))
            }
            groups.append(group)
        }
        if kinds == nil {
            let sections = model.sectionsLinkedToSections().compactMap { entry -> String? in
                guard entry.links.contains(where: { origins.contains($0.origin) }) else { return nil }
                let section = model.article.sections[entry.section]
                return node(section.title, id: section.id, line: section.line, links: entry.links, names: names)
            }
            if !sections.isEmpty { groups.append("Sections (\(sections.count))\n" + sections.joined()) }
        }
        guard groups.isEmpty else { return groups.joined(separator: "\n") }
        // The kinds asked for and the article, named (QA 30: "No items of the requested kind.").
        let asked = ItemKind.allCases.filter { kinds?.contains($0) ?? true }
            .map { $0 == .seeAlso ? $0.pluralTitle : $0.pluralTitle.lowercased() }
        let named = asked.count > 1 ? asked.dropLast().joined(separator: ", ") + " or " + asked[asked.count - 1] : asked.joined()
        return "No \(named) in '\(model.article.title.neutralized)'.\n"
    }

    /// A node's row, `name  (id, line N)`, and a row for each of `links` of the origins asked
    /// for, or "(no links)" and `whyNone` (`LinkedArticle.whyNoLinks`).
    private func node(_ name: String, id: String, line: Int, links: [Link], names: NodeNames, whyNone: String = "") -> String {
        var output = "  \(name.neutralized)  (\(id), line \(line))\n"
        let shown = links.filter { origins.contains($0.origin) }
        if shown.isEmpty { output += "    (no links\(whyNone))\n" }
        for link in shown { output += "    " + describe(link, from: id, names: names) + "\n" }
        return output
    }

    /// `→ type  Other  [origin] why`, with ← for links that point at `node`; the other end
    /// named as `names` tells it apart from its namesakes.
    func describe(_ link: Link, from node: String, names: NodeNames) -> String {
        let arrow = link.from == node ? "→" : "←"
        let type = link.relation.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
        var text = "\(arrow) \(type)  \(names.name(of: link.other(than: node)))  [\(link.origin.rawValue)]"
        if let rationale = link.rationale { text += " " + rationale.onOneLine.neutralized }
        if let evidence = link.evidence {
            text += " line \(evidence.line): \"\(evidence.excerpt(limit: 100).neutralized)\""
        }
        return text
    }
}
