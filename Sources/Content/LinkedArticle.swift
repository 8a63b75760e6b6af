import Foundation

/// An article with everything the explorer and the exporters need: its classified items and
/// its cross-link graph (curated and detected).
public struct LinkedArticle: Sendable, Equatable {
    public let article: Article
    public let items: [Item]
    public let graph: LinkGraph
    /// Where the curated links came from, if any.
    public let annotationsPath: String?
    /// Node ids to nodes: exporters and the explorer look nodes up for every link they show.
    private let nodesByID: [String: Node]
    /// Section index → how many items of each kind it holds: the outline shows them on every
    /// row, and the explorer redraws the outline on every key.
    private let itemCountsBySection: [Int: [ItemKind: Int]]
    /// Finds mentions of the items, with the aliases the linker used: the reader marks them
    /// inline. Kept with the model because building its index is a good part of linking.
    public let mentionFinder: MentionFinder
    /// The mentions the linker found in each paragraph, by the paragraph's line, so that the
    /// reader does not look for them again (see `mentions(in:)`).
    private let paragraphMentions: [Int: Linker.ParagraphMentions]
    /// `contentHash`, once computed: the store asks for it for the session and again for the
    /// bookmarks, and the explorer for its saved views, each reading the whole text.
    private let hashOnce = Lazy<String>()

    /// The items of each kind by folded name, in article order, built on first use: see
    /// `listedAlike`, which the topic card and every list of links with none ask.
    private let itemsByName = Lazy<[ListedName: [Int]]>()

    private struct ListedName: Hashable {
        var kind: ItemKind
        var folded: String
    }

    /// `Article.contentHash` of this article, computed once.
    public var contentHash: String { hashOnce.value { article.contentHash } }

    /// `mentionFinder` is made from `items` when not given.
    public init(article: Article, items: [Item], graph: LinkGraph, annotationsPath: String? = nil, mentionFinder: MentionFinder? = nil) {
        self.init(article: article, items: items, graph: graph, annotationsPath: annotationsPath,
                  mentionFinder: mentionFinder ?? MentionFinder(items: items, leavingOutNamesOf: article.title), paragraphMentions: [:])
    }

    private init(article: Article, items: [Item], graph: LinkGraph, annotationsPath: String?, mentionFinder: MentionFinder,
                 paragraphMentions: [Int: Linker.ParagraphMentions]) {
        self.article = article
        self.items = items
        self.graph = graph
        self.annotationsPath = annotationsPath
        self.mentionFinder = mentionFinder
        self.paragraphMentions = paragraphMentions
        var nodes: [String: Node] = [:]
        for (index, section) in article.sections.enumerated() { nodes[section.id] = .section(index) }
        for (index, item) in items.enumerated() { nodes[item.id] = .item(index) }
        nodesByID = nodes
        var counts: [Int: [ItemKind: Int]] = [:]
        for item in items { counts[item.section, default: [:]][item.kind, default: 0] += 1 }
        itemCountsBySection = counts
    }

    /// The items of section `index`, counted by kind, in `ItemKind` order; kinds it has none of
    /// are left out.
    public func itemCounts(inSection index: Int) -> [(kind: ItemKind, count: Int)] {
        ItemKind.allCases.compactMap { kind in itemCountsBySection[index]?[kind].map { (kind, $0) } }
    }

    public static func == (lhs: LinkedArticle, rhs: LinkedArticle) -> Bool {
        lhs.article == rhs.article && lhs.items == rhs.items && lhs.graph == rhs.graph && lhs.annotationsPath == rhs.annotationsPath
    }

    /// Classifies and links a parsed article; `annotations` is the text and path of its links
    /// file, whose problems are thrown together as `SourceErrors`.
    public init(article: Article, annotations: (text: String, path: String)? = nil) throws {
        self.init(checked: try CheckedArticle(article: article, annotations: annotations))
    }

    /// `checked`'s article with its curated links and the mentions found in its text.
    init(checked: CheckedArticle) {
        let finder = MentionFinder(items: checked.items, leavingOutNamesOf: checked.article.title)
        let detected = Linker().detect(in: checked.article, items: checked.items, finder: finder, curated: checked.curated)
        self.init(article: checked.article, items: checked.items, graph: LinkGraph(links: checked.curated + detected.links),
                  annotationsPath: checked.annotationsPath, mentionFinder: finder, paragraphMentions: detected.paragraphs)
    }

    /// Whether `item` is a See-also topic that names this very article ("See also: Alpha" or
    /// "Alpha (letter)" in "Alpha"): the article's title is one of its aliases, so every use
    /// of the title would be a mention of it. Wikipedia shows such a self-link as plain bold
    /// text: it is no cross-reference, and following it goes to the article's top.
    public func namesItself(_ item: Item) -> Bool {
        Self.namesTitle(item, titleTokens: Tokenizer.tokens(in: article.title))
    }

    /// `sequences` are the item's aliases (`Aliases.tokenSequences`), when made already.
    static func namesTitle(_ item: Item, titleTokens: [String], sequences: [[String]]? = nil) -> Bool {
        item.kind == .seeAlso && (sequences ?? Aliases.tokenSequences(for: item.name)).contains(titleTokens)
    }

    /// The mentions of the items in `paragraph`, left to right: those the linker found when
    /// it is a paragraph of this article, else found now.
    public func mentions(in paragraph: Paragraph) -> [Linker.Mention] {
        if let found = paragraphMentions[paragraph.line], found.text == paragraph.text { return found.mentions }
        return mentionFinder.mentions(in: paragraph.text)
    }

    /// A node of the graph: a section or a classified item.
    public enum Node: Sendable, Equatable, Hashable {
        case section(Int)
        case item(Int)

        public var isItem: Bool { if case .item = self { true } else { false } }
    }

    public func node(id: String) -> Node? { nodesByID[id] }

    public func id(of node: Node) -> String {
        switch node {
        case .section(let index): article.sections[index].id
        case .item(let index): items[index].id
        }
    }

    /// A short human label: the item's name or the section's heading, which for the lead is
    /// "(lead)", as the outline, the JSON export and a links file (`section: (lead)`) name
    /// it. (Not "Lead": that can be a real heading.)
    public func label(of id: String) -> String {
        switch node(id: id) {
        case .item(let index): items[index].name
        case .section(let index): article.sections[index].title
        case nil: id
        }
    }

    /// The section a node lives in (itself for a section).
    public func sectionIndex(of id: String) -> Int? {
        switch node(id: id) {
        case .item(let index): items[index].section
        case .section(let index): index
        case nil: nil
        }
    }

    public func items(of kind: ItemKind) -> [Item] { items.filter { $0.kind == kind } }

    /// The other items of `item`'s kind listed under the same name (folded, as `--item` reads
    /// it): a See-also entry written twice. The linker gives a name's mentions to the first.
    public func listedAlike(_ item: Item) -> [Item] {
        listedUnderTheName(of: item).map { items[$0] }.filter { $0.id != item.id }
    }

    /// The item listed first under `item`'s name, which the linker gives the name's mentions,
    /// when it is another; nil for the first (or only) one. Without a copy of the others: an
    /// article listing one name 10,000 times took 10 s to list its links (QA 33).
    public func listedBefore(_ item: Item) -> Item? {
        guard let first = listedUnderTheName(of: item).first, items[first].id != item.id else { return nil }
        return items[first]
    }

    /// The indices of the items of `item`'s kind under its name (folded), in article order.
    private func listedUnderTheName(of item: Item) -> [Int] {
        let byName = itemsByName.value {
            var byName: [ListedName: [Int]] = [:]
            for (index, item) in items.enumerated() { byName[ListedName(kind: item.kind, folded: Lookup.fold(item.name)), default: []].append(index) }
            return byName
        }
        return byName[ListedName(kind: item.kind, folded: Lookup.fold(item.name))] ?? []
    }

    /// Why the article has no items, when it has none: what `links` says, and the explorer's
    /// cross-links pane (QA 35: an article in French said only "No cross-links").
    public var whyNoItems: String? {
        guard items.isEmpty else { return nil }
        if let index = Classifier().sectionWithUnnamedList(in: article) {
            return "the list under '\(article.sections[index].title.neutralized)' has no item with a name "
                + "(a dash first, \"- – text\", leaves an item without one; a date names no example or strategy)."
        }
        let hasLists = article.sections.contains { $0.blocks.contains { if case .list = $0 { true } else { false } } }
        // QA 32: an article in Russian was told only that.
        return hasLists ? "no list has a heading or lead-in that names them (\"See also\", \"Examples\", \"Strategies\"… "
            + "in \(ListVocabulary.languageNames))." : "it has no list."
    }

    /// Why `id` has no links, when it is an item whose name is listed before it (": its name
    /// is listed before, at line 11"), for wherever its links are said to be none; "" otherwise
    /// (QA 30: a See-also entry written twice showed "(no links)" with no word of the first).
    public func whyNoLinks(of id: String) -> String {
        guard case .item(let index)? = node(id: id), let first = listedBefore(items[index]) else { return "" }
        return ": its name is listed before, at line \(first.line)"
    }

    /// The sections linked to other sections, in article order, each with those links (in
    /// the graph's order). No item holds such a link, so the outputs that list the items'
    /// links show these apart. They are curated: the linker links mentions to items only.
    public func sectionsLinkedToSections() -> [(section: Int, links: [Link])] {
        var linksBySection: [Int: [Link]] = [:]
        for link in graph.links {
            guard case .section(let from)? = node(id: link.from), case .section(let to)? = node(id: link.to) else { continue }
            linksBySection[from, default: []].append(link)
            linksBySection[to, default: []].append(link)
        }
        return linksBySection.keys.sorted().map { ($0, linksBySection[$0]!) }
    }
}
