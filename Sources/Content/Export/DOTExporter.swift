/// A Graphviz graph of the article's sections and items, coloured by kind. Curated links are
/// solid and carry their relation; detected ones are dashed, one edge per pair and relation
/// with a count (`mentions ×3`).
///
/// With a `focus`, only its neighbourhood is drawn: the nodes within `depth` links of it,
/// following links both ways, and the links among them; the focus is outlined in red.
public struct DOTExporter: Sendable {
    /// The node to centre on: a name, a node id (`strategy:municipalism`, `lead`) or the start
    /// of a name, as `resolveFocus` reads it. Nil draws the whole graph.
    public var focus: String?
    /// How many links from the focus to follow; `Int.max` (the default) keeps everything
    /// connected to it. Ignored without a focus; below 0 counts as 0.
    public var depth: Int

    public init(focus: String? = nil, depth: Int = .max) {
        self.focus = focus
        self.depth = depth
    }

    /// `export --format dot --focus NAME` names nothing in an article, or in any article of a folder.
    public struct UnknownFocus: Error, Sendable, Equatable, CustomStringConvertible {
        public var name: String
        /// The article's title, or the folder's path.
        public var article: String
        /// Up to five item or section names (or node ids) close to `name`.
        public var suggestions: [String]

        /// Not "no node id starts with": an id is taken only as written, or in any case, and
        /// "strategy:" was said to start none where five ids do (QA 41).
        public var description: String {
            "no item or section starts with '\(name.quotable)' in '\(article.neutralized)', and no node id is it"
                + (suggestions.isEmpty ? "" : "; close matches: " + suggestions.map(\.quotable).joined(separator: ", "))
        }
    }

    /// The node `name` stands for, as `Lookup.node(named:in:items:)` reads it: a node id as
    /// written (an item's `kind:slug` or a section's id), else an item's or a section's name
    /// typed whole, else a node id in any case, else the first item whose name starts with it,
    /// else the first section whose heading does; `kind: name` and `section: Heading` look
    /// among that kind only.
    public static func resolveFocus(_ name: String, in model: LinkedArticle) throws -> String {
        if let id = focusNode(name, in: model) { return id }
        throw UnknownFocus(name: name, article: model.article.title, suggestions: Lookup.suggestions(for: name, among: places(of: model)))
    }

    /// The articles of a folder that `name` resolves in (indexes, in folder order), as
    /// `focusNodes(_:in:)` reads it. Only when none has it does it throw `UnknownFocus`,
    /// naming the folder, with the close matches among all their nodes.
    public static func resolveFocus(_ name: String, in corpus: Corpus) throws -> [Int] {
        let nodes = focusNodes(name, in: corpus)
        let found = nodes.indices.filter { nodes[$0] != nil }
        guard found.isEmpty else { return found }
        throw UnknownFocus(name: name, article: corpus.root,
                           suggestions: Lookup.suggestions(for: name, among: corpus.articles.flatMap(places(of:))))
    }

    static func focusNode(_ name: String, in model: LinkedArticle) -> String? {
        Lookup.node(named: name, in: model.article, items: model.items)
    }

    /// The focus node in each article of `corpus`, nil where `name` names none. As a folder's
    /// `--section` reads it: only the articles with the best match do (`Lookup.Strength`), so
    /// that `Back` is not also some article's "Background", nor `Мои` some article's "Мой".
    static func focusNodes(_ name: String, in corpus: Corpus) -> [String?] {
        let matches = corpus.articles.map { model in
            let places = places(of: model)
            return Lookup.match(name, among: places).map { (id: places[$0.index].id, strength: $0.strength) }
        }
        let best = matches.compactMap { $0?.strength }.min()
        return matches.map { match in match.flatMap { $0.strength == best ? $0.id : nil } }
    }

    /// What a focus is looked for among, and its close matches offered from: every node.
    private static func places(of model: LinkedArticle) -> [Lookup.Place] {
        Lookup.nodePlaces(of: model.article, items: model.items)
    }

    /// The node ids within `depth` links of `focus`, following links in both directions.
    public static func neighbourhood(of focus: String, depth: Int, in graph: LinkGraph) -> Set<String> {
        var adjacent: [String: Set<String>] = [:]
        for link in graph.links {
            adjacent[link.from, default: []].insert(link.to)
            adjacent[link.to, default: []].insert(link.from)
        }
        var reached: Set<String> = [focus]
        var frontier = [focus]
        var distance = 0
        while distance < max(depth, 0) && !frontier.isEmpty {
            frontier = frontier.flatMap { adjacent[$0, default: []] }.filter { reached.insert($0).inserted }
            distance += 1
        }
        return reached
    }

    static func fill(for kind: ItemKind) -> String {
        switch kind {
        case .seeAlso: "#cfe2ff"
        case .example: "#ffe5b4"
        case .strategy: "#d1f2d1"
        }
    }

    static let focusAttributes = ", penwidth=3, color=\"#c0392b\", fontname=\"Helvetica-Bold\""

    /// The graph in DOT. A `focus` that names nothing in `model` gives a graph with no nodes
    /// but the legend: check it first with `resolveFocus`.
    public func export(_ model: LinkedArticle) -> String {
        let drawing = ArticleDrawing(model: model, exporter: self, focusID: focus.flatMap { Self.focusNode($0, in: model) }, prefix: "")
        var title = model.article.title + ": cross-links"
        if let focus { title += " of " + (drawing.focusName ?? focus) + " (" + within(drawing) + ")" }
        return header(name: model.article.title, title: title, compound: false)
            + drawing.body(indent: "  ", sectionsCluster: "cluster_sections") + legend + "}\n"
    }

    /// A folder as one graph, so that `dot -Tsvg` makes one picture of it: each article is a
    /// cluster (`cluster_1`, `cluster_2`, … in folder order) whose node ids start with its
    /// number (`2/strategy:union`), since every article has a `lead` and may share item ids.
    /// A See-also topic that names another article of the folder gets a bold edge to that
    /// article's cluster (one naming its own article, to its lead). With a `focus`, only the
    /// articles that have it are drawn, each around its own focus node; check it first with
    /// `resolveFocus(_:in:)` for a corpus.
    public func export(_ corpus: Corpus) -> String {
        let focusIDs = focus.map { Self.focusNodes($0, in: corpus) }
        let drawings = corpus.articles.enumerated().map { index, model in
            ArticleDrawing(model: model, exporter: self, focusID: focusIDs?[index], prefix: "\(index + 1)/")
        }
        let drawn = drawings.indices.filter { focus == nil || drawings[$0].focusID != nil }
        var title = corpus.root + ": cross-links"
        if let focus {
            let first = drawn.first.map { drawings[$0] }
            title += " of " + (first?.focusNameInFolder ?? focus) + " (" + (drawn.contains { drawings[$0].isLinked } ? within : "no links") + ")"
        }
        var output = header(name: corpus.root, title: title, compound: true)
        for index in drawn {
            let title = corpus.articles[index].article.title
            output += "  subgraph cluster_\(index + 1) {\n    \(Self.labelAttributes(title, separator: "; ")); color=\"#555555\";\n"
            output += drawings[index].body(indent: "    ", sectionsCluster: "cluster_\(index + 1)_sections")
            output += "  }\n"
        }
        // Between articles: drawn only when both ends are (a focus may leave either out). An
        // entry naming its own article points at its lead, inside its cluster: an edge may
        // end at the border only of a cluster it is not in (Graphviz warns, "tail is inside
        // head cluster").
        let isDrawn = Set(drawn)
        for index in drawn {
            let resolved = corpus.resolvedSeeAlso(of: index, includingItself: true)
            for item in corpus.articles[index].items {
                guard let target = resolved[item.id], drawings[index].keeps(item.id), isDrawn.contains(target),
                      drawings[target].keeps("lead") else { continue }
                let border = target == index ? "" : "lhead=\"cluster_\(target + 1)\", "
                output += "  \(drawings[index].node(item.id)) -> \(drawings[target].node("lead"))"
                    + " [\(border)label=\"article\", style=bold, color=\"#1f5fa8\"];\n"
            }
        }
        return output + legend + "}\n"
    }

    /// How much of `drawing` is drawn around its focus: "no links" when it has none (QA 30:
    /// "all linked" said so of a node alone), else `within`.
    private func within(_ drawing: ArticleDrawing) -> String {
        drawing.isLinked ? within : "no links"
    }

    /// "all linked" or "within N links", for the title of a focused graph.
    private var within: String {
        depth == .max ? "all linked" : "within \(max(depth, 0)) link" + (depth == 1 ? "" : "s")
    }

    /// The opening of a graph. `compound` lets an edge end at a cluster's border (`lhead`).
    /// Such a graph is ranked whole (`newrank`): ranked cluster by cluster, articles that
    /// list each other in a ring made Graphviz fail ("trouble in init_rank": five
    /// articles, each lead naming the next).
    private func header(name: String, title: String, compound: Bool) -> String {
        var output = "digraph \(Self.quoted(name)) {\n"
        output += "  graph [rankdir=LR, fontname=\"Helvetica\", \(Self.labelAttributes(title, width: Self.titleWidth)), labelloc=t"
            + "\(compound ? ", compound=true, newrank=true" : "")];\n"
        output += "  node [fontname=\"Helvetica\", style=filled];\n"
        output += "  edge [fontname=\"Helvetica\", fontsize=10];\n"
        return output
    }

    /// The key to the fill colours, once per graph.
    private var legend: String {
        var output = "  subgraph cluster_legend {\n    label=\"Kinds\"; color=\"#cccccc\";\n"
        for kind in ItemKind.allCases {
            output += "    \(Self.quoted("legend:" + kind.slug)) [label=\(Self.quoted(kind.pluralTitle)), shape=ellipse, fillcolor=\"\(Self.fill(for: kind))\"];\n"
        }
        return output + "  }\n"
    }

    /// One article's nodes and links, the same alone or inside a folder's graph: its node
    /// ids are written with `prefix` in front.
    private struct ArticleDrawing {
        let model: LinkedArticle
        let prefix: String
        /// The focus node in this article (unprefixed); nil without a focus or when it names nothing here.
        let focusID: String?
        /// The node ids drawn (unprefixed); nil draws all of them.
        let kept: Set<String>?
        /// What a node is labelled: its name, with its id where another node of its kind has
        /// that name too (two sections "Background"), as `links` tells them apart; the kind
        /// is drawn.
        let names: NodeNames

        init(model: LinkedArticle, exporter: DOTExporter, focusID: String?, prefix: String) {
            self.model = model
            names = NodeNames(model)
            self.prefix = prefix
            self.focusID = focusID
            kept = exporter.focus.map { [focusID] _ in
                focusID.map { DOTExporter.neighbourhood(of: $0, depth: exporter.depth, in: model.graph) } ?? []
            }
        }

        func keeps(_ id: String) -> Bool { kept?.contains(id) ?? true }

        /// Whether the focus has any link.
        var isLinked: Bool { focusID.map { !model.graph.links(touching: $0).isEmpty } ?? false }

        /// The focus as the graph's title names it: as its node is labelled (QA 30: two
        /// sections "Background" made "cross-links of Background", and the node drawn was
        /// "Background (background-2)").
        var focusName: String? { focusID.map { names.name(of: $0, kindShown: true) } }

        /// In a folder's graph, whose title starts with the folder's name: an article's lead
        /// by the article's title (QA 30: `--focus "Paris Commune"` made "cross-links of (lead)").
        var focusNameInFolder: String? {
            focusID.flatMap { model.node(id: $0) } == .section(0) ? model.article.title : focusName
        }

        func node(_ id: String) -> String { DOTExporter.quoted(prefix + id) }

        /// The sections (in a cluster named `sectionsCluster`), the items and the links among
        /// them, each line starting with `indent`.
        func body(indent: String, sectionsCluster: String) -> String {
            var output = ""
            let sections = model.article.sections.filter { keeps($0.id) }
            if !sections.isEmpty {
                output += "\(indent)subgraph \(sectionsCluster) {\n\(indent)  label=\"Sections\"; color=\"#999999\";\n"
                for section in sections {
                    let extra = section.id == focusID ? DOTExporter.focusAttributes : ""
                    output += "\(indent)  \(node(section.id)) [\(DOTExporter.labelAttributes(names.name(of: section.id, kindShown: true))), shape=box, fillcolor=\"#eeeeee\"\(extra)];\n"
                }
                output += "\(indent)}\n"
            }
            for item in model.items where keeps(item.id) {
                let extra = item.id == focusID ? DOTExporter.focusAttributes : ""
                let name = names.name(of: item.id, kindShown: true)
                let label = DOTExporter.label(name)
                let tooltip = item.kind.singularTitle + (label.shortened ? ": " + name : "")
                output += "\(indent)\(node(item.id)) [label=\(label.quoted), shape=ellipse, fillcolor=\"\(DOTExporter.fill(for: item.kind))\", tooltip=\(DOTExporter.tooltip(tooltip))\(extra)];\n"
            }
            var detectedCounts: [String: Int] = [:]
            var detectedOrder: [Link] = []
            for link in model.graph.links where keeps(link.from) && keeps(link.to) {
                switch link.origin {
                case .curated:
                    output += "\(indent)\(node(link.from)) -> \(node(link.to)) [label=\(DOTExporter.quoted(link.relation.rawValue)), tooltip=\(DOTExporter.tooltip(link.rationale?.onOneLine ?? "")), color=\"#333333\"];\n"
                case .detected:
                    let key = Self.detectedKey(link)
                    if detectedCounts[key] == nil { detectedOrder.append(link) }
                    detectedCounts[key, default: 0] += 1
                }
            }
            for link in detectedOrder {
                let count = detectedCounts[Self.detectedKey(link)]!
                let label = link.relation.rawValue + (count > 1 ? " ×\(count)" : "")
                output += "\(indent)\(node(link.from)) -> \(node(link.to)) [label=\(DOTExporter.quoted(label)), style=dashed, color=\"#888888\"];\n"
            }
            return output
        }

        /// Detected links drawn as one edge: those between the same two nodes, of one relation.
        private static func detectedKey(_ link: Link) -> String {
            [link.from, link.to, link.relation.rawValue].joined(separator: "\u{0}")
        }
    }

    /// A DOT double-quoted string: backslashes and quotes escaped, ampersands as entities,
    /// controls neutralised, and cut with "…" past `byteLimit`.
    static func quoted(_ text: String) -> String { "\"" + escaped(text.neutralized) + "\"" }

    /// A tooltip as a DOT string: as `quoted`, but a backslash is written as four. Graphviz
    /// unescapes a tooltip twice, and expands `\N`, `\G` and the like the second time: written
    /// `\\`, "C:\Names" was drawn "C:" and the node's id. An entity (`&#92;`) is
    /// read before both, and the backslash was lost.
    static func tooltip(_ text: String) -> String { "\"" + escaped(text.neutralized, backslash: "\\\\\\\\") + "\"" }

    /// `text` (neutralised) as the inside of a DOT string, cut with "…" past `byteLimit`. A
    /// line feed, which neutralised text has only where `label` breaks it, is written `\n`:
    /// in a quoted label, a line break.
    private static func escaped(_ text: String, backslash: String = "\\\\") -> String {
        var result = ""
        var bytes = 0
        // By scalar: a quote or backslash with a combining mark after it is one Character
        // that equals neither, yet Graphviz still reads its quote as the end of the string.
        for scalar in text.unicodeScalars {
            bytes += scalar.utf8.count
            if bytes > byteLimit {
                result += "…"
                break
            }
            if scalar == "\n" {
                result += "\\n"
                bytes += 1
                continue
            }
            if scalar == "\\" {
                result += backslash
                bytes += backslash.utf8.count - 1
                continue
            }
            if scalar == "\"" {
                result.unicodeScalars.append("\\")
                bytes += 1
            }
            // Graphviz reads HTML entities in every string (`&amp;` draws "&", `&#65;` "A"):
            // an ampersand is written as one, so that a name is drawn as the article writes it.
            if scalar == "&" {
                result += "&amp;"
                bytes += 4
                continue
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// A label as `quoted` writes it, on lines of at most `width` characters: broken at
    /// spaces, a longer word split across lines, and past `maxLines` lines cut with "…". Graphviz 2.43 drew
    /// a node one line wide, and beside a node of 200 letters or more in a cluster with
    /// labelled edges its router failed ("triangulation failed … lost … edge") and `dot`
    /// gave up on the whole graph. `shortened` says some of the text is left out,
    /// for a tooltip to hold it whole.
    static func label(_ text: String, width: Int = labelWidth) -> (quoted: String, shortened: Bool) {
        var lines: [String] = []
        var line: [Character] = []
        var shortened = false
        words: for word in text.neutralized.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count <= width {
                line += [" "] + Array(word)
                continue
            }
            if !line.isEmpty { lines.append(String(line)) }
            line = Array(word)
            while line.count > width || lines.count >= maxLines {
                guard lines.count < maxLines else {
                    shortened = true
                    break words
                }
                lines.append(String(line.prefix(width)))
                line.removeFirst(width)
            }
        }
        if !shortened, !line.isEmpty { lines.append(String(line)) }
        if shortened, let last = lines.popLast() {
            lines.append((last.count < width ? last : String(last.dropLast())) + "…")
        }
        return ("\"" + escaped(lines.joined(separator: "\n")) + "\"", shortened)
    }

    /// `label=…` of a graph or a cluster, with `tooltip=…` holding `text` whole when the
    /// label leaves some out; attributes apart by `separator`.
    static func labelAttributes(_ text: String, width: Int = labelWidth, separator: String = ", ") -> String {
        let label = label(text, width: width)
        return "label=\(label.quoted)" + (label.shortened ? separator + "tooltip=\(tooltip(text))" : "")
    }

    /// Characters per line of a node's or a cluster's label: a name of six or seven words.
    static let labelWidth = 40
    /// The graph's title names the article and the focus; it sits above the drawing, where
    /// a wider line costs no room.
    static let titleWidth = 64
    /// Lines of a label; a longer name is cut, and whole in the tooltip.
    static let maxLines = 4

    /// Graphviz refuses a quoted string longer than 16384 bytes ("longer than 16384?"), and
    /// with it the whole graph: a See-also entry of 17,000 letters did that. A label a
    /// quarter of that long is already far wider than any drawing.
    static let byteLimit = 4096
}
