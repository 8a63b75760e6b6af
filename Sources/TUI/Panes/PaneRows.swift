import Content
import Foundation

/// The rows of the list panes, computed from the model and the node the reader is on.
public enum PaneRows {
    /// The outline: one row per visible section, indented by level, with ▸/▾ on sections
    /// that have subsections. Returns the section index of each row beside it.
    public static func outline(_ model: LinkedArticle, collapsed: Set<Int>, current: Int,
                               bookmarked: Set<Int> = []) -> [(section: Int, row: ListRow)] {
        var rows: [(Int, ListRow)] = []
        let article = model.article
        // The section being read, or where it is inside a collapsed one, the one that shows and
        // holds it (QA 41: focused, with the selection elsewhere, nothing marked it).
        let highlighted = article.path(to: current).dropLast().first(where: collapsed.contains) ?? current
        // The ★ after a bookmarked section's heading, kept when the row is cut to the pane.
        func marked(_ spans: [TextSpan], section: Int) -> (spans: [TextSpan], kept: Int) {
            bookmarked.contains(section) ? (spans + [TextSpan(" ★", Style(.bookmark, bold: true))], 1) : (spans, 0)
        }
        // The lead has no heading: its row is the article's title, marked as any section is.
        let lead = marked([TextSpan(article.title, Style(highlighted == 0 ? .heading1 : .normal, bold: highlighted == 0))], section: 0)
        rows.append((0, ListRow(lead.spans, target: .section(0), keptAtEnd: lead.kept)))
        func visit(_ parent: Int?, depth: Int) {
            for index in article.children(of: parent) {
                let hasChildren = !article.children(of: index).isEmpty
                let marker = hasChildren ? (collapsed.contains(index) ? "▸ " : "▾ ") : "  "
                let isCurrent = index == highlighted
                let itemCounts = model.itemCounts(inSection: index).map { String($0.count) }
                var spans = [TextSpan(marker, Style(.dim)),
                             TextSpan(article.sections[index].title, Style(isCurrent ? .heading1 : .normal, bold: isCurrent))]
                if !itemCounts.isEmpty { spans.append(TextSpan(" (" + itemCounts.joined(separator: "+") + ")", Style(.dim))) }
                let row = marked(spans, section: index)
                rows.append((index, ListRow(row.spans, target: .section(index), indent: depth * 2, keptAtEnd: row.kept)))
                if hasChildren && !collapsed.contains(index) { visit(index, depth: depth + 1) }
            }
        }
        visit(nil, depth: 0)
        return rows
    }

    /// For a section with no links of its own whose items have some, that they do: "No
    /// cross-links for Historical examples" read as "nothing here is linked" (QA 38).
    static func itemsLinked(in node: String, of model: LinkedArticle) -> String {
        guard case .section(let index)? = model.node(id: node) else { return "" }
        let linked = model.items.filter { model.sectionIndex(of: $0.id) == index && !model.graph.links(touching: $0.id).isEmpty }.count
        guard linked > 0 else { return "" }
        return " " + (linked == 1 ? "Its item has links" : "Its \(linked) items have links") + " of their own: select one in the reader to see them."
    }

    /// Cross-links of `node`, grouped by the kind of the other end, each with a detail line
    /// giving the rationale (curated) or the evidence (detected).
    public static func crossLinks(_ model: LinkedArticle, node: String) -> [ListRow] {
        let links = model.graph.links(touching: node)
        guard !links.isEmpty else {
            // An article with no items at all says why, as `links` does.
            let why = model.whyNoItems.map { " The article has no See-also topics, examples or strategies: " + $0 } ?? ""
            return [ListRow([TextSpan("No cross-links for \(model.displayName(of: node))\(model.whyNoLinks(of: node)).\(why)"
                                      + itemsLinked(in: node, of: model), Style(.dim))], wraps: true)]
        }
        var rows: [ListRow] = []
        let groups: [(title: String, kind: ItemKind?)] = ItemKind.allCases.map { ($0.pluralTitle, $0) } + [("Sections", nil)]
        for group in groups {
            let members = links.filter { link in
                switch model.node(id: link.other(than: node)) {
                case .item(let index): model.items[index].kind == group.kind
                case .section: group.kind == nil
                case nil: false
                }
            }
            guard !members.isEmpty else { continue }
            let role: ColorRole = group.kind?.role ?? .section
            rows.append(ListRow([TextSpan("\(group.title) (\(members.count))", Style(role, bold: true))]))
            // A group is of one kind: namesakes of other kinds are under their own heading.
            let names = model.displayNames(of: members.map { $0.other(than: node) })
            for link in members { rows += linkRows(link, from: node, named: names, model: model) }
        }
        return rows
    }

    /// Every bookmark, newest first: where it is, its note and when it was made. Orphaned
    /// ones keep their old heading; those of other articles say which. With none, the key
    /// that makes one (`bookmarkKey`) is named, unless none can be saved now (`unwritable`).
    public static func bookmarks(_ entries: [BookmarkEntry], model: LinkedArticle, bookmarkKey: String?,
                                 unwritable: String? = nil) -> [ListRow] {
        guard !entries.isEmpty else {
            return [ListRow([TextSpan(noBookmarksYet(bookmarkKey: bookmarkKey, unwritable: unwritable), Style(.dim))], wraps: true)]
        }
        return entries.flatMap { entry -> [ListRow] in
            var main = [TextSpan("★ ", Style(.bookmark, bold: true))]
            if entry.isOrphaned { main.append(TextSpan("orphaned: ", Style(.error, bold: true))) }
            if let shared = entry.sharedTitle { main.append(TextSpan("only in \(shared.file): ", Style(.error))) }
            if let mark = entry.away?.mark { main.append(TextSpan(mark, Style(.error, bold: true))) }
            // The bookmarked heading itself is kept when the row is cut: its ancestors take the
            // "…" ("Geography › Upper Danube › Tributarie…" hid the heading bookmarked).
            var kept = 0
            // So is the separator before it: cut inside the ancestors, the row read
            // "Modern usage by libertari…Municipalism" (QA 25).
            if let last = entry.path.range(of: " › ", options: .backwards) {
                main.append(TextSpan(String(entry.path[..<last.lowerBound])))
                main.append(TextSpan(String(entry.path[last])))
                main.append(TextSpan(String(entry.path[last.upperBound...])))
                kept = 2
            } else {
                main.append(TextSpan(entry.path))
            }
            var detail: [TextSpan] = []
            // Where it is when not here: its article, and its file when that is not this
            // article's (QA 23: a bookmark of a.txt showed in a folder with a copy of it as
            // "★ Background", and `m` there made a second row that read the same).
            var place: [String] = entry.articleTitle != model.article.title ? [entry.articleTitle] : []
            switch entry.away {
            case .file(let file)?: place.append(file)
            case .bundled?: place.append("the bundled article")
            default: break
            }
            if !place.isEmpty { detail.append(TextSpan(place.joined(separator: ", ") + " · ", Style(.dim))) }
            if let note = entry.note, !note.isEmpty { detail.append(TextSpan("“\(note)” · ", Style(.normal))) }
            detail.append(TextSpan(LocalTime.minute(entry.createdAt), Style(.dim)))
            return [ListRow(main, target: entry.target, selectable: true, keptAtEnd: kept), ListRow.detail(detail)]
        }
    }

    /// What the empty Bookmarks pane says; the keys that need a bookmark say it there too.
    static func noBookmarksYet(bookmarkKey: String?, unwritable: String?) -> String {
        if let unwritable { return "No bookmarks yet, and none can be saved: \(unwritable)." }
        return "No bookmarks yet" + (bookmarkKey.map { ": \($0) bookmarks the section you are reading." } ?? ".")
    }

    /// What points at `node`, then the other articles of the folder that list this one
    /// among their See-also topics.
    public static func backlinks(_ model: LinkedArticle, node: String, incoming: [(article: String, topic: String)] = []) -> [ListRow] {
        let links = model.graph.incoming(to: node)
        let names = model.displayNames(of: links.map(\.from))
        var rows = links.flatMap { linkRows($0, from: node, named: names, model: model) }
        if links.isEmpty {
            // "here" would deny the other articles listed under it. Wrapped, as a pane's
            // width cut it before the name it is about ("Nothing in this article points to A…").
            let place = incoming.isEmpty ? "here" : "in this article"
            rows.append(ListRow([TextSpan("Nothing \(place) points to \(model.displayName(of: node)).", Style(.dim))], wraps: true))
        }
        if !incoming.isEmpty {
            // Named: under "Other articles" in the backlinks of one of its topics, they read as
            // listing that topic, not this article.
            rows.append(ListRow([TextSpan("Articles listing \(model.article.title) (\(incoming.count))", Style(.section, bold: true))]))
            for source in incoming {
                rows.append(ListRow([TextSpan("← ", Style(.dim)), TextSpan(source.article)],
                                    target: .seeAlsoEntry(article: source.article, name: source.topic), indent: 2))
                rows.append(ListRow.detail([TextSpan("see also: \(source.topic)", Style(.dim))]))
            }
        }
        return rows
    }

    /// Two rows per link: the other end (selectable), named as `names` has it (see
    /// `LinkedArticle.displayNames(of:)`), then its type, origin and why.
    static func linkRows(_ link: Link, from node: String, named names: [String: String], model: LinkedArticle) -> [ListRow] {
        let other = link.other(than: node)
        let arrow = link.from == node ? "→ " : "← "
        let originRole: ColorRole = link.origin == .curated ? .curated : .detected
        let main = ListRow([TextSpan(arrow, Style(.dim)), TextSpan(names[other] ?? model.displayName(of: other))],
                           target: Target.node(other, in: model), indent: 2)
        var detail = [TextSpan("\(link.relation.rawValue) · \(link.origin.rawValue)", Style(originRole))]
        var kept: Int?
        if let rationale = link.rationale {
            detail.append(TextSpan(": " + rationale, Style(.dim)))
        } else if let evidence = link.evidence {
            detail.append(TextSpan(": line \(evidence.line): ", Style(.dim)))
            if let parts = evidence.partsAroundMention {
                // The mention undimmed, and kept in view where the sentence is cut.
                detail += [TextSpan(String(parts.before), Style(.dim)), TextSpan(String(parts.mention)),
                           TextSpan(String(parts.after), Style(.dim))]
                kept = detail.count - 2
            } else {
                detail.append(TextSpan(evidence.text, Style(.dim)))
            }
        }
        // A rationale is short authored prose, shown whole; evidence is cut around its mention.
        return [main, ListRow.detail(detail, keeping: kept, whole: link.rationale != nil)]
    }
}
