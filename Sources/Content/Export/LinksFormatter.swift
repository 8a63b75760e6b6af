/// The cross-links of every classified item as plain text, grouped by kind:
///
///     Strategies (5)
///       Municipalism  (strategy:municipalism, line 61)
///         ← theory-of     Communalism (Bookchin)  [curated] Bookchin's communalism is …
///         ← mentions      (lead)  [detected] line 9: "While the term …"
public struct LinksFormatter: Sendable {
    public var kinds: Set<ItemKind>
    public var origins: Set<LinkOrigin>

    public init(kinds: Set<ItemKind> = Set(ItemKind.allCases), origins: Set<LinkOrigin> = Set(LinkOrigin.allCases)) {
        self.kinds = kinds
        self.origins = origins
    }

    /// `inFolder`: the article is one of a folder's, so its block opens with its
    /// `ArticleHeading` (path and title), which the `line N` references need.
    public func format(_ model: LinkedArticle, inFolder: Bool = false) -> String {
        (inFolder ? ArticleHeading.line(for: model.article) : "") + body(model)
    }

    private func body(_ model: LinkedArticle) -> String {
        if model.items.isEmpty {
            return "No See-also topics, examples or strategies in '\(model.article.title.neutralized)': "
                + "no list has a heading or lead-in that names them.\n"
        }
        var output = ""
        for kind in ItemKind.allCases where kinds.contains(kind) {
            let items = model.items(of: kind)
            guard !items.isEmpty else { continue }
            if !output.isEmpty { output += "\n" }
            output += "\(kind.pluralTitle) (\(items.count))\n"
            for item in items {
                output += "  \(item.name.neutralized)  (\(item.id), line \(item.line))\n"
                let links = model.graph.links(touching: item.id).filter { origins.contains($0.origin) }
                if links.isEmpty { output += "    (no links)\n" }
                for link in links { output += "    " + describe(link, from: item.id, in: model) + "\n" }
            }
        }
        return output.isEmpty ? "No items of the requested kind.\n" : output
    }

    /// `→ type  Other  [origin] why`, with ← for links that point at `node`.
    public func describe(_ link: Link, from node: String, in model: LinkedArticle) -> String {
        let arrow = link.from == node ? "→" : "←"
        let other = model.label(of: link.other(than: node))
        let type = link.relation.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
        var text = "\(arrow) \(type)  \(other.neutralized)  [\(link.origin.rawValue)]"
        if let rationale = link.rationale { text += " " + rationale.neutralized }
        if let evidence = link.evidence {
            text += " line \(evidence.line): \"\(Self.excerpt(evidence.text, limit: 100).neutralized)\""
        }
        return text
    }

    static func excerpt(_ text: String, limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }
}
